import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/** Where the worker's source is and what it is called in the build (next to index.html). */
const SOURCE = resolve(import.meta.dirname, '../offline/service-worker.ts');
export const SERVICE_WORKER_FILE = 'sw.js';
const PLACEHOLDER = /(["'`])__ML_PRECACHE_MANIFEST__\1/;

/** Files of the build the app never loads: source maps are for developers. */
function precached(file: string): boolean {
  return !file.endsWith('.map') && file !== SERVICE_WORKER_FILE;
}

function publicFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  try {
    walk(dir);
  } catch {
    // no public folder
  }
  return out;
}

/**
 * Builds the service worker (src/offline/service-worker.ts) as sw.js and writes into it
 * the list of every file of this build, with a version made from their contents, so a
 * new build replaces the offline copy and an unchanged one keeps it. A small,
 * dependency-free stand-in for workbox's injectManifest.
 */
export function serviceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'missinglink:service-worker',
    // Only a build of the app page gets a worker (a bench page built with this config has no index.html).
    apply: (userConfig, { command }) => command === 'build' && buildsAppPage(userConfig.build?.rollupOptions?.input),
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: SOURCE, fileName: SERVICE_WORKER_FILE });
    },
    generateBundle(_options, bundle) {
      const worker = bundle[SERVICE_WORKER_FILE];
      if (!worker || worker.type !== 'chunk') throw new Error(`${SERVICE_WORKER_FILE} was not built`);
      if (worker.imports.length > 0 || worker.exports.length > 0) {
        throw new Error(`${SERVICE_WORKER_FILE} must be a classic script: src/offline/service-worker.ts may not import or export anything`);
      }
      const hash = createHash('sha256');
      const files: string[] = [];
      for (const [fileName, output] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
        if (!precached(fileName)) continue;
        files.push(fileName);
        hash.update(fileName).update(output.type === 'chunk' ? output.code : output.source);
      }
      const publicDir = config.publicDir;
      for (const file of publicFiles(publicDir).sort()) {
        if (!precached(file) || files.includes(file)) continue;
        files.push(file);
        hash.update(file).update(readFileSync(join(publicDir, file)));
      }
      if (!files.includes('index.html')) throw new Error('index.html is not in the build; the offline copy would not start');
      const manifest = { version: hash.digest('hex').slice(0, 16), files };
      if (!PLACEHOLDER.test(worker.code)) throw new Error(`the precache placeholder is missing from ${SERVICE_WORKER_FILE}`);
      worker.code = worker.code.replace(PLACEHOLDER, () => JSON.stringify(JSON.stringify(manifest)));
    }
  };
}

/** Whether a build's input includes the app page (vite's default input is index.html). */
function buildsAppPage(input: string | string[] | Record<string, string> | undefined | unknown): boolean {
  if (input === undefined) return true;
  const entries = typeof input === 'string' ? [input] : Array.isArray(input) ? input : typeof input === 'object' && input ? Object.values(input) : [];
  return entries.some((entry) => typeof entry === 'string' && entry.endsWith('index.html'));
}

/**
 * Figure 4: how much JavaScript a first visit downloads before the modeler is
 * interactive, gzipped, against the lazily loaded rest. Builds the app with a vite
 * manifest into a temporary folder (dist/ and vite.config.ts stay untouched) and
 * follows the entry's import graph.
 *
 *   npx tsx bench/app-bundle-size.ts [--dist <folder built with --manifest>]
 */
import { readFile } from 'node:fs/promises';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildAppToTemp, benchOptions, isMain, printFigures, writeResult } from './lib/browser-bench';

/** The budget for the JavaScript needed before the app is interactive, gzipped. */
export const INITIAL_JS_TARGET_KB = 350;

/** One chunk of the vite manifest (only the fields the analysis reads). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** Size of one emitted file: raw bytes and gzip -9 bytes (what a static host pre-compresses). */
export interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** A set of files and their totals. */
export interface FileGroup {
  files: FileSize[];
  bytes: number;
  gzipBytes: number;
}

/** What the analysis finds in a build. */
export interface BundleReport {
  /** The module index.html runs. */
  entry: string;
  /** index.html's entry script plus its static imports. */
  initialJs: FileGroup;
  /**
   * initialJs plus the chunks the entry module imports dynamically, with their static
   * imports: main.ts awaits those before the first render, so nothing is interactive
   * without them. This is the figure the budget is checked against.
   */
  bootJs: FileGroup;
  /** Stylesheets index.html links. */
  initialCss: FileGroup;
  /** Every other JavaScript chunk (loaded on demand, e.g. a second language). */
  lazyJs: FileGroup;
  /**
   * Files index.html preloads or runs that the boot set does not explain, and boot files
   * it does not name (index.html preloads the whole boot set: src/build/preload-app.ts).
   */
  htmlMismatch: { onlyInHtml: string[]; onlyInGraph: string[] };
}

function group(files: FileSize[]): FileGroup {
  const sorted = [...files].sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    files: sorted,
    bytes: sorted.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: sorted.reduce((n, f) => n + f.gzipBytes, 0)
  };
}

/** The manifest keys reachable from `roots` through static imports, roots included. */
function staticClosure(manifest: Record<string, ManifestChunk>, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk "${key}"`);
    seen.add(key);
    stack.push(...(chunk.imports ?? []));
  }
  return seen;
}

/** Files an HTML page runs or preloads: module scripts, modulepreload and stylesheet links. */
export function htmlAssets(html: string): { scripts: string[]; preloads: string[]; styles: string[] } {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]+)"`).exec(tag)?.[1];
  const clean = (href: string) => href.replace(/^\.?\//, '');
  const scripts: string[] = [];
  const preloads: string[] = [];
  const styles: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attr(tag, 'src');
    if (src && /\btype\s*=\s*"module"/.test(tag)) scripts.push(clean(src));
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = attr(tag, 'rel');
    const href = attr(tag, 'href');
    if (!href) continue;
    if (rel === 'modulepreload') preloads.push(clean(href));
    else if (rel === 'stylesheet') styles.push(clean(href));
  }
  return { scripts, preloads, styles };
}

/** Analyses a vite build (with `.vite/manifest.json`): initial, boot-critical and lazy JavaScript, gzipped. */
export async function analyseBundle(outDir: string): Promise<BundleReport> {
  const manifest = JSON.parse(await readFile(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const html = htmlAssets(await readFile(join(outDir, 'index.html'), 'utf8'));
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry && k.endsWith('.html'));
  if (!entryKey) throw new Error('the manifest has no HTML entry: was the build made with --manifest?');
  const entry = manifest[entryKey]!;

  const sizes = new Map<string, FileSize>();
  const sizeOf = async (file: string): Promise<FileSize> => {
    let size = sizes.get(file);
    if (!size) {
      const content = await readFile(join(outDir, file));
      size = { file, bytes: content.byteLength, gzipBytes: gzipSync(content, { level: 9 }).byteLength };
      sizes.set(file, size);
    }
    return size;
  };
  const filesOf = (keys: Iterable<string>) => [...keys].map((k) => manifest[k]!.file);

  const initialKeys = staticClosure(manifest, [entryKey]);
  const bootKeys = staticClosure(manifest, [entryKey, ...(entry.dynamicImports ?? [])]);
  const allJsKeys = Object.keys(manifest).filter((k) => manifest[k]!.file.endsWith('.js'));
  const lazyKeys = allJsKeys.filter((k) => !bootKeys.has(k));

  const initialFiles = filesOf(initialKeys);
  const bootFiles = filesOf(bootKeys);
  const htmlJs = [...html.scripts, ...html.preloads];
  return {
    entry: entry.file,
    initialJs: group(await Promise.all(initialFiles.map(sizeOf))),
    bootJs: group(await Promise.all(bootFiles.map(sizeOf))),
    initialCss: group(await Promise.all(html.styles.map(sizeOf))),
    lazyJs: group(await Promise.all(filesOf(lazyKeys).map(sizeOf))),
    htmlMismatch: {
      onlyInHtml: htmlJs.filter((f) => !bootFiles.includes(f)).sort(),
      onlyInGraph: bootFiles.filter((f) => !htmlJs.includes(f)).sort()
    }
  };
}

/**
 * Which packages (or src/ folders) the bytes of some built files come from, read
 * through their source maps: every generated character is charged to the original
 * source it maps to. Raw minified bytes, biggest first; gzip shrinks them all alike enough
 * to show where a budget goes.
 */
export async function composition(outDir: string, files: string[], top = 12): Promise<{ where: string; bytes: number }[]> {
  const totals = new Map<string, number>();
  for (const file of files) {
    let map: SourceMap;
    try {
      map = new SourceMap(JSON.parse(await readFile(join(outDir, `${file}.map`), 'utf8')));
    } catch {
      continue; // no source map: nothing to attribute
    }
    const lines = (await readFile(join(outDir, file), 'utf8')).split('\n');
    lines.forEach((line, lineNumber) => {
      for (let column = 0; column < line.length; column++) {
        const entry = map.findEntry(lineNumber, column) as { originalSource?: string };
        const where = entry.originalSource ? areaOfSource(entry.originalSource) : '(unmapped)';
        totals.set(where, (totals.get(where) ?? 0) + 1);
      }
    });
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, bytes]) => ({ where, bytes }));
}

/** node_modules/<package> (scoped too) or src/<layer>/<folder>. */
function areaOfSource(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = source.slice(nm + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const src = source.indexOf('src/');
  return src >= 0 ? source.slice(src).split('/').slice(0, 3).join('/') : source;
}

const kb = (bytes: number) => Math.round(bytes / 100) / 10;

async function main(): Promise<void> {
  const options = benchOptions({ dist: { type: 'string' } });
  const build = options.dist ? undefined : await buildAppToTemp({ manifest: true });
  try {
    const report = await analyseBundle(options.dist ?? build!.outDir);
    const bootKb = kb(report.bootJs.gzipBytes);
    printFigures('Bundle size (gzip -9, kB = 1000 bytes)', [
      ['entry + static imports (index.html)', `${kb(report.initialJs.gzipBytes)} kB (${kb(report.initialJs.bytes)} kB raw)`],
      ['JS needed before interactive', `${bootKb} kB (${kb(report.bootJs.bytes)} kB raw), target ≤ ${INITIAL_JS_TARGET_KB} kB`],
      ['initial CSS', `${kb(report.initialCss.gzipBytes)} kB`],
      ['lazily loaded JS', `${kb(report.lazyJs.gzipBytes)} kB in ${report.lazyJs.files.length} chunks`],
      ...report.bootJs.files.map((f): [string, string] => [`  ${f.file}`, `${kb(f.gzipBytes)} kB`])
    ]);
    const bootComposition = await composition(options.dist ?? build!.outDir, report.bootJs.files.map((f) => f.file));
    printFigures('JS needed before interactive, by origin (minified kB, raw)', bootComposition.map((c) => [c.where, kb(c.bytes)]));
    if (report.htmlMismatch.onlyInHtml.length || report.htmlMismatch.onlyInGraph.length) {
      console.warn('index.html and the import graph disagree:', report.htmlMismatch);
    }
    const file = await writeResult('app-bundle-size', {
      method: 'vite build --manifest into a temporary folder; entry chunk of index.html plus static imports, plus the dynamic imports the entry awaits at boot; gzip level 9',
      targetKb: INITIAL_JS_TARGET_KB,
      bootJsGzipKb: bootKb,
      meetsTarget: bootKb <= INITIAL_JS_TARGET_KB,
      ...report,
      bootComposition
    });
    console.log(`\n${bootKb <= INITIAL_JS_TARGET_KB ? 'within' : 'OVER'} target; written to ${file}`);
  } finally {
    await build?.dispose();
  }
}

if (isMain(import.meta.url)) await main();

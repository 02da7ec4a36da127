import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVICE_WORKER_FILE, serviceWorker } from '../../../src/build/service-worker';

type Output = { type: 'chunk'; code: string; imports: string[]; exports: string[] } | { type: 'asset'; source: string };

/** A public folder with an icon in a sub-folder and a manifest. */
function publicDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ml-public-'));
  mkdirSync(join(dir, 'icons'));
  writeFileSync(join(dir, 'icons', 'icon-192.png'), 'png');
  writeFileSync(join(dir, 'manifest.webmanifest'), '{}');
  return dir;
}

/** Runs the plugin's hooks over a bundle as vite would and returns the manifest written into sw.js. */
function build(bundle: Record<string, Output>, dir = publicDir()): { version: string; files: string[] } {
  const plugin = serviceWorker();
  (plugin.configResolved as (config: unknown) => void)({ publicDir: dir });
  (plugin.generateBundle as (this: unknown, options: unknown, bundle: unknown) => void).call({}, {}, bundle);
  const code = (bundle[SERVICE_WORKER_FILE] as { code: string }).code;
  const literal = /JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(code)![1]!;
  return JSON.parse(JSON.parse(literal) as string) as { version: string; files: string[] };
}

const worker = (): Output => ({ type: 'chunk', code: 'var m=JSON.parse(`__ML_PRECACHE_MANIFEST__`);', imports: [], exports: [] });
const app = (main = 'console.log(1)'): Record<string, Output> => ({
  [SERVICE_WORKER_FILE]: worker(),
  'sw.js.map': { type: 'asset', source: '{}' },
  'index.html': { type: 'asset', source: '<!doctype html>' },
  'assets/index-abc.js': { type: 'chunk', code: main, imports: [], exports: [] },
  'assets/index-abc.js.map': { type: 'asset', source: '{}' },
  'assets/index-abc.css': { type: 'asset', source: 'body{}' }
});

describe('service worker build plugin', () => {
  it('lists every file of the build and of the public folder, without source maps and without itself', () => {
    const manifest = build(app());
    expect(manifest.files).toEqual(['assets/index-abc.css', 'assets/index-abc.js', 'index.html', 'icons/icon-192.png', 'manifest.webmanifest']);
    expect(manifest.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives a build with any changed file a new version (a new cache) and an identical build the same', () => {
    const dir = publicDir();
    const first = build(app(), dir).version;
    expect(build(app(), dir).version).toBe(first);
    expect(build(app('console.log(2)'), dir).version).not.toBe(first);
    writeFileSync(join(dir, 'manifest.webmanifest'), '{"name":"x"}');
    expect(build(app(), dir).version).not.toBe(first);
  });

  it('refuses a worker that imports something (it must run as a classic script) and a build without index.html', () => {
    const importing = app();
    importing[SERVICE_WORKER_FILE] = { ...worker(), imports: ['assets/shared.js'] } as Output;
    expect(() => build(importing)).toThrow(/classic script/);
    const headless = app();
    delete headless['index.html'];
    expect(() => build(headless)).toThrow(/index\.html/);
  });

  it('is part of the app build only: the dev server and a build of another page (a bench page) get no worker', () => {
    const apply = serviceWorker().apply as (config: unknown, env: { command: string }) => boolean;
    expect(apply({}, { command: 'build' })).toBe(true);
    expect(apply({ build: { rollupOptions: { input: { main: '/repo/index.html' } } } }, { command: 'build' })).toBe(true);
    expect(apply({ build: { rollupOptions: { input: { bench: '/repo/bench/page.ts' } } } }, { command: 'build' })).toBe(false);
    expect(apply({}, { command: 'serve' })).toBe(false);
  });
});

import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseBundle, composition, htmlAssets } from '../../../bench/app-bundle-size';
import { attributeLongTasks, type SaveRecord } from '../../../bench/app-save-long-tasks';
import { median, quantile, summarise, summariseProfile, writeResult, type CpuProfile } from '../../../bench/lib/browser-bench';

// The node-side parts of the app benches; the browser parts run only as bench scripts.

const temps: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ml-bench-test-'));
  temps.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

/** A tiny build as vite lays it out: an entry that awaits the app chunk, a shared chunk, a lazy translation. */
async function fakeDist(options: { extraPreload?: string } = {}): Promise<{ dir: string; files: Record<string, string> }> {
  const dir = await tempDir();
  const files = {
    'assets/index-1.js': 'import "./shared-1.js"; await import("./app-1.js");',
    'assets/shared-1.js': 'export const shared = "' + 'shared code '.repeat(50) + '";',
    'assets/app-1.js': 'import "./shared-1.js"; export const app = "' + 'the modeler '.repeat(400) + '";',
    'assets/nl-1.js': 'export const nl = "' + 'vertaling '.repeat(100) + '";',
    'assets/index-1.css': 'body { margin: 0 }',
    'assets/unused.js': 'export {}'
  };
  const manifest = {
    'index.html': {
      file: 'assets/index-1.js',
      src: 'index.html',
      isEntry: true,
      imports: ['_shared-1.js'],
      dynamicImports: ['src/ui/app.ts'],
      css: ['assets/index-1.css']
    },
    '_shared-1.js': { file: 'assets/shared-1.js', dynamicImports: ['src/i18n/nl.ts'] },
    'src/ui/app.ts': { file: 'assets/app-1.js', src: 'src/ui/app.ts', isDynamicEntry: true, imports: ['_shared-1.js'] },
    'src/i18n/nl.ts': { file: 'assets/nl-1.js', src: 'src/i18n/nl.ts', isDynamicEntry: true }
  };
  // As the build writes it: the entry's imports and the app chunk main.ts awaits are preloaded.
  const preloads = ['./assets/shared-1.js', './assets/app-1.js', ...(options.extraPreload ? [options.extraPreload] : [])];
  const html = `<!doctype html><html><head>
    <script type="module" crossorigin src="./assets/index-1.js"></script>
    ${preloads.map((p) => `<link rel="modulepreload" crossorigin href="${p}">`).join('\n')}
    <link rel="stylesheet" crossorigin href="./assets/index-1.css">
  </head><body></body></html>`;
  await writeFiles(dir, { ...files, 'index.html': html, '.vite/manifest.json': JSON.stringify(manifest) });
  return { dir, files };
}

const gz = (s: string) => gzipSync(Buffer.from(s), { level: 9 }).byteLength;

describe('bundle-size analysis', () => {
  it('given a build whose entry awaits the app chunk, when analysed, then the app chunk counts as needed before interactive and the translation as lazy', async () => {
    const { dir, files } = await fakeDist();
    const report = await analyseBundle(dir);

    expect(report.entry).toBe('assets/index-1.js');
    expect(report.initialJs.files.map((f) => f.file).sort()).toEqual(['assets/index-1.js', 'assets/shared-1.js']);
    expect(report.bootJs.files.map((f) => f.file).sort()).toEqual(['assets/app-1.js', 'assets/index-1.js', 'assets/shared-1.js']);
    expect(report.lazyJs.files.map((f) => f.file)).toEqual(['assets/nl-1.js']);
    expect(report.initialCss.files.map((f) => f.file)).toEqual(['assets/index-1.css']);
    // Shared code is counted once, and sizes are real gzip sizes of the files.
    const boot = ['assets/index-1.js', 'assets/shared-1.js', 'assets/app-1.js'] as const;
    expect(report.bootJs.gzipBytes).toBe(boot.reduce((n, f) => n + gz(files[f]), 0));
    expect(report.bootJs.bytes).toBe(boot.reduce((n, f) => n + Buffer.byteLength(files[f]), 0));
    expect(report.bootJs.files[0]!.file).toBe('assets/app-1.js');
    expect(report.htmlMismatch).toEqual({ onlyInHtml: [], onlyInGraph: [] });
  });

  it('given an index.html that preloads a chunk the import graph does not need, when analysed, then the mismatch is reported', async () => {
    const { dir } = await fakeDist({ extraPreload: './assets/nl-1.js' });
    const report = await analyseBundle(dir);
    expect(report.htmlMismatch.onlyInHtml).toEqual(['assets/nl-1.js']);
  });

  it('given an index.html that does not preload a chunk the boot needs, when analysed, then the mismatch is reported', async () => {
    const { dir } = await fakeDist();
    const html = (await readFile(join(dir, 'index.html'), 'utf8')).replace(/<link rel="modulepreload" crossorigin href=".\/assets\/app-1.js">/, '');
    await writeFile(join(dir, 'index.html'), html);
    const report = await analyseBundle(dir);
    expect(report.htmlMismatch).toEqual({ onlyInHtml: [], onlyInGraph: ['assets/app-1.js'] });
  });

  it('given a build made without --manifest, when analysed, then it says how to fix that', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'index.html': '<html></html>', '.vite/manifest.json': '{}' });
    await expect(analyseBundle(dir)).rejects.toThrow(/--manifest/);
  });

  it('reads the module scripts, preloads and stylesheets of an HTML page, ignoring other links', () => {
    const found = htmlAssets(
      '<script type="module" src="./assets/a.js"></script><script src="legacy.js"></script>' +
        '<link rel="icon" href="./favicon.svg"><link rel="modulepreload" href="/assets/b.js"><link rel="stylesheet" href="assets/c.css">'
    );
    expect(found).toEqual({ scripts: ['assets/a.js'], preloads: ['assets/b.js'], styles: ['assets/c.css'] });
  });
});

describe('bundle composition', () => {
  it('given a minified chunk with a source map, when its bytes are traced, then each package or src folder is charged for its own characters', async () => {
    const dir = await tempDir();
    const map = {
      version: 3,
      sources: ['../../node_modules/bpmn-js/lib/draw/BpmnRenderer.js', '../../src/storage/autosave.ts'],
      names: [],
      mappings: 'AAAA,UCAA'
    };
    await writeFiles(dir, { 'assets/app.js': 'function a(){}function b(){}', 'assets/app.js.map': JSON.stringify(map) });
    expect(await composition(dir, ['assets/app.js', 'assets/no-map.js'])).toEqual([
      { where: 'src/storage/autosave.ts', bytes: 18 },
      { where: 'bpmn-js', bytes: 10 }
    ]);
  });
});

describe('long-task attribution', () => {
  const save: SaveRecord = {
    serialise: { start: 100, end: 400 },
    xmlChars: 1_000_000,
    storeSync: { start: 400, end: 402 },
    store: { start: 400, end: 700 }
  };
  const scripts = [
    { start: 100, end: 405, invoker: 'TimerHandler:setTimeout', invokerType: 'user-callback', source: 'a@app.js:1' },
    { start: 500, end: 530, invoker: 'IDBRequest.onsuccess', invokerType: 'event-listener', source: 'b@app.js:2' },
    { start: 545, end: 600, invoker: 'DOMWindow.onmousemove', invokerType: 'event-listener', source: 'c@app.js:3' },
    { start: 800, end: 900, invoker: 'IDBRequest.onsuccess', invokerType: 'event-listener', source: 'd@app.js:4' }
  ];

  it('given a save in flight, when long tasks happen, then serialisation and IndexedDB callbacks are blamed on saving and a drag during the save is not', () => {
    const tasks = attributeLongTasks(
      [
        { start: 100, end: 410 },
        { start: 495, end: 535 },
        { start: 545, end: 600 },
        { start: 800, end: 900 }
      ],
      [save],
      scripts
    );
    expect(tasks.map((t) => t.cause)).toEqual(['save: serialisation', 'save: IndexedDB', 'other', 'other']);
    expect(tasks[0]!.duration).toBe(310);
    expect(tasks[1]!.scripts[0]).toContain('IDBRequest.onsuccess');
  });

  it('given a sliced save, when a drag runs between two slices, then only the tasks holding a slice are blamed on serialisation', () => {
    const sliced: SaveRecord = {
      serialise: { start: 100, end: 700 },
      slices: [
        { start: 100, end: 108 },
        { start: 300, end: 309 }
      ],
      xmlChars: 1_000_000
    };
    const tasks = attributeLongTasks(
      [
        { start: 150, end: 260 },
        { start: 299, end: 360 }
      ],
      [sliced],
      []
    );
    expect(tasks.map((t) => t.cause)).toEqual(['other', 'save: serialisation']);
  });
});

describe('statistics and results', () => {
  it('reports the median, a nearest-rank p90 that was actually measured, and the range', () => {
    const runs = [120, 100, 110, 300, 105, 115, 108, 112, 111, 109];
    expect(median(runs)).toBe(110.5);
    expect(quantile(runs, 0.9)).toBe(120);
    expect(summarise(runs)).toMatchObject({ runs: 10, median: 110.5, p90: 120, min: 100, max: 300 });
    expect(() => median([])).toThrow();
  });

  it('writes a bench result with its date and the machine it ran on', async () => {
    const dir = await tempDir();
    const file = await writeResult('app-example', { medianMs: 12.3 }, dir);
    const written = JSON.parse(await readFile(file, 'utf8'));
    expect(file).toBe(join(dir, 'app-example.json'));
    expect(written).toMatchObject({ bench: 'app-example', medianMs: 12.3, machine: { cores: cpus().length } });
    expect(Number.isNaN(Date.parse(written.date))).toBe(false);
  });
});

describe('CPU profile summary', () => {
  it('given a profile of a minified chunk with a source map, when summarised, then self time is named by original package, file and function', async () => {
    const dir = await tempDir();
    // Column 0 of the chunk comes from bpmn-js (drawShape), column 10 from our autosave (schedule).
    const map = {
      version: 3,
      file: 'app.js',
      sources: ['../../node_modules/bpmn-js/lib/draw/BpmnRenderer.js', '../../src/storage/autosave.ts'],
      names: ['drawShape', 'schedule'],
      mappings: 'AAAAA,UCAAC'
    };
    await writeFiles(dir, { 'assets/app.js': 'function a(){}function b(){}', 'assets/app.js.map': JSON.stringify(map) });
    const url = 'http://127.0.0.1:4173/assets/app.js';
    const frame = (functionName: string, columnNumber = 0, withUrl = true) => ({
      functionName,
      url: withUrl ? url : '',
      lineNumber: 0,
      columnNumber
    });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', 0, false) },
        { id: 2, callFrame: frame('a', 0) },
        { id: 3, callFrame: frame('b', 10) },
        { id: 4, callFrame: frame('(idle)', 0, false) },
        { id: 5, callFrame: frame('(garbage collector)', 0, false) }
      ],
      startTime: 0,
      endTime: 10_000,
      samples: [2, 3, 4, 5, 2],
      timeDeltas: [0, 1000, 2000, 3000, 4000]
    };

    const summary = await summariseProfile([profile, profile], dir);

    expect(summary.idleMs).toBe(6);
    expect(summary.busyMs).toBe(14);
    expect(summary.byArea).toEqual([
      { where: '(garbage collector)', selfMs: 8 },
      { where: 'src/storage/autosave.ts', selfMs: 4 },
      { where: 'bpmn-js', selfMs: 2 }
    ]);
    expect(summary.byFunction.map((h) => h.where)).toEqual([
      '(garbage collector)',
      'schedule src/storage/autosave.ts:1',
      'drawShape bpmn-js/lib/draw/BpmnRenderer.js:1'
    ]);
  });
});

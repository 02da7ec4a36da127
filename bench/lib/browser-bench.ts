import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SourceMap } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type InlineConfig } from 'vite';
import { findChromium } from '../../test/support/browser';

/** The repository root, resolved from this file so the benches run from any working directory. */
export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** Where every bench writes its figures (bench/results/<name>.json). */
export const RESULTS_DIR = resolve(REPO_ROOT, 'bench/results');

/** True when the module is the script node was asked to run (not imported by a test). */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  return !!script && moduleUrl === pathToFileURL(resolve(script)).href;
}

/** Reads `--name value` options of a bench script; unknown options are an error so typos do not pass silently. */
export function benchOptions<T extends Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>>(
  options: T
) {
  return parseArgs({ options, allowPositionals: false, strict: true }).values;
}

/** A positive integer option, with a readable error instead of NaN runs. */
export function intOption(value: unknown, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${String(value)}`);
  return n;
}

// ---- statistics -------------------------------------------------------------------------

/** The q-th quantile (0..1) by nearest rank, so the figure is always one that was measured. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('quantile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Median by the usual definition (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The summary every timing figure is reported with (milliseconds, rounded to 0.1). */
export interface TimingSummary {
  runs: number;
  median: number;
  p90: number;
  min: number;
  max: number;
  all: number[];
}

/** Median, p90 and range of a set of runs. */
export function summarise(values: readonly number[]): TimingSummary {
  return {
    runs: values.length,
    median: round(median(values)),
    p90: round(quantile(values, 0.9)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    all: values.map(round)
  };
}

/** Rounds to one decimal: sub-0.1 ms precision is noise in a browser. */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

// ---- results ----------------------------------------------------------------------------

const loadAtStart = loadavg()[0] ?? 0;

/** The machine a figure was measured on; load average (at start and end of the bench) tells whether other work competed for the cores. */
export function machineInfo() {
  const cpu = cpus();
  return {
    cores: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    memoryGiB: round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverage1mAtStart: round(loadAtStart, 2),
    loadAverage1mAtEnd: round(loadavg()[0] ?? 0, 2)
  };
}

/** Writes a bench's figures to bench/results/<name>.json (with date and machine) and returns the path. */
export async function writeResult(name: string, figures: object, dir = RESULTS_DIR): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  const body = { bench: name, date: new Date().toISOString(), machine: machineInfo(), ...figures };
  await writeFile(file, JSON.stringify(body, null, 2) + '\n');
  return file;
}

// ---- building and serving ----------------------------------------------------------------

/** A fresh production build of the app in a temporary folder, so a bench never races a rebuild of dist/. */
export async function buildAppToTemp(options: { manifest?: boolean } = {}): Promise<{ outDir: string; dispose(): Promise<void> }> {
  const outDir = await mkdtemp(join(tmpdir(), 'missinglink-bench-'));
  await build({
    root: REPO_ROOT,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: options.manifest ?? false }
  });
  return { outDir, dispose: () => rm(outDir, { recursive: true, force: true }) };
}

/** Builds an extra bench entry (a TypeScript module) with the app's vite config, plus an index.html that loads it. */
export async function buildBenchPage(entry: string, title: string): Promise<{ outDir: string; dispose(): Promise<void> }> {
  const outDir = await mkdtemp(join(tmpdir(), 'missinglink-benchpage-'));
  const config: InlineConfig = {
    root: REPO_ROOT,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      manifest: true,
      rollupOptions: { input: { bench: resolve(REPO_ROOT, entry) } }
    }
  };
  await build(config);
  const manifest = JSON.parse(await readFile(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; isEntry?: boolean; css?: string[] }
  >;
  const chunk = Object.values(manifest).find((c) => c.isEntry);
  if (!chunk) throw new Error(`the build of ${entry} has no entry chunk`);
  const css = (chunk.css ?? []).map((href) => `<link rel="stylesheet" href="./${href}">`).join('\n    ');
  await writeFile(
    join(outDir, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    ${css}
    <script type="module" src="./${chunk.file}"></script>
  </head>
  <body></body>
</html>
`
  );
  return { outDir, dispose: () => rm(outDir, { recursive: true, force: true }) };
}

/** Serves a built folder with vite's preview server on 127.0.0.1 and a free port, as the end-to-end tests do. */
export async function serveBuild(outDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = await preview({
    root: REPO_ROOT,
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
    logLevel: 'error'
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server did not report a URL');
  return {
    url,
    close: () => new Promise<void>((done) => server.httpServer.close(() => done()))
  };
}

/** Headless Chromium for a bench; `extraArgs` e.g. `--js-flags=--expose-gc` to collect garbage between runs. */
export async function launchBenchBrowser(extraArgs: string[] = []): Promise<{ browser: Browser; version: string }> {
  const { executablePath, args } = await findChromium();
  const browser = await chromium.launch({ executablePath, args: [...args, ...extraArgs], headless: true });
  return { browser, version: browser.version() };
}

/** Resolves when the app in the page is booted, idle and shows a diagram (the readiness the e2e tests use). */
export const APP_READY = () => {
  const app = (window as unknown as { missinglink?: { controller: { state: { booted: boolean; busy: boolean } } } }).missinglink;
  return !!app && app.controller.state.booted && !app.controller.state.busy && !!document.querySelector('.djs-container svg .djs-element');
};

/** Prints a table of label → value lines, aligned, for the console summary of a bench. */
export function printFigures(title: string, rows: [string, string | number][]): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${title}`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}

// ---- CPU profiles ------------------------------------------------------------------------

/** The parts of a DevTools CPU profile the summary reads (playwright-core does not export the protocol types). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Starts sampling the page's main thread through the DevTools protocol; call the returned function to stop. */
export async function startProfile(page: Page, samplingIntervalUs = 250): Promise<() => Promise<CpuProfile>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    return profile;
  };
}

/** Self time of one place in the code, mapped back to the original source through the build's source maps. */
export interface ProfileHotspot {
  where: string;
  selfMs: number;
}

/** Where a profile's time went: by original module (package or src/ folder) and by function; idle time apart. */
export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  byArea: ProfileHotspot[];
  byFunction: ProfileHotspot[];
}

/**
 * Groups the self time of one or more profiles by original source, using the `.map`
 * files next to the served chunks in `outDir` (the app is built with source maps), so
 * a minified `a.b` reads as `drawShape bpmn-js/lib/draw/BpmnRenderer.js:…`.
 */
export async function summariseProfile(
  profiles: CpuProfile | CpuProfile[],
  outDir: string,
  options: { top?: number } = {}
): Promise<ProfileSummary> {
  const top = options.top ?? 15;
  const maps = new Map<string, SourceMap | null>();
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const profile of Array.isArray(profiles) ? profiles : [profiles]) {
    const selfUs = new Map<number, number>();
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      // A sample stands for the time until the next one.
      const dt = deltas[i + 1] ?? 0;
      selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + dt);
    }
    for (const node of profile.nodes) {
      const us = selfUs.get(node.id);
      if (!us) continue;
      if (node.callFrame.functionName === '(idle)') {
        idle += us;
        continue;
      }
      busy += us;
      const { area, fn } = await placeOf(node.callFrame);
      byArea.set(area, (byArea.get(area) ?? 0) + us);
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    }
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, us]) => ({ where, selfMs: round(us / 1000) }));
  return { busyMs: round(busy / 1000), idleMs: round(idle / 1000), byArea: rank(byArea), byFunction: rank(byFunction) };

  async function mapFor(url: string): Promise<SourceMap | null> {
    if (!maps.has(url)) {
      let map: SourceMap | null;
      try {
        const path = join(outDir, decodeURIComponent(new URL(url).pathname));
        map = new SourceMap(JSON.parse(await readFile(`${path}.map`, 'utf8')));
      } catch {
        map = null; // not our build (e.g. an extension or inline script): report the URL instead
      }
      maps.set(url, map);
    }
    return maps.get(url)!;
  }

  async function placeOf(frame: CpuProfile['nodes'][number]['callFrame']): Promise<{ area: string; fn: string }> {
    if (!frame.url) {
      const native = frame.functionName || '(native)';
      return { area: native, fn: native };
    }
    const map = await mapFor(frame.url);
    const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as
      | { originalSource?: string; originalLine?: number; name?: string }
      | undefined;
    const source = entry?.originalSource ? tidySource(entry.originalSource) : new URL(frame.url).pathname;
    const line = entry?.originalLine !== undefined ? `:${entry.originalLine + 1}` : '';
    return { area: areaOf(source) || source, fn: `${entry?.name || frame.functionName || '(anonymous)'} ${source}${line}` };
  }
}

function tidySource(source: string): string {
  const i = source.lastIndexOf('node_modules/');
  if (i >= 0) return source.slice(i + 'node_modules/'.length);
  const s = source.indexOf('src/');
  return s >= 0 ? source.slice(s) : source.replace(/^(\.\.\/)+/, '');
}

/** A package name (scoped ones included) or a src/<layer>/<folder> for our own code. */
function areaOf(source: string): string {
  if (source.startsWith('src/')) return source.split('/').slice(0, 3).join('/');
  const parts = source.split('/');
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? source);
}

/**
 * tsx compiles bench scripts with esbuild's keepNames, which wraps named inner functions
 * in `__name(fn, "name")`; functions shipped to the page (evaluate, init scripts) then
 * need that helper there too. Call once per context before any page script runs.
 */
export async function allowCompiledFunctions(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
}

/** Main-thread totals of a page, in ms: CPU time of the thread, and busy time split into script and style/layout. */
export interface ThreadTotals {
  cpuMs: number;
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
}

/**
 * Reads Chromium's own main-thread counters (DevTools Performance domain). CPU time
 * next to wall-clock time shows how much of a figure was waiting for a core while
 * other work ran on the machine. Returns a reader; subtract two readings for a span.
 */
export async function threadTotals(page: Page): Promise<() => Promise<ThreadTotals>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const s = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return {
      cpuMs: round(s('ThreadTime')),
      taskMs: round(s('TaskDuration')),
      scriptMs: round(s('ScriptDuration') + s('V8CompileDuration')),
      layoutMs: round(s('LayoutDuration') + s('RecalcStyleDuration'))
    };
  };
}

/** The difference of two readings of threadTotals. */
export function totalsBetween(before: ThreadTotals, after: ThreadTotals): ThreadTotals {
  return {
    cpuMs: round(after.cpuMs - before.cpuMs),
    taskMs: round(after.taskMs - before.taskMs),
    scriptMs: round(after.scriptMs - before.scriptMs),
    layoutMs: round(after.layoutMs - before.layoutMs)
  };
}

/** Imports a model through the library's file input, as a user does, and waits until the app is idle with at least `minShapes` drawn. */
export async function importThroughLibrary(page: Page, xml: string, minShapes: number): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.click('ml-library [data-action="import"]');
  await (await chooser).setFiles({ name: 'bench-collaboration.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) });
  await page.waitForFunction(
    (min) => {
      const app = (window as unknown as { missinglink: { controller: { state: { busy: boolean } } } }).missinglink;
      return !app.controller.state.busy && document.querySelectorAll('.djs-container .djs-shape').length >= min;
    },
    minShapes,
    { timeout: 120_000 }
  );
}

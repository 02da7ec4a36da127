/**
 * Figure 1: start of the built app to an interactive modeler showing a process.
 * Cold: a fresh browser context per run (empty IndexedDB, empty HTTP cache), so the
 * library is seeded. Warm: new tabs in one context whose library is already seeded.
 * Times are taken inside the page (performance.now() counts from navigation start).
 *
 *   npx tsx bench/app-cold-start.ts [--runs 9] [--dist <built folder>] [--profile]
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { analyseBundle } from './app-bundle-size';
import {
  allowCompiledFunctions,
  buildAppToTemp,
  benchOptions,
  intOption,
  isMain,
  launchBenchBrowser,
  printFigures,
  serveBuild,
  startProfile,
  summarise,
  summariseProfile,
  threadTotals,
  totalsBetween,
  writeResult,
  type ThreadTotals,
  type TimingSummary
} from './lib/browser-bench';

/** The issue's target for the median cold start, in milliseconds. */
export const COLD_START_TARGET_MS = 1500;

/** Milestones of one start, in ms since navigation start. */
export interface StartTimings {
  /** HTML received. */
  responseEnd: number;
  /** First paint with content (the page background and shell). */
  firstContentfulPaint: number | null;
  /** The entry module and its static imports have run (DOMContentLoaded waits for module scripts). */
  domContentLoaded: number;
  /** The last JavaScript file needed before `ready` has arrived (the rest until appCreated is parsing and running it). */
  scriptsFetched: number;
  /** The shell created the modeler and controller (window.missinglink assigned). */
  appCreated: number;
  /** Session booted and idle, with the diagram's elements in the DOM. */
  ready: number;
  /** The first frame after `ready` was produced: the diagram is on screen. This is the headline figure. */
  shown: number;
  /** Main-thread tasks over 50 ms before `shown`: count and sum. */
  longTasks: { count: number; totalMs: number; longestMs: number };
  /** JavaScript files fetched before `ready` (cross-check of the bundle-size bench's boot set). */
  scriptsLoaded: string[];
  /** What was shown: the process's element count on the canvas. */
  elementsShown: number;
  /** Main-thread CPU and busy time from navigation to `shown` (Chromium's counters; wall time minus these is waiting). */
  thread?: ThreadTotals;
}

/**
 * Installed before any page script: notes when the shell publishes window.missinglink
 * and, on each controller change, whether the session has become ready with a diagram.
 */
function instrumentStart(): void {
  type Probe = { appCreated?: number; ready?: number; shown?: number; longTasks: { start: number; duration: number }[] };
  const probe: Probe = { longTasks: [] };
  (window as unknown as { __mlStart: Probe }).__mlStart = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  type App = { controller: EventTarget & { state: { booted: boolean; busy: boolean } } };
  let app: App | undefined;
  const check = () => {
    if (probe.ready !== undefined || !app) return;
    const { booted, busy } = app.controller.state;
    if (!booted || busy || !document.querySelector('.djs-container svg .djs-element')) return;
    probe.ready = performance.now();
    // rAF runs just before the frame is produced; a message posted from it arrives after that frame.
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (probe.shown = performance.now());
      channel.port2.postMessage(null);
    });
  };
  Object.defineProperty(window, 'missinglink', {
    configurable: true,
    get: () => app,
    set: (value: App) => {
      app = value;
      probe.appCreated = performance.now();
      value.controller.addEventListener('change', check);
      check();
    }
  });
}

async function collect(page: Page): Promise<StartTimings> {
  await page.waitForFunction(() => (window as unknown as { __mlStart: { shown?: number } }).__mlStart.shown !== undefined, undefined, {
    timeout: 120_000
  });
  return page.evaluate(() => {
    const probe = (window as unknown as {
      __mlStart: { appCreated: number; ready: number; shown: number; longTasks: { start: number; duration: number }[] };
    }).__mlStart;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const long = probe.longTasks.filter((t) => t.start < probe.shown);
    const scriptEntries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (r) => r.name.endsWith('.js') && r.responseEnd <= probe.ready
    );
    const scripts = scriptEntries.map((r) => new URL(r.name).pathname.replace(/^\//, ''));
    return {
      responseEnd: nav.responseEnd,
      firstContentfulPaint: fcp,
      domContentLoaded: nav.domContentLoadedEventEnd,
      scriptsFetched: Math.max(0, ...scriptEntries.map((r) => r.responseEnd)),
      appCreated: probe.appCreated,
      ready: probe.ready,
      shown: probe.shown,
      longTasks: {
        count: long.length,
        totalMs: long.reduce((n, t) => n + t.duration, 0),
        longestMs: Math.max(0, ...long.map((t) => t.duration))
      },
      scriptsLoaded: scripts.sort(),
      elementsShown: document.querySelectorAll('.djs-container .djs-element[data-element-id]').length
    };
  });
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
  await allowCompiledFunctions(context);
  await context.addInitScript(instrumentStart);
  return context;
}

/** One start in a new tab of `context`, with the main-thread totals from navigation to the diagram shown. */
async function startIn(context: BrowserContext, url: string): Promise<StartTimings> {
  const page = await context.newPage();
  try {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const read = await threadTotals(page);
    const before = await read();
    await page.goto(url);
    const timings = await collect(page).catch((error: unknown) => {
      throw new Error(`the app did not become ready (${String(error)}); page errors: ${errors.join('; ') || 'none'}`);
    });
    timings.thread = totalsBetween(before, await read());
    if (errors.length) throw new Error(`the app reported errors while starting: ${errors.join('; ')}`);
    return timings;
  } finally {
    await page.close();
  }
}

/** One cold start: a new context, so IndexedDB and the HTTP cache are empty. */
async function coldRun(browser: Browser, url: string): Promise<StartTimings> {
  const context = await newContext(browser);
  try {
    return await startIn(context, url);
  } finally {
    await context.close();
  }
}

/** Summaries of each milestone over a set of runs. */
function milestoneSummary(runs: StartTimings[]): Record<string, TimingSummary> {
  const keys = ['responseEnd', 'domContentLoaded', 'scriptsFetched', 'appCreated', 'ready', 'shown'] as const;
  return Object.fromEntries(keys.map((k) => [k, summarise(runs.map((r) => r[k]))]));
}

/** Summaries of the main-thread totals over a set of runs. */
function threadSummary(runs: StartTimings[]): Record<keyof ThreadTotals, TimingSummary> {
  const keys = ['cpuMs', 'taskMs', 'scriptMs', 'layoutMs'] as const;
  return Object.fromEntries(keys.map((k) => [k, summarise(runs.map((r) => r.thread?.[k] ?? 0))])) as Record<keyof ThreadTotals, TimingSummary>;
}

async function main(): Promise<void> {
  const options = benchOptions({
    runs: { type: 'string', default: '9' },
    dist: { type: 'string' },
    profile: { type: 'boolean', default: false }
  });
  const runs = intOption(options.runs, 'runs');
  const build = options.dist ? undefined : await buildAppToTemp({ manifest: true });
  const outDir = options.dist ?? build!.outDir;
  const server = await serveBuild(outDir);
  const { browser, version } = await launchBenchBrowser();
  try {
    // One unmeasured start warms the preview server and the OS file cache, not the browser.
    await coldRun(browser, server.url);
    const cold: StartTimings[] = [];
    for (let i = 0; i < runs; i++) cold.push(await coldRun(browser, server.url));

    // Warm: new tabs in one context whose library is seeded and whose HTTP cache is filled.
    const context = await newContext(browser);
    const seeding = await context.newPage();
    await seeding.goto(server.url);
    await collect(seeding);
    await seeding.close();
    const warm: StartTimings[] = [];
    for (let i = 0; i < runs; i++) warm.push(await startIn(context, server.url));
    await context.close();

    let profile;
    if (options.profile) {
      // A cold start under the sampling profiler (slower than unprofiled runs; for the shares, not the total).
      const profiled = await newContext(browser);
      const p = await profiled.newPage();
      const stop = await startProfile(p);
      await p.goto(server.url);
      await collect(p);
      profile = await summariseProfile(await stop(), outDir);
      await profiled.close();
    }

    // Cross-check with the bundle-size analysis of this same build: the scripts a cold start
    // really fetched before ready should be exactly its "needed before interactive" set.
    let bootSetCheck;
    if (existsSync(join(outDir, '.vite/manifest.json'))) {
      const boot = (await analyseBundle(outDir)).bootJs.files.map((f) => f.file);
      const fetched = new Set(cold.flatMap((r) => r.scriptsLoaded));
      // A cold start seeds the empty library: the sample processes (processes/*.bpmn) are
      // lazy chunks that only a first start loads, so they are expected here.
      const manifest = JSON.parse(await readFile(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string; src?: string }>;
      const seeding = new Set(Object.values(manifest).filter((c) => c.src?.startsWith('processes/')).map((c) => c.file));
      bootSetCheck = {
        fetchedButNotInBootSet: [...fetched].filter((f) => !boot.includes(f) && !seeding.has(f)).sort(),
        inBootSetButNotFetched: boot.filter((f) => !fetched.has(f)).sort(),
        sampleChunksForSeeding: [...fetched].filter((f) => seeding.has(f)).sort()
      };
    }

    const coldSummary = milestoneSummary(cold);
    const warmSummary = milestoneSummary(warm);
    const coldThread = threadSummary(cold);
    const warmThread = threadSummary(warm);
    const headline = coldSummary.shown!;
    const longTasks = cold.map((r) => r.longTasks);
    printFigures(`Cold start (${runs} runs, headless Chromium ${version}), ms since navigation start`, [
      ['cold: diagram shown, median', headline.median],
      ['cold: diagram shown, p90', headline.p90],
      ['cold: session ready, median', coldSummary.ready!.median],
      ['cold: modeler created, median', coldSummary.appCreated!.median],
      ['cold: last script fetched, median', coldSummary.scriptsFetched!.median],
      ['cold: DOMContentLoaded, median', coldSummary.domContentLoaded!.median],
      ['cold: main-thread CPU until shown, median', coldThread.cpuMs.median],
      ['cold: of which script / style+layout, median', `${coldThread.scriptMs.median} / ${coldThread.layoutMs.median}`],
      ['warm: diagram shown, median', warmSummary.shown!.median],
      ['warm: diagram shown, p90', warmSummary.shown!.p90],
      ['warm: main-thread CPU until shown, median', warmThread.cpuMs.median],
      ['cold: long tasks before shown (median count)', summarise(longTasks.map((t) => t.count)).median],
      ['cold: longest task before shown (median)', summarise(longTasks.map((t) => t.longestMs)).median],
      ['elements on the canvas', cold[0]!.elementsShown],
      ['target (cold median)', `≤ ${COLD_START_TARGET_MS} ms: ${headline.median <= COLD_START_TARGET_MS ? 'met' : `MISSED by ${Math.round(headline.median - COLD_START_TARGET_MS)} ms`}`]
    ]);
    if (bootSetCheck?.sampleChunksForSeeding.length) {
      console.log(`\nSample processes loaded to seed the empty library (first start only): ${bootSetCheck.sampleChunksForSeeding.length} chunks`);
    }
    if (bootSetCheck && (bootSetCheck.fetchedButNotInBootSet.length || bootSetCheck.inBootSetButNotFetched.length)) {
      console.log('\nScripts fetched before ready differ from the bundle-size boot set:', bootSetCheck);
    }
    if (profile) {
      printFigures('Profiled cold start: self time by area (ms)', profile.byArea.map((h) => [h.where, h.selfMs]));
      printFigures('Profiled cold start: self time by function (ms)', profile.byFunction.map((h) => [h.where, h.selfMs]));
    }
    const file = await writeResult('app-cold-start', {
      method:
        'Production build served by vite preview on 127.0.0.1; headless Chromium, viewport 1440x900. Cold = new browser context per run (empty IndexedDB and HTTP cache, library seeded during boot); warm = a new tab per run in one context with a seeded library and warm HTTP cache. "shown" = first frame after the controller reports booted && !busy with diagram elements in the DOM, measured in the page with performance.now() (origin = navigation start). One unmeasured start first. thread = Chromium main-thread counters (Performance.getMetrics: ThreadTime = CPU, ScriptDuration+V8CompileDuration, LayoutDuration+RecalcStyleDuration) from before navigation to "shown".',
      browser: `Chromium ${version}`,
      targetMs: COLD_START_TARGET_MS,
      meetsTarget: headline.median <= COLD_START_TARGET_MS,
      bootSetCheck,
      cold: { milestones: coldSummary, thread: coldThread, longTasks, runs: cold },
      warm: { milestones: warmSummary, thread: warmThread, runs: warm },
      profile
    });
    console.log(`\nwritten to ${file}`);
  } finally {
    await browser.close();
    await server.close();
    await build?.dispose();
  }
}

if (isMain(import.meta.url)) await main();

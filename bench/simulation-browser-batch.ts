/**
 * A Monte Carlo batch in the browser, through the simulation panel: the built app
 * opens the lead-to-order sample, the panel's batch form runs 10,000 planned cases
 * (the run machine advancing the panel's driver in slices of 12 ms), and the bench reads
 *
 *  - wall time from the click on "Run cases" until the figures are rendered;
 *  - the longest main-thread task during the batch (PerformanceObserver 'longtask',
 *    which reports tasks over 50 ms; none means every task stayed below 50 ms) and the
 *    longest gap between animation frames, which is what a user feels;
 *  - the bare engine loop (runBatch, no machine, no slices, no rendering) on the same
 *    compiled model in the same page, and the ratio between the two.
 *
 * Runs are interleaved (panel, bare, panel, bare…) so a busy machine slows both alike;
 * medians are reported. Both paths must give the same numbers: the bench checks it.
 *
 *   npx tsx bench/simulation-browser-batch.ts [--cases 10000] [--runs 5] [--nice=-19] [--dist <built folder>] [--profile]
 *
 * --profile samples the main thread during the panel's runs and prints where the time
 * went (by module and function, through the build's source maps).
 *
 * Writes bench/results/simulation-browser-batch.json.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from '../test/support/browser';
import { allowCompiledFunctions, APP_READY, benchOptions, startProfile, summariseProfile, threadTotals, totalsBetween, buildAppToTemp, intOption, isMain, median, printFigures, round, serveBuild, writeResult } from './lib/browser-bench';

/** The ceiling for one main-thread task while a batch runs. */
export const LONG_TASK_MS = 50;

interface PanelRun {
  wallMs: number;
  longTasks: number;
  longestTaskMs: number;
  longestFrameGapMs: number;
  /** Long tasks as [start after the click, duration] in ms, to see where they fall. */
  taskTimes: [number, number][];
  result: string;
}

/** Chromium at a raised priority (`nice`, needs root; 0 leaves it), so a busy machine disturbs the figures less. */
async function launchBrowser(nice: number): Promise<{ browser: Browser; version: string }> {
  const found = await findChromium();
  let executablePath = found.executablePath;
  if (nice !== 0) {
    executablePath = join(tmpdir(), `missinglink-simulation-bench-chromium-nice${nice}.sh`);
    await writeFile(executablePath, `#!/bin/sh\nexec nice -n ${nice} '${found.executablePath}' "$@"\n`, { mode: 0o755 });
  }
  const browser = await chromium.launch({ executablePath, args: found.args, headless: true });
  return { browser, version: browser.version() };
}

/** One batch through the panel: click, wait for the figures, collect long tasks and frame gaps. */
async function panelRun(page: Page, cases: number): Promise<PanelRun> {
  return page.evaluate(async (n) => {
    const el = document.querySelector('ml-simulation') as HTMLElement & { results: readonly unknown[]; cases: string; scenarioChoice: string; seed: string };
    const root = el.shadowRoot!;
    el.cases = String(n);
    el.seed = '1';
    el.scenarioChoice = 'planned';
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const tasks: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask', buffered: false });
    let frames = true;
    let lastFrame = performance.now();
    let longestGap = 0;
    const frame = (t: number) => {
      longestGap = Math.max(longestGap, t - lastFrame);
      lastFrame = t;
      if (frames) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const start = performance.now();
    const previous = el.results;
    (root.querySelector('button[data-action="run-batch"]') as HTMLButtonElement).click();
    await new Promise<void>((done) => {
      const check = () => {
        if (el.results !== previous && el.results.length > 0 && root.querySelector('.scenario[data-scenario="planned"]')) {
          mo.disconnect();
          done();
        }
      };
      const mo = new MutationObserver(check);
      mo.observe(root, { childList: true, subtree: true });
      check();
    });
    const wallMs = performance.now() - start;
    frames = false;
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    const during = tasks.filter((t) => t.startTime >= start && t.startTime <= start + wallMs);
    const { file: _f, ...result } = el.results[0] as Record<string, unknown>;
    return {
      wallMs,
      longTasks: during.length,
      longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
      longestFrameGapMs: longestGap,
      taskTimes: during.map((t) => [Math.round(t.startTime - start), Math.round(t.duration)] as [number, number]),
      result: JSON.stringify(result)
    };
  }, cases);
}

/** The same batch on the bare engine loop in the same page. */
async function bareRun(page: Page, cases: number): Promise<{ ms: number; result: string }> {
  return page.evaluate(async (n) => {
    const el = document.querySelector('ml-simulation') as unknown as {
      runBareBatch(r: { cases: number; seed: string; scenarios: string[] }): Promise<{ ms: number; results: unknown[] }>;
    };
    const { ms, results } = await el.runBareBatch({ cases: n, seed: '1', scenarios: ['planned'] });
    return { ms, result: JSON.stringify(results[0]) };
  }, cases);
}

async function main(): Promise<void> {
  const args = benchOptions({
    cases: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
    dist: { type: 'string' },
    nice: { type: 'string', default: '-19' },
    profile: { type: 'boolean', default: false }
  });
  const nice = Number(args.nice);
  if (!Number.isInteger(nice) || nice < -20 || nice > 19) throw new Error(`--nice must be an integer from -20 to 19, got ${args.nice}`);
  const cases = intOption(args.cases, 'cases');
  const runs = intOption(args.runs, 'runs');
  const built = args.dist ? { outDir: String(args.dist), dispose: async () => {} } : await buildAppToTemp();
  const server = await serveBuild(built.outDir);
  const { browser, version } = await launchBrowser(nice);
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    await allowCompiledFunctions(context);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(APP_READY, undefined, { timeout: 60_000 });
    await page.locator('ml-library li .open', { hasText: 'Van lead tot order' }).first().click();
    await page.waitForFunction(APP_READY, undefined, { timeout: 60_000 });
    await page.waitForTimeout(500);
    await page.locator('button[data-panel="simulation"]').click();
    await page.waitForSelector('ml-simulation .check[data-check="ok"]');
    await page.locator('ml-simulation [role="tab"][data-mode="batch"]').click();

    // A warm-up of each path, so the comparison is not about compiling the code.
    await panelRun(page, Math.min(cases, 1000));
    await bareRun(page, Math.min(cases, 1000));
    const panel: PanelRun[] = [];
    const bare: { ms: number; result: string }[] = [];
    // Main-thread CPU time (Chromium's ThreadTime) beside wall time: on a shared machine wall time mostly measures the queue for the CPU.
    const readTotals = await threadTotals(page);
    const panelCpu: number[] = [];
    const bareCpu: number[] = [];
    const profiles = [];
    for (let i = 0; i < runs; i++) {
      const stopProfile = args.profile ? await startProfile(page) : null;
      let t0 = await readTotals();
      panel.push(await panelRun(page, cases));
      panelCpu.push(totalsBetween(t0, await readTotals()).cpuMs);
      if (stopProfile) profiles.push(await stopProfile());
      t0 = await readTotals();
      bare.push(await bareRun(page, cases));
      bareCpu.push(totalsBetween(t0, await readTotals()).cpuMs);
    }
    const sameNumbers = panel.every((p) => p.result === bare[0]!.result) && bare.every((b) => b.result === bare[0]!.result);
    const panelMs = median(panel.map((p) => p.wallMs));
    const bareMs = median(bare.map((b) => b.ms));
    const longestTask = Math.max(...panel.map((p) => p.longestTaskMs));
    const figures = {
      model: 'processes/van-lead-tot-order.bpmn',
      chromium: version,
      nice,
      loadAverage: (await import('node:os')).loadavg().map((l) => round(l, 1)),
      cases,
      runs,
      panelWallMs: panel.map((p) => round(p.wallMs)),
      bareEngineMs: bare.map((b) => round(b.ms)),
      medianPanelWallMs: round(panelMs),
      medianBareEngineMs: round(bareMs),
      ratioPanelToBare: round(panelMs / bareMs, 2),
      panelMainThreadCpuMs: panelCpu,
      bareMainThreadCpuMs: bareCpu,
      medianCpuRatioPanelToBare: round(median(panelCpu) / median(bareCpu), 2),
      longTasksDuringBatch: panel.reduce((n, p) => n + p.longTasks, 0),
      longestTaskMs: round(longestTask),
      longestTaskTargetMs: LONG_TASK_MS,
      longestTaskWithinTarget: longestTask < LONG_TASK_MS,
      longestFrameGapMs: round(Math.max(...panel.map((p) => p.longestFrameGapMs))),
      longTaskTimesPerRun: panel.map((p) => p.taskTimes),
      sameNumbersAsBareEngine: sameNumbers
    };
    printFigures(`Simulation batch in Chromium, ${cases} cases (median of ${runs})`, [
      ['panel (click → figures shown)', `${figures.medianPanelWallMs} ms`],
      ['bare engine loop, same page', `${figures.medianBareEngineMs} ms`],
      ['ratio panel / bare (wall)', figures.ratioPanelToBare],
      ['main-thread CPU panel / bare', `${median(panelCpu)} / ${median(bareCpu)} ms = ${figures.medianCpuRatioPanelToBare}`],
      ['long tasks (> 50 ms) during batches', figures.longTasksDuringBatch],
      ['longest task', `${figures.longestTaskMs} ms (target < ${LONG_TASK_MS})`],
      ['longest gap between frames', `${figures.longestFrameGapMs} ms`],
      ['same numbers as the bare engine', String(sameNumbers)]
    ]);
    if (profiles.length > 0) {
      const summary = await summariseProfile(profiles, built.outDir, { top: 25 });
      console.log(`\nprofile of the panel runs: busy ${summary.busyMs} ms, idle ${summary.idleMs} ms`);
      for (const h of summary.byArea) console.log(`  ${h.selfMs} ms  ${h.where}`);
      console.log('');
      for (const h of summary.byFunction) console.log(`  ${h.selfMs} ms  ${h.where}`);
      return;
    }
    const file = await writeResult('simulation-browser-batch', figures);
    console.log(`\nwritten to ${file}`);
    if (!sameNumbers) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
    await built.dispose();
  }
}

if (isMain(import.meta.url)) await main();

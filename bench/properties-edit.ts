/**
 * Editing a KPI in a large model: in a generated collaboration (1,000 flow nodes,
 * 6 lanes, value-chain data) with the properties panel showing a task and its KPI,
 * the script time from the edit of the KPI's target until the panel has rendered the
 * new value, and the same for the undo. Two ways in:
 *  - through the value-chain editor (`valueChainEditor.updateKpi`), the call the panel makes;
 *  - as a user does: new text in the target field and its change event (the panel's
 *    check, the command, the render).
 * Every listener of the command is included (bpmn-js, handover marks, the panel); the
 * marks' share is reported separately. Target: ≤ 16 ms (one frame) of script, judged
 * on the median; the p90 is printed with the machine's load beside it.
 *
 *   npx tsx bench/properties-edit.ts [--runs 40] [--nodes 1000] [--lanes 6]
 */
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { generateCollaboration } from './lib/generate-collaboration';
import {
  benchOptions,
  buildBenchPage,
  intOption,
  isMain,
  launchBenchBrowser,
  printFigures,
  serveBuild,
  summarise,
  writeResult
} from './lib/browser-bench';
import type { EditRun, LoadInfo } from './properties-edit-page';

/** One frame at 60 Hz: the budget from a KPI edit to the updated panel. */
export const FRAME_MS = 16;

type BenchWindow = {
  propertiesBench: {
    load(xml: string): Promise<LoadInfo>;
    show(i: number): Promise<{ shown: string; panelElements: number }>;
    editViaService(i: number, value: string): Promise<EditRun>;
    editViaField(i: number, value: string): Promise<EditRun>;
  };
};

async function runEdits(page: Page, kind: 'editViaService' | 'editViaField', runs: number, warmup: number): Promise<{ runs: EditRun[]; panelElements: number[] }> {
  const out: EditRun[] = [];
  const panelElements: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    // A different task each time, shown first (not timed), as a user selects it before typing.
    const shown = await page.evaluate((n) => (window as unknown as BenchWindow).propertiesBench.show(n), i);
    // Collect the previous run's garbage, so a collection it caused is not billed to this edit.
    await page.evaluate(() => (globalThis as unknown as { gc?: () => void }).gc?.());
    const run = await page.evaluate(([k, n]) => (window as unknown as BenchWindow).propertiesBench[k as 'editViaService'](n as number, `${1000 + (n as number)}.5`), [kind, i] as const);
    if (i >= warmup) {
      out.push(run);
      panelElements.push(shown.panelElements);
    }
  }
  return { runs: out, panelElements };
}

function figures(runs: EditRun[]) {
  return {
    totalMs: summarise(runs.map((r) => r.totalMs)),
    editMs: summarise(runs.map((r) => r.editMs)),
    renderMs: summarise(runs.map((r) => r.renderMs)),
    layoutMs: summarise(runs.map((r) => r.layoutMs)),
    markersMs: summarise(runs.map((r) => r.markersMs)),
    undoTotalMs: summarise(runs.map((r) => r.undoTotalMs))
  };
}

async function main(): Promise<void> {
  const options = benchOptions({
    runs: { type: 'string', default: '40' },
    nodes: { type: 'string', default: '1000' },
    lanes: { type: 'string', default: '6' }
  });
  const runs = intOption(options.runs, 'runs');
  const nodes = intOption(options.nodes, 'nodes');
  const lanes = intOption(options.lanes, 'lanes');
  const xml = generateCollaboration({ flowNodes: nodes, lanes, seed: 1, withValueChain: true });
  const source = `generated: ${nodes} flow nodes, ${lanes} lanes, seed 1, with value-chain data`;

  const page$ = await buildBenchPage('bench/properties-edit-page.ts', 'MissingLink properties panel bench');
  const server = await serveBuild(page$.outDir);
  const { browser, version } = await launchBenchBrowser(['--js-flags=--expose-gc']);
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await page.waitForFunction(() => !!(window as unknown as Partial<BenchWindow>).propertiesBench);
    const info = await page.evaluate((x) => (window as unknown as BenchWindow).propertiesBench.load(x), xml);
    if (info.tasksWithKpi === 0) throw new Error('the generated model has no task with a KPI to edit');

    const service = await runEdits(page, 'editViaService', runs, 5);
    const field = await runEdits(page, 'editViaField', runs, 5);
    if (errors.length) throw new Error(`the bench page reported errors: ${errors.join('; ')}`);
    const viaService = figures(service.runs);
    const viaField = figures(field.runs);

    // Judged on the median: wall-clock timings in a page on a shared 2-core machine pick up
    // other processes' work in the upper percentiles (the load average is in the result).
    const worst = Math.max(viaService.totalMs.median, viaField.totalMs.median, viaService.undoTotalMs.median, viaField.undoTotalMs.median);
    const worstP90 = Math.max(viaService.totalMs.p90, viaField.totalMs.p90, viaService.undoTotalMs.p90, viaField.undoTotalMs.p90);
    const meetsTarget = worst <= FRAME_MS;
    const load = loadavg()[0] ?? 0;
    printFigures(`KPI edit to updated properties panel (${runs} runs each after 5 warm-up, headless Chromium ${version}; ${source}), ms of script`, [
      ['flow nodes / tasks with a KPI', `${info.flowNodes} / ${info.tasksWithKpi}`],
      ['panel DOM elements while a task is shown (median)', summarise(service.panelElements).median],
      ['service: edit to rendered panel median (p90)', `${viaService.totalMs.median} (${viaService.totalMs.p90})`],
      ['  command with listeners / panel render median', `${viaService.editMs.median} / ${viaService.renderMs.median}`],
      ['  of which handover marks median', viaService.markersMs.median],
      ['  style + layout of the panel after it median', viaService.layoutMs.median],
      ['  undo to rendered panel median (p90)', `${viaService.undoTotalMs.median} (${viaService.undoTotalMs.p90})`],
      ['field: change event to rendered panel median (p90)', `${viaField.totalMs.median} (${viaField.totalMs.p90})`],
      ['  check + command / panel render median', `${viaField.editMs.median} / ${viaField.renderMs.median}`],
      ['  undo to rendered panel median (p90)', `${viaField.undoTotalMs.median} (${viaField.undoTotalMs.p90})`],
      ['target (median of every kind)', `≤ ${FRAME_MS} ms: ${meetsTarget ? 'met' : `MISSED (${worst} ms)`}`],
      ['worst p90 / load average (1 min) on the machine', `${worstP90} ms / ${load.toFixed(1)} on ${cpus().length} cores`]
    ]);
    const file = await writeResult('properties-edit', {
      method:
        'A bench page built from bench/properties-edit-page.ts with the app vite config creates our modeler (all feature modules, handover marks included) in a 1080x900 container, imports the generated collaboration, and mounts <ml-properties> (360x900) beside it. Per run a different task with a KPI is selected and its KPI card opened (not timed); then, timed with performance.now() in the page: the edit (valueChainEditor.updateKpi(task, kpi, { target }) or the target input\'s value set plus a change event), then `await panel.updateComplete` (Lit renders in a microtask, so only script runs in between). totalMs = edit + render; layoutMs = a forced getBoundingClientRect right after, reported apart; markersMs from the handoverMarkers running totals. The undo of each edit is timed the same way. The rendered input is checked to hold the new value. 5 unmeasured warm-up runs per kind; gc() before every run (Chromium --expose-gc).',
      browser: `Chromium ${version}`,
      source,
      xmlBytes: Buffer.byteLength(xml),
      model: info,
      targetMs: FRAME_MS,
      judgedOn: 'median of every kind (edit and undo, via service and via field)',
      meetsTarget,
      worstP90Ms: worstP90,
      viaService,
      viaField,
      panelElements: summarise(service.panelElements)
    });
    console.log(`\nwritten to ${file}`);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    await page$.dispose();
  }
}

if (isMain(import.meta.url)) await main();

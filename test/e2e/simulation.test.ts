import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import { openApp, waitUntilIdle, waitUntilReady } from '../support/app';
import { runSimulateCommand } from '../../src/cli/simulate';

/*
 * The simulation panel in a real Chromium: a case stepped through the lead-to-order
 * sample shows tokens moving on the canvas, flags where the chain has gaps, and
 * branches that follow the user's choice; reset leaves a clean canvas; a batch of
 * 1,000 cases shows figures and drawn charts whose JSON export equals the command
 * line's output for the same seed; the model check names missing probabilities; and
 * no run ever reaches the command stack.
 */

const SAMPLE = new URL('../../processes/van-lead-tot-order.bpmn', import.meta.url);

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function openSample(page: Page, name: string): Promise<void> {
  await page.locator('ml-library li .open', { hasText: name }).first().click();
  await page.waitForTimeout(50);
  await waitUntilIdle(page);
  await waitUntilReady(page);
}

async function openPanel(page: Page): Promise<void> {
  await page.locator('button[data-panel="simulation"]').click();
  await page.waitForSelector('ml-simulation .check[data-check]');
}

/** Element ids with a token drawn on the canvas. */
async function tokenIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('.ml-sim-token')].map((e) => e.getAttribute('data-element-id')!).sort());
}

/** Flags on the canvas: element id → kinds. */
async function canvasFlags(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.ml-sim-flag')].map((e) => [e.getAttribute('data-element-id')!, e.getAttribute('data-kinds')!])));
}

async function runState(page: Page): Promise<string> {
  return page.locator('ml-simulation .state[data-state]').getAttribute('data-state').then((s) => s ?? '');
}

/** Clicks Step and waits until the machine is back in paused or finished. */
async function step(page: Page): Promise<void> {
  await page.locator('ml-simulation button[data-action="step"]').click();
  await page.waitForFunction(() => {
    const s = document.querySelector('ml-simulation')?.shadowRoot?.querySelector('.state[data-state]')?.getAttribute('data-state');
    return s === 'paused' || s === 'finished';
  });
}

/** Steps until `done` holds, answering choices with `pick` (gateway id → flow id); fails after 40 steps. */
async function stepUntil(page: Page, pick: Record<string, string>, done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await done()) return;
    const choice = page.locator('ml-simulation .choice');
    if (await choice.count()) {
      const gateway = (await choice.getAttribute('data-gateway-id'))!;
      const flow = pick[gateway];
      expect(flow, `a pick for gateway ${gateway}`).toBeDefined();
      await choice.locator(`button[data-flow-id="${flow}"]`).click();
      await page.waitForFunction(() => !document.querySelector('ml-simulation')?.shadowRoot?.querySelector('.choice'));
      continue;
    }
    expect(await runState(page)).not.toBe('finished');
    await step(page);
  }
  throw new Error('condition not reached within 40 steps');
}

async function commandStackState(page: Page): Promise<{ size: number; index: number; xml: string }> {
  return page.evaluate(async () => {
    const modeler = (window as unknown as { missinglink: { modeler: { get(n: string): { _stack: unknown[]; _stackIdx: number }; saveXML(o: object): Promise<{ xml: string }> } } })
      .missinglink.modeler;
    const stack = modeler.get('commandStack');
    return { size: stack._stack.length, index: stack._stackIdx, xml: (await modeler.saveXML({ format: false })).xml };
  });
}

/** Painted pixels in a chart canvas of the panel. */
async function paintedPixels(page: Page, chart: string): Promise<number> {
  return page.evaluate((name) => {
    const canvas = document.querySelector('ml-simulation')!.shadowRoot!.querySelector<HTMLCanvasElement>(`canvas[data-chart="${name}"]`)!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  }, chart);
}

describe('Simulation panel', () => {
  it('steps a case through the chain with tokens and flags on the canvas, follows the chosen branch, and resets to a clean canvas', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    await openSample(page, 'Van lead tot order');
    const before = await commandStackState(page);
    await openPanel(page);

    // Given the lead-to-order chain, when the first step runs
    await step(page);
    // then the customer waits for the quote or the nurturing e-mails, and the lead is being scored
    expect(await tokenIds(page)).toEqual(['l2o_k_gw_reactie', 'l2o_scoren']);
    // and the whitepaper request crossed a handover that has no agreement: flagged on the canvas and in the list
    expect((await canvasFlags(page))['l2o_mf_aanvraag']).toContain('handover-without-agreement');
    await expect.poll(() => page.locator('ml-simulation li.flag[data-element-id="l2o_mf_aanvraag"][data-kind="handover-without-agreement"]').count()).toBe(1);

    // When scoring ends, the run waits at the MQL decision and offers its branches
    await step(page);
    await page.waitForSelector('ml-simulation .choice[data-gateway-id="l2o_gw_mql"]');
    expect(await tokenIds(page)).toContain('l2o_gw_mql');
    // and the user sends the lead to Verkoop: the token goes to "Lead nabellen", which has no one accountable
    await page.locator('ml-simulation .choice button[data-flow-id="l2o_f_mql"]').click();
    await expect.poll(() => tokenIds(page)).toContain('l2o_nabellen');
    expect((await canvasFlags(page))['l2o_nabellen']).toContain('missing-accountable');

    // Stepping on with SQL = yes reaches the credit check over the handover Verkoop → Financiën, which has no agreement
    await stepUntil(page, { l2o_gw_sql: 'l2o_f_sql' }, async () => (await canvasFlags(page))['l2o_f_naar_financien'] !== undefined);
    expect((await canvasFlags(page))['l2o_f_naar_financien']).toContain('handover-without-agreement');
    const clock = Number(await page.locator('ml-simulation .clock').getAttribute('data-hours'));
    expect(clock).toBeGreaterThan(0);

    // When the user resets, every token, dot and flag leaves the canvas and the clock is back at zero
    await page.locator('ml-simulation button[data-action="reset"]').click();
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('.ml-sim-token, .ml-sim-flag, .ml-sim-moving').length)).toBe(0);
    expect(await page.locator('ml-simulation .clock').getAttribute('data-hours')).toBe('0');
    expect(await page.locator('ml-simulation li.flag').count()).toBe(0);

    // When the same case takes the other branch, the token goes to nurturing instead
    await step(page);
    await step(page);
    await page.locator('ml-simulation .choice button[data-flow-id="l2o_f_geen_mql"]').click();
    await expect.poll(() => tokenIds(page)).toContain('l2o_nurturing');
    expect(await tokenIds(page)).not.toContain('l2o_nabellen');

    // Running on at the fastest speed finishes the case and lets chance decide later decisions
    await page.locator('ml-simulation input[type="range"]').fill('6');
    await page.locator('ml-simulation button[data-action="run-pause"]').click();
    await expect.poll(() => runState(page), { timeout: 20_000 }).toBe('finished');

    // The editor was never touched: same undo stack, same model
    const after = await commandStackState(page);
    expect(after.size).toBe(before.size);
    expect(after.index).toBe(before.index);
    expect(after.xml).toBe(before.xml);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs 1,000 cases with figures and charts, and exports the same numbers as the command line for the same seed', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    await openSample(page, 'Van lead tot order');
    const before = await commandStackState(page);
    await openPanel(page);
    await page.locator('ml-simulation [role="tab"][data-mode="batch"]').click();

    // Given 1,000 cases with seed 7, planned and realised side by side
    await page.locator('ml-simulation input[name="seed"]').fill('7');
    expect(await page.locator('ml-simulation input[name="cases"]').inputValue()).toBe('1000');
    await page.locator('ml-simulation button[data-action="run-batch"]').click();
    await page.waitForSelector('ml-simulation .scenario[data-scenario="realised"]', { timeout: 60_000 });

    // then both scenarios show lead time, cost, handovers and the customer promise in words
    for (const scenario of ['planned', 'realised']) {
      const text = await page.locator(`ml-simulation .scenario[data-scenario="${scenario}"]`).innerText();
      expect(text).toMatch(/1,000 cases, seed 7/);
      expect(text).toMatch(/mean .* P50 .* P90 .* max/);
      expect(text).toMatch(/Customer promise: .*9 in 10 cases take at most [\d.,]+ working days \(P90\): (kept|not kept)\. Measured on the [\d.,]+% of cases that end at "Klant ontvangt product"/);
      // and how the cases ended for the customer, with the lead time of each ending
      expect(await page.locator(`ml-simulation .scenario[data-scenario="${scenario}"] table[data-table="outcomes"] tbody tr`).count()).toBe(3);
    }
    expect(await page.locator('ml-simulation table[data-table="departments"] tbody tr').count()).toBeGreaterThan(2);
    expect(await page.locator('ml-simulation table[data-table="flags"] tr[data-kind="handover-without-agreement"]').count()).toBeGreaterThan(0);
    // an unnamed flow reads as where it leads, and every flag kind in the table is explained below it
    expect(await page.locator('ml-simulation table[data-table="flags"] tr[data-element-id="l2o_f_naar_financien"]').innerText()).toContain('to Kredietwaardigheid toetsen');
    expect(await page.locator('ml-simulation .flag-legend dt').allInnerTexts()).toContain('Handover without agreement');
    // and both charts are drawn
    await expect.poll(() => paintedPixels(page, 'histogram'), { timeout: 10_000 }).toBeGreaterThan(500);
    await expect.poll(() => paintedPixels(page, 'departments'), { timeout: 10_000 }).toBeGreaterThan(500);

    // The visit heat appears on the canvas when asked for
    await page.locator('ml-simulation input[data-action="heat"]').check();
    expect(await page.locator('.ml-sim-heat[data-element-id="l2o_scoren"]').count()).toBe(1);

    // When only the planned scenario runs and is exported as JSON
    await page.locator('ml-simulation select[name="scenario"]').selectOption('planned');
    await page.locator('ml-simulation button[data-action="run-batch"]').click();
    await page.waitForFunction(() => {
      const root = document.querySelector('ml-simulation')?.shadowRoot;
      return root?.querySelector('.scenario[data-scenario="planned"]') && !root.querySelector('.scenario[data-scenario="realised"]');
    });
    const download = page.waitForEvent('download');
    await page.locator('ml-simulation button[data-action="export-json"]').click();
    const file = await (await download).path();
    const browserResult = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;

    // then it holds the very numbers `missinglink simulate --seed 7` computes in node
    let out = '';
    const code = await runSimulateCommand(['simulate', 'sample.bpmn', '--seed', '7', '--cases', '1000'], {
      stdout: (s) => (out += s),
      stderr: () => {},
      readFile: () => readFile(SAMPLE, 'utf8')
    });
    expect(code).toBe(0);
    // (the command line adds the capacity run's figures beside the batch; the panel's batch export has the batch's)
    const { file: _file, cycleTime, waitingTime, pools, tasks, capacity, ...nodeResult } = JSON.parse(out) as Record<string, unknown>;
    expect(browserResult).toEqual(nodeResult);
    expect([cycleTime, waitingTime, pools, tasks, capacity].every((x) => x !== undefined)).toBe(true);
    expect((browserResult['visitsPerCase'] as Record<string, number>)['l2o_scoren']).toBeGreaterThan(0);

    const after = await commandStackState(page);
    expect(after.size).toBe(before.size);
    expect(after.xml).toBe(before.xml);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists missing probabilities in the model check with the element and the default used, and blocks a model it would misread', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    await openPanel(page);

    // Given a model whose decision has no probabilities
    await page.evaluate((xml) => (window as unknown as { missinglink: { modeler: { importXML(x: string): Promise<unknown> } } }).missinglink.modeler.importXML(xml), modelXml('exclusiveGateway'));
    const issue = page.locator('ml-simulation li.issue[data-code="missing-probability"]');
    await issue.waitFor();
    // then the check names the decision and the default the simulation uses
    expect(await issue.innerText()).toMatch(/"Approved\?".*Default used: equal probabilities\./s);
    expect(await page.locator('ml-simulation button[data-action="start"]').isDisabled()).toBe(false);
    // and clicking the element selects it on the canvas
    await issue.locator('button[data-element-id="Gw"]').click();
    const selected = await page.evaluate(() =>
      (window as unknown as { missinglink: { modeler: { get(n: string): { get(): { id: string }[] } } } }).missinglink.modeler.get('selection').get().map((e) => e.id)
    );
    expect(selected).toEqual(['Gw']);

    // Given a complex gateway, the run is blocked with the reason
    await page.evaluate((xml) => (window as unknown as { missinglink: { modeler: { importXML(x: string): Promise<unknown> } } }).missinglink.modeler.importXML(xml), modelXml('complexGateway'));
    await page.locator('ml-simulation .check[data-check="blocked"]').waitFor();
    expect(await page.locator('ml-simulation li.issue[data-code="complex-gateway"]').innerText()).toContain('"Approved?"');
    expect(await page.locator('ml-simulation button[data-action="start"]').isDisabled()).toBe(true);
    expect(await page.locator('ml-simulation button[data-action="step"]').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** A start, a decision ("Approved?") without probabilities, two tasks and an end, with a diagram. */
function modelXml(gateway: 'exclusiveGateway' | 'complexGateway'): string {
  const shape = (id: string, x: number, y: number, w: number, h: number) =>
    `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}" /></bpmndi:BPMNShape>`;
  const edge = (id: string, points: [number, number][]) =>
    `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">${points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('')}</bpmndi:BPMNEdge>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Defs" targetNamespace="http://example.com">
  <bpmn:process id="P" isExecutable="false">
    <bpmn:startEvent id="S" name="Request in" />
    <bpmn:${gateway} id="Gw" name="Approved?" />
    <bpmn:task id="A" name="Deliver" />
    <bpmn:task id="B" name="Decline" />
    <bpmn:endEvent id="E" name="Done" />
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Gw" />
    <bpmn:sequenceFlow id="F2" name="yes" sourceRef="Gw" targetRef="A" />
    <bpmn:sequenceFlow id="F3" name="no" sourceRef="Gw" targetRef="B" />
    <bpmn:sequenceFlow id="F4" sourceRef="A" targetRef="E" />
    <bpmn:sequenceFlow id="F5" sourceRef="B" targetRef="E" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="Pl" bpmnElement="P">
    ${shape('S', 100, 122, 36, 36)}${shape('Gw', 190, 115, 50, 50)}${shape('A', 300, 40, 120, 80)}${shape('B', 300, 180, 120, 80)}${shape('E', 500, 122, 36, 36)}
    ${edge('F1', [[136, 140], [190, 140]])}${edge('F2', [[215, 115], [215, 80], [300, 80]])}${edge('F3', [[215, 165], [215, 220], [300, 220]])}
    ${edge('F4', [[420, 80], [518, 80], [518, 122]])}${edge('F5', [[420, 220], [518, 220], [518, 158]])}
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import { openApp, waitUntilIdle } from '../support/app';
import {
  definitions,
  doctypeBypass,
  longAnnotation,
  longGroupLabel,
  manyFlows,
  manyLanes,
  manyLongNames,
  prefixedName
} from '../support/attacks';

/*
 * The hostile files of issue 12 through the real import path in Chromium. Each was
 * refused only after freezing the tab for half a minute to seven minutes, or slipped
 * past the structure check. Now each is refused within 5 s with a message naming the
 * limit, and no task on the page thread takes longer than 200 ms meanwhile (the file is
 * checked in the model worker). Files that read wrongly (prototype ids, non-ASCII ids,
 * a flow to itself, remote colours, control characters) open correctly or are refused.
 */

interface Outcome {
  ms: number;
  longestTask: number;
  error?: { message: string; detail?: string };
  success?: { message: string; detail?: string };
  drawn: string[];
}

/** Imports a file as a dropped one and reports the notices, the time, the longest page task and what is drawn. */
async function importText(page: Page, name: string, text: string): Promise<Outcome> {
  // The file is made first, in a task of its own: handing megabytes to the page is the test's work, not the app's.
  await page.evaluate(({ name, text }) => {
    (window as unknown as { __file: File }).__file = new File([text], name, { type: 'application/xml' });
  }, { name, text });
  await page.waitForTimeout(100);
  return page.evaluate(
    async () => {
      type Controller = EventTarget & {
        state: { busy: boolean; notices: Array<{ id: number; tone: string; message: string; detail?: string }> };
        importFiles(files: File[]): void;
      };
      const { controller, modeler } = (window as unknown as { missinglink: { controller: Controller; modeler: any } }).missinglink;
      const file = (window as unknown as { __file: File }).__file;
      let longestTask = 0;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration);
      });
      observer.observe({ type: 'longtask' });
      const lastNotice = controller.state.notices.at(-1)?.id ?? 0;
      const done = new Promise<void>((resolve) => {
        const check = () => {
          if (!controller.state.busy) {
            controller.removeEventListener('change', check);
            resolve();
          }
        };
        controller.addEventListener('change', check);
      });
      const started = performance.now();
      controller.importFiles([file]);
      await done;
      const ms = performance.now() - started;
      // Long tasks are reported after they end: give the observer a frame.
      await new Promise((r) => setTimeout(r, 50));
      observer.disconnect();
      const notices = controller.state.notices.filter((n) => n.id > lastNotice);
      return {
        ms,
        longestTask,
        error: notices.find((n) => n.tone === 'error'),
        success: notices.find((n) => n.tone === 'success'),
        drawn: modeler
          .get('elementRegistry')
          .filter((e: { type: string; parent?: unknown }) => e.type !== 'label' && e.parent)
          .map((e: { id: string }) => e.id)
      };
    }
  );
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page, errors } = await newAppPage(browser));
  await openApp(page);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('hostile files of issue 12 are refused fast, without freezing the page', () => {
  const attacks: Array<[string, () => string, RegExp]> = [
    ['100,000 sequence flows (6 MB)', () => manyFlows(), /more than 25,000 connections/],
    ['50,000 lanes without diagram', () => manyLanes(50_000, false), /more than 1,000 lanes/],
    ['50,000 lanes with diagram', () => manyLanes(50_000, true), /more than 1,000 lanes/],
    ['300 names of 9,990 characters', () => manyLongNames(), /more than 1,000,000 characters of names and texts/],
    ['20,000-deep nesting behind a DOCTYPE trick', () => doctypeBypass(`${'<bpmn:subProcess>'.repeat(20_000)}${'</bpmn:subProcess>'.repeat(20_000)}`), /more than 1,000 levels deep/],
    ['a 2-million-character name behind a DOCTYPE trick', () => doctypeBypass(`<bpmn:task id="t" name="${'n'.repeat(2_000_000)}"/>`), /name of 2,000,000 characters/],
    ['a 2 MB bpmn:name', () => prefixedName(), /name of 2,000,000 characters/],
    ['a 5 MB text annotation', () => longAnnotation(), /text annotation of 5,000,000 characters/],
    ['a 2 MB group label', () => longGroupLabel(), /group label of 2,000,000 characters/]
  ];

  it.each(attacks)('%s: refused within 5 s, naming the limit, no page task over 200 ms', async (_what, make, limit) => {
    const outcome = await importText(page, 'attack.bpmn', make());
    console.log(`${_what}: answered in ${Math.round(outcome.ms)} ms, longest page task ${Math.round(outcome.longestTask)} ms`);
    await waitUntilIdle(page);
    expect(outcome.success).toBeUndefined();
    expect(outcome.error?.message).toContain('attack.bpmn');
    expect(`${outcome.error?.message} ${outcome.error?.detail ?? ''}`).toMatch(limit);
    expect(outcome.ms).toBeLessThan(5000);
    expect(outcome.longestTask).toBeLessThan(200);
  });

  it('creates a new process quickly afterwards', async () => {
    const ms = await page.evaluate(async () => {
      const { controller } = (window as unknown as { missinglink: { controller: EventTarget & { state: { busy: boolean; current?: { id: string } }; create(): void } } }).missinglink;
      const before = controller.state.current?.id;
      const started = performance.now();
      controller.create();
      await new Promise<void>((resolve) => {
        const check = () => {
          if (!controller.state.busy && controller.state.current?.id !== before) {
            controller.removeEventListener('change', check);
            resolve();
          }
        };
        controller.addEventListener('change', check);
      });
      return performance.now() - started;
    });
    expect(ms).toBeLessThan(2000);
  });

  it('refuses a name holding &#1; or &#0;, which XML 1.0 forbids', async () => {
    for (const reference of ['&#1;', '&#0;']) {
      const outcome = await importText(page, 'control.bpmn', definitions(`<bpmn:task id="t" name="a${reference}b"/>`));
      expect(outcome.success).toBeUndefined();
      expect(`${outcome.error?.message} ${outcome.error?.detail ?? ''}`).toContain(`character reference ${reference}`);
    }
  });

  it('raised no page error', () => {
    expect(errors).toEqual([]);
  });
});

describe('files that read wrongly before', () => {
  it('lists the parts of a file the modeler could not use in the import notice', async () => {
    const xml = definitions('<bpmn:task id="a" name="A"/><bpmn:sequenceFlow id="f" sourceRef="a" targetRef="nowhere"/>');
    const outcome = await importText(page, 'dangling.bpmn', xml);
    expect(outcome.success?.message).toMatch(/^Imported: /);
    expect(outcome.success?.detail).toMatch(/^\d+ parts of the file were not understood and were skipped:\n• /);
    expect(outcome.success?.detail).toContain('nowhere');
    await page.locator('ml-notices').getByText('nowhere').first().waitFor({ state: 'visible' });
  });

  it('lists them in Dutch in the Dutch app', async () => {
    const { context: dutch, page: nl } = await newAppPage(browser, { locale: 'nl-NL' });
    try {
      await openApp(nl);
      const xml = definitions('<bpmn:task id="a" name="A"/><bpmn:sequenceFlow id="f" sourceRef="a" targetRef="nergens"/>');
      const outcome = await importText(nl, 'los.bpmn', xml);
      expect(outcome.success?.message).toMatch(/^Geïmporteerd: /);
      expect(outcome.success?.detail).toMatch(/^\d+ onderdelen van het bestand werden niet begrepen en zijn overgeslagen:\n• [^\n]*nergens/);
      await nl.locator('ml-notices').getByText('werden niet begrepen').first().waitFor({ state: 'visible' });
    } finally {
      await dutch.close();
    }
  });

  it('exports an SVG with no remote reference from a model whose colours point elsewhere', async () => {
    const xml = definitions(
      '<bpmn:task id="t" name="Tracked"/>',
      '<bpmndi:BPMNShape id="t_di" bpmnElement="t" color:background-color="url(https://tracker.example/p.png)" color:border-color="url(https://tracker.example/q.png)"><dc:Bounds x="100" y="100" width="100" height="80"/></bpmndi:BPMNShape>'
    ).replace('<bpmn:definitions ', '<bpmn:definitions xmlns:color="http://www.omg.org/spec/BPMN/non-normative/color/1.0" ');
    const outcome = await importText(page, 'colours.bpmn', xml);
    expect(outcome.success?.detail).toContain('is not a plain colour value and was removed');
    await page.click('[data-action="export"]');
    const download = page.waitForEvent('download');
    await page.click('[data-export="svg"]');
    const svg = await readFile(await (await download).path(), 'utf8');
    expect(svg).toContain('Tracked');
    expect(svg).not.toMatch(/tracker\.example|url\((?!["']?(&quot;)?#)/);
  });
});

/** Tasks in a row with their shapes, and flows from each to the next with their lines. */
function chain(ids: string[], extraFlows = ''): string {
  const tasks = ids.map((id) => `<bpmn:task id="${id}" name="Task ${id}"/>`).join('');
  const flows = ids.slice(1).map((id, k) => `<bpmn:sequenceFlow id="flow_${k}" sourceRef="${ids[k]}" targetRef="${id}"/>`).join('');
  const shapes = ids.map((id, k) => `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${100 + k * 200}" y="100" width="100" height="80"/></bpmndi:BPMNShape>`).join('');
  const edges = ids
    .slice(1)
    .map((_, k) => `<bpmndi:BPMNEdge id="flow_${k}_di" bpmnElement="flow_${k}"><di:waypoint x="${200 + k * 200}" y="140"/><di:waypoint x="${300 + k * 200}" y="140"/></bpmndi:BPMNEdge>`)
    .join('');
  return definitions(tasks + flows + extraFlows, shapes + edges);
}

async function savedXml(page: Page): Promise<string> {
  return page.evaluate(async () => (await (window as any).missinglink.modeler.saveXML({ format: true })).xml as string);
}

describe('element ids a browser object already knows, and ids beyond ASCII', () => {
  it('draws elements whose ids are Object.prototype names, tells the user, and exports every shape', async () => {
    const ids = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
    const outcome = await importText(page, 'prototype-ids.bpmn', chain(['start', ...ids]));
    expect(outcome.error).toBeUndefined();
    expect(outcome.success?.detail).toContain('The id "constructor" cannot be kept by the modeler; the element now has the id "constructor_id".');
    // every task is drawn (under a safe id where the modeler needs one), with its name
    expect(outcome.drawn.filter((id) => !id.startsWith('flow_') && id !== 'p').length).toBe(6);
    const xml = await savedXml(page);
    for (const id of ids) expect(xml).toContain(`name="Task ${id}"`);
    // the export draws every task and flow: re-importing needs no new layout
    expect((xml.match(/<bpmndi:BPMNShape /g) ?? []).length).toBe(6);
    expect((xml.match(/<bpmndi:BPMNEdge /g) ?? []).length).toBe(5);
    const again = await importText(page, 'again.bpmn', xml);
    expect(again.error).toBeUndefined();
    expect(again.drawn.length).toBe(outcome.drawn.length);
  });

  it('accepts valid non-ASCII ids (Début, 任务_1): every element drawn, under an ASCII id the user is told', async () => {
    const outcome = await importText(page, 'unicode-ids.bpmn', chain(['Début', '任务_1', 'Ünïcødé']));
    expect(outcome.error).toBeUndefined();
    expect(outcome.success?.detail).toMatch(/^6 parts of the file/);
    expect(outcome.success?.detail).toContain('The id "任务_1" cannot be kept by the modeler; the element now has the id "_4efb_52a1_1".');
    expect(outcome.drawn).toEqual(expect.arrayContaining(['Debut', '_4efb_52a1_1', 'Unic_f8de', 'flow_0', 'flow_1']));
    const xml = await savedXml(page);
    for (const name of ['Début', '任务_1', 'Ünïcødé']) expect(xml).toContain(`name="Task ${name}"`);
  });

  it('draws a sequence flow from a task to itself', async () => {
    const loop = '<bpmn:sequenceFlow id="again" sourceRef="b" targetRef="b"/>';
    const outcome = await importText(page, 'loop.bpmn', chain(['a', 'b'], loop));
    expect(outcome.error).toBeUndefined();
    const drawnOrReported = outcome.drawn.includes('again') || /again/.test(outcome.success?.detail ?? '');
    expect(drawnOrReported).toBe(true);
  });
});

describe('role ids equal to Object.prototype names', () => {
  it('show in the RACI panel and in the audit report', async () => {
    const { context: fresh, page: p, errors: pageErrors } = await newAppPage(browser);
    try {
      await openApp(p);
      const xml = await readFile(new URL('../fixtures/robustness/prototype-roles.bpmn', import.meta.url), 'utf8');
      const outcome = await importText(p, 'roles.bpmn', xml);
      expect(outcome.error).toBeUndefined();
      // the RACI panel lists the four roles and the letters under them
      await p.click('[data-panel="raci-matrix"]');
      const matrix = p.locator('ml-raci-matrix');
      await matrix.locator('td.cell').first().waitFor();
      expect(await matrix.locator('th.role').count()).toBe(4);
      const qualify = matrix.locator('tr[data-activity-id="Task_qualify"] td.cell');
      expect((await qualify.allTextContents()).map((t) => t.trim())).toEqual(['', 'R', 'C', '']);
      // the audit report opens with its RACI matrix
      await p.click('[data-panel="audit"]');
      await p.locator('ml-audit-panel [data-counts]').waitFor();
      await p.locator('ml-audit-panel [data-action="report"]').click();
      const report = p.locator('ml-audit-report');
      await report.locator('section[data-section="raci"]').waitFor();
      expect(await report.locator('section[data-section="raci"] td.letter').allTextContents()).toEqual(['', 'R', 'C', '', 'A', '', 'A', '']);
      expect(pageErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import { elementBox, libraryNames, openApp, waitUntilIdle, waitUntilReady } from '../support/app';
import { parseBpmn } from '../../src/model/bpmn-io';
import { findHandovers } from '../../src/model/handovers';

/*
 * The canvas marks every handover by the status of its agreement, and keeps the marks
 * current while the user edits. The oracle is the pure model: after every step the
 * marks on the canvas must equal findHandovers() on the XML the modeler would save,
 * so browser and command line agree on what a handover is.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

type Marks = Record<string, string>;

/** The marks the canvas shows: flow id → agreed / draft / under-review / missing, with the badge agreeing. */
async function canvasMarks(page: Page): Promise<Marks> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const gfx of document.querySelectorAll('.djs-connection.ml-handover')) {
      const id = gfx.getAttribute('data-element-id')!;
      const mark = [...gfx.classList].find((c) => /^ml-handover--(agreed|draft|under-review|missing)$/.test(c))!.replace('ml-handover--', '');
      const badges = document.querySelectorAll(`.ml-handover-badge[data-flow-id="${id}"]`);
      out[id] = badges.length === 1 && badges[0]!.getAttribute('data-mark') === mark ? mark : `${mark} (badge: ${badges.length})`;
    }
    return out;
  });
}

/** What the pure model says about the XML the modeler would save now. */
async function expectedMarks(page: Page): Promise<Marks> {
  const xml = await page.evaluate(async () => {
    const app = (window as unknown as { missinglink: { modeler: { saveXML(o: object): Promise<{ xml: string }> } } }).missinglink;
    return (await app.modeler.saveXML({ format: false })).xml;
  });
  const { definitions } = await parseBpmn(xml);
  return Object.fromEntries(findHandovers(definitions).map((h) => [h.flowId, h.agreementStatus]));
}

async function expectMarksMatchModel(page: Page): Promise<Marks> {
  const expected = await expectedMarks(page);
  expect(await canvasMarks(page)).toEqual(expected);
  return expected;
}

async function openSample(page: Page, name: string): Promise<void> {
  await page.locator('ml-library li .open', { hasText: name }).first().click();
  await page.waitForTimeout(50);
  await waitUntilIdle(page);
  await waitUntilReady(page);
}

/** Runs code against the page's modeler services. */
async function withModeler<T, A>(page: Page, fn: (services: (name: string) => any, arg: A) => T, arg: A): Promise<T> {
  return page.evaluate(
    ({ source, arg }) => {
      const app = (window as unknown as { missinglink: { modeler: { get(n: string): unknown } } }).missinglink;
      const run = new Function(`return (${source})`)() as (s: (n: string) => unknown, a: unknown) => T;
      return run((n) => app.modeler.get(n), arg);
    },
    { source: fn.toString(), arg }
  ) as Promise<T>;
}

describe('Handover marks on the canvas', () => {
  it('marks exactly the handovers of every sample process with the status of their agreement', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    const names = await libraryNames(page);
    expect(names.length).toBeGreaterThanOrEqual(4);
    const seen = new Set<string>();
    for (const name of names) {
      await openSample(page, name);
      const expected = await expectMarksMatchModel(page);
      expect(Object.keys(expected).length, `${name} has handovers`).toBeGreaterThan(0);
      for (const mark of Object.values(expected)) seen.add(mark);
      // Flows that are no handover keep their plain BPMN look.
      const plainMarked = await page.evaluate(
        () => document.querySelectorAll('.djs-connection:not(.ml-handover)[class*="ml-handover"]').length
      );
      expect(plainMarked).toBe(0);
    }
    // The samples show every kind of mark (some agreements are deliberately missing).
    expect([...seen]).toEqual(expect.arrayContaining(['agreed', 'missing']));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('agrees with the command-line rule on nested lanes, sub-processes and collapsed pools in an imported file', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    // a model without diagram, as other tools write it: the import lays it out first
    const xml = await readFile(new URL('../unit/model/handovers-pools-and-lanes.bpmn', import.meta.url), 'utf8');
    const { definitions } = await parseBpmn(xml);
    const fromFile = Object.fromEntries(findHandovers(definitions).map((h) => [h.flowId, h.agreementStatus]));
    expect(Object.keys(fromFile).length).toBeGreaterThan(3);

    const chooser = page.waitForEvent('filechooser');
    await page.click('ml-library [data-action="import"]');
    await (await chooser).setFiles({ name: 'handovers-pools-and-lanes.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await page.waitForTimeout(50);
    await waitUntilIdle(page);
    await expect.poll(() => canvasMarks(page)).toEqual(fromFile);
    await expectMarksMatchModel(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains the marks in a legend with counts, in Dutch, that folds away and leaves the watermark visible', async () => {
    const { context, page, errors } = await newAppPage(browser, { locale: 'nl-NL' });
    await openApp(page);
    const expected = await expectedMarks(page);
    const legend = page.locator('.ml-handover-legend');
    await expect.poll(() => legend.locator('.toggle').textContent()).toContain(`Overdrachten (${Object.keys(expected).length})`);
    const count = (mark: string) => legend.locator(`li[data-mark="${mark}"] .count`).textContent();
    expect(Number(await count('agreed'))).toBe(Object.values(expected).filter((m) => m === 'agreed').length);
    expect(Number(await count('missing'))).toBe(Object.values(expected).filter((m) => m === 'missing').length);
    expect(await legend.textContent()).toContain('Nog geen afspraak');

    // A badge names both departments and the status, for screen readers and as tooltip.
    const missing = Object.entries(expected).find(([, m]) => m === 'missing')?.[0];
    expect(missing).toBeTruthy();
    const title = await page.locator(`.ml-handover-badge[data-flow-id="${missing}"]`).getAttribute('aria-label');
    expect(title).toMatch(/^Overdracht .+ → .+: afspraak ontbreekt$/);

    // The watermark stays fully visible (the legend sits in another corner).
    const mark = (await page.locator('.bjs-powered-by').boundingBox())!;
    for (const [dx, dy] of [[0.1, 0.1], [0.9, 0.9], [0.5, 0.5]] as const) {
      const onMark = await page.evaluate(([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('.bjs-powered-by'), [
        mark.x + mark.width * dx,
        mark.y + mark.height * dy
      ]);
      expect(onMark).toBe(true);
    }

    // Folding by keyboard hides the list and is remembered after a reload.
    await legend.locator('.toggle').focus();
    await page.keyboard.press('Enter');
    expect(await legend.locator('.toggle').getAttribute('aria-expanded')).toBe('false');
    expect(await legend.locator('ul').count()).toBe(0);
    await page.reload();
    await waitUntilReady(page);
    expect(await page.locator('.ml-handover-legend .toggle').getAttribute('aria-expanded')).toBe('false');
    await page.click('.ml-handover-legend .toggle');
    expect(await page.locator('.ml-handover-legend ul').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('selects the flow when its badge is clicked, keeps badges readable when zoomed out, and leaves them out of image exports', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    await page.click('[data-action="fit"]');
    const flowId = Object.keys(await expectedMarks(page))[0]!;
    const badge = page.locator(`.ml-handover-badge[data-flow-id="${flowId}"]`);

    // a click on the badge selects its flow, ready for its agreement to be edited
    await badge.click();
    expect(await withModeler(page, (get) => get('selection').get().map((e: { id: string }) => e.id), null)).toEqual([flowId]);

    // zoomed far out, a badge keeps a readable size on screen; at 100 % it is about 22 px
    await withModeler(page, (get) => get('canvas').zoom(1), null);
    const normal = (await badge.boundingBox())!;
    expect(normal.width).toBeGreaterThan(18);
    expect(normal.width).toBeLessThan(26);
    await withModeler(page, (get) => get('canvas').zoom(0.25), null);
    const far = (await badge.boundingBox())!;
    expect(far.width).toBeGreaterThan(normal.width * 0.5);
    expect(far.width).toBeLessThan(normal.width * 0.7);

    // the SVG export shows plain BPMN, and the badges are back on the canvas afterwards
    const svg = await withModeler(page, async (get) => (await get('bpmnjs').saveSVG()).svg as string, null);
    expect(svg).toContain(`data-element-id="${flowId}"`);
    expect(svg).not.toContain('ml-handover-badge');
    expect(await badge.count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows an agreement set, changed and cleared through the value-chain editor, and its undo', async () => {
    const { context, page, errors } = await newAppPage(browser, { locale: 'nl-NL' });
    await openApp(page);
    const before = await expectMarksMatchModel(page);
    const flowId = Object.entries(before).find(([, m]) => m === 'missing')![0];
    const badge = page.locator(`.ml-handover-badge[data-flow-id="${flowId}"]`);

    // when an agreement is recorded as agreed
    await withModeler(page, (get, id) => get('valueChainEditor').setAgreement(id, { status: 'agreed', deliverable: 'Gekwalificeerde lead' }), flowId);
    // then the flow turns green with a check badge, and only that flow was looked at again
    expect(await canvasMarks(page)).toEqual({ ...before, [flowId]: 'agreed' });
    expect(await badge.getAttribute('aria-label')).toMatch(/afspraak vastgelegd$/);
    const stats = await withModeler(page, (get) => get('handoverMarkers').lastUpdate, null);
    expect(stats.full).toBe(false);
    expect(stats.flowsChecked).toBeLessThanOrEqual(2);

    // when it goes under review, and when it is removed
    await withModeler(page, (get, id) => get('valueChainEditor').setAgreement(id, { status: 'under-review' }), flowId);
    expect((await canvasMarks(page))[flowId]).toBe('under-review');
    await withModeler(page, (get, id) => get('valueChainEditor').setAgreement(id, null), flowId);
    expect((await canvasMarks(page))[flowId]).toBe('missing');

    // then undo from the toolbar walks back through the same marks
    await page.click('[data-action="undo"]');
    expect((await canvasMarks(page))[flowId]).toBe('under-review');
    await page.click('[data-action="undo"]');
    await page.click('[data-action="undo"]');
    expect(await canvasMarks(page)).toEqual(before);
    await page.click('[data-action="redo"]');
    expect((await canvasMarks(page))[flowId]).toBe('agreed');
    await expectMarksMatchModel(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows an agreement recorded, agreed and removed in the properties panel', async () => {
    const { context, page, errors } = await newAppPage(browser, { locale: 'nl-NL' });
    await openApp(page);
    await page.click('[data-action="fit"]');
    const before = await expectMarksMatchModel(page);
    const flowId = Object.entries(before).find(([, m]) => m === 'missing')![0];

    // given the user clicks the red badge and opens the properties panel
    await page.locator(`.ml-handover-badge[data-flow-id="${flowId}"]`).click();
    // (selecting an element may already have opened it)
    if ((await page.getAttribute('[data-panel="properties"]', 'aria-pressed')) !== 'true') await page.click('[data-panel="properties"]');
    const panel = page.locator('ml-properties');

    // when an agreement is recorded, it is a draft: the mark turns amber
    await panel.locator('[data-action="record-agreement"]').click();
    await expect.poll(async () => (await canvasMarks(page))[flowId]).toBe('draft');

    // when its status is set to agreed, the mark turns green
    await panel.locator(`#${flowId.replace(/[^A-Za-z0-9_-]/g, '_')}-agreement-status`).selectOption('agreed');
    await expect.poll(async () => (await canvasMarks(page))[flowId]).toBe('agreed');
    await expectMarksMatchModel(page);

    // when the agreement is removed, the mark is red again
    await panel.locator('[data-action="remove-agreement"]').click();
    await expect.poll(async () => (await canvasMarks(page))[flowId]).toBe('missing');
    expect(await canvasMarks(page)).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('marks the flows of a task dragged into another lane as handovers, and unmarks them on undo', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    await page.click('[data-action="fit"]');
    const before = await expectMarksMatchModel(page);

    // given a task whose flows all stay inside its lane, and a free spot in another lane of its pool
    const plan = await withModeler(
      page,
      (get) => {
        const registry = get('elementRegistry');
        const shapes = registry.getAll();
        const laneOf = (bo: any) => (bo.lanes ?? []).find((l: any) => !(l.childLaneSet?.lanes?.length));
        for (const task of shapes.filter((s: any) => s.type === 'bpmn:Task' || s.type === 'bpmn:UserTask' || s.type === 'bpmn:ManualTask')) {
          const lane = laneOf(task.businessObject);
          const flows = [...task.incoming, ...task.outgoing].filter((c: any) => c.type === 'bpmn:SequenceFlow');
          if (!lane || flows.length === 0) continue;
          if (!flows.every((c: any) => laneOf(c.source.businessObject) === lane && laneOf(c.target.businessObject) === lane)) continue;
          const pool = task.parent;
          const lanes = shapes.filter((s: any) => s.type === 'bpmn:Lane' && s.parent === pool && s.businessObject !== lane && !s.children.some((c: any) => c.type === 'bpmn:Lane'));
          for (const target of lanes) {
            const y = target.y + target.height / 2;
            const box = { x: task.x, y: y - task.height / 2, width: task.width, height: task.height };
            const free = !shapes.some(
              (s: any) => s !== task && !s.waypoints && s.type !== 'bpmn:Lane' && s.type !== 'bpmn:Participant' && s.type !== 'label' &&
                s.x < box.x + box.width + 20 && s.x + s.width > box.x - 20 && s.y < box.y + box.height + 20 && s.y + s.height > box.y - 20
            );
            if (free) return { taskId: task.id, laneId: target.id, dy: y - (task.y + task.height / 2) };
          }
        }
        return null;
      },
      null
    );
    expect(plan, 'the sample has a task that can move to another lane').not.toBeNull();
    const { taskId, laneId, dy } = plan!;
    const scale = await withModeler(page, (get) => get('canvas').zoom(), null);

    // when the user drags the task into the other lane
    const box = await elementBox(page, taskId);
    const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 5, start.y + 5, { steps: 3 });
    await page.mouse.move(start.x, start.y + dy * scale, { steps: 12 });
    await page.mouse.up();

    // then the task lies in that lane and its flows are marked as handovers without agreement
    const lanes = await withModeler(page, (get, id) => get('elementRegistry').get(id).businessObject.lanes.map((l: any) => l.id), taskId);
    expect(lanes).toContain(laneId);
    const after = await expectMarksMatchModel(page);
    const added = Object.keys(after).filter((id) => !(id in before));
    expect(added.length).toBeGreaterThan(0);
    for (const id of added) expect(after[id]).toBe('missing');

    // and undo puts task and marks back
    await page.click('[data-action="undo"]');
    expect(await canvasMarks(page)).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('stays right when lanes are removed, flows are reconnected and the diagram is re-imported', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    const before = await expectMarksMatchModel(page);

    // when a lane is deleted, bpmn-js gives its space to a neighbour lane, so its nodes change lanes:
    // flows between them and that neighbour stop being handovers, others start
    const laneId = await withModeler(
      page,
      (get) => {
        const lanes = get('elementRegistry').filter((e: any) => e.type === 'bpmn:Lane' && !e.children.some((c: any) => c.type === 'bpmn:Lane'));
        const lane = lanes.find((l: any) => l.businessObject.flowNodeRef?.length > 0 && lanes.filter((x: any) => x.parent === l.parent).length > 2);
        get('modeling').removeElements([lane]);
        return lane.id;
      },
      null
    );
    expect(laneId).toBeTruthy();
    const afterDelete = await expectMarksMatchModel(page);
    expect(afterDelete).not.toEqual(before);
    await page.click('[data-action="undo"]');
    expect(await canvasMarks(page)).toEqual(before);

    // when a handover flow is reconnected to a target in its own source's lane, it stops being one
    const reconnected = await withModeler(
      page,
      (get) => {
        const registry = get('elementRegistry');
        const inner = (bo: any) => (bo.lanes ?? []).find((l: any) => !(l.childLaneSet?.lanes?.length));
        const flows = registry.filter((e: any) => e.type === 'bpmn:SequenceFlow' && e.target.type.endsWith('Task'));
        for (const flow of flows) {
          const lane = inner(flow.source.businessObject);
          if (!lane || lane === inner(flow.target.businessObject)) continue;
          const other = registry.filter(
            (e: any) => e.type.endsWith('Task') && e !== flow.source && inner(e.businessObject) === lane
          )[0];
          if (!other) continue;
          get('modeling').reconnectEnd(flow, other, { x: other.x + other.width / 2, y: other.y + other.height / 2 });
          return flow.id;
        }
        return null;
      },
      null
    );
    expect(reconnected).toBeTruthy();
    const afterReconnect = await expectMarksMatchModel(page);
    expect(afterReconnect[reconnected!]).toBeUndefined();

    // when the saved XML is imported again, the marks are rebuilt from scratch and still agree
    await withModeler(
      page,
      async (get) => {
        const bpmnjs = get('bpmnjs');
        const { xml } = await bpmnjs.saveXML();
        await bpmnjs.importXML(xml);
      },
      null
    );
    expect(await withModeler(page, (get) => get('handoverMarkers').lastUpdate.full, null)).toBe(true);
    expect(await canvasMarks(page)).toEqual(afterReconnect);
    expect(errors).toEqual([]);
    await context.close();
  });
});

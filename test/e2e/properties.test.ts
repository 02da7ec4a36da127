import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import { elementBox, openApp, waitUntilIdle, waitUntilReady, waitUntilSaved } from '../support/app';

/*
 * The properties panel and the value-chain editor behind it, in the built app in
 * Chromium: a user clicks elements on the canvas, types in fields and presses Tab;
 * undo/redo, delete, copy/paste and autosave are checked on the XML the app saves.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A small campaign: two lanes of one pool, a handover, a gateway, and one task with value-chain data (including an invalid target). */
const CAMPAIGN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:ml="http://missinglink.app/schema/bpmn/1.0" id="Defs" targetNamespace="http://missinglink.app/test">
  <bpmn:collaboration id="Collab" name="Najaarscampagne">
    <bpmn:extensionElements>
      <ml:valueChain owner="Role_mm" valueProposition="Advies dat past">
        <ml:role id="Role_mm" name="Marketingmanager" department="Marketing" person="Eva" />
        <ml:role id="Role_am" name="Accountmanager" department="Verkoop" />
        <ml:role id="Role_is" name="Inside sales" department="Verkoop" />
      </ml:valueChain>
    </bpmn:extensionElements>
    <bpmn:participant id="Pool" name="Ons bedrijf" processRef="Proc" />
  </bpmn:collaboration>
  <bpmn:process id="Proc" isExecutable="false">
    <bpmn:laneSet id="LaneSet">
      <bpmn:lane id="Lane_mkt" name="Marketing">
        <bpmn:flowNodeRef>Task_plan</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Gw</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Task_mail</bpmn:flowNodeRef>
      </bpmn:lane>
      <bpmn:lane id="Lane_sales" name="Verkoop">
        <bpmn:flowNodeRef>Task_call</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Task_offer</bpmn:flowNodeRef>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:task id="Task_plan" name="Campagne plannen">
      <bpmn:extensionElements>
        <ml:step activityGroup="preparation" level="campaign">
          <ml:assignment role="Role_mm" responsibility="accountable" />
          <ml:kpi id="Kpi_reach" name="Bereik" objectiveGroup="customer" unit="%" direction="at-least" target="12x" />
        </ml:step>
      </bpmn:extensionElements>
    </bpmn:task>
    <bpmn:exclusiveGateway id="Gw" name="Lead warm?" />
    <bpmn:task id="Task_mail" name="Mailing sturen" />
    <bpmn:task id="Task_call" name="Klant bellen" />
    <bpmn:task id="Task_offer" name="Offerte maken" />
    <bpmn:sequenceFlow id="Flow_plan" sourceRef="Task_plan" targetRef="Gw" />
    <bpmn:sequenceFlow id="Flow_cold" name="koud" sourceRef="Gw" targetRef="Task_mail" />
    <bpmn:sequenceFlow id="Flow_warm" name="warm" sourceRef="Gw" targetRef="Task_call" />
    <bpmn:sequenceFlow id="Flow_offer" sourceRef="Task_call" targetRef="Task_offer" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram">
    <bpmndi:BPMNPlane id="Plane" bpmnElement="Collab">
      <bpmndi:BPMNShape id="Pool_di" bpmnElement="Pool" isHorizontal="true"><dc:Bounds x="100" y="60" width="760" height="400" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Lane_mkt_di" bpmnElement="Lane_mkt" isHorizontal="true"><dc:Bounds x="130" y="60" width="730" height="200" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Lane_sales_di" bpmnElement="Lane_sales" isHorizontal="true"><dc:Bounds x="130" y="260" width="730" height="200" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_plan_di" bpmnElement="Task_plan"><dc:Bounds x="180" y="120" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Gw_di" bpmnElement="Gw" isMarkerVisible="true"><dc:Bounds x="345" y="135" width="50" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_mail_di" bpmnElement="Task_mail"><dc:Bounds x="470" y="120" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_call_di" bpmnElement="Task_call"><dc:Bounds x="470" y="320" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_offer_di" bpmnElement="Task_offer"><dc:Bounds x="660" y="320" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_plan_di" bpmnElement="Flow_plan"><di:waypoint x="280" y="160" /><di:waypoint x="345" y="160" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_cold_di" bpmnElement="Flow_cold"><di:waypoint x="395" y="160" /><di:waypoint x="470" y="160" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_warm_di" bpmnElement="Flow_warm"><di:waypoint x="370" y="185" /><di:waypoint x="370" y="360" /><di:waypoint x="470" y="360" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_offer_di" bpmnElement="Flow_offer"><di:waypoint x="570" y="360" /><di:waypoint x="660" y="360" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

// ---- helpers -------------------------------------------------------------------------------------


type Missinglink = { modeler: { saveXML(o: object): Promise<{ xml: string }>; get(name: string): any } };

/** Imports the campaign as a new process through the library's import button, and waits until it is open. */
async function openCampaign(page: Page): Promise<void> {
  await openApp(page);
  const chooser = page.waitForEvent('filechooser');
  await page.click('ml-library [data-action="import"]');
  await (await chooser).setFiles({ name: 'najaarscampagne.bpmn', mimeType: 'application/xml', buffer: Buffer.from(CAMPAIGN) });
  await page.waitForFunction(() => document.querySelector('.doc-name')?.textContent?.includes('Najaarscampagne'));
  await waitUntilIdle(page);
}

/**
 * The BPMN XML the app would export now. bpmn-js gives a renamed shape an empty
 * <bpmndi:BPMNLabel /> that undo leaves in place (its own label behaviour, also for
 * renaming on the canvas); it carries no data, so it is left out of comparisons.
 */
async function xml(page: Page): Promise<string> {
  const text = await page.evaluate(async () => (await (window as unknown as { missinglink: Missinglink }).missinglink.modeler.saveXML({ format: true })).xml);
  return text.replace(/\n\s*<bpmndi:BPMNLabel \/>/g, '');
}

/** The XML of one element's value-chain data (its extensionElements), or '' when it has none. */
async function dataOf(page: Page, id: string): Promise<string> {
  const all = await xml(page);
  const start = all.search(new RegExp(`<bpmn:[A-Za-z]+ id="${id}"`));
  if (start < 0) return '';
  const tag = /<bpmn:([A-Za-z]+)/.exec(all.slice(start))![1];
  const end = all.indexOf(`</bpmn:${tag}>`, start);
  const body = all.slice(start, end < 0 ? undefined : end);
  const ext = /<bpmn:extensionElements>[\s\S]*?<\/bpmn:extensionElements>/.exec(body);
  return ext ? ext[0] : '';
}

/** Clicks the part of a shape the user can see (the side panel may cover the rest of the canvas). */
async function clickShape(page: Page, id: string): Promise<void> {
  const box = await elementBox(page, id);
  const area = (await page.locator('.canvas-area').boundingBox())!;
  const right = Math.min(box.x + box.width, area.x + area.width - 10);
  await page.mouse.click((box.x + right) / 2, box.y + Math.min(box.height / 2, 30));
}

/**
 * Clicks a connection where a user would click a line: on its longest segment, 20 px
 * after the segment starts (the middle holds the move handle of a selected line).
 */
async function clickFlow(page: Page, id: string): Promise<void> {
  const point = await page.evaluate((flowId) => {
    const { modeler } = (window as unknown as { missinglink: Missinglink }).missinglink;
    const flow = modeler.get('elementRegistry').get(flowId);
    const points = flow.waypoints as Array<{ x: number; y: number }>;
    let best = 0;
    for (let i = 1; i < points.length - 1; i++) {
      if (Math.hypot(points[i + 1]!.x - points[i]!.x, points[i + 1]!.y - points[i]!.y) > Math.hypot(points[best + 1]!.x - points[best]!.x, points[best + 1]!.y - points[best]!.y)) best = i;
    }
    const a = points[best]!;
    const b = points[best + 1]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const x = a.x + ((b.x - a.x) * 20) / length;
    const y = a.y + ((b.y - a.y) * 20) / length;
    const viewbox = modeler.get('canvas').viewbox();
    const rect = modeler.get('canvas').getContainer().getBoundingClientRect();
    return { x: rect.left + (x - viewbox.x) * viewbox.scale, y: rect.top + (y - viewbox.y) * viewbox.scale };
  }, id);
  await page.mouse.click(point.x, point.y);
}

/** Where a point of the diagram is on the screen. */
async function screenPoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([px, py]) => {
      const { modeler } = (window as unknown as { missinglink: Missinglink }).missinglink;
      const viewbox = modeler.get('canvas').viewbox();
      const rect = modeler.get('canvas').getContainer().getBoundingClientRect();
      return { x: rect.left + (px! - viewbox.x) * viewbox.scale, y: rect.top + (py! - viewbox.y) * viewbox.scale };
    },
    [x, y]
  );
}

/** Clicks an empty spot of the canvas (clears the selection and gives the canvas keyboard focus). */
async function clickCanvasBackground(page: Page): Promise<void> {
  const box = (await page.locator('.djs-container').boundingBox())!;
  await page.mouse.click(box.x + box.width - 40, box.y + box.height - 40);
}

const panel = (page: Page) => page.locator('ml-properties');
const field = (page: Page, id: string) => panel(page).locator(`#${id}`);

/** Types into a panel field and leaves it with Tab, as a user commits an edit. */
async function typeAndTab(page: Page, id: string, text: string): Promise<void> {
  await field(page, id).fill(text);
  await field(page, id).press('Tab');
}

async function shownTitle(page: Page): Promise<string> {
  return ((await panel(page).locator('h2').textContent()) ?? '').trim();
}

/** How many steps the user can undo (nested commands of one step share its id). */
async function undoCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const stack = (window as unknown as { missinglink: Missinglink }).missinglink.modeler.get('commandStack');
    return new Set((stack._stack as Array<{ id: number }>).slice(0, stack._stackIdx + 1).map((a) => a.id)).size;
  });
}

// ---- the panel, as a user works with it -------------------------------------------------------------

describe('properties panel: editing value-chain data through the UI', () => {
  it('edits a name, a KPI, a RACI cell and an agreement; each edit is one undo step that Ctrl+Z and the Undo button revert and redo restores', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openCampaign(page);
    const snapshots = [await xml(page)];
    const stack0 = await undoCount(page);

    // given the user clicks a task: the panel opens by itself beside the canvas and shows it
    await clickShape(page, 'Task_call');
    await expect.poll(() => shownTitle(page)).toBe('Klant bellen');
    const canvas = (await page.locator('.canvas-area').boundingBox())!;
    const side = (await page.locator('aside.panel-side').boundingBox())!;
    expect(side.x, 'the panel sits beside the canvas, not over it').toBeGreaterThanOrEqual(canvas.x + canvas.width - 1);

    // when the name is changed and the user tabs out
    await typeAndTab(page, 'Task_call-general-name', 'Warme lead bellen');
    await expect.poll(() => xml(page)).toContain('name="Warme lead bellen"');
    await expect.poll(() => page.locator('.djs-container [data-element-id="Task_call"]').textContent()).toContain('Warme lead bellen');
    snapshots.push(await xml(page));

    // when a performance measure is added: the name field gets the focus
    await panel(page).locator('[data-action="add-kpi"]').click();
    const kpiId = await page.evaluate(() => document.querySelector('ml-properties')!.shadowRoot!.activeElement?.id.replace(/^Task_call-kpi-(.*)-name$/, '$1'));
    expect(kpiId).toMatch(/^Kpi_/);
    snapshots.push(await xml(page));
    await page.keyboard.type('Afspraken gemaakt');
    await page.keyboard.press('Tab');
    await expect.poll(() => dataOf(page, 'Task_call')).toContain(`<ml:kpi id="${kpiId}" name="Afspraken gemaakt" />`);
    snapshots.push(await xml(page));
    // a target without unit is refused at the field, and written together with the unit in ONE step
    await typeAndTab(page, `Task_call-kpi-${kpiId}-target`, '25');
    await expect.poll(() => field(page, `Task_call-kpi-${kpiId}-target`).getAttribute('aria-invalid')).toBe('true');
    expect(await panel(page).locator(`#Task_call-kpi-${kpiId}-target-error`).textContent()).toMatch(/needs a unit/);
    expect(await dataOf(page, 'Task_call')).not.toContain('target=');
    await typeAndTab(page, `Task_call-kpi-${kpiId}-unit`, 'afspraken');
    await expect.poll(() => dataOf(page, 'Task_call')).toContain('unit="afspraken" target="25"');
    expect(await field(page, `Task_call-kpi-${kpiId}-target`).getAttribute('aria-invalid')).toBe('false');
    snapshots.push(await xml(page));

    // when the RACI cell of the account manager is set
    await field(page, 'raci-Role_am').selectOption('accountable');
    await expect.poll(() => dataOf(page, 'Task_call')).toContain('<ml:assignment role="Role_am" responsibility="accountable" />');
    snapshots.push(await xml(page));

    // when the handover from Marketing to Sales gets an agreement
    await clickFlow(page, 'Flow_warm');
    await expect.poll(() => panel(page).locator('[data-handover]').getAttribute('data-handover')).toBe('yes');
    expect(await panel(page).locator('.handover').textContent()).toMatch(/from Marketing to Verkoop/);
    await panel(page).locator('[data-action="record-agreement"]').click();
    snapshots.push(await xml(page));
    await expect.poll(() => page.evaluate(() => document.querySelector('ml-properties')!.shadowRoot!.activeElement?.id)).toBe('Flow_warm-agreement-deliverable');
    await page.keyboard.type('Lijst met warme leads');
    await page.keyboard.press('Tab');
    await expect.poll(() => dataOf(page, 'Flow_warm')).toContain('deliverable="Lijst met warme leads"');
    snapshots.push(await xml(page));
    await field(page, 'Flow_warm-agreement-status').selectOption('agreed');
    await expect.poll(() => dataOf(page, 'Flow_warm')).toContain('status="agreed"');
    snapshots.push(await xml(page));
    expect(await undoCount(page)).toBe(stack0 + snapshots.length - 1);

    // then Ctrl+Z on the canvas undoes one edit at a time, and the panel shows the restored fields
    await clickShape(page, 'Task_call');
    for (let i = snapshots.length - 2; i >= snapshots.length - 3; i--) {
      await page.keyboard.press('Control+z');
      await expect.poll(() => xml(page)).toBe(snapshots[i]);
    }
    await clickFlow(page, 'Flow_warm');
    await expect.poll(() => shownTitle(page)).toBe('warm');
    expect(await field(page, 'Flow_warm-agreement-deliverable').inputValue()).toBe('');
    expect(await field(page, 'Flow_warm-agreement-status').inputValue()).toBe('draft');
    // and the toolbar's Undo button does the same for the rest, back to the imported file
    for (let i = snapshots.length - 4; i >= 0; i--) {
      await page.click('[data-action="undo"]');
      await expect.poll(() => xml(page)).toBe(snapshots[i]);
    }
    await clickShape(page, 'Task_call');
    await expect.poll(() => field(page, 'Task_call-general-name').inputValue()).toBe('Klant bellen');
    expect(await panel(page).locator('[data-kpi]').count()).toBe(0);
    // and redo (Ctrl+Y, toolbar) brings every edit back in order
    await page.keyboard.press('Control+y');
    await expect.poll(() => xml(page)).toBe(snapshots[1]);
    for (let i = 2; i < snapshots.length; i++) {
      await page.click('[data-action="redo"]');
      await expect.poll(() => xml(page)).toBe(snapshots[i]);
    }
    await expect.poll(() => field(page, 'raci-Role_am').inputValue()).toBe('accountable');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows invalid input at the field with the reason and never writes it; values invalid in the file are shown as they are', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openCampaign(page);
    await clickShape(page, 'Task_plan');
    await expect.poll(() => shownTitle(page)).toBe('Campagne plannen');

    // given the file's target "12x": shown unchanged, with the reason, linked to the field
    await panel(page).locator('[data-kpi="Kpi_reach"] summary').click();
    const target = field(page, 'Task_plan-kpi-Kpi_reach-target');
    expect(await target.inputValue()).toBe('12x');
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    expect(await target.getAttribute('aria-describedby')).toContain('Task_plan-kpi-Kpi_reach-target-error');
    expect(await panel(page).locator('#Task_plan-kpi-Kpi_reach-target-error').textContent()).toMatch(/“12x” is not a number/);

    // when the user types text into a number field, and a valid name into another
    await typeAndTab(page, 'Task_plan-kpi-Kpi_reach-realised', 'veel');
    await typeAndTab(page, 'Task_plan-kpi-Kpi_reach-name', 'Bereik doelgroep');
    // then the valid field is written and the invalid one is not, while it stays visible with its reason
    await expect.poll(() => dataOf(page, 'Task_plan')).toContain('name="Bereik doelgroep"');
    expect(await dataOf(page, 'Task_plan')).not.toContain('veel');
    expect(await field(page, 'Task_plan-kpi-Kpi_reach-realised').inputValue()).toBe('veel');
    expect(await field(page, 'Task_plan-kpi-Kpi_reach-realised').getAttribute('aria-invalid')).toBe('true');
    expect(await dataOf(page, 'Task_plan')).toContain('target="12x"');

    // a period that ends before it starts
    await field(page, 'Task_plan-kpi-Kpi_reach-periodStart').fill('2026-06-01');
    await field(page, 'Task_plan-kpi-Kpi_reach-periodStart').press('Tab');
    await field(page, 'Task_plan-kpi-Kpi_reach-periodEnd').fill('2026-01-31');
    await field(page, 'Task_plan-kpi-Kpi_reach-periodEnd').press('Tab');
    await expect.poll(() => panel(page).locator('#Task_plan-kpi-Kpi_reach-periodEnd-error').textContent()).toMatch(/ends before it starts/);
    expect(await dataOf(page, 'Task_plan')).toContain('periodStart="2026-06-01"');
    expect(await dataOf(page, 'Task_plan')).not.toContain('periodEnd=');

    // a triangular duration with the minimum above the maximum
    await panel(page).locator('input[name="Task_plan-duration-mode"][value="range"]').check();
    await typeAndTab(page, 'Task_plan-duration-min', '5');
    await typeAndTab(page, 'Task_plan-duration-mostLikely', '3');
    await typeAndTab(page, 'Task_plan-duration-max', '2');
    await expect.poll(() => panel(page).locator('#Task_plan-duration-max-error').textContent()).toMatch(/increasing order/);
    expect(await dataOf(page, 'Task_plan')).not.toContain('<ml:duration');
    // fixed in order: all three are written together
    await typeAndTab(page, 'Task_plan-duration-min', '1');
    await typeAndTab(page, 'Task_plan-duration-max', '8');
    await expect.poll(() => dataOf(page, 'Task_plan')).toContain('<ml:duration min="P1D" mostLikely="P3D" max="P8D" />');

    // probabilities of a gateway's flows that do not add up to 100 %
    await clickFlow(page, 'Flow_warm');
    await typeAndTab(page, 'branch-Flow_warm', '70');
    await expect.poll(() => field(page, 'branch-Flow_warm').getAttribute('aria-invalid')).toBe('true');
    expect(await panel(page).locator('#branch-Flow_warm-error').textContent()).toMatch(/100 %/);
    expect(await xml(page)).not.toContain('probability=');
    await typeAndTab(page, 'branch-Flow_cold', '30');
    await expect.poll(() => dataOf(page, 'Flow_cold')).toContain('<ml:simulation probability="30" />');
    expect(await dataOf(page, 'Flow_warm')).toContain('<ml:simulation probability="70" />');
    expect(await panel(page).locator('.sum').textContent()).toMatch(/100 %/);

    // and what is saved in the library holds none of the refused input
    await waitUntilSaved(page);
    const saved = await page.evaluate(async () => {
      const { controller } = (window as unknown as { missinglink: { controller: { state: { current: { id: string } } } } }).missinglink;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('missinglink');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const store = db.transaction('processes').objectStore('processes');
      return new Promise<string>((resolve) => {
        const get = store.get(controller.state.current.id);
        get.onsuccess = () => resolve((get.result as { xml: string }).xml);
      });
    });
    expect(saved).toContain('name="Bereik doelgroep"');
    expect(saved).toContain('target="12x"');
    expect(saved).not.toContain('veel');
    expect(saved).not.toContain('periodEnd="2026-01-31"');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows the selection: task, lane, flow, gateway, several elements, nothing', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openCampaign(page);
    await clickShape(page, 'Task_plan');
    await expect.poll(() => shownTitle(page)).toBe('Campagne plannen');
    expect(await panel(page).locator('[data-section]').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')))).toEqual([
      'raci',
      'activity',
      'performance',
      'resources',
      'duration',
      // Who performs the step, its working time and fixed cost, for the capacity simulation.
      'work'
    ]);
    expect(await field(page, 'raci-Role_mm').inputValue()).toBe('accountable');
    expect(await panel(page).locator('.warning').allTextContents()).toEqual([expect.stringMatching(/No one is responsible/)]);

    const lane = await elementBox(page, 'Lane_sales');
    await page.mouse.click(lane.x + 12, lane.y + lane.height / 2);
    await expect.poll(() => shownTitle(page)).toBe('Verkoop');
    expect(await panel(page).locator('[data-section="department"]').count()).toBe(1);

    await clickFlow(page, 'Flow_offer');
    await expect.poll(() => panel(page).locator('[data-handover]').getAttribute('data-handover')).toBe('no');
    expect(await panel(page).locator('.handover').textContent()).toMatch(/both ends lie in the lane “Verkoop”/);
    expect(await panel(page).locator('[data-section="agreement"]').count()).toBe(0);

    await clickShape(page, 'Gw');
    await expect.poll(() => panel(page).locator('[data-section="branches"]').count()).toBe(1);

    await clickShape(page, 'Task_mail');
    await page.keyboard.down('Shift');
    await clickShape(page, 'Task_offer');
    await page.keyboard.up('Shift');
    await expect.poll(() => panel(page).locator('.body').textContent()).toMatch(/2 elements are selected/);

    await clickCanvasBackground(page);
    await expect.poll(() => shownTitle(page)).toBe('Value chain');
    expect(await field(page, 'vc-owner').inputValue()).toBe('Role_mm');
    expect(await panel(page).locator('[data-role]').count()).toBe(3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('can be used with the keyboard alone, with a visible focus ring', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openCampaign(page);
    await clickShape(page, 'Task_offer');
    await expect.poll(() => shownTitle(page)).toBe('Offerte maken');

    // Tab from the name field reaches the description, then the section headings and the RACI choices
    await field(page, 'Task_offer-general-name').focus();
    const ring = await field(page, 'Task_offer-general-name').evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
    expect(ring).toBe('solid 3px');
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => {
        const active = document.querySelector('ml-properties')!.shadowRoot!.activeElement as HTMLElement | null;
        return active ? active.id || active.tagName.toLowerCase() : '';
      }));
    }
    expect(order.slice(0, 3)).toEqual(['Task_offer-general-documentation', 'summary', 'raci-Role_mm']);

    // a RACI choice by typing on the focused list, committed without a mouse
    await field(page, 'raci-Role_is').focus();
    await page.keyboard.type('Resp');
    await page.keyboard.press('Tab');
    await expect.poll(() => dataOf(page, 'Task_offer')).toContain('<ml:assignment role="Role_is" responsibility="responsible" />');

    // a KPI through its button: Enter adds it and moves the focus into its name field
    await panel(page).locator('[data-action="add-kpi"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.querySelector('ml-properties')!.shadowRoot!.activeElement?.id ?? '')).toMatch(/^Task_offer-kpi-Kpi_.*-name$/);
    await page.keyboard.type('Offertes verstuurd');
    await page.keyboard.press('Tab');
    await expect.poll(() => dataOf(page, 'Task_offer')).toContain('name="Offertes verstuurd"');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('properties panel in Dutch', () => {
  it('counts in the singular for one measure or role, and shows long Dutch role names whole beside readable choices', async () => {
    const { context, page, errors } = await newAppPage(browser, { locale: 'nl-NL' });
    await openApp(page);
    await page.click('[data-panel="properties"]');
    // given the complaints sample: "Klacht analyseren" has one KPI, and its catalogue holds long compounds
    await clickShape(page, 'kl_analyseren');
    await expect.poll(() => shownTitle(page)).toBe('Klacht analyseren');
    const status = (id: string) => panel(page).locator(`[data-section="${id}"] > summary .status`).textContent();
    expect((await status('performance'))?.trim()).toBe('1 maatstaf');
    expect(await panel(page).locator('[data-section="activity"] > summary').textContent()).toContain('Activiteit');

    // then no role name is cut off in its column, and each choice shows its whole word and letter
    const rows = panel(page).locator('table.raci tbody tr');
    expect(await rows.count()).toBeGreaterThan(5);
    const clipped = await rows.evaluateAll((trs) =>
      trs.flatMap((tr) => {
        const th = tr.querySelector('th')!;
        return th.scrollWidth > th.clientWidth ? [th.textContent!.trim()] : [];
      })
    );
    expect(clipped).toEqual([]);
    const names = await rows.locator('th .role-name').allTextContents();
    expect(names).toContain('Klantenservicemedewerker');
    const select = field(page, 'raci-rol-klantenservicemedewerker');
    const fits = await select.evaluate((el: HTMLSelectElement) => {
      const probe = document.createElement('span');
      probe.style.font = getComputedStyle(el).font;
      probe.style.whiteSpace = 'nowrap';
      probe.textContent = el.options[el.selectedIndex]!.text;
      document.body.append(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      const style = getComputedStyle(el);
      // the text plus the select's padding and its arrow (about 20 px) fit inside the box
      return { text: el.options[el.selectedIndex]!.text, fits: width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 20 <= el.clientWidth };
    });
    expect(fits).toEqual({ text: 'Verantwoordelijk (R)', fits: true });

    // and a value chain left with one role says "1 rol" (the roles are removed through the editor service)
    await clickCanvasBackground(page);
    await expect.poll(() => shownTitle(page)).toBe('Waardeketen');
    expect(await status('roles')).toBe('10 rollen');
    const roleIds = await panel(page).locator('[data-role]').evaluateAll((els) => els.map((e) => e.getAttribute('data-role')!));
    await page.evaluate((ids) => {
      const editor = (window as unknown as { missinglink: Missinglink }).missinglink.modeler.get('valueChainEditor');
      for (const id of ids) editor.removeRole(id);
    }, roleIds.slice(1));
    await expect.poll(() => status('roles')).toBe('1 rol');
    expect(errors).toEqual([]);
    await context.close();
  });
});

// ---- domain invariants, through the canvas and the real modeler ----------------------------------------

describe('value-chain data when elements are deleted, copied or roles removed', () => {
  it('deleting a task removes its data, undo restores it', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openCampaign(page);
    const before = await dataOf(page, 'Task_plan');
    expect(before).toContain('Kpi_reach');
    await clickShape(page, 'Task_plan');
    await page.keyboard.press('Delete');
    await expect.poll(() => xml(page)).not.toContain('Kpi_reach');
    // the panel no longer shows the deleted task
    await expect.poll(() => shownTitle(page)).toBe('Value chain');
    await page.click('[data-action="undo"]');
    await expect.poll(() => dataOf(page, 'Task_plan')).toBe(before);
    // and a delete of an element without data changes no other data and reports no value-chain change
    const all = await xml(page);
    await page.evaluate(() => {
      const bus = (window as unknown as { missinglink: Missinglink }).missinglink.modeler.get('eventBus');
      (window as unknown as { vcEvents: string[][] }).vcEvents = [];
      bus.on('valueChain.changed', (e: { elementIds: string[] }) => (window as unknown as { vcEvents: string[][] }).vcEvents.push(e.elementIds));
    });
    await clickShape(page, 'Task_mail');
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await xml(page)).includes('id="Task_mail"')).toBe(false);
    expect((await xml(page)).match(/<ml:[a-z]+/g)).toEqual(all.match(/<ml:[a-z]+/g));
    expect(await page.evaluate(() => (window as unknown as { vcEvents: string[][] }).vcEvents)).toEqual([]);
    // while deleting the task with data reports it
    await clickShape(page, 'Task_plan');
    await page.keyboard.press('Delete');
    await expect.poll(() => page.evaluate(() => (window as unknown as { vcEvents: string[][] }).vcEvents)).toEqual([['Task_plan']]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('copy and paste of a task keeps its data with fresh KPI ids; undo removes the copy', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openCampaign(page);
    await clickShape(page, 'Task_plan');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    // the copy hangs on the mouse until the user clicks a free spot (in the Sales lane)
    const spot = await screenPoint(page, 250, 380);
    const area = (await page.locator('.canvas-area').boundingBox())!;
    expect(spot.x).toBeLessThan(area.x + area.width - 60);
    await page.mouse.move(spot.x - 30, spot.y - 10, { steps: 4 });
    await page.mouse.move(spot.x, spot.y, { steps: 4 });
    await page.mouse.click(spot.x, spot.y);
    const copy = await page.evaluate(() => {
      const { modeler } = (window as unknown as { missinglink: Missinglink }).missinglink;
      const tasks = modeler.get('elementRegistry').filter((e: { type: string; businessObject: { name?: string } }) => e.type === 'bpmn:Task' && e.businessObject.name === 'Campagne plannen');
      return tasks.map((t: { id: string }) => t.id).filter((id: string) => id !== 'Task_plan');
    });
    expect(copy).toHaveLength(1);
    const copied = await dataOf(page, copy[0]);
    expect(copied).toContain('activityGroup="preparation"');
    expect(copied).toContain('<ml:assignment role="Role_mm" responsibility="accountable" />');
    expect(copied).toMatch(/<ml:kpi id="Kpi_[a-z0-9]+" name="Bereik"/);
    expect(copied).not.toContain('Kpi_reach');
    expect(await dataOf(page, 'Task_plan')).toContain('id="Kpi_reach"');
    // the pasted copy is selected, and the panel shows its own KPI
    await expect.poll(() => panel(page).locator('.body').getAttribute('data-element')).toBe(copy[0]);
    await expect.poll(() => panel(page).locator('[data-kpi]').getAttribute('data-kpi')).toMatch(/^Kpi_(?!reach)/);
    await page.click('[data-action="undo"]');
    await expect.poll(async () => (await xml(page)).includes(`id="${copy[0]}"`)).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('removing a role clears its assignments and agreement roles in the same undo step; an unused role takes nothing along', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openCampaign(page);
    // given an agreement naming the marketing manager as provider
    const result = await page.evaluate(async () => {
      const { modeler } = (window as unknown as { missinglink: Missinglink }).missinglink;
      const editor = modeler.get('valueChainEditor');
      const stack = modeler.get('commandStack');
      const save = async () => (await modeler.saveXML({ format: true })).xml;
      editor.setAgreement('Flow_warm', { deliverable: 'Leads', providerRole: 'Role_mm', receiverRole: 'Role_am', status: 'agreed' });
      const events: string[][] = [];
      modeler.get('eventBus').on('valueChain.changed', (e: { elementIds: string[] }) => events.push([...e.elementIds].sort()));
      const withAgreement = await save();
      const steps0 = new Set(stack._stack.slice(0, stack._stackIdx + 1).map((a: { id: number }) => a.id)).size;
      // when the unused role goes: nothing else changes
      editor.removeRole('Role_is');
      const afterUnused = await save();
      // when the marketing manager goes
      editor.removeRole('Role_mm');
      const afterUsed = await save();
      const steps = new Set(stack._stack.slice(0, stack._stackIdx + 1).map((a: { id: number }) => a.id)).size - steps0;
      stack.undo();
      const undone = await save();
      return { withAgreement, afterUnused, afterUsed, undone, steps, events };
    });
    expect(result.withAgreement.replace('\n        <ml:role id="Role_is" name="Inside sales" department="Verkoop" />', '')).toBe(result.afterUnused);
    expect(result.afterUsed).not.toContain('Role_mm');
    expect(result.afterUsed).toContain('<ml:agreement deliverable="Leads" receiverRole="Role_am" status="agreed" />');
    expect(result.steps).toBe(2);
    expect(result.undone).toBe(result.afterUnused);
    // one event per command: the unused role, the used one with its references, and the undo
    expect(result.events).toEqual([['Collab'], ['Collab', 'Flow_warm', 'Task_plan'], ['Collab', 'Flow_warm', 'Task_plan']]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the value chain when the last pool is deleted, and undo puts the pool back with it', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openCampaign(page);
    const before = await xml(page);
    const collaborationData = await dataOf(page, 'Collab');
    // given a second pool: deleting it leaves the collaboration, so the value chain stays where it is
    const second = await page.evaluate(() => {
      const { modeler } = (window as unknown as { missinglink: Missinglink }).missinglink;
      const root = modeler.get('canvas').getRootElement();
      const pool = modeler.get('modeling').createShape({ type: 'bpmn:Participant' }, { x: 500, y: 700 }, root);
      modeler.get('modeling').removeShape(pool);
      return pool.id as string;
    });
    expect(second).toMatch(/^Participant_/);
    expect(await dataOf(page, 'Collab')).toBe(collaborationData);
    expect((await xml(page)).match(/<ml:valueChain/g)).toHaveLength(1);
    const pool = await elementBox(page, 'Pool');
    await page.mouse.click(pool.x + 8, pool.y + 40);
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await xml(page)).includes('<bpmn:collaboration')).toBe(false);
    const after = await xml(page);
    expect(after).toMatch(/<bpmn:process id="[^"]+"[^>]*>\s*<bpmn:extensionElements>\s*<ml:valueChain owner="Role_mm" valueProposition="Advies dat past">/);
    expect(after).toContain('<ml:role id="Role_am" name="Accountmanager" department="Verkoop" />');
    await page.click('[data-action="undo"]');
    // bpmn-js restores the pool (element order may differ); the value chain is back on the collaboration, once
    await expect.poll(async () => (await xml(page)).includes('<bpmn:collaboration')).toBe(true);
    expect(await dataOf(page, 'Collab')).toBe(collaborationData);
    expect((await xml(page)).match(/<ml:valueChain/g)).toHaveLength(1);
    expect(before.match(/<ml:[a-z]+/g)).toEqual((await xml(page)).match(/<ml:[a-z]+/g));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('replacing a task by another task type keeps its data; by a gateway drops the step data it cannot carry', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openCampaign(page);
    const result = await page.evaluate(async () => {
      const { modeler } = (window as unknown as { missinglink: Missinglink }).missinglink;
      const registry = modeler.get('elementRegistry');
      const replace = modeler.get('bpmnReplace');
      const userTask = replace.replaceElement(registry.get('Task_plan'), { type: 'bpmn:UserTask' });
      const asUserTask = (await modeler.saveXML({ format: true })).xml;
      replace.replaceElement(userTask, { type: 'bpmn:ExclusiveGateway' });
      const asGateway = (await modeler.saveXML({ format: true })).xml;
      return { asUserTask, asGateway };
    });
    expect(result.asUserTask).toMatch(/<bpmn:userTask id="[^"]+" name="Campagne plannen">\s*<bpmn:extensionElements>\s*<ml:step activityGroup="preparation"/);
    expect(result.asGateway).toMatch(/<bpmn:exclusiveGateway id="[^"]+" name="Campagne plannen"/);
    expect(result.asGateway).not.toContain('<ml:step');
    expect(errors).toEqual([]);
    await context.close();
  });
});

// ---- persistence ---------------------------------------------------------------------------------------

describe('value-chain edits survive a reload', () => {
  it('keeps data entered in the panel after the page is reloaded (autosave)', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openCampaign(page);
    await clickShape(page, 'Task_call');
    await expect.poll(() => shownTitle(page)).toBe('Klant bellen');
    await field(page, 'Task_call-step-activityGroup').selectOption('harvest');
    await typeAndTab(page, 'Task_call-resources-plannedBudget', '1500,50');
    await expect.poll(() => dataOf(page, 'Task_call')).toContain('<ml:resources budgetGroup="harvest" plannedBudget="1500.50" />');
    await waitUntilSaved(page);

    await page.reload();
    await waitUntilReady(page);
    await clickShape(page, 'Task_call');
    await expect.poll(() => shownTitle(page)).toBe('Klant bellen');
    expect(await field(page, 'Task_call-step-activityGroup').inputValue()).toBe('harvest');
    expect(await field(page, 'Task_call-resources-plannedBudget').inputValue()).toBe('1500.50');
    expect(errors).toEqual([]);
    await context.close();
  });
});

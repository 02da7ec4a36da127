import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import { currentProcessName, elementBox, openApp, waitUntilIdle } from '../support/app';

/*
 * The Check and Act of Plan–Do–Check–Act as a marketeer meets them in Chromium: the
 * dashboard of a sample process (statuses in words, soft KPIs with evidence, charts,
 * a click that leads to the step), recording a realised value for a period, the
 * whole library, and improvement actions from a KPI with undo.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function openSample(page: Page, name: string): Promise<void> {
  if ((await currentProcessName(page)) === name) return;
  await page.locator('ml-library li .open', { hasText: name }).click();
  await page.waitForFunction((n) => document.querySelector('.doc-name')?.textContent?.trim() === n, name);
  await waitUntilIdle(page);
}

async function openDashboard(page: Page): Promise<void> {
  await page.click('[data-panel="dashboard"]');
  await page.waitForSelector('ml-dashboard .body[data-state="ready"]');
}

/** The dashboard row of a KPI, by its id in the BPMN file. */
function kpiRow(page: Page, kpiId: string) {
  return page.locator(`ml-dashboard tr[data-kpi-id="${kpiId}"]`);
}

async function selectedIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { missinglink: { modeler: { get(s: string): { get(): { id: string }[] } } } }).missinglink.modeler
      .get('selection')
      .get()
      .map((e) => e.id)
  );
}

/** How many pixels of a canvas in the dashboard have been drawn on. */
async function drawnPixels(page: Page, chart: string): Promise<number> {
  return page.evaluate((id) => {
    const canvas = document.querySelector('ml-dashboard')!.shadowRoot!.querySelector<HTMLCanvasElement>(`canvas[data-chart="${id}"]`);
    if (!canvas || canvas.width === 0) return 0;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  }, chart);
}

/** KPI rows whose buttons (record value, action) lie outside the visible width of the KPI pane. */
async function rowsWithHiddenButtons(page: Page): Promise<number> {
  return page.evaluate(() => {
    const pane = document.querySelector('ml-dashboard')!.shadowRoot!.querySelector('.kpis')!;
    const right = pane.getBoundingClientRect().right;
    return [...pane.querySelectorAll('tr[data-kpi-id]')].filter((row) =>
      [...row.querySelectorAll('.row-actions button')].some((b) => b.getBoundingClientRect().right > right + 0.5)
    ).length;
  });
}

async function isInCanvasView(page: Page, elementId: string): Promise<boolean> {
  const box = await elementBox(page, elementId);
  const area = (await page.locator('.canvas-area').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return cx > area.x && cx < area.x + area.width && cy > area.y && cy < area.y + area.height;
}

describe('the dashboard: planned versus realised', () => {
  it('shows the KPIs of a sample process by objective group, with direction-aware statuses in words and soft KPIs with their evidence', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    await openSample(page, 'Klachtafhandeling');

    await openDashboard(page);

    // KPIs are grouped by objective group, in the source's words
    const groups = await page.locator('ml-dashboard section.group h4').allTextContents();
    expect(groups.map((g) => g.trim().split('\n')[0]!.trim())).toEqual(
      expect.arrayContaining(['Input', 'Throughput', 'Customer-related', 'Output: long-term harvest', 'Hoeing'])
    );
    // at the standard width every row's buttons are in view, without a sideways scroll
    expect(await rowsWithHiddenButtons(page)).toBe(0);
    // 99 % registered within a day against "at least 98": on track
    await expect.poll(() => kpiRow(page, 'kl_registreren_kpi1').locator('.status').textContent()).toContain('On track');
    // 7 % reopened complaints against "at most 5": off track, with its difference
    expect(await kpiRow(page, 'kl_uitleg_kpi1').locator('.status').textContent()).toContain('Off track');
    expect(await kpiRow(page, 'kl_uitleg_kpi1').textContent()).toContain('+2');
    // a soft KPI shows its qualitative evidence instead of a number
    const soft = kpiRow(page, 'kl_nabellen_kpi3');
    expect(await soft.locator('.status').textContent()).toContain('Qualitative');
    expect(await soft.locator('q.evidence').textContent()).toContain('Uit 40 nabelgesprekken');
    // a KPI without a realised value says why it has no status
    expect(await kpiRow(page, 'kl_nabellen_kpi2').textContent()).toContain('nothing realised yet');
    // the dashboard says that it ranks no one
    expect(await page.locator('ml-dashboard .insight').textContent()).toContain('ranks no one');
    // budgets per activity group and per department are drawn as bar charts, with their figures in a table
    await expect.poll(() => drawnPixels(page, 'groups')).toBeGreaterThan(500);
    await expect.poll(() => drawnPixels(page, 'departments')).toBeGreaterThan(500);
    expect(await page.locator('ml-dashboard [data-resource-chart="departments"] tbody th').allTextContents()).toEqual(
      expect.arrayContaining(['Klantenservice', 'Productie'])
    );

    expect(errors).toEqual([]);
    await context.close();
  });

  it('leads from a KPI to its step, and from a department to its steps and KPIs', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    await openSample(page, 'Klachtafhandeling');
    await openDashboard(page);

    await kpiRow(page, 'kl_compensatie_kpi1').locator('[data-action="show-kpi"]').click();

    await expect.poll(() => selectedIds(page)).toEqual(['kl_compensatie']);
    expect(await isInCanvasView(page, 'kl_compensatie')).toBe(true);

    // the department Productie (a bar of the chart, a row of its table) selects its step and shows only its KPIs
    await page.click('ml-dashboard [data-resource-chart="departments"] button[data-focus="Productie"]');
    await expect.poll(() => selectedIds(page)).toEqual(['kl_repareren']);
    expect(await page.locator('ml-dashboard .focus').textContent()).toContain('Productie');
    const shown = await page.locator('ml-dashboard tr[data-kpi-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kpi-id')));
    expect(shown.sort()).toEqual(['kl_repareren_kpi1', 'kl_repareren_kpi2', 'kl_repareren_kpi3']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('records a realised value for the next period, filters on that period, and undo takes it back', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    await openSample(page, 'Van lead tot order');
    await openDashboard(page);
    const mql = kpiRow(page, 'l2o_scoren_kpi1');
    expect(await mql.locator('[data-action="history"]').getAttribute('aria-label')).toContain('2 measurements');

    // when the marketeer records 150 leads; the dialog proposes the quarter after the last measurement
    await mql.locator('[data-action="record"]').click();
    const dialog = page.locator('ml-measurement-dialog dialog[open]');
    await dialog.waitFor();
    expect(await dialog.locator('input[name="periodStart"]').inputValue()).toBe('2026-07-01');
    expect(await dialog.locator('input[name="periodEnd"]').inputValue()).toBe('2026-09-30');
    await dialog.locator('input[name="value"]').fill('150');
    await dialog.locator('button[type="submit"]').click();

    // then the history has three measurements
    await expect.poll(() => mql.locator('[data-action="history"]').getAttribute('aria-label')).toContain('3 measurements');
    // and for the third quarter the KPI shows 150 against 300: off track
    await page.selectOption('ml-dashboard [data-period-preset]', '2026-07-01/2026-09-30');
    await expect.poll(() => mql.locator('td.num').nth(1).textContent()).toContain('150');
    expect(await mql.locator('.status').textContent()).toContain('Off track');
    // and the history chart shows the three values
    await mql.locator('[data-action="history"]').click();
    await expect.poll(() => drawnPixels(page, 'history')).toBeGreaterThan(200);

    // when the user undoes, the measurement is gone
    await page.click('[data-action="undo"]');
    await expect.poll(() => page.locator('ml-dashboard tr[data-kpi-id="l2o_scoren_kpi1"]').count()).toBe(0);
    await page.selectOption('ml-dashboard [data-period-preset]', '');
    await expect.poll(() => mql.locator('[data-action="history"]').getAttribute('aria-label')).toContain('2 measurements');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('beside an open side panel puts the resources below the KPIs, without overlap, in one scroll', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    await openSample(page, 'Klachtafhandeling');
    await page.click('[data-panel="audit"]');
    await openDashboard(page);

    const layout = () =>
      page.evaluate(() => {
        const root = document.querySelector('ml-dashboard')!.shadowRoot!;
        const box = (sel: string) => root.querySelector(sel)!.getBoundingClientRect();
        const body = root.querySelector('.body')!;
        return { kpis: box('.kpis'), resources: box('.resources'), scrolls: body.scrollHeight > body.clientHeight, kpiRows: root.querySelectorAll('tr[data-kpi-id]').length };
      });
    const { kpis, resources, scrolls, kpiRows } = await layout();
    expect(kpiRows).toBeGreaterThan(5);
    // one column: same left edge, resources start where the KPIs end
    expect(Math.abs(resources.left - kpis.left)).toBeLessThan(1);
    expect(resources.top).toBeGreaterThanOrEqual(kpis.bottom - 1);
    expect(scrolls).toBe(true);
    // the last KPI row lies above the resources heading, not under it
    const lastRow = await page.locator('ml-dashboard tr[data-kpi-id]').last().boundingBox();
    expect(lastRow!.y + lastRow!.height).toBeLessThanOrEqual(resources.top + 1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(['en-GB', 'nl-NL'])('on a 1366 × 768 screen (%s) shows the resource tables in their column without scrolling sideways', async (locale) => {
    const { context, page, errors } = await newAppPage(browser, { viewport: { width: 1366, height: 768 }, locale });
    await openApp(page);
    await openSample(page, 'Klachtafhandeling');
    await openDashboard(page);
    const widths = await page.evaluate(() => {
      const root = document.querySelector('ml-dashboard')!.shadowRoot!;
      const pane = root.querySelector('.resources')!;
      return { pane: pane.clientWidth, content: pane.scrollWidth, tables: root.querySelectorAll('.resources table.mini').length };
    });
    expect(widths.tables).toBeGreaterThan(0);
    expect(widths.content).toBeLessThanOrEqual(widths.pane);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the whole library, and a click on a KPI of another process opens that process at the step', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    await openSample(page, 'Klachtafhandeling');
    await openDashboard(page);

    await page.click('ml-dashboard [data-scope="library"]');
    await page.waitForFunction(() => document.querySelector('ml-dashboard')?.shadowRoot?.querySelector('#kpi-title')?.textContent?.includes('4 processes'));
    // beside the resources, every KPI table fits its pane: no row's buttons need a sideways scroll
    expect(await rowsWithHiddenButtons(page)).toBe(0);
    const offerte = kpiRow(page, 'l2o_offerte_kpi1');
    expect(await offerte.textContent()).toContain('Van lead tot order');
    expect(await offerte.locator('.status').textContent()).toContain('Off track');

    await offerte.locator('[data-action="show-kpi"]').click();

    await page.waitForFunction(() => document.querySelector('.doc-name')?.textContent?.trim() === 'Van lead tot order');
    await expect.poll(() => selectedIds(page)).toEqual(['l2o_offerte']);
    expect(await isInCanvasView(page, 'l2o_offerte')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('improvement actions (Act)', () => {
  it('records an action from a KPI, lists it with its step and overdue mark, and undo reverts a status change', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    await openSample(page, 'Klachtafhandeling');
    await openDashboard(page);

    // when an action is recorded for the off-track KPI "Heropende klachten na uitleg", due in the past
    await kpiRow(page, 'kl_uitleg_kpi1').locator('[data-action="add-action"]').click();
    const dialog = page.locator('ml-action-dialog dialog[open]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Heropende klachten na uitleg');
    await dialog.locator('button[type="submit"]').click();
    expect(await dialog.locator('.error').textContent()).toContain('what will be improved');
    await dialog.locator('textarea[name="what"]').fill('Uitlegscript herschrijven met voorbeelden van veelgestelde vragen');
    await dialog.locator('input[name="owner"]').fill('Teamleider klantenservice');
    await dialog.locator('input[name="due"]').fill('2026-01-15');
    await dialog.locator('button[type="submit"]').click();
    await page.locator('ml-action-dialog dialog[open]').waitFor({ state: 'detached' });

    // then the actions list shows it, linked to its step and KPI, marked overdue in words
    await page.click('[data-panel="actions"]');
    const item = page.locator('ml-actions li[data-action-id]');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.locator('.what').textContent()).toContain('Uitlegscript herschrijven');
    expect(await item.textContent()).toContain('Heropende klachten na uitleg');
    expect(await item.locator('.badge').textContent()).toContain('Overdue');
    expect(await item.getAttribute('data-status')).toBe('open');

    // when it is set to done, it is no longer overdue; undo makes it open again
    await item.locator('select[data-status-select]').selectOption('done');
    await expect.poll(() => item.getAttribute('data-status')).toBe('done');
    expect(await item.locator('.badge').count()).toBe(0);
    await page.click('[data-action="undo"]');
    await expect.poll(() => item.getAttribute('data-status')).toBe('open');

    // the filter shows only what is asked for
    await page.selectOption('ml-actions select[data-filter]', 'done');
    await expect.poll(() => page.locator('ml-actions li[data-action-id]').count()).toBe(0);
    await page.selectOption('ml-actions select[data-filter]', 'overdue');
    await expect.poll(() => page.locator('ml-actions li[data-action-id]').count()).toBe(1);

    // a click on its step leads to the element
    await item.locator('[data-reveal]').click();
    await expect.poll(() => selectedIds(page)).toEqual(['kl_uitleg']);

    // and the action is saved in the BPMN file of the process
    const xml = await page.evaluate(async () => {
      const app = (window as unknown as { missinglink: { modeler: { saveXML(o: object): Promise<{ xml: string }> } } }).missinglink;
      return (await app.modeler.saveXML({ format: true })).xml;
    });
    expect(xml).toMatch(/<ml:action id="Action_\w+" elementId="kl_uitleg" kpiId="kl_uitleg_kpi1" what="Uitlegscript herschrijven/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

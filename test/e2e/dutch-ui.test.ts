import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import { openApp, waitUntilIdle, waitUntilReady } from '../support/app';

/*
 * The Dutch UI as a Dutch marketeer meets it: no English from bpmn-js's menus, numbers
 * read and written the Dutch way (typed "6.200,50", shown "95,5", chart axes "14.000",
 * audit texts "€ 6.200,50"), dates in Dutch from the first render, and screen-reader
 * labels with the same Dutch words the table shows. The browser itself runs in English
 * (en-GB) with Dutch chosen in the app, so nothing can come from the browser's locale.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A page whose user chose Dutch earlier (remembered choice), in an English browser. */
async function dutchPage() {
  const opened = await newAppPage(browser, { locale: 'en-GB' });
  await opened.context.addInitScript(() => localStorage.setItem('missinglink.locale', 'nl'));
  return opened;
}

/** Runs code with the page's modeler. */
async function inModeler<T>(page: Page, body: string, arg?: unknown): Promise<T> {
  return page.evaluate(
    ([code, a]) => new Function('modeler', 'arg', code as string)((window as unknown as { missinglink: { modeler: unknown } }).missinglink.modeler, a),
    [body, arg] as const
  ) as Promise<T>;
}

async function openSample(page: Page, name: string): Promise<void> {
  await page.locator('ml-library li .open', { hasText: name }).first().click();
  await page.waitForTimeout(50);
  await waitUntilIdle(page);
  await waitUntilReady(page);
}

async function select(page: Page, id: string): Promise<void> {
  await inModeler(page, 'modeler.get("selection").select(modeler.get("elementRegistry").get(arg));', id);
}

describe('Dutch UI', () => {
  it('offers the replace menu in Dutch', async () => {
    const { context, page, errors } = await dutchPage();
    await openApp(page);
    await select(page, 'kl_analyseren');
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    const entries = page.locator('.djs-popup .entry');
    await entries.first().waitFor();
    const labels = (await entries.evaluateAll((els) => els.map((e) => (e.getAttribute('title') || e.textContent || '').trim()))).filter(Boolean);
    expect(labels).toContain('Gebruikerstaak');
    expect(labels).toContain('Servicetaak');
    for (const english of ['User task', 'Service task', 'Send task', 'Sub-process (collapsed)', 'Call activity']) expect(labels).not.toContain(english);
    await page.keyboard.press('Escape');

    // An end event's menu, too
    await select(page, 'kl_eind');
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    await entries.first().waitFor();
    const endLabels = await entries.evaluateAll((els) => els.map((e) => (e.getAttribute('title') || e.textContent || '').trim()));
    expect(endLabels).toContain('Berichteindgebeurtenis');
    expect(endLabels).toContain('Startgebeurtenis');
    expect(endLabels).not.toContain('Message end event');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads typed numbers the Dutch way and shows them back with a decimal comma', async () => {
    const { context, page, errors } = await dutchPage();
    await openApp(page);
    await select(page, 'kl_analyseren');
    await page.click('[data-panel="properties"]');
    const target = page.locator('ml-properties #kl_analyseren-kpi-kl_analyseren_kpi1-target');
    await page.locator('ml-properties details[data-kpi="kl_analyseren_kpi1"] summary').click();
    await target.waitFor();

    await target.fill('95,5');
    await target.press('Tab');
    await expect.poll(() => inModeler(page, 'return modeler.get("elementRegistry").get("kl_analyseren").businessObject.extensionElements.values[0].kpis[0].target;').catch(() => null)).toBe('95.5');
    expect(await target.inputValue()).toBe('95,5');

    const budget = page.locator('ml-properties #kl_analyseren-resources-realisedBudget');
    await budget.fill('6.200,50');
    await budget.press('Tab');
    expect(await page.locator('ml-properties [role="alert"], ml-properties .problem').allTextContents()).not.toContainEqual(expect.stringContaining('getal'));
    expect(await budget.inputValue()).toBe('6200,50');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('writes audit figures, chart axes, KPI table labels and library dates in Dutch', async () => {
    const { context, page, errors } = await dutchPage();
    await openApp(page);
    // Library dates in Dutch on the first render (the browser is English)
    const when = await page.locator('ml-library li').first().innerText();
    const month = new Intl.DateTimeFormat('nl-NL', { month: 'short' }).format(new Date()).replace('.', '');
    const englishMonth = new Intl.DateTimeFormat('en-GB', { month: 'short' }).format(new Date());
    expect(when).toContain(month);
    if (englishMonth.toLowerCase() !== month.toLowerCase()) expect(when).not.toContain(englishMonth);

    // Audit text with a budget overrun: Dutch amounts and percentages
    await inModeler(page, 'modeler.get("valueChainEditor").setResources("kl_analyseren", { plannedBudget: "5000", realisedBudget: "6200.5", currency: "EUR" });');
    await page.click('[data-panel="audit"]');
    const overrun = page.locator('ml-audit-panel li', { hasText: 'gebruikte een budget' }).first();
    await overrun.waitFor();
    const text = (await overrun.innerText()).replace(/\u00a0/g, ' ');
    expect(text).toContain('€ 6.200,50');
    expect(text).toContain('€ 5.000');
    expect(text).toMatch(/24\s?%/);
    expect(text).not.toContain('EUR 6200.5');

    // KPI table: screen-reader labels use the Dutch words the cells show
    await page.click('[data-panel="kpi-table"]');
    const cell = page.locator('ml-kpi-table [data-field="direction"] .cell-button').first();
    await cell.waitFor();
    const label = (await cell.getAttribute('aria-label')) ?? '';
    expect(label).not.toMatch(/at-least|at-most/);
    expect(label).toContain((await cell.innerText()).trim());
    const group = page.locator('ml-kpi-table [data-field="objectiveGroup"] .cell-button').first();
    expect((await group.getAttribute('aria-label')) ?? '').toContain((await group.innerText()).trim());
    expect(errors).toEqual([]);
    await context.close();
  });

  it('numbers the dashboard chart axes the Dutch way', async () => {
    const { context, page, errors } = await dutchPage();
    await openApp(page);
    await openSample(page, 'Van lead tot order');
    await page.click('[data-panel="dashboard"]');
    const row = page.locator('ml-dashboard tr[data-kpi-id="l2o_scoren_kpi1"]');
    await row.waitFor();
    // Beside a sparkline without a trend, plain words instead of "1×"
    const trends = await page.locator('ml-dashboard [data-trend]').allInnerTexts();
    expect(trends.length).toBeGreaterThan(0);
    for (const t of trends) expect(t).not.toMatch(/×/);
    // A measurement typed the Dutch way ("14.000" is fourteen thousand)
    await row.locator('[data-action="record"]').click();
    const dialog = page.locator('ml-measurement-dialog dialog[open]');
    await dialog.waitFor();
    await dialog.locator('input[name="value"]').fill('14.000');
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => row.locator('[data-action="history"]').getAttribute('aria-label')).toContain('3');
    await row.locator('[data-action="history"]').click();
    await page.waitForFunction(() => !!(document.querySelector('ml-dashboard') as unknown as { charts?: { charts?: Map<string, unknown> } })?.charts?.charts?.get('history'), undefined, { timeout: 15_000 });
    const ticks = await page.evaluate(() => {
      const chart = (document.querySelector('ml-dashboard') as unknown as { charts: { charts: Map<string, { scales: Record<string, { ticks: Array<{ label: string }> }> }> } }).charts.charts.get('history')!;
      return Object.values(chart.scales).flatMap((s) => s.ticks.map((t) => String(t.label)));
    });
    const thousands = ticks.filter((t) => /^\d{1,3}([.,]\d{3})+$/.test(t));
    expect(thousands.length, ticks.join(' | ')).toBeGreaterThan(0);
    for (const t of thousands) expect(t).toMatch(/^\d{1,3}(\.\d{3})+$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import { openApp } from '../support/app';

/*
 * The Customer Engagement Maturity self-assessment in Chromium: an assessment with a
 * marketeer who rates the organisation high and a sales colleague who rates it lower,
 * the radar, the perception gap on the pillars where they differ, the balance
 * warning, the library indicators, and the round trip through an exported file.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const PILLARS = ['strategy', 'people-organisation', 'technology', 'data', 'customer-journey', 'customer-value'] as const;

interface Answers {
  name: string;
  role: string;
  department: string;
  marketing: boolean;
  current: number[];
  desired: number[];
}

// Marketing rates strategy two levels and data one level higher than sales does; elsewhere they agree.
const MARKETEER: Answers = { name: 'Marieke Bos', role: 'Marketingmanager', department: 'Marketing', marketing: true, current: [5, 4, 3, 2, 3, 3], desired: [5, 5, 4, 4, 4, 4] };
const SALES: Answers = { name: 'Jan Smit', role: 'Accountmanager', department: 'Verkoop', marketing: false, current: [3, 4, 3, 1, 3, 3], desired: [4, 4, 4, 3, 4, 4] };

async function createAssessment(page: Page, organisation: string, title: string): Promise<void> {
  await page.click('ml-maturity [data-action="new-assessment"]');
  await page.fill('ml-maturity input[name="organisation"]', organisation);
  await page.fill('ml-maturity input[name="title"]', title);
  await page.click('ml-maturity [data-action="save-details"]');
  await page.waitForFunction((t) => {
    const select = document.querySelector('ml-maturity')?.shadowRoot?.querySelector<HTMLSelectElement>('select[data-assessment]');
    return !!select && select.selectedOptions[0]?.textContent?.includes(t);
  }, title);
}

async function addRespondent(page: Page, a: Answers): Promise<void> {
  await page.click('ml-maturity [data-action="add-respondent"]');
  const dialog = page.locator('ml-respondent-dialog dialog[open]');
  await dialog.waitFor();
  await dialog.locator('input[name="name"]').fill(a.name);
  await dialog.locator('input[name="role"]').fill(a.role);
  await dialog.locator('input[name="department"]').fill(a.department);
  await dialog.locator(`input[name="worksInMarketing"][value="${a.marketing ? 'yes' : 'no'}"]`).check();
  for (const [i, pillar] of PILLARS.entries()) {
    // the full description of the chosen level is right there, in the UI language
    await dialog.locator(`fieldset[data-pillar="${pillar}"] .level[data-level="${a.current[i]}"] input.current`).check();
    await dialog.locator(`fieldset[data-pillar="${pillar}"] .level[data-level="${a.desired[i]}"] input.desired`).check();
  }
  await dialog.locator('button[type="submit"]').click();
  await page.locator('ml-respondent-dialog dialog[open]').waitFor({ state: 'detached' });
}

/** How many pixels of the radar canvas have been drawn on. */
async function radarPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector('ml-maturity')!.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[data-chart="radar"]');
    if (!canvas || canvas.width === 0) return 0;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });
}

async function gapRows(page: Page): Promise<Record<string, string>> {
  const rows = page.locator('ml-maturity .gap-table tbody tr');
  const out: Record<string, string> = {};
  for (let i = 0; i < (await rows.count()); i++) out[(await rows.nth(i).getAttribute('data-pillar'))!] = (await rows.nth(i).getAttribute('data-gap'))!;
  return out;
}

describe('Customer Engagement Maturity self-assessment', () => {
  it('fills an assessment with a marketeer and a sales colleague, and shows the radar, the perception gap on the right pillars and the balance warning', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    await page.click('[data-panel="maturity"]');
    await page.waitForSelector('ml-maturity [data-action="new-assessment"]');

    await createAssessment(page, 'Veldhuis Kantoorinrichting', 'B2B');
    // the respondent form shows every level's description while choosing
    await page.click('ml-maturity [data-action="add-respondent"]');
    const cell = page.locator('ml-respondent-dialog fieldset[data-pillar="strategy"] .level[data-level="3"]');
    expect(await cell.textContent()).toContain('There are tactical KPIs (such as MQL, SQL, sales follow-up)');
    await page.locator('ml-respondent-dialog dialog[open] button[type="button"]', { hasText: 'Cancel' }).click();
    await addRespondent(page, MARKETEER);
    await addRespondent(page, SALES);
    expect(await page.locator('ml-maturity ul.respondents li').count()).toBe(2);

    await page.click('ml-maturity [data-tab="results"]');

    // the radar is drawn
    await expect.poll(() => radarPixels(page), { timeout: 10_000 }).toBeGreaterThan(2000);
    const averagePixels = await radarPixels(page);
    // and can show one respondent instead of the average
    await page.selectOption('ml-maturity select[data-radar]', { label: 'Jan Smit' });
    await expect.poll(() => page.locator('ml-maturity .levels-table tbody tr').first().locator('td').first().textContent()).toBe('3');
    expect(await radarPixels(page)).toBeGreaterThan(2000);
    expect(await radarPixels(page)).not.toBe(averagePixels);

    // the perception gap is highlighted on strategy (+2) and data (+1), not where they agree
    expect(await gapRows(page)).toEqual({
      strategy: 'true',
      'people-organisation': 'false',
      technology: 'false',
      data: 'true',
      'customer-journey': 'false',
      'customer-value': 'false'
    });
    expect(await page.locator('ml-maturity tr[data-pillar="strategy"] .badge').textContent()).toContain('Marketing higher');
    // in the narrow side panel every column header fits its column (none runs into the next)
    const overflowing = await page.locator('ml-maturity .gap-table thead th').evaluateAll((ths) => ths.filter((th) => th.scrollWidth > th.clientWidth + 1).map((th) => th.textContent));
    expect(overflowing).toEqual([]);
    // with the explanation in words
    const gaps = await page.locator('ml-maturity section.gaps').textContent();
    expect(gaps).toContain('marketeers rated their own process management as good enough');
    expect(await page.locator('ml-maturity ul.summary').textContent()).toContain('Marketing rates Strategy 2 levels higher than the other respondents');
    // and the pillars are out of balance: strategy 4 on average against data 1.5
    expect(await page.locator('ml-maturity [data-balance="warning"]').textContent()).toContain('out of balance');

    // beside them, the library's indicators, labelled as indicators and not as a level
    await page.click('ml-maturity [data-tab="indicators"]');
    await page.waitForSelector('ml-maturity li[data-indicator="handovers-with-agreed-agreement"]');
    expect(await page.locator('ml-maturity .indicator-note').textContent()).toContain('not a computed maturity level');
    expect(await page.locator('ml-maturity li[data-indicator="handovers-with-agreed-agreement"] .value').textContent()).toMatch(/\d+ of 48/);

    // the assessment is stored: after a reload it is still there
    await page.reload();
    await openApp(page, page.url());
    await page.click('[data-panel="maturity"]');
    await page.waitForSelector('ml-maturity ul.respondents li, ml-maturity .gap-table');
    expect(await page.locator('ml-maturity select[data-assessment]').textContent()).toContain('Veldhuis Kantoorinrichting – B2B');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports the assessments as JSON, imports the file back after deleting, and refuses a broken CSV naming row and column', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    await page.click('[data-panel="maturity"]');
    await page.waitForSelector('ml-maturity [data-action="new-assessment"]');
    await createAssessment(page, 'Veldhuis Kantoorinrichting', 'B2C');
    await addRespondent(page, MARKETEER);
    await addRespondent(page, SALES);

    // export as JSON
    await page.click('ml-maturity details.exchange summary');
    const download = page.waitForEvent('download');
    await page.click('ml-maturity [data-export="json"]');
    const file = await (await download).path();
    const json = await readFile(file, 'utf8');
    expect(JSON.parse(json)).toMatchObject({ format: 'missinglink.maturity-assessments', assessments: [{ title: 'B2C', respondents: [{}, {}] }] });

    // delete it
    await page.click('ml-maturity [data-action="delete-assessment"]');
    await page.click('ml-dialog button.danger');
    await page.waitForSelector('ml-maturity .empty');

    // a CSV with a misspelt pillar is refused with its row and column, and nothing changes
    const csv = ['assessment_id;organisation;title;created_at;respondent_id;respondent_name;role;department;works_in_marketing;pillar;current;desired', 'a1;Veldhuis;B2B;2026-03-01;r1;;Manager;Marketing;ja;strategie;3;4', 'a1;Veldhuis;B2B;2026-03-01;r1;;Manager;Marketing;ja;sales;3;4'].join('\r\n');
    await page.setInputFiles('ml-maturity input[data-import]', { name: 'kapot.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const refused = page.locator('ml-maturity [data-notice="error"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('was not imported and nothing was changed');
    expect(await refused.textContent()).toMatch(/row 3, column pillar/);
    expect(await page.locator('ml-maturity select[data-assessment]').count()).toBe(0);

    // importing the exported file brings the assessment back with both respondents
    await page.setInputFiles('ml-maturity input[data-import]', { name: 'maturity-assessments.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await page.waitForSelector('ml-maturity [data-notice="info"]');
    expect(await page.locator('ml-maturity [data-notice="info"]').textContent()).toContain('1 new');
    expect(await page.locator('ml-maturity select[data-assessment]').textContent()).toContain('Veldhuis Kantoorinrichting – B2C');
    await page.click('ml-maturity [data-tab="respondents"]');
    expect(await page.locator('ml-maturity ul.respondents li').count()).toBe(2);

    // importing it once more changes nothing
    await page.setInputFiles('ml-maturity input[data-import]', { name: 'maturity-assessments.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await expect.poll(() => page.locator('ml-maturity [data-notice="info"]').textContent()).toContain('1 already here');
    expect(await page.locator('ml-maturity select[data-assessment] option').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import { openApp } from '../support/app';
import { readCsv } from '../../src/analysis/maturity/csv';

/*
 * The two table views below the canvas, as a Dutch marketeer uses them: the KPI
 * table (planned against realised, edited in place, sorted, filtered, exported) and
 * the RACI matrix (edited from the keyboard). Every edit must be one undo step of
 * the modeler, and the CSV must read back to what the table shows.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The stored attributes of a KPI in the open model, read from the business object. */
async function storedKpi(page: Page, activityId: string, kpiId: string): Promise<Record<string, string | undefined>> {
  return page.evaluate(
    ({ activityId, kpiId }) => {
      const app = (window as unknown as { missinglink: { modeler: { get(n: string): { get(id: string): { businessObject: any } } } } }).missinglink;
      const bo = app.modeler.get('elementRegistry').get(activityId).businessObject;
      const step = bo.extensionElements.values.find((v: { $type: string }) => v.$type === 'ml:Step');
      const kpi = step.kpis.find((k: { id: string }) => k.id === kpiId);
      return { target: kpi.target, realised: kpi.realised, unit: kpi.unit, direction: kpi.direction, periodStart: kpi.periodStart, periodEnd: kpi.periodEnd };
    },
    { activityId, kpiId }
  );
}

/** The text of each body row of the KPI table, per column. */
async function kpiTableRows(page: Page): Promise<Array<{ key: string; cells: string[] }>> {
  return page.locator('ml-kpi-table').evaluate((host) =>
    [...host.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => ({
      key: tr.getAttribute('data-key')!,
      cells: [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())
    }))
  );
}

async function downloadText(page: Page, button: string): Promise<{ bytes: Buffer; name: string }> {
  const download = page.waitForEvent('download');
  await page.locator(button).click();
  const file = await download;
  return { bytes: await readFile((await file.path())!), name: file.suggestedFilename() };
}

const COLUMN = { activity: 0, department: 1, name: 2, group: 3, unit: 4, direction: 5, target: 6, realised: 7, evidence: 8, variance: 9, percent: 10, status: 11, period: 12 };

describe('KPI table', () => {
  it('lists every KPI with its variance and a direction-aware status, and edits a target in place as one undo step', async () => {
    const { context, page, errors } = await newAppPage(browser, { locale: 'nl-NL' });
    await openApp(page);
    await page.click('[data-panel="kpi-table"]');
    const table = page.locator('ml-kpi-table');
    await table.locator('tbody tr').first().waitFor();

    // given the table lists every KPI of the open model
    const kpiCount = await page.evaluate(() => {
      const app = (window as unknown as { missinglink: { modeler: { get(n: string): { getAll(): Array<{ businessObject: any }> } } } }).missinglink;
      return app.modeler
        .get('elementRegistry')
        .getAll()
        .filter((e) => !e.businessObject?.$type?.includes('Label'))
        .map((e) => e.businessObject?.extensionElements?.values?.find((v: { $type: string }) => v.$type === 'ml:Step')?.kpis?.length ?? 0)
        .reduce((a: number, b: number) => a + b, 0);
    });
    const rows = await kpiTableRows(page);
    expect(rows.length).toBe(kpiCount);
    expect(await table.locator('.summary').textContent()).toContain(`${kpiCount} van ${kpiCount} KPI's`);

    // and an "at most" KPI whose realised value is below its target counts as on track
    const atMost = rows.find((r) => r.cells[COLUMN.direction] === 'Maximaal')!;
    expect(atMost, 'the sample has an "at most" KPI').toBeTruthy();
    const [activityId, kpiId] = atMost.key.split('/') as [string, string];
    const original = await storedKpi(page, activityId, kpiId);
    const row = table.locator(`tr[data-key="${atMost.key}"]`);
    const realisedCell = row.locator('td[data-field="realised"] .cell-button');
    await realisedCell.click();
    const below = Number(original.target) / 2;
    await row.locator('td[data-field="realised"] input').fill(String(below).replace('.', ','));
    await page.keyboard.press('Enter');
    await expect.poll(() => row.getAttribute('data-status')).toBe('on-track');
    expect(await row.locator('td[data-column="status"]').textContent()).toContain('Op koers');
    expect(await row.locator('td[data-column="variance"]').textContent()).toMatch(/^−|^-/);

    // when the marketeer types a Dutch decimal target into its cell and presses Enter
    await row.locator('td[data-field="target"] .cell-button').click();
    const input = row.locator('td[data-field="target"] input');
    await input.fill('25000,5');
    await page.keyboard.press('Enter');
    // then the model stores a plain decimal, the cell shows it the Dutch way, and the status follows
    await expect.poll(async () => (await storedKpi(page, activityId, kpiId)).target).toBe('25000.5');
    expect(await row.locator('td[data-field="target"]').textContent()).toContain('25.000,5');
    expect(await row.getAttribute('data-status')).toBe('on-track');
    // and focus is back on the cell, ready for the next edit
    expect(await row.locator('td[data-field="target"] .cell-button').evaluate((b) => b === (b.getRootNode() as ShadowRoot).activeElement)).toBe(true);

    // when text is typed where a number belongs, it is refused at the cell and not written
    await row.locator('td[data-field="target"] .cell-button').click();
    await input.fill('veel');
    await page.keyboard.press('Enter');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    const message = row.locator('td[data-field="target"] .cell-error');
    expect(await message.textContent()).toContain('“veel” is geen getal');
    expect(await input.getAttribute('aria-describedby')).toBe(await message.getAttribute('id'));
    expect((await storedKpi(page, activityId, kpiId)).target).toBe('25000.5');
    await page.keyboard.press('Escape');
    expect(await row.locator('td[data-field="target"] input').count()).toBe(0);

    // when undo is pressed, the target edit is undone in one step, then the realised edit
    await page.click('[data-action="undo"]');
    await expect.poll(async () => (await storedKpi(page, activityId, kpiId)).target).toBe(original.target);
    expect((await storedKpi(page, activityId, kpiId)).realised).toBe(String(below));
    await page.click('[data-action="undo"]');
    await expect.poll(async () => (await storedKpi(page, activityId, kpiId)).realised).toBe(original.realised);
    expect((await kpiTableRows(page)).find((r) => r.key === atMost.key)).toEqual(atMost);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a period that ends before it starts, and writes both dates of a valid one in one step', async () => {
    const { context, page, errors } = await newAppPage(browser, { locale: 'nl-NL' });
    await openApp(page);
    await page.click('[data-panel="kpi-table"]');
    const table = page.locator('ml-kpi-table');
    const first = table.locator('tbody tr').first();
    const [activityId, kpiId] = (await first.getAttribute('data-key'))!.split('/') as [string, string];
    const before = await storedKpi(page, activityId, kpiId);

    await first.locator('td[data-field="period"] .cell-button').click();
    const dates = first.locator('td[data-field="period"] input[type="date"]');
    await dates.nth(0).fill('2026-07-01');
    await dates.nth(1).fill('2026-03-31');
    await page.keyboard.press('Enter');
    expect(await first.locator('td[data-field="period"] .cell-error').textContent()).toContain('De periode eindigt voordat ze begint');
    expect(await storedKpi(page, activityId, kpiId)).toEqual(before);

    await dates.nth(1).fill('2026-12-31');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await storedKpi(page, activityId, kpiId)).periodEnd).toBe('2026-12-31');
    expect((await storedKpi(page, activityId, kpiId)).periodStart).toBe('2026-07-01');
    await page.click('[data-action="undo"]');
    await expect.poll(() => storedKpi(page, activityId, kpiId)).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows invalid values from a file as they are, with the reason, and exports them unchanged', async () => {
    const { context, page, errors } = await newAppPage(browser, { locale: 'nl-NL' });
    await openApp(page);
    // given a file from elsewhere with a target that is no number and a target without unit
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ml="http://missinglink.app/schema/bpmn/1.0" id="Defs" targetNamespace="http://example.com">
  <bpmn:process id="Process_bad" name="Ongeldige KPI's" isExecutable="false">
    <bpmn:laneSet id="LaneSet_1">
      <bpmn:lane id="Lane_sales" name="Verkoop"><bpmn:flowNodeRef>Task_quote</bpmn:flowNodeRef></bpmn:lane>
    </bpmn:laneSet>
    <bpmn:task id="Task_quote" name="Offerte maken">
      <bpmn:extensionElements>
        <ml:step activityGroup="harvest" level="task">
          <ml:kpi id="Kpi_bad" name="Offertes" objectiveGroup="sowing" unit="offertes" direction="at-least" target="veel" realised="12" />
          <ml:kpi id="Kpi_nounit" name="Omzet" objectiveGroup="harvest-short" direction="at-least" target="5000" realised="6200" />
        </ml:step>
      </bpmn:extensionElements>
    </bpmn:task>
  </bpmn:process>
</bpmn:definitions>`;
    const chooser = page.waitForEvent('filechooser');
    await page.click('ml-library [data-action="import"]');
    await (await chooser).setFiles({ name: 'ongeldig.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await page.waitForFunction(() => !!document.querySelector('.djs-element[data-element-id="Task_quote"]'));
    await page.click('[data-panel="kpi-table"]');
    const table = page.locator('ml-kpi-table');

    // then the stored text is shown with a warning sign and the reason, and the KPI cannot be judged
    const bad = table.locator('tr[data-key="Task_quote/Kpi_bad"]');
    await bad.waitFor();
    const target = bad.locator('td[data-field="target"] .cell-button');
    expect(await target.textContent()).toContain('veel');
    expect(await target.textContent()).toContain('⚠');
    expect(await target.getAttribute('aria-label')).toContain('“veel” is geen getal');
    expect(await bad.getAttribute('data-status')).toBe('no-data');
    const noUnit = table.locator('tr[data-key="Task_quote/Kpi_nounit"] td[data-field="unit"] .cell-button');
    expect(await noUnit.getAttribute('title')).toContain('Een streefscore heeft een eenheid nodig');

    // and the CSV keeps the stored text rather than dropping it
    const download = page.waitForEvent('download');
    await table.locator('button[data-action="export-csv"]').click();
    const parsed = readCsv((await readFile((await (await download).path())!)).toString('utf8'), ';');
    expect(parsed.ok && parsed.records.find((r) => r.fields[2] === 'Offertes')?.fields[6]).toBe('veel');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sorts by a column, filters by department and shows a clicked activity on the canvas', async () => {
    const { context, page, errors } = await newAppPage(browser, { locale: 'nl-NL' });
    await openApp(page);
    await page.click('[data-panel="kpi-table"]');
    const table = page.locator('ml-kpi-table');
    await table.locator('tbody tr').first().waitFor();
    const all = await kpiTableRows(page);

    // sorting by status puts the KPIs that are off track first
    await table.locator('button[data-sort="status"]').click();
    expect(await table.locator('th:has(button[data-sort="status"])').getAttribute('aria-sort')).toBe('ascending');
    const statuses = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')));
    const firstOther = statuses.findIndex((s) => s !== 'off-track');
    expect(statuses.slice(firstOther)).not.toContain('off-track');
    expect(firstOther).toBeGreaterThan(0);

    // filtering by a department keeps only its KPIs
    const department = all[all.length - 1]!.cells[COLUMN.department];
    await table.locator('select[data-filter="department"]').selectOption(department);
    const filtered = await kpiTableRows(page);
    expect(filtered.length).toBe(all.filter((r) => r.cells[COLUMN.department] === department).length);
    expect(filtered.every((r) => r.cells[COLUMN.department] === department)).toBe(true);

    // clicking an activity selects it and brings it into view at a readable zoom
    const target = filtered[0]!;
    await table.locator(`tr[data-key="${target.key}"] button[data-action="reveal"]`).click();
    const view = await page.evaluate((id) => {
      const app = (window as unknown as { missinglink: { modeler: { get(n: string): any } } }).missinglink;
      const selected = app.modeler.get('selection').get().map((e: { id: string }) => e.id);
      const element = app.modeler.get('elementRegistry').get(id);
      const box = app.modeler.get('canvas').viewbox();
      const inside = element.x >= box.x && element.x + element.width <= box.x + box.width && element.y >= box.y && element.y + element.height <= box.y + box.height;
      return { selected, inside, scale: box.scale };
    }, target.key.split('/')[0]);
    expect(view.selected).toEqual([target.key.split('/')[0]]);
    expect(view.inside).toBe(true);
    expect(view.scale).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports the visible rows as CSV with a BOM, ; and decimal commas, or , and points, that read back to the table', async () => {
    const { context, page, errors } = await newAppPage(browser, { locale: 'nl-NL' });
    await openApp(page);
    await page.click('[data-panel="kpi-table"]');
    const table = page.locator('ml-kpi-table');
    await table.locator('tbody tr').first().waitFor();
    const rows = await kpiTableRows(page);
    const stored = await Promise.all(rows.map((r) => storedKpi(page, ...(r.key.split('/') as [string, string]))));

    // Dutch UI: decimal comma is on by default
    expect(await table.locator('input[data-action="decimal-comma"]').isChecked()).toBe(true);
    const dutch = await downloadText(page, 'ml-kpi-table button[data-action="export-csv"]');
    expect(dutch.name).toMatch(/kpis\.csv$/);
    expect([...dutch.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = readCsv(dutch.bytes.toString('utf8'), ';');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [header, ...records] = parsed.records.map((r) => r.fields);
    expect(header!.slice(0, 3)).toEqual(['Activiteit', 'Afdeling', 'KPI']);
    expect(records.length).toBe(rows.length);
    records.forEach((fields, i) => {
      expect(fields[0]).toBe(rows[i]!.cells[COLUMN.activity]);
      expect(fields[2]).toBe(rows[i]!.cells[COLUMN.name]);
      expect(fields[11]).toBe(rows[i]!.cells[COLUMN.status].replace(/^[^A-Za-z]+/, ''));
      // numbers: plain, with a decimal comma, equal to the stored value
      if (stored[i]!.target !== undefined) {
        expect(fields[6]).toMatch(/^-?\d+(,\d+)?$/);
        expect(Number(fields[6]!.replace(',', '.'))).toBe(Number(stored[i]!.target));
      }
    });
    // a large target keeps no thousands separator
    const big = stored.findIndex((s) => Number(s.target) >= 1000);
    expect(big, 'the sample has a target of 1000 or more').toBeGreaterThanOrEqual(0);
    expect(records[big]![6]).toBe(stored[big]!.target!.replace('.', ','));

    // switched off: commas between fields and decimal points
    await table.locator('input[data-action="decimal-comma"]').uncheck();
    const english = await downloadText(page, 'ml-kpi-table button[data-action="export-csv"]');
    const parsedEnglish = readCsv(english.bytes.toString('utf8'), ',');
    expect(parsedEnglish.ok && parsedEnglish.records.length).toBe(rows.length + 1);
    const withDecimals = stored.findIndex((s) => s.realised?.includes('.'));
    expect(withDecimals, 'the sample has a realised value with decimals').toBeGreaterThanOrEqual(0);
    expect(parsedEnglish.ok && parsedEnglish.records[withDecimals + 1]!.fields[7]).toBe(stored[withDecimals]!.realised);
    expect(parsed.records[withDecimals + 1]!.fields[7]).toBe(stored[withDecimals]!.realised!.replace('.', ','));
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('RACI matrix', () => {
  it('sets and clears a responsibility from the keyboard, flags rows without one Accountable, and undoes', async () => {
    const { context, page, errors } = await newAppPage(browser, { locale: 'nl-NL' });
    await openApp(page);
    await page.click('[data-panel="raci-matrix"]');
    const matrix = page.locator('ml-raci-matrix');
    await matrix.locator('td.cell').first().waitFor();

    // given a row without an Accountable is highlighted with a written reason
    const warned = matrix.locator('tr.warn').first();
    expect(await warned.count()).toBe(1);
    expect(await warned.locator('td.check').textContent()).toContain('Geen eindverantwoordelijke');
    const activityId = (await warned.getAttribute('data-activity-id'))!;
    // and long Dutch role names in the column heads are never broken inside a word (the matrix scrolls instead)
    const brokenWords = await matrix.locator('th.role').evaluateAll((ths) =>
      ths.flatMap((th) => {
        const name = th.querySelector('.name')!;
        const width = th.clientWidth - parseFloat(getComputedStyle(th).paddingLeft) - parseFloat(getComputedStyle(th).paddingRight);
        return [...name.textContent!.split(/\s+/), ...(th.querySelector('.dept')?.textContent ?? '').split(/\s+/)].filter((word) => {
          const probe = document.createElement('span');
          probe.style.font = getComputedStyle(name).font;
          probe.style.whiteSpace = 'nowrap';
          probe.textContent = word;
          document.body.append(probe);
          const wide = probe.getBoundingClientRect().width > width + 0.5;
          probe.remove();
          return wide;
        });
      })
    );
    expect(brokenWords).toEqual([]);
    expect(await matrix.locator('th.role .name').allTextContents()).toContain('Klantenservicemedewerker');

    // when the user puts the focus on the grid's tab stop, moves to that row with the arrow keys and types A
    const firstCell = matrix.locator('td.cell[tabindex="0"]');
    await firstCell.focus();
    const targetRow = Number(await warned.locator('td.cell').first().getAttribute('data-row'));
    const emptyCol = await warned.locator('td.cell').evaluateAll((tds) => tds.findIndex((td) => (td.textContent ?? '').trim() === ''));
    expect(emptyCol).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < targetRow; i++) await page.keyboard.press('ArrowDown');
    for (let i = 0; i < emptyCol; i++) await page.keyboard.press('ArrowRight');
    const cell = matrix.locator(`td.cell[data-row="${targetRow}"][data-col="${emptyCol}"]`);
    expect(await cell.evaluate((td) => td === (td.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.press('a');

    // then the cell shows A, the model has the assignment, and the row is no longer flagged
    await expect.poll(() => cell.textContent()).toBe('A');
    const roleId = (await cell.getAttribute('data-role-id'))!;
    const assignments = () =>
      page.evaluate((id) => {
        const app = (window as unknown as { missinglink: { modeler: { get(n: string): any } } }).missinglink;
        const bo = app.modeler.get('elementRegistry').get(id).businessObject;
        const step = bo.extensionElements?.values?.find((v: { $type: string }) => v.$type === 'ml:Step');
        return (step?.assignments ?? []).map((a: { role: string; responsibility: string }) => `${a.role}:${a.responsibility}`);
      }, activityId);
    expect(await assignments()).toContain(`${roleId}:accountable`);
    expect(await matrix.locator(`tr[data-activity-id="${activityId}"]`).getAttribute('class')).not.toContain('warn');
    // the focus stays on the cell for the next key
    expect(await cell.evaluate((td) => td === (td.getRootNode() as ShadowRoot).activeElement)).toBe(true);

    // when R is typed over it and then Delete, the letter changes and clears
    await page.keyboard.press('r');
    await expect.poll(() => cell.textContent()).toBe('R');
    expect(await assignments()).toContain(`${roleId}:responsible`);
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await cell.textContent())?.trim()).toBe('');
    expect((await assignments()).some((a: string) => a.startsWith(`${roleId}:`))).toBe(false);

    // and undo walks back one keystroke at a time
    await page.click('[data-action="undo"]');
    await expect.poll(() => cell.textContent()).toBe('R');
    await page.click('[data-action="undo"]');
    await expect.poll(() => cell.textContent()).toBe('A');
    await page.click('[data-action="undo"]');
    await expect.poll(async () => (await cell.textContent())?.trim()).toBe('');
    expect(await matrix.locator(`tr[data-activity-id="${activityId}"]`).getAttribute('class')).toContain('warn');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers the letters in a menu for mouse users, and exports the matrix as CSV that reads back', async () => {
    const { context, page, errors } = await newAppPage(browser, { locale: 'nl-NL' });
    await openApp(page);
    await page.click('[data-panel="raci-matrix"]');
    const matrix = page.locator('ml-raci-matrix');
    const empty = matrix.locator('td.cell').filter({ hasNotText: /\S/ }).first();
    const cell = matrix.locator(`td.cell[data-row="${await empty.getAttribute('data-row')}"][data-col="${await empty.getAttribute('data-col')}"]`);
    await cell.click();
    await cell.locator('.menu button', { hasText: 'Geïnformeerd' }).click();
    await expect.poll(() => cell.textContent()).toBe('I');

    const shown = await matrix.evaluate((host) => {
      const root = host.shadowRoot!;
      const roles = [...root.querySelectorAll('thead th.role')].map((th) => th.querySelector('.name')!.textContent!.trim());
      const rows = [...root.querySelectorAll('tbody tr:not(.group)')].map((tr) => ({
        activity: tr.querySelector('th')!.textContent!.trim(),
        letters: [...tr.querySelectorAll('td.cell')].map((td) => td.textContent!.trim())
      }));
      return { roles, rows };
    });
    const download = page.waitForEvent('download');
    await matrix.locator('button[data-action="export-csv"]').click();
    const bytes = await readFile((await (await download).path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = readCsv(bytes.toString('utf8'), ';');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [header, ...records] = parsed.records.map((r) => r.fields);
    expect(header!.slice(0, 3)).toEqual(['Afdeling', 'Activiteit', 'Controle verantwoording']);
    shown.roles.forEach((name, i) => expect(header![3 + i]).toContain(name));
    expect(records.map((r) => ({ activity: r[1], letters: r.slice(3) }))).toEqual(shown.rows);
    expect(errors).toEqual([]);
    await context.close();
  });
});

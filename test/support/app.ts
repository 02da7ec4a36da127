import { inject } from 'vitest';
import type { Page } from 'playwright-core';

/** URL of the built app served for this test run. */
export function appUrl(): string {
  return inject('baseUrl');
}

/** Opens the app and waits until the modeler shows a process and the session is ready. */
export async function openApp(page: Page, url = appUrl()): Promise<void> {
  await page.goto(url);
  await waitUntilReady(page);
}

/** Waits for a booted, idle session with a rendered diagram. */
export async function waitUntilReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const app = (window as unknown as { missinglink?: { controller: { state: { booted: boolean; busy: boolean } } } }).missinglink;
    return !!app && app.controller.state.booted && !app.controller.state.busy && !!document.querySelector('.djs-container svg .djs-element');
  }, undefined, { timeout: 30_000 });
}

/** Waits until the session is idle again after an operation (open, import, restore…). */
export async function waitUntilIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const app = (window as unknown as { missinglink: { controller: { state: { busy: boolean } } } }).missinglink;
    return !app.controller.state.busy;
  });
}

/** Waits until the autosave indicator says everything is stored. */
export async function waitUntilSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.save-status')?.getAttribute('data-state') === 'saved', undefined, {
    timeout: 10_000
  });
}

/** The names in the process library, in the order shown. */
export async function libraryNames(page: Page): Promise<string[]> {
  return page.locator('ml-library li .open').allTextContents().then((names) => names.map((n) => n.trim()));
}

/** The ids of all BPMN elements drawn on the canvas (shapes and connections). */
export async function canvasElementIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.djs-container .djs-element[data-element-id]')]
      .map((el) => el.getAttribute('data-element-id')!)
      .filter((id) => !id.endsWith('_label') && !id.startsWith('__'))
      .sort()
  );
}

/** The name of the process currently open. */
export async function currentProcessName(page: Page): Promise<string> {
  return (await page.locator('.doc-name').textContent())?.trim() ?? '';
}

/** Screen box of a diagram element, by BPMN id. */
export async function elementBox(page: Page, id: string) {
  const box = await page.locator(`.djs-container [data-element-id="${id}"]`).first().boundingBox();
  if (!box) throw new Error(`element ${id} is not visible`);
  return box;
}

/** Imports a file through the library's import button, as a user does, and waits until the session is idle. */
export async function importFile(page: Page, name: string, content: string | Buffer, mimeType = 'application/xml'): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.click('ml-library [data-action="import"]');
  await (await chooser).setFiles({ name, mimeType, buffer: typeof content === 'string' ? Buffer.from(content) : content });
  await page.waitForTimeout(50);
  await waitUntilIdle(page);
}

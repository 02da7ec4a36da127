import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import { canvasElementIds, openApp } from '../support/app';

/*
 * The diagram built and the panels reached with the keyboard only: skip links lead to
 * the diagram, Shift+letter appends to the selection, Alt+arrow moves it, Shift+C
 * connects, a panel opened from its toggle takes the focus, and the bpmn.io link shows
 * where focus is.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface Services {
  get(name: string): any;
}

async function selectedIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    ((window as unknown as { missinglink: { modeler: Services } }).missinglink.modeler.get('selection').get() as Array<{ id: string }>).map((e) => e.id)
  );
}

async function typeOf(page: Page, id: string): Promise<string> {
  return page.evaluate((i) => (window as unknown as { missinglink: { modeler: Services } }).missinglink.modeler.get('elementRegistry').get(i).businessObject.$type, id);
}

/** Sequence flows as source → target ids. */
async function flows(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    ((window as unknown as { missinglink: { modeler: Services } }).missinglink.modeler.get('elementRegistry').filter((e: { type: string }) => e.type === 'bpmn:SequenceFlow') as Array<{ source: { id: string }; target: { id: string } }>).map(
      (f) => `${f.source.id}→${f.target.id}`
    )
  );
}

/** Sets the selection (keeping keyboard focus on the canvas). */
async function select(page: Page, ids: string[]): Promise<void> {
  await page.evaluate((list) => {
    const { modeler } = (window as unknown as { missinglink: { modeler: Services } }).missinglink;
    modeler.get('selection').select(list.map((id) => modeler.get('elementRegistry').get(id)));
  }, ids);
}

describe('Keyboard', () => {
  it('builds a process from the skip link on: append, move the selection, connect, undo', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    await page.evaluate(async () => {
      const { controller } = (window as unknown as { missinglink: { controller: { create(): Promise<void> } } }).missinglink;
      await controller.create();
    });
    await page.waitForFunction(() => !(window as unknown as { missinglink: { controller: { state: { busy: boolean } } } }).missinglink.controller.state.busy);

    // The first Tab reaches the skip link to the diagram; Enter puts focus on the canvas
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-skip'))).toBe('canvas');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.djs-container'))).toBe(true);
    await page.locator('.kbd-help').waitFor({ state: 'visible' });

    // Alt+arrow selects an element without the mouse
    await page.keyboard.press('Alt+ArrowRight');
    const [first] = await selectedIds(page);
    expect(first).toBeTruthy();
    expect(await typeOf(page, first!)).toBe('bpmn:StartEvent');

    // Shift+T appends a task, connected and selected; Shift+G a gateway after it
    const before = new Set(await canvasElementIds(page));
    await page.keyboard.press('Shift+T');
    const [task] = await selectedIds(page);
    expect(before.has(task!)).toBe(false);
    expect(await typeOf(page, task!)).toBe('bpmn:Task');
    expect(await flows(page)).toContain(`${first}→${task}`);
    // its name is typed right away (bpmn-js's label editor), Enter ends it and the keys work again
    await page.keyboard.type('Offerte maken');
    await page.keyboard.press('Enter');
    // the canvas has the focus back once the label editor has closed
    await page.waitForFunction(() => !!document.activeElement?.closest('.djs-container') && !document.activeElement?.closest('.djs-direct-editing-parent'));
    expect(await page.evaluate((i) => (window as unknown as { missinglink: { modeler: Services } }).missinglink.modeler.get('elementRegistry').get(i).businessObject.name, task)).toBe('Offerte maken');
    await page.keyboard.press('Shift+G');
    const [gateway] = await selectedIds(page);
    expect(await typeOf(page, gateway!)).toBe('bpmn:ExclusiveGateway');
    expect(await flows(page)).toContain(`${task}→${gateway}`);
    await page.keyboard.press('Shift+T');
    const [second] = await selectedIds(page);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !!document.activeElement?.closest('.djs-container') && !document.activeElement?.closest('.djs-direct-editing-parent'));

    // Alt+arrow walks back along the row; Alt+Shift+arrow adds the next element to the selection
    await page.keyboard.press('Alt+ArrowLeft');
    expect(await selectedIds(page)).toEqual([gateway]);
    await page.keyboard.press('Alt+ArrowLeft');
    expect(await selectedIds(page)).toEqual([task]);
    await page.keyboard.press('Alt+Shift+ArrowRight');
    expect(await selectedIds(page)).toEqual([task, gateway]);
    // Appending needs one selected element: the key says so instead of doing nothing
    await page.keyboard.press('Shift+E');
    await expect.poll(() => page.locator('.kbd-status').textContent()).toContain('Select one');

    // From the gateway, Shift+E appends an end event as a second branch
    await select(page, [gateway!]);
    await page.keyboard.press('Shift+E');
    const [end] = await selectedIds(page);
    expect(await typeOf(page, end!)).toBe('bpmn:EndEvent');
    // bpmn-js may open the new event's label editor too: leave it, and the canvas has the focus back
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !!document.activeElement?.closest('.djs-container') && !document.activeElement?.closest('.djs-direct-editing-parent'));
    await expect.poll(() => page.locator('.kbd-status').textContent()).toBe('');

    // Shift+C connects the first selected element to the second, where BPMN allows it
    await select(page, [second!, first!]);
    await page.keyboard.press('Shift+C');
    await expect.poll(() => page.locator('.kbd-status').textContent()).toContain('does not allow');
    await select(page, [second!, end!]);
    await page.keyboard.press('Shift+C');
    expect(await flows(page)).toContain(`${second}→${end}`);
    // and Ctrl+Z undoes it
    await page.keyboard.press('Control+z');
    expect(await flows(page)).not.toContain(`${second}→${end}`);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Focus', () => {
  it('moves into a panel opened from its toggle, and shows a ring on the bpmn.io link', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    await page.locator('[data-panel="audit"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('aside')?.getAttribute('data-panel-id') ?? null)).toBe('audit');
    // the next Tab is inside the panel, not on the next toggle
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('aside[data-panel-id="audit"]'))).toBe(true);

    // a bottom panel, too
    await page.locator('[data-panel="kpi-table"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('aside')?.getAttribute('data-panel-id') ?? null)).toBe('kpi-table');

    // the skip link to the open panel appears and leads there
    await page.locator('[data-skip="panel"]').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('ASIDE');

    const link = page.locator('.bjs-powered-by');
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await link.evaluate((el) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth);
    expect(outline).toMatch(/^solid 3px/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

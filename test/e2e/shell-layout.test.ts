import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import { openApp, waitUntilSaved } from '../support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

interface Layout {
  /** The canvas element's size on screen. */
  canvas: { width: number; height: number };
  /** What bpmn-js believes the canvas size is (viewbox().outer). */
  outer: { width: number; height: number };
  /** How far the bpmn.io watermark sticks out of the visible diagram area (0 when fully inside). */
  watermarkOverflow: number;
  watermarkVisible: boolean;
}

/** Reads the layout after two frames, so resize observers and bpmn-js have caught up. */
async function layout(page: Page): Promise<Layout> {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(() => {
    type Canvas = { viewbox(): { outer: { width: number; height: number } } };
    const app = (window as unknown as { missinglink: { modeler: { get(n: 'canvas'): Canvas } } }).missinglink;
    const canvasBox = document.querySelector('#canvas')!.getBoundingClientRect();
    const area = document.querySelector('.canvas-area')!.getBoundingClientRect();
    const mark = document.querySelector('.bjs-powered-by')!.getBoundingClientRect();
    const overflow = Math.max(0, area.left - mark.left, mark.right - area.right, area.top - mark.top, mark.bottom - area.bottom);
    const hit = document.elementFromPoint(mark.left + mark.width / 2, mark.top + mark.height / 2);
    return {
      canvas: { width: Math.round(canvasBox.width), height: Math.round(canvasBox.height) },
      outer: { width: Math.round(app.modeler.get('canvas').viewbox().outer.width), height: Math.round(app.modeler.get('canvas').viewbox().outer.height) },
      watermarkOverflow: overflow,
      watermarkVisible: mark.width > 0 && !!hit?.closest('.bjs-powered-by')
    };
  });
}

async function togglePanel(page: Page, id: string): Promise<void> {
  await page.click(`.ml-viewbar button[data-panel="${id}"]`);
}

describe('shell layout', () => {
  it('given the app, when a side panel and then a bottom panel open and close, then the diagram view follows the canvas size and the bpmn.io watermark stays fully visible', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    const start = await layout(page);
    expect(start.outer).toEqual(start.canvas);
    expect(start.watermarkOverflow).toBe(0);
    expect(start.watermarkVisible).toBe(true);

    // Side panel: the canvas gets narrower, and bpmn-js knows it.
    await togglePanel(page, 'versions');
    await page.waitForSelector('.panel-side[data-panel-id="versions"]');
    const withSide = await layout(page);
    expect(withSide.canvas.width).toBeLessThan(start.canvas.width - 200);
    expect(withSide.outer).toEqual(withSide.canvas);
    expect(withSide.watermarkOverflow).toBe(0);
    expect(withSide.watermarkVisible).toBe(true);

    // Bottom panel as well: the canvas gets lower.
    const bottomId = await page.getAttribute('.ml-viewbar button[data-panel]:last-of-type', 'data-panel');
    expect(bottomId).toBeTruthy();
    await togglePanel(page, bottomId!);
    await page.waitForSelector(`.panel-bottom[data-panel-id="${bottomId}"]`);
    const withBoth = await layout(page);
    expect(withBoth.canvas.height).toBeLessThan(withSide.canvas.height - 150);
    expect(withBoth.outer).toEqual(withBoth.canvas);
    expect(withBoth.watermarkOverflow).toBe(0);
    expect(withBoth.watermarkVisible).toBe(true);
    await page.screenshot({ path: new URL('../../test-results/shell-layout-both-panels.png', import.meta.url).pathname });

    // Both closed again: back to the full size.
    await togglePanel(page, bottomId!);
    await togglePanel(page, 'versions');
    await page.waitForFunction(() => !document.querySelector('.panel-side, .panel-bottom'));
    const closed = await layout(page);
    expect(closed.canvas).toEqual(start.canvas);
    expect(closed.outer).toEqual(start.canvas);
    expect(closed.watermarkOverflow).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('given the shell, when a panel is opened through openPanel, then it shows in its place with its tab pressed, and an unknown id is refused', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    const result = await page.evaluate(() => {
      const shell = document.querySelector('ml-app') as unknown as { openPanel(id: string): boolean };
      return { known: shell.openPanel('properties'), unknown: shell.openPanel('no-such-panel') };
    });
    expect(result).toEqual({ known: true, unknown: false });
    await page.waitForSelector('.panel-side[data-panel-id="properties"] ml-properties');
    expect(await page.getAttribute('.ml-viewbar button[data-panel="properties"]', 'aria-pressed')).toBe('true');
    const withSide = await layout(page);
    expect(withSide.outer).toEqual(withSide.canvas);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('autosave', () => {
  it('given an edit, when autosave has stored it, then the library holds exactly what bpmn-js writes for the model', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    await page.evaluate(() => {
      type Services = {
        elementRegistry: { filter(fn: (e: { type: string }) => boolean): { type: string }[] };
        modeling: { updateLabel(element: unknown, text: string): void };
      };
      const modeler = (window as unknown as { missinglink: { modeler: { get<K extends keyof Services>(n: K): Services[K] } } }).missinglink.modeler;
      const task = modeler.get('elementRegistry').filter((e) => e.type === 'bpmn:Task')[0]!;
      modeler.get('modeling').updateLabel(task, 'Klant terugbellen binnen een dag');
    });
    await page.waitForFunction(() => document.querySelector('.save-status')?.getAttribute('data-state') !== 'saved');
    await waitUntilSaved(page);
    const { stored, written } = await page.evaluate(async () => {
      type App = {
        controller: { state: { current: { id: string } }; repository: { get(id: string): Promise<{ xml: string }> } };
        modeler: { saveXML(o: { format: boolean }): Promise<{ xml: string }> };
      };
      const app = (window as unknown as { missinglink: App }).missinglink;
      const record = await app.controller.repository.get(app.controller.state.current.id);
      return { stored: record.xml, written: (await app.modeler.saveXML({ format: false })).xml };
    });
    expect(stored).toContain('Klant terugbellen binnen een dag');
    expect(stored).toBe(written);
    expect(errors).toEqual([]);
    await context.close();
  });
});

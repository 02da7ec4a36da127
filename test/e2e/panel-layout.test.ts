import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import { openApp } from '../support/app';

/*
 * Finding and fixing side by side at 1366 × 768: the side and bottom panels are sized
 * with splitters (pointer or keyboard, ARIA separators), the sizes are remembered, and
 * the diagram keeps a usable area whatever the user does.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;

describe('Panel layout', () => {
  it('resizes the side and bottom panels by keyboard and pointer, remembers the sizes and keeps the diagram usable', async () => {
    const { context, page, errors } = await newAppPage(browser, { viewport: { width: 1366, height: 768 } });
    await openApp(page);
    await page.click('[data-panel="audit"]');
    await page.click('[data-panel="kpi-table"]');
    await page.locator('aside[data-panel-id="kpi-table"]').waitFor();

    const side = page.locator('ml-splitter[data-splitter="side"]');
    const bottom = page.locator('ml-splitter[data-splitter="bottom"]');
    expect(await side.getAttribute('role')).toBe('separator');
    expect(await side.getAttribute('aria-orientation')).toBe('vertical');
    expect(await bottom.getAttribute('aria-orientation')).toBe('horizontal');
    expect(await side.getAttribute('aria-label')).toBe('Width of the side panel');

    // Keyboard: ArrowLeft widens the side panel by 16 px, Shift+ArrowLeft by 64 px
    const width0 = (await box(page, 'aside.panel-side')).width;
    await side.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(async () => Math.round((await box(page, 'aside.panel-side')).width)).toBe(Math.round(width0 + 80));
    expect(Number(await side.getAttribute('aria-valuenow'))).toBe(Math.round(width0 + 80));

    // Pointer: dragging the bottom splitter up 100 px makes the bottom panel 100 px taller
    const height0 = (await box(page, 'aside.panel-bottom')).height;
    const bar = await box(page, 'ml-splitter[data-splitter="bottom"]');
    await page.mouse.move(bar.x + bar.width / 2, bar.y + 3);
    await page.mouse.down();
    await page.mouse.move(bar.x + bar.width / 2, bar.y - 50, { steps: 3 });
    await page.mouse.move(bar.x + bar.width / 2, bar.y - 97, { steps: 3 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await box(page, 'aside.panel-bottom')).height)).toBe(Math.round(height0 + 100));

    // The largest sizes still leave a usable diagram
    await side.focus();
    await page.keyboard.press('End');
    await bottom.focus();
    await page.keyboard.press('End');
    const canvas = await box(page, '.canvas-area');
    expect(canvas.width).toBeGreaterThanOrEqual(354);
    expect(canvas.height).toBeGreaterThanOrEqual(194);

    // Remembered after a reload
    await bottom.focus();
    await page.keyboard.press('Home');
    const remembered = { side: Number(await side.getAttribute('aria-valuenow')), bottom: Number(await bottom.getAttribute('aria-valuenow')) };
    await page.reload();
    await openApp(page, page.url());
    await page.click('[data-panel="audit"]');
    await page.click('[data-panel="kpi-table"]');
    await page.locator('aside[data-panel-id="kpi-table"]').waitFor();
    expect(Math.round((await box(page, 'aside.panel-side')).width)).toBe(remembered.side);
    expect(Math.round((await box(page, 'aside.panel-bottom')).height)).toBe(remembered.bottom);
    expect(errors).toEqual([]);
    await context.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import {
  canvasElementIds,
  currentProcessName,
  elementBox,
  libraryNames,
  openApp,
  waitUntilIdle,
  waitUntilReady,
  waitUntilSaved,
  importFile
} from '../support/app';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Places a new task from the palette at a point on the canvas, as a user does with two clicks. */
async function drawTaskAt(page: Page, x: number, y: number): Promise<string> {
  const before = new Set(await canvasElementIds(page));
  await page.click('.djs-palette [data-action="create.task"]');
  await page.mouse.move(x - 20, y - 20);
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.click(x, y);
  const after = await canvasElementIds(page);
  const added = after.filter((id) => !before.has(id) && id.startsWith('Activity_'));
  expect(added).toHaveLength(1);
  return added[0]!;
}

/** The lane of the open process with the largest part visible on the canvas (panels may hide the rest). */
async function laneOfProcess(page: Page): Promise<{ id: string; box: { x: number; y: number; width: number; height: number } }> {
  const laneIds = await page.evaluate(() => {
    const modeler = (window as unknown as { missinglink: { modeler: { get(n: string): { filter(fn: (e: { type: string }) => boolean): { id: string }[] } } } }).missinglink.modeler;
    return modeler.get('elementRegistry').filter((e) => e.type === 'bpmn:Lane').map((e) => e.id);
  });
  expect(laneIds.length, 'the process has lanes').toBeGreaterThan(0);
  const area = (await page.locator('.canvas-area').boundingBox())!;
  let best: { id: string; box: { x: number; y: number; width: number; height: number } } | undefined;
  for (const id of laneIds) {
    const lane = await elementBox(page, id);
    const x = Math.max(lane.x, area.x + 90);
    const y = Math.max(lane.y, area.y);
    const right = Math.min(lane.x + lane.width, area.x + area.width - 20);
    const bottom = Math.min(lane.y + lane.height, area.y + area.height);
    const box = { x, y, width: right - x, height: bottom - y };
    if (box.width > 0 && box.height > 0 && (!best || box.width * box.height > best.box.width * best.box.height)) best = { id, box };
  }
  expect(best, 'a lane is visible').toBeTruthy();
  return best!;
}

/** A point in the lane where nothing is drawn yet, so a click places a new shape there. */
async function emptyPointIn(page: Page, lane: { box: { x: number; y: number; width: number; height: number } }): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((box) => {
    const modeler = (window as unknown as { missinglink: { modeler: { get(n: string): { get(id: string): { type: string } | undefined } } } }).missinglink.modeler;
    const registry = modeler.get('elementRegistry');
    const emptyAt = (x: number, y: number) => {
      // Empty means: the topmost thing there is the lane or pool itself (no shape, line, label or overlay).
      const hit = document.elementFromPoint(x, y)?.closest('.djs-element');
      const id = hit?.getAttribute('data-element-id');
      const type = id ? registry.get(id)?.type : undefined;
      return type === 'bpmn:Lane' || type === 'bpmn:Participant';
    };
    for (let fx = 0.85; fx > 0.15; fx -= 0.05) {
      for (const fy of [0.5, 0.3, 0.7]) {
        const x = box.x + box.width * fx;
        const y = box.y + box.height * fy;
        // A task is about 100 × 80: its whole footprint must be free.
        if ([[0, 0], [-40, -28], [40, -28], [-40, 28], [40, 28]].every(([dx, dy]) => emptyAt(x + dx!, y + dy!))) return { x, y };
      }
    }
    return null;
  }, lane.box);
  expect(point, 'an empty spot in the lane').not.toBeNull();
  return point!;
}

describe('MissingLink foundation, as a new user meets it in Chromium', () => {
  it('opens on the embedded sample library with a full-window modeler and the bpmn.io watermark visible', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    const names = await libraryNames(page);
    expect(names.length).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.djs-palette').isVisible()).toBe(true);
    const lanes = await page.evaluate(() => {
      const modeler = (window as unknown as { missinglink: { modeler: { get(n: string): { filter(fn: (e: { type: string }) => boolean): unknown[] } } } }).missinglink.modeler;
      return modeler.get('elementRegistry').filter((e) => e.type === 'bpmn:Lane').length;
    });
    expect(lanes, 'the opened sample shows departments as lanes').toBeGreaterThan(2);

    // The licence asks that the watermark stays fully visible: nothing may cover it.
    const mark = page.locator('.bjs-powered-by');
    const box = await mark.boundingBox();
    expect(box).not.toBeNull();
    const viewport = page.viewportSize()!;
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
    for (const [dx, dy] of [[0.2, 0.2], [0.8, 0.8], [0.5, 0.5]] as const) {
      const covered = await page.evaluate(
        ([x, y]) => !document.elementFromPoint(x!, y!)?.closest('.bjs-powered-by'),
        [box!.x + box!.width * dx, box!.y + box!.height * dy]
      );
      expect(covered, 'watermark covered by another element').toBe(false);
    }
    // The versions panel opens beside the canvas, not over the watermark.
    await page.click('[data-panel="versions"]');
    const boxWithPanel = await mark.boundingBox();
    const stillVisible = await page.evaluate(
      ([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('.bjs-powered-by'),
      [boxWithPanel!.x + boxWithPanel!.width / 2, boxWithPanel!.y + boxWithPanel!.height / 2]
    );
    expect(stillVisible).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps a task drawn in a lane of a new process after a reload', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    const countBefore = (await libraryNames(page)).length;
    await page.click('ml-library [data-action="new"]');
    await page.waitForFunction((n) => document.querySelector('ml-library')!.shadowRoot!.querySelectorAll('li').length === n + 1, countBefore);
    await waitUntilIdle(page);
    expect(await currentProcessName(page)).toMatch(/New process|Nieuw proces/);

    const lane = await laneOfProcess(page);
    const spot = await emptyPointIn(page, lane);
    const taskId = await drawTaskAt(page, spot.x, spot.y);
    await waitUntilSaved(page);

    await page.reload();
    await waitUntilReady(page);
    expect(await currentProcessName(page)).toMatch(/New process|Nieuw proces/);
    expect(await canvasElementIds(page)).toContain(taskId);
    const laneOfTask = await page.evaluate((id) => {
      const modeler = (window as unknown as { missinglink: { modeler: { get(n: string): { get(id: string): { businessObject: { lanes?: { id: string }[] } } } } } }).missinglink.modeler;
      return modeler.get('elementRegistry').get(id).businessObject.lanes?.map((l) => l.id) ?? [];
    }, taskId);
    expect(laneOfTask).toContain(lane.id);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses broken, non-BPMN and oversized files with a clear message and loses nothing', async () => {
    const { context, page, errors } = await newAppPage(browser);
    await openApp(page);
    const namesBefore = await libraryNames(page);
    const openBefore = await currentProcessName(page);
    const idsBefore = await canvasElementIds(page);

    await importFile(page, 'kapot.bpmn', '<?xml version="1.0"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">\n  <bpmn:process id="p">\n    <bpmn:task id="t" name="open\n</bpmn:definitions>');
    const alert = page.locator('ml-notices [role="alert"]').last();
    await expect.poll(() => alert.textContent()).toMatch(/kapot\.bpmn/);
    expect(await alert.textContent()).toMatch(/line \d+|not a valid XML|could not be read/i);

    await importFile(page, 'webpagina.xml', '<html><body>geen model</body></html>');
    await expect.poll(() => page.locator('ml-notices [role="alert"]').last().textContent()).toMatch(/not a BPMN 2\.0 model/);

    await importFile(page, 'groot.bpmn', Buffer.alloc(11 * 1024 * 1024, 0x20));
    await expect.poll(() => page.locator('ml-notices [role="alert"]').last().textContent()).toMatch(/too large/);

    expect(await libraryNames(page)).toEqual(namesBefore);
    expect(await currentProcessName(page)).toBe(openBefore);
    expect(await canvasElementIds(page)).toEqual(idsBefore);
    await page.reload();
    await waitUntilReady(page);
    expect(await libraryNames(page)).toEqual(namesBefore);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports a BPMN file that re-imports as the same model, and exports SVG and PNG images', async () => {
    const { context, page } = await newAppPage(browser);
    await openApp(page);
    const idsBefore = await canvasElementIds(page);
    const nameBefore = await currentProcessName(page);

    await page.click('[data-action="export"]');
    const download = page.waitForEvent('download');
    await page.click('[data-export="bpmn"]');
    const file = await (await download).path();
    const xml = await readFile(file, 'utf8');
    expect(xml).toContain('bpmn:definitions');

    await importFile(page, 'terug.bpmn', xml);
    expect(await currentProcessName(page)).toBe(`${nameBefore} 2`);
    expect(await canvasElementIds(page)).toEqual(idsBefore);

    await page.click('[data-action="export"]');
    const svgDownload = page.waitForEvent('download');
    await page.click('[data-export="svg"]');
    const svg = await readFile(await (await svgDownload).path(), 'utf8');
    expect(svg).toMatch(/^<\?xml|<svg/);
    expect(svg).toContain('<svg');

    await page.click('[data-action="export"]');
    const pngDownload = page.waitForEvent('download');
    await page.click('[data-export="png"]');
    const png = await readFile(await (await pngDownload).path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBeGreaterThan(400); // width in pixels
    await context.close();
  });

  it('imports a file dropped onto the window', async () => {
    const { context, page } = await newAppPage(browser);
    await openApp(page);
    const sample = await readFile(new URL('../../processes/klachtafhandeling.bpmn', import.meta.url), 'utf8');
    const before = (await libraryNames(page)).length;
    await page.evaluate((xml) => {
      const data = new DataTransfer();
      data.items.add(new File([xml], 'gesleept.bpmn', { type: 'application/xml' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, sample);
    await expect.poll(async () => (await libraryNames(page)).length).toBe(before + 1);
    await waitUntilIdle(page);
    expect(await page.locator('.drop-overlay').count()).toBe(0);
    await context.close();
  });

  it('renames, duplicates and deletes processes in the library', async () => {
    const { context, page } = await newAppPage(browser);
    await openApp(page);
    const first = (await libraryNames(page))[0]!;

    await page.locator('ml-library li').first().getByRole('button', { name: /^Rename/ }).click();
    await page.locator('ml-dialog input').fill('Onboarding zakelijke klanten');
    await page.locator('ml-dialog button[type=submit]').click();
    await expect.poll(() => libraryNames(page)).toContain('Onboarding zakelijke klanten');
    expect(await libraryNames(page)).not.toContain(first);

    const li = page.locator('ml-library li', { hasText: 'Onboarding zakelijke klanten' });
    await li.getByRole('button', { name: /^Duplicate/ }).click();
    await expect.poll(() => libraryNames(page)).toContain('Onboarding zakelijke klanten (copy)');

    const copy = page.locator('ml-library li', { hasText: '(copy)' });
    await copy.getByRole('button', { name: /^Delete/ }).click();
    await expect(page.locator('ml-dialog h2').textContent()).resolves.toMatch(/Delete process/);
    await page.locator('ml-dialog button.danger').click();
    await expect.poll(() => libraryNames(page)).not.toContain('Onboarding zakelijke klanten (copy)');
    await context.close();
  });

  it('saves named versions, restores one without overwriting anything, and undoes the restore', async () => {
    const { context, page } = await newAppPage(browser);
    await openApp(page);
    await page.click('[data-panel="versions"]');
    await page.locator('ml-versions button.save').click();
    // The field is empty with an example as placeholder, so Enter never saves a made-up label.
    expect(await page.locator('ml-dialog input').inputValue()).toBe('');
    expect(await page.locator('ml-dialog input').getAttribute('placeholder')).toMatch(/reviewed with sales/);
    await page.locator('ml-dialog input').fill('Voor de workshop');
    await page.locator('ml-dialog button[type=submit]').click();
    await expect.poll(() => page.locator('ml-versions li').count()).toBe(1);
    const idsV1 = await canvasElementIds(page);
    // Enter on the empty field saves the automatic label, never the example.
    await page.locator('ml-versions button.save').click();
    await page.locator('ml-dialog input').press('Enter');
    await expect.poll(() => page.locator('ml-versions li').count()).toBe(2);
    expect(await page.locator('ml-versions li[data-version="2"]').textContent()).not.toMatch(/reviewed with sales/i);

    const lane = await laneOfProcess(page);
    const spot = await emptyPointIn(page, lane);
    const taskId = await drawTaskAt(page, spot.x, spot.y);
    await waitUntilSaved(page);

    await page.locator('ml-versions li[data-version="1"] button.restore').click();
    await waitUntilIdle(page);
    expect(await canvasElementIds(page)).toEqual(idsV1);
    // Nothing overwritten: the state with the new task is kept as a version of its own.
    await expect.poll(() => page.locator('ml-versions li').count()).toBe(4);
    expect((await page.locator('ml-versions li').allTextContents()).join(' ')).toMatch(/kept before a restore/);
    const said = page.locator('ml-notices [role="status"]', { hasText: 'restored' });
    expect(await said.last().textContent(), 'the message names the version the user restored').toMatch(/Version 1 restored\. The previous state is kept as version 3\./);

    await page.locator('ml-notices button', { hasText: 'Undo restore' }).click();
    await waitUntilIdle(page);
    await expect.poll(() => canvasElementIds(page)).toContain(taskId);
    // Undoing takes the restore back: no more versions, and it says so instead of "Version … restored".
    await expect.poll(() => page.locator('ml-versions li').count()).toBe(2);
    await expect.poll(() => page.locator('ml-notices [role="status"]').last().textContent()).toMatch(/Restore undone/);
    await context.close();
  });

  it('undoes and redoes edits from the toolbar and the keyboard', async () => {
    const { context, page } = await newAppPage(browser);
    await openApp(page);
    const lane = await laneOfProcess(page);
    const spot = await emptyPointIn(page, lane);
    const taskId = await drawTaskAt(page, spot.x, spot.y);
    await page.click('[data-action="undo"]');
    expect(await canvasElementIds(page)).not.toContain(taskId);
    await page.click('[data-action="redo"]');
    expect(await canvasElementIds(page)).toContain(taskId);
    await page.click('.djs-container svg', { position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    expect(await canvasElementIds(page)).not.toContain(taskId);
    await page.keyboard.press('Control+y');
    expect(await canvasElementIds(page)).toContain(taskId);
    await context.close();
  });

  it('speaks Dutch and English, and remembers the choice', async () => {
    const { context, page } = await newAppPage(browser, { locale: 'nl-NL' });
    await openApp(page);
    expect(await page.locator('ml-library h2').textContent()).toBe('Procesbibliotheek');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await page.click('.lang button[lang="en"]');
    await expect.poll(() => page.locator('ml-library h2').textContent()).toBe('Process library');
    expect(await page.locator('[data-action="undo"]').textContent()).toContain('Undo');
    await page.reload();
    await waitUntilReady(page);
    expect(await page.locator('ml-library h2').textContent()).toBe('Process library');
    await page.click('.lang button[lang="nl"]');
    await expect.poll(() => page.locator('[data-panel="versions"]').textContent()).toContain('Versies');
    await context.close();
  });

  it('never lets two tabs silently overwrite each other: the second writer is told and saves a copy', async () => {
    const { context, page: tabA } = await newAppPage(browser);
    await openApp(tabA);
    const tabB = await context.newPage();
    await openApp(tabB);
    const name = await currentProcessName(tabA);
    expect(await currentProcessName(tabB)).toBe(name);

    const laneA = await laneOfProcess(tabA);
    const spotA = await emptyPointIn(tabA, laneA);
    const taskA = await drawTaskAt(tabA, spotA.x, spotA.y);
    await waitUntilSaved(tabA);

    // Tab B still shows the old state; its next edit must not overwrite tab A's work.
    await expect.poll(() => tabB.locator('.conflict').count(), { timeout: 5000 }).toBe(1);
    expect(await tabB.locator('.conflict').textContent()).toMatch(/another tab/);
    await tabB.click('[data-action="conflict-copy"]');
    await waitUntilIdle(tabB);
    expect(await currentProcessName(tabB)).toBe(`${name} (copy)`);

    await tabA.reload();
    await waitUntilReady(tabA);
    expect(await currentProcessName(tabA)).toBe(name);
    expect(await canvasElementIds(tabA)).toContain(taskA);
    expect(await libraryNames(tabA)).toContain(`${name} (copy)`);
    await context.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateCollaboration } from '../../bench/lib/generate-collaboration';
import { launchBrowser, newAppPage } from '../support/browser';
import { launchKillable, newProfile, removeProfile, type KillableBrowser } from '../support/killable-browser';
import { currentProcessName, libraryNames, openApp, waitUntilIdle, waitUntilReady, waitUntilSaved } from '../support/app';

// Durability in a real browser: the page or the whole browser killed while saving,
// a full disk, an old database, damaged rows, two tabs racing, and a long editing
// session undone. Each test states what a user would notice afterwards.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A stored process row exactly as IndexedDB holds it (read past the app, with the raw API). */
interface RawProcessRow {
  id: string;
  name: string;
  xml: unknown;
  revision: unknown;
  sizeBytes: unknown;
}

/** Reads every row of the processes table directly from the browser's IndexedDB. */
async function storedProcesses(page: Page): Promise<RawProcessRow[]> {
  return page.evaluate(
    () =>
      new Promise<RawProcessRow[]>((resolve, reject) => {
        const open = indexedDB.open('missinglink');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('processes', 'readonly').objectStore('processes').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            db.close();
            resolve(request.result as RawProcessRow[]);
          };
        };
      })
  );
}

/** The app's modeler and controller, as the page exposes them for tests. */
type AppWindow = Window & {
  missinglink: {
    modeler: {
      get<T = any>(name: string): T; // eslint-disable-line @typescript-eslint/no-explicit-any
      saveXML(options?: { format?: boolean }): Promise<{ xml?: string }>;
    };
    controller: { state: { current?: { id: string; name: string; revision: number }; saveState: string } };
  };
};

/** Imports a file through the library's import button, as a user does. */
async function importFile(page: Page, name: string, content: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.click('ml-library [data-action="import"]');
  await (await chooser).setFiles({ name, mimeType: 'application/xml', buffer: Buffer.from(content) });
  await page.waitForTimeout(50);
  await waitUntilIdle(page);
}

/** Renames the first task of the open model through the modeler (one undoable command) and returns the XML autosave will store. */
async function renameFirstTask(page: Page, name: string): Promise<string> {
  return page.evaluate(async (newName) => {
    const { modeler } = (window as unknown as AppWindow).missinglink;
    const task = modeler.get('elementRegistry').filter((e: { type: string }) => e.type === 'bpmn:Task')[0];
    modeler.get('modeling').updateLabel(task, newName);
    return (await modeler.saveXML()).xml!;
  }, name);
}

/** The name of the first task of the open model, as the canvas shows it. */
async function firstTaskName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const { modeler } = (window as unknown as AppWindow).missinglink;
    return modeler.get('elementRegistry').filter((e: { type: string }) => e.type === 'bpmn:Task')[0].businessObject.name as string;
  });
}

/** The labels of the stored versions of a process, oldest first, read directly from IndexedDB. */
async function storedVersionLabels(page: Page, processId: string): Promise<string[]> {
  return page.evaluate(
    (id) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('missinglink');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('versions', 'readonly').objectStore('versions').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            db.close();
            const rows = request.result as { processId: string; number: number; label: string }[];
            resolve(rows.filter((r) => r.processId === id).sort((a, b) => a.number - b.number).map((r) => r.label));
          };
        };
      }),
    processId
  );
}

/** Where a test leaves a screenshot for a human to look at (not part of the repository). */
function screenshotPath(name: string): string {
  return join(tmpdir(), `missinglink-durability-${name}.png`);
}

const utf8 = new TextEncoder();

describe('durability: killed while saving', () => {
  it('given a large model being autosaved, when the whole browser is killed at various moments of the save, then the reopened library has the last complete save and everything else', async () => {
    const profile = await newProfile();
    let kb: KillableBrowser | undefined = await launchKillable(profile);
    try {
      let page = await kb.context.newPage();
      await page.setViewportSize({ width: 1440, height: 900 });
      await openApp(page);
      const large = generateCollaboration({ flowNodes: 1000, lanes: 6, withValueChain: true });
      await importFile(page, 'groot-model.bpmn', large);
      await waitUntilSaved(page);
      const namesBefore = await libraryNames(page);
      const { id: largeId, name: largeName } = await page.evaluate(() => (window as unknown as AppWindow).missinglink.controller.state.current!);
      let taskName = await firstTaskName(page);

      const outcomes: string[] = [];
      const moments = ['while serialising', 'as the write starts', '30 ms into the write'] as const;
      for (const [trial, moment] of moments.entries()) {
        const before = (await storedProcesses(page)).find((row) => row.id === largeId)!;
        let putSeen!: () => void;
        const put = new Promise<void>((resolve) => (putSeen = resolve));
        await page.exposeBinding(`__mlBigPut${trial}`, () => putSeen()).catch(() => undefined);
        await page.evaluate((binding) => {
          const original = IDBObjectStore.prototype.put;
          IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
            const row = args[0] as { xml?: unknown };
            if (this.name === 'processes' && typeof row?.xml === 'string' && row.xml.length > 100_000) {
              (window as unknown as Record<string, () => void>)[binding]?.();
            }
            return original.apply(this, args);
          };
        }, `__mlBigPut${trial}`);

        const after = await renameFirstTask(page, `Kill trial ${trial}`);
        const t0 = Date.now();
        if (moment === 'while serialising') {
          await page.waitForSelector('.save-status[data-state="saving"]', { timeout: 10_000 });
        } else if (moment === 'as the write starts') {
          await put;
        } else {
          await put;
          await new Promise((r) => setTimeout(r, 30));
        }
        const killedAfterMs = Date.now() - t0;
        await kb.kill();
        kb = await launchKillable(profile);
        page = await kb.context.newPage();
        await page.setViewportSize({ width: 1440, height: 900 });
        await openApp(page);

        expect(await libraryNames(page), 'the library lists everything after the kill').toEqual(namesBefore);
        const row = (await storedProcesses(page)).find((r) => r.id === largeId)!;
        expect(typeof row.xml).toBe('string');
        const xml = row.xml as string;
        expect(row.sizeBytes, 'stored size matches stored content').toBe(utf8.encode(xml).byteLength);
        const kept = xml === after ? 'new' : xml === before.xml ? 'previous' : 'neither';
        expect(kept, `stored content is one complete save (${moment})`).not.toBe('neither');
        expect(row.revision).toBe(kept === 'new' ? (before.revision as number) + 1 : before.revision);
        outcomes.push(`${moment} (+${killedAfterMs} ms): ${kept} save kept`);

        // What the user sees: the large process opens with exactly the stored content.
        if ((await currentProcessName(page)) !== largeName) {
          await page.locator('ml-library li .open', { hasText: largeName }).click();
          await waitUntilIdle(page);
        }
        expect(await currentProcessName(page)).toBe(largeName);
        if (kept === 'new') taskName = `Kill trial ${trial}`;
        expect(await firstTaskName(page)).toBe(taskName);
      }
      console.log(`[durability] browser killed during autosave of a ${(utf8.encode(large).byteLength / 1e6).toFixed(1)} MB model:\n  ${outcomes.join('\n  ')}`);
    } finally {
      await kb?.close();
      await removeProfile(profile);
    }
  }, 180_000);

  it('given a stream of edits, when the browser is killed or the tab crashes or reloads, then at most the last second of work is lost', async () => {
    const figures: string[] = [];
    /** Edits the model every 100 ms for `ms`; returns when each edit was applied. */
    async function editFor(page: Page, label: string, ms: number): Promise<number[]> {
      const applied: number[] = [];
      const start = Date.now();
      for (let i = 1; Date.now() - start < ms; i++) {
        await page.evaluate((name) => {
          const { modeler } = (window as unknown as AppWindow).missinglink;
          const task = modeler.get('elementRegistry').filter((e: { type: string }) => e.type === 'bpmn:Task')[0];
          modeler.get('modeling').updateLabel(task, name);
        }, `${label} ${i}`);
        applied.push(Date.now());
        await new Promise((r) => setTimeout(r, 100));
      }
      return applied;
    }
    /** How much work the stored state misses: from the first edit not stored to the end. */
    function lostMs(stored: string, label: string, applied: number[], end: number): number {
      const kept = Number(new RegExp(`^${label} (\\d+)$`).exec(stored)?.[1] ?? 0);
      return kept >= applied.length ? 0 : end - applied[kept]!;
    }

    // 1. The whole browser killed (SIGKILL) in the middle of editing.
    const profile = await newProfile();
    let kb = await launchKillable(profile);
    try {
      let page = await kb.context.newPage();
      await page.setViewportSize({ width: 1440, height: 900 });
      await openApp(page);
      const name = await currentProcessName(page);
      const applied = await editFor(page, 'Browser kill', 2500);
      const killedAt = Date.now();
      await kb.kill();
      kb = await launchKillable(profile);
      page = await kb.context.newPage();
      await openApp(page);
      if ((await currentProcessName(page)) !== name) {
        await page.locator('ml-library li .open', { hasText: name }).click();
        await waitUntilIdle(page);
      }
      const lost = lostMs(await firstTaskName(page), 'Browser kill', applied, killedAt);
      figures.push(`browser killed: ${applied.length} edits, last ${lost} ms lost`);
      expect(lost).toBeLessThanOrEqual(1500);
    } finally {
      await kb.close();
      await removeProfile(profile);
    }

    // 2. The tab's renderer crashes; the user opens the app again in a new tab.
    const { context, page: crashing } = await newAppPage(browser);
    await openApp(crashing);
    const cdp = await context.newCDPSession(crashing);
    const applied = await editFor(crashing, 'Tab crash', 2500);
    const crashedAt = Date.now();
    // The renderer dies before it can answer, so do not wait for the reply: wait for the crash.
    const crashed = crashing.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    const page = await context.newPage();
    await openApp(page);
    const lost = lostMs(await firstTaskName(page), 'Tab crash', applied, crashedAt);
    figures.push(`tab crashed: ${applied.length} edits, last ${lost} ms lost`);
    expect(lost).toBeLessThanOrEqual(1500);

    // 3. A reload right after an edit: the page saves what is pending as it goes.
    await page.evaluate(() => {
      const { modeler } = (window as unknown as AppWindow).missinglink;
      const task = modeler.get('elementRegistry').filter((e: { type: string }) => e.type === 'bpmn:Task')[0];
      modeler.get('modeling').updateLabel(task, 'Just before reload');
    });
    await page.reload();
    await waitUntilReady(page);
    figures.push(`reload 0 ms after an edit: ${(await firstTaskName(page)) === 'Just before reload' ? 'kept' : 'LOST'}`);
    expect(await firstTaskName(page)).toBe('Just before reload');
    await context.close();
    console.log(`[durability] ${figures.join('; ')}`);
  }, 120_000);
});

describe('durability: storage full', () => {
  it('given the browser storage is full, when the user edits, then a clear Dutch message shows, earlier saves stay, editing goes on, and saving resumes when space is back', async () => {
    const { context, page, errors } = await newAppPage(browser, { locale: 'nl-NL' });
    // A full disk as Chromium reports it: the write transaction aborts with QuotaExceededError.
    // (DevTools' Storage.overrideQuotaForOrigin is not enforced for IndexedDB writes in this Chromium.)
    await context.addInitScript(() => {
      const flags = window as unknown as { __mlDiskFull: boolean };
      flags.__mlDiskFull = false;
      for (const method of ['put', 'add'] as const) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
          const request = original.apply(this, args);
          if (flags.__mlDiskFull) {
            const tx = this.transaction;
            request.addEventListener('success', () => {
              Object.defineProperty(tx, 'error', { value: new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
              tx.abort();
            });
          }
          return request;
        };
      }
    });
    const diskFull = (full: boolean) => page.evaluate((f) => ((window as unknown as { __mlDiskFull: boolean }).__mlDiskFull = f), full);
    await openApp(page);
    const name = await currentProcessName(page);
    const processId = await page.evaluate(() => (window as unknown as AppWindow).missinglink.controller.state.current!.id);
    await page.evaluate(() => (window as unknown as { missinglink: { controller: { saveVersion(label: string): Promise<void> } } }).missinglink.controller.saveVersion('Voor de volle schijf'));
    const before = (await storedProcesses(page)).find((row) => row.id === processId)!;
    const libraryBefore = await libraryNames(page);

    await diskFull(true);
    await renameFirstTask(page, 'Na volle schijf 1');
    const alert = page.locator('ml-notices [role="alert"]');
    await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(1);
    expect(await alert.textContent()).toContain('De browser heeft geen opslagruimte meer: je laatste wijzigingen zijn nog niet opgeslagen.');
    expect(await alert.textContent()).toContain('Eerder opgeslagen werk en versies blijven bewaard');
    expect(await page.locator('.save-status').textContent()).toBe('Niet opgeslagen: opslag vol');

    // Editing goes on; the error is not repeated per edit; creating a process is refused with the same message.
    await renameFirstTask(page, 'Na volle schijf 2');
    expect(await firstTaskName(page)).toBe('Na volle schijf 2');
    await page.waitForTimeout(800);
    expect(await alert.count(), 'one message for the whole run of failed saves').toBe(1);
    await page.click('ml-library [data-action="new"]');
    await waitUntilIdle(page);
    expect(await libraryNames(page)).toEqual(libraryBefore);
    expect(await currentProcessName(page)).toBe(name);
    expect(await firstTaskName(page), 'the open model is untouched by the refused creation').toBe('Na volle schijf 2');
    await page.screenshot({ path: screenshotPath('storage-full') });

    // Nothing stored was touched: the last save and the version are still there.
    const during = (await storedProcesses(page)).find((row) => row.id === processId)!;
    expect(during.xml).toBe(before.xml);
    expect(during.revision).toBe(before.revision);
    expect(await storedVersionLabels(page, processId)).toEqual(['Voor de volle schijf']);

    // Space is back: the user asks to try again, and everything is stored.
    await diskFull(false);
    await alert.first().getByRole('button', { name: 'Opnieuw proberen op te slaan' }).click();
    await waitUntilSaved(page);
    await expect.poll(() => page.locator('ml-notices [role="status"]').last().textContent()).toContain('Opslaan lukt weer');
    const remaining = await page.locator('ml-notices [role="alert"]').allTextContents();
    expect(remaining.join(' '), 'the failed-save message is gone; the refused creation stays reported').not.toContain('nog niet opgeslagen');
    expect(remaining.join(' ')).toContain('dus dit is niet opgeslagen');
    const after = (await storedProcesses(page)).find((row) => row.id === processId)!;
    expect(after.xml).toContain('Na volle schijf 2');
    expect(after.revision).toBe((before.revision as number) + 1);
    await page.reload();
    await waitUntilReady(page);
    expect(await firstTaskName(page)).toBe('Na volle schijf 2');
    expect(errors).toEqual([]);
    await context.close();
  });
});

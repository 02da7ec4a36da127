import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { generateCollaboration } from '../../bench/lib/generate-collaboration';
import { launchKillable, type KillableBrowser } from '../support/killable-browser';
import { importFile, libraryNames, openApp, waitUntilIdle, waitUntilSaved } from '../support/app';

// A full disk the way it was found: the browser profile lives on a real, small
// filesystem (tmpfs, 48 MiB), the disk is filled with a file, the open model is edited,
// space is freed, and the browser is started again on the same profile. Then the two
// ways Chromium reacts to such a failure are played out on that profile: it deletes the
// IndexedDB database (the copy in the private file system brings the library back), and
// everything of the origin but localStorage is gone (no samples over the lost library).
//
// Mounting needs root (or CAP_SYS_ADMIN). Where the mount is refused the test is skipped
// and says why; docs/durability.md has the same procedure by hand.

const MOUNT_SIZE = '48m';
let mountDir = '';
let mountRefused: string | undefined;

function tryMount(dir: string): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${MOUNT_SIZE},mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
  }
}

beforeAll(async () => {
  mountDir = await mkdtemp(join(tmpdir(), 'missinglink-small-disk-'));
  mountRefused = tryMount(mountDir);
  if (mountRefused) {
    console.warn(
      `[full-disk] SKIPPED: a small filesystem could not be mounted here (${mountRefused}). ` +
        'Run the e2e suite as root, or follow the manual procedure in docs/durability.md ("A full disk by hand").'
    );
  }
});

afterAll(async () => {
  if (!mountRefused) {
    // Lazy unmount: a helper process of a killed browser may still hold a file open for a moment.
    try {
      execFileSync('umount', [mountDir], { stdio: 'pipe' });
    } catch {
      execFileSync('umount', ['-l', mountDir], { stdio: 'pipe' });
    }
  }
  await rm(mountDir, { recursive: true, force: true });
});

type AppWindow = Window & {
  missinglink: {
    modeler: { get<T = any>(name: string): T; saveXML(options?: { format?: boolean }): Promise<{ xml?: string }> };
    controller: { state: { current?: { id: string; name: string; revision: number }; saveState: string; notices: { message: string }[] } };
  };
};

async function renameFirstTask(page: Page, name: string): Promise<void> {
  await page.evaluate((newName) => {
    const { modeler } = (window as unknown as AppWindow).missinglink;
    const task = modeler.get('elementRegistry').filter((e: { type: string }) => e.type === 'bpmn:Task')[0];
    modeler.get('modeling').updateLabel(task, newName);
  }, name);
}

async function firstTaskName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const { modeler } = (window as unknown as AppWindow).missinglink;
    return modeler.get('elementRegistry').filter((e: { type: string }) => e.type === 'bpmn:Task')[0].businessObject.name as string;
  });
}

/** Opens a process from the library by its name, as a user clicks it. */
async function openByName(page: Page, name: string): Promise<void> {
  const current = await page.evaluate(() => (window as unknown as AppWindow).missinglink.controller.state.current?.name);
  if (current === name) return;
  await page.locator('ml-library li .open', { hasText: name }).first().click();
  await page.waitForTimeout(50);
  await waitUntilIdle(page);
}

/** Fills the filesystem to the last byte with a filler file, as `dd if=/dev/zero` does. */
async function fillDisk(dir: string): Promise<string> {
  const filler = join(dir, 'filler');
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1M'], { stdio: 'pipe' });
  } catch {
    // dd ends with "No space left on device": that is the point
  }
  return filler;
}

async function freeBytes(dir: string): Promise<number> {
  const s = await statfs(dir);
  return s.bavail * s.bsize;
}

/** Captures the next file the app offers for download (the blob behind the anchor), as bytes. */
async function captureDownload(page: Page, trigger: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  await page.evaluate(() => {
    const w = window as unknown as { __mlDownload?: Promise<{ name: string; bytes: number[] }> };
    w.__mlDownload = new Promise((resolve) => {
      const blobs = new Map<string, Blob>();
      const createObjectURL = URL.createObjectURL;
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        const url = createObjectURL(blob);
        if (blob instanceof Blob) blobs.set(url, blob);
        return url;
      };
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        HTMLAnchorElement.prototype.click = click;
        URL.createObjectURL = createObjectURL;
        const name = this.download;
        void blobs.get(this.href)!.arrayBuffer().then((b) => resolve({ name, bytes: [...new Uint8Array(b)] }));
      };
    });
  });
  await trigger();
  const got = await page.evaluate(() => (window as unknown as { __mlDownload: Promise<{ name: string; bytes: number[] }> }).__mlDownload);
  return { name: got.name, bytes: new Uint8Array(got.bytes) };
}

/** The profile's IndexedDB folders for the app's origin (Chromium keeps one LevelDB plus a blob folder per origin). */
async function indexedDbFolders(profile: string): Promise<string[]> {
  const root = join(profile, 'Default', 'IndexedDB');
  return (await readdir(root).catch(() => [] as string[])).filter((name) => name.startsWith('http_127.0.0.1')).map((name) => join(root, name));
}

/** A browser on the profile with the app in Dutch. */
async function launchDutch(profile: string): Promise<KillableBrowser> {
  const kb = await launchKillable(profile);
  await kb.context.addInitScript(() => localStorage.setItem('missinglink.locale', 'nl'));
  return kb;
}

describe('durability: a real full disk', () => {
  it('given the browser profile on a small filesystem that fills up, then the storage-full message shows, the library survives the restart, a deleted database comes back from the copy, and a lost library gets no samples', async (context) => {
    if (mountRefused) return context.skip(`no small filesystem: ${mountRefused}`);
    const profile = join(mountDir, 'profile');
    let kb: KillableBrowser | undefined = await launchDutch(profile);
    kb.context.on('console', (m) => m.type() !== 'debug' && console.log(`[page] ${m.text().slice(0, 200)}`));
    const figures: string[] = [];
    const step = (what: string) => console.log(`[full-disk] ${new Date().toISOString().slice(11, 19)} ${what}`);
    try {
      let page = await kb.context.newPage();
      await openApp(page);
      const samples = await libraryNames(page);
      await importFile(page, 'lead-naar-order.bpmn', generateCollaboration({ flowNodes: 300, lanes: 4, withValueChain: true }));
      await waitUntilSaved(page);
      await importFile(page, 'klantreis.bpmn', generateCollaboration({ flowNodes: 150, lanes: 3, withValueChain: true }));
      await waitUntilSaved(page);
      const library = await libraryNames(page);
      expect(library.length).toBe(samples.length + 2);
      // Its state as imported: the oldest state the copy may still hold after a crash (see below).
      const asImported = await firstTaskName(page);
      await renameFirstTask(page, 'Opgeslagen voor de volle schijf');
      await waitUntilSaved(page);
      const edited = (await page.evaluate(() => (window as unknown as AppWindow).missinglink.controller.state.current!.name));
      const persisted = await page.evaluate(() => navigator.storage.persisted());
      figures.push(`persistent storage granted: ${persisted}`);

      step('The disk fills up');
      // The disk fills up; the user edits on.
      const filler = await fillDisk(mountDir);
      expect(await freeBytes(mountDir)).toBeLessThan(64 * 1024);
      // A write can still land in what LevelDB already had allocated; the user edits on until one fails.
      const alert = page.locator('ml-notices [role="alert"]');
      let edits = 0;
      let alertText = '';
      let statusWhenFailed = '';
      for (const deadline = Date.now() + 60_000; !alertText && Date.now() < deadline; ) {
        await renameFirstTask(page, `Bewerkt op een volle schijf ${++edits}`);
        for (let i = 0; i < 15 && !alertText; i++) {
          await page.waitForTimeout(100);
          if ((await alert.count()) > 0) {
            alertText = (await alert.allTextContents()).join(' ');
            statusWhenFailed = (await page.locator('.save-status').textContent()) ?? '';
          }
        }
      }
      figures.push(`edits until a save failed: ${edits}`, `message while full: ${alertText.trim().slice(0, 100)}…`);
      // Either the write failed (storage full) or Chromium already deleted the database under the tab.
      expect(alertText).toMatch(/De browser heeft geen opslagruimte meer|De browser heeft de database van de bibliotheek verwijderd/);
      expect(alertText).toContain('Maak ruimte vrij op de schijf');
      expect(alertText).not.toContain('Er ging iets mis');
      expect(statusWhenFailed).toBe('Niet opgeslagen: opslag vol');
      await renameFirstTask(page, 'Bewerkt op een volle schijf');
      expect(await firstTaskName(page), 'the open model keeps the edit').toBe('Bewerkt op een volle schijf');

      step('Everything can be downloade');
      // Everything can be downloaded while the disk is full, the unsaved edit included.
      const download = await captureDownload(page, () => page.click('ml-library [data-action="download-all"]'));
      expect(download.name).toMatch(/^missinglink-library-\d{4}-\d{2}-\d{2}\.zip$/);
      const files = unzipSync(download.bytes);
      expect(Object.keys(files).length).toBe(library.length);
      expect(Object.values(files).some((bytes) => strFromU8(bytes).includes('Bewerkt op een volle schijf'))).toBe(true);
      figures.push(`download while full: ${Object.keys(files).length} files, ${download.bytes.length} bytes`);

      step('Space is freed');
      // Space is freed; the next save reopens the database and stores the work.
      await rm(filler);
      await renameFirstTask(page, 'Opgeslagen na het vrijmaken');
      const retry = alert.getByRole('button', { name: 'Opnieuw proberen op te slaan' });
      if ((await retry.count()) > 0) await retry.first().click();
      await waitUntilSaved(page);
      expect(await libraryNames(page)).toEqual(library);

      step('Restart the browser');
      // Restart the browser on the same profile: the library and the last edit are there.
      await kb.close();
      kb = await launchDutch(profile);
      page = await kb.context.newPage();
      await openApp(page);
      expect(await libraryNames(page), 'no process lost, none re-seeded').toEqual(library);
      await openByName(page, edited);
      expect(await firstTaskName(page)).toBe('Opgeslagen na het vrijmaken');
      // Chromium writes localStorage to disk in batches, seconds after the page wrote it; a browser
      // closed sooner keeps the copy as it was on disk before (see the known limits in docs/durability.md).
      await page.waitForTimeout(3000);

      step('Chromium deletes a database');
      // Chromium deletes the storage bucket it considers corrupt (IndexedDB and the private file
      // system together, as seen above while the disk was full): play that out on the profile.
      await kb.close();
      kb = undefined;
      const folders = await indexedDbFolders(profile);
      expect(folders.length, 'the app origin has an IndexedDB folder in the profile').toBeGreaterThan(0);
      for (const folder of folders) await rm(folder, { recursive: true, force: true });
      kb = await launchDutch(profile);
      page = await kb.context.newPage();
      await openApp(page);
      expect(await libraryNames(page), 'the library comes back from the copy; no samples are added on top').toEqual(library);
      await openByName(page, edited);
      // The copy may lag behind the database by the saves Chromium had not yet written to disk
      // (localStorage is flushed in batches; on a loaded machine even every save since the
      // import): a stored state of the process, never nothing (docs/durability.md, known limits).
      const fromCopy = await firstTaskName(page);
      const aStateItHad = fromCopy === asImported || /^(Opgeslagen na het vrijmaken|Bewerkt op een volle schijf( \d+)?|Opgeslagen voor de volle schijf)$/.test(fromCopy);
      expect(aStateItHad, `restored as "${fromCopy}"`).toBe(true);
      figures.push(`edited process restored from the copy as: "${fromCopy}"`);
      const restored = page.locator('ml-notices [data-tone="info"]', { hasText: 'teruggezet uit de tweede kopie' });
      await expect.poll(() => restored.count()).toBe(1);
      figures.push(`after the database was deleted: ${(await restored.textContent())?.trim().slice(0, 120)}`);
      await page.screenshot({ path: join(tmpdir(), 'missinglink-library-restored.png') });

      step('And when the copy is gone');
      // Chromium writes its cookie store to disk every 30 s or so: wait until the note is in the file.
      await expect
        .poll(async () => (await readFile(join(profile, 'Default', 'Cookies')).catch(() => Buffer.alloc(0))).includes('missinglink_library_existed'), {
          timeout: 45_000,
          interval: 1000
        })
        .toBe(true);
      // And when the copy (localStorage) is gone as well, the lost library is reported (a cookie still
      // remembers it existed) and not papered over with samples.
      await kb.close();
      kb = undefined;
      for (const folder of await indexedDbFolders(profile)) await rm(folder, { recursive: true, force: true });
      await rm(join(profile, 'Default', 'File System'), { recursive: true, force: true });
      await rm(join(profile, 'Default', 'Local Storage'), { recursive: true, force: true });
      kb = await launchDutch(profile);
      page = await kb.context.newPage();
      await openApp(page);
      const lost = page.locator('ml-notices [role="alert"]', { hasText: 'De bibliotheek in deze browser is weg' });
      await expect.poll(() => lost.count()).toBe(1);
      const names = await libraryNames(page);
      expect(names.some((n) => samples.includes(n)), 'no samples over a vanished library').toBe(false);
      figures.push(`after database and copy were deleted: library ${JSON.stringify(names)}`);
      console.log(`[full-disk] ${figures.join('; ')}`);
    } finally {
      await kb?.close();
    }
  }, 180_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import { openApp, waitUntilIdle } from '../support/app';
import { MUTATION_FAMILIES, Random, generateVariants, type Variant } from '../support/mutate';
import { HOSTILE_PER_SOURCE } from '../unit/robustness/hostile-families';
import { HOSTILE_SEED, hostileSources } from '../unit/robustness/hostile-support';

/*
 * A sample of the hostile variants (test/unit/robustness) driven through the real
 * import path in Chromium, bpmn-js included: a file that is refused leaves every row
 * of every IndexedDB table exactly as it was and the open model on screen; a file
 * that opens adds one process (and its import version) and nothing else. No page
 * error, no dialog, and no request leaves the app's own origin.
 */

const PER_FAMILY = 4;

/** A seeded sample: PER_FAMILY variants of every family, without the ones over the size limit. */
function sample(): Variant[] {
  const all = generateVariants(hostileSources(), { seed: HOSTILE_SEED, perSource: HOSTILE_PER_SOURCE });
  const random = new Random(HOSTILE_SEED);
  return MUTATION_FAMILIES.flatMap((family) => {
    const pool = all.filter((v) => v.family === family && v.bytes.length < 5_000_000);
    const picked: Variant[] = [];
    while (picked.length < Math.min(PER_FAMILY, pool.length)) {
      const candidate = pool[random.int(pool.length)]!;
      if (!picked.includes(candidate)) picked.push(candidate);
    }
    return picked;
  });
}

/** Every row of every table of the app's database, as a digest plus counts (rows can be megabytes). */
async function libraryDigest(page: Page): Promise<{ digest: string; counts: Record<string, number> }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('missinglink');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const counts: Record<string, number> = {};
    const parts: string[] = [];
    for (const name of [...db.objectStoreNames].sort()) {
      const rows = await new Promise<Array<[IDBValidKey, unknown]>>((resolve, reject) => {
        const out: Array<[IDBValidKey, unknown]> = [];
        const request = db.transaction(name).objectStore(name).openCursor();
        request.onsuccess = () => {
          const cursor = request.result;
          if (!cursor) return resolve(out);
          out.push([cursor.primaryKey, cursor.value]);
          cursor.continue();
        };
        request.onerror = () => reject(request.error);
      });
      counts[name] = rows.length;
      parts.push(JSON.stringify([name, rows]));
    }
    db.close();
    const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\n')));
    return { digest: [...new Uint8Array(hash)].map((b) => b.toString(16).padStart(2, '0')).join(''), counts };
  });
}

/** Imports bytes as a dropped file through the controller and reports what the user saw. */
async function importBytes(page: Page, name: string, bytes: Uint8Array) {
  return page.evaluate(
    async ({ name, base64 }) => {
      type Controller = EventTarget & {
        state: { busy: boolean; current?: { id: string }; notices: Array<{ id: number; tone: string; message: string; detail?: string }> };
        importFiles(files: File[]): void;
      };
      const { controller, modeler } = (window as unknown as { missinglink: { controller: Controller; modeler: any } }).missinglink;
      const binary = atob(base64);
      const data = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
      const lastNotice = controller.state.notices.at(-1)?.id ?? 0;
      const openBefore = controller.state.current?.id;
      const done = new Promise<void>((resolve) => {
        const check = () => {
          if (!controller.state.busy) {
            controller.removeEventListener('change', check);
            resolve();
          }
        };
        controller.addEventListener('change', check);
      });
      const started = performance.now();
      controller.importFiles([new File([data], name, { type: 'application/xml' })]);
      await done;
      const ms = performance.now() - started;
      const notices = controller.state.notices.filter((n) => n.id > lastNotice);
      let saved = true;
      try {
        await modeler.saveXML();
      } catch {
        saved = false;
      }
      return {
        ms,
        error: notices.find((n) => n.tone === 'error'),
        success: notices.find((n) => n.tone === 'success'),
        switched: controller.state.current?.id !== openBefore,
        drawn: modeler.get('elementRegistry').filter((e: { type: string; parent?: unknown }) => e.type !== 'label' && e.parent).length,
        saved
      };
    },
    { name, base64: Buffer.from(bytes).toString('base64') }
  );
}

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
const foreignRequests: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page, errors } = await newAppPage(browser));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openApp(page);
  const origin = new URL(page.url()).origin;
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('hostile files through the real import path in Chromium', () => {
  const variants = sample();

  it('samples every kind of damage', () => {
    expect(variants.length).toBe(MUTATION_FAMILIES.length * PER_FAMILY);
  });

  it.each(variants.map((v) => [v.id, v] as const))('%s: refused with the library untouched, or opened as one new process', async (_id, variant) => {
    // given the library as it is
    const before = await libraryDigest(page);
    // when the hostile file is imported
    const outcome = await importBytes(page, `${variant.family}.bpmn`, variant.bytes);
    await waitUntilIdle(page);
    const after = await libraryDigest(page);
    // then it took less than 5 s and the model on screen can always be saved
    expect(outcome.ms).toBeLessThan(5000);
    expect(outcome.saved).toBe(true);
    if (outcome.error) {
      // a refusal names the file, changes no row of any table and keeps the open model
      expect(outcome.error.message).toContain(`${variant.family}.bpmn`);
      expect(outcome.success).toBeUndefined();
      expect(outcome.switched).toBe(false);
      expect(after).toEqual(before);
    } else {
      // an opened file is one new process with its import version, drawn on the canvas
      expect(outcome.success?.message).toMatch(/^Imported: /);
      expect(outcome.switched).toBe(true);
      expect(after.counts.processes).toBe(before.counts.processes! + 1);
      expect(after.counts.versions).toBe(before.counts.versions! + 1);
      expect(after.counts.settings).toBe(before.counts.settings);
    }
  });

  it('raised no page error, opened no dialog and sent no request outside the app', () => {
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect((page as Page).url()).toMatch(/^http:\/\/127\.0\.0\.1/);
  });
});

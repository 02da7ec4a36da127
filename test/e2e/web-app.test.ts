import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newAppPage } from '../support/browser';
import { appUrl, libraryNames, openApp, waitUntilIdle, waitUntilReady, waitUntilSaved } from '../support/app';
import { closePanel, cspConsoleMessages, download, exportModel, openPanel, pageAlarms, panelIds, recordRequests, watchPage } from '../support/tour';

/*
 * The built app as a web app: its Content-Security-Policy holds during a tour of every
 * feature, it talks to nobody but its own origin (after loading, only for its own
 * static files), and once loaded it starts and works without network.
 */

const dist = new URL('../../dist/', import.meta.url).pathname;

/** Every file of the build, as a path below the app's folder ("assets/ml-app-….js"). */
function builtFiles(): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.add(relative(dist, path).split('\\').join('/'));
    }
  };
  walk(dist);
  return out;
}

/** Runs a model edit through the modeler's command stack, as the UI does. */
async function renameFirstTask(page: Page, name: string): Promise<string> {
  return page.evaluate((newName) => {
    const { modeler } = (window as unknown as { missinglink: { modeler: { get(n: string): any } } }).missinglink;
    const task = modeler.get('elementRegistry').filter((e: { type: string }) => e.type === 'bpmn:Task' || e.type === 'bpmn:UserTask')[0];
    modeler.get('modeling').updateLabel(task, newName);
    return task.id as string;
  }, name);
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('Content-Security-Policy and network', () => {
  it('keeps a strict policy through a tour of every feature, and requests nothing but its own static files', async () => {
    const { context, page, errors } = await newAppPage(browser, { serviceWorkers: 'allow' });
    await watchPage(context);
    const cspConsole = cspConsoleMessages(page);
    const requests = recordRequests(context);

    // given the built app, loaded
    await openApp(page);
    const origin = new URL(page.url()).origin;
    const base = new URL('./', page.url()).href;
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const directives = new Map(policy!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    const afterLoad = requests.length;

    // when the user opens every sample, edits, exports and opens every panel
    const samples = await libraryNames(page);
    expect(samples.length).toBeGreaterThanOrEqual(4);
    for (const name of samples) {
      await page.locator('ml-library li .open', { hasText: name }).first().click();
      await waitUntilIdle(page);
      await waitUntilReady(page);
    }
    await renameFirstTask(page, 'Aanvraag beoordelen');
    await waitUntilSaved(page);
    await page.click('[data-action="undo"]');
    const bpmn = await exportModel(page, 'bpmn');
    expect(bpmn.text).toContain('bpmn:definitions');
    const svg = await exportModel(page, 'svg');
    expect(svg.text).toContain('<svg');
    const png = await exportModel(page, 'png');
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    const panels = await panelIds(page);
    expect(panels).toEqual(expect.arrayContaining(['properties', 'kpi-table', 'raci-matrix', 'audit', 'dashboard', 'simulation']));
    for (const id of panels) {
      const panel = await openPanel(page, id);
      if (id === 'dashboard') await panel.locator('canvas').first().waitFor();
      if (id === 'kpi-table' || id === 'raci-matrix') {
        const csv = await download(page, () => panel.locator('[data-action="export-csv"]').click());
        expect(csv.text.length).toBeGreaterThan(10);
      }
      if (id === 'audit') {
        await panel.locator('[data-action="report"]').click();
        await page.locator('ml-audit-report section[data-section="diagram"] img').waitFor();
        await page.waitForFunction(() => {
          const img = document.querySelector('ml-audit-report')?.shadowRoot?.querySelector('section[data-section="diagram"] img') as HTMLImageElement | null;
          return !!img && img.complete && img.naturalWidth > 0;
        });
        const md = await download(page, () => page.locator('ml-audit-report [data-download="md"]').click());
        expect(md.text).toContain('Audit report');
        await page.locator('ml-audit-report [data-action="close-report"]').click();
      }
      if (id === 'simulation') {
        await panel.locator('[role="tab"][data-mode="batch"]').click();
        await panel.locator('button[data-action="run-batch"]').click();
        await panel.locator('.scenario').first().waitFor({ timeout: 60_000 });
      }
      await closePanel(page, id);
    }

    // then no policy was violated and nothing failed
    const alarms = await pageAlarms(page);
    expect(alarms.violations).toEqual([]);
    expect(cspConsole).toEqual([]);
    expect(errors).toEqual([]);

    // and every request after loading went to a file of the build, on the app's own origin
    const files = builtFiles();
    const later = requests.slice(afterLoad).filter((url) => !url.startsWith('blob:') && !url.startsWith('data:'));
    const strangers = later.filter((url) => !url.startsWith(origin) || !files.has(decodeURIComponent(new URL(url).pathname.slice(new URL(base).pathname.length))));
    expect(strangers).toEqual([]);
    // and none before either left the origin
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);

    // and the policy is really enforced: an inline script added by hand does not run
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__mlInline = true';
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 50));
      return (window as unknown as { __mlInline?: boolean }).__mlInline === true;
    });
    expect(ran).toBe(false);
    expect((await pageAlarms(page)).violations.map((v) => v.directive)).toEqual([expect.stringMatching(/^script-src/)]);
    await context.close();
  });
});

describe('offline and installable', () => {
  it('links a web app manifest with a name, icons and standalone display', async () => {
    const { context, page } = await newAppPage(browser);
    await openApp(page);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const url = new URL(href!, page.url()).href;
    const response = await page.request.get(url);
    expect(response.ok()).toBe(true);
    const manifest = (await response.json()) as { name: string; short_name: string; start_url: string; display: string; theme_color: string; icons: Array<{ src: string; sizes: string; type: string; purpose?: string }> };
    expect(manifest.short_name).toBe('MissingLink');
    expect(manifest.name).toContain('MissingLink');
    expect(manifest.display).toBe('standalone');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(new URL(manifest.start_url, url).href).toBe(new URL('./', page.url()).href);
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const image = await page.request.get(new URL(icon.src, url).href);
      expect(image.ok(), icon.src).toBe(true);
      expect(image.headers()['content-type']).toContain(icon.type.split('+')[0]!);
      if (icon.type === 'image/png') {
        const bytes = await image.body();
        const [width, height] = icon.sizes.split('x').map(Number);
        expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([width, height]);
      }
    }
    await context.close();
  });

  it('starts without network once loaded, opens a sample from the library and keeps the edits in the library', async () => {
    const { context, page, errors } = await newAppPage(browser, { serviceWorkers: 'allow' });
    await watchPage(context);
    // given the cache an earlier version left behind (made from a plain file of the same origin, before the app runs)
    await page.goto(new URL('manifest.webmanifest', appUrl()).href);
    await page.evaluate(async () => {
      await (await caches.open('missinglink-app-0123456789abcdef')).put('old.js', new Response('old'));
    });
    // and the app loaded once (the worker is registered only once the app has started, so
    // caching the whole build does not slow the start), its service worker installed and in control
    await page.addInitScript(() => {
      const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
      navigator.serviceWorker.register = (...args: Parameters<typeof register>) => {
        const app = (window as unknown as { missinglink?: { controller: { state: { booted: boolean; busy: boolean } } } }).missinglink;
        (window as unknown as { registeredWhen: unknown }).registeredWhen = {
          started: !!app && app.controller.state.booted && !app.controller.state.busy,
          diagram: !!document.querySelector('.djs-container .djs-element')
        };
        return register(...args);
      };
    });
    await openApp(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { registeredWhen: unknown }).registeredWhen)).toEqual({ started: true, diagram: true });
    // then only this version's cache is left
    const cached = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('missinglink-app-')));
    expect(cached).toHaveLength(1);
    expect(cached[0]).not.toBe('missinglink-app-0123456789abcdef');

    // when the network is gone and the page is reloaded
    await context.setOffline(true);
    await page.reload();
    await waitUntilReady(page);

    // then the app starts, lists the library, opens a sample and draws it; every panel's code is there
    const names = await libraryNames(page);
    const other = names.find((n) => n !== names[0])!;
    await page.locator('ml-library li .open', { hasText: other }).first().click();
    await waitUntilIdle(page);
    await expect.poll(() => page.locator('.doc-name').textContent()).toBe(other);
    expect(await page.locator('.djs-container .djs-element').count()).toBeGreaterThan(10);
    for (const id of await panelIds(page)) {
      await openPanel(page, id);
      await closePanel(page, id);
    }
    // and an edit is saved in the browser's database although there is no network
    await renameFirstTask(page, 'Offline bewerkt');
    await waitUntilSaved(page);
    expect((await pageAlarms(page)).violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a new version', () => {
  it('given the app installed for offline use, when a new build is published, then a notice offers Reload, and Reload switches to it with the last edit kept', async () => {
    // The built app on a server of its own, where "publishing a new build" changes sw.js.
    let published = false;
    const server = await preview({
      root: resolve(dist, '..'),
      preview: { port: 0, host: '127.0.0.1', strictPort: false },
      logLevel: 'error',
      plugins: [
        {
          name: 'publish-new-build',
          configurePreviewServer(s) {
            s.middlewares.use((req, res, next) => {
              if (!published || !req.url?.split('?')[0]!.endsWith('/sw.js')) return next();
              res.setHeader('Content-Type', 'text/javascript');
              res.setHeader('Cache-Control', 'no-cache');
              res.end(readFileSync(join(dist, 'sw.js'), 'utf8') + '\n// the next build\n');
            });
          }
        }
      ]
    });
    const url = server.resolvedUrls!.local[0]!;
    const { context, page, errors } = await newAppPage(browser, { serviceWorkers: 'allow' });
    try {
      // given the app, opened once and in control of its service worker
      await openApp(page, url);
      await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 30_000 });
      const notices = page.locator('ml-notices .notice');
      expect(await notices.filter({ hasText: 'new version' }).count()).toBe(0);

      // when the user edits, and meanwhile a new build is published and found
      const taskId = await renameFirstTask(page, 'Offerte opstellen (nieuw)');
      published = true;
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

      // then a notice says so, with Reload
      const notice = notices.filter({ hasText: 'A new version of MissingLink is ready.' });
      await notice.waitFor({ timeout: 30_000 });
      const reload = notice.getByRole('button', { name: 'Reload' });

      // and Reload saves, switches to the new worker and reloads
      const reloaded = page.waitForEvent('load', { timeout: 30_000 });
      await reload.click();
      await reloaded;
      await waitUntilReady(page);
      const after = await page.evaluate(async () => {
        const registration = (await navigator.serviceWorker.getRegistration())!;
        return { waiting: !!registration.waiting, controlled: navigator.serviceWorker.controller?.state };
      });
      expect(after).toEqual({ waiting: false, controlled: 'activated' });
      expect(await notices.filter({ hasText: 'new version' }).count()).toBe(0);
      // the edit made just before is there
      const name = await page.evaluate(
        (id) => (window as unknown as { missinglink: { modeler: { get(n: string): any } } }).missinglink.modeler.get('elementRegistry').get(id).businessObject.name,
        taskId
      );
      expect(name).toBe('Offerte opstellen (nieuw)');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await new Promise<void>((done) => server.httpServer.close(() => done()));
    }
  });
});

import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Flags that keep headless Chromium quiet on a machine without outside network. */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage'
];

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Finds a Chromium: $CHROMIUM_PATH, a system install, or the one shipped in @sparticuz/chromium. */
export async function findChromium(): Promise<{ executablePath: string; args: string[]; source: string }> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return { executablePath: fromEnv, args: QUIET_FLAGS, source: 'env' };
  if (process.env.MISSINGLINK_BUNDLED_CHROMIUM !== '1') {
    for (const candidate of SYSTEM_CANDIDATES) {
      if (existsSync(candidate)) return { executablePath: candidate, args: QUIET_FLAGS, source: 'system' };
    }
  }
  const bundled = (await import('@sparticuz/chromium')).default;
  const executablePath = await bundled.executablePath();
  const args = [...new Set([...bundled.args.filter((a) => !a.startsWith('--single-process')), ...QUIET_FLAGS])];
  return { executablePath, args, source: 'bundled' };
}

/** Launches a headless Chromium for a test file. */
export async function launchBrowser(): Promise<Browser> {
  const { executablePath, args } = await findChromium();
  return chromium.launch({ executablePath, args, headless: true });
}

/**
 * A fresh browser context (its own empty IndexedDB) with a page, failing the test on
 * page errors. The app's service worker is blocked unless `serviceWorkers: 'allow'`:
 * caching the whole build in every context would slow the other tests down, and
 * requests a worker answers are invisible to page.route (see test/e2e/web-app.test.ts
 * for the tests that let it run).
 */
export async function newAppPage(
  browser: Browser,
  opts: { locale?: string; viewport?: { width: number; height: number }; serviceWorkers?: 'allow' | 'block' } = {}
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1440, height: 900 },
    locale: opts.locale ?? 'en-GB',
    acceptDownloads: true,
    serviceWorkers: opts.serviceWorkers ?? 'block'
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  return { context, page, errors };
}

import { defineConfig, type ViteUserConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { findChromium } from './test/support/browser';
import { contentSecurityPolicy } from './src/build/content-security-policy';
import { serviceWorker } from './src/build/service-worker';
import { preloadApp } from './src/build/preload-app';

// One config for the app build and the three test projects: pure code in node,
// modeler behaviours and commands on a real bpmn-js Modeler in Chromium (vitest's
// browser mode), and end-to-end tests that drive the built app in a real Chromium.
export default defineConfig(async (): Promise<ViteUserConfig> => ({
  base: './',
  // The built app carries its Content-Security-Policy and works offline (see docs/robustness.md).
  plugins: [contentSecurityPolicy(), serviceWorker(), preloadApp()],
  // The model worker (src/app/model-worker) is a module worker, split into chunks like the page.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500
  },
  preview: { port: 4173, strictPort: false },
  test: {
    // PouchDB's HTTP adapter leaves a request rejected when a test kills the workspace server
    // in the middle of replication (test/unit/workspace/replica.test.ts); replication retries,
    // and the tests assert what the replica then reports. Any other unhandled error still fails the run.
    onUnhandledError(error) {
      const e = error as { name?: string; code?: string; message?: string };
      if (e?.name === 'FetchError' && /ECONNRESET|ECONNREFUSED|socket hang up/.test(`${e.code ?? ''} ${e.message ?? ''}`)) return false;
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90000
        }
      },
      {
        // Not `extends: true`: the app's build plugins (CSP, service worker) do not belong in the test page.
        test: {
          name: 'browser-unit',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 30000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({ launchOptions: await chromiumLaunchOptions() }),
            instances: [{ browser: 'chromium' }]
          }
        }
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/e2e-global-setup.ts'],
          testTimeout: 60000,
          hookTimeout: 60000,
          fileParallelism: false
        }
      }
    ]
  }
}));

/**
 * The Chromium the browser unit tests run in: the one the e2e tests find
 * (test/support/browser.ts). Looked up only when vitest runs, so an app build never
 * unpacks the bundled Chromium.
 */
async function chromiumLaunchOptions(): Promise<{ executablePath?: string; args?: string[] }> {
  if (!process.env.VITEST) return {};
  const { executablePath, args } = await findChromium();
  return { executablePath, args };
}

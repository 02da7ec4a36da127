import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy } from './src/build/content-security-policy';
import { serviceWorker } from './src/build/service-worker';
import { preloadApp } from './src/build/preload-app';

// One config for the app build and both test projects: pure code in node,
// end-to-end tests that drive the built app in a real Chromium.
export default defineConfig({
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
});

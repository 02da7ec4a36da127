import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseBpmn } from '../../../src/model/bpmn-io';
import { runBatch, type BatchOptions } from '../../../src/simulation/batch';
import { runCapacitySimulation, type CapacityRunOptions } from '../../../src/simulation/capacity';
import { launchBrowser } from '../../support/browser';
import { loadModel, readFixture } from './support';

type Bundle = { output: Array<{ type: string; code?: string }> };

/** The engine bundled for the browser, as the app's build would (vite, in memory). */
async function bundleEngine(): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: fileURLToPath(new URL('./browser-entry.ts', import.meta.url)), formats: ['iife'], name: 'MissingLinkSimulation' }
    }
  })) as Bundle | Bundle[];
  const chunk = (Array.isArray(out) ? out[0]! : out).output.find((o) => o.type === 'chunk');
  return chunk!.code!;
}

describe('same seed, same numbers in node and in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const [code, launched] = await Promise.all([bundleEngine(), launchBrowser()]);
    browser = launched;
    page = await browser.newPage();
    await page.addScriptTag({ content: code });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['parallel.bpmn', { cases: 3000, seed: 3 }],
    ['quote-collaboration.bpmn', { cases: 3000, seed: 'audit', scenario: 'realised' }],
    ['rework-loop.bpmn', { cases: 3000, seed: 11 }]
  ] as Array<[string, BatchOptions]>)(
    'given %s and %j, when the batch runs in both, then the JSON results are identical',
    async (file, options) => {
      const xml = readFixture(file);
      const inBrowser = await page.evaluate(
        ([text, opts]) => (globalThis as unknown as { simulateInBrowser(x: string, o: BatchOptions): Promise<string> }).simulateInBrowser(text, opts),
        [xml, options] as const
      );
      const inNode = JSON.stringify(runBatch(await loadModel(file), options));
      expect(inBrowser).toBe(inNode);
      // And the run did real work: random lead times, not a constant.
      expect(JSON.parse(inNode).tokenMoves).toBeGreaterThan(10_000);
    },
    60_000
  );

  it.each([
    ['van-lead-tot-order.bpmn', { cases: 3000, seed: 5 }],
    ['van-lead-tot-order.bpmn', { cases: 2000, seed: 'wat-als', whatIf: 'scenario-verlengd' }]
  ] as Array<[string, CapacityRunOptions]>)(
    'given the sample %s with capacity data and %j, when the capacity simulation runs in both, then the JSON results are identical',
    async (file, options) => {
      const xml = readFileSync(fileURLToPath(new URL(`../../../processes/${file}`, import.meta.url)), 'utf8');
      const inBrowser = await page.evaluate(
        ([text, opts]) => (globalThis as unknown as { simulateCapacityInBrowser(x: string, o: CapacityRunOptions): Promise<string> }).simulateCapacityInBrowser(text, opts),
        [xml, options] as const
      );
      const inNode = JSON.stringify(runCapacitySimulation((await parseBpmn(xml)).definitions, options));
      expect(inBrowser).toBe(inNode);
      // And the run had queues and calendars to get right: people waited, work paused overnight.
      const result = JSON.parse(inNode);
      expect(result.mode).toBe('capacity');
      expect(result.split.waiting).toBeGreaterThan(0);
      expect(result.split.offCalendar).toBeGreaterThan(0);
    },
    60_000
  );
});

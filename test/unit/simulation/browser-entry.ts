/**
 * Entry bundled for Chromium by cross-runtime.test.ts: the same parse, compile and
 * batch code the node tests run, exposed as one function on globalThis.
 */
import { parseBpmn } from '../../../src/model/bpmn-io';
import { runBatch, type BatchOptions } from '../../../src/simulation/batch';
import { compileModel } from '../../../src/simulation/compile';

/** Runs a batch on BPMN text and returns the result as JSON. */
async function simulateInBrowser(xml: string, options: BatchOptions): Promise<string> {
  return JSON.stringify(runBatch(compileModel((await parseBpmn(xml)).definitions), options));
}

(globalThis as unknown as { simulateInBrowser: typeof simulateInBrowser }).simulateInBrowser = simulateInBrowser;

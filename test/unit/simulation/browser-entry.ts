/**
 * Entry bundled for Chromium by cross-runtime.test.ts: the same parse, compile and
 * batch code the node tests run, exposed as one function on globalThis.
 */
import { parseBpmn } from '../../../src/model/bpmn-io';
import { runBatch, type BatchOptions } from '../../../src/simulation/batch';
import { compileModel } from '../../../src/simulation/compile';
import { runCapacitySimulation, type CapacityRunOptions } from '../../../src/simulation/capacity';

/** Runs a batch on BPMN text and returns the result as JSON. */
async function simulateInBrowser(xml: string, options: BatchOptions): Promise<string> {
  return JSON.stringify(runBatch(compileModel((await parseBpmn(xml)).definitions), options));
}

/** Runs the capacity simulation on BPMN text and returns the result as JSON. */
async function simulateCapacityInBrowser(xml: string, options: CapacityRunOptions): Promise<string> {
  return JSON.stringify(runCapacitySimulation((await parseBpmn(xml)).definitions, options));
}

(globalThis as unknown as { simulateInBrowser: typeof simulateInBrowser }).simulateInBrowser = simulateInBrowser;
(globalThis as unknown as { simulateCapacityInBrowser: typeof simulateCapacityInBrowser }).simulateCapacityInBrowser = simulateCapacityInBrowser;

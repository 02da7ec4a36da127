/**
 * Generates the benchmark model: a chain of segments, each a parallel split into two
 * branches (two steps and one step), a join, a review step and an exclusive gateway
 * that sends the work back to the segment's start with probability 0.2 (rework loop).
 * Twelve segments of 8 nodes, plus start, intake, close and end: 100 nodes.
 */
import { parseBpmn } from '../src/model/bpmn-io';
import { compileModel } from '../src/simulation/compile';
import type { SimModel } from '../src/simulation/model';

/** BPMN XML of the benchmark model with `segments` segments (8 nodes each, plus 4). */
export function benchmarkModelXml(segments = 12): string {
  const parts: string[] = [];
  const flows: string[] = [];
  let f = 0;
  const flow = (from: string, to: string, probability?: number) =>
    flows.push(
      `<bpmn:sequenceFlow id="f${f++}" sourceRef="${from}" targetRef="${to}">` +
        (probability === undefined ? '' : `<bpmn:extensionElements><ml:simulation probability="${probability}" /></bpmn:extensionElements>`) +
        '</bpmn:sequenceFlow>'
    );
  const step = (id: string, min: number, mode: number, max: number, budget: number) =>
    parts.push(
      `<bpmn:task id="${id}" name="${id}"><bpmn:extensionElements><ml:step><ml:assignment role="r1" responsibility="accountable" />` +
        `<ml:resources plannedBudget="${budget}" /><ml:duration min="PT${min}H" mostLikely="PT${mode}H" max="PT${max}H" /></ml:step></bpmn:extensionElements></bpmn:task>`
    );
  parts.push('<bpmn:startEvent id="Start" />');
  step('Intake', 0.5, 1, 1.5, 20);
  flow('Start', 'Intake');
  let previous = 'Intake';
  let leaveProbability: number | undefined;
  for (let s = 0; s < segments; s++) {
    parts.push(`<bpmn:exclusiveGateway id="Again${s}" />`, `<bpmn:parallelGateway id="Fork${s}" />`, `<bpmn:parallelGateway id="Join${s}" />`, `<bpmn:exclusiveGateway id="Ok${s}" />`);
    step(`A${s}`, 1, 2, 4, 100);
    step(`B${s}`, 1, 1, 3, 50);
    step(`C${s}`, 2, 3, 6, 80);
    step(`Review${s}`, 0.5, 1, 2, 40);
    flow(previous, `Again${s}`, leaveProbability);
    flow(`Again${s}`, `Fork${s}`);
    flow(`Fork${s}`, `A${s}`);
    flow(`A${s}`, `B${s}`);
    flow(`B${s}`, `Join${s}`);
    flow(`Fork${s}`, `C${s}`);
    flow(`C${s}`, `Join${s}`);
    flow(`Join${s}`, `Review${s}`);
    flow(`Review${s}`, `Ok${s}`);
    flow(`Ok${s}`, `Again${s}`, 20);
    previous = `Ok${s}`;
    leaveProbability = 80;
  }
  step('Close', 0.5, 1, 2, 30);
  parts.push('<bpmn:endEvent id="End" />');
  flow(previous, 'Close', 80);
  flow('Close', 'End');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ml="http://missinglink.app/schema/bpmn/1.0" id="Bench" targetNamespace="http://missinglink.app/bench">
  <bpmn:process id="BenchProcess" isExecutable="false">${parts.join('')}${flows.join('')}</bpmn:process>
</bpmn:definitions>`;
}

/** The benchmark model, parsed and compiled the way the app and the CLI do it. */
export async function benchmarkModel(segments = 12): Promise<SimModel> {
  const { definitions } = await parseBpmn(benchmarkModelXml(segments));
  return compileModel(definitions);
}

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Writes a benchmark's figures to bench/results/<name>.json. */
export async function writeResults(name: string, figures: Record<string, unknown>): Promise<void> {
  const { writeFile, mkdir } = await import('node:fs/promises');
  const dir = new URL('./results/', import.meta.url);
  await mkdir(dir, { recursive: true });
  const body = { benchmark: name, node: process.version, platform: `${process.platform} ${process.arch}`, date: new Date().toISOString(), ...figures };
  await writeFile(new URL(`${name}.json`, dir), JSON.stringify(body, null, 2) + '\n');
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBpmn } from '../../../src/model/bpmn-io';
import type { ModdleElement } from '../../../src/model/moddle-types';
import { compileModel, type CompileOptions } from '../../../src/simulation/compile';
import type { SimModel } from '../../../src/simulation/model';

/** Absolute path of a file in test/unit/simulation/fixtures. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

/** Text of a fixture file. */
export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** Parsed definitions of a fixture .bpmn file. */
export async function loadDefinitions(name: string): Promise<ModdleElement> {
  const { definitions } = await parseBpmn(readFixture(name));
  return definitions;
}

/** A fixture compiled for the engine. */
export async function loadModel(name: string, options?: CompileOptions): Promise<SimModel> {
  return compileModel(await loadDefinitions(name), options);
}

/** Wraps process content (flow elements) in a BPMN document with the ml namespace. */
export function processXml(content: string, processId = 'Process'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ml="http://missinglink.app/schema/bpmn/1.0" id="Definitions" targetNamespace="http://missinglink.app/test">
  <bpmn:process id="${processId}" isExecutable="false">${content}</bpmn:process>
</bpmn:definitions>`;
}

/** Compiles BPMN text. */
export async function compileXml(xml: string, options?: CompileOptions): Promise<SimModel> {
  const { definitions } = await parseBpmn(xml);
  return compileModel(definitions, options);
}

/** A sequence flow, optionally with an ml:simulation probability. */
export function flow(id: string, source: string, target: string, probability?: string): string {
  const ext = probability === undefined ? '' : `<bpmn:extensionElements><ml:simulation probability="${probability}" /></bpmn:extensionElements>`;
  return `<bpmn:sequenceFlow id="${id}" sourceRef="${source}" targetRef="${target}">${ext}</bpmn:sequenceFlow>`;
}

/** A task with a planned duration. */
export function task(id: string, planned?: string, extra = ''): string {
  const ext = planned === undefined ? '' : `<bpmn:extensionElements><ml:step><ml:duration planned="${planned}" /></ml:step></bpmn:extensionElements>`;
  return `<bpmn:task id="${id}" name="${id}">${ext}${extra}</bpmn:task>`;
}

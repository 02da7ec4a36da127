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

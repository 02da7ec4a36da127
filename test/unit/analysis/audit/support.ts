import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseBpmn } from '../../../../src/model/bpmn-io';
import type { ModdleElement } from '../../../../src/model/moddle-types';

/** The audit date of the fixtures and samples (they are dated for an audit in late 2026). */
export const AUDIT_DATE = '2026-11-22';

/** Reads a BPMN file next to the tests (path relative to this folder); it must parse without warnings. */
export async function loadFixture(relativePath: string): Promise<ModdleElement> {
  const { definitions, warnings } = await parseBpmn(readFileSync(new URL(relativePath, import.meta.url), 'utf8'));
  expect(warnings).toEqual([]);
  return definitions;
}

/** Reads a file of the repository (path from the repository root). */
export function repoFile(path: string): string {
  return readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');
}

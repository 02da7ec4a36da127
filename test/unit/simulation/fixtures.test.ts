import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch, type BatchOptions, type BatchResult } from '../../../src/simulation/batch';
import type { FlagSummary } from '../../../src/simulation/flags';
import { fixturePath, loadModel, readFixture } from './support';

/** A number to match exactly, or approximately. */
type Expected = number | string | boolean | null | { approx: number; within: number };

/** The shape of a <case>.expected.json file next to <case>.bpmn. */
interface Expectation {
  description: string;
  /** The .bpmn file, when it is not <case>.bpmn. */
  source?: string;
  options?: BatchOptions;
  /** Result paths: "a.b", "visitsPerCase.<id>", "activities[<id>].field", "departments[<id>].field". */
  expect?: Record<string, Expected>;
  /** Flags that must be there; `share` and `cases` check counts. */
  flags?: Array<Partial<Omit<FlagSummary, 'shareOfCases'>> & { share?: Expected }>;
  noFlags?: string[];
  noFlagsOn?: Record<string, string[]>;
  issues?: Record<string, { elementIds?: string[]; defaultUsed?: string }>;
  noIssues?: string[];
  exemptions?: Array<{ elementId: string; rule: string; silenced: Expected }>;
  /** The model must be refused with these error codes. */
  errors?: string[];
  errorElements?: Record<string, string[]>;
}

function lookup(result: unknown, path: string): unknown {
  let current: unknown = result;
  for (const part of path.match(/\[[^\]]+\]|[^.[\]]+/g) ?? []) {
    if (part.startsWith('[')) {
      const id = part.slice(1, -1);
      current = (current as Array<{ id: string }>).find((item) => item.id === id);
    } else current = (current as Record<string, unknown> | undefined)?.[part];
  }
  return current;
}

function check(actual: unknown, expected: Expected, what: string): void {
  if (expected !== null && typeof expected === 'object') {
    expect(typeof actual, what).toBe('number');
    expect(Math.abs((actual as number) - expected.approx), `${what} = ${actual}, expected ${expected.approx} ± ${expected.within}`).toBeLessThanOrEqual(expected.within);
  } else if (typeof expected === 'number') {
    expect(typeof actual, what).toBe('number');
    expect(Math.abs((actual as number) - expected), `${what} = ${actual}, expected ${expected}`).toBeLessThanOrEqual(1e-9);
  } else {
    expect(actual, what).toEqual(expected);
  }
}

const dir = dirname(fixturePath('series.bpmn'));
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .sort();

describe('simulation fixtures (<case>.bpmn + <case>.expected.json)', () => {
  it('has a fixture for every construct the engine claims to simulate', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const file of cases) {
    const spec = JSON.parse(readFixture(file)) as Expectation;
    const source = spec.source ?? file.replace(/(\.[a-z]+)?\.expected\.json$/, '.bpmn');
    it(`${file}: ${spec.description}`, async () => {
      // Given the model
      const model = await loadModel(source);

      if (spec.errors) {
        // Then it is refused, naming the elements
        expect(model.hasErrors).toBe(true);
        const codes = model.issues.filter((i) => i.severity === 'error').map((i) => i.code);
        expect(codes.sort()).toEqual([...spec.errors].sort());
        for (const [code, ids] of Object.entries(spec.errorElements ?? {})) {
          expect(model.issues.find((i) => i.code === code)!.elementIds.sort()).toEqual([...ids].sort());
        }
        expect(() => runBatch(model, { cases: 1 })).toThrow(/cannot be simulated/);
        return;
      }
      expect(model.issues.filter((i) => i.severity === 'error')).toEqual([]);

      // When a batch runs
      const result: BatchResult = runBatch(model, spec.options ?? {});

      // Then the numbers match the known answers
      for (const [path, expected] of Object.entries(spec.expect ?? {})) check(lookup(result, path), expected, path);
      for (const want of spec.flags ?? []) {
        const { share, ...fields } = want;
        const found = result.flags.filter((f) => Object.entries(fields).every(([k, v]) => f[k as keyof FlagSummary] === v));
        expect(found.length, `flag ${JSON.stringify(want)} in ${JSON.stringify(result.flags.map((f) => [f.kind, f.elementId, f.cases]))}`).toBeGreaterThan(0);
        if (share !== undefined) check(found[0]!.shareOfCases, share, `share of ${want.kind} on ${want.elementId}`);
      }
      for (const kind of spec.noFlags ?? []) expect(result.flags.filter((f) => f.kind === kind)).toEqual([]);
      for (const [kind, ids] of Object.entries(spec.noFlagsOn ?? {})) {
        expect(result.flags.filter((f) => f.kind === kind && ids.includes(f.elementId))).toEqual([]);
      }
      for (const [code, want] of Object.entries(spec.issues ?? {})) {
        const issue = result.issues.find((i) => i.code === code);
        expect(issue, `issue ${code}`).toBeDefined();
        if (want.elementIds) expect(issue!.elementIds.sort()).toEqual([...want.elementIds].sort());
        if (want.defaultUsed) expect(issue!.defaultUsed).toBe(want.defaultUsed);
        for (const id of want.elementIds ?? []) expect(issue!.message).toContain(id);
      }
      for (const code of spec.noIssues ?? []) expect(result.issues.map((i) => i.code)).not.toContain(code);
      for (const want of spec.exemptions ?? []) {
        const used = result.exemptions.find((e) => e.elementId === want.elementId && e.rule === want.rule);
        expect(used, `exemption ${want.rule} on ${want.elementId}`).toBeDefined();
        check(used!.silenced, want.silenced, 'silenced');
      }
    });
  }
});

import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BpmnImportError, MAX_BPMN_BYTES, parseBpmn } from '../../../src/model/bpmn-io';
import { diagramCoverage, prepareImport } from '../../../src/model/layout';
import { describeError } from '../../../src/app/error-messages';
import { openDatabase, type MissingLinkDb } from '../../../src/storage/db';
import { ProcessRepository } from '../../../src/storage/process-repository';
import { isStorageError } from '../../../src/storage/errors';
import { decodeAsBrowser, generateVariants, type SourceFile, type Variant } from '../../support/mutate';
import { FAMILY_GROUPS, HOSTILE_PER_SOURCE } from './hostile-families';

/*
 * The import path of the app, run in node on hostile files: decode as the browser's
 * File.text() does, refuse what is over the size limit, prepareImport (read, check,
 * lay out), then store in the library (fake IndexedDB) and read back. Only the
 * bpmn-js rendering is left to the browser sample in test/e2e/robustness.test.ts.
 */

const corpus = new URL('../../fixtures/miwg/', import.meta.url);
const samples = new URL('../../../processes/', import.meta.url);

/** Small and medium files from three tools and our samples: the material the variants are cut from. */
export function hostileSources(): SourceFile[] {
  const corpusFile = (path: string) => ({ name: path, xml: readFileSync(new URL(path, corpus), 'utf8') });
  return [
    corpusFile('Reference/A.1.0.bpmn'),
    corpusFile('Reference/A.2.0.bpmn'),
    corpusFile('Reference/A.3.0.bpmn'),
    corpusFile('Reference/A.4.1.bpmn'),
    corpusFile('Reference/C.9.1.bpmn'),
    corpusFile('Reference/C.9.2.bpmn'),
    corpusFile('bpmn.io-18.6.1/A.2.1-roundtrip.bpmn'),
    corpusFile('SAP-Signavio-19.9.0/A.2.0-roundtrip.bpmn'),
    { name: 'processes/klachtafhandeling.bpmn', xml: readFileSync(new URL('klachtafhandeling.bpmn', samples), 'utf8') },
    { name: 'processes/retentiecampagne-topklanten.bpmn', xml: readFileSync(new URL('retentiecampagne-topklanten.bpmn', samples), 'utf8') }
  ];
}

/** The seed of the committed run; change it to explore, keep it to replay. */
export const HOSTILE_SEED = 20261122;

/** The longest any single file may take through the import path. */
export const TIME_LIMIT_MS = 5000;

/** What happened to one variant. */
export interface HostileOutcome {
  variant: Variant;
  ms: number;
  result: 'opened' | 'refused';
  /** The text handed to the modeler, for opened files. */
  xml?: string;
  /** The layout the import made, for opened files. */
  laidOut?: string;
  error?: BpmnImportError;
}

let fetchCalls = 0;
/** Counts any attempt to reach the network while hostile files are read (none may happen). */
export function guardNetwork(): { readonly calls: number } {
  const original = globalThis.fetch;
  globalThis.fetch = ((...args: Parameters<typeof fetch>) => {
    fetchCalls++;
    return original(...args);
  }) as typeof fetch;
  return {
    get calls() {
      return fetchCalls;
    }
  };
}

/** A library in a fresh fake IndexedDB, for the variants that open. */
export async function freshLibrary(name: string): Promise<{ db: MissingLinkDb; repository: ProcessRepository }> {
  const db = await openDatabase(`hostile-${name}-${process.pid}-${Date.now()}`);
  return { db, repository: new ProcessRepository(db) };
}

/**
 * Runs one variant through the import path and checks the promise of the issue:
 * no uncaught exception, at most 5 seconds, and either a model the library stores
 * and gives back unchanged, or a BpmnImportError whose message a user can act on.
 */
export async function importHostile(variant: Variant, repository: ProcessRepository): Promise<HostileOutcome> {
  const started = performance.now();
  let outcome: HostileOutcome;
  try {
    if (variant.bytes.length > MAX_BPMN_BYTES) {
      // The controller refuses by File.size before reading; the parser must refuse too.
      const error = await prepareImport(decodeAsBrowser(variant.bytes)).then(
        () => undefined,
        (e: unknown) => e
      );
      expect(error, `${variant.id}: a file above the limit must be refused`).toBeInstanceOf(BpmnImportError);
      expect((error as BpmnImportError).kind).toBe('too-large');
      throw error;
    }
    const text = decodeAsBrowser(variant.bytes);
    const prepared = await prepareImport(text);
    outcome = { variant, ms: 0, result: 'opened', laidOut: prepared.layout?.reason, xml: prepared.xml };
    // What is handed to the modeler reads again and has something to show. (A text handed on
    // unchanged was found complete by prepareImport itself; only a rewritten one is read again.)
    if (prepared.xml !== text) {
      const reread = await parseBpmn(prepared.xml);
      const coverage = diagramCoverage(reread.definitions);
      expect(coverage.hasDiagram, `${variant.id}: the opened model has a diagram`).toBe(true);
      expect(coverage.missingShapes, `${variant.id}: every flow node is drawn`).toEqual([]);
    }
    // The library stores it and gives it back as it was (or refuses it as too large, storing nothing).
    try {
      const record = await repository.create({ name: variant.id, xml: prepared.xml, origin: 'import' });
      expect((await repository.get(record.id))?.xml === prepared.xml, `${variant.id}: stored as opened`).toBe(true);
    } catch (error) {
      if (!isStorageError(error, 'too-large')) throw error;
    }
  } catch (error) {
    if (!(error instanceof BpmnImportError)) {
      throw new Error(`${variant.id} (${variant.description}): unexpected ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, {
        cause: error
      });
    }
    expectClearMessage(variant, error);
    outcome = { variant, ms: 0, result: 'refused', error };
  }
  outcome.ms = performance.now() - started;
  expect(outcome.ms, `${variant.id} took ${Math.round(outcome.ms)} ms`).toBeLessThan(TIME_LIMIT_MS);
  return outcome;
}

/** A refusal a user understands: says what is wrong with "the file", briefly, and the app names the file. */
export function expectClearMessage(variant: Variant, error: BpmnImportError): void {
  const where = `${variant.id}: ${error.message.slice(0, 200)}`;
  expect(['too-large', 'empty', 'not-xml', 'not-bpmn', 'invalid'], where).toContain(error.kind);
  expect(error.message, where).toMatch(/^The (BPMN )?file /);
  expect(error.message, where).toMatch(/\.$/);
  expect(error.message, where).not.toMatch(/undefined|\[object|NaN|null/);
  expect(error.message.length, where).toBeLessThan(400);
  if (error.line !== undefined) expect(error.line, where).toBeGreaterThanOrEqual(1);
  const shown = describeError(error, 'aangeleverd.bpmn');
  expect(shown.message, where).toContain('“aangeleverd.bpmn”');
  expect(shown.detail, where).toBe(error.message);
}

/** Counts per family and result, for the report in docs/robustness.md. */
export function tally(outcomes: HostileOutcome[]): Record<string, { opened: number; refused: number; laidOut: number; slowestMs: number }> {
  const out: Record<string, { opened: number; refused: number; laidOut: number; slowestMs: number }> = {};
  for (const o of outcomes) {
    const t = (out[o.variant.family] ??= { opened: 0, refused: 0, laidOut: 0, slowestMs: 0 });
    t[o.result]++;
    if (o.laidOut) t.laidOut++;
    t.slowestMs = Math.max(t.slowestMs, Math.round(o.ms));
  }
  return out;
}

/**
 * The tests of one group of mutation families: every variant opens or is refused
 * clearly within the time limit, no network is reached, and the library holds at most
 * the files that opened. Returns the outcomes (filled while the tests run) for checks
 * a group adds after these.
 */
export function describeHostileGroup(group: keyof typeof FAMILY_GROUPS): HostileOutcome[] {
  const variants = generateVariants(hostileSources(), { seed: HOSTILE_SEED, perSource: HOSTILE_PER_SOURCE, families: FAMILY_GROUPS[group] });
  const outcomes: HostileOutcome[] = [];
  const network = guardNetwork();
  let db: MissingLinkDb;
  let repository: ProcessRepository;

  beforeAll(async () => {
    ({ db, repository } = await freshLibrary(group));
  });

  afterAll(() => {
    db?.close();
    if (process.env.ROBUSTNESS_VERBOSE) console.log(JSON.stringify(tally(outcomes)));
  });

  describe(`hostile files (${group}): `, () => {
    it.each(variants.map((v) => [v.id, v] as const))('%s opens or is refused clearly, within 5 s', async (_id, variant) => {
      outcomes.push(await importHostile(variant, repository));
    });

    it('reached no network and stored exactly the files that opened', async () => {
      expect(network.calls).toBe(0);
      const opened = outcomes.filter((o) => o.result === 'opened').length;
      const { processes, problems } = await repository.list();
      expect(problems).toEqual([]);
      expect(processes.length).toBeLessThanOrEqual(opened);
    });
  });
  return outcomes;
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createModdle, parseBpmn } from '../../../src/model/bpmn-io';
import type { ModdleElement } from '../../../src/model/moddle-types';
import { toXmlInSlices } from '../../../src/model/sliced-xml';
import { generateCollaboration } from '../../../bench/lib/generate-collaboration';

const samples = new URL('../../../processes/', import.meta.url);
const corpus = new URL('../../fixtures/miwg/', import.meta.url);

function bpmnFiles(folder: URL): string[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.bpmn'))
    .sort()
    .map((f) => new URL(f, folder).pathname);
}

const corpusFiles = readdirSync(corpus)
  .filter((d) => statSync(new URL(d, corpus)).isDirectory())
  .flatMap((d) => bpmnFiles(new URL(`${d}/`, corpus)));

async function load(xml: string) {
  const moddle = createModdle();
  const { definitions } = await parseBpmn(xml, { moddle });
  return { moddle, definitions };
}

/** Zero-delay turns of the event loop, counted. */
function countingYield() {
  const counter = { turns: 0, yieldToEventLoop: () => new Promise<void>((resolve) => setImmediate(() => (counter.turns++, resolve()))) };
  return counter;
}

/** A clock that advances 1 ms per reading, so slices end after a known amount of work. */
function steppingClock() {
  let t = 0;
  return () => t++;
}

async function expectSameAsOnePiece(xml: string): Promise<{ mode: string }> {
  const { moddle, definitions } = await load(xml);
  const { xml: expected } = await moddle.toXML(definitions, { format: false });
  // A yield after every piece: the most seams between pieces.
  const result = await toXmlInSlices(moddle, () => definitions, { budgetMs: 0, yieldToEventLoop: () => new Promise((r) => setImmediate(r)) });
  expect(result.xml).toBe(expected);
  // Writing in slices borrows the elements for a moment; the model must be as before.
  expect((await moddle.toXML(definitions, { format: false })).xml).toBe(expected);
  return result;
}

describe('toXmlInSlices', () => {
  it.each(bpmnFiles(samples).map((f) => [f.replace(/^.*\//, ''), f]))('given the sample %s, then the sliced XML is byte-identical to the one-piece XML', async (_name, file) => {
    const result = await expectSameAsOnePiece(readFileSync(file, 'utf8'));
    expect(result.mode).toBe('sliced');
  });

  it('finds the MIWG corpus (all its folders)', () => {
    expect(corpusFiles.length).toBeGreaterThanOrEqual(60);
  });

  it.each(corpusFiles.map((f) => [f.replace(/^.*miwg\//, ''), f]))(
    'given the interchange file %s, then the sliced XML is byte-identical to the one-piece XML',
    async (_name, file) => {
      await expectSameAsOnePiece(readFileSync(file, 'utf8'));
    }
  );

  it('given most interchange files, then they are really written in slices (the one-piece fallback stays the exception)', async () => {
    let sliced = 0;
    for (const file of corpusFiles) {
      const { moddle, definitions } = await load(readFileSync(file, 'utf8'));
      if ((await toXmlInSlices(moddle, () => definitions, { budgetMs: 1000 })).mode === 'sliced') sliced++;
    }
    expect(sliced / corpusFiles.length).toBeGreaterThan(0.9);
  });

  it.each([
    [1000, 6, 1],
    [1000, 3, 7],
    [200, 1, 3]
  ])('given a generated collaboration of %i flow nodes in %i lanes (seed %i), then the sliced XML is byte-identical', async (flowNodes, lanes, seed) => {
    const result = await expectSameAsOnePiece(generateCollaboration({ flowNodes, lanes, seed, withValueChain: true }));
    expect(result.mode).toBe('sliced');
  });

  it('given a 1,000-node model, then the work is spread over many slices, each a turn of the event loop, and the groups adapt to the budget', async () => {
    const { moddle, definitions } = await load(generateCollaboration({ flowNodes: 1000, lanes: 6, seed: 1, withValueChain: true }));
    const loop = countingYield();
    // The stepping clock advances 1 "ms" per reading, so each group seems to take 1 ms:
    // with a 4 ms budget a slice holds two groups, and groups grow to 2 ms of work.
    const result = await toXmlInSlices(moddle, () => definitions, { budgetMs: 4, now: steppingClock(), yieldToEventLoop: loop.yieldToEventLoop });
    expect(result.mode).toBe('sliced');
    expect(result.yields).toBe(loop.turns);
    expect(result.yields).toBeGreaterThan(10);
    expect(result.xml).toBe((await moddle.toXML(definitions, { format: false })).xml);
  });

  it('given a document whose task declares a namespace of its own, then the sliced XML is still identical', async () => {
    const xml = readFileSync(new URL('van-lead-tot-order.bpmn', samples), 'utf8').replace(
      /<bpmn:task /,
      '<bpmn:task xmlns:vendor="http://vendor.example/bpmn" vendor:colour="red" '
    );
    expect(xml).toContain('vendor:colour');
    await expectSameAsOnePiece(xml);
  });

  it('given a model whose root does not declare a namespace its elements use, then it is written in one piece, still identical', async () => {
    const { moddle, definitions } = await load(readFileSync(new URL('klachtafhandeling.bpmn', samples), 'utf8'));
    delete definitions.$attrs!['xmlns:ml'];
    const { xml: expected } = await moddle.toXML(definitions, { format: false });
    expect(expected).toContain('xmlns:ml=');
    const result = await toXmlInSlices(moddle, () => definitions, { budgetMs: 0 });
    expect(result).toMatchObject({ mode: 'one-piece', reason: 'unsupported-namespaces', xml: expected });
  });

  it('given a model that changes between slices, then the work restarts and the result is the changed model, whole', async () => {
    const { moddle, definitions } = await load(readFileSync(new URL('klachtafhandeling.bpmn', samples), 'utf8'));
    let version = 0;
    let turns = 0;
    const task = findFirst(definitions, 'bpmn:Task');
    const result = await toXmlInSlices(moddle, () => definitions, {
      budgetMs: 0,
      version: () => version,
      yieldToEventLoop: async () => {
        // The user renames a task while the third slice waits.
        if (++turns === 3) {
          task.name = 'Klacht opnieuw beoordelen';
          version++;
        }
      }
    });
    expect(result.restarts).toBe(1);
    expect(result.mode).toBe('sliced');
    expect(result.xml).toBe((await moddle.toXML(definitions, { format: false })).xml);
    expect(result.xml).toContain('name="Klacht opnieuw beoordelen"');
  });

  it('given a model that keeps changing, then after the allowed restarts it is written in one piece, so the save still ends', async () => {
    const { moddle, definitions } = await load(readFileSync(new URL('klachtafhandeling.bpmn', samples), 'utf8'));
    let version = 0;
    const task = findFirst(definitions, 'bpmn:Task');
    const result = await toXmlInSlices(moddle, () => definitions, {
      budgetMs: 0,
      maxRestarts: 2,
      version: () => version,
      yieldToEventLoop: async () => {
        task.name = `Edit ${++version}`;
      }
    });
    expect(result).toMatchObject({ mode: 'one-piece', reason: 'restarts-exhausted', restarts: 3 });
    expect(result.xml).toContain(`name="Edit ${version}"`);
    expect(result.xml).toBe((await moddle.toXML(definitions, { format: false })).xml);
  });

  it('given hurry while waiting for a turn of the event loop, then the rest is written without yielding again', async () => {
    const { moddle, definitions } = await load(generateCollaboration({ flowNodes: 200, lanes: 2, seed: 2 }));
    const hurry = new AbortController();
    let turns = 0;
    const result = await toXmlInSlices(moddle, () => definitions, {
      budgetMs: 0,
      hurry: hurry.signal,
      // The page is hidden during the second wait, and the event loop never gives another turn.
      yieldToEventLoop: () => {
        if (++turns === 2) hurry.abort();
        return turns === 1 ? Promise.resolve() : new Promise<void>(() => {});
      }
    });
    expect(turns).toBe(2);
    expect(result.mode).toBe('sliced');
    expect(result.xml).toBe((await moddle.toXML(definitions, { format: false })).xml);
  });
});

function findFirst(definitions: ModdleElement, type: string): ModdleElement {
  for (const root of definitions.rootElements as ModdleElement[]) {
    const found = root.flowElements?.find((e) => e.$type === type);
    if (found) return found;
  }
  throw new Error(`no ${type}`);
}

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../src/model/bpmn-io';
import { runBatch } from '../../../src/simulation/batch';
import { compileModel } from '../../../src/simulation/compile';

// The MIWG reference files and their round trips through other tools (test/fixtures/miwg, CC BY 3.0).
const corpus = fileURLToPath(new URL('../../fixtures/miwg/', import.meta.url));
const files = ['Reference', 'bpmn.io-18.6.1', 'SAP-Signavio-19.9.0'].flatMap((dir) =>
  readdirSync(corpus + dir)
    .filter((f) => f.endsWith('.bpmn'))
    .map((f) => `${dir}/${f}`)
);

describe('BPMN files from other tools', () => {
  it('finds the corpus in the repository', () => expect(files.length).toBeGreaterThan(60));

  it.each(files)('%s either runs to the end of every case or is refused with a reason', async (file) => {
    const { definitions } = await parseBpmn(readFileSync(corpus + file, 'utf8'));
    const model = compileModel(definitions);
    if (model.hasErrors) {
      for (const issue of model.issues.filter((i) => i.severity === 'error')) {
        expect(issue.message.length).toBeGreaterThan(20);
        expect(issue.elementIds.length).toBeGreaterThan(0);
      }
      return;
    }
    const result = runBatch(model, { cases: 200, seed: 1 });
    const o = result.outcomes;
    expect(o.completed + o.deadlock + o.stepLimit).toBe(200);
    expect(result.status).toBe('complete');
    // Every element the model reaches shows up in the visit counts.
    for (const n of model.nodes) expect(result.visitsPerCase[n.id]).toBeGreaterThanOrEqual(0);
  });
});

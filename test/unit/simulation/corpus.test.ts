import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../src/model/bpmn-io';
import { runBatch } from '../../../src/simulation/batch';
import { compileModel } from '../../../src/simulation/compile';

// The MIWG reference files and their round trips through other tools, beside the checkout.
const corpus = fileURLToPath(new URL('../../../../shared/bpmn-corpus/miwg/', import.meta.url));
const files = existsSync(corpus)
  ? ['Reference', 'bpmn.io-18.6.1', 'SAP-Signavio-19.9.0'].flatMap((dir) =>
      readdirSync(corpus + dir)
        .filter((f) => f.endsWith('.bpmn'))
        .map((f) => `${dir}/${f}`)
    )
  : [];

describe.skipIf(files.length === 0)('BPMN files from other tools', () => {
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

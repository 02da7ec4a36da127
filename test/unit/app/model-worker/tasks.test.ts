import { describe, expect, it } from 'vitest';
import { diffModels } from '../../../../src/analysis/audit/diff';
import { fingerprintModel } from '../../../../src/analysis/audit/fingerprint';
import { runInWorker } from '../../../../src/app/model-worker/client';
import { runModelJob } from '../../../../src/app/model-worker/tasks';
import { parseBpmn } from '../../../../src/model/bpmn-io';
import { compileModel } from '../../../../src/simulation/compile';
import { repoFile } from '../../analysis/audit/support';

const example = repoFile('docs/examples/value-chain-example.bpmn');
const sample = repoFile('processes/van-lead-tot-order.bpmn');

describe('model jobs (run by the model worker)', () => {
  it('given a model, when fingerprinted, then the fingerprint is the one a review is recorded with', async () => {
    expect(await runModelJob('fingerprint', { xml: example })).toBe(await fingerprintModel(example));
  });

  it('given a model equal to its review (laid out differently), when compared, then no change is reported', async () => {
    const review = { id: 1, xml: example, fingerprint: await fingerprintModel(example) };
    const reformatted = example.replace(/\n\s+</g, '\n<');
    expect(await runModelJob('compareWithReview', { xml: reformatted, review })).toEqual({ fingerprint: review.fingerprint });
  });

  it('given an edited model, when compared with its review, then the diff names the edited step, as the reviewed and current models differ', async () => {
    const review = { id: 2, xml: example, fingerprint: await fingerprintModel(example) };
    const edited = example.replace('name="Select top customers"', 'name="Select customers"');
    const result = await runModelJob('compareWithReview', { xml: edited, review });
    expect(result.fingerprint).toBe(await fingerprintModel(edited));
    const expected = diffModels((await parseBpmn(example)).definitions, (await parseBpmn(edited)).definitions);
    expect(result.diff).toEqual(expected);
    expect(result.diff!.changed.map((c) => c.id)).toContain('Task_select');
  });

  it('given a second review, when compared, then the model is compared with that review and not the one read before', async () => {
    const first = { id: 3, xml: example, fingerprint: await fingerprintModel(example) };
    const renamedXml = example.replace('name="Select top customers"', 'name="Select customers"');
    const second = { id: 4, xml: renamedXml, fingerprint: await fingerprintModel(renamedXml) };
    expect((await runModelJob('compareWithReview', { xml: renamedXml, review: first })).diff).toBeDefined();
    expect((await runModelJob('compareWithReview', { xml: renamedXml, review: second })).diff).toBeUndefined();
    const back = await runModelJob('compareWithReview', { xml: example, review: second });
    expect(back.diff!.changed.map((c) => c.id)).toContain('Task_select');
  });

  it('given a model, when compiled for the simulation, then it is the model the command line compiles', async () => {
    const compiled = await runModelJob('compileSimulation', { xml: sample });
    expect(compiled).toEqual(compileModel((await parseBpmn(sample)).definitions));
    // It crosses to the page by structured clone: maps and typed arrays survive it.
    expect(structuredClone(compiled)).toEqual(compiled);
  });

  it('given XML that is not BPMN, when any job runs, then it fails with the reader’s message', async () => {
    await expect(runModelJob('fingerprint', { xml: '<html/>' })).rejects.toThrow(/BPMN/);
    await expect(runModelJob('compileSimulation', { xml: 'not xml' })).rejects.toThrow();
  });

  it('given no Worker (node), when a job is run through the client, then it runs in the page with the same result', async () => {
    expect(typeof Worker).toBe('undefined');
    expect(await runInWorker('fingerprint', { xml: example })).toBe(await fingerprintModel(example));
  });
});

import { diffModels } from '../../analysis/audit/diff';
import { sha256Hex } from '../../analysis/audit/fingerprint';
import { parseBpmn, serializeBpmn } from '../../model/bpmn-io';
import { prepareImport } from '../../model/layout/prepare-import';
import type { ModdleElement } from '../../model/moddle-types';
import { compileModel } from '../../simulation/compile';
import type { ModelJobName, ModelJobs, ReviewedModel } from './protocol';

/** The last reviewed model read, so each check after an edit parses only the current model. */
let reviewed: { id: number; definitions: Promise<ModdleElement> } | undefined;

function reviewedDefinitions(review: ReviewedModel): Promise<ModdleElement> {
  if (reviewed?.id !== review.id) {
    const definitions = parseBpmn(review.xml).then((p) => p.definitions);
    reviewed = { id: review.id, definitions };
    // A review that cannot be read is not cached: the next check tries again.
    definitions.catch(() => {
      if (reviewed?.definitions === definitions) reviewed = undefined;
    });
  }
  return reviewed.definitions;
}

/** The fingerprint of parsed definitions: SHA-256 of the XML MissingLink writes for them. */
async function fingerprintOf(definitions: ModdleElement): Promise<string> {
  return sha256Hex(await serializeBpmn(definitions));
}

/** The jobs' implementations; the same in the worker and in the page. */
export const modelJobs: { [N in ModelJobName]: (input: ModelJobs[N]['input']) => Promise<ModelJobs[N]['output']> } = {
  async fingerprint({ xml }) {
    return fingerprintOf((await parseBpmn(xml)).definitions);
  },
  async compareWithReview({ xml, review }) {
    const { definitions } = await parseBpmn(xml);
    const fingerprint = await fingerprintOf(definitions);
    if (fingerprint === review.fingerprint) return { fingerprint };
    return { fingerprint, diff: diffModels(await reviewedDefinitions(review), definitions) };
  },
  async compileSimulation({ xml }) {
    return compileModel((await parseBpmn(xml)).definitions);
  },
  prepareImport({ xml }) {
    return prepareImport(xml);
  }
};

/** Runs one job by name. */
export function runModelJob<N extends ModelJobName>(job: N, input: ModelJobs[N]['input']): Promise<ModelJobs[N]['output']> {
  const run = modelJobs[job] as (input: ModelJobs[N]['input']) => Promise<ModelJobs[N]['output']>;
  if (!run) return Promise.reject(new Error(`Unknown model job "${String(job)}".`));
  return run(input);
}

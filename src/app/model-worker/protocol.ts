import type { ModelDiff } from '../../analysis/audit/diff';
import type { BpmnImportErrorKind } from '../../model/bpmn-io';
import type { PreparedImport } from '../../model/layout/prepare-import';
import type { SimModel } from '../../simulation/model';

/*
 * The jobs the model worker does for the UI: each reads a whole model from its XML,
 * which on a model of a thousand steps takes the main thread a second or more, so
 * they run off it. Every job is a plain function of its input (tasks.ts); the worker
 * and the in-page fallback run the same functions.
 */

/** The reviewed state a model is compared with. */
export interface ReviewedModel {
  /** The review's id: the worker keeps the reviewed model parsed per id. */
  id: number;
  xml: string;
  fingerprint: string;
}

/** Where a model stands against a review: its fingerprint, and what changed when it differs. */
export interface ReviewComparison {
  fingerprint: string;
  /** Undefined when the fingerprint equals the review's. */
  diff?: ModelDiff;
}

/** The jobs, by name: argument and result. */
export interface ModelJobs {
  /** The fingerprint a review is recorded with (SHA-256 of the canonical XML). */
  fingerprint: { input: { xml: string }; output: string };
  /** The model against a review. */
  compareWithReview: { input: { xml: string; review: ReviewedModel }; output: ReviewComparison };
  /** The simulation engine's model of the XML, as the command line compiles a file. */
  compileSimulation: { input: { xml: string }; output: SimModel };
  /**
   * A file to import, checked against the structure limits, read and (where its diagram
   * is missing or incomplete) laid out: the slow part of an import, off the page thread.
   */
  prepareImport: { input: { xml: string | Uint8Array }; output: PreparedImport };
}

export type ModelJobName = keyof ModelJobs;

/** A message to the worker. */
export interface JobRequest<N extends ModelJobName = ModelJobName> {
  seq: number;
  job: N;
  input: ModelJobs[N]['input'];
}

/** Why a job failed: the error's message (e.g. why the XML could not be read), and a BpmnImportError's kind and position. */
export interface JobFailure {
  message: string;
  name: string;
  kind?: BpmnImportErrorKind;
  line?: number;
  column?: number;
}

/** The worker's answer: the result, or why it failed. */
export type JobResponse = { seq: number; ok: true; output: unknown } | ({ seq: number; ok: false } & JobFailure);

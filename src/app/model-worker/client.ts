import type { JobRequest, JobResponse, ModelJobName, ModelJobs } from './protocol';
import { fromJobFailure } from './errors';

/*
 * Runs model jobs (protocol.ts) in a dedicated worker, so reading and writing a whole
 * model never blocks editing. One worker serves the page and starts on first use.
 * Where a worker cannot start (no Worker, or the script fails to load), the jobs run
 * in the page instead: slower for big models, but the result is the same.
 */

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; request: JobRequest };

let worker: Worker | undefined;
let unavailable = typeof Worker === 'undefined';
let seq = 0;
const pending = new Map<number, Pending>();

function inPage<N extends ModelJobName>(job: N, input: ModelJobs[N]['input']): Promise<ModelJobs[N]['output']> {
  return import('./tasks').then(({ runModelJob }) => runModelJob(job, input));
}

/** The worker failed as a whole: every open job is run again in the page, and so is every later one. */
function giveUp(reason: unknown): void {
  console.warn('The model worker is not available; model checks run in the page.', reason);
  unavailable = true;
  worker?.terminate();
  worker = undefined;
  for (const [, job] of pending) inPage(job.request.job, job.request.input).then(job.resolve, job.reject);
  pending.clear();
}

function startWorker(): Worker | undefined {
  if (worker || unavailable) return worker;
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'missinglink-model' });
  } catch (error) {
    giveUp(error);
    return undefined;
  }
  worker.onmessage = (event: MessageEvent<JobResponse>) => {
    const response = event.data;
    const job = pending.get(response.seq);
    if (!job) return;
    pending.delete(response.seq);
    if (response.ok) job.resolve(response.output);
    else job.reject(fromJobFailure(response));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    giveUp(event.message || 'the worker script failed');
  };
  return worker;
}

/** Runs a model job off the main thread (or in the page where no worker can run). */
export function runInWorker<N extends ModelJobName>(job: N, input: ModelJobs[N]['input']): Promise<ModelJobs[N]['output']> {
  const target = startWorker();
  if (!target) return inPage(job, input);
  const request: JobRequest<N> = { seq: ++seq, job, input };
  return new Promise<ModelJobs[N]['output']>((resolve, reject) => {
    pending.set(request.seq, { resolve: resolve as (value: unknown) => void, reject, request });
    target.postMessage(request);
  });
}

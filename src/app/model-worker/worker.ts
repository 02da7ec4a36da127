import { config as zodConfig } from 'zod/v4/core';
import type { JobRequest, JobResponse } from './protocol';
import { toJobFailure } from './errors';
import { runModelJob } from './tasks';

// As in the page: the Content-Security-Policy forbids compiling code from strings.
zodConfig({ jitless: true });

/** What this file uses of a dedicated worker's global scope (the project compiles against the DOM library). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<JobRequest>) => void) | null;
  postMessage(message: JobResponse): void;
};

scope.onmessage = async (event: MessageEvent<JobRequest>) => {
  const { seq, job, input } = event.data;
  let response: JobResponse;
  try {
    response = { seq, ok: true, output: await runModelJob(job, input) };
  } catch (error) {
    response = { seq, ok: false, ...toJobFailure(error) };
  }
  scope.postMessage(response);
};

import { BpmnImportError } from '../../model/bpmn-io';
import type { JobFailure } from './protocol';

/** An error as it crosses to the page: a BpmnImportError keeps its kind and position. */
export function toJobFailure(error: unknown): JobFailure {
  const e = error instanceof Error ? error : new Error(String(error));
  const failure: JobFailure = { message: e.message, name: e.name };
  if (e instanceof BpmnImportError) {
    failure.kind = e.kind;
    if (e.line !== undefined && e.column !== undefined) Object.assign(failure, { line: e.line, column: e.column });
  }
  return failure;
}

/** The error a failure stands for, in the page: a BpmnImportError again where it was one. */
export function fromJobFailure(failure: JobFailure): Error {
  if (failure.kind) {
    const position = failure.line !== undefined && failure.column !== undefined ? { line: failure.line, column: failure.column } : undefined;
    return new BpmnImportError(failure.kind, failure.message, position);
  }
  const error = new Error(failure.message);
  error.name = failure.name;
  return error;
}

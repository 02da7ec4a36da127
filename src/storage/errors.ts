/** What went wrong in storage, in terms the UI can act on (each kind gets its own message and remedy). */
export type StorageErrorKind = 'quota' | 'too-large' | 'not-found' | 'conflict' | 'corrupt' | 'unavailable';

/** The one error type the storage layer throws; `message` is plain English, `cause` keeps the original. */
export class StorageError extends Error {
  override name = 'StorageError';
  readonly kind: StorageErrorKind;
  /** The record the error is about, as the user knows it (a process name), when there is one. */
  readonly subject: string | undefined;

  constructor(kind: StorageErrorKind, message: string, options?: { cause?: unknown; subject?: string }) {
    super(message, options);
    this.kind = kind;
    this.subject = options?.subject;
  }
}

/** True for a StorageError, optionally of one kind (narrowing helper for catch blocks). */
export function isStorageError(error: unknown, kind?: StorageErrorKind): error is StorageError {
  return error instanceof StorageError && (kind === undefined || error.kind === kind);
}

const UNAVAILABLE_NAMES = new Set([
  'MissingAPIError',
  'OpenFailedError',
  'DatabaseClosedError',
  'InvalidStateError',
  'VersionError',
  'UpgradeError',
  'SecurityError'
]);

// Dexie wraps IndexedDB errors (an aborted transaction carries the real cause in
// `inner`, a bulk write in `failures`), so look through the whole chain.
function errorNames(error: unknown, seen = new Set<unknown>()): string[] {
  if (!error || typeof error !== 'object' || seen.has(error)) return [];
  seen.add(error);
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const own = typeof e.name === 'string' ? [e.name] : [];
  const failures = Array.isArray(e.failures) ? e.failures : [];
  return [...own, ...[e.inner, e.cause, ...failures].flatMap((inner) => errorNames(inner, seen))];
}

/**
 * Turns an error thrown by Dexie/IndexedDB into a StorageError, so callers handle
 * one type. Errors that are already StorageErrors pass through; unrecognised errors
 * (programming errors) pass through too unless a `fallback` kind is given.
 */
export function toStorageError(error: unknown, action: string, fallback?: StorageErrorKind): unknown {
  if (error instanceof StorageError) return error;
  const names = errorNames(error);
  if (names.includes('QuotaExceededError')) {
    return new StorageError(
      'quota',
      `The browser's storage is full, so ${action} failed. Nothing was changed; earlier saves and versions are kept. Free space by deleting old versions or processes, or export this process to a file.`,
      { cause: error }
    );
  }
  if (names.includes('VersionError')) {
    return new StorageError(
      'unavailable',
      `The process library was upgraded by a newer version of MissingLink in another tab, so ${action} failed. Reload this tab.`,
      { cause: error }
    );
  }
  if (names.some((n) => UNAVAILABLE_NAMES.has(n))) {
    return new StorageError(
      'unavailable',
      `The browser's database is not available (private browsing or blocked storage?), so ${action} failed.`,
      { cause: error }
    );
  }
  if (fallback) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return new StorageError(fallback, `${action[0]!.toUpperCase()}${action.slice(1)} failed${detail}.`, { cause: error });
  }
  return error;
}

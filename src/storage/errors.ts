/** What went wrong in storage, in terms the UI can act on (each kind gets its own message and remedy). */
export type StorageErrorKind = 'quota' | 'too-large' | 'not-found' | 'conflict' | 'corrupt' | 'unavailable' | 'vanished';

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

// A full disk does not always arrive as QuotaExceededError: when the disk itself (not the
// origin's quota) runs out, Chromium aborts the write with "DataError: Failed to write blobs
// (IOError)", or an UnknownError/AbortError whose message names the I/O failure.
const DISK_NAMES = new Set(['DataError', 'UnknownError', 'AbortError']);
const DISK_MESSAGE = /\bIO ?error\b|write blobs|disk|no space|ENOSPC|space left/i;
// Often Chromium's request error says only that its write transaction was aborted (the
// IOError stays on the transaction, out of Dexie's reach). A write is not aborted for
// any other reason the app causes (its own errors reject with themselves), so it counts
// as a full disk too.
const ABORTED_WRITE = /transaction was aborted/i;

// What Chromium says once it has deleted a database it thinks is corrupt under an open connection.
const VANISHED_MESSAGE = /object stores? (was|were) not found|database (was|has been) deleted/i;

// Dexie wraps IndexedDB errors (an aborted transaction carries the real cause in
// `inner`, a bulk write in `failures`), so look through the whole chain.
function errorChain(error: unknown, seen = new Set<unknown>()): { name: string; message: string }[] {
  if (!error || typeof error !== 'object' || seen.has(error)) return [];
  seen.add(error);
  const e = error as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  const own = typeof e.name === 'string' ? [{ name: e.name, message: typeof e.message === 'string' ? e.message : '' }] : [];
  const failures = Array.isArray(e.failures) ? e.failures : [];
  return [...own, ...[e.inner, e.cause, ...failures].flatMap((inner) => errorChain(inner, seen))];
}

/** True when the error (or anything it wraps) says the disk or the origin's quota is full. */
export function isDiskFull(error: unknown): boolean {
  return errorChain(error).some(
    ({ name, message }) =>
      name === 'QuotaExceededError' ||
      (DISK_NAMES.has(name) && DISK_MESSAGE.test(message)) ||
      (name === 'AbortError' && ABORTED_WRITE.test(message))
  );
}

/** True when the error says the database lost its tables under us (the browser deleted it). */
export function isDatabaseVanished(error: unknown): boolean {
  return errorChain(error).some(({ name, message }) => name === 'NotFoundError' && VANISHED_MESSAGE.test(message));
}

/**
 * Turns an error thrown by Dexie/IndexedDB into a StorageError, so callers handle
 * one type. Errors that are already StorageErrors pass through; unrecognised errors
 * (programming errors) pass through too unless a `fallback` kind is given.
 */
export function toStorageError(error: unknown, action: string, fallback?: StorageErrorKind): unknown {
  if (error instanceof StorageError) return error;
  const chain = errorChain(error);
  const names = chain.map((e) => e.name);
  if (isDiskFull(error)) {
    const reason = names.includes('QuotaExceededError') ? undefined : chain.find((e) => DISK_NAMES.has(e.name) && (DISK_MESSAGE.test(e.message) || ABORTED_WRITE.test(e.message)));
    return new StorageError(
      'quota',
      `The browser's storage is full, so ${action} failed${reason ? ` (${reason.name}: ${reason.message})` : ''}. Nothing was changed; earlier saves and versions are kept. Free space on the disk, delete old versions or processes, or download the library.`,
      { cause: error }
    );
  }
  if (isDatabaseVanished(error)) {
    return new StorageError(
      'vanished',
      `The browser deleted the library's database while it was open, so ${action} failed.`,
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

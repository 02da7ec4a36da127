import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { isStorageError, StorageError, toStorageError } from '../../../src/storage/errors';

describe('toStorageError', () => {
  it('given a full disk reported directly or wrapped in an aborted transaction, then the user gets a quota error', () => {
    const direct = new DOMException('Quota exceeded', 'QuotaExceededError');
    const wrapped = new Dexie.AbortError('Transaction aborted', new Dexie.QuotaExceededError('disk full'));
    const inBulk = Object.assign(new Error('bulk failed'), { name: 'BulkError', failures: [direct] });

    for (const error of [direct, wrapped, inBulk]) {
      const mapped = toStorageError(error, 'saving the process');
      expect(isStorageError(mapped, 'quota')).toBe(true);
      expect((mapped as StorageError).message).toMatch(/storage is full, so saving the process failed.*earlier saves and versions are kept/);
      expect((mapped as StorageError).cause).toBe(error);
    }
  });

  it('given the disk itself is full, as Chromium reports it (DataError or UnknownError naming the I/O failure), then it is a quota error too, not a generic failure', () => {
    const blobs = new DOMException('Failed to write blobs (IOError)', 'DataError');
    const wrapped = new Dexie.AbortError('Transaction aborted', blobs);
    const unknown = new DOMException('Internal error: IO error: No space left on device', 'UnknownError');
    // What the request reports when Chromium keeps the IOError on the transaction.
    const aborted = new Dexie.AbortError('The transaction was aborted, so the request cannot be fulfilled.');
    expect(isStorageError(toStorageError(aborted, 'saving the process'), 'quota')).toBe(true);
    for (const error of [blobs, wrapped, unknown]) {
      const mapped = toStorageError(error, 'saving the process') as StorageError;
      expect(mapped.kind).toBe('quota');
      expect(mapped.message).toMatch(/storage is full, so saving the process failed \(\w+: [^)]*(IOError|IO error)/);
    }
    // A DataError about the data itself (a bad key) is not a full disk.
    expect(toStorageError(new DOMException('Data provided to an operation does not meet requirements.', 'DataError'), 'saving')).not.toBeInstanceOf(StorageError);
  });

  it('given Chromium deleted the database under an open connection, then the error says the library vanished', () => {
    const gone = new DOMException("Failed to execute 'transaction' on 'IDBDatabase': One of the specified object stores was not found.", 'NotFoundError');
    expect(isStorageError(toStorageError(new Dexie.OpenFailedError('x', gone), 'saving'), 'vanished')).toBe(true);
  });

  it('given IndexedDB is missing or closed, then the user gets an unavailable error', () => {
    expect(isStorageError(toStorageError(new Dexie.MissingAPIError('no IndexedDB'), 'opening'), 'unavailable')).toBe(true);
    expect(isStorageError(toStorageError(new Dexie.DatabaseClosedError('closed'), 'opening'), 'unavailable')).toBe(true);
  });

  it('given a programming error, then it passes through unchanged unless a fallback kind is asked for', () => {
    const bug = new TypeError('x is undefined');
    expect(toStorageError(bug, 'saving')).toBe(bug);
    const fallback = toStorageError(bug, 'opening the process library', 'unavailable');
    expect(isStorageError(fallback, 'unavailable')).toBe(true);
    expect((fallback as Error).message).toBe('Opening the process library failed (x is undefined).');
  });

  it('given a StorageError, then it is kept as it is', () => {
    const error = new StorageError('too-large', 'too big');
    expect(toStorageError(error, 'saving')).toBe(error);
  });
});

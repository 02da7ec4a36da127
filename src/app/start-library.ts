import type { LibraryHealth } from './app-controller';
import { LocalStorageLibraryCopy } from '../storage/library-copy';
import { localStorageNote, openLibrary, reopenLibrary, requestPersistentStorage, syncCopy } from '../storage/library-start';
import { ProcessRepository } from '../storage/process-repository';
import { TabSync } from '../storage/tab-sync';

/**
 * Opens the process library for the app: asks the browser to keep its storage, opens the
 * second copy and the database, puts a vanished library back from the copy (or reports it
 * lost), and brings the copy up to date in the background.
 */
export async function startLibrary() {
  const persisted = requestPersistentStorage();
  const copy = LocalStorageLibraryCopy.open();
  const options = { copy, note: localStorageNote };
  const { db, outcome } = await openLibrary(options);
  const tabSync = new TabSync();
  const repository = new ProcessRepository(db, { onChange: (change) => tabSync.publish(change), copy });
  if (copy && outcome.kind === 'opened') {
    // A library from before the copy existed, or a copy behind after a failed write: catch it up.
    void syncCopy(db, copy).catch((error: unknown) => console.warn('The library copy could not be brought up to date', error));
  }
  const health: LibraryHealth = {
    start: outcome,
    reopen: () => reopenLibrary(db, options),
    readCopy: async () => (copy ? (await copy.read()).records : []),
    persisted
  };
  return { db, repository, tabSync, health };
}

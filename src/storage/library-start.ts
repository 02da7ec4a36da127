import { Dexie } from 'dexie';
import { openDatabase, type DatabaseOptions, type MissingLinkDb } from './db';
import { toStorageError } from './errors';
import type { LibraryCopy } from './library-copy';
import { SEEDED_SETTING_KEY } from './process-repository';
import type { ProcessRecord } from './records';

/** What the start finds, before it changes anything. */
export interface StartFacts {
  /** The database holds a library: it was seeded once, or it holds processes. */
  databaseHasLibrary: boolean;
  /** The database existed but lacked some of its tables (the browser emptied it). */
  storesLost: boolean;
  /** A second copy of the library was made in this profile before (its marker is there). */
  copyExists: boolean;
  /** Processes in that copy. */
  copyProcesses: number;
  /** A note outside IndexedDB (localStorage) says the library existed in this profile. */
  libraryKnown: boolean;
}

/**
 * What to do at start:
 * - 'open': the library is there; open it (and bring the copy up to date);
 * - 'seed': a first start in this profile; add the samples;
 * - 'restore': the database vanished or lost its tables and a copy exists; put the copy back;
 * - 'report-lost': the database vanished and no copy is left; add no samples over it, say so.
 */
export type StartDecision = 'open' | 'seed' | 'restore' | 'report-lost';

/** The start rule, pure so each case is unit-tested (test/unit/storage/library-start.test.ts). */
export function decideStart(facts: StartFacts): StartDecision {
  if (facts.databaseHasLibrary && !facts.storesLost) return 'open';
  if (facts.copyProcesses > 0) return 'restore';
  const existedBefore = facts.storesLost || facts.copyExists || facts.libraryKnown;
  return existedBefore ? 'report-lost' : 'seed';
}

/** How the start went, for the user: what was found and done. */
export type StartOutcome =
  | { kind: 'opened' }
  | { kind: 'first-start' }
  | { kind: 'restored'; processes: number; storesLost: boolean; problems: string[] }
  | { kind: 'lost'; storesLost: boolean };

/** A note outside IndexedDB that the library existed; localStorage by default. */
export interface LibraryNote {
  known(): boolean;
  remember(): void;
  /** Writes the note again (after a storage failure may have dropped it on disk). */
  rewrite?(): void;
}

const NOTE_KEY = 'missinglink.library.existed';
const NOTE_COOKIE = 'missinglink_library_existed';

/**
 * The note in localStorage and in a cookie: each is kept in its own file of the browser
 * profile, apart from the storage bucket that holds IndexedDB, so either one tells a
 * vanished library from a first start. Clearing the site's data removes both, as it
 * should: that is a new start.
 */
export const localStorageNote: LibraryNote = {
  known() {
    let inStorage = false;
    try {
      inStorage = localStorage.getItem(NOTE_KEY) !== null;
    } catch {
      // blocked: the cookie may still tell
    }
    return inStorage || (typeof document !== 'undefined' && document.cookie.split('; ').some((c) => c.startsWith(`${NOTE_COOKIE}=`)));
  },
  remember() {
    try {
      if (localStorage.getItem(NOTE_KEY) === null) localStorage.setItem(NOTE_KEY, String(Date.now()));
    } catch {
      // not noted here: the cookie and the copy's marker still say the library existed
    }
    if (typeof document !== 'undefined') document.cookie = `${NOTE_COOKIE}=1; max-age=${10 * 365 * 86400}; path=/; SameSite=Strict`;
  },
  rewrite() {
    try {
      localStorage.removeItem(NOTE_KEY);
    } catch {
      // blocked
    }
    this.remember();
  }
};

export interface StartOptions {
  name?: string;
  database?: DatabaseOptions;
  copy?: LibraryCopy;
  note?: LibraryNote;
  now?: () => number;
}

/** True when the open database lacks one of the tables its schema declares. */
function storesMissing(db: MissingLinkDb): boolean {
  const present = db.backendDB()?.objectStoreNames;
  if (!present) return false;
  return db.tables.some((table) => !present.contains(table.name));
}

/**
 * Brings the library back to a usable state on an open (or reopened) database: a
 * database that lost its tables is recreated; a library that vanished is put back from
 * the copy, or reported as lost (and then marked as seeded, so the samples never land on
 * top of it). Returns what it found and did.
 */
export async function recoverLibrary(db: MissingLinkDb, options: StartOptions = {}): Promise<StartOutcome> {
  const now = options.now ?? Date.now;
  const name = db.name;
  let storesLost = false;
  if (storesMissing(db)) {
    storesLost = true;
    db.close({ disableAutoOpen: false });
    await Dexie.delete(name);
    await db.open();
  }
  const databaseHasLibrary =
    (await db.settings.get(SEEDED_SETTING_KEY)) !== undefined || (await db.processes.count()) > 0;
  const copy = options.copy;
  const copyExists = copy ? await copy.exists().catch(() => false) : false;
  const revisions = copy && copyExists ? await copy.revisions().catch(() => new Map<string, number>()) : new Map<string, number>();
  const decision = decideStart({
    databaseHasLibrary,
    storesLost,
    copyExists,
    copyProcesses: revisions.size,
    libraryKnown: options.note?.known() ?? false
  });

  let outcome: StartOutcome;
  switch (decision) {
    case 'open':
      outcome = { kind: 'opened' };
      break;
    case 'seed':
      outcome = { kind: 'first-start' };
      break;
    case 'restore': {
      const { records, problems } = await copy!.read();
      await putBack(db, records, now());
      outcome = { kind: 'restored', processes: records.length, storesLost, problems };
      break;
    }
    case 'report-lost':
      await db.settings.put({ key: SEEDED_SETTING_KEY, value: { at: now(), samples: 0 } });
      outcome = { kind: 'lost', storesLost };
      break;
  }
  options.note?.remember();
  await copy?.markExists().catch((error: unknown) => console.warn('The library copy could not be marked', error));
  return outcome;
}

/** Writes the copy's processes back in one transaction, ids and revisions as they were, and marks the library seeded. */
async function putBack(db: MissingLinkDb, records: ProcessRecord[], at: number): Promise<void> {
  await db.transaction('rw', db.processes, db.settings, async () => {
    await db.processes.bulkPut(records);
    if (!(await db.settings.get(SEEDED_SETTING_KEY))) {
      await db.settings.put({ key: SEEDED_SETTING_KEY, value: { at, samples: 0 } });
    }
  });
}

/**
 * Makes the copy match the database after a normal start: processes missing from the
 * copy or older there are written, processes no longer in the library are removed. Runs
 * in the background; a failure only leaves the copy as it was.
 */
export async function syncCopy(db: MissingLinkDb, copy: LibraryCopy): Promise<{ written: number; removed: number }> {
  const inCopy = await copy.revisions();
  const inDb = new Set<string>();
  const stale: ProcessRecord[] = [];
  await db.processes.each((row) => {
    if (typeof row?.id !== 'string' || typeof row.revision !== 'number') return;
    inDb.add(row.id);
    if (inCopy.get(row.id) !== row.revision) stale.push(row);
  });
  for (const row of stale) await copy.put(row);
  const written = stale.length;
  let removed = 0;
  for (const id of inCopy.keys()) {
    if (!inDb.has(id)) {
      await copy.remove(id);
      removed++;
    }
  }
  return { written, removed };
}

/** Opens the library for the app: the database, recovered if it vanished, plus how the start went. */
export async function openLibrary(options: StartOptions = {}): Promise<{ db: MissingLinkDb; outcome: StartOutcome }> {
  const db = await openDatabase(options.name, options.database);
  try {
    return { db, outcome: await recoverLibrary(db, options) };
  } catch (error) {
    throw toStorageError(error, 'opening the process library', 'unavailable');
  }
}

/**
 * After a write failed on a full disk, Chromium's connection can stay broken even once
 * space is back, or the database can be gone: close it, open it again, and recover it as
 * at start. The repository keeps using the same Dexie instance.
 */
export async function reopenLibrary(db: MissingLinkDb, options: StartOptions = {}): Promise<StartOutcome> {
  db.close({ disableAutoOpen: false });
  await db.open();
  const outcome = await recoverLibrary(db, options);
  if (options.copy) {
    // What the failure may have dropped on disk: the copy, and the note, written again.
    await options.copy.rewrite().catch((error: unknown) => console.warn('The library copy could not be written again', error));
    await syncCopy(db, options.copy).catch((error: unknown) => console.warn('The library copy could not be brought up to date', error));
  }
  options.note?.rewrite?.();
  return outcome;
}

/** Asks the browser to keep this origin's storage under storage pressure; resolves to whether it will. */
export async function requestPersistentStorage(): Promise<boolean | undefined> {
  try {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.persist) return undefined;
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return undefined;
  }
}

import { Dexie, type DexieOptions, type Table, type Transaction } from 'dexie';
import { toStorageError } from './errors';
import type { AssessmentRecord, ProcessRecord, ReviewRecord, SettingRecord, VersionRecord } from './records';

/** Name of the IndexedDB database that holds the process library. */
export const DB_NAME = 'missinglink';

/**
 * One step in the life of the schema. Versions are data, not code paths, so a test
 * can open a database exactly as an older release left it (`schema: SCHEMA_VERSIONS.slice(0, n)`),
 * fill it from a fixture, and reopen it with the current list to check the upgrade.
 */
export interface SchemaVersion {
  version: number;
  /** What changed and why, for the next engineer reading the history. */
  description: string;
  /** Dexie store specs: list only the tables that change; `null` deletes a table. */
  stores: Record<string, string | null>;
  /** Rewrites rows from the previous shape; runs inside the upgrade transaction, all or nothing. */
  upgrade?: (tx: Transaction) => void | PromiseLike<unknown>;
}

/**
 * Every schema version ever released, oldest first. Never edit a released entry:
 * append a new version with an `upgrade` and a test in test/unit/storage/db.test.ts
 * that starts from a fixture of every earlier version.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    description: 'Process library: current XML per process, numbered versions per process, small settings.',
    stores: {
      processes: 'id, name, updatedAt',
      versions: '++id, processId, [processId+number]',
      settings: 'key'
    }
  },
  {
    version: 2,
    description:
      'Audit reviews: an auditor\'s sign-off per process with the model fingerprint and XML at that moment, so later changes can be shown.',
    stores: {
      reviews: '++id, processId, [processId+createdAt]'
    }
  },
  {
    version: 3,
    description:
      'Maturity self-assessments (CEMM) of the organisation, one row per assessment with its respondents; they belong to no process.',
    stores: {
      assessments: 'id, organisation, updatedAt'
    }
  }
];

/** The version this build reads and writes. */
export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** Options for opening the database; both exist so tests can pick an old schema or a fake IndexedDB. */
export interface DatabaseOptions {
  schema?: readonly SchemaVersion[];
  dexie?: DexieOptions;
}

/**
 * The typed 'missinglink' database. Tables are typed with the record shapes for
 * writing; everything read back goes through the zod schemas in records.ts.
 */
export class MissingLinkDb extends Dexie {
  declare processes: Table<ProcessRecord, string>;
  declare versions: Table<VersionRecord, number, Omit<VersionRecord, 'id'> & { id?: number }>;
  declare settings: Table<SettingRecord, string>;
  declare reviews: Table<ReviewRecord, number, Omit<ReviewRecord, 'id'> & { id?: number }>;
  declare assessments: Table<AssessmentRecord, string>;

  constructor(name: string = DB_NAME, options: DatabaseOptions = {}) {
    super(name, options.dexie);
    const schema = options.schema ?? SCHEMA_VERSIONS;
    for (const step of schema) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
    // Dexie would happily open a database a newer build has already upgraded, and
    // reopen it silently after that build's upgrade closed our connection; rows this
    // build writes could then lack what the newer schema requires. Refuse instead,
    // on every (re)open, so the user reloads into the newer build.
    const known = Math.max(...schema.map((step) => step.version));
    this.on(
      'ready',
      (db: Dexie) => {
        // db.verno echoes our declaration; the real version is IndexedDB's (Dexie's number × 10,
        // plus small patch bumps Dexie makes itself, hence the floor).
        const installed = Math.floor(db.backendDB().version / 10);
        if (installed > known) {
          return Promise.reject(
            new Dexie.VersionError(`Database is at schema version ${installed}; this build knows up to ${known}.`)
          );
        }
        return undefined;
      },
      true
    );
  }
}

/** Opens (and if needed creates or upgrades) the database; failures become StorageError 'unavailable'. */
export async function openDatabase(name: string = DB_NAME, options: DatabaseOptions = {}): Promise<MissingLinkDb> {
  const db = new MissingLinkDb(name, options);
  try {
    await db.open();
  } catch (error) {
    db.close();
    throw toStorageError(error, 'opening the process library', 'unavailable');
  }
  return db;
}

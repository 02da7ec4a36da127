import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { Dexie, type DBCore, type DBCoreMutateRequest } from 'dexie';
import { afterEach } from 'vitest';
import { MissingLinkDb, openDatabase, type DatabaseOptions } from '../../../src/storage/db';

// Shared set-up for the storage tests: a fresh database per test (fake-indexeddb
// keeps one global store per process), real BPMN content, and fault injection
// below Dexie's table API, where real IndexedDB errors would come from.

let counter = 0;
const opened: { name: string; dbs: Dexie[] }[] = [];

/** A database name no other test uses; the database is deleted after the test. */
export function freshDbName(): string {
  const name = `missinglink-test-${process.pid}-${++counter}`;
  opened.push({ name, dbs: [] });
  return name;
}

/** Registers a connection so it is closed before its database is deleted. */
export function track<T extends Dexie>(db: T): T {
  opened.find((o) => o.name === db.name)?.dbs.push(db);
  return db;
}

afterEach(async () => {
  for (const { name, dbs } of opened.splice(0)) {
    dbs.forEach((db) => db.close());
    await Dexie.delete(name);
  }
});

/** Opens a fresh database with the current schema. */
export async function openFreshDb(options: DatabaseOptions = {}): Promise<MissingLinkDb> {
  return track(await openDatabase(freshDbName(), options));
}

/** Opens another connection to the same database, as a second tab would. */
export async function openSecondTab(db: MissingLinkDb): Promise<MissingLinkDb> {
  return track(await openDatabase(db.name));
}

const repoRoot = new URL('../../../', import.meta.url);

/** A BPMN file from the MIWG corpus in test/fixtures/miwg (real content from other tools). */
export function corpusBpmn(file: string): string {
  return readFileSync(new URL(`test/fixtures/miwg/Reference/${file}`, repoRoot), 'utf8');
}

/** Controls a fault injected into every write that reaches IndexedDB. */
export interface WriteFault {
  /** Fail the n-th write from now (1 = the next one) with `error`; earlier writes go through. */
  failOnWrite(n: number, error: unknown): void;
  /** Writes that reached IndexedDB since the last `failOnWrite`. */
  readonly writesPassed: number;
}

/** A database (not yet opened) whose writes can be made to fail, like a full disk or a killed tab would. */
export function dbWithWriteFault(options: DatabaseOptions = {}): { db: MissingLinkDb; fault: WriteFault } {
  const db = track(new MissingLinkDb(freshDbName(), options));
  let failAt = 0;
  let passed = 0;
  let error: unknown;
  const fault: WriteFault = {
    failOnWrite(n, err) {
      failAt = n;
      passed = 0;
      error = err;
    },
    get writesPassed() {
      return passed;
    }
  };
  db.use({
    stack: 'dbcore',
    name: 'test-write-fault',
    create: (down: DBCore): Partial<DBCore> => ({
      ...down,
      table(name: string) {
        const table = down.table(name);
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (failAt > 0) {
              if (passed + 1 === failAt) {
                failAt = 0;
                return Promise.reject(error);
              }
              passed++;
            }
            return table.mutate(req);
          }
        };
      }
    })
  });
  return { db, fault };
}

/** The error a browser raises when the origin's storage quota is used up. */
export function quotaExceeded(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

/** Lets pending promise callbacks and I/O callbacks run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A deterministic clock with setTimeout/clearTimeout, for the Autosaver and the presence heartbeat. */
export class FakeTimer {
  private time = 0;
  private seq = 0;
  private readonly tasks = new Map<number, { at: number; callback: () => void }>();

  setTimeout(callback: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.tasks.set(id, { at: this.time + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.tasks.delete(handle as number);
  }

  now(): number {
    return this.time;
  }

  /** Timers waiting to fire. */
  get pending(): number {
    return this.tasks.size;
  }

  /** Moves time forward by `ms`, firing due timers in order and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (;;) {
      const due = [...this.tasks].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      this.tasks.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
      await settle();
    }
    this.time = end;
    await settle();
  }
}

import { freshDbName, openFreshDb, track } from './support';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_VERSIONS } from '../../../src/storage/db';
import { copyFileName, parseCopyFileName, type LibraryCopy } from '../../../src/storage/library-copy';
import { decideStart, recoverLibrary, reopenLibrary, syncCopy, type LibraryNote, type StartFacts } from '../../../src/storage/library-start';
import { ProcessRepository, SEEDED_SETTING_KEY } from '../../../src/storage/process-repository';
import type { ProcessRecord } from '../../../src/storage/records';

const xml = (name: string) => `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="p" name="${name}"/></bpmn:definitions>`;

/** The copy as a map in memory, with the same rule as the OPFS one: newest revision per process wins. */
class MemoryCopy implements LibraryCopy {
  readonly files = new Map<string, ProcessRecord>();
  marked = false;
  failWrites = false;
  async exists() {
    return this.marked;
  }
  async markExists() {
    this.marked = true;
  }
  async revisions() {
    return new Map([...this.files.values()].map((r) => [r.id, r.revision]));
  }
  async read() {
    return { records: [...this.files.values()], problems: [] };
  }
  async put(record: ProcessRecord) {
    if (this.failWrites) throw new DOMException('disk full', 'QuotaExceededError');
    this.files.set(record.id, structuredClone(record));
  }
  async remove(id: string) {
    this.files.delete(id);
  }
  async rewrite() {}
}

function note(known = false): LibraryNote & { known(): boolean } {
  let k = known;
  return { known: () => k, remember: () => void (k = true) };
}

const base: StartFacts = { databaseHasLibrary: false, storesLost: false, copyExists: false, copyProcesses: 0, libraryKnown: false };

describe('decideStart', () => {
  it('given a database that holds the library, then it is opened as it is, whatever the copy holds', () => {
    expect(decideStart({ ...base, databaseHasLibrary: true })).toBe('open');
    expect(decideStart({ ...base, databaseHasLibrary: true, copyExists: true, copyProcesses: 3, libraryKnown: true })).toBe('open');
  });

  it('given nothing anywhere says a library existed, then it is a first start and the samples are added', () => {
    expect(decideStart(base)).toBe('seed');
  });

  it('given an empty database but a copy with processes, then the copy is put back', () => {
    expect(decideStart({ ...base, copyExists: true, copyProcesses: 2 })).toBe('restore');
    expect(decideStart({ ...base, storesLost: true, databaseHasLibrary: true, copyExists: true, copyProcesses: 2 })).toBe('restore');
  });

  it('given an empty database and no copy, but the library existed before, then no samples go over it and it is reported lost', () => {
    expect(decideStart({ ...base, libraryKnown: true })).toBe('report-lost');
    expect(decideStart({ ...base, copyExists: true })).toBe('report-lost');
    expect(decideStart({ ...base, storesLost: true })).toBe('report-lost');
  });
});

describe('recoverLibrary', () => {
  it('given the database vanished while the copy kept two processes, then both come back with their ids, revisions and content, and no samples are added', async () => {
    const copy = new MemoryCopy();
    const first = await openFreshDb();
    const repo = new ProcessRepository(first, { copy });
    await repo.seedIfEmpty([{ name: 'Sample', xml: xml('Sample') }]);
    const a = await repo.create({ name: 'Lead to order', xml: xml('A'), origin: 'import' });
    const b = await repo.create({ name: 'Complaints', xml: xml('B') });
    await repo.save(b.id, xml('B edited'), { expectedRevision: 1 });
    await copy.markExists();
    const name = first.name;
    first.close();
    await Dexie.delete(name); // what Chromium does to a database it thinks is corrupt

    const db = track(await openDatabase(name));
    const outcome = await recoverLibrary(db, { copy, note: note(true) });
    expect(outcome).toMatchObject({ kind: 'restored', processes: 3, storesLost: false });
    const after = new ProcessRepository(db);
    const seeded = await after.seedIfEmpty([{ name: 'Another sample', xml: xml('S') }]);
    expect(seeded, 'the samples are not added over a restored library').toEqual([]);
    const { processes } = await after.list();
    expect(processes.map((p) => p.name)).toEqual(['Complaints', 'Lead to order', 'Sample']);
    expect((await after.get(b.id))!).toMatchObject({ xml: xml('B edited'), revision: 2 });
    expect((await after.get(a.id))!.xml).toBe(xml('A'));
  });

  it('given the database lost its tables, then it is recreated and filled from the copy', async () => {
    const copy = new MemoryCopy();
    const name = freshDbName();
    const first = track(await openDatabase(name));
    const repo = new ProcessRepository(first, { copy });
    const p = await repo.create({ name: 'Kept', xml: xml('K') });
    await copy.markExists();
    first.close();
    // The same version number but without the processes table, as a half-deleted database looks.
    const broken = track(new Dexie(name));
    broken.version(SCHEMA_VERSIONS.at(-1)!.version).stores({ settings: 'key' });
    await Dexie.delete(name);
    await broken.open();
    broken.close();

    const db = track(await openDatabase(name).catch(() => Promise.reject(new Error('open failed'))));
    const outcome = await recoverLibrary(db, { copy, note: note(true) });
    // Dexie adds missing tables back itself when it opens (a patch upgrade); either way the copy goes back in.
    expect(outcome).toMatchObject({ kind: 'restored', processes: 1 });
    expect([...db.backendDB().objectStoreNames]).toEqual(expect.arrayContaining(['processes', 'versions', 'settings']));
    expect((await new ProcessRepository(db).get(p.id))?.name).toBe('Kept');
  });

  it('given the library vanished and no copy is left, then it is reported lost, marked seeded, and the samples stay out for good', async () => {
    const db = await openFreshDb();
    const outcome = await recoverLibrary(db, { copy: new MemoryCopy(), note: note(true) });
    expect(outcome).toEqual({ kind: 'lost', storesLost: false });
    expect(await db.settings.get(SEEDED_SETTING_KEY)).toBeDefined();
    expect(await new ProcessRepository(db).seedIfEmpty([{ name: 'S', xml: xml('S') }])).toEqual([]);
    expect(await recoverLibrary(db, { copy: new MemoryCopy(), note: note(true) }), 'reported once').toEqual({ kind: 'opened' });
  });

  it('given a first start in a new profile, then it says so (the samples are added) and remembers that the library now exists', async () => {
    const db = await openFreshDb();
    const copy = new MemoryCopy();
    const n = note(false);
    expect(await recoverLibrary(db, { copy, note: n })).toEqual({ kind: 'first-start' });
    expect(n.known()).toBe(true);
    expect(copy.marked).toBe(true);
  });

  it('given a broken connection after a failed write, when the library is reopened, then the same repository reads and writes again', async () => {
    const db = await openFreshDb();
    const repo = new ProcessRepository(db);
    await repo.seedIfEmpty([{ name: 'S', xml: xml('S') }]);
    const p = await repo.create({ name: 'P', xml: xml('P') });
    expect(await reopenLibrary(db, { note: note(true) })).toEqual({ kind: 'opened' });
    expect((await repo.save(p.id, xml('P2'), { expectedRevision: 1 })).ok).toBe(true);
  });
});

describe('the copy kept by the repository', () => {
  it('follows every committed change: create, save, rename, restore, delete', async () => {
    const copy = new MemoryCopy();
    const repo = new ProcessRepository(await openFreshDb(), { copy });
    const p = await repo.create({ name: 'P', xml: xml('one') });
    await repo.saveVersion(p.id, 'v1');
    await repo.save(p.id, xml('two'), { expectedRevision: 1 });
    expect(copy.files.get(p.id)).toMatchObject({ xml: xml('two'), revision: 2 });
    await repo.rename(p.id, 'Renamed');
    expect(copy.files.get(p.id)).toMatchObject({ name: 'Renamed', revision: 2 });
    const { versions } = await repo.listVersions(p.id);
    await repo.restoreVersion(p.id, versions[0]!.id, { expectedRevision: 2 });
    expect(copy.files.get(p.id)).toMatchObject({ xml: xml('one'), revision: 3, name: 'Renamed' });
    await repo.delete(p.id);
    expect(copy.files.has(p.id)).toBe(false);
  });

  it('given the copy cannot be written, then the save still counts (the database has it) and the copy keeps the older revision', async () => {
    const copy = new MemoryCopy();
    const repo = new ProcessRepository(await openFreshDb(), { copy });
    const p = await repo.create({ name: 'P', xml: xml('one') });
    copy.failWrites = true;
    expect((await repo.save(p.id, xml('two'), { expectedRevision: 1 })).ok).toBe(true);
    expect(copy.files.get(p.id)).toMatchObject({ xml: xml('one'), revision: 1 });
  });

  it('is brought up to date at start: processes missing or older in the copy are written, deleted ones removed', async () => {
    const db = await openFreshDb();
    const repo = new ProcessRepository(db);
    const a = await repo.create({ name: 'A', xml: xml('A') });
    const copy = new MemoryCopy();
    copy.files.set('gone', { ...a, id: 'gone' });
    expect(await syncCopy(db, copy)).toEqual({ written: 1, removed: 1 });
    expect([...copy.files.keys()]).toEqual([a.id]);
    expect(await syncCopy(db, copy)).toEqual({ written: 0, removed: 0 });
  });
});

describe('copy file names', () => {
  it('round-trip any id and revision, and ignore other files', () => {
    for (const id of ['3f2a-9', 'with~tilde/and slash', 'Début']) {
      expect(parseCopyFileName(copyFileName(id, 12))).toEqual({ id, revision: 12 });
    }
    expect(parseCopyFileName('library.json')).toBeUndefined();
    expect(parseCopyFileName('x~0.process.json')).toBeUndefined();
  });
});

describe('the copy in localStorage', () => {
  /** localStorage's interface over a Map, with a size limit like the browser's. */
  function storage(limitChars = Infinity) {
    const map = new Map<string, string>();
    return {
      map,
      get length() {
        return map.size;
      },
      key: (i: number) => [...map.keys()][i] ?? null,
      getItem: (k: string) => map.get(k) ?? null,
      setItem(k: string, v: string) {
        const used = [...map.entries()].reduce((n, [key, value]) => n + (key === k ? 0 : key.length + value.length), 0);
        if (used + k.length + v.length > limitChars) throw new DOMException('full', 'QuotaExceededError');
        map.set(k, v);
      },
      removeItem: (k: string) => void map.delete(k)
    };
  }
  const record = (revision: number, body: string): ProcessRecord => ({
    id: 'p~1', name: 'Lead to order', xml: xml(body), revision, createdAt: 1, updatedAt: revision, sizeBytes: 10, origin: 'import'
  });

  it('keeps the newest revision of each process, compressed, and reads it back exactly', async () => {
    const { LocalStorageLibraryCopy } = await import('../../../src/storage/library-copy');
    const store = storage();
    const copy = new LocalStorageLibraryCopy(store);
    expect(await copy.exists()).toBe(false);
    await copy.markExists();
    const big = 'x'.repeat(200_000);
    await copy.put(record(1, 'first'));
    await copy.put(record(2, big));
    expect(await copy.exists()).toBe(true);
    expect(await copy.revisions()).toEqual(new Map([['p~1', 2]]));
    expect((await copy.read()).records).toEqual([record(2, big)]);
    const stored = [...store.map.values()].reduce((n, v) => n + v.length, 0);
    expect(stored, 'compressed well below the XML size').toBeLessThan(big.length / 20);
    await copy.remove('p~1');
    expect((await copy.read()).records).toEqual([]);
  });

  it('given localStorage is full, then the write fails and the older revision is still there', async () => {
    const { LocalStorageLibraryCopy } = await import('../../../src/storage/library-copy');
    const copy = new LocalStorageLibraryCopy(storage(2_000));
    await copy.put(record(1, 'small'));
    const random = Array.from({ length: 5_000 }, (_, i) => ((i * 7919) % 9973).toString(36)).join('');
    await expect(copy.put(record(2, random))).rejects.toThrow(/full/);
    expect((await copy.read()).records).toEqual([record(1, 'small')]);
  });
});

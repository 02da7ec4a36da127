import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { isStorageError, StorageError } from '../../../src/storage/errors';
import {
  MAX_PROCESS_BYTES,
  ProcessRepository,
  SEEDED_SETTING_KEY,
  type LibraryChange
} from '../../../src/storage/process-repository';
import type { MissingLinkDb } from '../../../src/storage/db';
import type { ProcessRecord } from '../../../src/storage/records';
import { corpusBpmn, dbWithWriteFault, openFreshDb, openSecondTab, quotaExceeded } from './support';

const first = corpusBpmn('A.1.0.bpmn');
const second = corpusBpmn('A.2.0.bpmn');
const third = corpusBpmn('A.3.0.bpmn');

function clock(start = 1_700_000_000_000) {
  let t = start;
  return () => (t += 1000);
}

// Adds an XML comment inside the root element, whatever prefix the exporting tool chose.
function withComment(xml: string, text: string): string {
  return xml.replace(/<\/([\w-]+:)?definitions>\s*$/, (end) => `<!--${text}-->${end}`);
}

async function setup(options: { onChange?: (change: LibraryChange) => void } = {}) {
  const db = await openFreshDb();
  return { db, repo: new ProcessRepository(db, { now: clock(), ...options }) };
}

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  );
  if (!isStorageError(error)) throw new Error(`expected a StorageError, got ${String(error)}`);
  return error;
}

// Writes a row the way a buggy older build or a hand-edited database might, bypassing validation.
async function putRaw(db: MissingLinkDb, table: 'processes' | 'versions', row: Record<string, unknown>) {
  await (db[table] as unknown as { put(row: unknown): Promise<unknown> }).put(row);
}

describe('ProcessRepository: the library', () => {
  it('given new processes, when listed, then they appear sorted by name (numbers in natural order) without their XML', async () => {
    const { repo } = await setup();
    await repo.create({ name: 'Lead handling 10', xml: first });
    await repo.create({ name: 'campaign launch', xml: second });
    await repo.create({ name: 'Lead handling 2', xml: third });

    const { processes, problems } = await repo.list();

    expect(processes.map((p) => p.name)).toEqual(['campaign launch', 'Lead handling 2', 'Lead handling 10']);
    expect(processes.every((p) => !('xml' in p))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('given a created process, when opened, then it has its content, revision 1 and its UTF-8 size', async () => {
    const { repo } = await setup();
    const xml = withComment(first, ' klantbelofte: één week – gegarandeerd ');
    const created = await repo.create({ name: '  Klant tot klant  ', xml, origin: 'new' });

    const stored = await repo.get(created.id);

    expect(stored).toMatchObject({ name: 'Klant tot klant', xml, revision: 1, origin: 'new' });
    expect(stored!.sizeBytes).toBe(Buffer.byteLength(xml, 'utf8'));
    expect(stored!.sizeBytes).toBeGreaterThan(xml.length);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('given an unknown id, when opened, then there is nothing (not an error)', async () => {
    const { repo } = await setup();
    expect(await repo.get('no-such-process')).toBeUndefined();
  });

  it('given an imported file, when created, then the original is kept as an "import" version to fall back to', async () => {
    const { repo } = await setup();
    const imported = await repo.create({ name: 'From Signavio', xml: second, origin: 'import' });

    const { versions } = await repo.listVersions(imported.id);

    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ kind: 'import', number: 1, label: 'From Signavio' });
    expect((await repo.getVersion(imported.id, versions[0]!.id))!.xml).toBe(second);
  });

  it('given a blank name, when creating or renaming, then it is refused', async () => {
    const { repo } = await setup();
    await expect(repo.create({ name: '   ', xml: first })).rejects.toThrow(RangeError);
    const p = await repo.create({ name: 'Valid', xml: first });
    await expect(repo.rename(p.id, '')).rejects.toThrow(RangeError);
    expect((await repo.get(p.id))!.name).toBe('Valid');
  });

  it('given an open editor, when the process is renamed, then the name changes but the editor can still save', async () => {
    const changes: LibraryChange[] = [];
    const { repo } = await setup({ onChange: (c) => changes.push(c) });
    const p = await repo.create({ name: 'Old name', xml: first });

    const renamed = await repo.rename(p.id, 'New name');
    const saved = await repo.save(p.id, second, { expectedRevision: p.revision });

    expect(renamed).toMatchObject({ name: 'New name', revision: 1 });
    expect(saved.ok).toBe(true);
    expect((await repo.list()).processes.map((x) => x.name)).toEqual(['New name']);
    expect(changes.map((c) => c.type)).toEqual(['created', 'renamed', 'saved']);
  });

  it('given a deleted process, when renamed, then it reports not-found', async () => {
    const { repo } = await setup();
    expect((await rejection(repo.rename('gone', 'x'))).kind).toBe('not-found');
  });

  it('given a process with history, when duplicated, then the copy has the current content, its own id and no history', async () => {
    const { repo } = await setup();
    const original = await repo.create({ name: 'Original', xml: first });
    await repo.saveVersion(original.id, 'v1');
    await repo.save(original.id, second, { expectedRevision: 1 });

    const copy = await repo.duplicate(original.id, 'Original (copy)');

    expect(copy.id).not.toBe(original.id);
    expect(await repo.get(copy.id)).toMatchObject({ name: 'Original (copy)', xml: second, revision: 1, origin: 'copy' });
    expect((await repo.listVersions(copy.id)).versions).toEqual([]);
    expect(await repo.get(original.id)).toMatchObject({ xml: second, revision: 2 });
  });

  it('given two processes with versions, when one is deleted, then it and its versions are gone and the other is untouched', async () => {
    const changes: LibraryChange[] = [];
    const { db, repo } = await setup({ onChange: (c) => changes.push(c) });
    const doomed = await repo.create({ name: 'Doomed', xml: first });
    const kept = await repo.create({ name: 'Kept', xml: second });
    await repo.saveVersion(doomed.id, 'a');
    await repo.saveVersion(kept.id, 'b');

    expect(await repo.delete(doomed.id)).toBe(true);

    expect(await repo.get(doomed.id)).toBeUndefined();
    expect(await db.versions.where('processId').equals(doomed.id).count()).toBe(0);
    expect((await repo.list()).processes.map((p) => p.name)).toEqual(['Kept']);
    expect((await repo.listVersions(kept.id)).versions.map((v) => v.label)).toEqual(['b']);
    expect(changes.at(-1)).toEqual({ type: 'deleted', processId: doomed.id });
    expect(await repo.delete(doomed.id)).toBe(false);
  });
});

describe('ProcessRepository: saving with optimistic concurrency', () => {
  it('given the revision the editor loaded, when saved twice, then each save stores the content and counts up the revision', async () => {
    const changes: LibraryChange[] = [];
    const { repo } = await setup({ onChange: (c) => changes.push(c) });
    const p = await repo.create({ name: 'P', xml: first });

    const a = await repo.save(p.id, second, { expectedRevision: 1 });
    const b = await repo.save(p.id, third, { expectedRevision: 2 });

    expect(a).toMatchObject({ ok: true, revision: 2 });
    expect(b).toMatchObject({ ok: true, revision: 3 });
    expect(await repo.get(p.id)).toMatchObject({ xml: third, revision: 3, sizeBytes: Buffer.byteLength(third) });
    expect(changes.filter((c) => c.type === 'saved')).toEqual([
      { type: 'saved', processId: p.id, revision: 2 },
      { type: 'saved', processId: p.id, revision: 3 }
    ]);
  });

  it('given two tabs editing the same process, when the second saves a stale revision, then it is refused and the first writer wins', async () => {
    const { db, repo: tabA } = await setup();
    const tabB = new ProcessRepository(await openSecondTab(db));
    const p = await tabA.create({ name: 'Shared', xml: first });
    const loadedByB = await tabB.get(p.id);

    const saveA = await tabA.save(p.id, second, { expectedRevision: p.revision });
    const saveB = await tabB.save(p.id, third, { expectedRevision: loadedByB!.revision });

    expect(saveA.ok).toBe(true);
    expect(saveB).toEqual({ ok: false, reason: 'conflict', current: { revision: 2, updatedAt: expect.any(Number) } });
    expect(await tabB.get(p.id)).toMatchObject({ xml: second, revision: 2 });
  });

  it('given two tabs saving at the same moment from the same revision, then exactly one save wins', async () => {
    const { db, repo: tabA } = await setup();
    const tabB = new ProcessRepository(await openSecondTab(db));
    const p = await tabA.create({ name: 'Race', xml: first });

    const results = await Promise.all([
      tabA.save(p.id, second, { expectedRevision: 1 }),
      tabB.save(p.id, third, { expectedRevision: 1 })
    ]);

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = results[0]!.ok ? second : third;
    expect(await tabA.get(p.id)).toMatchObject({ xml: winner, revision: 2 });
  });

  it('given a stored row with a field a newer version of the app added, when saved, then the field is kept and the rest updated', async () => {
    const { db, repo } = await setup();
    const p = await repo.create({ name: 'P', xml: first });
    await db.processes.update(p.id, { tags: ['kwartaal 3'] } as never);

    expect(await repo.save(p.id, second, { expectedRevision: 1 })).toMatchObject({ ok: true, revision: 2 });

    expect(await db.processes.get(p.id)).toMatchObject({ name: 'P', xml: second, revision: 2, sizeBytes: Buffer.byteLength(second), tags: ['kwartaal 3'] });
  });

  it('given a process deleted in another tab, when this tab saves, then it reports not-found instead of recreating it', async () => {
    const { repo } = await setup();
    const p = await repo.create({ name: 'P', xml: first });
    await repo.delete(p.id);

    expect((await rejection(repo.save(p.id, second, { expectedRevision: 1 }))).kind).toBe('not-found');
    expect(await repo.get(p.id)).toBeUndefined();
  });
});

describe('ProcessRepository: versions and restore', () => {
  it('given named versions, when listed, then they are numbered per process and newest first', async () => {
    const { repo } = await setup();
    const p = await repo.create({ name: 'P', xml: first });
    const other = await repo.create({ name: 'Other', xml: first });
    await repo.saveVersion(p.id, 'Draft for review');
    await repo.saveVersion(other.id, 'Other first');
    await repo.save(p.id, second, { expectedRevision: 1 });
    const v2 = await repo.saveVersion(p.id, '  Agreed with sales  ');

    const { versions, problems } = await repo.listVersions(p.id);

    expect(versions.map((v) => [v.number, v.label, v.kind])).toEqual([
      [2, 'Agreed with sales', 'named'],
      [1, 'Draft for review', 'named']
    ]);
    expect(versions.every((v) => !('xml' in v))).toBe(true);
    expect(problems).toEqual([]);
    expect((await repo.getVersion(p.id, v2.id))!.xml).toBe(second);
    expect(await repo.getVersion(other.id, v2.id)).toBeUndefined();
    expect((await repo.listVersions(other.id)).versions.map((v) => v.number)).toEqual([1]);
  });

  it('given a tab with unsaved edits that loads another tab\'s version, when its content is kept as a version, then the history has it and the current content and revision stay', async () => {
    const { repo } = await setup();
    const p = await repo.create({ name: 'P', xml: first });
    await repo.save(p.id, second, { expectedRevision: 1 });

    const kept = await repo.saveVersion(p.id, 'My unsaved changes', { xml: third });

    expect(kept).toMatchObject({ number: 1, label: 'My unsaved changes', kind: 'named', xml: third });
    expect(await repo.get(p.id)).toMatchObject({ xml: second, revision: 2 });
    expect((await repo.getVersion(p.id, kept.id))!.xml).toBe(third);
  });

  it('given content above the size limit, when kept as a version, then it is refused and nothing is recorded', async () => {
    const db = await openFreshDb();
    const repo = new ProcessRepository(db, { maxBytes: first.length + 10 });
    const p = await repo.create({ name: 'P', xml: first });

    expect((await rejection(repo.saveVersion(p.id, 'Too big', { xml: first + 'x'.repeat(100) }))).kind).toBe('too-large');
    expect((await repo.listVersions(p.id)).versions).toEqual([]);
  });

  it('given content changed in another tab, when naming a version against the old revision, then it is refused and nothing is recorded', async () => {
    const { repo } = await setup();
    const p = await repo.create({ name: 'P', xml: first });
    await repo.save(p.id, second, { expectedRevision: 1 });

    expect((await rejection(repo.saveVersion(p.id, 'mine', { expectedRevision: 1 }))).kind).toBe('conflict');
    expect((await repo.listVersions(p.id)).versions).toEqual([]);
  });

  it('given an old version, when restored, then it becomes the newest state and nothing is overwritten', async () => {
    const changes: LibraryChange[] = [];
    const { repo } = await setup({ onChange: (c) => changes.push(c) });
    const p = await repo.create({ name: 'P', xml: first });
    const v1 = await repo.saveVersion(p.id, 'Baseline');
    await repo.save(p.id, second, { expectedRevision: 1 });

    const result = await repo.restoreVersion(p.id, v1.id, { expectedRevision: 2 });

    expect(result).toMatchObject({ ok: true, revision: 3, xml: first });
    expect(await repo.get(p.id)).toMatchObject({ xml: first, revision: 3 });
    const { versions } = await repo.listVersions(p.id);
    expect(versions.map((v) => [v.number, v.kind, v.label])).toEqual([
      [3, 'restored', 'Restored version 1 (Baseline)'],
      [2, 'before-restore', 'Before restoring version 1 (Baseline)'],
      [1, 'named', 'Baseline']
    ]);
    expect((await repo.getVersion(p.id, versions[1]!.id))!.xml).toBe(second);
    expect((await repo.getVersion(p.id, v1.id))!.xml).toBe(first);
    expect(changes.at(-1)).toEqual({ type: 'saved', processId: p.id, revision: 3 });
  });

  it('given a restore, when the "before-restore" version is restored, then the restore is undone', async () => {
    const { repo } = await setup();
    const p = await repo.create({ name: 'P', xml: first });
    const v1 = await repo.saveVersion(p.id, 'Baseline');
    await repo.save(p.id, second, { expectedRevision: 1 });
    const restore = await repo.restoreVersion(p.id, v1.id, { expectedRevision: 2 });
    if (!restore.ok) throw new Error('restore failed');

    const undo = await repo.restoreVersion(p.id, restore.beforeRestore.id, { expectedRevision: restore.revision });

    expect(undo).toMatchObject({ ok: true, revision: 4, xml: second });
    expect(await repo.get(p.id)).toMatchObject({ xml: second, revision: 4 });
    expect((await repo.listVersions(p.id)).versions).toHaveLength(5);
    // Automatic labels do not nest: the restored "before-restore" version is named by its number only.
    expect((await repo.listVersions(p.id)).versions.slice(0, 2).map((v) => v.label)).toEqual(['Restored version 2', 'Before restoring version 2']);
  });

  it('given a restore, when it is undone right away, then the previous content returns and the two versions the restore added are gone', async () => {
    const { repo } = await setup();
    const p = await repo.create({ name: 'P', xml: first });
    const v1 = await repo.saveVersion(p.id, 'Baseline');
    await repo.save(p.id, second, { expectedRevision: 1 });
    const restore = await repo.restoreVersion(p.id, v1.id, { expectedRevision: 2 });
    if (!restore.ok) throw new Error('restore failed');
    expect(restore.restored.restoredFrom, 'the number of the version restored, not its row id').toBe(1);

    const undo = await repo.undoRestore(p.id, { beforeRestoreId: restore.beforeRestore.id, restoredId: restore.restored.id }, { expectedRevision: restore.revision });

    expect(undo).toMatchObject({ ok: true, revision: 4, xml: second });
    expect(await repo.get(p.id)).toMatchObject({ xml: second, revision: 4 });
    expect((await repo.listVersions(p.id)).versions.map((v) => v.label)).toEqual(['Baseline']);
  });

  it('given edits after a restore, when it is undone, then nothing changes and the conflict is reported', async () => {
    const { repo } = await setup();
    const p = await repo.create({ name: 'P', xml: first });
    const v1 = await repo.saveVersion(p.id, 'Baseline');
    await repo.save(p.id, second, { expectedRevision: 1 });
    const restore = await repo.restoreVersion(p.id, v1.id, { expectedRevision: 2 });
    if (!restore.ok) throw new Error('restore failed');
    await repo.save(p.id, third, { expectedRevision: restore.revision });
    const undo = await repo.undoRestore(p.id, { beforeRestoreId: restore.beforeRestore.id, restoredId: restore.restored.id }, { expectedRevision: restore.revision });
    expect(undo.ok).toBe(false);
    expect((await repo.get(p.id))!.xml).toBe(third);
    expect((await repo.listVersions(p.id)).versions).toHaveLength(3);
  });

  it('given translated labels, when restoring, then the recorded versions carry them', async () => {
    const { repo } = await setup();
    const p = await repo.create({ name: 'P', xml: first });
    const v1 = await repo.saveVersion(p.id, 'Basis');
    const result = await repo.restoreVersion(p.id, v1.id, {
      expectedRevision: 1,
      labels: { beforeRestore: 'Voor herstel van versie 1', restored: 'Versie 1 hersteld' }
    });
    expect(result).toMatchObject({
      beforeRestore: { label: 'Voor herstel van versie 1', restoredFrom: 1 },
      restored: { label: 'Versie 1 hersteld', restoredFrom: 1 }
    });
  });

  it('given a stale revision, when restoring, then it is refused and neither content nor history changes', async () => {
    const { db, repo } = await setup();
    const tabB = new ProcessRepository(await openSecondTab(db));
    const p = await repo.create({ name: 'P', xml: first });
    const v1 = await repo.saveVersion(p.id, 'Baseline');
    await tabB.save(p.id, second, { expectedRevision: 1 });

    const result = await repo.restoreVersion(p.id, v1.id, { expectedRevision: 1 });

    expect(result).toMatchObject({ ok: false, reason: 'conflict', current: { revision: 2 } });
    expect(await repo.get(p.id)).toMatchObject({ xml: second, revision: 2 });
    expect((await repo.listVersions(p.id)).versions).toHaveLength(1);
  });

  it("given another process's version, when restoring it here, then it reports not-found and changes nothing", async () => {
    const { repo } = await setup();
    const p = await repo.create({ name: 'P', xml: first });
    const other = await repo.create({ name: 'Other', xml: second });
    const foreign = await repo.saveVersion(other.id, 'x');

    expect((await rejection(repo.restoreVersion(p.id, foreign.id, { expectedRevision: 1 }))).kind).toBe('not-found');
    expect(await repo.get(p.id)).toMatchObject({ xml: first, revision: 1 });
  });

  it('given many versions, when one is deleted to free space, then the others and the current content stay', async () => {
    const { repo } = await setup();
    const p = await repo.create({ name: 'P', xml: first });
    const a = await repo.saveVersion(p.id, 'a');
    await repo.saveVersion(p.id, 'b');

    expect(await repo.deleteVersion(p.id, a.id)).toBe(true);
    expect(await repo.deleteVersion(p.id, a.id)).toBe(false);

    expect((await repo.listVersions(p.id)).versions.map((v) => v.label)).toEqual(['b']);
    expect((await repo.get(p.id))!.xml).toBe(first);
  });
});

describe('ProcessRepository: first start', () => {
  const samples = [
    { name: 'Sample: lead to order', xml: first },
    { name: 'Sample: campaign', xml: second }
  ];

  it('given an empty library, when seeded, then the samples appear once and a second start adds nothing', async () => {
    const { repo } = await setup();

    const created = await repo.seedIfEmpty(samples);
    const again = await repo.seedIfEmpty(samples);

    expect(created.map((p) => p.origin)).toEqual(['sample', 'sample']);
    expect(again).toEqual([]);
    expect((await repo.list()).processes.map((p) => p.name)).toEqual(['Sample: campaign', 'Sample: lead to order']);
  });

  it('given the user deleted every sample, when the app starts again, then the samples do not come back', async () => {
    const { repo } = await setup();
    for (const p of await repo.seedIfEmpty(samples)) await repo.delete(p.id);

    expect(await repo.seedIfEmpty(samples)).toEqual([]);
    expect((await repo.list()).processes).toEqual([]);
  });

  it('given two tabs starting at the same moment, when both seed, then the samples exist once', async () => {
    const { db, repo: tabA } = await setup();
    const tabB = new ProcessRepository(await openSecondTab(db));

    const [a, b] = await Promise.all([tabA.seedIfEmpty(samples), tabB.seedIfEmpty(samples)]);

    expect(a.length + b.length).toBe(2);
    expect((await tabA.list()).processes).toHaveLength(2);
  });

  it('given samples behind a loader, then they are loaded on the first start only, and two tabs still seed once', async () => {
    const { db, repo: tabA } = await setup();
    const tabB = new ProcessRepository(await openSecondTab(db));
    let loads = 0;
    const loader = async () => {
      loads++;
      return samples;
    };

    const [a, b] = await Promise.all([tabA.seedIfEmpty(loader), tabB.seedIfEmpty(loader)]);
    expect(a.length + b.length).toBe(2);
    const loadsOnFirstStart = loads;

    expect(await tabA.seedIfEmpty(loader)).toEqual([]);
    expect(loads).toBe(loadsOnFirstStart);
    expect((await tabA.list()).processes).toHaveLength(2);
  });

  it('given a library that already holds processes, when seeding, then no samples are added', async () => {
    const { db, repo } = await setup();
    await repo.create({ name: 'Mine', xml: first });

    expect(await repo.seedIfEmpty(samples)).toEqual([]);
    expect((await repo.list()).processes.map((p) => p.name)).toEqual(['Mine']);
    expect(await db.settings.get(SEEDED_SETTING_KEY)).toBeDefined();
  });
});

describe('ProcessRepository: damaged data, size limit, full disk, interrupted writes', () => {
  it('given a damaged row among good ones, when listed, then the good ones show and the damaged one is reported', async () => {
    const { db, repo } = await setup();
    await repo.create({ name: 'Good A', xml: first });
    await repo.create({ name: 'Good B', xml: second });
    await putRaw(db, 'processes', { id: 'broken-1', name: 'Half written', xml: 42, revision: 'two' });

    const { processes, problems } = await repo.list();

    expect(processes.map((p) => p.name)).toEqual(['Good A', 'Good B']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ table: 'processes', key: 'broken-1' });
    expect(problems[0]!.message).toContain('"Half written"');
    expect(problems[0]!.message).toContain('revision');
    expect(problems[0]!.name, 'the name a user knows the process by, for the message').toBe('Half written');
  });

  it('given a damaged row, when opened directly, then it reports corrupt; when deleted, then it is gone', async () => {
    const { db, repo } = await setup();
    await putRaw(db, 'processes', { id: 'broken-2', name: '', xml: '<x/>' });

    expect((await rejection(repo.get('broken-2'))).kind).toBe('corrupt');
    expect(await repo.delete('broken-2')).toBe(true);
    expect((await repo.list()).problems).toEqual([]);
  });

  it('given a damaged version row, when the history is listed, then it is skipped and reported', async () => {
    const { db, repo } = await setup();
    const p = await repo.create({ name: 'P', xml: first });
    await repo.saveVersion(p.id, 'fine');
    await putRaw(db, 'versions', { processId: p.id, number: 2, label: 'bad', kind: 'autosave', createdAt: 1 });

    const { versions, problems } = await repo.listVersions(p.id);

    expect(versions.map((v) => v.label)).toEqual(['fine']);
    expect(problems).toEqual([expect.objectContaining({ table: 'versions' })]);
    expect(problems[0]!.message).toContain('kind');
  });

  it('given content above the size limit, when saved or created, then it is refused as too-large and the old content remains', async () => {
    const { repo } = await setup();
    const p = await repo.create({ name: 'P', xml: first });
    const huge = withComment(first, 'x'.repeat(MAX_PROCESS_BYTES));

    const saveError = await rejection(repo.save(p.id, huge, { expectedRevision: 1 }));
    const createError = await rejection(repo.create({ name: 'Huge', xml: huge }));

    expect(saveError.kind).toBe('too-large');
    expect(saveError.message).toMatch(/limit of 10\.0 MiB/);
    expect(createError.kind).toBe('too-large');
    expect(await repo.get(p.id)).toMatchObject({ xml: first, revision: 1 });
    expect((await repo.list()).processes).toHaveLength(1);
  });

  it('given a full disk, when saving, then a quota error explains it and the earlier content and versions are intact', async () => {
    const { db, fault } = dbWithWriteFault();
    const repo = new ProcessRepository(db);
    const p = await repo.create({ name: 'P', xml: first });
    await repo.saveVersion(p.id, 'Baseline');
    await repo.save(p.id, second, { expectedRevision: 1 });

    fault.failOnWrite(1, quotaExceeded());
    const error = await rejection(repo.save(p.id, third, { expectedRevision: 2 }));

    expect(error.kind).toBe('quota');
    expect(error.message).toMatch(/storage is full/);
    expect(await repo.get(p.id)).toMatchObject({ xml: second, revision: 2 });
    const { versions } = await repo.listVersions(p.id);
    expect(versions.map((v) => v.label)).toEqual(['Baseline']);
    expect((await repo.getVersion(p.id, versions[0]!.id))!.xml).toBe(first);
    expect((await repo.save(p.id, third, { expectedRevision: 2 })).ok).toBe(true);
  });

  it('given a full disk halfway through a restore, then the quota error leaves content and history exactly as before', async () => {
    const { db, fault } = dbWithWriteFault();
    const repo = new ProcessRepository(db);
    const p = await repo.create({ name: 'P', xml: first });
    const v1 = await repo.saveVersion(p.id, 'Baseline');
    await repo.save(p.id, second, { expectedRevision: 1 });

    fault.failOnWrite(3, quotaExceeded());
    const error = await rejection(repo.restoreVersion(p.id, v1.id, { expectedRevision: 2 }));

    expect(error.kind).toBe('quota');
    expect(fault.writesPassed).toBe(2);
    expect(await repo.get(p.id)).toMatchObject({ xml: second, revision: 2 });
    expect((await repo.listVersions(p.id)).versions.map((v) => v.number)).toEqual([1]);
  });

  it('given a transaction aborted after its first write (a killed tab), then no half-written state is left', async () => {
    const { db, fault } = dbWithWriteFault();
    const repo = new ProcessRepository(db);
    const p = await repo.create({ name: 'P', xml: first });
    const v1 = await repo.saveVersion(p.id, 'Baseline');
    await repo.save(p.id, second, { expectedRevision: 1 });

    fault.failOnWrite(2, new Error('tab killed'));
    await expect(repo.restoreVersion(p.id, v1.id, { expectedRevision: 2 })).rejects.toThrow('tab killed');

    expect(fault.writesPassed).toBe(1);
    expect(await repo.get(p.id)).toMatchObject({ xml: second, revision: 2 });
    expect((await repo.listVersions(p.id)).versions).toHaveLength(1);
    const restored = await repo.restoreVersion(p.id, v1.id, { expectedRevision: 2 });
    expect(restored).toMatchObject({ ok: true, revision: 3, beforeRestore: { number: 2 }, restored: { number: 3 } });
  });

  it('given an import whose version write fails, then the process is not created either', async () => {
    const { db, fault } = dbWithWriteFault();
    const repo = new ProcessRepository(db);
    await repo.create({ name: 'Existing', xml: first });

    fault.failOnWrite(2, quotaExceeded());
    const error = await rejection(repo.create({ name: 'Imported', xml: second, origin: 'import' }));

    expect(error.kind).toBe('quota');
    expect((await repo.list()).processes.map((p: Omit<ProcessRecord, 'xml'>) => p.name)).toEqual(['Existing']);
  });
});

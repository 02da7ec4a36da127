import 'fake-indexeddb/auto';
import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  MissingLinkDb,
  openDatabase,
  SCHEMA_VERSIONS,
  type SchemaVersion
} from '../../../src/storage/db';
import { isStorageError } from '../../../src/storage/errors';
import { ProcessRepository } from '../../../src/storage/process-repository';
import type { ProcessRecord, SettingRecord, VersionRecord } from '../../../src/storage/records';
import { freshDbName, track } from './support';

/** A database as an older release left it: the rows its schema version wrote. */
interface SchemaFixture {
  description: string;
  version: number;
  rows: { processes: ProcessRecord[]; versions: VersionRecord[]; settings: SettingRecord[] };
}

// Every fixtures/schema-v<N>.json is picked up: adding schema version N+1 means adding
// its fixture, and every older fixture keeps proving that upgrades keep all data.
const fixtures = Object.values(
  import.meta.glob<SchemaFixture>('./fixtures/schema-v*.json', { eager: true, import: 'default' })
).sort((a, b) => a.version - b.version);

/** Creates a database exactly as schema version `fixture.version` would have written it. */
async function writeOldDatabase(fixture: SchemaFixture, schema: readonly SchemaVersion[] = SCHEMA_VERSIONS): Promise<string> {
  const name = freshDbName();
  const old = track(new MissingLinkDb(name, { schema: schema.filter((v) => v.version <= fixture.version) }));
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.rows)) await old.table(table).bulkPut(rows);
  });
  old.close();
  return name;
}

describe('database schema', () => {
  it('has a fixture for every schema version ever released', () => {
    expect(fixtures.map((f) => f.version)).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
  });

  for (const fixture of fixtures) {
    it(`given a library written by schema version ${fixture.version}, when this build opens it, then every process, version and setting is still there`, async () => {
      const name = await writeOldDatabase(fixture);

      const db = track(await openDatabase(name));
      const repo = new ProcessRepository(db);

      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
      const { processes, problems } = await repo.list();
      expect(problems).toEqual([]);
      expect(processes.map((p) => p.id).sort()).toEqual(fixture.rows.processes.map((p) => p.id).sort());
      for (const old of fixture.rows.processes) {
        expect(await repo.get(old.id)).toMatchObject({ name: old.name, xml: old.xml, revision: old.revision });
        const history = await repo.listVersions(old.id);
        const expected = fixture.rows.versions.filter((v) => v.processId === old.id);
        expect(history.problems).toEqual([]);
        expect(history.versions.map((v) => [v.number, v.label, v.kind])).toEqual(
          expected.sort((a, b) => b.number - a.number).map((v) => [v.number, v.label, v.kind])
        );
        for (const v of expected) expect((await repo.getVersion(old.id, v.id))!.xml).toBe(v.xml);
      }
      const settings = await db.settings.toArray();
      for (const row of fixture.rows.settings) expect(settings).toContainEqual(expect.objectContaining({ key: row.key, value: row.value }));
      expect(await repo.seedIfEmpty([{ name: 'Sample', xml: '<x/>' }])).toEqual([]);
    });

    it(`given a library written by schema version ${fixture.version}, when editing goes on, then revisions and version numbers continue`, async () => {
      const name = await writeOldDatabase(fixture);
      const repo = new ProcessRepository(track(await openDatabase(name)));
      const old = fixture.rows.processes[0]!;
      const highest = Math.max(0, ...fixture.rows.versions.filter((v) => v.processId === old.id).map((v) => v.number));

      const saved = await repo.save(old.id, old.xml.replace('Qualify', 'Score'), { expectedRevision: old.revision });
      const version = await repo.saveVersion(old.id, 'After upgrade');

      expect(saved).toMatchObject({ ok: true, revision: old.revision + 1 });
      expect(version.number).toBe(highest + 1);
    });
  }

  it('given a later schema version with an upgrade step, when an old library is opened, then the step runs and no data is lost', async () => {
    const next: SchemaVersion = {
      version: CURRENT_SCHEMA_VERSION + 1,
      description: 'Test-only: index processes by origin, marking old rows without one as imported.',
      stores: { processes: 'id, name, updatedAt, origin' },
      upgrade: (tx) =>
        tx
          .table('processes')
          .toCollection()
          .modify((row: { origin?: string }) => {
            row.origin ??= 'import';
          })
    };
    const fixture = fixtures[0]!;
    const name = await writeOldDatabase(fixture);

    const db = track(await openDatabase(name, { schema: [...SCHEMA_VERSIONS, next] }));

    expect(db.verno).toBe(next.version);
    expect(await db.processes.count()).toBe(fixture.rows.processes.length);
    expect(await db.versions.count()).toBe(fixture.rows.versions.length);
    const withoutOrigin = fixture.rows.processes.filter((p) => !p.origin).length;
    expect(await db.processes.where('origin').equals('import').count()).toBe(withoutOrigin);
    expect(withoutOrigin).toBeGreaterThan(0);
  });

  it('given a library already upgraded by a newer build in another tab, when this older build opens it, then it says to reload', async () => {
    const name = freshDbName();
    const newer = track(
      await openDatabase(name, {
        schema: [...SCHEMA_VERSIONS, { version: CURRENT_SCHEMA_VERSION + 1, description: 'newer build', stores: {} }]
      })
    );
    newer.close();

    const error = await openDatabase(name).then(
      () => undefined,
      (e: unknown) => e
    );

    expect(isStorageError(error, 'unavailable')).toBe(true);
    expect((error as Error).message).toMatch(/newer version of MissingLink.*Reload this tab/);
  });

  it('given this tab is working, when a newer build upgrades the library in another tab, then the next operation here says to reload and writes nothing', async () => {
    const name = freshDbName();
    const here = new ProcessRepository(track(await openDatabase(name)));
    const p = await here.create({ name: 'P', xml: '<a/>' });

    const newer = track(
      await openDatabase(name, {
        schema: [...SCHEMA_VERSIONS, { version: CURRENT_SCHEMA_VERSION + 1, description: 'newer build', stores: {} }]
      })
    );
    const error = await here.save(p.id, '<b/>', { expectedRevision: 1 }).then(
      () => undefined,
      (e: unknown) => e
    );

    expect(isStorageError(error, 'unavailable')).toBe(true);
    expect((error as Error).message).toMatch(/Reload this tab/);
    expect((await new ProcessRepository(newer).get(p.id))!.xml).toBe('<a/>');
  });

  it('given a browser that blocks IndexedDB, when the library opens, then it reports unavailable instead of crashing', async () => {
    const blocked = {
      open() {
        throw new DOMException('Access to storage is denied.', 'SecurityError');
      }
    };

    const error = await openDatabase(freshDbName(), { dexie: { indexedDB: blocked, IDBKeyRange } }).then(
      () => undefined,
      (e: unknown) => e
    );

    expect(isStorageError(error, 'unavailable')).toBe(true);
  });
});

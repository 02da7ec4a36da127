import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, MissingLinkDb, openDatabase, SCHEMA_VERSIONS } from '../../../src/storage/db';
import { isStorageError } from '../../../src/storage/errors';
import { ProcessRepository } from '../../../src/storage/process-repository';
import type { ProcessRecord, ReviewRecord, VersionRecord, SettingRecord } from '../../../src/storage/records';
import { ReviewRepository, type NewReview } from '../../../src/storage/reviews';
import v1 from './fixtures/schema-v1.json';
import v2 from './fixtures/schema-v2.json';
import { corpusBpmn, dbWithWriteFault, freshDbName, openFreshDb, quotaExceeded, track } from './support';

const xml = corpusBpmn('A.1.0.bpmn');

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function clock(start = 1_750_000_000_000) {
  let t = start;
  return () => (t += 60_000);
}

function review(overrides: Partial<NewReview> = {}): NewReview {
  return {
    processId: 'p-1',
    reviewer: 'Anne de Vries',
    date: '2025-06-30',
    remarks: 'Two handovers to sales lack an agreement.',
    fingerprint: sha256(xml),
    xml,
    processName: 'Van lead tot order',
    ...overrides
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e
  );
}

/** Writes a library exactly as an older schema version left it. */
async function writeOld(version: number, rows: Record<string, unknown[]>): Promise<string> {
  const name = freshDbName();
  const old = track(new MissingLinkDb(name, { schema: SCHEMA_VERSIONS.filter((v) => v.version <= version) }));
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await old.table(table).bulkPut(list);
  });
  old.close();
  return name;
}

describe('ReviewRepository: the auditor’s sign-offs', () => {
  it('given two reviews of a process, when listed, then the newest comes first, without the XML snapshot', async () => {
    const reviews = new ReviewRepository(await openFreshDb(), { now: clock() });
    await reviews.add(review({ reviewer: 'Anne de Vries', date: '2025-06-01' }));
    await reviews.add(review({ reviewer: 'Bram Jansen', date: '2025-06-30', remarks: '  Agreed with sales.  ' }));
    await reviews.add(review({ processId: 'p-2', reviewer: 'Someone else' }));

    const { reviews: listed, problems } = await reviews.list('p-1');

    expect(problems).toEqual([]);
    expect(listed.map((r) => [r.reviewer, r.date, r.remarks])).toEqual([
      ['Bram Jansen', '2025-06-30', 'Agreed with sales.'],
      ['Anne de Vries', '2025-06-01', 'Two handovers to sales lack an agreement.']
    ]);
    expect(listed.every((r) => !('xml' in r))).toBe(true);
  });

  it('given a review, when the latest is read, then it carries the fingerprint and the XML exactly as reviewed', async () => {
    const reviews = new ReviewRepository(await openFreshDb(), { now: clock() });
    await reviews.add(review({ reviewer: 'First' }));
    const edited = xml.replace('</bpmn:definitions>', '<!-- edited --></bpmn:definitions>');
    const recorded = await reviews.add(review({ reviewer: 'Second', xml: edited, fingerprint: sha256(edited).toUpperCase() }));

    const latest = await reviews.latest('p-1');

    expect(latest).toEqual(recorded);
    expect(latest).toMatchObject({ reviewer: 'Second', xml: edited, fingerprint: sha256(edited), processName: 'Van lead tot order' });
    expect(await reviews.latest('never-reviewed')).toBeUndefined();
  });

  it('given review input that is not valid, when recorded, then it is refused and nothing is stored', async () => {
    const reviews = new ReviewRepository(await openFreshDb());

    for (const bad of [
      review({ reviewer: '   ' }),
      review({ date: '30-06-2025' }),
      review({ fingerprint: 'not-a-hash' }),
      review({ processId: '' })
    ]) {
      expect(await rejection(reviews.add(bad))).toBeInstanceOf(RangeError);
    }
    expect((await reviews.list('p-1')).reviews).toEqual([]);
  });

  it('given a damaged newest review row, when read, then it is reported and the review before it still counts as the latest', async () => {
    const db = await openFreshDb();
    const reviews = new ReviewRepository(db, { now: clock() });
    const good = await reviews.add(review({ reviewer: 'Anne de Vries' }));
    await (db.reviews as unknown as { put(row: unknown): Promise<unknown> }).put({
      processId: 'p-1',
      reviewer: 'Hand-edited',
      date: 'yesterday',
      remarks: '',
      fingerprint: 'x',
      xml,
      createdAt: good.createdAt + 1
    });

    const { reviews: listed, problems } = await reviews.list('p-1');

    expect(listed.map((r) => r.reviewer)).toEqual(['Anne de Vries']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^Review \(\d+\) is damaged and was skipped: .*date/);
    expect((await reviews.latest('p-1'))?.id).toBe(good.id);
  });

  it('given reviews of two processes, when one review is opened under the wrong process, then it is not found', async () => {
    const reviews = new ReviewRepository(await openFreshDb());
    const mine = await reviews.add(review({ processId: 'p-1' }));

    expect(await reviews.get('p-1', mine.id)).toMatchObject({ reviewer: 'Anne de Vries', xml });
    expect(await reviews.get('p-2', mine.id)).toBeUndefined();
  });

  it('given a deleted process, when its reviews are removed, then the reviews of other processes stay', async () => {
    const reviews = new ReviewRepository(await openFreshDb());
    await reviews.add(review({ processId: 'p-1' }));
    await reviews.add(review({ processId: 'p-1' }));
    await reviews.add(review({ processId: 'p-2' }));

    expect(await reviews.deleteForProcess('p-1')).toBe(2);
    expect((await reviews.list('p-1')).reviews).toEqual([]);
    expect((await reviews.list('p-2')).reviews).toHaveLength(1);
  });

  it('given a full disk, when a review is recorded, then the auditor gets the quota message and nothing is stored', async () => {
    const { db, fault } = dbWithWriteFault();
    await db.open();
    const reviews = new ReviewRepository(db);
    fault.failOnWrite(1, quotaExceeded());

    const error = await rejection(reviews.add(review()));

    expect(isStorageError(error, 'quota')).toBe(true);
    expect((await reviews.list('p-1')).reviews).toEqual([]);
  });
});

describe('reviews table: schema upgrade', () => {
  it('given a library written by schema version 1, when this build opens it, then there are no reviews yet and an old process can be signed off', async () => {
    const rows = v1.rows as unknown as { processes: ProcessRecord[]; versions: VersionRecord[]; settings: SettingRecord[] };
    const name = await writeOld(1, rows);

    const db = track(await openDatabase(name));
    const reviews = new ReviewRepository(db, { now: clock() });
    const process = (await new ProcessRepository(db).get(rows.processes[0]!.id))!;

    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.reviews.count()).toBe(0);
    await reviews.add(review({ processId: process.id, xml: process.xml, fingerprint: sha256(process.xml), processName: process.name }));
    expect(await reviews.latest(process.id)).toMatchObject({ fingerprint: sha256(process.xml), xml: process.xml });
    expect((await new ProcessRepository(db).list()).processes).toHaveLength(rows.processes.length);
  });

  it('given a library written by schema version 2, when this build opens it, then every review is readable with its snapshot', async () => {
    const rows = v2.rows as unknown as Record<string, unknown[]> & { reviews: ReviewRecord[] };
    const name = await writeOld(2, rows);

    const reviews = new ReviewRepository(track(await openDatabase(name)));

    for (const processId of new Set(rows.reviews.map((r) => r.processId))) {
      const stored = rows.reviews.filter((r) => r.processId === processId).sort((a, b) => b.createdAt - a.createdAt);
      const { reviews: listed, problems } = await reviews.list(processId);
      expect(problems).toEqual([]);
      expect(listed.map((r) => [r.reviewer, r.date, r.fingerprint])).toEqual(stored.map((r) => [r.reviewer, r.date, r.fingerprint]));
      const latest = await reviews.latest(processId);
      expect(latest?.xml).toBe(stored[0]!.xml);
      expect(sha256(latest!.xml)).toBe(latest!.fingerprint);
    }
  });
});

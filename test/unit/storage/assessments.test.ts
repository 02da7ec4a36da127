import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, MissingLinkDb, openDatabase, SCHEMA_VERSIONS } from '../../../src/storage/db';
import { isStorageError } from '../../../src/storage/errors';
import { ProcessRepository } from '../../../src/storage/process-repository';
import { ReviewRepository } from '../../../src/storage/reviews';
import type { AssessmentRecord, ProcessRecord, ReviewRecord } from '../../../src/storage/records';
import { AssessmentRepository } from '../../../src/storage/assessments';
import type { Assessment, PillarScores, Respondent } from '../../../src/analysis/maturity/assessment';
import { assessmentsFromJson, assessmentsToJson } from '../../../src/analysis/maturity/assessment-json';
import { PILLAR_IDS } from '../../../src/analysis/maturity/model';
import v1 from './fixtures/schema-v1.json';
import v2 from './fixtures/schema-v2.json';
import v3 from './fixtures/schema-v3.json';
import { dbWithWriteFault, freshDbName, openFreshDb, quotaExceeded, track } from './support';

function clock(start = 1_780_000_000_000) {
  let t = start;
  return () => (t += 60_000);
}

function ids() {
  let n = 0;
  return () => `assessment-${++n}`;
}

function scores(current: number[], desired: number[]): PillarScores {
  return Object.fromEntries(PILLAR_IDS.map((p, i) => [p, { current: current[i], desired: desired[i] }])) as PillarScores;
}

function respondent(overrides: Partial<Respondent> = {}): Respondent {
  return {
    id: 'r-1',
    name: 'Marieke Bos',
    role: 'Marketingmanager',
    department: 'Marketing',
    worksInMarketing: true,
    scores: scores([4, 3, 3, 4, 3, 3], [5, 4, 4, 5, 4, 4]),
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

describe('AssessmentRepository: the organisation’s maturity self-assessments', () => {
  it('given a B2C and a B2B assessment, when listed, then they come by organisation and title, with their respondents', async () => {
    const repo = new AssessmentRepository(await openFreshDb(), { now: clock(), newId: ids() });
    const b2c = await repo.create({ organisation: 'Veldhuis', title: 'B2C' });
    const b2b = await repo.create({ organisation: 'Veldhuis', title: 'B2B' });
    await repo.save({ ...b2b, respondents: [respondent(), respondent({ id: 'r-2', name: undefined, role: 'Accountmanager', department: 'Verkoop', worksInMarketing: false })] });

    const { assessments, problems } = await repo.list();

    expect(problems).toEqual([]);
    expect(assessments.map((a) => [a.title, a.respondents.length])).toEqual([
      ['B2B', 2],
      ['B2C', 0]
    ]);
    expect((await repo.get(b2b.id))!.respondents[1]).toMatchObject({ role: 'Accountmanager', worksInMarketing: false });
    expect(b2c.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('given a save, then updatedAt moves on and the stored assessment reads back exactly', async () => {
    const repo = new AssessmentRepository(await openFreshDb(), { now: clock(), newId: ids() });
    const created = await repo.create({ organisation: 'Veldhuis', title: 'B2B' });
    const saved = await repo.save({ ...created, title: 'B2B zakelijke markt', respondents: [respondent()] });

    expect(saved.updatedAt).toBeGreaterThan(created.updatedAt);
    expect(await repo.get(created.id)).toEqual(saved);
  });

  it('given an assessment that is not valid, when saved, then it is refused with the field named and nothing is stored', async () => {
    const repo = new AssessmentRepository(await openFreshDb(), { now: clock(), newId: ids() });
    const created = await repo.create({ organisation: 'Veldhuis', title: 'B2B' });
    const bad = { ...created, respondents: [respondent({ role: ' ', scores: { ...respondent().scores, data: { current: 7, desired: 5 } } as unknown as PillarScores })] };

    const error = await rejection(repo.save(bad as Assessment));

    expect(error).toBeInstanceOf(RangeError);
    expect(String(error)).toMatch(/respondents\.0\.role/);
    expect(String(error)).toMatch(/respondents\.0\.scores\.data\.current/);
    expect((await repo.get(created.id))!.respondents).toEqual([]);
    expect(await rejection(repo.create({ organisation: '', title: 'B2B' }))).toBeInstanceOf(RangeError);
  });

  it('given a damaged row, when listed, then it is reported and skipped, and opening it says it is damaged', async () => {
    const db = await openFreshDb();
    const repo = new AssessmentRepository(db, { now: clock(), newId: ids() });
    await repo.create({ organisation: 'Veldhuis', title: 'B2B' });
    await (db.assessments as unknown as { put(row: unknown): Promise<unknown> }).put({ id: 'hand-edited', organisation: 'X', title: 'B2C', createdAt: 'gisteren', respondents: [], updatedAt: 1 });

    const { assessments, problems } = await repo.list();

    expect(assessments.map((a) => a.title)).toEqual(['B2B']);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^Assessment \(hand-edited\) is damaged and was skipped: createdAt/);
    expect(isStorageError(await rejection(repo.get('hand-edited')), 'corrupt')).toBe(true);
  });

  it('given an assessment, when deleted, then it is gone and deleting it again reports that', async () => {
    const repo = new AssessmentRepository(await openFreshDb(), { now: clock(), newId: ids() });
    const created = await repo.create({ organisation: 'Veldhuis', title: 'B2B' });

    expect(await repo.delete(created.id)).toBe(true);
    expect(await repo.delete(created.id)).toBe(false);
    expect((await repo.list()).assessments).toEqual([]);
  });

  it('given an exported file, when it is imported into another browser and then again, then the second import changes nothing', async () => {
    const source = new AssessmentRepository(await openFreshDb(), { now: clock(), newId: ids() });
    const b2b = await source.save({ ...(await source.create({ organisation: 'Veldhuis', title: 'B2B' })), respondents: [respondent()] });
    const file = assessmentsToJson([b2b]);
    const parsed = assessmentsFromJson(file);
    if (!parsed.ok) throw new Error('export did not read back');

    const target = new AssessmentRepository(await openFreshDb(), { now: clock(), newId: () => 'copy-1' });
    const first = await target.importAll(parsed.value);
    const second = await target.importAll(parsed.value);

    expect(first.added.map((a) => a.id)).toEqual([b2b.id]);
    expect(second).toMatchObject({ added: [], copied: [], unchanged: [expect.objectContaining({ id: b2b.id })] });
    expect((await target.list()).assessments).toHaveLength(1);
  });

  it('given a file whose assessment has the id of a different local one, when imported, then it becomes a copy and local work stays', async () => {
    const repo = new AssessmentRepository(await openFreshDb(), { now: clock(), newId: ids() });
    const local = await repo.save({ ...(await repo.create({ organisation: 'Veldhuis', title: 'B2B' })), respondents: [respondent()] });

    const result = await repo.importAll([{ ...local, title: 'B2B (colleague)', respondents: [] }]);

    expect(result.copied).toEqual([expect.objectContaining({ title: 'B2B (colleague)' })]);
    expect(result.copied[0]!.id).not.toBe(local.id);
    expect((await repo.get(local.id))!.respondents).toHaveLength(1);
  });

  it('given a file with one invalid assessment among valid ones, when imported, then none is stored', async () => {
    const repo = new AssessmentRepository(await openFreshDb(), { now: clock(), newId: ids() });
    const good: Assessment = { id: 'good', organisation: 'Veldhuis', title: 'B2B', createdAt: '2026-03-01', respondents: [] };
    const bad = { ...good, id: 'bad', title: '' };

    expect(await rejection(repo.importAll([good, bad]))).toBeInstanceOf(RangeError);
    expect((await repo.list()).assessments).toEqual([]);
  });

  it('given a full disk, when an assessment is saved, then the user gets the quota message and the stored one is unchanged', async () => {
    const { db, fault } = dbWithWriteFault();
    await db.open();
    const repo = new AssessmentRepository(db, { now: clock(), newId: ids() });
    const created = await repo.create({ organisation: 'Veldhuis', title: 'B2B' });
    fault.failOnWrite(1, quotaExceeded());

    const error = await rejection(repo.save({ ...created, respondents: [respondent()] }));

    expect(isStorageError(error, 'quota')).toBe(true);
    expect((await repo.get(created.id))!.respondents).toEqual([]);
  });
});

describe('assessments table: schema upgrade', () => {
  it('given a library written by schema version 1, when this build opens it, then the processes are there and an assessment can be stored', async () => {
    const rows = v1.rows as unknown as { processes: ProcessRecord[] } & Record<string, unknown[]>;
    const db = track(await openDatabase(await writeOld(1, rows)));

    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.assessments.count()).toBe(0);
    expect((await new ProcessRepository(db).list()).processes.map((p) => p.id).sort()).toEqual(rows.processes.map((p) => p.id).sort());
    const repo = new AssessmentRepository(db, { now: clock(), newId: ids() });
    await repo.create({ organisation: 'Veldhuis', title: 'B2B' });
    expect((await repo.list()).assessments).toHaveLength(1);
  });

  it('given a library written by schema version 2, when this build opens it, then processes and reviews are kept and there are no assessments yet', async () => {
    const rows = v2.rows as unknown as { processes: ProcessRecord[]; reviews: ReviewRecord[] } & Record<string, unknown[]>;
    const db = track(await openDatabase(await writeOld(2, rows)));

    expect(await db.assessments.count()).toBe(0);
    expect((await new ProcessRepository(db).list()).processes).toHaveLength(rows.processes.length);
    const reviews = new ReviewRepository(db);
    for (const processId of new Set(rows.reviews.map((r) => r.processId))) {
      expect((await reviews.list(processId)).reviews).toHaveLength(rows.reviews.filter((r) => r.processId === processId).length);
    }
  });

  it('given a library written by schema version 3, when this build opens it, then every assessment reads back as stored', async () => {
    const rows = v3.rows as unknown as { assessments: AssessmentRecord[] } & Record<string, unknown[]>;
    const repo = new AssessmentRepository(track(await openDatabase(await writeOld(3, rows))));

    const { assessments, problems } = await repo.list();

    expect(problems).toEqual([]);
    expect(assessments).toEqual([...rows.assessments].sort((a, b) => a.title.localeCompare(b.title)));
  });
});

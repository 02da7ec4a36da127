import type { MissingLinkDb } from './db';
import { StorageError, toStorageError } from './errors';
import { assessmentRecordSchema, parseRow, type AssessmentRecord, type StorageProblem } from './records';
import { AssessmentSchema, type Assessment } from '../analysis/maturity/assessment-schema';

/** Injectable collaborators; the defaults suit the browser. */
export interface AssessmentRepositoryOptions {
  now?: () => number;
  newId?: () => string;
}

/** What an import did with each assessment of the file. */
export interface AssessmentImportResult {
  /** Assessments that were new to this browser. */
  readonly added: readonly AssessmentRecord[];
  /** Assessments already stored exactly like this (importing an export again changes nothing). */
  readonly unchanged: readonly AssessmentRecord[];
  /** Assessments whose id was taken by a different stored assessment: kept as a copy with a new id, the stored one untouched. */
  readonly copied: readonly AssessmentRecord[];
}

function randomId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `a-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Assessments compare equal when their content is, whatever their `updatedAt`. */
function sameContent(a: Assessment, b: Assessment): boolean {
  return JSON.stringify(AssessmentSchema.parse(a)) === JSON.stringify(AssessmentSchema.parse(b));
}

/**
 * The organisation's maturity self-assessments (CEMM), e.g. one for B2B and one for
 * B2C. Every write is validated with the exchange format's schema before it reaches
 * IndexedDB (a RangeError names the field; nothing is written), every row read back
 * is validated again, and a damaged row is reported, never used.
 */
export class AssessmentRepository {
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(
    private readonly db: MissingLinkDb,
    options: AssessmentRepositoryOptions = {}
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomId;
  }

  /** Every readable assessment, by organisation and title; damaged rows are reported in `problems`. */
  async list(): Promise<{ assessments: AssessmentRecord[]; problems: StorageProblem[] }> {
    return this.run('reading the assessments', async () => {
      const assessments: AssessmentRecord[] = [];
      const problems: StorageProblem[] = [];
      await this.db.assessments.each((row, cursor) => {
        const parsed = parseRow(assessmentRecordSchema, 'assessments', cursor.primaryKey, row);
        if (parsed.ok) assessments.push(parsed.record);
        else problems.push(parsed.problem);
      });
      assessments.sort(
        (a, b) => a.organisation.localeCompare(b.organisation) || a.title.localeCompare(b.title) || a.createdAt.localeCompare(b.createdAt)
      );
      return { assessments, problems };
    });
  }

  /** One assessment; undefined when there is none with this id, StorageError 'corrupt' when its row is damaged. */
  async get(id: string): Promise<AssessmentRecord | undefined> {
    return this.run('opening the assessment', async () => {
      const raw = await this.db.assessments.get(id);
      if (raw === undefined) return undefined;
      const parsed = parseRow(assessmentRecordSchema, 'assessments', id, raw);
      if (!parsed.ok) throw new StorageError('corrupt', parsed.problem.message);
      return parsed.record;
    });
  }

  /** Starts a new assessment without respondents, dated now. */
  async create(input: { organisation: string; title: string }): Promise<AssessmentRecord> {
    return this.save({
      id: this.newId(),
      organisation: input.organisation,
      title: input.title,
      createdAt: new Date(this.now()).toISOString(),
      respondents: []
    });
  }

  /** Stores an assessment (new or changed) after validating it; RangeError (nothing written) when it is not valid. */
  async save(assessment: Assessment): Promise<AssessmentRecord> {
    const record = this.validated(assessment);
    return this.run('saving the assessment', async () => {
      await this.db.assessments.put(record);
      return record;
    });
  }

  /** Removes an assessment; returns false when it was not there. */
  async delete(id: string): Promise<boolean> {
    return this.run('deleting the assessment', async () => {
      const exists = (await this.db.assessments.where('id').equals(id).count()) > 0;
      if (exists) await this.db.assessments.delete(id);
      return exists;
    });
  }

  /**
   * Stores the assessments of an imported file in one transaction (all or none).
   * Importing an export again changes nothing; an assessment whose id belongs to a
   * different stored one is kept as a copy, so an import never overwrites local work.
   */
  async importAll(assessments: readonly Assessment[]): Promise<AssessmentImportResult> {
    const checked = assessments.map((a) => this.validated(a));
    return this.run('importing the assessments', () =>
      this.db.transaction('rw', this.db.assessments, async () => {
        const added: AssessmentRecord[] = [];
        const unchanged: AssessmentRecord[] = [];
        const copied: AssessmentRecord[] = [];
        const taken = new Set<string>();
        for (const record of checked) {
          const raw = await this.db.assessments.get(record.id);
          const stored = raw === undefined ? undefined : assessmentRecordSchema.safeParse(raw);
          if (raw === undefined && !taken.has(record.id)) {
            await this.db.assessments.put(record);
            added.push(record);
          } else if (stored?.success && sameContent(stored.data, record)) {
            unchanged.push(stored.data);
          } else {
            const copy = { ...record, id: this.newId() };
            await this.db.assessments.put(copy);
            copied.push(copy);
          }
          taken.add(record.id);
        }
        return { added, unchanged, copied };
      })
    );
  }

  private validated(assessment: Assessment): AssessmentRecord {
    const result = assessmentRecordSchema.safeParse({ ...assessment, updatedAt: this.now() });
    if (!result.success) {
      throw new RangeError(`The assessment cannot be saved: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
    }
    return result.data;
  }

  private async run<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof RangeError) throw error;
      throw toStorageError(error, action);
    }
  }
}

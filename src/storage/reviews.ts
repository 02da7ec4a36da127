import { Dexie } from 'dexie';
import type { MissingLinkDb } from './db';
import { StorageError, toStorageError } from './errors';
import { parseRow, reviewRecordSchema, type ReviewRecord, type ReviewSummary, type StorageProblem } from './records';

/** What the auditor records at sign-off; the repository adds the id and the time it was recorded. */
export interface NewReview {
  processId: string;
  reviewer: string;
  /** The review date as the auditor states it, YYYY-MM-DD. */
  date: string;
  remarks: string;
  /** SHA-256 (hex) of `xml`, from fingerprintModel. */
  fingerprint: string;
  /** The process XML exactly as reviewed. */
  xml: string;
  processName?: string;
}

/** Injectable collaborators; the default clock suits the browser. */
export interface ReviewRepositoryOptions {
  now?: () => number;
}

/**
 * The auditors' sign-offs. A review is evidence, so it is never edited: the auditor
 * records a new one. Rows are validated on the way in (a malformed review is refused
 * before anything is written) and on the way out (a damaged row is reported, not used).
 */
export class ReviewRepository {
  private readonly now: () => number;

  constructor(
    private readonly db: MissingLinkDb,
    options: ReviewRepositoryOptions = {}
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Records a review; RangeError (nothing written) when a field is not valid. */
  async add(input: NewReview): Promise<ReviewRecord> {
    const row: Omit<ReviewRecord, 'id'> = {
      processId: input.processId,
      reviewer: input.reviewer.trim(),
      date: input.date,
      remarks: input.remarks.trim(),
      fingerprint: input.fingerprint.toLowerCase(),
      xml: input.xml,
      createdAt: this.now()
    };
    if (input.processName !== undefined) row.processName = input.processName;
    const checked = reviewRecordSchema.omit({ id: true }).safeParse(row);
    if (!checked.success) {
      throw new RangeError(`The review cannot be recorded: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`);
    }
    return this.run('recording the review', async () => {
      const id = await this.db.reviews.add(checked.data);
      return { ...checked.data, id };
    });
  }

  /** The reviews of a process, newest first, without XML; damaged rows are reported in `problems`. */
  async list(processId: string): Promise<{ reviews: ReviewSummary[]; problems: StorageProblem[] }> {
    return this.run('reading the reviews', async () => {
      const reviews: ReviewSummary[] = [];
      const problems: StorageProblem[] = [];
      await this.db.reviews
        .where('processId')
        .equals(processId)
        .each((row, cursor) => {
          const parsed = parseRow(reviewRecordSchema, 'reviews', cursor.primaryKey, row);
          if (parsed.ok) {
            const { xml: _xml, ...summary } = parsed.record;
            reviews.push(summary);
          } else {
            problems.push(parsed.problem);
          }
        });
      reviews.sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
      return { reviews, problems };
    });
  }

  /** The most recent readable review of a process with its XML, or undefined when there is none. */
  async latest(processId: string): Promise<ReviewRecord | undefined> {
    return this.run('reading the last review', async () => {
      const rows = await this.db.reviews
        .where('[processId+createdAt]')
        .between([processId, Dexie.minKey], [processId, Dexie.maxKey])
        .reverse()
        .toArray();
      // Newest first; a damaged newest row must not hide the valid review before it.
      for (const row of rows) {
        const parsed = parseRow(reviewRecordSchema, 'reviews', (row as { id?: number }).id ?? 0, row);
        if (parsed.ok) return parsed.record;
      }
      return undefined;
    });
  }

  /** One review with its XML; undefined when it is not a review of this process, StorageError 'corrupt' when damaged. */
  async get(processId: string, reviewId: number): Promise<ReviewRecord | undefined> {
    return this.run('opening the review', async () => {
      const raw = await this.db.reviews.get(reviewId);
      if (raw === undefined || raw.processId !== processId) return undefined;
      const parsed = parseRow(reviewRecordSchema, 'reviews', reviewId, raw);
      if (!parsed.ok) throw new StorageError('corrupt', parsed.problem.message);
      return parsed.record;
    });
  }

  /** Removes every review of a process (when the process itself is deleted); returns how many went. */
  async deleteForProcess(processId: string): Promise<number> {
    return this.run('deleting the reviews', () => this.db.reviews.where('processId').equals(processId).delete());
  }

  private async run<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStorageError(error, action);
    }
  }
}

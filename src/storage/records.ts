import { z } from 'zod';
import { AssessmentSchema } from '../analysis/maturity/assessment-schema';

// Row shapes of the 'missinglink' database. Rows are validated when read back,
// because IndexedDB keeps whatever an older (or buggy, or hand-edited) build wrote:
// a row that does not fit is skipped and reported, never allowed to break the library.

const timestamp = z.number().finite().nonnegative();
const nonBlank = z.string().refine((s) => s.trim().length > 0, 'must not be empty');

/** Where a process in the library came from (shown in the library, used for statistics). */
export const PROCESS_ORIGINS = ['sample', 'import', 'new', 'copy'] as const;
/** Why a version was recorded: by the user, automatically around a restore, or as the original of an import. */
export const VERSION_KINDS = ['named', 'before-restore', 'restored', 'import'] as const;

/** A process in the library: its current BPMN XML plus bookkeeping. `revision` grows by one per saved content change. */
export const processRecordSchema = z.object({
  id: z.string().min(1),
  name: nonBlank,
  xml: z.string(),
  revision: z.number().int().min(1),
  createdAt: timestamp,
  updatedAt: timestamp,
  sizeBytes: z.number().int().nonnegative(),
  origin: z.enum(PROCESS_ORIGINS).optional()
});
/** A process row as stored (validated). */
export type ProcessRecord = z.infer<typeof processRecordSchema>;
/** A process without its XML: what the library list shows. */
export type ProcessSummary = Omit<ProcessRecord, 'xml'>;
/** Where a process came from. */
export type ProcessOrigin = (typeof PROCESS_ORIGINS)[number];

/** A frozen copy of a process's XML; `number` counts 1, 2, 3… per process. */
export const versionRecordSchema = z.object({
  id: z.number().int().positive(),
  processId: z.string().min(1),
  number: z.number().int().min(1),
  label: z.string(),
  xml: z.string(),
  createdAt: timestamp,
  kind: z.enum(VERSION_KINDS),
  /** For 'restored' and 'before-restore' versions: the number of the version that was restored. */
  restoredFrom: z.number().int().min(1).optional()
});
/** A version row as stored (validated). */
export type VersionRecord = z.infer<typeof versionRecordSchema>;
/** A version without its XML: what the history list shows. */
export type VersionSummary = Omit<VersionRecord, 'xml'>;
/** Why a version was recorded. */
export type VersionKind = (typeof VERSION_KINDS)[number];

/** A small key/value setting; the value is validated per key in settings.ts. */
export const settingRecordSchema = z.object({
  key: z.string().min(1),
  value: z.unknown()
});
/** A settings row as stored. */
export type SettingRecord = z.infer<typeof settingRecordSchema>;

/** An auditor's sign-off of a process: who, when, remarks, and the model exactly as it was reviewed. */
export const reviewRecordSchema = z.object({
  id: z.number().int().positive(),
  processId: z.string().min(1),
  reviewer: nonBlank,
  /** The review date the auditor states (YYYY-MM-DD); `createdAt` is when it was recorded. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'),
  remarks: z.string(),
  /** SHA-256 of the process XML at sign-off, lower-case hex (see fingerprintModel). */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hexadecimal'),
  /** The reviewed XML, so a later diff can show what changed since. */
  xml: z.string(),
  createdAt: timestamp,
  /** The process name at sign-off, for the report. */
  processName: z.string().optional()
});
/** A review row as stored (validated). */
export type ReviewRecord = z.infer<typeof reviewRecordSchema>;
/** A review without its XML snapshot: what the review list shows. */
export type ReviewSummary = Omit<ReviewRecord, 'xml'>;

/**
 * A maturity self-assessment as stored: the exchange format's assessment (validated
 * by the same schema, so an imported file and a stored row mean the same) plus when
 * it was last changed.
 */
export const assessmentRecordSchema = AssessmentSchema.extend({
  updatedAt: timestamp
});
/** An assessment row as stored (validated). */
export type AssessmentRecord = z.infer<typeof assessmentRecordSchema>;

/** The tables of the database, as named in the schema. */
export type TableName = 'processes' | 'versions' | 'settings' | 'reviews' | 'assessments';

/** A row that could not be read; the UI lists these instead of failing. */
export interface StorageProblem {
  table: TableName;
  /** The row's primary key, so the row can be found (and deleted) later. */
  key: string | number;
  /** Plain English: which row and what is wrong with it. */
  message: string;
  /** The row's name (a process name), when the damaged row still has a readable one. */
  name?: string;
}

/** Outcome of validating one raw row. */
export type ParsedRow<T> = { ok: true; record: T } | { ok: false; problem: StorageProblem };

const describeTable: Record<TableName, string> = {
  processes: 'Process',
  versions: 'Version',
  settings: 'Setting',
  reviews: 'Review',
  assessments: 'Assessment'
};

/** Validates a raw row read from `table`; on failure describes what is wrong, naming the row as a user knows it. */
export function parseRow<T>(schema: z.ZodType<T>, table: TableName, key: IDBValidKey, row: unknown): ParsedRow<T> {
  const result = schema.safeParse(row);
  if (result.success) return { ok: true, record: result.data };
  const details = result.error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  const rowName = row && typeof row === 'object' && typeof (row as { name?: unknown }).name === 'string' ? (row as { name: string }).name : undefined;
  const name = rowName !== undefined ? ` "${rowName}"` : '';
  const printableKey = typeof key === 'string' || typeof key === 'number' ? key : String(key);
  const problem: StorageProblem = {
    table,
    key: printableKey,
    message: `${describeTable[table]}${name} (${printableKey}) is damaged and was skipped: ${details}.`
  };
  if (rowName?.trim()) problem.name = rowName;
  return { ok: false, problem };
}

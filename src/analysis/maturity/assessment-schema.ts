import { z } from 'zod';
import type { PillarId } from './model';

/** A scored level: a whole number 1..5 (the messages are what an importing user reads). */
export const LevelScoreSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], {
  error: 'must be a whole level from 1 to 5'
});

/** One respondent's view of one pillar: where the organisation is and where it should be. */
export const PillarScoreSchema = z.object({
  current: LevelScoreSchema,
  desired: LevelScoreSchema
});

/** A respondent's view of one pillar. */
export type PillarScore = z.infer<typeof PillarScoreSchema>;

/** Every pillar scored; strict, so a misspelt pillar id is reported instead of dropped. */
export const PillarScoresSchema = z.strictObject({
  strategy: PillarScoreSchema,
  'people-organisation': PillarScoreSchema,
  technology: PillarScoreSchema,
  data: PillarScoreSchema,
  'customer-journey': PillarScoreSchema,
  'customer-value': PillarScoreSchema
} satisfies Record<PillarId, typeof PillarScoreSchema>);

/** A respondent's scores for all six pillars. */
export type PillarScores = z.infer<typeof PillarScoresSchema>;

const requiredText = (what: string) => z.string({ error: `must be text (${what})` }).trim().min(1, `must not be empty (${what})`);

/** One person who filled in the assessment; the name is optional so answers can stay anonymous. */
export const RespondentSchema = z.object({
  id: requiredText('a respondent id'),
  // An empty name means anonymous: normalised to absent so JSON and CSV agree.
  name: z
    .string({ error: 'must be text' })
    .optional()
    .transform((v) => v?.trim() || undefined),
  role: requiredText('the role, e.g. manager or analyst'),
  department: requiredText('the department'),
  worksInMarketing: z.boolean({ error: 'must be true or false' }),
  scores: PillarScoresSchema
});

/** One person's answers. */
export type Respondent = z.infer<typeof RespondentSchema>;

/** When the assessment was made: a calendar date or a date-time with offset. */
export const CreatedAtSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: 'must be an ISO 8601 date (YYYY-MM-DD) or date-time (e.g. 2024-03-01T09:30:00Z)'
});

/**
 * One self-assessment of one organisation (or business line: the source advises
 * plotting B2B and B2C separately), filled in by several respondents.
 */
export const AssessmentSchema = z.object({
  id: requiredText('an assessment id'),
  organisation: requiredText('the organisation'),
  title: requiredText('a title such as B2B or B2C'),
  createdAt: CreatedAtSchema,
  respondents: z.array(RespondentSchema, { error: 'must be a list of respondents' }).check(
    z.superRefine(
      (respondents, ctx) => {
        const seen = new Set<unknown>();
        respondents.forEach((r, i) => {
          const id = (r as { id?: unknown } | null)?.id;
          if (typeof id !== 'string') return;
          if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate respondent id "${id}"` });
          seen.add(id);
        });
      },
      // Also run when a respondent has other errors, so the user sees every problem at once.
      { when: (payload) => Array.isArray(payload.value) }
    )
  )
});

/** A maturity self-assessment. */
export type Assessment = z.infer<typeof AssessmentSchema>;

/** One problem found while importing: where (field path or CSV row/column) and what. */
export interface ImportIssue {
  /** Human-readable, already naming the place: `respondents[0].role: must not be empty` or `row 4, column current: …`. */
  readonly message: string;
  /** The field path inside the JSON document, when the problem is in one field. */
  readonly path?: string;
  /** The spreadsheet row (header = row 1), for CSV input. */
  readonly row?: number;
  /** The CSV column name, for CSV input. */
  readonly column?: string;
}

/** The outcome of an import: the value, or every problem found (not just the first). */
export type ImportResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly ImportIssue[] };

/** Renders a zod path as the user would write it: `assessments[0].respondents[2].scores.data.current`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += (out ? '.' : '') + String(key);
  }
  return out;
}

/** Turns a zod issue into a sentence naming the field and, when useful, the offending value. */
export function describeZodIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): ImportIssue {
  const path = formatPath([...prefix, ...issue.path]);
  const input = (issue as { input?: unknown }).input;
  let text: string;
  if (issue.code === 'invalid_type' && input === undefined) text = `is required (${issue.expected})`;
  else if (issue.code === 'unrecognized_keys') text = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  else if (input !== undefined && typeof input !== 'object') text = `${issue.message} (got ${JSON.stringify(input)})`;
  else text = issue.message;
  return { message: path ? `${path}: ${text}` : text, ...(path ? { path } : {}) };
}

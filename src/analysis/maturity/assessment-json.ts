import { z } from 'zod';
import { AssessmentSchema, describeZodIssue, type Assessment, type ImportIssue, type ImportResult } from './assessment-schema';

/** The `format` marker of our assessment files, so an import can tell them from other JSON. */
export const ASSESSMENT_FILE_FORMAT = 'missinglink.maturity-assessments';

/** The file version written now; an import refuses versions it does not know. */
const FILE_VERSION = 1;

const FileSchema = z.object({
  format: z.literal(ASSESSMENT_FILE_FORMAT, { error: `must be "${ASSESSMENT_FILE_FORMAT}"` }),
  version: z.literal(FILE_VERSION, { error: `must be ${FILE_VERSION} (this version of MissingLink reads version ${FILE_VERSION})` }),
  assessments: z.array(AssessmentSchema, { error: 'must be a list of assessments' })
});

/** Writes assessments as a versioned, pretty-printed JSON document. */
export function assessmentsToJson(assessments: readonly Assessment[]): string {
  return JSON.stringify({ format: ASSESSMENT_FILE_FORMAT, version: FILE_VERSION, assessments }, null, 2) + '\n';
}

/**
 * Reads assessments from JSON: our file format, or (for hand-made files) a bare
 * assessment or a list of them. Every problem is reported with the field it is in.
 */
export function assessmentsFromJson(text: string): ImportResult<Assessment[]> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, issues: [{ message: `not valid JSON: ${(e as Error).message}` }] };
  }
  if (Array.isArray(data)) return collect(z.array(AssessmentSchema).safeParse(data, { reportInput: true }), (v) => v);
  if (data !== null && typeof data === 'object' && !('format' in data) && 'respondents' in data) {
    return collect(AssessmentSchema.safeParse(data, { reportInput: true }), (v) => [v]);
  }
  if (data === null || typeof data !== 'object') {
    return { ok: false, issues: [{ message: 'expected an object with "format", "version" and "assessments"' }] };
  }
  return collect(FileSchema.safeParse(data, { reportInput: true }), (v) => v.assessments);
}

function collect<T>(result: z.ZodSafeParseResult<T>, pick: (v: T) => Assessment[]): ImportResult<Assessment[]> {
  if (result.success) return { ok: true, value: pick(result.data) };
  const issues: ImportIssue[] = result.error.issues.map((issue) => describeZodIssue(issue));
  return { ok: false, issues };
}

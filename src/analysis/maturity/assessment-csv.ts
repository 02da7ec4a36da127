import { getPillar, MATURITY_PILLARS, PILLAR_IDS, type ContentLocale, type PillarId } from './model';
import {
  AssessmentSchema,
  CreatedAtSchema,
  describeZodIssue,
  type Assessment,
  type ImportIssue,
  type ImportResult,
  type PillarScore,
  type Respondent
} from './assessment-schema';
import { assessmentAverages, perceptionGaps } from './assessment';
import { writeCsv, type CsvCell, type CsvOptions } from '../csv';
import { detectSeparator, readCsv, unguardFormula, type CsvSeparator } from './csv';

/*
 * CSV exchange of assessments: one row per respondent × pillar, so a spreadsheet
 * can pivot it. An assessment without respondents gets one row with the
 * respondent columns empty, so it survives the round trip too. Writing goes
 * through the product's shared CSV writer (src/analysis/csv.ts); reading accepts
 * what it writes, including its formula guard.
 */

/** How CSV is written (the shared writer's options: decimal comma with `;`, byte-order mark, formula guard). */
export type { CsvOptions };

/** Settings for Dutch Excel and LibreOffice: semicolons between fields, decimal commas. */
export const DUTCH_SPREADSHEET: CsvOptions = { decimalComma: true };

/** The columns of the respondent CSV, in the order they are written. */
export const ASSESSMENT_CSV_COLUMNS = [
  'assessment_id',
  'organisation',
  'title',
  'created_at',
  'respondent_id',
  'respondent_name',
  'role',
  'department',
  'works_in_marketing',
  'pillar',
  'current',
  'desired'
] as const;

type Column = (typeof ASSESSMENT_CSV_COLUMNS)[number];

/** Columns a file may leave out: the name is optional anyway. */
const OPTIONAL_COLUMNS: ReadonlySet<Column> = new Set(['respondent_name']);

/** Writes assessments as CSV, one row per respondent × pillar. */
export function assessmentsToCsv(assessments: readonly Assessment[], options: CsvOptions = {}): string {
  const rows: CsvCell[][] = [[...ASSESSMENT_CSV_COLUMNS]];
  for (const a of assessments) {
    const head = [a.id, a.organisation, a.title, a.createdAt];
    if (a.respondents.length === 0) rows.push([...head, '', '', '', '', '', '', '', '']);
    for (const r of a.respondents) {
      for (const p of PILLAR_IDS) {
        const s = r.scores[p];
        rows.push([...head, r.id, r.name ?? '', r.role, r.department, r.worksInMarketing ? 'yes' : 'no', p, s.current, s.desired]);
      }
    }
  }
  return writeCsv(rows, options);
}

/** Two decimals are plenty for averages of levels 1..5. */
function round2(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value * 100) / 100;
}

/**
 * Writes the per-pillar results of one assessment (averages and perception gap)
 * as CSV for charting in a spreadsheet; this is where the decimal comma matters.
 */
export function pillarSummaryToCsv(assessment: Assessment, options: CsvOptions & { readonly locale?: ContentLocale } = {}): string {
  const avg = assessmentAverages(assessment);
  const gaps = perceptionGaps(assessment);
  const rows: CsvCell[][] = [
    ['pillar', 'pillar_name', 'current_average', 'desired_average', 'marketing_current', 'others_current', 'perception_gap', 'gap_highlighted']
  ];
  for (const g of gaps) {
    rows.push([
      g.pillar,
      getPillar(g.pillar).name[options.locale ?? 'en'],
      round2(avg[g.pillar].current),
      round2(avg[g.pillar].desired),
      round2(g.current.marketing),
      round2(g.current.others),
      round2(g.current.difference),
      g.current.highlighted ? 'yes' : 'no'
    ]);
  }
  return writeCsv(rows, options);
}

/** Options for reading CSV: the separator is detected from the header unless given. */
export interface CsvReadOptions {
  readonly separator?: CsvSeparator;
}

const YES = new Set(['yes', 'y', 'true', '1', 'ja', 'j', 'waar']);
const NO = new Set(['no', 'n', 'false', '0', 'nee', 'onwaar']);

const PILLAR_ALIASES: ReadonlyMap<string, PillarId> = new Map(
  MATURITY_PILLARS.flatMap((p) => [
    [p.id, p.id],
    [p.name.en.toLowerCase(), p.id],
    [p.name.nl.toLowerCase(), p.id]
  ])
);

interface RespondentDraft {
  readonly id: string;
  readonly firstRow: number;
  readonly fields: Record<'respondent_name' | 'role' | 'department' | 'works_in_marketing', string>;
  worksInMarketing: boolean | undefined;
  readonly scores: Partial<Record<PillarId, PillarScore>>;
  readonly pillarRows: Partial<Record<PillarId, number>>;
}

interface AssessmentDraft {
  readonly id: string;
  readonly firstRow: number;
  readonly fields: Record<'organisation' | 'title' | 'created_at', string>;
  readonly respondents: Map<string, RespondentDraft>;
}

/**
 * Reads assessments from CSV written by assessmentsToCsv (or edited in a
 * spreadsheet): columns in any order, extra columns ignored, decimal commas and
 * yes/no in Dutch accepted. Every problem is reported with its row and column.
 */
export function assessmentsFromCsv(text: string, options: CsvReadOptions = {}): ImportResult<Assessment[]> {
  const separator = options.separator ?? detectSeparator(text);
  const parsed = readCsv(text, separator);
  if (!parsed.ok) return { ok: false, issues: [{ row: parsed.row, message: `row ${parsed.row}: ${parsed.message}` }] };
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, issues: [{ message: 'the file is empty: expected a header row and one row per respondent and pillar' }] };

  const issues: ImportIssue[] = [];
  const at = (row: number, column: Column | undefined, message: string) =>
    issues.push({ row, ...(column ? { column } : {}), message: `row ${row}${column ? `, column ${column}` : ''}: ${message}` });

  const index = new Map<string, number>();
  header.fields.forEach((name, i) => index.set(name.trim().toLowerCase(), i));
  const missing = ASSESSMENT_CSV_COLUMNS.filter((c) => !index.has(c) && !OPTIONAL_COLUMNS.has(c));
  if (missing.length) {
    const sepName = separator === '\t' ? 'tab' : `"${separator}"`;
    at(header.row, undefined, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (read with separator ${sepName})`);
    return { ok: false, issues };
  }

  const assessments = new Map<string, AssessmentDraft>();
  for (const record of records) {
    const { row, fields } = record;
    if (fields.length > header.fields.length) {
      at(row, undefined, `has ${fields.length} fields but the header has ${header.fields.length}`);
      continue;
    }
    const get = (c: Column) => {
      const i = index.get(c);
      return i === undefined ? '' : unguardFormula((fields[i] ?? '').trim());
    };
    const assessmentId = get('assessment_id');
    if (!assessmentId) {
      at(row, 'assessment_id', 'is empty');
      continue;
    }
    let a = assessments.get(assessmentId);
    if (!a) {
      a = { id: assessmentId, firstRow: row, fields: { organisation: get('organisation'), title: get('title'), created_at: get('created_at') }, respondents: new Map() };
      assessments.set(assessmentId, a);
    } else {
      for (const c of ['organisation', 'title', 'created_at'] as const) {
        if (get(c) !== a.fields[c]) at(row, c, `"${get(c)}" differs from "${a.fields[c]}" on row ${a.firstRow} for assessment ${assessmentId}`);
      }
    }

    const respondentId = get('respondent_id');
    if (!respondentId) {
      const stray = (['pillar', 'current', 'desired', 'role', 'department'] as const).filter((c) => get(c) !== '');
      if (stray.length) at(row, 'respondent_id', `is empty, but the row has ${stray.join(', ')}`);
      continue;
    }
    let r = a.respondents.get(respondentId);
    const rf = { respondent_name: get('respondent_name'), role: get('role'), department: get('department'), works_in_marketing: get('works_in_marketing') };
    if (!r) {
      const flag = rf.works_in_marketing.toLowerCase();
      const worksInMarketing = YES.has(flag) ? true : NO.has(flag) ? false : undefined;
      if (worksInMarketing === undefined) at(row, 'works_in_marketing', `"${rf.works_in_marketing}" is not yes or no`);
      if (!rf.role) at(row, 'role', 'is empty');
      if (!rf.department) at(row, 'department', 'is empty');
      r = { id: respondentId, firstRow: row, fields: rf, worksInMarketing, scores: {}, pillarRows: {} };
      a.respondents.set(respondentId, r);
    } else {
      for (const c of ['respondent_name', 'role', 'department', 'works_in_marketing'] as const) {
        if (rf[c] !== r.fields[c]) at(row, c, `"${rf[c]}" differs from "${r.fields[c]}" on row ${r.firstRow} for respondent ${respondentId}`);
      }
    }

    const pillarText = get('pillar');
    const pillar = PILLAR_ALIASES.get(pillarText.toLowerCase());
    if (!pillar) {
      at(row, 'pillar', `"${pillarText}" is not a pillar (expected one of ${PILLAR_IDS.join(', ')})`);
      continue;
    }
    const earlier = r.pillarRows[pillar];
    if (earlier !== undefined) {
      at(row, 'pillar', `respondent ${respondentId} already scored ${pillar} on row ${earlier}`);
      continue;
    }
    const current = parseLevel(get('current'));
    const desired = parseLevel(get('desired'));
    if (current === undefined) at(row, 'current', `"${get('current')}" is not a whole level from 1 to 5`);
    if (desired === undefined) at(row, 'desired', `"${get('desired')}" is not a whole level from 1 to 5`);
    r.pillarRows[pillar] = row;
    if (current !== undefined && desired !== undefined) r.scores[pillar] = { current, desired };
  }

  const result: Assessment[] = [];
  for (const a of assessments.values()) {
    const created = CreatedAtSchema.safeParse(a.fields.created_at);
    if (!created.success) at(a.firstRow, 'created_at', `"${a.fields.created_at}" ${created.error.issues[0]!.message}`);
    if (!a.fields.organisation) at(a.firstRow, 'organisation', 'is empty');
    if (!a.fields.title) at(a.firstRow, 'title', 'is empty');
    const respondents: Respondent[] = [];
    for (const r of a.respondents.values()) {
      const absent = PILLAR_IDS.filter((p) => r.pillarRows[p] === undefined);
      if (absent.length) at(r.firstRow, 'pillar', `respondent ${r.id} has no row for ${absent.join(', ')}`);
      respondents.push({
        id: r.id,
        name: r.fields.respondent_name || undefined,
        role: r.fields.role,
        department: r.fields.department,
        worksInMarketing: r.worksInMarketing ?? false,
        scores: r.scores as Respondent['scores']
      });
    }
    result.push({ id: a.id, organisation: a.fields.organisation, title: a.fields.title, createdAt: a.fields.created_at, respondents });
  }
  if (issues.length) return { ok: false, issues };

  // The row checks above mirror the schema; this guard keeps CSV and JSON import equally strict.
  const checked: Assessment[] = [];
  for (const a of result) {
    const v = AssessmentSchema.safeParse(a, { reportInput: true });
    if (v.success) checked.push(v.data);
    else issues.push(...v.error.issues.map((issue) => describeZodIssue(issue, [`assessment ${a.id}`])));
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: checked };
}

function parseLevel(text: string): PillarScore['current'] | undefined {
  if (!/^\d+(?:[.,]0+)?$/.test(text)) return undefined;
  const n = Number(text.replace(',', '.'));
  return n >= 1 && n <= 5 ? (n as PillarScore['current']) : undefined;
}

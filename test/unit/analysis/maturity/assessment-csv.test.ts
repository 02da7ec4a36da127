import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_CSV_COLUMNS,
  assessmentsFromCsv,
  assessmentsToCsv,
  DUTCH_SPREADSHEET,
  pillarSummaryToCsv
} from '../../../../src/analysis/maturity/assessment-csv';
import type { Assessment } from '../../../../src/analysis/maturity/assessment';
import { marketingOptimistAssessment, respondent, scores } from './fixtures';

const HEADER = ASSESSMENT_CSV_COLUMNS.join(',');

function issuesOf(text: string): string[] {
  const r = assessmentsFromCsv(text);
  if (r.ok) throw new Error('expected the import to fail');
  return r.issues.map((i) => i.message);
}

/** A valid one-respondent CSV body (rows 2..7), for breaking one cell at a time. */
function oneRespondentRows(): string[][] {
  return ['strategy', 'people-organisation', 'technology', 'data', 'customer-journey', 'customer-value'].map((p) => [
    'a1', 'Acme', 'B2C', '2024-05-01', 'r1', '', 'analyst', 'Sales', 'no', p, '2', '3'
  ]);
}

const toText = (rows: string[][]) => [HEADER, ...rows.map((r) => r.join(','))].join('\n');

describe('assessment CSV export', () => {
  it('writes UTF-8 with a byte-order mark, one row per respondent × pillar', () => {
    const csv = assessmentsToCsv([marketingOptimistAssessment()]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines).toHaveLength(1 + 6 * 6);
    expect(lines[1]).toBe('a-b2b,Acme Verzekeringen,B2B,2024-03-01T09:30:00Z,m1,Anna de Vries,marketeer,Marketing,yes,strategy,4,5');
  });

  it('guards text that a spreadsheet would run as a formula, and reads it back as written', () => {
    const a = marketingOptimistAssessment();
    a.respondents[0] = { ...a.respondents[0]!, name: '=HYPERLINK("http://x","klik")', role: '-' };
    const csv = assessmentsToCsv([a]);
    expect(csv.split('\r\n')[1]).toContain(`,"'=HYPERLINK(""http://x"",""klik"")",'-,`);
    expect(assessmentsFromCsv(csv)).toEqual({ ok: true, value: [a] });
  });

  it('uses semicolons for Dutch spreadsheets and quotes fields that contain them', () => {
    const a = marketingOptimistAssessment();
    a.respondents[0] = { ...a.respondents[0]!, role: 'hoofd; marketing', name: 'Anna "AdV" de Vries' };
    const csv = assessmentsToCsv([a], DUTCH_SPREADSHEET);
    expect(csv.split('\r\n')[1]).toBe('a-b2b;Acme Verzekeringen;B2B;2024-03-01T09:30:00Z;m1;"Anna ""AdV"" de Vries";"hoofd; marketing";Marketing;yes;strategy;4;5');
  });

  it('writes the per-pillar summary with decimal commas when asked', () => {
    const csv = pillarSummaryToCsv(marketingOptimistAssessment(), { ...DUTCH_SPREADSHEET, locale: 'nl' });
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe('pillar;pillar_name;current_average;desired_average;marketing_current;others_current;perception_gap;gap_highlighted');
    expect(rows[1]).toBe('strategy;Strategie;3,67;4,33;4,33;3;1,33;yes');
    expect(rows[4]).toBe('data;Data;2;3,67;2,33;1,67;0,67;no');
    expect(pillarSummaryToCsv(marketingOptimistAssessment()).split('\r\n')[1]).toBe('strategy,Strategy,3.67,4.33,4.33,3,1.33,yes');
  });
});

describe('assessment CSV import', () => {
  it('given an exported file, when imported again, then the same assessments come back (comma and semicolon)', () => {
    const b2b = marketingOptimistAssessment();
    const b2c: Assessment = {
      id: 'a-b2c',
      organisation: 'Acme Verzekeringen',
      title: 'B2C',
      createdAt: '2024-03-02',
      respondents: [respondent('m1', true, scores(2, 4), { name: 'Zoë Çelik, MSc', department: 'Marketing\nConsumer' })]
    };
    const empty: Assessment = { id: 'a-new', organisation: 'Acme', title: 'Export', createdAt: '2024-04-01', respondents: [] };
    for (const options of [{}, DUTCH_SPREADSHEET, { bom: false }]) {
      const back = assessmentsFromCsv(assessmentsToCsv([b2b, b2c, empty], options));
      expect(back).toEqual({ ok: true, value: [b2b, b2c, empty] });
    }
  });

  it('accepts columns in another order, extra columns, Dutch yes/no, pillar names and decimal-comma levels', () => {
    const text = [
      'pillar;current;desired;notes;assessment_id;organisation;title;created_at;respondent_id;role;department;works_in_marketing',
      ...['Strategie', 'People & organisation', 'technology', 'DATA', 'Customer journey', 'Klantwaarde'].map(
        (p) => `${p};3,0;4;note;a1;Acme;B2B;2024-05-01;r1;manager;Sales;nee`
      )
    ].join('\r\n');
    const r = assessmentsFromCsv(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const only = r.value[0]!.respondents[0]!;
    expect(only).toMatchObject({ id: 'r1', role: 'manager', worksInMarketing: false });
    expect(only.name).toBeUndefined();
    expect(Object.values(only.scores)).toEqual(Array(6).fill({ current: 3, desired: 4 }));
  });

  it('reports bad cells with their row number and column', () => {
    const rows = oneRespondentRows();
    rows[0]![10] = '7'; // row 2, current
    rows[1]![11] = 'drie'; // row 3, desired
    rows[2]![8] = 'misschien'; // row 4, works_in_marketing differs from row 2 (and is no yes/no)
    rows[3]![9] = 'sales'; // row 5, unknown pillar
    const issues = issuesOf(toText(rows));
    expect(issues).toEqual([
      'row 2, column current: "7" is not a whole level from 1 to 5',
      'row 3, column desired: "drie" is not a whole level from 1 to 5',
      'row 4, column works_in_marketing: "misschien" differs from "no" on row 2 for respondent r1',
      'row 5, column pillar: "sales" is not a pillar (expected one of strategy, people-organisation, technology, data, customer-journey, customer-value)',
      'row 2, column pillar: respondent r1 has no row for data'
    ]);
  });

  it('reports a duplicate pillar, a missing column, an unclosed quote and a bad date', () => {
    const dup = oneRespondentRows();
    dup[5]![9] = 'strategy';
    expect(issuesOf(toText(dup))).toEqual([
      'row 7, column pillar: respondent r1 already scored strategy on row 2',
      'row 2, column pillar: respondent r1 has no row for customer-value'
    ]);

    expect(issuesOf('assessment_id,organisation,title\na1,Acme,B2B')).toEqual([
      'row 1: missing columns created_at, respondent_id, role, department, works_in_marketing, pillar, current, desired (read with separator ",")'
    ]);

    const quote = oneRespondentRows().map((r) => r.join(','));
    quote[3] = quote[3]!.replace('analyst', '"analyst');
    expect(issuesOf([HEADER, ...quote].join('\n'))).toEqual(['row 5: a quoted field is not closed']);

    const date = oneRespondentRows();
    for (const r of date) r[3] = '01-05-2024';
    expect(issuesOf(toText(date))[0]).toMatch(/^row 2, column created_at: "01-05-2024" must be an ISO 8601 date/);
  });

  it('reports rows that disagree about their assessment, and respondent cells without a respondent', () => {
    const rows = oneRespondentRows();
    rows[2]![1] = 'Acme BV';
    rows.push(['a1', 'Acme', 'B2C', '2024-05-01', '', '', 'analyst', '', '', 'data', '', '']);
    expect(issuesOf(toText(rows))).toEqual([
      'row 4, column organisation: "Acme BV" differs from "Acme" on row 2 for assessment a1',
      'row 8, column respondent_id: is empty, but the row has pillar, role'
    ]);
  });

  it('reports an empty file and too many fields', () => {
    expect(issuesOf('')).toEqual(['the file is empty: expected a header row and one row per respondent and pillar']);
    const rows = oneRespondentRows();
    rows[0]!.push('extra');
    expect(issuesOf(toText(rows))[0]).toBe('row 2: has 13 fields but the header has 12');
  });
});

import { describe, expect, it } from 'vitest';
import { ASSESSMENT_FILE_FORMAT, assessmentsFromJson, assessmentsToJson } from '../../../../src/analysis/maturity/assessment-json';
import { marketingOptimistAssessment } from './fixtures';

function issuesOf(text: string): string[] {
  const r = assessmentsFromJson(text);
  if (r.ok) throw new Error('expected the import to fail');
  return r.issues.map((i) => i.message);
}

describe('assessment JSON export and import', () => {
  it('given two assessments (B2B and B2C), when exported and imported, then they come back unchanged', () => {
    const b2b = marketingOptimistAssessment();
    const b2c = { ...marketingOptimistAssessment(), id: 'a-b2c', title: 'B2C', createdAt: '2024-03-02', respondents: [] };
    const json = assessmentsToJson([b2b, b2c]);
    expect(JSON.parse(json)).toMatchObject({ format: ASSESSMENT_FILE_FORMAT, version: 1 });
    const back = assessmentsFromJson(json);
    expect(back).toEqual({ ok: true, value: [b2b, b2c] });
  });

  it('accepts a hand-written bare assessment or list of assessments', () => {
    const a = marketingOptimistAssessment();
    expect(assessmentsFromJson(JSON.stringify(a))).toEqual({ ok: true, value: [a] });
    expect(assessmentsFromJson(JSON.stringify([a]))).toEqual({ ok: true, value: [a] });
  });

  it('reports text that is not JSON', () => {
    expect(issuesOf('{"format": ')[0]).toMatch(/^not valid JSON: /);
    expect(issuesOf('42')).toEqual(['expected an object with "format", "version" and "assessments"']);
  });

  it('names every bad field with its path and the value found', () => {
    const doc = JSON.parse(assessmentsToJson([marketingOptimistAssessment()]));
    doc.assessments[0].createdAt = 'yesterday';
    doc.assessments[0].respondents[0].scores.data.current = 7;
    doc.assessments[0].respondents[1].worksInMarketing = 'yes';
    delete doc.assessments[0].respondents[2].role;
    doc.assessments[0].respondents[3].scores.startegy = doc.assessments[0].respondents[3].scores.strategy;
    const issues = issuesOf(JSON.stringify(doc));
    expect(issues).toEqual(
      expect.arrayContaining([
        'assessments[0].createdAt: must be an ISO 8601 date (YYYY-MM-DD) or date-time (e.g. 2024-03-01T09:30:00Z) (got "yesterday")',
        'assessments[0].respondents[0].scores.data.current: must be a whole level from 1 to 5 (got 7)',
        'assessments[0].respondents[1].worksInMarketing: must be true or false (got "yes")',
        'assessments[0].respondents[2].role: is required (string)',
        'assessments[0].respondents[3].scores: unknown field "startegy"'
      ])
    );
    expect(issues).toHaveLength(5);
  });

  it('refuses a file of another kind or a newer version', () => {
    expect(issuesOf(JSON.stringify({ format: 'something-else', version: 1, assessments: [] }))).toEqual([
      `format: must be "${ASSESSMENT_FILE_FORMAT}" (got "something-else")`
    ]);
    expect(issuesOf(JSON.stringify({ format: ASSESSMENT_FILE_FORMAT, version: 2, assessments: [] }))[0]).toMatch(/^version: must be 1/);
  });
});

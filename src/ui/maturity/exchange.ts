import { msg, str } from '@lit/localize';
import { assessmentsFromJson, assessmentsToJson } from '../../analysis/maturity/assessment-json';
import { assessmentsFromCsv, assessmentsToCsv, DUTCH_SPREADSHEET, pillarSummaryToCsv } from '../../analysis/maturity/assessment-csv';
import type { Assessment, ImportIssue, ImportResult } from '../../analysis/maturity/assessment-schema';
import type { ContentLocale } from '../../analysis/maturity/model';
import { downloadBlob, safeFileName } from '../../app/download';

/*
 * Export and import of assessments as files: JSON (the complete, versioned format)
 * and CSV for spreadsheets (one row per respondent and pillar; with semicolons and
 * decimal commas for Dutch Excel when asked).
 */

/** Downloads the assessments as one JSON file. */
export function exportJson(assessments: readonly Assessment[]): void {
  downloadBlob(new Blob([assessmentsToJson(assessments)], { type: 'application/json' }), 'maturity-assessments.json');
}

/** Downloads the assessments as CSV, one row per respondent × pillar. */
export function exportCsv(assessments: readonly Assessment[], dutchSpreadsheet: boolean): void {
  const text = assessmentsToCsv(assessments, dutchSpreadsheet ? DUTCH_SPREADSHEET : {});
  downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), 'maturity-assessments.csv');
}

/** Downloads one assessment's averages and perception gaps per pillar, for a chart in a spreadsheet. */
export function exportPillarSummary(assessment: Assessment, dutchSpreadsheet: boolean, locale: ContentLocale): void {
  const text = pillarSummaryToCsv(assessment, { ...(dutchSpreadsheet ? DUTCH_SPREADSHEET : {}), locale });
  downloadBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), safeFileName(`${assessment.organisation} ${assessment.title} pillars`, 'csv'));
}

/** Reads a chosen file as assessments: JSON by name or content, otherwise CSV. */
export async function readAssessmentFile(file: File): Promise<ImportResult<Assessment[]>> {
  const text = await file.text();
  const looksJson = /\.json$/i.test(file.name) || /^\uFEFF?\s*[[{]/.test(text);
  return looksJson ? assessmentsFromJson(text) : assessmentsFromCsv(text);
}

/** The problems of a refused file as the user reads them: at most `limit`, then how many more. */
export function describeIssues(issues: readonly ImportIssue[], limit = 8): string[] {
  const lines = issues.slice(0, limit).map((i) => i.message);
  if (issues.length > limit) lines.push(msg(str`… and ${issues.length - limit} more problems.`));
  return lines;
}

/**
 * Batch results as files: JSON (the result as it is, every number included) and a
 * long-format CSV (section, id, name, metric, value) that a spreadsheet can pivot.
 */
import { writeCsv, type CsvCell, type CsvOptions } from '../analysis/csv';
import type { BatchResult, Distribution } from './batch';

/** The batch result as indented JSON; numbers that do not exist are null. */
export function batchResultToJson(result: BatchResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

/** The batch result as CSV rows: section, id, name, metric, value, unit. */
export function batchResultToCsv(result: BatchResult, options: CsvOptions = {}): string {
  const rows: CsvCell[][] = [['section', 'id', 'name', 'metric', 'value', 'unit']];
  const summary = (metric: string, value: CsvCell, unit = '') => rows.push(['summary', '', '', metric, value, unit]);
  summary('scenario', result.scenario);
  summary('seed', result.seed);
  summary('cases', result.cases);
  summary('simulated cases', result.simulatedCases);
  summary('status', result.status);
  summary('arrival interval', result.arrivalIntervalHours, 'h');
  summary('completed', result.outcomes.completed);
  summary('deadlock', result.outcomes.deadlock);
  summary('step limit', result.outcomes.stepLimit);
  summary('aborted', result.outcomes.aborted);
  summary('lead time basis', result.leadTimeBasis);
  distributionRows(rows, 'lead time', result.leadTime, 'h');
  distributionRows(rows, 'cost per case', result.costPerCase, result.currency);
  summary('handovers per case', result.handoversPerCase);
  summary('share of cases with a handover without agreement', result.unagreedHandoverShare);
  if (result.customerEndShare !== null) summary('share of cases reaching the customer end', result.customerEndShare);
  if (result.customerPromise) {
    const p = result.customerPromise;
    summary('customer promise', p.text);
    summary('customer promise target', p.targetHours, 'h');
    summary('customer promise held at P90', p.held === null ? '' : p.held ? 'yes' : 'no');
    summary('customer promise P90', p.p90Hours, 'h');
    if (p.measuredTo) summary('customer promise measured to', p.measuredTo.id);
  }
  for (const o of result.outcomesByEnd) {
    rows.push(['customer end', o.id, o.name, 'share of completed cases', o.share, '']);
    for (const key of ['mean', 'p50', 'p90', 'max'] as const) rows.push(['customer end', o.id, o.name, `lead time ${key}`, o.leadTime[key], 'h']);
  }
  summary('token moves', result.tokenMoves);
  summary('makespan', result.makespanHours, 'h');
  for (const bin of result.leadTimeHistogram) rows.push(['lead time histogram', '', '', `${bin.from} – ${bin.to}`, bin.count, 'cases']);
  for (const d of result.departments) {
    rows.push(['department', d.id, d.name, 'hours per case', d.hoursPerCase, 'h']);
    rows.push(['department', d.id, d.name, 'cost per case', d.costPerCase, result.currency]);
  }
  for (const a of result.activities) {
    rows.push(['activity', a.id, a.name, 'visits per case', a.visitsPerCase, '']);
    rows.push(['activity', a.id, a.name, 'hours per case', a.hoursPerCase, 'h']);
    rows.push(['activity', a.id, a.name, 'cost per case', a.costPerCase, result.currency]);
  }
  for (const [id, visits] of Object.entries(result.visitsPerCase)) rows.push(['element', id, '', 'visits per case', visits, '']);
  for (const f of result.flags) {
    const section = f.static ? 'flag (model)' : 'flag';
    rows.push([section, f.elementId, f.elementName, f.kind, f.static ? null : f.cases, f.static ? '' : 'cases']);
  }
  for (const e of result.exemptions) rows.push(['exemption', e.elementId, e.reason, e.rule, e.silenced, 'flags silenced']);
  for (const i of result.issues) rows.push([`issue (${i.severity})`, i.elementIds.join(' '), i.message, i.code, i.defaultUsed ?? '', '']);
  return writeCsv(rows, options);
}

function distributionRows(rows: CsvCell[][], name: string, d: Distribution, unit: string): void {
  for (const key of ['mean', 'p50', 'p90', 'min', 'max'] as const) rows.push(['summary', '', '', `${name} ${key}`, d[key], unit]);
}

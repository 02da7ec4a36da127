import type { ModdleElement } from '../../model/moddle-types';
import { validateAttributes, type FieldProblem } from '../../model/value-chain/schema';
import { evaluateKpi, type KpiEvaluation } from '../../analysis/performance/kpi-status';
import type { CsvCell } from '../../analysis/csv';
import { stepOf, type ActivityEntry } from './table-data';

/** The KPI fields the table shows and edits, as stored on ml:Kpi. */
export const KPI_TABLE_FIELDS = ['name', 'objectiveGroup', 'unit', 'direction', 'target', 'realised', 'evidence', 'periodStart', 'periodEnd'] as const;
/** One editable KPI field of the table. */
export type KpiTableField = (typeof KPI_TABLE_FIELDS)[number];

/** One row of the KPI table: one performance measure of one activity. */
export interface KpiRow {
  /** Stable key for rendering: activity id + KPI id (or position when the KPI has no id). */
  key: string;
  activityId: string;
  activityName: string;
  department?: string;
  /** The KPI's id; without one the row cannot be edited in place. */
  kpiId?: string;
  /** The stored text of each field, unchanged (so invalid data from a file stays visible). */
  stored: Partial<Record<KpiTableField, string>>;
  /** Why a stored value is invalid, per field (first problem of each). */
  problems: Partial<Record<KpiTableField, FieldProblem>>;
  /** Planned versus realised: variance and direction-aware status. */
  evaluation: KpiEvaluation;
}

/** The sortable columns of the KPI table. */
export type KpiSortKey =
  | 'activity'
  | 'department'
  | 'name'
  | 'objectiveGroup'
  | 'unit'
  | 'direction'
  | 'target'
  | 'realised'
  | 'evidence'
  | 'variance'
  | 'variancePercent'
  | 'status'
  | 'period';

/**
 * Remembers the row built for each ml:Kpi element with the text it was built from, so
 * that re-reading a large model after an edit rebuilds (and re-validates) only the
 * KPIs that changed, and unchanged rows keep their identity (the table skips them).
 */
export type KpiRowCache = WeakMap<ModdleElement, { signature: string; row: KpiRow }>;

/** Reads every KPI of the given activities into table rows, in the activities' order. */
export function kpiRows(activities: readonly ActivityEntry[], cache: KpiRowCache = new WeakMap()): KpiRow[] {
  const rows: KpiRow[] = [];
  for (const activity of activities) {
    const kpis = (stepOf(activity.element)?.kpis as ModdleElement[] | undefined) ?? [];
    kpis.forEach((kpi, index) => {
      const key = `${activity.id}/${(kpi.id as string | undefined) ?? `#${index}`}`;
      const stored: Partial<Record<KpiTableField, string>> = {};
      let signature = `${key}\u0000${activity.name}\u0000${activity.department ?? ''}`;
      for (const field of KPI_TABLE_FIELDS) {
        const value = kpi[field] as string | undefined;
        if (value !== undefined && value !== '') stored[field] = value;
        signature += `\u0000${value ?? ''}`;
      }
      const cached = cache.get(kpi);
      if (cached?.signature === signature) {
        rows.push(cached.row);
        return;
      }
      const problems: Partial<Record<KpiTableField, FieldProblem>> = {};
      for (const p of validateAttributes('ml:Kpi', stored).problems) {
        if ((KPI_TABLE_FIELDS as readonly string[]).includes(p.field)) problems[p.field as KpiTableField] ??= p;
      }
      const row: KpiRow = {
        key,
        activityId: activity.id,
        activityName: activity.name,
        ...(activity.department !== undefined ? { department: activity.department } : {}),
        ...(kpi.id ? { kpiId: kpi.id as string } : {}),
        stored,
        problems,
        evaluation: evaluateKpi(stored)
      };
      cache.set(kpi, { signature, row });
      rows.push(row);
    });
  }
  return rows;
}

/** Which rows a filter keeps: by department (lane) and objective group; undefined keeps all. */
export interface KpiFilter {
  department?: string;
  objectiveGroup?: string;
}

/** The rows that pass the filter, in their current order. */
export function filterKpiRows(rows: readonly KpiRow[], filter: KpiFilter): KpiRow[] {
  return rows.filter(
    (r) =>
      (filter.department === undefined || r.department === filter.department) &&
      (filter.objectiveGroup === undefined || r.stored.objectiveGroup === filter.objectiveGroup)
  );
}

const STATUS_ORDER = { 'off-track': 0, 'no-data': 1, qualitative: 2, 'on-track': 3 } as const;

/** Sorts rows by a column; empty values go last in both directions, ties keep the flow order. */
export function sortKpiRows(rows: readonly KpiRow[], key: KpiSortKey, direction: 'ascending' | 'descending'): KpiRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const value = (r: KpiRow): string | number | undefined => {
    switch (key) {
      case 'activity':
        return r.activityName;
      case 'department':
        return r.department;
      case 'target':
        return r.evaluation.target;
      case 'realised':
        return r.evaluation.realised ?? r.evaluation.evidence;
      case 'variance':
        return r.evaluation.absolute;
      case 'variancePercent':
        return r.evaluation.relative;
      case 'status':
        return STATUS_ORDER[r.evaluation.status];
      case 'period':
        return r.stored.periodStart ?? r.stored.periodEnd;
      default:
        return r.stored[key];
    }
  };
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => {
      if (a.v === undefined || b.v === undefined) return a.v === b.v ? a.index - b.index : a.v === undefined ? 1 : -1;
      const order = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v), undefined, { numeric: true });
      return order * sign || a.index - b.index;
    })
    .map((x) => x.row);
}

/** Texts for the CSV header and the coded values, in the UI language. */
export interface KpiCsvLabels {
  header: readonly string[];
  objectiveGroup(value: string): string;
  direction(value: string): string;
  status(row: KpiRow): string;
}

/**
 * The KPI table as CSV rows: one header row, then one row per KPI. Numbers stay
 * numbers (target, realised, variance, variance in percent) so a spreadsheet can
 * compute with them; coded values are written in the UI language.
 */
export function kpiCsvRows(rows: readonly KpiRow[], labels: KpiCsvLabels): CsvCell[][] {
  const out: CsvCell[][] = [[...labels.header]];
  for (const r of rows) {
    const e = r.evaluation;
    out.push([
      r.activityName,
      r.department ?? '',
      r.stored.name ?? '',
      r.stored.objectiveGroup ? labels.objectiveGroup(r.stored.objectiveGroup) : '',
      r.stored.unit ?? '',
      r.stored.direction ? labels.direction(r.stored.direction) : '',
      e.target ?? r.stored.target ?? '',
      e.realised ?? r.stored.realised ?? '',
      r.stored.evidence ?? '',
      e.absolute === undefined ? undefined : withoutNoise(e.absolute),
      e.relative === undefined ? undefined : roundTo(e.relative * 100, 2),
      labels.status(r),
      r.stored.periodStart ?? '',
      r.stored.periodEnd ?? ''
    ]);
  }
  return out;
}

/** Drops floating-point noise (342.1 − 300 = 42.10000000000002) while keeping every real digit. */
export function withoutNoise(value: number): number {
  return Number(value.toPrecision(12));
}

/** Rounds to a number of decimals, as a number (not a formatted string). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

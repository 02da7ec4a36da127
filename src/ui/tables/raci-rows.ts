import type { ModdleElement } from '../../model/moddle-types';
import { RESPONSIBILITIES, type Responsibility } from '../../model/value-chain/schema';
import type { CsvCell } from '../../analysis/csv';
import { stepOf, type ActivityEntry } from './table-data';
import { emptyDict } from '../../model/dict';

/** A column of the RACI matrix: a role of the process's role catalogue. */
export interface RaciRole {
  id: string;
  name: string;
  department?: string;
  person?: string;
}

/** A row of the RACI matrix: one activity with the responsibilities per role. */
export interface RaciRow {
  activityId: string;
  activityName: string;
  department?: string;
  laneId?: string;
  /** Role id → the responsibilities it holds here (normally one). */
  cells: Record<string, Responsibility[]>;
  /** Role ids assigned here that are not in the catalogue. */
  unknownRoles: string[];
  /** How many Accountable assignments the activity has; exactly one is the rule. */
  accountableCount: number;
}

/** The letter of each responsibility, as RACI charts write it. */
export const RACI_LETTERS: Record<Responsibility, string> = {
  responsible: 'R',
  accountable: 'A',
  consulted: 'C',
  informed: 'I'
};

/** The responsibility a typed letter sets (case-insensitive), or undefined for other keys. */
export function responsibilityForKey(key: string): Responsibility | undefined {
  const upper = key.toUpperCase();
  return (Object.keys(RACI_LETTERS) as Responsibility[]).find((r) => RACI_LETTERS[r] === upper);
}

/** The roles of the catalogue on the ml:ValueChain, in catalogue order (roles without id are skipped). */
export function raciRoles(valueChain: ModdleElement | undefined): RaciRole[] {
  const roles = valueChain?.roles ?? [];
  return roles
    .filter((r) => typeof r.id === 'string' && r.id !== '')
    .map((r) => ({
      id: r.id!,
      name: (r.name as string | undefined)?.trim() || r.id!,
      ...(r.department ? { department: r.department as string } : {}),
      ...(r.person ? { person: r.person as string } : {})
    }));
}

/** Remembers each activity's row with the text it was built from, so unchanged rows are reused as they are. */
export type RaciRowCache = WeakMap<ModdleElement, { signature: string; row: RaciRow }>;

/** One row per activity (every activity, with or without value-chain data), in the activities' order. */
export function raciRows(activities: readonly ActivityEntry[], roles: readonly RaciRole[], cache: RaciRowCache = new WeakMap()): RaciRow[] {
  const known = new Set(roles.map((r) => r.id));
  const rolesKey = roles.map((r) => r.id).join('\u0000');
  return activities.map((activity) => {
    const assignments = (stepOf(activity.element)?.assignments as ModdleElement[] | undefined) ?? [];
    let signature = `${activity.id}\u0001${activity.name}\u0001${activity.department ?? ''}\u0001${activity.laneId ?? ''}\u0001${rolesKey}`;
    for (const a of assignments) signature += `\u0001${(a.role as string | undefined) ?? ''}:${(a.responsibility as string | undefined) ?? ''}`;
    const cached = cache.get(activity.element);
    if (cached?.signature === signature) return cached.row;

    const cells = emptyDict<Responsibility[]>();
    const unknownRoles: string[] = [];
    let accountableCount = 0;
    for (const assignment of assignments) {
      const role = assignment.role as string | undefined;
      const responsibility = assignment.responsibility as string | undefined;
      if (!role || !isResponsibility(responsibility)) continue;
      if (responsibility === 'accountable') accountableCount++;
      if (!known.has(role)) {
        if (!unknownRoles.includes(role)) unknownRoles.push(role);
        continue;
      }
      (cells[role] ??= []).push(responsibility);
    }
    const row: RaciRow = {
      activityId: activity.id,
      activityName: activity.name,
      ...(activity.department !== undefined ? { department: activity.department } : {}),
      ...(activity.laneId !== undefined ? { laneId: activity.laneId } : {}),
      cells,
      unknownRoles,
      accountableCount
    };
    cache.set(activity.element, { signature, row });
    return row;
  });
}

/** The letters of a cell, e.g. "A" or "A/R" when a role holds two responsibilities. */
export function cellLetters(responsibilities: readonly Responsibility[] | undefined): string {
  return (responsibilities ?? []).map((r) => RACI_LETTERS[r]).join('/');
}

/** Texts for the CSV header and the check column, in the UI language. */
export interface RaciCsvLabels {
  department: string;
  activity: string;
  check: string;
  role(role: RaciRole): string;
  checkText(row: RaciRow): string;
}

/** The RACI matrix as CSV rows: department, activity, the accountability check, then one column per role. */
export function raciCsvRows(rows: readonly RaciRow[], roles: readonly RaciRole[], labels: RaciCsvLabels): CsvCell[][] {
  const out: CsvCell[][] = [[labels.department, labels.activity, labels.check, ...roles.map((r) => labels.role(r))]];
  for (const row of rows) {
    out.push([row.department ?? '', row.activityName, labels.checkText(row), ...roles.map((r) => cellLetters(row.cells[r.id]))]);
  }
  return out;
}

function isResponsibility(value: string | undefined): value is Responsibility {
  return (RESPONSIBILITIES as readonly string[]).includes(value ?? '');
}

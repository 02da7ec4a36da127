import type { KpiRow, PerformanceReport } from '../../analysis/performance/aggregate';
import type { ResourceSummary } from '../../analysis/performance/resources';
import { isActivityGroup, type ActivityGroup, type KpiStatus, type ObjectiveGroup } from '../../analysis/performance/schema';

/*
 * What the dashboard shows, computed without a browser: the KPI rows per objective
 * group under the filters, and the small rules behind the charts. The component draws.
 */

/** Whether the dashboard shows the open process or every process of the library. */
export type DashboardScope = 'process' | 'library';

/** A bar the user clicked: the KPI list then shows only that activity group's or department's KPIs. */
export type Focus = { kind: 'activityGroup'; group: ActivityGroup | undefined } | { kind: 'department'; department: string | undefined };

/** Rows shown per objective group before "show more": enough to scan, few enough to render a large library at once. */
export const ROWS_PER_GROUP = 15;

/** The statuses in the order of the filter chips. */
export const KPI_STATUSES: readonly KpiStatus[] = ['on-track', 'off-track', 'no-data', 'qualitative'];

/** One collator for all name sorting: creating one per comparison (localeCompare) is slow for thousands of rows. */
const COLLATOR = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Off track first: those ask for an action; then what cannot be judged yet. */
const STATUS_ORDER: Record<KpiStatus, number> = { 'off-track': 0, 'no-data': 1, qualitative: 2, 'on-track': 3 };

/**
 * The rows that pass the status filter and the bar focus, per objective group (every
 * group of the report, empty ones too), off track first, then by process and activity name.
 */
export function groupedKpiRows(
  report: PerformanceReport,
  status: KpiStatus | 'all',
  focus: Focus | undefined
): Map<ObjectiveGroup | undefined, KpiRow[]> {
  const groups = new Map<ObjectiveGroup | undefined, KpiRow[]>();
  for (const summary of report.byObjectiveGroup) groups.set(summary.group, []);
  for (const r of report.kpis) {
    if ((status === 'all' || r.status === status) && (!focus || matchesFocus(focus, r.activityGroup, r.department)))
      groups.get(r.objectiveGroup)?.push(r);
  }
  for (const rows of groups.values()) {
    rows.sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        COLLATOR.compare(a.processName ?? '', b.processName ?? '') ||
        COLLATOR.compare(a.activityName ?? '', b.activityName ?? '')
    );
  }
  return groups;
}

/** Whether an activity belongs to the clicked bar. */
export function matchesFocus(focus: Focus, group: ActivityGroup | undefined, department: string | undefined): boolean {
  if (focus.kind === 'activityGroup') return group === focus.group;
  return (department?.trim() || undefined) === focus.department;
}

/** An activity's group as the aggregation counts it: its activity group, else its budget group. */
export function groupOf(activityGroup: string | undefined, budgetGroup: string | undefined): ActivityGroup | undefined {
  if (isActivityGroup(activityGroup)) return activityGroup;
  return isActivityGroup(budgetGroup) ? budgetGroup : undefined;
}

/** A chart label in lines of about `width` characters, so long group names are not cut off beside a bar. */
export function wrapLabel(text: string, width = 16): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The currency most of the planned budget is in (EUR when there is none). */
export function mainCurrency(resources: ResourceSummary): string {
  let best: { currency: string; planned: number } | undefined;
  for (const b of resources.budgets)
    if (!best || b.planned + b.realised > best.planned) best = { currency: b.currency, planned: b.planned + b.realised };
  return best?.currency ?? 'EUR';
}

export function mainBudget(resources: ResourceSummary) {
  const currency = mainCurrency(resources);
  return resources.budgets.find((b) => b.currency === currency);
}

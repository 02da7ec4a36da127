import { evaluateKpiValues, type KpiEvaluation, type UnreadableField, type VarianceOptions } from './kpi-status';
import { measurementHistory, overlapsPeriod, trendOf, type HistoryPoint, type Period, type TrendOptions } from './history';
import { ResourceAccumulator, type ResourceSummary } from './resources';
import {
  ACTIVITY_GROUPS,
  isActivityGroup,
  OBJECTIVE_GROUPS,
  type ActivityGroup,
  type ActivityInput,
  type KpiInput,
  type KpiStatus,
  type ObjectiveGroup,
  type PeriodFilter,
  type ProcessInput,
  type Trend
} from './schema';
import { nonBlank, parseIsoDate } from './values';

/*
 * The Check of Plan–Do–Check–Act: planned versus realised over one process or
 * the whole library. KPIs are grouped by objective group, resources by activity
 * group and by department (lane). Every KPI row keeps its process and activity
 * id so a click in a chart can lead to the element in the model.
 */

/** Options of the aggregation. */
export interface PerformanceOptions extends VarianceOptions, TrendOptions {
  /** Only KPIs and measurements that touch this period; resources carry no period and are always included. */
  readonly period?: PeriodFilter;
}

/** Where the realised value shown for a KPI came from. */
export type RealisedSource = 'kpi' | 'measurement';

/** One KPI on the dashboard: its evaluation, its place in the model, its history and trend. */
export interface KpiRow extends KpiEvaluation {
  /** Unique within a report: process, activity and KPI id (or position). */
  readonly key: string;
  readonly processId: string;
  readonly processName: string | undefined;
  readonly activityId: string;
  readonly activityName: string | undefined;
  readonly department: string | undefined;
  readonly activityGroup: ActivityGroup | undefined;
  readonly kpiId: string | undefined;
  readonly name: string | undefined;
  readonly unit: string | undefined;
  readonly breakdown: { readonly targetGroup?: string; readonly product?: string; readonly channel?: string; readonly campaign?: string };
  /** The objective's period. */
  readonly period: Period;
  readonly realisedSource: RealisedSource | undefined;
  /** The period of the measurement the realised value came from. */
  readonly realisedPeriod: Period | undefined;
  /** Measurements within the period filter, oldest first. */
  readonly history: readonly HistoryPoint[];
  readonly trend: Trend | undefined;
}

/** How many KPIs have each status. */
export interface StatusCounts {
  readonly total: number;
  readonly onTrack: number;
  readonly offTrack: number;
  readonly noData: number;
  readonly qualitative: number;
}

/** The KPIs of one objective group (undefined: KPIs without a valid group). */
export interface ObjectiveGroupSummary extends StatusCounts {
  readonly group: ObjectiveGroup | undefined;
}

/** The resources of one activity group (undefined: activities without a valid group). */
export interface ActivityGroupResources extends ResourceSummary {
  readonly group: ActivityGroup | undefined;
}

/** The resources of one department (undefined: activities outside any lane). */
export interface DepartmentResources extends ResourceSummary {
  readonly department: string | undefined;
}

/** The headline figures of one process, for the library overview. */
export interface ProcessPerformance {
  readonly processId: string;
  readonly name: string | undefined;
  readonly kpis: StatusCounts;
  readonly resources: ResourceSummary;
}

/** The dashboard's data for one process or a library. */
export interface PerformanceReport {
  readonly period: PeriodFilter | undefined;
  readonly kpis: readonly KpiRow[];
  readonly statuses: StatusCounts;
  /** The seven objective groups in fixed order, then the ungrouped KPIs if there are any. */
  readonly byObjectiveGroup: readonly ObjectiveGroupSummary[];
  /** The four activity groups in fixed order, then activities without a group if there are any. */
  readonly byActivityGroup: readonly ActivityGroupResources[];
  /** Departments by name, activities outside any lane last. */
  readonly byDepartment: readonly DepartmentResources[];
  readonly processes: readonly ProcessPerformance[];
  readonly resources: ResourceSummary;
}

class StatusCounter {
  total = 0;
  onTrack = 0;
  offTrack = 0;
  noData = 0;
  qualitative = 0;

  add(status: KpiStatus): void {
    this.total++;
    if (status === 'on-track') this.onTrack++;
    else if (status === 'off-track') this.offTrack++;
    else if (status === 'no-data') this.noData++;
    else this.qualitative++;
  }

  result(): StatusCounts {
    return { total: this.total, onTrack: this.onTrack, offTrack: this.offTrack, noData: this.noData, qualitative: this.qualitative };
  }
}

function hasValue(p: HistoryPoint): boolean {
  return p.value !== undefined || p.evidence !== undefined || p.unreadable;
}

function kpiHasOwnValue(kpi: KpiInput): boolean {
  const r = kpi.realised;
  return (r !== undefined && String(r).trim() !== '') || nonBlank(kpi.evidence) !== undefined;
}

/**
 * Evaluates one KPI for the dashboard, or undefined when it falls outside the
 * period filter. Without a filter the KPI's own realised value counts, else its
 * latest measurement; with a filter the latest measurement inside the period
 * counts, else the KPI's own value when its objective period touches the filter.
 */
export function evaluateKpiRow(
  process: ProcessInput,
  activity: ActivityInput,
  kpi: KpiInput,
  index: number,
  options: PerformanceOptions = {}
): KpiRow | undefined {
  const filter = options.period && (options.period.from !== undefined || options.period.to !== undefined) ? options.period : undefined;
  const period: Period = { start: kpi.periodStart, end: kpi.periodEnd };
  const history = measurementHistory(kpi.measurements, filter);
  const undated = parseIsoDate(kpi.periodStart) === undefined && parseIsoDate(kpi.periodEnd) === undefined;
  const ownValueApplies = !filter || overlapsPeriod(period, filter) || (undated && !kpi.measurements?.length);
  if (filter && history.length === 0 && !ownValueApplies) return undefined;

  let latest: HistoryPoint | undefined;
  for (let i = history.length - 1; i >= 0; i--) {
    if (hasValue(history[i]!)) {
      latest = history[i];
      break;
    }
  }
  const useOwn = ownValueApplies && (!filter || !latest) && kpiHasOwnValue(kpi);
  const fromMeasurement = !useOwn && latest !== undefined;
  const e = useOwn
    ? evaluateKpiValues(kpi.objectiveGroup, kpi.direction, kpi.target, kpi.realised, kpi.evidence, options)
    : evaluateKpiValues(kpi.objectiveGroup, kpi.direction, kpi.target, latest?.value, latest?.evidence, options);
  const unreadable = fromMeasurement && latest!.unreadable ? [...e.unreadable, 'realised' as UnreadableField] : e.unreadable;
  // One literal with every field, no spreads: rows keep one shape, which keeps the library loop fast.
  return {
    objectiveGroup: e.objectiveGroup,
    direction: e.direction,
    directionAssumed: e.directionAssumed,
    target: e.target,
    realised: e.realised,
    evidence: e.evidence,
    absolute: e.absolute,
    relative: e.relative,
    status: e.status,
    noDataReason: e.noDataReason,
    unreadable,
    key: `${process.id}/${activity.id}/${kpi.id ?? `#${index}`}`,
    processId: process.id,
    processName: process.name,
    activityId: activity.id,
    activityName: activity.name,
    department: nonBlank(activity.department),
    activityGroup: activityGroupOf(activity),
    kpiId: kpi.id,
    name: kpi.name,
    unit: kpi.unit,
    breakdown: breakdownOf(kpi),
    period,
    realisedSource: useOwn ? 'kpi' : fromMeasurement ? 'measurement' : undefined,
    realisedPeriod: fromMeasurement ? { start: latest!.periodStart, end: latest!.periodEnd } : undefined,
    history,
    trend: trendOf(history, e.direction, e.target, options)
  };
}

const NO_BREAKDOWN: KpiRow['breakdown'] = Object.freeze({});

function breakdownOf(kpi: KpiInput): KpiRow['breakdown'] {
  if (kpi.targetGroup === undefined && kpi.product === undefined && kpi.channel === undefined && kpi.campaign === undefined) return NO_BREAKDOWN;
  const out: { targetGroup?: string; product?: string; channel?: string; campaign?: string } = {};
  for (const k of ['targetGroup', 'product', 'channel', 'campaign'] as const) {
    const v = nonBlank(kpi[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** The step's activity group, falling back to its budget group (the audit reports when they differ). */
function activityGroupOf(activity: ActivityInput): ActivityGroup | undefined {
  if (isActivityGroup(activity.activityGroup)) return activity.activityGroup;
  const budgetGroup = activity.resources?.budgetGroup;
  return isActivityGroup(budgetGroup) ? budgetGroup : undefined;
}

/** Aggregates planned versus realised over the given processes (one process is a library of one). */
export function aggregatePerformance(processes: readonly ProcessInput[], options: PerformanceOptions = {}): PerformanceReport {
  const kpis: KpiRow[] = [];
  const statuses = new StatusCounter();
  const byObjective = new Map<ObjectiveGroup | undefined, StatusCounter>(OBJECTIVE_GROUPS.map((g) => [g, new StatusCounter()]));
  const byActivityGroup = new Map<ActivityGroup | undefined, ResourceAccumulator>(ACTIVITY_GROUPS.map((g) => [g, new ResourceAccumulator()]));
  const byDepartment = new Map<string | undefined, ResourceAccumulator>();
  const library = new ResourceAccumulator();
  const perProcess: ProcessPerformance[] = [];

  for (const process of processes) {
    const processStatuses = new StatusCounter();
    const processResources = new ResourceAccumulator();
    for (const activity of process.activities) {
      const group = activityGroupOf(activity);
      let groupAcc = byActivityGroup.get(group);
      if (!groupAcc) byActivityGroup.set(group, (groupAcc = new ResourceAccumulator()));
      groupAcc.add(activity.resources);
      const department = nonBlank(activity.department);
      let deptAcc = byDepartment.get(department);
      if (!deptAcc) byDepartment.set(department, (deptAcc = new ResourceAccumulator()));
      deptAcc.add(activity.resources);
      processResources.add(activity.resources);

      activity.kpis.forEach((kpi, i) => {
        const row = evaluateKpiRow(process, activity, kpi, i, options);
        if (!row) return;
        kpis.push(row);
        statuses.add(row.status);
        processStatuses.add(row.status);
        let counter = byObjective.get(row.objectiveGroup);
        if (!counter) byObjective.set(row.objectiveGroup, (counter = new StatusCounter()));
        counter.add(row.status);
      });
    }
    library.merge(processResources);
    perProcess.push({ processId: process.id, name: process.name, kpis: processStatuses.result(), resources: processResources.result() });
  }

  const departments = [...byDepartment.entries()].sort(([a], [b]) =>
    a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b, undefined, { sensitivity: 'base' })
  );
  return {
    period: options.period,
    kpis,
    statuses: statuses.result(),
    byObjectiveGroup: [...byObjective.entries()]
      .filter(([g, c]) => g !== undefined || c.total > 0)
      .map(([group, c]) => ({ group, ...c.result() })),
    byActivityGroup: [...byActivityGroup.entries()]
      .filter(([g, acc]) => g !== undefined || acc.result().activities > 0)
      .map(([group, acc]) => ({ group, ...acc.result() })),
    byDepartment: departments.map(([department, acc]) => ({ department, ...acc.result() })),
    processes: perProcess,
    resources: library.result()
  };
}

import { DEFAULT_CURRENCY } from '../../model/value-chain/schema';
import type { ResourcesInput } from './schema';
import { parseDecimal } from '../../model/decimal';
import { isUnreadableDecimal, nonBlank } from './values';

/*
 * Planned versus realised resources (budget per currency, hours). Totals count
 * every value, but the variance compares only activities that report both
 * planned and realised: a step that has not booked its hours yet must not look
 * like an underspend.
 */

/** Planned and realised amounts of one kind over a set of activities. */
export interface AmountTotals {
  /** Sum of all planned values, and how many activities gave one. */
  readonly planned: number;
  readonly plannedCount: number;
  /** Sum of all realised values, and how many activities gave one. */
  readonly realised: number;
  readonly realisedCount: number;
  /** Activities with both values, and their sums: the base of the variance. */
  readonly comparedCount: number;
  readonly comparedPlanned: number;
  readonly comparedRealised: number;
  /** comparedRealised − comparedPlanned; undefined when no activity has both. */
  readonly variance: number | undefined;
  /** variance / comparedPlanned; undefined when that is 0 or there is no variance. */
  readonly relative: number | undefined;
  /** Resources are "at most" measures: spending within plan is on track. */
  readonly status: 'on-track' | 'off-track' | 'no-data';
}

/** Budget totals in one currency (amounts in different currencies are never added up). */
export interface BudgetTotals extends AmountTotals {
  readonly currency: string;
}

/** The resources of a group of activities. */
export interface ResourceSummary {
  /** Activities in the group, and how many of them record any resources. */
  readonly activities: number;
  readonly activitiesWithResources: number;
  /** One entry per currency, sorted by currency code. */
  readonly budgets: readonly BudgetTotals[];
  readonly hours: AmountTotals;
  /** Resource values present but not readable as numbers (counted, left out of the sums). */
  readonly unreadableValues: number;
}


class AmountAccumulator {
  planned = 0;
  plannedCount = 0;
  realised = 0;
  realisedCount = 0;
  comparedCount = 0;
  comparedPlanned = 0;
  comparedRealised = 0;

  add(planned: number | undefined, realised: number | undefined): void {
    if (planned !== undefined) {
      this.planned += planned;
      this.plannedCount++;
    }
    if (realised !== undefined) {
      this.realised += realised;
      this.realisedCount++;
    }
    if (planned !== undefined && realised !== undefined) {
      this.comparedCount++;
      this.comparedPlanned += planned;
      this.comparedRealised += realised;
    }
  }

  merge(other: AmountAccumulator): void {
    this.planned += other.planned;
    this.plannedCount += other.plannedCount;
    this.realised += other.realised;
    this.realisedCount += other.realisedCount;
    this.comparedCount += other.comparedCount;
    this.comparedPlanned += other.comparedPlanned;
    this.comparedRealised += other.comparedRealised;
  }

  result(): AmountTotals {
    const { planned, plannedCount, realised, realisedCount, comparedCount, comparedPlanned, comparedRealised } = this;
    const variance = comparedCount ? comparedRealised - comparedPlanned : undefined;
    const relative = variance !== undefined && comparedPlanned !== 0 ? variance / Math.abs(comparedPlanned) : undefined;
    const status = variance === undefined ? 'no-data' : variance <= 1e-9 ? 'on-track' : 'off-track';
    return { planned, plannedCount, realised, realisedCount, comparedCount, comparedPlanned, comparedRealised, variance, relative, status };
  }
}

/** Collects resources of activities into a summary; used per activity group, department, process and library. */
export class ResourceAccumulator {
  private activities = 0;
  private withResources = 0;
  private unreadable = 0;
  private readonly hours = new AmountAccumulator();
  private readonly budgets = new Map<string, AmountAccumulator>();

  /** Adds one activity (with or without resources). */
  add(resources: ResourcesInput | undefined): void {
    this.activities++;
    if (!resources) return;
    const { plannedBudget, realisedBudget, plannedHours, realisedHours } = resources;
    const pb = this.read(plannedBudget);
    const rb = this.read(realisedBudget);
    const ph = this.read(plannedHours);
    const rh = this.read(realisedHours);
    if (pb !== undefined || rb !== undefined || ph !== undefined || rh !== undefined) this.withResources++;
    if (pb !== undefined || rb !== undefined) this.budget(currencyOf(resources)).add(pb, rb);
    this.hours.add(ph, rh);
  }

  /** Adds everything another accumulator collected. */
  merge(other: ResourceAccumulator): void {
    this.activities += other.activities;
    this.withResources += other.withResources;
    this.unreadable += other.unreadable;
    this.hours.merge(other.hours);
    for (const [currency, acc] of other.budgets) this.budget(currency).merge(acc);
  }

  /** The summary of what was added so far. */
  result(): ResourceSummary {
    const budgets = [...this.budgets.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, acc]) => ({ currency, ...acc.result() }));
    return { activities: this.activities, activitiesWithResources: this.withResources, budgets, hours: this.hours.result(), unreadableValues: this.unreadable };
  }

  /** Parses one amount, counting it when it is present but unreadable. */
  private read(value: ResourcesInput['plannedBudget']): number | undefined {
    const n = parseDecimal(value);
    if (n === undefined && isUnreadableDecimal(value)) this.unreadable++;
    return n;
  }

  private budget(currency: string): AmountAccumulator {
    let acc = this.budgets.get(currency);
    if (!acc) this.budgets.set(currency, (acc = new AmountAccumulator()));
    return acc;
  }
}

function currencyOf(resources: ResourcesInput): string {
  return nonBlank(resources.currency)?.toUpperCase() ?? DEFAULT_CURRENCY;
}

/** Summarises the resources of a list of activities. */
export function summariseResources(resources: readonly (ResourcesInput | undefined)[]): ResourceSummary {
  const acc = new ResourceAccumulator();
  for (const r of resources) acc.add(r);
  return acc.result();
}

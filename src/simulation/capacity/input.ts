/**
 * Capacity data from the model's ml: extension (ml:capacity, ml:work), normalised
 * into a CapacityInput (hours, ids), and what-if changes applied to one. Every map
 * keyed by ids from a file is a Map, never a plain object.
 */
import { parseIsoDuration } from '../../model/duration';
import type { ModdleElement } from '../../model/moddle-types';
import { readValueChain, type ValueChainSnapshot } from '../../model/value-chain/read';
import {
  DEFAULT_CALENDAR,
  DEFAULT_CURRENCY,
  DEFAULT_TIME_ZONE,
  type DistributionKind,
  type HoursRange,
  type Weekday
} from '../../model/value-chain/schema';
import type { CalendarSpec, CapacityInput, DistributionSpec, PoolSpec, TaskWorkSpec, WhatIf } from './types';

/** The hours of the default calendar, Monday to Friday 09:00–17:00. */
export const DEFAULT_HOURS: HoursRange[] = [{ from: 9 * 60, to: 17 * 60 }];
export const DEFAULT_DAYS: Weekday[] = DEFAULT_CALENDAR.days.split(' ') as Weekday[];
/** When a run starts if neither the options nor the model say: Monday 5 January 2026, 00:00. */
export const DEFAULT_START = '2026-01-05T00:00';
/** Id of the calendar used when a pool or the promise names none. */
export const DEFAULT_CALENDAR_ID = '';

/** The default calendar in a time zone. */
export function defaultCalendar(timeZone: string): CalendarSpec {
  return { id: DEFAULT_CALENDAR_ID, name: 'Mon–Fri 09:00–17:00', days: DEFAULT_DAYS, hours: DEFAULT_HOURS, holidays: [], timeZone };
}

/** An input without any capacity data: the model runs as before. */
export function emptyCapacityInput(): CapacityInput {
  return { timeZone: DEFAULT_TIME_ZONE, calendars: [], pools: [], tasks: new Map(), branching: new Map(), scenarios: [], source: 'none' };
}

interface DistributionFields {
  distribution?: DistributionKind;
  mean?: string;
  sd?: string;
  min?: string;
  mostLikely?: string;
  max?: string;
}

function distributionOf(f: DistributionFields): DistributionSpec | undefined {
  if (!f.distribution) return undefined;
  const h = (text: string | undefined) => (text === undefined ? undefined : parseIsoDuration(text));
  const spec: DistributionSpec = { kind: f.distribution };
  const mean = h(f.mean);
  const sd = h(f.sd);
  const min = h(f.min);
  const mode = h(f.mostLikely);
  const max = h(f.max);
  if (mean !== undefined) spec.mean = mean;
  if (sd !== undefined) spec.sd = sd;
  if (min !== undefined) spec.min = min;
  if (mode !== undefined) spec.mode = mode;
  if (max !== undefined) spec.max = max;
  return spec;
}

/** The index of the pool that performs a task: its own ml:work pool, else its responsible role's pool; -1 for none. */
export function poolOfTask(spec: TaskWorkSpec | undefined, pools: PoolSpec[]): number {
  if (!spec) return -1;
  if (spec.pool !== undefined) return pools.findIndex((p) => p.id === spec.pool);
  if (spec.responsibleRole !== undefined) return pools.findIndex((p) => p.roles.includes(spec.responsibleRole!));
  return -1;
}

/** Reads the capacity data of a parsed model; `source` is 'none' when it has none. */
export function readCapacityInput(definitions: ModdleElement, snapshot: ValueChainSnapshot = readValueChain(definitions)): CapacityInput {
  const input = emptyCapacityInput();
  const chain = snapshot.valueChain;
  const cap = chain?.capacity;
  for (const step of Object.values(snapshot.steps)) {
    const work = step.work;
    const spec: TaskWorkSpec = {};
    const duration = work ? distributionOf(work) : undefined;
    if (work?.pool) spec.pool = work.pool;
    if (work?.priority !== undefined) spec.priority = work.priority;
    if (work?.fixedCost !== undefined) spec.fixedCost = work.fixedCost;
    if (duration) spec.duration = duration;
    const responsible = step.assignments.find((a) => a.responsibility === 'responsible' && a.role)?.role;
    if (responsible) spec.responsibleRole = responsible;
    input.tasks.set(step.elementId, spec);
  }
  if (!cap) return input;
  input.source = 'model';
  input.timeZone = cap.timeZone ?? DEFAULT_TIME_ZONE;
  if (cap.start) input.start = cap.start;
  for (const c of cap.calendars) {
    if (!c.id) continue;
    input.calendars.push({
      id: c.id,
      name: c.name ?? c.id,
      days: c.days ?? DEFAULT_DAYS,
      hours: c.hours ?? DEFAULT_HOURS,
      holidays: c.holidays ?? [],
      timeZone: c.timeZone ?? input.timeZone
    });
  }
  const roles = chain?.roles ?? [];
  for (const p of cap.pools) {
    if (!p.id) continue;
    const people = p.people.map((m) => m.name).filter((n): n is string => !!n);
    const poolRoles = p.role ? [p.role] : p.department ? roles.filter((r) => r.department === p.department && r.id).map((r) => r.id!) : [];
    const pool: PoolSpec = {
      id: p.id,
      name: p.name ?? p.id,
      capacity: people.length > 0 ? people.length : (p.capacity ?? 1),
      people,
      costPerHour: p.costPerHour ?? 0,
      currency: p.currency ?? DEFAULT_CURRENCY,
      roles: poolRoles
    };
    if (p.calendar) pool.calendar = p.calendar;
    input.pools.push(pool);
  }
  const a = cap.arrivals;
  if (a) {
    const interval =
      distributionOf(a) ??
      (a.rate !== undefined && a.rate > 0 ? { kind: 'exponential' as const, mean: (parseIsoDuration(a.per ?? 'P1W') ?? 168) / a.rate } : undefined);
    if (interval) input.arrival = a.calendar ? { interval, calendar: a.calendar } : { interval };
    if (a.rate !== undefined) input.arrivalRate = { rate: a.rate, perHours: parseIsoDuration(a.per ?? 'P1W') ?? 168 };
  }
  for (const s of cap.scenarios) {
    if (!s.id) continue;
    const whatIf: WhatIf = { id: s.id, name: s.name ?? s.id, pools: [] };
    if (s.arrivalRate !== undefined) whatIf.arrivalRate = s.arrivalRate;
    if (s.arrivalChange !== undefined) whatIf.arrivalChange = s.arrivalChange;
    for (const c of s.poolChanges) {
      if (!c.pool) continue;
      whatIf.pools!.push({
        pool: c.pool,
        ...(c.capacity !== undefined ? { capacity: c.capacity } : {}),
        ...(c.costPerHour !== undefined ? { costPerHour: c.costPerHour } : {}),
        ...(c.calendar !== undefined ? { calendar: c.calendar } : {})
      });
    }
    input.scenarios.push(whatIf);
  }
  return input;
}

/**
 * The input with a what-if applied: arrivals scaled or set, pools changed. Unknown
 * pool ids are reported by the caller (capacity/run.ts) and otherwise ignored.
 */
export function applyWhatIf(input: CapacityInput, whatIf: WhatIf): CapacityInput {
  const pools = input.pools.map((p) => {
    const change = whatIf.pools?.find((c) => c.pool === p.id);
    if (!change) return p;
    const next: PoolSpec = { ...p };
    if (change.capacity !== undefined) {
      next.capacity = change.capacity;
      next.people = change.capacity === p.people.length ? p.people : [];
    }
    if (change.costPerHour !== undefined) next.costPerHour = change.costPerHour;
    if (change.calendar !== undefined) next.calendar = change.calendar;
    return next;
  });
  let arrival = input.arrival;
  if (arrival) {
    // Arrivals per period change, so the time between arrivals scales by the inverse.
    let factor = 1;
    if (whatIf.arrivalRate !== undefined && whatIf.arrivalRate > 0 && input.arrivalRate) factor = input.arrivalRate.rate / whatIf.arrivalRate;
    if (whatIf.arrivalChange !== undefined && whatIf.arrivalChange > -100) factor /= 1 + whatIf.arrivalChange / 100;
    if (factor !== 1) arrival = { ...arrival, interval: scaleDistribution(arrival.interval, factor) };
  }
  return { ...input, pools, ...(arrival ? { arrival } : {}) };
}

/** Scales every time of a distribution (a longer or shorter interval, same shape). */
export function scaleDistribution(d: DistributionSpec, factor: number): DistributionSpec {
  const out: DistributionSpec = { kind: d.kind };
  for (const k of ['mean', 'sd', 'min', 'mode', 'max'] as const) if (d[k] !== undefined) out[k] = d[k]! * factor;
  return out;
}

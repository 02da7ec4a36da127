import { msg, str } from '@lit/localize';
import type { CapacityResult, PoolResult, TaskResult, WhatIf } from '../../../simulation/capacity/types';
import { formatMoney, formatNumber, formatPercent } from '../../shared/format';
import { formatHours, hoursUnitFor } from '../labels';

/*
 * What the capacity results say, as view models: one plain sentence per finding, the
 * bottleneck ranking, the columns that put planned, realised and what-if runs side by
 * side, and the waiting heat for the canvas. Pure functions of the engine's results
 * (no DOM, no modeler), tested in node; the component only renders them.
 */

/** Utilisation from which a pool counts as overloaded in the ranking even when its queue is still stable. */
export const BUSY_UTILISATION = 0.85;

/** One finding in one sentence, with the elements it concerns (to show on the canvas). */
export interface FindingView {
  kind: 'unlimited' | 'overloaded' | 'waiting' | 'promise' | 'busy' | 'split' | 'cost' | 'time-budget';
  severity: 'info' | 'warning' | 'error';
  text: string;
  elementIds: string[];
}

/** A whole number of cases a week as the sentence says it: "about 150". */
function casesPerWeek(n: number): string {
  const rounded = n >= 100 ? Math.round(n / 10) * 10 : n >= 10 ? Math.round(n) : Math.round(n * 10) / 10;
  return formatNumber(rounded);
}

/** Mean waiting per case caused at one step: executions per case times waiting per execution. */
export function waitingPerCase(task: TaskResult, cases: number): number {
  return cases > 0 ? (task.meanWaiting * task.count) / cases : 0;
}

/** The steps where cases wait, worst first (waiting per case above a minute). */
export function waitingSteps(r: CapacityResult): Array<{ task: TaskResult; perCase: number }> {
  return r.tasks
    .map((task) => ({ task, perCase: waitingPerCase(task, r.completed || r.cases) }))
    .filter((t) => t.perCase > 1 / 60)
    .sort((a, b) => b.perCase - a.perCase);
}

function poolOf(r: CapacityResult, task: TaskResult): PoolResult | undefined {
  return task.pool ? r.pools.find((p) => p.id === task.pool) : undefined;
}

/**
 * One plain sentence per finding, most important first: an overloaded pool (and then
 * no averages, which would describe a queue still growing), where cases wait and
 * whether the promise holds, how busy each pool is, how a case's time splits up.
 */
export function capacityFindings(r: CapacityResult): FindingView[] {
  const out: FindingView[] = [];
  if (r.mode === 'unlimited') {
    out.push({
      kind: 'unlimited',
      severity: 'info',
      text: msg('This model has no people or working hours yet, so it ran as before: unlimited people, round the clock, and nobody waits for a busy colleague. Enter the people and hours under Capacity in the properties panel (with nothing selected).'),
      elementIds: []
    });
  }
  for (const pool of r.pools.filter((p) => p.overloaded)) {
    const can = casesPerWeek(pool.capacityPerWeek);
    const come = casesPerWeek(pool.demandPerWeek);
    const name = pool.name || pool.id;
    out.push({
      kind: 'overloaded',
      severity: 'error',
      // Rounded, "about 400 … at 400" would read as no problem: at the limit it is said as such.
      text:
        can === come
          ? msg(str`"${name}" is at its limit: it can handle about as many cases as arrive (${come} a week), so any variation makes the queue grow without end.`)
          : msg(str`"${name}" can handle about ${can} cases a week; at ${come} a week the queue grows without end.`),
      elementIds: r.tasks.filter((t) => t.pool === pool.id).map((t) => t.id)
    });
  }
  const worst = waitingSteps(r)[0];
  const promise = r.promise;
  const promiseText = promise
    ? msg(str`the promise (${promise.text || promise.target}) is kept for ${formatPercent(promise.keptShare)} of cases`)
    : undefined;
  if (!r.unstable && worst) {
    const pool = poolOf(r, worst.task);
    const wait = formatHours(worst.task.meanWaiting);
    const step = `"${worst.task.name || worst.task.id}"`;
    const start = pool
      ? pool.capacity === 1
        ? msg(str`With 1 person in "${pool.name || pool.id}", cases wait on average ${wait} before ${step}`)
        : msg(str`With ${formatNumber(pool.capacity)} people in "${pool.name || pool.id}", cases wait on average ${wait} before ${step}`)
      : msg(str`Cases wait on average ${wait} before ${step}`);
    out.push({ kind: 'waiting', severity: 'warning', text: promiseText ? `${start}; ${promiseText}.` : `${start}.`, elementIds: [worst.task.id] });
  } else if (promise && !r.unstable) {
    out.push({ kind: 'promise', severity: promise.keptShare >= 0.9 ? 'info' : 'warning', text: msg(str`Nobody waits for a busy colleague; the promise (${promise.text || promise.target}) is kept for ${formatPercent(promise.keptShare)} of cases.`), elementIds: [] });
  } else if (!worst && !r.unstable && r.mode === 'capacity') {
    out.push({ kind: 'waiting', severity: 'info', text: msg('Nobody waits for a busy colleague: there are enough people for this volume.'), elementIds: [] });
  }
  if (r.unstable && promise) {
    out.push({ kind: 'promise', severity: 'error', text: msg('While a queue grows without end the promise cannot be kept for long: every week the cases that arrive wait longer than the ones before.'), elementIds: [] });
  }
  for (const pool of [...r.pools].sort((a, b) => b.utilisation - a.utilisation)) {
    if (pool.overloaded || r.mode !== 'capacity') continue;
    const busy = formatPercent(pool.utilisation);
    const name = `"${pool.name || pool.id}"`;
    out.push({
      kind: 'busy',
      severity: pool.utilisation >= BUSY_UTILISATION ? 'warning' : 'info',
      text:
        pool.utilisation >= BUSY_UTILISATION
          ? msg(str`${name} is busy ${busy} of its working hours: any extra work makes the queue grow quickly.`)
          : msg(str`${name} is busy ${busy} of its working hours.`),
      elementIds: r.tasks.filter((t) => t.pool === pool.id).map((t) => t.id)
    });
  }
  if (!r.unstable && r.cycleTime.mean !== null) {
    const { processing, waiting, offCalendar } = r.split;
    const unit = hoursUnitFor([r.cycleTime.mean, processing, waiting, offCalendar]);
    const h = (v: number) => formatHours(v, unit);
    out.push({
      kind: 'split',
      severity: 'info',
      text: msg(str`A case takes on average ${h(r.cycleTime.mean)} from arrival to the customer's outcome: ${h(processing)} of work, ${h(waiting)} waiting for a free person and ${h(offCalendar)} outside working hours.`),
      elementIds: []
    });
  }
  if (r.cost.perCase !== null) {
    out.push({
      kind: 'cost',
      severity: 'info',
      text: msg(str`A case costs on average ${formatMoney(r.cost.perCase, r.cost.currency)}: hours worked times the pool's hourly rate, plus fixed costs. A step's budget is planned per period and is never divided into cases.`),
      elementIds: []
    });
  }
  if (r.status === 'time-budget-exceeded') {
    out.push({ kind: 'time-budget', severity: 'warning', text: msg(str`The time limit was reached: these figures cover ${formatNumber(r.completed)} of ${formatNumber(r.cases)} cases.`), elementIds: [] });
  }
  return out;
}

/** One place in the bottleneck ranking. */
export interface BottleneckRow {
  kind: 'step' | 'pool';
  id: string;
  name: string;
  /** Mean waiting per case caused here, in words; for pools the waiting of all their steps. */
  waiting: string;
  /** Pools: share of working hours busy. */
  busy?: string;
  overloaded: boolean;
}

/** Where cases wait most, and who is overloaded: steps by waiting per case, then pools by utilisation. */
export function bottleneckRanking(r: CapacityResult, limit = 5): BottleneckRow[] {
  const cases = r.completed || r.cases;
  const steps = waitingSteps(r).slice(0, limit);
  const unit = hoursUnitFor(steps.map((s) => s.perCase));
  const rows: BottleneckRow[] = steps.map(({ task, perCase }) => ({
    kind: 'step',
    id: task.id,
    name: task.name || task.id,
    waiting: formatHours(perCase, unit),
    overloaded: poolOf(r, task)?.overloaded ?? false
  }));
  const pools = [...r.pools].filter((p) => p.overloaded || p.utilisation >= BUSY_UTILISATION).sort((a, b) => b.utilisation - a.utilisation);
  for (const pool of pools) {
    const waiting = r.tasks.filter((t) => t.pool === pool.id).reduce((sum, t) => sum + waitingPerCase(t, cases), 0);
    rows.push({ kind: 'pool', id: pool.id, name: pool.name || pool.id, waiting: formatHours(waiting), busy: formatPercent(pool.utilisation), overloaded: pool.overloaded });
  }
  return rows;
}

/** Waiting per case per step, for the canvas heat overlay (element id → hours). */
export function waitingHeat(r: CapacityResult): Record<string, number> {
  const heat: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const { task, perCase } of waitingSteps(r)) heat[task.id] = perCase;
  return heat;
}

/** The tooltip of a heat mark. */
export function heatLabel(hours: number): string {
  return msg(str`Cases wait here on average ${formatHours(hours)} per case for a free person.`);
}

/** One run beside the others: its heading and the result. */
export interface RunColumn {
  key: string;
  label: string;
  result: CapacityResult;
  /** A what-if made up in the panel that can be saved into the model. */
  whatIf?: WhatIf;
  /** Already saved in the model (by id). */
  savedId?: string;
}

/** A row of the side-by-side table: a label and one cell per run. */
export interface ComparisonRow {
  key: string;
  label: string;
  cells: string[];
  /** Per cell: worse than the first column (for emphasis). */
  worse: boolean[];
}

/** The runs side by side: arrivals, cycle time and its split, promise kept, cost, utilisation per pool. */
export function comparisonRows(columns: readonly RunColumn[]): ComparisonRow[] {
  const results = columns.map((c) => c.result);
  const cycleUnit = hoursUnitFor(results.flatMap((r) => [r.cycleTime.mean, r.cycleTime.p90]));
  const splitUnit = hoursUnitFor(results.flatMap((r) => [r.split.processing, r.split.waiting, r.split.offCalendar]));
  const growing = msg('grows without end');
  const time = (r: CapacityResult, v: number | null, unit: 'hours' | 'days') => (r.unstable ? growing : formatHours(v, unit));
  const base = results[0];
  const worseBy = (value: (r: CapacityResult) => number | null, higherIsWorse = true) =>
    results.map((r) => {
      if (!base || r === base) return false;
      if (r.unstable && !base.unstable) return true;
      const a = value(base);
      const b = value(r);
      if (a === null || b === null) return false;
      return higherIsWorse ? b > a * 1.05 + 1e-9 : b < a * 0.95 - 1e-9;
    });
  const rows: ComparisonRow[] = [
    { key: 'arrivals', label: msg('Cases arriving per week'), cells: results.map((r) => casesPerWeek(r.arrivalsPerWeek)), worse: results.map(() => false) },
    { key: 'cycle-mean', label: msg('Cycle time, mean'), cells: results.map((r) => time(r, r.cycleTime.mean, cycleUnit)), worse: worseBy((r) => r.cycleTime.mean) },
    { key: 'cycle-p90', label: msg('Cycle time, P90 (9 in 10 cases take at most)'), cells: results.map((r) => time(r, r.cycleTime.p90, cycleUnit)), worse: worseBy((r) => r.cycleTime.p90) },
    { key: 'processing', label: msg('of which work'), cells: results.map((r) => time(r, r.split.processing, splitUnit)), worse: results.map(() => false) },
    { key: 'waiting', label: msg('of which waiting for a free person'), cells: results.map((r) => time(r, r.split.waiting, splitUnit)), worse: worseBy((r) => r.split.waiting) },
    { key: 'off-calendar', label: msg('of which outside working hours'), cells: results.map((r) => time(r, r.split.offCalendar, splitUnit)), worse: worseBy((r) => r.split.offCalendar) },
    {
      key: 'promise',
      label: msg('Promise kept for'),
      cells: results.map((r) => (r.promise ? (r.unstable ? msg('fewer and fewer cases') : msg(str`${formatPercent(r.promise.keptShare)} of cases`)) : '–')),
      worse: worseBy((r) => r.promise?.keptShare ?? null, false)
    },
    { key: 'cost', label: msg('Cost per case (hours × rate)'), cells: results.map((r) => (r.cost.perCase === null ? '–' : formatMoney(r.cost.perCase, r.cost.currency))), worse: worseBy((r) => r.cost.perCase) }
  ];
  const poolIds = [...new Set(results.flatMap((r) => r.pools.map((p) => p.id)))];
  for (const id of poolIds) {
    const name = results.flatMap((r) => r.pools).find((p) => p.id === id)?.name || id;
    rows.push({
      key: `pool:${id}`,
      label: msg(str`"${name}": people · busy`),
      cells: results.map((r) => {
        const pool = r.pools.find((p) => p.id === id);
        if (!pool) return '–';
        return pool.overloaded ? msg(str`${formatNumber(pool.capacity)} · overloaded`) : `${formatNumber(pool.capacity)} · ${formatPercent(pool.utilisation)}`;
      }),
      worse: results.map((r) => r.pools.find((p) => p.id === id)?.overloaded ?? false)
    });
  }
  return rows;
}

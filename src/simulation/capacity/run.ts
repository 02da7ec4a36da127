/**
 * runCapacitySimulation: the token engine with shared people and calendars. All cases
 * share one event queue, so a case waits when every person of the pool that performs
 * its next step is busy; work pauses outside the pool's calendar. Arrivals are drawn
 * one ahead (memory stays flat in the number of cases) from their own random stream,
 * so the work's draws do not depend on how many arrivals were drawn.
 *
 * Without capacity data (no pools) the model runs exactly as runBatch runs it: cases one
 * at a time, unlimited people, round the clock, and the result says so.
 */
import { DateTime } from 'luxon';
import type { ModdleElement } from '../../model/moddle-types';
import { parseIsoDuration } from '../../model/duration';
import { compileModel, type CompileOptions } from '../compile';
import { Engine, type CaseState, type EngineListener } from '../engine';
import { NodeKind, SplitMode, type SimIssue, type SimModel, type SimNode } from '../model';
import { arrivalHours, assertRunnable, defaultClock, DEFAULT_STEP_LIMIT, issuesFor } from '../options';
import { createRandom, seedToInt } from '../random';
import { QuantileSketch, RunningStats } from '../statistics';
import { ALWAYS, createWorkingTime, type WorkingTime } from './calendar';
import { createSampler, distributionProblem, sample, type Sampler } from './distributions';
import { applyWhatIf, defaultCalendar, DEFAULT_START, emptyCapacityInput, readCapacityInput } from './input';
import { Resources, type PoolRuntime } from './resources';
import type {
  Bottleneck,
  CapacityFinding,
  CapacityInput,
  CapacityPromise,
  CapacityResult,
  CapacityRunOptions,
  PoolResult,
  TaskResult,
  WhatIf
} from './types';

/** A compiled model together with its capacity data. */
export interface CapacityModel {
  model: SimModel;
  capacity: CapacityInput;
}

/** Thrown when the options or the capacity data cannot be used; the message says why. */
export class CapacityInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CapacityInputError';
  }
}

/** Compiles a parsed model and reads its capacity data. */
export function compileCapacityModel(definitions: ModdleElement, options: CompileOptions = {}): CapacityModel {
  return { model: compileModel(definitions, options), capacity: readCapacityInput(definitions) };
}

/** What one ended case looked like, for tests (batch means) and the step-through. */
export interface CaseRecord {
  index: number;
  arrival: number;
  end: number;
  status: CaseState['status'];
  worked: number;
  waited: number;
  offCalendar: number;
  cost: number;
}

export const DEFAULT_CAPACITY_CASES = 1000;
const DEFAULT_TIME_BUDGET_MS = 30_000;
/** ρ at or above this counts as overloaded: the queue has no steady state. */
const OVERLOAD = 0.999;

function isSimModel(x: unknown): x is SimModel {
  return typeof x === 'object' && x !== null && Array.isArray((x as SimModel).nodes) && Array.isArray((x as SimModel).issues);
}

function isCapacityModel(x: unknown): x is CapacityModel {
  return typeof x === 'object' && x !== null && isSimModel((x as CapacityModel).model) && typeof (x as CapacityModel).capacity === 'object';
}

/** The start instant as epoch ms: an ISO date-time with offset, or local time in `zone`. */
export function startInstant(start: string, zone: string): DateTime {
  const withOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(start);
  const dt = withOffset ? DateTime.fromISO(start, { setZone: true }) : DateTime.fromISO(start, { zone });
  if (!dt.isValid) throw new CapacityInputError(`The start "${start}" is not a date and time; write it like 2026-01-05T09:00 or 2026-01-05T09:00+01:00.`);
  return dt.setZone(zone);
}

/**
 * Runs the capacity simulation on a parsed model (definitions), a compiled SimModel
 * (capacity data then only from options.capacity) or a CapacityModel.
 */
export function runCapacitySimulation(
  source: ModdleElement | SimModel | CapacityModel,
  options: CapacityRunOptions & { onCase?: (c: CaseRecord) => void } = {}
): CapacityResult {
  const compiled: CapacityModel = isCapacityModel(source)
    ? source
    : isSimModel(source)
      ? { model: source, capacity: emptyCapacityInput() }
      : compileCapacityModel(source);
  assertRunnable(compiled.model);
  let input = options.capacity ?? compiled.capacity;
  const issues: SimIssue[] = [...issuesFor(compiled.model, options.scenario ?? 'planned')];
  let whatIfName: string | null = null;
  if (options.whatIf !== undefined) {
    const whatIf: WhatIf | undefined = typeof options.whatIf === 'string' ? input.scenarios.find((s) => s.id === options.whatIf) : options.whatIf;
    if (!whatIf) {
      const known = input.scenarios.map((s) => s.id).join(', ') || 'none';
      throw new CapacityInputError(`There is no scenario "${String(options.whatIf)}" in this model; its scenarios: ${known}.`);
    }
    for (const c of whatIf.pools ?? []) {
      if (!input.pools.some((p) => p.id === c.pool)) throw new CapacityInputError(`The scenario changes the pool "${c.pool}", which this model does not have.`);
    }
    input = applyWhatIf(input, whatIf);
    whatIfName = whatIf.name ?? whatIf.id ?? 'what-if';
  }
  return new CapacityRun(compiled.model, input, options, issues, whatIfName).run();
}

class CapacityRun implements EngineListener {
  private readonly model: SimModel;
  private readonly engine: Engine;
  private readonly resources: Resources | null;
  private readonly calendars = new Map<string, WorkingTime>();
  private readonly origin: DateTime;
  private readonly total: number;
  private readonly seed: number | string;
  private readonly cycle = new QuantileSketch();
  private readonly worked = new RunningStats();
  private readonly waited = new RunningStats();
  private readonly offCal = new RunningStats();
  private readonly cost = new RunningStats();
  private completed = 0;
  private lastEnd = 0;
  /** Per customer end node (-1 without a customer side): cases, kept, lead time and working days. */
  private readonly promiseByEnd = new Map<number, { cases: number; kept: number; lead: RunningStats; days: RunningStats }>();
  private readonly promiseCalendar: WorkingTime;
  private readonly promiseWorkingDays: number;
  private readonly promiseHours: number;
  private readonly poolCalendars: WorkingTime[] = [];
  private readonly arrivalSampler: Sampler | null;
  private readonly arrivalCalendar: WorkingTime;
  private readonly fixedInterval: number;
  private readonly hasCost: boolean;

  constructor(
    model: SimModel,
    private readonly input: CapacityInput,
    private readonly options: CapacityRunOptions & { onCase?: (c: CaseRecord) => void },
    private readonly issues: SimIssue[],
    private readonly whatIfName: string | null
  ) {
    this.total = Math.max(0, Math.floor(options.cases ?? DEFAULT_CAPACITY_CASES));
    this.seed = options.seed ?? 1;
    const zone = input.timeZone;
    if (!DateTime.local().setZone(zone).isValid) throw new CapacityInputError(`"${zone}" is not a time zone; write it like Europe/Amsterdam.`);
    this.origin = startInstant(options.start ?? input.start ?? DEFAULT_START, zone);
    const originMs = this.origin.toMillis();
    const defaultCal = createWorkingTime(defaultCalendar(zone), originMs);
    this.calendars.set('', defaultCal);
    for (const c of input.calendars) this.calendars.set(c.id, createWorkingTime(c, originMs));
    const calendarOf = (id: string | undefined, what: string): WorkingTime => {
      if (id === undefined) return defaultCal;
      const cal = this.calendars.get(id);
      if (!cal) throw new CapacityInputError(`${what} uses the calendar "${id}", which this model does not have.`);
      return cal;
    };

    // The pools charge hours × rate themselves (with the rates of this run's input).
    this.model = withBranching({ ...model, nodes: model.nodes.map((n) => ({ ...n, ratePerHour: 0, fixedCost: 0 })) }, input.branching, issues);
    const random = options.random ?? createRandom(this.seed);
    this.engine = new Engine(
      this.model,
      {
        scenario: options.scenario ?? 'planned',
        random,
        stepLimit: options.stepLimit ?? DEFAULT_STEP_LIMIT,
        record: false,
        clock: options.clock ?? defaultClock,
        deadline: Infinity
      },
      this
    );

    // Pools, and which pool performs each task.
    const nodes = this.model.nodes;
    const poolIndex = new Map(input.pools.map((p, i) => [p.id, i] as const));
    const pools: PoolRuntime[] = input.pools.map((p) => {
      if (!(p.capacity >= 1)) throw new CapacityInputError(`The pool "${p.name}" has no people; give it a capacity of 1 or more.`);
      const calendar = calendarOf(p.calendar, `The pool "${p.name}"`);
      this.poolCalendars.push(calendar);
      return { capacity: p.capacity, calendar, costPerHour: p.costPerHour, busy: 0, busyHours: 0, demandHours: 0, executions: 0, waitSum: 0, maxQueue: 0 };
    });
    const poolOf = new Int32Array(nodes.length).fill(-1);
    const samplers: Array<Sampler | null> = nodes.map(() => null);
    const priority = new Float64Array(nodes.length);
    const fixedCost = new Float64Array(nodes.length);
    for (const node of nodes) {
      const spec = input.tasks.get(node.id);
      if (!spec) continue;
      if (spec.pool !== undefined) {
        const p = poolIndex.get(spec.pool);
        if (p === undefined) throw new CapacityInputError(`The step "${node.name || node.id}" is performed by the pool "${spec.pool}", which this model does not have.`);
        poolOf[node.index] = p;
      } else if (spec.responsibleRole !== undefined) {
        const p = input.pools.findIndex((pool) => pool.roles.includes(spec.responsibleRole!));
        if (p >= 0) poolOf[node.index] = p;
      }
      if (spec.duration) {
        const problem = distributionProblem(spec.duration);
        if (problem) throw new CapacityInputError(`The duration of "${node.name || node.id}" cannot be used: ${problem}.`);
        samplers[node.index] = createSampler(spec.duration);
      }
      priority[node.index] = spec.priority ?? 0;
      fixedCost[node.index] = spec.fixedCost ?? 0;
    }
    // Only tasks take someone's time; a sub-process's work is its own steps'.
    for (const node of nodes) if (node.kind !== NodeKind.Task) poolOf[node.index] = -1;
    // Steps nobody of a pool performs keep their fixed cost, charged by the engine.
    for (const node of nodes) if (poolOf[node.index]! < 0) node.fixedCost = fixedCost[node.index]!;
    this.hasCost = input.pools.some((p) => p.costPerHour > 0) || fixedCost.some((c) => c > 0);
    this.resources = pools.length > 0 ? new Resources(pools, poolOf, samplers, priority, fixedCost, random) : null;
    this.engine.capacity = this.resources;

    // Arrivals.
    const arrival = input.arrival;
    if (arrival) {
      const problem = distributionProblem(arrival.interval);
      if (problem) throw new CapacityInputError(`The time between arrivals cannot be used: ${problem}.`);
      this.arrivalSampler = createSampler(arrival.interval);
      // Without an arrival calendar cases arrive round the clock.
      this.arrivalCalendar = arrival.calendar === undefined ? ALWAYS : calendarOf(arrival.calendar, 'The arrivals');
    } else {
      this.arrivalSampler = null;
      this.arrivalCalendar = ALWAYS;
    }
    this.fixedInterval = arrivalHours(model, {});

    // The customer promise, on the arrival calendar (else the default calendar) when in working days.
    const promise = model.customerPromise;
    const target = promise && promise.measure === 'lead-time' ? parseIsoDuration(promise.target) : undefined;
    this.promiseCalendar = arrival?.calendar !== undefined ? this.arrivalCalendar : defaultCal;
    this.promiseWorkingDays = promise?.workingDays && target !== undefined ? target / 24 : NaN;
    this.promiseHours = target !== undefined && !promise?.workingDays ? target : NaN;
  }

  get mode(): CapacityResult['mode'] {
    return this.resources ? 'capacity' : 'unlimited';
  }

  flag(): void {
    /* flags are the batch's business; the capacity run reports waiting and load */
  }

  caseEnded(c: CaseState): void {
    if (c.end > this.lastEnd) this.lastEnd = c.end;
    this.cost.add(c.cost);
    if (c.status === 'completed') {
      this.completed++;
      const cycle = c.end - c.arrival;
      this.cycle.add(cycle);
      this.worked.add(c.worked);
      this.waited.add(c.waited);
      this.offCal.add(c.offCalendar);
      const end = this.model.hasCustomerSide ? c.customerEnd : c.end;
      if (end === end && (this.promiseWorkingDays === this.promiseWorkingDays || this.promiseHours === this.promiseHours)) {
        const key = this.model.hasCustomerSide ? c.customerEndNode : -1;
        let stats = this.promiseByEnd.get(key);
        if (!stats) this.promiseByEnd.set(key, (stats = { cases: 0, kept: 0, lead: new RunningStats(), days: new RunningStats() }));
        stats.cases++;
        stats.lead.add(end - c.arrival);
        const cal = this.promiseCalendar;
        let deadline: number;
        if (this.promiseWorkingDays === this.promiseWorkingDays) {
          deadline = cal.addWorking(c.arrival, this.promiseWorkingDays * cal.hoursPerDay);
          stats.days.add(cal.workingBetween(c.arrival, end) / cal.hoursPerDay);
        } else deadline = c.arrival + this.promiseHours;
        if (end <= deadline + 1e-9) stats.kept++;
      }
    }
    this.options.onCase?.({
      index: c.index,
      arrival: c.arrival,
      end: c.end,
      status: c.status,
      worked: c.worked,
      waited: c.waited,
      offCalendar: c.offCalendar,
      cost: c.cost
    });
  }

  run(): CapacityResult {
    const engine = this.engine;
    const clock = this.options.clock ?? defaultClock;
    const deadline = clock() + (this.options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS);
    engine.options.deadline = deadline;
    let outOfTime = false;
    let started = 0;
    let arrivals = 0;
    if (!this.resources) {
      // No shared people: cases cannot meet, so each runs alone, exactly as runBatch runs it.
      const arrivalRandom = createRandom(seedToInt(this.seed) ^ 0x2545f491);
      let raw = 0;
      for (; started < this.total && !outOfTime; started++) {
        const at = this.arrivalSampler ? this.arrivalCalendar.nextOpen(raw) : started * this.fixedInterval;
        if (this.arrivalSampler) raw += sample(this.arrivalSampler, arrivalRandom);
        const c = engine.startCase(started, at);
        arrivals++;
        while (!c.over && engine.processNext()) {
          /* the case's events run until it ends */
        }
        engine.queue.clear();
        if (c.status === 'aborted' || clock() > deadline) outOfTime = true;
      }
    } else {
      const arrivalRandom = createRandom(seedToInt(this.seed) ^ 0x2545f491);
      let raw = 0;
      let next = this.arrivalCalendar.nextOpen(0);
      let ticks = 0;
      const queue = engine.queue;
      for (;;) {
        if (started < this.total && next <= queue.peekTime()) {
          engine.startCase(started++, next);
          arrivals++;
          raw += this.arrivalSampler ? sample(this.arrivalSampler, arrivalRandom) : this.fixedInterval;
          next = this.arrivalCalendar.nextOpen(raw);
          continue;
        }
        if (!engine.processNext()) {
          if (started >= this.total) break;
          continue;
        }
        if ((++ticks & 4095) === 0 && clock() > deadline) {
          outOfTime = true;
          break;
        }
      }
    }
    return this.result(started, arrivals, outOfTime);
  }

  private result(started: number, arrivals: number, outOfTime: boolean): CapacityResult {
    const model = this.model;
    const engine = this.engine;
    const res = this.resources;
    const n = Math.max(started, 1);
    const end = this.lastEnd;
    const meanInterval = this.arrivalSampler ? this.arrivalSampler.mean : this.fixedInterval;
    const arrivalsPerWeek = meanInterval > 0 ? 168 / meanInterval : Infinity;
    const pools: PoolResult[] = this.input.pools.map((p, i) => {
      const rt = res!.pools[i]!;
      const calendar = this.poolCalendars[i]!;
      const available = p.capacity * calendar.workingBetween(0, end);
      const demandPerCase = rt.demandHours / n;
      const capacityHoursPerWeek = p.capacity * calendar.hoursPerWeek;
      const capacityPerWeek = demandPerCase > 0 ? capacityHoursPerWeek / demandPerCase : Infinity;
      return {
        id: p.id,
        name: p.name,
        capacity: p.capacity,
        utilisation: available > 0 ? rt.busyHours / available : 0,
        busyHours: rt.busyHours,
        availableHours: available,
        costPerHour: p.costPerHour,
        meanWaiting: rt.executions > 0 ? rt.waitSum / rt.executions : 0,
        maxQueue: rt.maxQueue,
        capacityPerWeek,
        demandPerWeek: arrivalsPerWeek,
        overloaded: demandPerCase > 0 && arrivalsPerWeek >= capacityPerWeek * OVERLOAD
      };
    });
    const tasks: TaskResult[] = [];
    for (const node of model.nodes) {
      if (node.kind !== NodeKind.Task) continue;
      const i = node.index;
      const pooled = res !== null && res.poolOf[i]! >= 0;
      const count = pooled ? res.totals.count[i]! : engine.visits[i]!;
      if (count === 0) continue;
      tasks.push({
        id: node.id,
        name: node.name || node.id,
        pool: pooled ? this.input.pools[res.poolOf[i]!]!.id : null,
        count,
        meanWaiting: pooled ? res.totals.waiting[i]! / count : 0,
        meanProcessing: pooled ? res.totals.processing[i]! / count : engine.busy[i]! / count,
        meanOffCalendar: pooled ? res.totals.offCalendar[i]! / count : 0,
        meanCost: pooled ? res.totals.cost[i]! / count : 0
      });
    }
    // Overloaded and busy pools first (busiest first), then the steps where cases wait most.
    const bottlenecks: Bottleneck[] = [
      ...pools
        .filter((p) => p.overloaded || p.utilisation >= 0.85)
        .sort((a, b) => b.utilisation - a.utilisation)
        .map((p) => ({
          kind: 'pool' as const,
          id: p.id,
          name: p.name,
          waitingPerCase: tasks.filter((t) => t.pool === p.id).reduce((s, t) => s + (t.meanWaiting * t.count) / n, 0),
          utilisation: p.utilisation
        })),
      ...tasks
        .filter((t) => t.meanWaiting > 0)
        .map((t) => ({ kind: 'task' as const, id: t.id, name: t.name, waitingPerCase: (t.meanWaiting * t.count) / n }))
        .sort((a, b) => b.waitingPerCase - a.waitingPerCase)
    ];

    // As in the batch: the promise is measured on the customer outcome with the longest mean
    // lead time (the end of the full chain; at equal means the most frequent one).
    const promiseSpec = model.customerPromise;
    let measured: { node: number; cases: number; kept: number; lead: RunningStats; days: RunningStats } | null = null;
    for (const [node, stats] of this.promiseByEnd) {
      if (!measured || stats.lead.mean > measured.lead.mean || (stats.lead.mean === measured.lead.mean && stats.cases > measured.cases)) measured = { node, ...stats };
    }
    const promise: CapacityPromise | null =
      promiseSpec && measured
        ? {
            text: promiseSpec.text,
            target: promiseSpec.target,
            workingDays: promiseSpec.workingDays,
            keptShare: measured.kept / measured.cases,
            meanWorkingDays: measured.days.count > 0 ? measured.days.mean : null,
            cases: measured.cases,
            measuredTo: measured.node >= 0 ? model.nodes[measured.node]!.id : null
          }
        : null;
    const c = this.cycle;
    const has = c.count > 0;
    const unstable = pools.some((p) => p.overloaded);
    const result: CapacityResult = {
      mode: this.mode,
      source: this.input.source,
      status: outOfTime ? 'time-budget-exceeded' : 'completed',
      seed: this.seed,
      whatIf: this.whatIfName,
      cases: started,
      completed: this.completed,
      start: this.origin.toISO()!,
      end: this.origin.plus({ milliseconds: Math.round(end * 3_600_000) }).toISO()!,
      timeZone: this.input.timeZone,
      cycleTime: { mean: has ? c.mean : null, p50: has ? c.quantile(0.5) : null, p90: has ? c.quantile(0.9) : null, max: has ? c.max : null },
      split: { processing: this.worked.count ? this.worked.mean : 0, waiting: this.waited.count ? this.waited.mean : 0, offCalendar: this.offCal.count ? this.offCal.mean : 0 },
      waitingTime: { mean: this.waited.count ? this.waited.mean : null },
      pools,
      tasks,
      bottlenecks,
      promise,
      cost: { perCase: this.hasCost && this.cost.count > 0 ? this.cost.mean : null, currency: this.input.pools[0]?.currency ?? model.currency },
      arrivalsPerWeek,
      unstable,
      events: (res?.events ?? 0) + arrivals,
      findings: [],
      issues: this.issues
    };
    result.findings = findingsOf(result);
    return result;
  }
}

/** Gateway probabilities from an imported scenario, put on a copy of the nodes. */
function withBranching(model: SimModel, branching: Map<string, number>, issues: SimIssue[]): SimModel {
  if (branching.size === 0) return model;
  const flowIndex = new Map(model.flows.map((f) => [f.id, f.index] as const));
  for (const id of branching.keys()) {
    if (!flowIndex.has(id)) issues.push({ severity: 'warning', code: 'unknown-flow', elementIds: [id], message: `The scenario gives a probability for "${id}", which is not a sequence flow of this model; it is ignored.` });
  }
  const nodes = model.nodes.map((node): SimNode => {
    if (node.split === SplitMode.All || !node.outgoing.some((f) => branching.has(model.flows[f]!.id))) return node;
    const p = node.outgoing.map((f) => branching.get(model.flows[f]!.id) ?? 0);
    if (node.split === SplitMode.Some) return { ...node, routing: Float64Array.from(p) };
    const sum = p.reduce((a, b) => a + b, 0) || 1;
    let acc = 0;
    const routing = Float64Array.from(p.map((x) => (acc += x / sum)));
    routing[routing.length - 1] = 1;
    return { ...node, routing };
  });
  return { ...model, nodes };
}

/** The findings of a result, most important first (sentences in messages.ts). */
function findingsOf(r: CapacityResult): CapacityFinding[] {
  const out: CapacityFinding[] = [];
  if (r.mode === 'unlimited') out.push({ code: 'unlimited-capacity', severity: 'info', params: {}, elementIds: [] });
  if (r.status === 'time-budget-exceeded') out.push({ code: 'time-budget', severity: 'warning', params: { cases: r.cases }, elementIds: [] });
  for (const p of r.pools) {
    if (p.overloaded) {
      out.push({
        code: 'overloaded',
        severity: 'error',
        params: { pool: p.name, capacity: p.capacity, perWeek: Math.floor(p.capacityPerWeek), arrivals: Math.round(p.demandPerWeek) },
        elementIds: r.tasks.filter((t) => t.pool === p.id).map((t) => t.id)
      });
    }
  }
  const worst = r.bottlenecks.find((b) => b.kind === 'task');
  if (worst && !r.unstable) {
    const task = r.tasks.find((t) => t.id === worst.id)!;
    const pool = r.pools.find((p) => p.id === task.pool);
    out.push({
      code: 'waiting-most',
      severity: 'info',
      params: { task: task.name, hours: task.meanWaiting, pool: pool?.name ?? '', capacity: pool?.capacity ?? 0 },
      elementIds: [task.id]
    });
  }
  if (!r.unstable) {
    for (const p of r.pools) out.push({ code: 'pool-busy', severity: p.utilisation >= 0.85 ? 'warning' : 'info', params: { pool: p.name, capacity: p.capacity, utilisation: p.utilisation }, elementIds: [] });
    if (r.cycleTime.mean !== null && r.mode === 'capacity') {
      out.push({
        code: 'split',
        severity: 'info',
        params: {
          cycle: r.cycleTime.mean,
          processing: r.split.processing,
          waiting: r.split.waiting,
          offCalendar: r.split.offCalendar,
          other: Math.max(0, r.cycleTime.mean - r.split.processing - r.split.waiting - r.split.offCalendar)
        },
        elementIds: []
      });
    }
    if (r.promise) {
      out.push({
        code: r.promise.keptShare >= 0.9 ? 'promise-kept' : 'promise-broken',
        severity: r.promise.keptShare >= 0.9 ? 'info' : 'warning',
        params: { promise: r.promise.text || r.promise.target, share: r.promise.keptShare, days: r.promise.meanWorkingDays ?? -1 },
        elementIds: []
      });
    }
  }
  if (r.cost.perCase !== null && !r.unstable) out.push({ code: 'cost-per-case', severity: 'info', params: { cost: r.cost.perCase, currency: r.cost.currency }, elementIds: [] });
  out.push({ code: 'budget-not-divided', severity: 'info', params: {}, elementIds: [] });
  return out;
}

/**
 * Monte Carlo batches: N independent cases through the engine, folded into streaming
 * statistics as each case ends, so memory stays the same for 1,000 or 1,000,000 cases.
 * A batch advances in chunks (advance), so a driver can yield to the browser between
 * chunks and pause; the numbers do not depend on the chunk sizes.
 */
import { Engine, type CaseState, type EngineListener } from './engine';
import { FLAG_KINDS, FlagCode, type FlagKind, type FlagSummary } from './flags';
import { NodeKind, type Scenario, type SimIssue, type SimModel } from './model';
import { arrivalHours, assertRunnable, defaultClock, DEFAULT_STEP_LIMIT, issuesFor, type SimulationOptions } from './options';
import { createRandom } from './random';
import { staticFlags } from './run';
import { QuantileSketch, RunningStats, type HistogramBin } from './statistics';
import { emptyDict } from '../model/dict';

/** Options of a batch. */
export interface BatchOptions extends SimulationOptions {
  /** Number of cases; default 1,000. */
  cases?: number;
  /** Bars in the lead-time histogram; default 20. */
  histogramBins?: number;
}

/** Default number of cases in a batch. */
export const DEFAULT_CASES = 1000;
/** Default wall-clock budget of a batch in milliseconds. */
export const DEFAULT_BATCH_TIME_BUDGET_MS = 30_000;

/** Summary of a distribution in hours or money; null where there were no values. */
export interface Distribution {
  count: number;
  mean: number | null;
  p50: number | null;
  p90: number | null;
  min: number | null;
  max: number | null;
  stdDev: number | null;
}

/** Per activity: how often and how long it ran, and what it cost, per case. */
export interface ActivityStats {
  id: string;
  name: string;
  type: string;
  department: string | null;
  visitsPerCase: number;
  hoursPerCase: number;
  costPerCase: number;
}

/** Per department (lane, or pool without lanes): work hours and cost per case. */
export interface DepartmentStats {
  id: string;
  name: string;
  customer: boolean;
  hoursPerCase: number;
  costPerCase: number;
  activities: number;
}

/** The customer promise held against the simulated P90 lead time. */
export interface PromiseCheck {
  text: string;
  measure: string;
  target: string;
  workingDays: boolean;
  /** Target in calendar hours; null when the measure is not a lead time or unreadable. */
  targetHours: number | null;
  p90Hours: number | null;
  /** true: P90 within the target; false: not; null: the simulation cannot judge this measure. */
  held: boolean | null;
  /**
   * With several customer end events: the one the promise is measured to (the outcome
   * with the longest mean lead time, the full chain), else null (all completed cases).
   */
  measuredTo: { id: string; name: string; share: number } | null;
}

/** Lead time of the cases that ended at one customer end event (an outcome of the chain). */
export interface OutcomeStats {
  /** The customer end event. */
  id: string;
  name: string;
  /** Share of the completed cases that ended here. */
  share: number;
  leadTime: Distribution;
}

/** An exemption that silenced flags in this batch. */
export interface ExemptionUse {
  elementId: string;
  rule: string;
  reason: string;
  by: string;
  date: string;
  /** Flags it silenced (0 when the situation never occurred). */
  silenced: number;
}

/** Everything a batch found; plain data, ready for JSON. */
export interface BatchResult {
  scenario: Scenario;
  seed: string;
  /** Cases asked for. */
  cases: number;
  /** Cases actually run (fewer when the time budget ran out). */
  simulatedCases: number;
  status: 'complete' | 'time-budget-exceeded';
  arrivalIntervalHours: number;
  currency: string;
  outcomes: { completed: number; deadlock: number; stepLimit: number; aborted: number };
  /** customer: from the case's trigger to the customer's last end event; case: to the case's end (no customer lane or pool). */
  leadTimeBasis: 'customer' | 'case';
  /** Hours, over completed cases that reached the end the basis names. */
  leadTime: Distribution;
  leadTimeHistogram: HistogramBin[];
  /** Share of completed cases that reached a customer end event (null without a customer side). */
  customerEndShare: number | null;
  /** Per customer end event reached, longest mean lead time first (empty without a customer side). */
  outcomesByEnd: OutcomeStats[];
  costPerCase: Distribution;
  handoversPerCase: number;
  /** Share of cases that crossed at least one handover without an agreed agreement. */
  unagreedHandoverShare: number;
  customerPromise: PromiseCheck | null;
  /** Element id → mean visits per case (activities: executions; flows: traversals). */
  visitsPerCase: Record<string, number>;
  activities: ActivityStats[];
  departments: DepartmentStats[];
  flags: FlagSummary[];
  exemptions: ExemptionUse[];
  issues: SimIssue[];
  tokenMoves: number;
  /** Simulated hours from the first arrival to the last case's end. */
  makespanHours: number;
}

/** A batch in progress. */
export interface BatchRunner {
  readonly total: number;
  readonly done: number;
  readonly finished: boolean;
  /**
   * Runs up to `maxCases` more cases, stopping early once `maxMs` of wall time have
   * passed in this call; returns the number of cases run.
   */
  advance(maxCases?: number, maxMs?: number): number;
  /** The statistics so far (final once finished); `histogramRange` fixes the lead-time bars' range in hours. */
  result(histogramRange?: readonly [number, number]): BatchResult;
}

interface FlagCount {
  code: FlagCode;
  element: number;
  occurrences: number;
  cases: number;
  lastCase: number;
}

/** Folds ended cases into streaming statistics. */
class BatchAggregator implements EngineListener {
  readonly leadTime = new QuantileSketch();
  readonly cost = new QuantileSketch();
  readonly handovers = new RunningStats();
  readonly outcomes = { completed: 0, deadlock: 0, stepLimit: 0, aborted: 0 };
  unagreedCases = 0;
  customerEnds = 0;
  /** Per customer end node: the lead times of the cases that ended there (allocated when first reached). */
  readonly byEnd = new Map<number, QuantileSketch>();
  lastEnd = 0;
  readonly flags = new Map<number, FlagCount>();
  readonly silenced = new Map<number, number>();
  private readonly elements: number;

  constructor(
    readonly model: SimModel,
    elements: number
  ) {
    this.elements = elements;
  }

  flag(code: FlagCode, element: number, c: CaseState, _a: number, _b: number, exempted: boolean): void {
    const key = code * this.elements + element;
    if (exempted) {
      this.silenced.set(key, (this.silenced.get(key) ?? 0) + 1);
      return;
    }
    let f = this.flags.get(key);
    if (!f) this.flags.set(key, (f = { code, element, occurrences: 0, cases: 0, lastCase: -1 }));
    f.occurrences++;
    if (f.lastCase !== c.index) {
      f.lastCase = c.index;
      f.cases++;
    }
  }

  caseEnded(c: CaseState): void {
    switch (c.status) {
      case 'completed':
        this.outcomes.completed++;
        if (this.model.hasCustomerSide) {
          if (c.customerEnd === c.customerEnd) {
            this.customerEnds++;
            this.leadTime.add(c.customerEnd - c.arrival);
            let sketch = this.byEnd.get(c.customerEndNode);
            if (!sketch) this.byEnd.set(c.customerEndNode, (sketch = new QuantileSketch()));
            sketch.add(c.customerEnd - c.arrival);
          }
        } else this.leadTime.add(c.end - c.arrival);
        break;
      case 'deadlock':
        this.outcomes.deadlock++;
        break;
      case 'step-limit':
        this.outcomes.stepLimit++;
        break;
      default:
        this.outcomes.aborted++;
    }
    this.cost.add(c.cost);
    this.handovers.add(c.handovers);
    if (c.unagreed > 0) this.unagreedCases++;
    if (c.end > this.lastEnd) this.lastEnd = c.end;
  }
}

/** Prepares a batch; throws SimulationInputError on a model the engine would misread. */
export function createBatch(model: SimModel, options: BatchOptions = {}): BatchRunner {
  assertRunnable(model);
  return new Batch(model, options);
}

/** The planned and the realised scenario of one model, same seed, lead-time bars over one range. */
export interface ScenarioComparison {
  planned: BatchResult;
  realised: BatchResult;
}

/** Runs both scenarios with the same seed and cases, for side-by-side charts. */
export function runScenarios(model: SimModel, options: Omit<BatchOptions, 'scenario'> = {}): ScenarioComparison {
  const planned = createBatch(model, { ...options, scenario: 'planned' });
  const realised = createBatch(model, { ...options, scenario: 'realised' });
  while (!planned.finished) planned.advance();
  while (!realised.finished) realised.advance();
  const a = planned.result();
  const b = realised.result();
  const lows = [a.leadTime.min, b.leadTime.min].filter((v): v is number => v !== null);
  const highs = [a.leadTime.max, b.leadTime.max].filter((v): v is number => v !== null);
  const range = lows.length > 0 ? ([Math.min(...lows), Math.max(...highs)] as const) : undefined;
  return { planned: planned.result(range), realised: realised.result(range) };
}

/** Runs a whole batch synchronously (node, CLI, tests, web workers). */
export function runBatch(model: SimModel, options: BatchOptions = {}): BatchResult {
  const batch = createBatch(model, options);
  while (!batch.finished) batch.advance(Infinity, Infinity);
  return batch.result();
}

class Batch implements BatchRunner {
  readonly total: number;
  done = 0;
  private readonly engine: Engine;
  private readonly stats: BatchAggregator;
  private readonly interval: number;
  private readonly clock: () => number;
  private remainingMs: number;
  private outOfTime = false;

  constructor(
    readonly model: SimModel,
    readonly options: BatchOptions
  ) {
    this.total = Math.max(0, Math.floor(options.cases ?? DEFAULT_CASES));
    this.interval = arrivalHours(model, options);
    this.clock = options.clock ?? defaultClock;
    this.remainingMs = options.timeBudgetMs ?? DEFAULT_BATCH_TIME_BUDGET_MS;
    const elements = model.nodes.length + model.flows.length + model.messageFlows.length;
    this.stats = new BatchAggregator(model, elements);
    this.engine = new Engine(
      model,
      {
        scenario: options.scenario ?? 'planned',
        random: createRandom(options.seed ?? 1),
        stepLimit: options.stepLimit ?? DEFAULT_STEP_LIMIT,
        record: false,
        clock: this.clock,
        deadline: Infinity
      },
      this.stats
    );
  }

  get finished(): boolean {
    return this.done >= this.total || this.outOfTime;
  }

  advance(maxCases = Infinity, maxMs = Infinity): number {
    const begin = this.clock();
    const budgetEnd = begin + this.remainingMs;
    const sliceEnd = Math.min(budgetEnd, begin + maxMs);
    this.engine.options.deadline = budgetEnd;
    const engine = this.engine;
    let ran = 0;
    while (ran < maxCases && !this.finished) {
      const c = engine.startCase(this.done, this.done * this.interval);
      while (!c.over && engine.processNext()) {
        /* the case's events run until it ends */
      }
      // Cases run one at a time: what is still queued was withdrawn (a timer that lost a
      // race) and would otherwise pile up, holding on to finished cases.
      engine.queue.clear();
      this.done++;
      ran++;
      if (c.status === 'aborted') this.outOfTime = true;
      // Reading the clock per case costs little next to a case's events.
      const now = this.clock();
      if (now > budgetEnd) this.outOfTime = true;
      if (now >= sliceEnd) break;
    }
    this.remainingMs -= this.clock() - begin;
    return ran;
  }

  result(histogramRange?: readonly [number, number]): BatchResult {
    const model = this.model;
    const engine = this.engine;
    const s = this.stats;
    const n = this.done;
    const perCase = (x: number) => (n > 0 ? x / n : 0);
    const visitsPerCase = emptyDict<number>();
    for (let e = 0; e < engine.elementCount; e++) visitsPerCase[engine.elementId(e)] = perCase(engine.visits[e]!);

    const activities: ActivityStats[] = [];
    const deptHours = new Float64Array(model.departments.length);
    const deptCost = new Float64Array(model.departments.length);
    const deptCount = new Int32Array(model.departments.length);
    for (const node of model.nodes) {
      if (node.kind !== NodeKind.Task && node.kind !== NodeKind.SubProcess) continue;
      const dept = node.department >= 0 ? model.departments[node.department]! : null;
      activities.push({
        id: node.id,
        name: node.name,
        type: node.type,
        department: dept ? dept.name : null,
        visitsPerCase: perCase(engine.visits[node.index]!),
        hoursPerCase: perCase(engine.busy[node.index]!),
        costPerCase: perCase(engine.spent[node.index]!)
      });
      if (dept) {
        deptHours[dept.index]! += engine.busy[node.index]!;
        deptCost[dept.index]! += engine.spent[node.index]!;
        deptCount[dept.index]!++;
      }
    }
    const departments: DepartmentStats[] = model.departments.map((d) => ({
      id: d.id,
      name: d.name,
      customer: d.customer,
      hoursPerCase: perCase(deptHours[d.index]!),
      costPerCase: perCase(deptCost[d.index]!),
      activities: deptCount[d.index]!
    }));

    const flags: FlagSummary[] = staticFlags(model).map((f) => ({
      kind: f.kind,
      elementId: f.elementId,
      elementName: model.nodes.find((x) => x.id === f.elementId)?.name ?? '',
      occurrences: 0,
      cases: 0,
      shareOfCases: 0,
      static: true
    }));
    const counted = [...s.flags.values()].sort((a, b) => a.code - b.code || b.cases - a.cases || a.element - b.element);
    for (const f of counted) {
      flags.push({
        kind: FLAG_KINDS[f.code] as FlagKind,
        elementId: engine.elementId(f.element),
        elementName: engine.elementName(f.element) === engine.elementId(f.element) ? '' : engine.elementName(f.element),
        occurrences: f.occurrences,
        cases: f.cases,
        shareOfCases: perCase(f.cases),
        static: false
      });
    }

    const exemptions: ExemptionUse[] = model.exemptions.map((ex) => {
      let silenced = 0;
      const code = FLAG_KINDS.indexOf(ex.rule as FlagKind);
      for (let e = 0; e < engine.elementCount; e++) {
        if (engine.elementId(e) === ex.elementId) silenced += s.silenced.get(code * engine.elementCount + e) ?? 0;
      }
      return { ...ex, silenced };
    });

    const leadTime = distribution(s.leadTime);
    const completed = s.outcomes.completed;
    const outcomesByEnd: OutcomeStats[] = [...s.byEnd.entries()]
      .map(([node, sketch]) => ({
        id: model.nodes[node]!.id,
        name: model.nodes[node]!.name,
        share: completed > 0 ? sketch.count / completed : 0,
        leadTime: distribution(sketch)
      }))
      .sort((a, b) => (b.leadTime.mean ?? 0) - (a.leadTime.mean ?? 0) || b.share - a.share || a.id.localeCompare(b.id));
    const promise = model.customerPromise;
    let customerPromise: PromiseCheck | null = null;
    if (promise) {
      const target = Number.isFinite(promise.targetHours) ? promise.targetHours : null;
      // A promise is about the full chain: with several outcomes (order, lead lost, offer
      // declined) the cases that reach the customer's latest end are the ones it is about
      // (at equal lead times, the most frequent outcome).
      const full = outcomesByEnd.length > 1 ? outcomesByEnd[0]! : null;
      const p90 = full ? full.leadTime.p90 : leadTime.p90;
      customerPromise = {
        text: promise.text,
        measure: promise.measure,
        target: promise.target,
        workingDays: promise.workingDays,
        targetHours: target,
        p90Hours: p90,
        held: target !== null && p90 !== null ? p90 <= target : null,
        measuredTo: full ? { id: full.id, name: full.name, share: full.share } : null
      };
    }

    return {
      scenario: this.options.scenario ?? 'planned',
      seed: String(this.options.seed ?? 1),
      cases: this.total,
      simulatedCases: n,
      status: this.outOfTime && n < this.total ? 'time-budget-exceeded' : 'complete',
      arrivalIntervalHours: this.interval,
      currency: model.currency,
      outcomes: { ...s.outcomes },
      leadTimeBasis: model.hasCustomerSide ? 'customer' : 'case',
      leadTime,
      leadTimeHistogram: s.leadTime.histogram(this.options.histogramBins ?? 20, histogramRange),
      customerEndShare: model.hasCustomerSide ? (s.outcomes.completed > 0 ? s.customerEnds / s.outcomes.completed : null) : null,
      outcomesByEnd,
      costPerCase: distribution(s.cost),
      handoversPerCase: n > 0 ? s.handovers.mean : 0,
      unagreedHandoverShare: perCase(s.unagreedCases),
      customerPromise,
      visitsPerCase,
      activities,
      departments,
      flags,
      exemptions,
      issues: issuesFor(model, this.options.scenario ?? 'planned'),
      tokenMoves: engine.totalMoves,
      makespanHours: s.lastEnd
    };
  }
}

function distribution(sketch: QuantileSketch): Distribution {
  const num = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    count: sketch.count,
    mean: num(sketch.mean),
    p50: num(sketch.quantile(0.5)),
    p90: num(sketch.quantile(0.9)),
    min: num(sketch.min),
    max: num(sketch.max),
    stdDev: sketch.count > 1 ? sketch.stdDev : null
  };
}

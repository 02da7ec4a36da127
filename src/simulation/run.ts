/**
 * Interactive runs for the canvas: advance one event at a time, see which tokens
 * moved and which flags were raised, pick branches at exclusive gateways.
 */
import {
  CaseState,
  describeFlag,
  Engine,
  type CaseStatus,
  type ChooseCallback,
  type ChoiceRequest,
  type EngineListener,
  type TokenMove
} from './engine';
import { FLAG_KINDS, FlagCode, type SimFlag } from './flags';
import type { SimModel } from './model';
import { arrivalHours, assertRunnable, defaultClock, DEFAULT_STEP_LIMIT, type SimulationOptions } from './options';
import { createRandom } from './random';
import { emptyDict } from '../model/dict';

/** Options of an interactive run. */
export interface RunOptions extends SimulationOptions {
  /** Cases that arrive one arrival interval apart; default 1. */
  cases?: number;
  /** Exclusive gateways ask this first (return null to wait for choose()). */
  choose?: ChooseCallback;
}

/** Where an interactive run stands. */
export type RunStatus = 'ready' | 'running' | 'awaiting-choice' | 'finished' | 'aborted';

/** What one call to step/runUntil/choose did. */
export interface StepResult {
  time: number;
  status: RunStatus;
  moves: TokenMove[];
  flags: SimFlag[];
  pendingChoice: ChoiceRequest | null;
}

/** How one case of an interactive run stands or ended. */
export interface CaseSummary {
  index: number;
  status: CaseStatus;
  arrival: number;
  /** Simulated hours at which it ended, null while running. */
  end: number | null;
  cost: number;
  handovers: number;
}

/** Tokens per element id, for drawing token counts on the canvas. */
export interface RunSnapshot {
  time: number;
  status: RunStatus;
  tokens: Record<string, number>;
  cases: CaseSummary[];
}

/** An interactive simulation run. */
export interface SimulationRun {
  readonly model: SimModel;
  /** Simulated time in hours since the first arrival. */
  readonly time: number;
  readonly status: RunStatus;
  readonly pendingChoice: ChoiceRequest | null;
  /** Every flag so far, the model's static ones (unreachable, dead ends) first. */
  readonly flags: readonly SimFlag[];
  /** Flags found by looking at the model before running it. */
  readonly staticFlags: readonly SimFlag[];
  /** Flags an ml:Exemption or a disabled rule silenced. */
  readonly exempted: readonly SimFlag[];
  /** Advances one event (all zero-time moves that follow from it). */
  step(): StepResult;
  /** Advances every event up to and including simulated `time` (hours). */
  runUntil(time: number): StepResult;
  /** Runs until every case ended, a choice is needed, or the time budget is spent. */
  runToEnd(): StepResult;
  /** Picks the branch at the gateway waiting for a choice. */
  choose(flowId: string): StepResult;
  snapshot(): RunSnapshot;
}

const INTERACTIVE_TIME_BUDGET_MS = 5_000;

/** Static flags of a model: elements no case reaches, and reachable ones with no path to an end. */
export function staticFlags(model: SimModel): SimFlag[] {
  const label = (id: string, name: string) => (name ? `"${name}" (${id})` : id);
  const out: SimFlag[] = [];
  const unreachable = new Set(model.unreachable);
  for (const node of model.nodes) {
    if (unreachable.has(node.id) && !node.exempt.includes('unreachable')) {
      out.push({ kind: 'unreachable', elementId: node.id, caseIndex: -1, time: 0, message: describeFlag('unreachable', label(node.id, node.name), 0, 0) });
    }
  }
  for (const node of model.nodes) {
    if (node.deadEnd && !unreachable.has(node.id) && !node.exempt.includes('dead-end')) {
      out.push({ kind: 'dead-end', elementId: node.id, caseIndex: -1, time: 0, message: describeFlag('dead-end', label(node.id, node.name), 0, 0) });
    }
  }
  return out.filter((f) => model.rules.get(f.kind)?.enabled !== false);
}

/** Starts an interactive run; throws SimulationInputError on a model the engine would misread. */
export function createRun(model: SimModel, options: RunOptions = {}): SimulationRun {
  assertRunnable(model);
  return new InteractiveRun(model, options);
}

class InteractiveRun implements SimulationRun, EngineListener {
  readonly staticFlags: SimFlag[];
  readonly flags: SimFlag[];
  readonly exempted: SimFlag[] = [];
  private readonly engine: Engine;
  private readonly cases: CaseState[] = [];
  private readonly clock: () => number;
  private readonly budget: number;
  private stepFlags: SimFlag[] = [];
  private aborted = false;
  private started = false;

  constructor(
    readonly model: SimModel,
    options: RunOptions
  ) {
    this.clock = options.clock ?? defaultClock;
    this.budget = options.timeBudgetMs ?? INTERACTIVE_TIME_BUDGET_MS;
    this.engine = new Engine(
      model,
      {
        scenario: options.scenario ?? 'planned',
        random: createRandom(options.seed ?? 1),
        stepLimit: options.stepLimit ?? DEFAULT_STEP_LIMIT,
        record: true,
        choose: options.choose,
        clock: this.clock,
        deadline: Infinity
      },
      this
    );
    this.staticFlags = staticFlags(model);
    this.flags = [...this.staticFlags];
    const interval = arrivalHours(model, options);
    const n = Math.max(1, Math.floor(options.cases ?? 1));
    for (let i = 0; i < n; i++) this.cases.push(this.engine.startCase(i, i * interval));
  }

  get time(): number {
    return this.engine.now;
  }

  get pendingChoice(): ChoiceRequest | null {
    return this.engine.pendingChoice;
  }

  get status(): RunStatus {
    if (this.aborted || this.cases.some((c) => c.status === 'aborted')) return 'aborted';
    if (this.engine.pendingChoice) return 'awaiting-choice';
    if (this.cases.every((c) => c.over)) return 'finished';
    return this.started ? 'running' : 'ready';
  }

  step(): StepResult {
    this.begin(Infinity);
    this.started = true;
    // Withdrawn events (a timer that lost a race) are skipped: every step shows something happen.
    while (this.status === 'running' && this.engine.processNext() && !this.engine.lastWasLive) {
      /* skip */
    }
    return this.end();
  }

  runUntil(time: number): StepResult {
    const deadline = this.begin(this.clock() + this.budget);
    this.started = true;
    while (this.status === 'running' && this.engine.queue.peekTime() <= time) {
      this.engine.processNext();
      if (this.clock() > deadline) this.abort();
    }
    if (this.status === 'running' && time > this.engine.now) this.engine.now = time;
    return this.end();
  }

  runToEnd(): StepResult {
    return this.runUntil(Infinity);
  }

  choose(flowId: string): StepResult {
    this.begin(Infinity);
    this.engine.choose(flowId);
    return this.end();
  }

  snapshot(): RunSnapshot {
    const tokens = emptyDict<number>();
    for (const c of this.cases) {
      if (c.over) continue;
      for (const t of this.engine.tokensOf(c)) {
        const id = this.model.nodes[t.node]!.id;
        tokens[id] = (tokens[id] ?? 0) + 1;
      }
    }
    return {
      time: this.engine.now,
      status: this.status,
      tokens,
      cases: this.cases.map((c) => ({
        index: c.index,
        status: c.status,
        arrival: c.arrival,
        end: c.over ? c.end : null,
        cost: c.cost,
        handovers: c.handovers
      }))
    };
  }

  flag(code: FlagCode, element: number, c: CaseState, a: number, b: number, exempted: boolean): void {
    const kind = FLAG_KINDS[code]!;
    const id = this.engine.elementId(element);
    const name = this.engine.elementName(element);
    const label = name !== id ? `"${name}" (${id})` : id;
    const flag: SimFlag = { kind, elementId: id, caseIndex: c.index, time: this.engine.now, message: describeFlag(kind, label, a, b) };
    if (code === FlagCode.HandoverOverdue) flag.data = { elapsedHours: a, dueHours: b };
    if (code === FlagCode.BudgetExceeded) flag.data = { cost: a, budget: b };
    if (code === FlagCode.StepLimit) flag.data = { moves: a, limit: b };
    if (exempted) {
      this.exempted.push(flag);
      return;
    }
    this.flags.push(flag);
    this.stepFlags.push(flag);
  }

  caseEnded(): void {}

  private begin(deadline: number): number {
    this.engine.moves = [];
    this.stepFlags = [];
    this.engine.options.deadline = deadline;
    return deadline;
  }

  private end(): StepResult {
    return { time: this.engine.now, status: this.status, moves: this.engine.moves, flags: this.stepFlags, pendingChoice: this.engine.pendingChoice };
  }

  private abort(): void {
    this.aborted = true;
    for (const c of this.cases) this.engine.abortCase(c);
  }
}

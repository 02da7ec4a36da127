/**
 * The discrete-event token engine. One priority queue on simulated time (hours);
 * everything that takes no time (gateways, events, flows) is done at once through a
 * work stack, so deep zero-time chains never grow the call stack. Cases are separate
 * instances: tokens, joins and messages never mix between cases.
 *
 * Bookkeeping that keeps runs finite and honest:
 * - every case has a step limit (token moves), checked on every move;
 * - the wall-clock budget is checked through the injected clock every 4,096 moves;
 * - `pending` counts only live scheduled events, so a case whose tokens all wait with
 *   nothing scheduled is recognised as a deadlock the moment it happens.
 */
import { EventQueue } from './event-queue';
import { FlagCode, FLAG_KINDS } from './flags';
import {
  BoundaryTrigger,
  CatchMode,
  EventKind,
  LoopKind,
  NodeKind,
  SplitMode,
  type Scenario,
  type SimModel,
  type SimNode
} from './model';
import type { Random } from './random';

/** A pick the user can make at an exclusive gateway in interactive mode. */
export interface ChoiceRequest {
  caseIndex: number;
  gatewayId: string;
  gatewayName: string;
  time: number;
  options: { flowId: string; name: string; targetId: string; probability: number }[];
}

/**
 * Decides an exclusive gateway: return a flow id to take it, null to pause the run
 * until choose() is called, or undefined to let the probabilities decide.
 */
export type ChooseCallback = (request: ChoiceRequest) => string | null | undefined;

/** What happened to a token in one step, for the canvas to animate. */
export interface TokenMove {
  token: number;
  caseIndex: number;
  /** create: token appears; flow: along a sequence flow; message: a message flow; jump: link or boundary; consume: token ends. */
  kind: 'create' | 'flow' | 'message' | 'jump' | 'consume';
  /** The flow or message flow travelled, when there is one. */
  via: string | null;
  from: string | null;
  to: string | null;
  time: number;
}

/** How a case ended. */
export type CaseStatus = 'running' | 'completed' | 'deadlock' | 'step-limit' | 'aborted';

/** Receives what the engine finds; the batch aggregates, the interactive run records. */
export interface EngineListener {
  /**
   * `element` indexes nodes, then flows, then message flows; a and b carry numbers
   * (see describeFlag). `exempted` is true when an ml:Exemption or a disabled rule
   * silences the flag: it is reported as an applied exemption, not as a flag.
   */
  flag(code: FlagCode, element: number, c: CaseState, a: number, b: number, exempted: boolean): void;
  caseEnded(c: CaseState): void;
}

/**
 * Shared people for the capacity simulation (src/simulation/capacity/resources.ts).
 * Without it every task starts at once and takes its duration in calendar hours.
 */
export interface CapacityHook {
  /** Per node index: the pool that performs the task, -1 when nobody's time is needed. */
  readonly poolOf: Int32Array;
  /** A duration in working hours for the node from its own distribution, or NaN to use ml:duration. */
  hoursOf(node: number): number;
  /** A task execution of `hours` is enabled now: start it when someone is free (the hook schedules its completion). */
  request(engine: Engine, ai: ActivityInstance, hours: number): void;
  /** A pooled execution completed at `time`: its performer is free again. */
  release(engine: Engine, pool: number, time: number): void;
  /** After an event's zero-time moves: free people take the first steps of their queues. */
  dispatch(engine: Engine, time: number): void;
}

/** Engine settings. */
export interface EngineOptions {
  scenario: Scenario;
  random: Random;
  /** Token moves allowed per case before it counts as an endless loop. */
  stepLimit: number;
  /** Record token moves (interactive mode); batches leave this off. */
  record: boolean;
  choose?: ChooseCallback;
  /** Wall-clock milliseconds; injected so runs are testable. */
  clock: () => number;
  /** Clock value after which the running case is aborted (Infinity for none). */
  deadline: number;
}

// Work items: a flow index (≥ 0) is travelled; LEAVE routes the token out of its node;
// ENTER_BASE - n enters node n directly (start, message, link, boundary).
const STOP = -1;
const LEAVE = -2;
const ENTER_BASE = -3;

const EV_ARRIVAL = 0;
/** A task execution completes; aux is the pool index + 1 when a pool performed it, else 0. */
export const EV_ACTIVITY_DONE = 1;
const EV_WAIT = 2;
const EV_BOUNDARY = 3;

const WAIT_SHIFT = 65536;

/** A handover on its way: provider done at `since`, closed when the receiver starts. */
interface Pending {
  handover: number;
  element: number;
  since: number;
  closed: boolean;
}

/** One token. */
export class Token {
  alive = true;
  /** Incremented whenever a wait is cancelled, so its scheduled events become stale. */
  waitId = 0;
  /** Live scheduled wait events. */
  waits = 0;
  act: ActivityInstance | null = null;
  pending: Pending[] | null = null;
  /** Arrived at a catch event whose event already happened (event-based gateway race). */
  caught = false;
  /** Sent to a catch event by an event-based gateway's probability: wait its delay, not its message. */
  forced = false;
  /** Index (in the target's incoming list) of the flow the token last travelled. */
  inPos = -1;

  constructor(
    readonly id: number,
    readonly c: CaseState,
    public scope: ScopeInstance,
    public node: number
  ) {}
}

/** Waiting tokens of a join, one queue per incoming flow. */
interface JoinState {
  queues: Token[][];
  waiting: number;
}

/** A running process or sub-process execution. */
export class ScopeInstance {
  readonly tokens = new Set<Token>();
  joins: Map<number, JoinState> | null = null;
  ended = false;
  constructor(
    readonly scope: number,
    readonly c: CaseState,
    /** The activity execution that owns a sub-process instance; null for a process. */
    readonly act: ActivityInstance | null
  ) {}
}

/** One activation of an activity (all its loop iterations and instances). */
export class ActivityInstance {
  done = false;
  started = 0;
  running = 0;
  timers = 0;
  awaitingMessage = false;
  fired = false;
  /** Probability-triggered boundaries drawn to fire at the first execution's end. */
  fire: number[] | null = null;
  children: ScopeInstance[] | null = null;
  constructor(
    readonly node: SimNode,
    readonly token: Token,
    readonly start: number
  ) {}
}

/** Race registration of a token at an event-based gateway. */
interface RaceEntry {
  token: Token;
  waitId: number;
  out: number;
}

/** One case: its tokens, messages, counters and outcome. */
export class CaseState {
  status: CaseStatus = 'running';
  over = false;
  live = 0;
  pending = 0;
  moves = 0;
  cost = 0;
  handovers = 0;
  unagreed = 0;
  customerEnd = NaN;
  /** Node index of the customer end event reached last, -1 when none. */
  customerEndNode = -1;
  end: number;
  /** Tokens of this case parked at a gateway until the user chooses. */
  awaitingChoice = 0;
  /** Capacity simulation: hours of work, of waiting for a free person and off the performer's calendar. */
  worked = 0;
  waited = 0;
  offCalendar = 0;
  readonly roots: ScopeInstance[] = [];
  mailbox: Map<number, Pending[]> | null = null;
  waiters: Map<number, Token[]> | null = null;
  race: Map<number, RaceEntry[]> | null = null;
  hosts: Map<number, ActivityInstance[]> | null = null;
  orScopes: Set<ScopeInstance> | null = null;
  /** Per node: cost charged in this case so far (allocated at the first charge). */
  spent: Float64Array | null = null;
  once: Set<number> | null = null;
  constructor(
    readonly index: number,
    readonly arrival: number
  ) {
    this.end = arrival;
  }
}

/** A paused exclusive gateway waiting for the user. */
interface PendingChoice {
  token: Token;
  request: ChoiceRequest;
}

/** Runs cases of one compiled model; shared by batches and interactive runs. */
export class Engine {
  now = 0;
  /** Token moves over all cases. */
  totalMoves = 0;
  /** Per element (nodes, flows, message flows): times entered, travelled or executed, over all cases. */
  readonly visits: Float64Array;
  /** Per node: simulated hours of work (execution durations) over all cases. */
  readonly busy: Float64Array;
  /** Per node: cost over all cases. */
  readonly spent: Float64Array;
  moves: TokenMove[] = [];
  /** Whether the last processNext handled a live event (false for a withdrawn one). */
  lastWasLive = false;
  /** Exclusive gateways waiting for the user, oldest first. */
  readonly pendingChoices: PendingChoice[] = [];
  readonly queue = new EventQueue<CaseState | ActivityInstance | Token>();
  /** Shared people and calendars; null runs every task at once, round the clock. */
  capacity: CapacityHook | null = null;

  private readonly n: number;
  private readonly f: number;
  private readonly s: number;
  private readonly suppressed: Uint8Array;
  private readonly tolerance: Float64Array;
  private readonly flowInPos: Int32Array;
  private readonly workTokens: Token[] = [];
  private readonly workItems: number[] = [];
  private nextToken = 0;
  private readonly stepLimit: number;
  private readonly recording: boolean;

  constructor(
    readonly model: SimModel,
    readonly options: EngineOptions,
    readonly listener: EngineListener
  ) {
    this.n = model.nodes.length;
    this.f = model.flows.length;
    const elements = this.n + this.f + model.messageFlows.length;
    this.visits = new Float64Array(elements);
    this.busy = new Float64Array(this.n);
    this.spent = new Float64Array(this.n);
    this.s = options.scenario === 'realised' ? 1 : 0;
    this.stepLimit = options.stepLimit;
    this.recording = options.record;
    this.flowInPos = new Int32Array(this.f);
    for (const node of model.nodes) node.incoming.forEach((fl, i) => (this.flowInPos[fl] = i));
    // Exemptions (2) and disabled rules (1), per flag kind and element.
    this.suppressed = new Uint8Array(FLAG_KINDS.length * elements);
    this.tolerance = new Float64Array(FLAG_KINDS.length);
    FLAG_KINDS.forEach((kind, k) => {
      const rule = model.rules.get(kind);
      if (rule && !rule.enabled) this.suppressed.fill(1, k * elements, (k + 1) * elements);
      this.tolerance[k] = rule ? rule.tolerance / 100 : 0;
    });
    const exempt = (list: string[], element: number) => {
      for (const rule of list) {
        const k = FLAG_KINDS.indexOf(rule as (typeof FLAG_KINDS)[number]);
        if (k >= 0) this.suppressed[k * elements + element] = 2;
      }
    };
    model.nodes.forEach((node) => exempt(node.exempt, node.index));
    model.flows.forEach((flow) => exempt(flow.exempt, this.n + flow.index));
    model.messageFlows.forEach((mf) => exempt(mf.exempt, this.n + this.f + mf.index));
  }

  /** Number of elements (nodes, flows, message flows) in the visit arrays. */
  get elementCount(): number {
    return this.visits.length;
  }

  /** Id of an element index (node, flow or message flow). */
  elementId(e: number): string {
    if (e < this.n) return this.model.nodes[e]!.id;
    if (e < this.n + this.f) return this.model.flows[e - this.n]!.id;
    return this.model.messageFlows[e - this.n - this.f]!.id;
  }

  /** Name of an element index, or its id when it has none. */
  elementName(e: number): string {
    const el = e < this.n ? this.model.nodes[e]! : e < this.n + this.f ? this.model.flows[e - this.n]! : this.model.messageFlows[e - this.n - this.f]!;
    return el.name || el.id;
  }

  /** Creates a case arriving at `time`; its triggers fire when the queue reaches that time. */
  startCase(index: number, time: number): CaseState {
    const c = new CaseState(index, time);
    c.pending++;
    this.queue.push(time, EV_ARRIVAL, c);
    return c;
  }

  /** Processes the earliest event; false when nothing is scheduled. */
  processNext(): boolean {
    const slot = this.queue.pop();
    if (slot < 0) return false;
    const time = this.queue.time(slot);
    const kind = this.queue.kind(slot);
    const aux = this.queue.aux(slot);
    const ref = this.queue.ref(slot);
    const c = kind === EV_ARRIVAL ? (ref as CaseState) : kind === EV_WAIT ? (ref as Token).c : (ref as ActivityInstance).token.c;
    this.lastWasLive = false;
    // The performer is free again even when the case has ended or the activity was interrupted.
    if (aux > 0 && kind === EV_ACTIVITY_DONE && this.capacity !== null) this.capacity.release(this, aux - 1, time);
    if (c.over) {
      if (this.capacity !== null) this.capacity.dispatch(this, time);
      return true;
    }
    this.now = time;
    switch (kind) {
      case EV_ARRIVAL:
        this.lastWasLive = true;
        c.pending--;
        this.arrive(c);
        break;
      case EV_ACTIVITY_DONE: {
        const ai = ref as ActivityInstance;
        if (ai.done) return true;
        this.lastWasLive = true;
        c.pending--;
        this.executionDone(ai);
        break;
      }
      case EV_BOUNDARY: {
        const ai = ref as ActivityInstance;
        if (ai.done) return true;
        this.lastWasLive = true;
        c.pending--;
        ai.timers--;
        this.fireBoundary(ai, aux, null);
        break;
      }
      case EV_WAIT: {
        const t = ref as Token;
        const waitId = Math.floor(aux / WAIT_SHIFT);
        if (!t.alive || t.waitId !== waitId) return true;
        this.lastWasLive = true;
        c.pending--;
        t.waits--;
        const out = (aux % WAIT_SHIFT) - 1;
        if (out < 0) this.push(t, LEAVE);
        else {
          // An event-based gateway's race is won: the other events no longer count.
          this.cancelWaits(t);
          t.caught = true;
          this.push(t, this.model.nodes[t.node]!.outgoing[out]!);
        }
        break;
      }
    }
    this.drain();
    this.settle(c);
    // Steps enabled by this event queue up first, so a higher priority among them is heard.
    if (this.capacity !== null) this.capacity.dispatch(this, time);
    return true;
  }

  /** The oldest gateway waiting for the user, if any. */
  get pendingChoice(): ChoiceRequest | null {
    return this.pendingChoices[0]?.request ?? null;
  }

  /** Takes the branch the user picked at the oldest paused exclusive gateway; false if it is not one of its flows. */
  choose(flowId: string): boolean {
    const pc = this.pendingChoices[0];
    if (!pc) return false;
    const node = this.model.nodes[pc.token.node]!;
    const f = node.outgoing.find((fl) => this.model.flows[fl]!.id === flowId);
    if (f === undefined) return false;
    this.pendingChoices.shift();
    pc.token.c.awaitingChoice--;
    this.now = Math.max(this.now, pc.request.time);
    this.push(pc.token, f);
    this.drain();
    this.settle(pc.token.c);
    return true;
  }

  /** Ends a case early (time budget); its tokens are removed. */
  abortCase(c: CaseState): void {
    if (c.over) return;
    this.killCase(c);
    this.finish(c, 'aborted');
  }

  /** All tokens of a case with the node each sits on (interactive snapshots). */
  tokensOf(c: CaseState): Token[] {
    const out: Token[] = [];
    const walk = (s: ScopeInstance) => {
      for (const t of s.tokens) {
        out.push(t);
        if (t.act?.children) for (const child of t.act.children) walk(child);
      }
    };
    for (const root of c.roots) walk(root);
    return out;
  }

  // ---- arrival and work loop ------------------------------------------------------

  private arrive(c: CaseState): void {
    const rnd = this.options.random;
    for (const s of this.model.triggerScopes) {
      const scope = this.model.scopes[s]!;
      let trigger = scope.triggers[0]!;
      if (scope.triggers.length > 1) {
        const u = rnd.next();
        const r = scope.triggerRouting;
        let i = 0;
        while (i < r.length - 1 && u >= r[i]!) i++;
        trigger = scope.triggers[i]!;
      }
      const root = new ScopeInstance(s, c, null);
      c.roots.push(root);
      this.push(this.newToken(c, root, trigger, null), ENTER_BASE - trigger);
    }
  }

  private push(t: Token, item: number): void {
    this.workTokens.push(t);
    this.workItems.push(item);
  }

  private drain(): void {
    const tokens = this.workTokens;
    const items = this.workItems;
    while (tokens.length > 0) {
      const t = tokens.pop()!;
      let item = items.pop()!;
      while (item !== STOP && t.alive) {
        if (item >= 0) item = this.travel(t, item);
        else if (item === LEAVE) item = this.leave(t);
        else item = this.enter(t, ENTER_BASE - item);
      }
    }
  }

  private newToken(c: CaseState, scope: ScopeInstance, node: number, pending: Pending[] | null): Token {
    const t = new Token(this.nextToken++, c, scope, node);
    t.pending = pending;
    c.live++;
    scope.tokens.add(t);
    if (this.recording) this.record(t, 'create', null, null, this.model.nodes[node]!.id);
    return t;
  }

  private record(t: Token, kind: TokenMove['kind'], via: string | null, from: string | null, to: string | null): void {
    this.moves.push({ token: t.id, caseIndex: t.c.index, kind, via, from, to, time: this.now });
  }

  // ---- moves ------------------------------------------------------------------------

  private travel(t: Token, f: number): number {
    const flow = this.model.flows[f]!;
    this.visits[this.n + f]!++;
    t.inPos = this.flowInPos[f]!;
    if (flow.handover >= 0) this.crossHandover(t, flow.handover, this.n + f, t.c);
    if (this.recording) this.record(t, 'flow', flow.id, this.model.nodes[flow.source]!.id, this.model.nodes[flow.target]!.id);
    return ENTER_BASE - flow.target;
  }

  private enter(t: Token, n: number): number {
    const c = t.c;
    if (++c.moves > this.stepLimit) {
      this.raise(FlagCode.StepLimit, n, c, c.moves - 1, this.stepLimit);
      this.killCase(c);
      this.finish(c, 'step-limit');
      return STOP;
    }
    if ((++this.totalMoves & 4095) === 0 && this.options.clock() > this.options.deadline) {
      this.abortCase(c);
      return STOP;
    }
    const node = this.model.nodes[n]!;
    t.node = n;
    if (node.deadEnd) this.raiseOnce(FlagCode.DeadEnd, n, c);
    const kind = node.kind;
    if (kind !== NodeKind.Task && kind !== NodeKind.SubProcess) this.visits[n]!++;
    switch (kind) {
      case NodeKind.Task:
      case NodeKind.SubProcess:
        this.startActivity(t, node);
        return STOP;
      case NodeKind.Exclusive:
        return LEAVE;
      case NodeKind.Parallel:
      case NodeKind.Inclusive:
        return node.incoming.length > 1 ? this.join(t, node) : LEAVE;
      case NodeKind.Start:
      case NodeKind.Boundary:
        return LEAVE;
      case NodeKind.End:
        this.endEvent(t, node);
        return STOP;
      case NodeKind.Catch:
        return this.catchEvent(t, node);
      case NodeKind.Throw:
        if (node.messageOut.length > 0) this.sendMessages(t, node);
        if (node.jumpTo >= 0) {
          if (this.recording) this.record(t, 'jump', null, node.id, this.model.nodes[node.jumpTo]!.id);
          return ENTER_BASE - node.jumpTo;
        }
        return LEAVE;
      case NodeKind.EventBased:
        return this.eventGateway(t, node);
      default:
        return LEAVE;
    }
  }

  /** Routes a token out of its node; returns the flow it takes, other branches go on the work stack. */
  private leave(t: Token): number {
    const node = this.model.nodes[t.node]!;
    const out = node.outgoing;
    if (out.length === 0) {
      // An element without outgoing flows ends the token (implicit end).
      this.consume(t);
      return STOP;
    }
    if (out.length === 1) return out[0]!;
    const rnd = this.options.random;
    switch (node.split) {
      case SplitMode.One: {
        if (node.kind === NodeKind.Exclusive && this.options.choose) {
          const picked = this.ask(t, node);
          if (picked !== undefined) return picked;
        }
        const u = rnd.next();
        const r = node.routing;
        let i = 0;
        while (i < r.length - 1 && u >= r[i]!) i++;
        return out[i]!;
      }
      case SplitMode.Some: {
        let first = -1;
        const r = node.routing;
        for (let i = 0; i < out.length; i++) {
          if (i === node.defaultOut) continue;
          if (r[i]! >= 1 || rnd.next() < r[i]!) {
            if (first < 0) first = out[i]!;
            else this.push(this.newToken(t.c, t.scope, t.node, copyPending(t.pending)), out[i]!);
          }
        }
        if (first >= 0) return first;
        if (node.defaultOut >= 0) return out[node.defaultOut]!;
        // At least one branch: draw one in proportion to the branch probabilities.
        let total = 0;
        for (let i = 0; i < out.length; i++) total += r[i]!;
        if (total <= 0) return out[rnd.nextInt(out.length)]!;
        let u = rnd.next() * total;
        for (let i = 0; i < out.length; i++) {
          u -= r[i]!;
          if (u < 0) return out[i]!;
        }
        return out[out.length - 1]!;
      }
      default:
        for (let i = 1; i < out.length; i++) this.push(this.newToken(t.c, t.scope, t.node, copyPending(t.pending)), out[i]!);
        return out[0]!;
    }
  }

  /** Interactive choice: a flow to take, STOP-and-wait, or undefined to draw at random. */
  private ask(t: Token, node: SimNode): number | undefined {
    let previous = 0;
    const request: ChoiceRequest = {
      caseIndex: t.c.index,
      gatewayId: node.id,
      gatewayName: node.name,
      time: this.now,
      options: node.outgoing.map((f, i) => {
        const flow = this.model.flows[f]!;
        const p = node.routing[i]! - previous;
        previous = node.routing[i]!;
        return { flowId: flow.id, name: flow.name, targetId: this.model.nodes[flow.target]!.id, probability: p };
      })
    };
    const answer = this.options.choose!(request);
    if (answer === undefined) return undefined;
    if (answer === null) {
      this.pendingChoices.push({ token: t, request });
      t.c.awaitingChoice++;
      return STOP;
    }
    const f = node.outgoing.find((fl) => this.model.flows[fl]!.id === answer);
    return f;
  }

  // ---- joins ------------------------------------------------------------------------

  private join(t: Token, node: SimNode): number {
    const scope = t.scope;
    const joins = (scope.joins ??= new Map());
    let st = joins.get(node.index);
    if (!st) {
      st = { queues: node.incoming.map(() => []), waiting: 0 };
      joins.set(node.index, st);
    }
    st.queues[t.inPos < 0 ? 0 : t.inPos]!.push(t);
    st.waiting++;
    if (node.kind === NodeKind.Parallel) {
      for (const q of st.queues) if (q.length === 0) return STOP;
      this.fireJoin(st, t.node);
      return STOP;
    }
    (t.c.orScopes ??= new Set()).add(scope);
    return STOP;
  }

  /** Merges one waiting token from every non-empty queue into the first and sends it on. */
  private fireJoin(st: JoinState, node: number): void {
    let merged: Token | null = null;
    for (const q of st.queues) {
      const t = q.shift();
      if (!t) continue;
      st.waiting--;
      if (!merged) merged = t;
      else {
        if (t.pending) merged.pending = merged.pending ? merged.pending.concat(t.pending) : t.pending;
        this.remove(t);
      }
    }
    if (merged) {
      merged.node = node;
      this.push(merged, LEAVE);
    }
  }

  /** Fires inclusive joins no live token can still reach; then ends or declares the case stuck. */
  private settle(c: CaseState): void {
    if (c.over) return;
    let fired = true;
    while (fired && c.orScopes && !c.over) {
      fired = false;
      for (const scope of c.orScopes) {
        if (scope.ended || !scope.joins) {
          c.orScopes.delete(scope);
          continue;
        }
        let waiting = false;
        for (const j of this.model.scopes[scope.scope]!.inclusiveJoins) {
          const st = scope.joins.get(j);
          if (!st || st.waiting === 0) continue;
          waiting = true;
          if (this.inclusiveJoinReady(scope, j)) {
            this.fireJoin(st, j);
            fired = true;
            break;
          }
        }
        if (fired) break;
        if (!waiting) c.orScopes.delete(scope);
      }
      if (fired) this.drain();
    }
    if (c.over) return;
    if (c.live === 0 && c.pending === 0) this.finish(c, 'completed');
    else if (c.pending === 0 && c.awaitingChoice === 0) this.deadlock(c);
  }

  private inclusiveJoinReady(scope: ScopeInstance, j: number): boolean {
    const up = this.model.upstream.get(j)!;
    for (const t of scope.tokens) if (t.node !== j && up[t.node] === 1) return false;
    return true;
  }

  // ---- activities -------------------------------------------------------------------

  private startActivity(t: Token, node: SimNode): void {
    const c = t.c;
    const ai = new ActivityInstance(node, t, this.now);
    t.act = ai;
    const consumeMessage = node.receives && !t.caught && !t.forced;
    t.caught = false;
    t.forced = false;
    if (!consumeMessage && c.mailbox?.has(node.index)) {
      // Messages to an activity that does not wait for them are read when it starts.
      const got = c.mailbox.get(node.index)!;
      c.mailbox.delete(node.index);
      t.pending = t.pending ? t.pending.concat(got) : got;
    }
    this.closePending(t);
    if (!node.accountable && !node.customer) this.raise(FlagCode.MissingAccountable, node.index, c, 0, 0);
    const rnd = this.options.random;
    for (const b of node.boundaries) {
      const bn = this.model.nodes[b]!;
      switch (bn.boundaryTrigger) {
        case BoundaryTrigger.Timer:
          if (bn.probability >= 1 || rnd.next() < bn.probability) {
            ai.timers++;
            c.pending++;
            this.queue.push(this.now + bn.waitHours, EV_BOUNDARY, ai, b);
          }
          break;
        case BoundaryTrigger.Probability:
          if (bn.probability > 0 && rnd.next() < bn.probability) (ai.fire ??= []).push(b);
          break;
        case BoundaryTrigger.Message: {
          const hosts = (c.hosts ??= new Map());
          const list = hosts.get(b);
          if (list) list.push(ai);
          else hosts.set(b, [ai]);
          break;
        }
        default:
          break;
      }
    }
    if (consumeMessage) {
      const msg = this.takeMessage(c, node.index);
      if (!msg) {
        ai.awaitingMessage = true;
        this.addWaiter(c, node.index, t);
        return;
      }
      (t.pending ??= []).push(msg);
      this.closePending(t);
    }
    this.beginExecutions(ai);
  }

  private beginExecutions(ai: ActivityInstance): void {
    const node = ai.node;
    switch (node.loop) {
      case LoopKind.None:
        this.execute(ai);
        return;
      case LoopKind.Standard:
        if (node.testBefore && !(node.loopMaximum > 0 && this.options.random.next() < node.repeat)) this.complete(ai);
        else this.execute(ai);
        return;
      case LoopKind.Parallel:
        if (node.cardinality === 0) this.complete(ai);
        for (let i = 0; i < node.cardinality && !ai.done && !ai.token.c.over; i++) this.execute(ai);
        return;
      default:
        if (node.cardinality === 0) this.complete(ai);
        else this.execute(ai);
    }
  }

  private execute(ai: ActivityInstance): void {
    const node = ai.node;
    const c = ai.token.c;
    if (ai.started > 0 && ++c.moves > this.stepLimit) {
      // Every further iteration or instance counts as a move, so loops and huge cardinalities stop too.
      this.raise(FlagCode.StepLimit, node.index, c, c.moves - 1, this.stepLimit);
      this.killCase(c);
      this.finish(c, 'step-limit');
      return;
    }
    ai.started++;
    ai.running++;
    const n = node.index;
    this.visits[n]!++;
    const budget = node.budget[this.s]!;
    if (budget > 0 || node.plannedBudget >= 0) this.checkBudget(ai, budget);
    if (node.kind === NodeKind.Task) {
      const cap = this.capacity;
      let hours = cap === null ? NaN : cap.hoursOf(n);
      if (hours !== hours) {
        const d = node.duration[this.s]!;
        hours = d.min === d.max ? d.min : this.options.random.triangular(d.min, d.mode, d.max);
      }
      this.busy[n]! += hours;
      // Hours × the performer's rate plus the fixed cost; a budget is never the cost of one execution.
      const cost = node.fixedCost + (node.workHours === node.workHours ? node.workHours : hours) * node.ratePerHour;
      if (cost > 0) {
        c.cost += cost;
        this.spent[n]! += cost;
      }
      c.worked += hours;
      c.pending++;
      if (cap !== null && cap.poolOf[n]! >= 0) cap.request(this, ai, hours);
      else this.queue.push(this.now + hours, EV_ACTIVITY_DONE, ai);
      return;
    }
    if (node.fixedCost > 0) {
      c.cost += node.fixedCost;
      this.spent[n]! += node.fixedCost;
    }
    const child = new ScopeInstance(node.childScope, c, ai);
    (ai.children ??= []).push(child);
    const starts = this.model.scopes[node.childScope]!.starts;
    if (starts.length === 0) {
      child.ended = true;
      this.executionDone(ai);
      return;
    }
    for (const s of starts) this.push(this.newToken(c, child, s, null), ENTER_BASE - s);
  }

  /**
   * Budget flags: the realised budget above the planned one, or a step's budget used more
   * than once within a case (rework). Budgets are compared, never charged as cost.
   */
  private checkBudget(ai: ActivityInstance, cost: number): void {
    const node = ai.node;
    const c = ai.token.c;
    const n = node.index;
    const planned = node.plannedBudget;
    if (!(planned >= 0)) return;
    const tol = 1 + this.tolerance[FlagCode.BudgetExceeded]!;
    if (this.s === 1 && cost > planned * tol) {
      this.raise(FlagCode.BudgetExceeded, n, c, cost, planned);
      return;
    }
    // A step's budget covers one pass (all instances); repetitions make it overrun.
    const caseSpent = (c.spent ??= new Float64Array(this.n));
    const spent = (caseSpent[n] = caseSpent[n]! + cost);
    const allowance = planned * (node.loop === LoopKind.Parallel || node.loop === LoopKind.Sequential ? node.cardinality : 1);
    if (spent > allowance * tol + 1e-9) {
      const once = (c.once ??= new Set());
      const key = -1 - n;
      if (!once.has(key)) {
        once.add(key);
        this.raise(FlagCode.BudgetExceeded, n, c, spent, allowance);
      }
    }
  }

  private executionDone(ai: ActivityInstance): void {
    const node = ai.node;
    const c = ai.token.c;
    ai.running--;
    if (node.messageOut.length > 0) this.sendMessages(ai.token, node);
    if (ai.fire && !ai.fired) {
      ai.fired = true;
      let interrupt = -1;
      for (const b of ai.fire) {
        if (this.model.nodes[b]!.interrupting) {
          if (interrupt < 0) interrupt = b;
        } else this.spawnAtBoundary(ai, b, null);
      }
      if (interrupt >= 0) {
        this.interrupt(ai, interrupt, null);
        return;
      }
    }
    if (ai.done || c.over) return;
    const rnd = this.options.random;
    switch (node.loop) {
      case LoopKind.None:
        this.complete(ai);
        return;
      case LoopKind.Standard:
        if (ai.started < node.loopMaximum && rnd.next() < node.repeat) this.execute(ai);
        else this.complete(ai);
        return;
      case LoopKind.Parallel:
        if (ai.running === 0) this.complete(ai);
        return;
      default:
        if (ai.started < node.cardinality) this.execute(ai);
        else this.complete(ai);
    }
  }

  private complete(ai: ActivityInstance): void {
    if (ai.done) return;
    this.closeActivity(ai);
    this.push(ai.token, LEAVE);
  }

  /** Marks an activation finished and withdraws what it still had scheduled. */
  private closeActivity(ai: ActivityInstance): void {
    ai.done = true;
    const c = ai.token.c;
    c.pending -= ai.timers;
    ai.timers = 0;
    if (ai.node.kind === NodeKind.Task) c.pending -= ai.running;
    ai.running = 0;
    if (ai.children) for (const child of ai.children) this.cancelScope(child);
    ai.children = null;
    if (ai.awaitingMessage) {
      ai.awaitingMessage = false;
      this.removeWaiter(c, ai.node.index, ai.token);
    }
    ai.token.act = null;
    if (c.hosts && ai.node.boundaries.length > 0) {
      for (const b of ai.node.boundaries) {
        const list = c.hosts.get(b);
        if (list) {
          const i = list.indexOf(ai);
          if (i >= 0) list.splice(i, 1);
        }
      }
    }
  }

  private fireBoundary(ai: ActivityInstance, b: number, msg: Pending | null): void {
    if (this.model.nodes[b]!.interrupting) this.interrupt(ai, b, msg);
    else this.spawnAtBoundary(ai, b, msg);
  }

  private interrupt(ai: ActivityInstance, b: number, msg: Pending | null): void {
    const t = ai.token;
    this.closeActivity(ai);
    if (msg) (t.pending ??= []).push(msg);
    if (this.recording) this.record(t, 'jump', null, ai.node.id, this.model.nodes[b]!.id);
    this.push(t, ENTER_BASE - b);
  }

  private spawnAtBoundary(ai: ActivityInstance, b: number, msg: Pending | null): void {
    const t = ai.token;
    const nt = this.newToken(t.c, t.scope, b, msg ? [msg] : null);
    this.push(nt, ENTER_BASE - b);
  }

  // ---- events -----------------------------------------------------------------------

  private endEvent(t: Token, node: SimNode): void {
    const c = t.c;
    if (node.messageOut.length > 0) this.sendMessages(t, node);
    this.closePending(t);
    if (node.customer) {
      c.customerEnd = this.now;
      c.customerEndNode = node.index;
    }
    if (node.event === EventKind.Terminate) {
      const scope = t.scope;
      this.consume(t, false);
      this.cancelScope(scope);
      this.finishScope(scope);
      return;
    }
    if (node.jumpTo >= 0) {
      // Error or escalation: the boundary event on the enclosing sub-process catches it.
      const host = this.model.nodes[node.jumpTo]!.attachedTo;
      let ai: ActivityInstance | null = null;
      for (let s: ScopeInstance | null = t.scope; s && s.act; s = s.act.token.scope) {
        if (s.act.node.index === host) {
          ai = s.act;
          break;
        }
      }
      if (ai && !ai.done) {
        if (this.model.nodes[node.jumpTo]!.interrupting) {
          this.consume(t, false);
          this.interrupt(ai, node.jumpTo, null);
          return;
        }
        this.spawnAtBoundary(ai, node.jumpTo, null);
      }
    }
    this.consume(t);
  }

  private catchEvent(t: Token, node: SimNode): number {
    if (t.caught) {
      t.caught = false;
      return LEAVE;
    }
    let mode: number = node.catchMode;
    if (t.forced) {
      t.forced = false;
      mode = CatchMode.Delay;
    }
    if (mode === CatchMode.Pass) return LEAVE;
    if (mode === CatchMode.Delay) {
      if (node.waitHours <= 0) return LEAVE;
      this.wait(t, node.waitHours, 0);
      return STOP;
    }
    const msg = this.takeMessage(t.c, node.index);
    if (msg) {
      this.receive(t.c, msg);
      return LEAVE;
    }
    this.addWaiter(t.c, node.index, t);
    return STOP;
  }

  private eventGateway(t: Token, node: SimNode): number {
    if (node.split === SplitMode.One) {
      // Probability mode: the chosen event happens after its own delay.
      const f = this.leave(t);
      if (f >= 0) t.forced = true;
      return f;
    }
    const c = t.c;
    for (let i = 0; i < node.outgoing.length; i++) {
      const target = this.model.nodes[this.model.flows[node.outgoing[i]!]!.target]!;
      if (target.catchMode === CatchMode.Message) {
        const msg = this.takeMessage(c, target.index);
        if (msg) {
          this.cancelWaits(t);
          if (target.kind === NodeKind.Catch) this.receive(c, msg);
          else (t.pending ??= []).push(msg);
          t.caught = true;
          return node.outgoing[i]!;
        }
        const race = (c.race ??= new Map());
        const entry: RaceEntry = { token: t, waitId: t.waitId, out: i };
        const list = race.get(target.index);
        if (list) list.push(entry);
        else race.set(target.index, [entry]);
      } else if (target.happensByItself) {
        this.wait(t, target.waitHours, i + 1);
      }
    }
    return STOP;
  }

  private wait(t: Token, hours: number, out: number): void {
    t.waits++;
    t.c.pending++;
    this.queue.push(this.now + hours, EV_WAIT, t, t.waitId * WAIT_SHIFT + out);
  }

  private cancelWaits(t: Token): void {
    t.c.pending -= t.waits;
    t.waits = 0;
    t.waitId++;
  }

  // ---- messages and handovers ---------------------------------------------------------

  private sendMessages(t: Token, node: SimNode): void {
    const c = t.c;
    for (const m of node.messageOut) {
      const mf = this.model.messageFlows[m]!;
      const e = this.n + this.f + m;
      this.visits[e]!++;
      let msg: Pending | null = null;
      if (mf.handover >= 0) msg = this.crossHandover(null, mf.handover, e, c);
      if (this.recording) this.record(t, 'message', mf.id, node.id, mf.target >= 0 ? this.model.nodes[mf.target]!.id : null);
      this.deliver(c, mf.target, msg ?? { handover: -1, element: e, since: this.now, closed: true });
    }
  }

  /** Counts a handover crossing and flags a missing agreement; returns the open handover. */
  private crossHandover(t: Token | null, h: number, e: number, c: CaseState): Pending {
    const handover = this.model.handovers[h]!;
    c.handovers++;
    if (handover.status !== 'agreed') {
      c.unagreed++;
      this.raise(FlagCode.HandoverWithoutAgreement, e, c, 0, 0);
    }
    const p: Pending = { handover: h, element: e, since: this.now, closed: false };
    if (t) (t.pending ??= []).push(p);
    return p;
  }

  /** The receiver starts: every open handover the token carries is checked against its due-within. */
  private closePending(t: Token): void {
    const list = t.pending;
    if (!list) return;
    t.pending = null;
    for (const p of list) this.receive(t.c, p);
  }

  /**
   * A handover reaches its receiver: checked against the agreement's due-within. A
   * message caught by an intermediate catch event is received there; the receiver's
   * later waiting (for the next message, say) is no longer the provider's delay.
   */
  private receive(c: CaseState, p: Pending): void {
    if (p.closed) return;
    p.closed = true;
    if (p.handover < 0) return;
    const due = this.model.handovers[p.handover]!.dueHours;
    const elapsed = this.now - p.since;
    if (due >= 0 && elapsed > due * (1 + this.tolerance[FlagCode.HandoverOverdue]!) + 1e-9) {
      this.raise(FlagCode.HandoverOverdue, p.element, c, elapsed, due);
    }
  }

  private deliver(c: CaseState, target: number, msg: Pending): void {
    if (target < 0) {
      msg.closed = true; // a black-box pool receives at once
      return;
    }
    const node = this.model.nodes[target]!;
    if (node.kind === NodeKind.Start) {
      const root = new ScopeInstance(node.scope, c, null);
      c.roots.push(root);
      this.push(this.newToken(c, root, target, [msg]), ENTER_BASE - target);
      return;
    }
    if (node.kind === NodeKind.Boundary) {
      const hosts = c.hosts?.get(target);
      const ai = hosts?.find((a) => !a.done);
      if (ai) this.fireBoundary(ai, target, msg);
      else msg.closed = true;
      return;
    }
    const waiting = c.waiters?.get(target);
    while (waiting && waiting.length > 0) {
      const w = waiting.shift()!;
      if (!w.alive) continue;
      if (w.act && w.act.awaitingMessage) {
        // A receive task starts its work the moment the message is there.
        (w.pending ??= []).push(msg);
        w.act.awaitingMessage = false;
        this.closePending(w);
        this.beginExecutions(w.act);
      } else {
        this.receive(c, msg);
        this.push(w, LEAVE);
      }
      return;
    }
    const race = c.race?.get(target);
    while (race && race.length > 0) {
      const r = race.shift()!;
      if (!r.token.alive || r.token.waitId !== r.waitId) continue;
      this.cancelWaits(r.token);
      if (node.kind === NodeKind.Catch) this.receive(c, msg);
      else (r.token.pending ??= []).push(msg);
      r.token.caught = true;
      this.push(r.token, this.model.nodes[r.token.node]!.outgoing[r.out]!);
      return;
    }
    if ((node.kind === NodeKind.Task || node.kind === NodeKind.SubProcess) && node.incoming.length === 0 && this.model.scopes[node.scope]!.kind === 'process') {
      // An activity without incoming flows is where a message starts its pool's work.
      const root = new ScopeInstance(node.scope, c, null);
      c.roots.push(root);
      this.push(this.newToken(c, root, target, [msg]), ENTER_BASE - target);
      return;
    }
    const box = (c.mailbox ??= new Map());
    const list = box.get(target);
    if (list) list.push(msg);
    else box.set(target, [msg]);
  }

  private takeMessage(c: CaseState, node: number): Pending | undefined {
    const list = c.mailbox?.get(node);
    if (!list || list.length === 0) return undefined;
    const msg = list.shift();
    if (list.length === 0) c.mailbox!.delete(node);
    return msg;
  }

  private addWaiter(c: CaseState, node: number, t: Token): void {
    const waiters = (c.waiters ??= new Map());
    const list = waiters.get(node);
    if (list) list.push(t);
    else waiters.set(node, [t]);
  }

  private removeWaiter(c: CaseState, node: number, t: Token): void {
    const list = c.waiters?.get(node);
    if (!list) return;
    const i = list.indexOf(t);
    if (i >= 0) list.splice(i, 1);
  }

  // ---- token and scope life cycle -----------------------------------------------------

  /** A token ends normally; its scope may complete with it. */
  private consume(t: Token, completeScope = true): void {
    if (this.recording) this.record(t, 'consume', null, this.model.nodes[t.node]!.id, null);
    this.remove(t);
    if (completeScope && t.scope.tokens.size === 0) this.scopeDone(t.scope);
  }

  private remove(t: Token): void {
    if (!t.alive) return;
    t.alive = false;
    t.c.live--;
    if (t.waits > 0) this.cancelWaits(t);
    t.scope.tokens.delete(t);
  }

  private scopeDone(scope: ScopeInstance): void {
    if (scope.ended) return;
    scope.ended = true;
    this.finishScope(scope);
  }

  /** A sub-process instance is over: its activity execution is done. */
  private finishScope(scope: ScopeInstance): void {
    const ai = scope.act;
    if (!ai || ai.done) return;
    if (ai.children) {
      const i = ai.children.indexOf(scope);
      if (i >= 0) ai.children.splice(i, 1);
    }
    this.executionDone(ai);
  }

  /** Removes every token of a scope and of the activities running in it. */
  private cancelScope(scope: ScopeInstance): void {
    scope.ended = true;
    for (const t of [...scope.tokens]) {
      if (t.act && !t.act.done) this.closeActivity(t.act);
      this.remove(t);
    }
    scope.joins = null;
  }

  private killCase(c: CaseState): void {
    for (const root of c.roots) this.cancelScope(root);
    c.pending = 0;
  }

  private deadlock(c: CaseState): void {
    for (const t of this.tokensOf(c)) {
      if (!t.act || t.act.awaitingMessage) this.raiseOnce(FlagCode.Deadlock, t.node, c);
    }
    this.killCase(c);
    this.finish(c, 'deadlock');
  }

  private finish(c: CaseState, status: CaseStatus): void {
    if (c.over) return;
    c.over = true;
    c.status = status;
    c.end = this.now;
    for (let i = this.pendingChoices.length - 1; i >= 0; i--) if (this.pendingChoices[i]!.token.c === c) this.pendingChoices.splice(i, 1);
    this.listener.caseEnded(c);
  }

  // ---- flags ------------------------------------------------------------------------

  private raise(code: FlagCode, e: number, c: CaseState, a: number, b: number): void {
    this.listener.flag(code, e, c, a, b, this.suppressed[code * this.visits.length + e] !== 0);
  }

  private raiseOnce(code: FlagCode, e: number, c: CaseState): void {
    const once = (c.once ??= new Set());
    const key = code * this.visits.length + e;
    if (once.has(key)) return;
    once.add(key);
    this.raise(code, e, c, 0, 0);
  }
}

function copyPending(p: Pending[] | null): Pending[] | null {
  return p ? p.slice() : null;
}

/** One plain English sentence for a flag; `a` and `b` are the numbers the engine passed. */
export function describeFlag(kind: (typeof FLAG_KINDS)[number], label: string, a: number, b: number): string {
  const h = (x: number) => `${Math.round(x * 100) / 100} h`;
  switch (kind) {
    case 'handover-without-agreement':
      return `The work crossed the handover ${label} without an agreed agreement.`;
    case 'missing-accountable':
      return `${label} was carried out without anyone accountable for it.`;
    case 'handover-overdue':
      return `After the handover ${label}, the receiver started ${h(a)} after the provider was done; the agreement allows ${h(b)}.`;
    case 'budget-exceeded':
      return `${label} cost ${Math.round(a * 100) / 100} against a planned budget of ${Math.round(b * 100) / 100}.`;
    case 'deadlock':
      return `A token at ${label} can never proceed (deadlock).`;
    case 'step-limit':
      return `The case stopped at ${label} after ${b} token moves, the step limit (an endless loop?).`;
    case 'dead-end':
      return `${label} has no path to an end event.`;
    case 'unreachable':
      return `${label} cannot be reached from any start event.`;
  }
}

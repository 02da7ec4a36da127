/**
 * The compiled simulation model: the BPMN definitions reduced to an indexed graph of
 * small records with integer references, so the engine's inner loop does no string
 * lookups and no moddle access. Built once by compileModel (compile/).
 */

/** What a flow node does with a token. */
export const NodeKind = {
  Start: 0,
  End: 1,
  Task: 2,
  SubProcess: 3,
  Exclusive: 4,
  Parallel: 5,
  Inclusive: 6,
  EventBased: 7,
  Catch: 8,
  Throw: 9,
  Boundary: 10
} as const;
/** One of the NodeKind values. */
export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

/** The trigger or result of an event, read from its event definition. */
export const EventKind = {
  None: 0,
  Message: 1,
  Timer: 2,
  Terminate: 3,
  Link: 4,
  Error: 5,
  Escalation: 6,
  Signal: 7,
  Conditional: 8,
  Compensate: 9,
  Cancel: 10
} as const;
/** One of the EventKind values. */
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

/** How an intermediate catch event (or a receive task) releases a waiting token. */
export const CatchMode = {
  /** Pass straight through (link catch). */
  Pass: 0,
  /** Wait `waitHours` (timer duration, or ml:Simulation delay, or the zero default). */
  Delay: 1,
  /** Wait until a message arrives over one of the node's incoming message flows. */
  Message: 2
} as const;
/** One of the CatchMode values. */
export type CatchMode = (typeof CatchMode)[keyof typeof CatchMode];

/** How a boundary event decides to fire. */
export const BoundaryTrigger = {
  /** Fires `waitHours` after the host started, if the host still runs (and the probability draw allows). */
  Timer: 0,
  /** Fires when a message arrives over a message flow while the host runs. */
  Message: 1,
  /** Fires when an error or escalation end event inside the host sub-process is reached. */
  Thrown: 2,
  /** Fires with `probability` per activation, when the host's first execution ends. */
  Probability: 3
} as const;
/** One of the BoundaryTrigger values. */
export type BoundaryTrigger = (typeof BoundaryTrigger)[keyof typeof BoundaryTrigger];

/** How an activity repeats. */
export const LoopKind = { None: 0, Standard: 1, Parallel: 2, Sequential: 3 } as const;
/** One of the LoopKind values. */
export type LoopKind = (typeof LoopKind)[keyof typeof LoopKind];

/** How a token leaves a node with several outgoing sequence flows. */
export const SplitMode = {
  /** Every outgoing flow gets a token (parallel gateway, plain activity). */
  All: 0,
  /** Exactly one flow, drawn by probability (exclusive and event-based gateways). */
  One: 1,
  /** Each flow independently by probability, at least one (inclusive gateway, conditional flows). */
  Some: 2
} as const;
/** One of the SplitMode values. */
export type SplitMode = (typeof SplitMode)[keyof typeof SplitMode];

/** Which parameters a batch reads: planned values or realised ones. */
export type Scenario = 'planned' | 'realised';

/** A duration distribution in hours: fixed when min = mode = max, triangular otherwise. */
export interface DurationSpec {
  min: number;
  mode: number;
  max: number;
}

/** One flow node of the compiled graph. */
export interface SimNode {
  index: number;
  id: string;
  name: string;
  /** The BPMN type, e.g. bpmn:UserTask. */
  type: string;
  kind: NodeKind;
  event: EventKind;
  /** Index into SimModel.scopes of the process or sub-process that contains the node. */
  scope: number;
  /** Sequence flow indices. */
  outgoing: number[];
  incoming: number[];
  /** Message flow indices. */
  messageOut: number[];
  messageIn: number[];
  split: SplitMode;
  /** For SplitMode.One: cumulative probabilities (0..1) over `outgoing`, last = 1. For Some: independent probabilities. */
  routing: Float64Array;
  /** Index into `outgoing` of the default flow, -1 if none. */
  defaultOut: number;
  /** Planned and realised duration per execution (activities). */
  duration: [DurationSpec, DurationSpec];
  /**
   * Planned and realised budget (ml:resources), for the budget flags only; 0 when not
   * given. A budget is for the step's period and is never the cost of one execution.
   */
  budget: [number, number];
  /** Planned budget, NaN when not given (for budget flags). */
  plannedBudget: number;
  /** Cost of one working hour of the step's performer (its pool's costPerHour); 0 when unknown. */
  ratePerHour: number;
  /** Cost of one execution on top of its hours × rate (ml:work fixedCost). */
  fixedCost: number;
  /**
   * Working hours one execution costs when ml:work gives a duration (its mean): the
   * batch's durations are elapsed time (a quote lies on a desk for days), the work in it
   * is what is paid. NaN: the execution's own hours.
   */
  workHours: number;
  loop: LoopKind;
  /** Multi-instance cardinality. */
  cardinality: number;
  /** Standard loop: chance (0..1) of another iteration. */
  repeat: number;
  loopMaximum: number;
  testBefore: boolean;
  /** A receive task waits for a message before its work starts. */
  receives: boolean;
  /** Boundary event node indices attached to this activity. */
  boundaries: number[];
  /** Scope index of an embedded (or inlined called) sub-process; -1 otherwise. */
  childScope: number;
  /** Catch events and receive tasks: how they wait. */
  catchMode: CatchMode;
  /** Timer duration or delay in hours, for catch events and timer boundaries. */
  waitHours: number;
  /** Boundary events: host activity node, -1 otherwise. */
  attachedTo: number;
  interrupting: boolean;
  boundaryTrigger: BoundaryTrigger;
  /** Boundary firing probability (0..1), or start-event choice weight. */
  probability: number;
  /** Link throw: the matching link catch; error/escalation end: the boundary it triggers. -1 if none. */
  jumpTo: number;
  /** Activities: at least one ml:Assignment with responsibility accountable. */
  accountable: boolean;
  /** Lies in a lane or pool marked ml:Department kind="customer". */
  customer: boolean;
  /** Index into SimModel.departments, -1 when the node is in no lane or pool. */
  department: number;
  /** No end event can be reached from here. */
  deadEnd: boolean;
  /** Target of an event-based gateway: the event happens without a token elsewhere sending it (timer, delay, modelled message). */
  happensByItself: boolean;
  /** Rule ids (flag kinds) exempted on this element by ml:Exemption. */
  exempt: string[];
}

/** One sequence flow. */
export interface SimFlow {
  index: number;
  id: string;
  name: string;
  source: number;
  target: number;
  /** Index into SimModel.handovers, -1 when the flow is no handover. */
  handover: number;
  /** Rule ids (flag kinds) exempted on this flow by ml:Exemption. */
  exempt: string[];
}

/** One message flow; source/target are node indices or -1 when the end is a pool. */
export interface SimMessageFlow {
  index: number;
  id: string;
  name: string;
  source: number;
  target: number;
  /** The scope of the process a pool-targeted message starts, -1 when the pool is a black box. */
  targetProcessScope: number;
  handover: number;
  exempt: string[];
}

/** Agreement status of a handover, as findHandovers reports it. */
export type AgreementStatus = 'agreed' | 'draft' | 'under-review' | 'missing';

/** A flow that crosses departments, with its agreement. */
export interface SimHandover {
  flowId: string;
  kind: 'sequence' | 'message';
  status: AgreementStatus;
  /** Agreement's dueWithin in hours; NaN when none. */
  dueHours: number;
  from: string;
  to: string;
}

/** A process (pool) or sub-process: the unit that owns tokens, joins and terminate. */
export interface SimScope {
  index: number;
  /** Element id of the process or sub-process. */
  id: string;
  kind: 'process' | 'subprocess';
  /** The activity node owning a sub-process scope, -1 for processes. */
  owner: number;
  /** Nodes that receive a token when the scope starts (sub-processes). */
  starts: number[];
  /** Processes: start events that begin a case here (not fed by a message from another node). */
  triggers: number[];
  /** Cumulative choice weights over `triggers`. */
  triggerRouting: Float64Array;
  /** Inclusive joins in this scope, with the nodes upstream of each (see SimModel.upstream). */
  inclusiveJoins: number[];
}

/** A department: a lane, or a pool without lanes. */
export interface SimDepartment {
  index: number;
  /** Lane or participant id. */
  id: string;
  name: string;
  customer: boolean;
}

/** A problem found while compiling, with the elements involved and the default used. */
export interface SimIssue {
  severity: 'error' | 'warning' | 'info';
  code: string;
  elementIds: string[];
  message: string;
  /** The value the engine used instead, in words ("equal probabilities", "zero duration"). */
  defaultUsed?: string;
  /** Set when the issue concerns only one scenario (e.g. missing realised values). */
  scenario?: Scenario;
}

/** A ml:Exemption found on an element, reported whenever it suppresses a flag. */
export interface SimExemption {
  elementId: string;
  rule: string;
  reason: string;
  by: string;
  date: string;
}

/** The customer promise from ml:ValueChain, turned into hours when it is a lead time. */
export interface SimCustomerPromise {
  text: string;
  measure: string;
  /** Target lead time in calendar hours; NaN when the measure is not a lead time or unreadable. */
  targetHours: number;
  /** The target as written in the model. */
  target: string;
  unit: string;
  workingDays: boolean;
}

/** Settings from ml:ruleSetting that concern simulation flags. */
export interface SimRuleSetting {
  enabled: boolean;
  /** Tolerance in percent before a budget or due-within flag is raised. */
  tolerance: number;
}

/** Everything the engine needs, derived from one BPMN document. */
export interface SimModel {
  nodes: SimNode[];
  flows: SimFlow[];
  messageFlows: SimMessageFlow[];
  scopes: SimScope[];
  departments: SimDepartment[];
  handovers: SimHandover[];
  /** Scopes (processes) whose triggers start at every case arrival. */
  triggerScopes: number[];
  /** Per inclusive join node index: which nodes can still send it a token. */
  upstream: Map<number, Uint8Array>;
  /** Ids of nodes no case can reach. */
  unreachable: string[];
  /** Arrival interval in hours read from the model (start event), NaN when not given. */
  arrivalIntervalHours: number;
  customerPromise: SimCustomerPromise | null;
  /** The model has at least one customer lane or pool: lead time ends at the customer's end event. */
  hasCustomerSide: boolean;
  currency: string;
  rules: Map<string, SimRuleSetting>;
  exemptions: SimExemption[];
  issues: SimIssue[];
  /** True when an error-severity issue means the engine would misread the model. */
  hasErrors: boolean;
}

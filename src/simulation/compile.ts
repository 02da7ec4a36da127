/**
 * Compiles parsed BPMN definitions (bpmn-moddle + the ml: extension) into the
 * indexed SimModel the engine runs, and checks the model first: everything the
 * engine has to assume is reported as an issue naming the elements and the default
 * used; anything it would misread is an error and no run starts.
 */
import { createSampler, distributionProblem } from './capacity/distributions';
import { poolOfTask, readCapacityInput } from './capacity/input';
import { z } from 'zod';
import { parseIsoDuration } from '../model/duration';
import type { ModdleElement } from '../model/moddle-types';
import { getExtension, getExtensions } from '../model/value-chain/extension';
import { FLAG_KINDS } from './flags';
import { linkModelRelations } from './model-relations';
import {
  BoundaryTrigger,
  CatchMode,
  EventKind,
  LoopKind,
  NodeKind,
  SplitMode,
  type DurationSpec,
  type Scenario,
  type SimCustomerPromise,
  type SimDepartment,
  type SimExemption,
  type SimFlow,
  type SimIssue,
  type SimMessageFlow,
  type SimModel,
  type SimNode,
  type SimRuleSetting,
  type SimScope
} from './model';

/** Options for compileModel. */
export interface CompileOptions {
  /**
   * Finds the process a call activity calls (e.g. in the process library); when it
   * returns one, the call activity runs that process as a sub-process instead of
   * being one step.
   */
  resolveCalledProcess?: (calledElement: string) => ModdleElement | undefined;
}

const DECIMAL = z
  .string()
  .trim()
  .regex(/^[+-]?\d+(?:[.,]\d+)?$/)
  .transform((s) => Number(s.replace(',', '.')));

/** Reads a decimal number written as text ("12.5" or "12,5"); undefined when absent or unreadable. */
export function parseDecimal(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const r = DECIMAL.safeParse(text);
  return r.success ? r.data : undefined;
}

const ZERO: DurationSpec = { min: 0, mode: 0, max: 0 };

type IssueText = { severity: SimIssue['severity']; text: (list: string) => string; defaultUsed?: string; scenario?: Scenario };

/** Every issue the compiler can report, with its wording; `list` names the elements. */
const ISSUE_TEXTS: Record<string, IssueText> = {
  'nothing-to-run': { severity: 'error', text: () => 'The model contains no process with flow elements, so there is nothing to simulate.' },
  'no-start-event': {
    severity: 'error',
    text: (list) => `No process has a start event (${list}), so a case has nowhere to begin. Add a start event, for example where the customer triggers the chain.`
  },
  'no-trigger': {
    severity: 'error',
    text: (list) => `Every start event waits for a message sent by another element (${list}), so no case can begin. Give the customer's pool or lane a start event of its own.`
  },
  'complex-gateway': { severity: 'error', text: (list) => `Complex gateways cannot be simulated: ${list}. Use exclusive, inclusive or parallel gateways instead.` },
  'dangling-flow': { severity: 'error', text: (list) => `Sequence flows without a source or a target: ${list}.` },
  'link-without-target': { severity: 'error', text: (list) => `Link throw events without a matching link catch event in the same process: ${list}.` },
  'invalid-event-gateway': { severity: 'error', text: (list) => `Event-based gateways must lead only to intermediate catch events or receive tasks: ${list}.` },
  'boundary-without-host': { severity: 'error', text: (list) => `Boundary events not attached to an activity: ${list}.` },
  'missing-probability': {
    severity: 'warning',
    text: (list) => `Outgoing flows without a probability (ml:simulation probability) after ${list}; the share not given is split equally over them.`,
    defaultUsed: 'equal probabilities'
  },
  'probabilities-normalised': {
    severity: 'warning',
    text: (list) => `The probabilities on the outgoing flows of ${list} do not add up to 100 %; they were scaled to 100 %.`,
    defaultUsed: 'probabilities scaled to 100 %'
  },
  'invalid-probability': {
    severity: 'warning',
    text: (list) => `Probabilities that are not a number from 0 to 100 were ignored on ${list}.`,
    defaultUsed: 'treated as missing'
  },
  'missing-branch-probability': {
    severity: 'warning',
    text: (list) => `Flows after an inclusive gateway or conditional flows without a probability: ${list}; each is taken in half of the cases.`,
    defaultUsed: '50 % per branch'
  },
  'missing-duration': { severity: 'warning', text: (list) => `No duration is given for ${list}; they take no time.`, defaultUsed: 'zero duration' },
  'invalid-duration': {
    severity: 'warning',
    text: (list) => `Durations that are not ISO 8601 (such as PT4H or P2D) were ignored on ${list}; they take no time.`,
    defaultUsed: 'zero duration'
  },
  'invalid-duration-range': {
    severity: 'warning',
    text: (list) => `The min, most likely and max durations of ${list} are incomplete or out of order; a fixed duration is used instead (the planned one, or the middle of the values given).`,
    defaultUsed: 'fixed duration'
  },
  'missing-planned-duration': {
    severity: 'warning',
    scenario: 'planned',
    text: (list) => `No planned duration for ${list}; they take no time in the planned scenario.`,
    defaultUsed: 'zero duration'
  },
  'missing-realised-duration': {
    severity: 'warning',
    scenario: 'realised',
    text: (list) => `No realised average duration for ${list}; the planned duration is used in the realised scenario.`,
    defaultUsed: 'planned duration'
  },
  'missing-realised-budget': {
    severity: 'warning',
    scenario: 'realised',
    text: (list) => `No realised budget for ${list}; the planned budget is used in the realised scenario.`,
    defaultUsed: 'planned budget'
  },
  'invalid-number': { severity: 'warning', text: (list) => `Numbers that could not be read were ignored on ${list}.`, defaultUsed: 'zero' },
  'missing-repeat-probability': {
    severity: 'warning',
    text: (list) => `Loop activities without a repeat probability (ml:simulation repeatProbability): ${list}; each repetition happens in half of the cases.`,
    defaultUsed: '50 % repeat probability'
  },
  'missing-cardinality': {
    severity: 'warning',
    text: (list) => `Multi-instance activities without a numeric loop cardinality: ${list}; they run one instance.`,
    defaultUsed: '1 instance'
  },
  'completion-condition': {
    severity: 'info',
    text: (list) => `Completion conditions of multi-instance activities are not evaluated: ${list}; all instances run.`
  },
  'boundary-without-probability': {
    severity: 'warning',
    text: (list) => `Boundary events without a firing probability (ml:simulation probability): ${list}; they never fire.`,
    defaultUsed: '0 % (never fires)'
  },
  'unsupported-timer': {
    severity: 'warning',
    text: (list) => `Timers with a date or a cycle instead of a duration: ${list}; their ml:simulation delay is used, or no wait at all.`,
    defaultUsed: 'zero delay'
  },
  'event-gateway-race': {
    severity: 'info',
    text: (list) =>
      `Event-based gateways that wait for a message sent elsewhere in the model: ${list}; the first event to happen decides, so the probabilities on their flows are not used. Events there that nothing triggers and that have no ml:simulation delay never happen.`,
    defaultUsed: 'the first event to happen'
  },
  'external-event': {
    severity: 'warning',
    text: (list) => `Catch events that no element of the model triggers: ${list}; they pass after their ml:simulation delay, or at once.`,
    defaultUsed: 'zero delay'
  },
  'several-triggers': {
    severity: 'warning',
    text: (list) => `Processes with several start events: ${list}; each case starts at one of them, chosen by their ml:simulation probability or else equally.`,
    defaultUsed: 'equal probabilities'
  },
  'process-without-start': {
    severity: 'warning',
    text: (list) => `Processes without a start event: ${list}; they run only where a message reaches one of their elements.`
  },
  'event-subprocess': { severity: 'warning', text: (list) => `Event sub-processes are not simulated: ${list}.` },
  compensation: { severity: 'warning', text: (list) => `Compensation is not simulated: ${list}.` },
  'uncaught-error': {
    severity: 'warning',
    text: (list) => `Error or escalation end events that no boundary event catches: ${list}; they end like a plain end event.`
  },
  'message-starts-nothing': {
    // A message to a pool that is already under way (an interim notice to the customer) is normal modelling.
    severity: 'info',
    text: (list) => `Messages to pools whose process has no message start event: ${list}; they count as handovers but start nothing.`
  },
  'ad-hoc-subprocess': { severity: 'info', text: (list) => `Ad-hoc sub-processes run as one step with their own duration: ${list}.` },
  'recursive-call': { severity: 'warning', text: (list) => `Call activities that call a process already being called: ${list}; they run as one step.` },
  'mixed-currencies': { severity: 'warning', text: (list) => `Budgets in different currencies are added up as they are: ${list}.` },
  'missing-budget': { severity: 'info', text: (list) => `No planned budget for ${list}; their costs are compared with nothing.`, defaultUsed: 'no budget check' },
  'missing-rate': {
    severity: 'info',
    text: (list) => `No cost per hour for ${list}: no pool with a rate performs them; they cost nothing in the simulation (a budget is for a period, never the cost of one execution).`,
    defaultUsed: 'zero cost'
  }
};

class IssueCollector {
  private readonly groups = new Map<string, string[]>();
  private readonly seen = new Set<string>();

  /** Records an issue; without an element id it concerns the model as a whole. */
  add(code: keyof typeof ISSUE_TEXTS, elementId?: string): void {
    let ids = this.groups.get(code);
    if (!ids) this.groups.set(code, (ids = []));
    if (elementId === undefined) return;
    const key = `${code}\u0000${elementId}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    ids.push(elementId);
  }

  has(code: string): boolean {
    return this.groups.has(code);
  }

  list(label: (id: string) => string): SimIssue[] {
    const out: SimIssue[] = [];
    for (const [code, ids] of this.groups) {
      const t = ISSUE_TEXTS[code]!;
      const issue: SimIssue = { severity: t.severity, code, elementIds: ids, message: t.text(formatList(ids.map(label))) };
      if (t.defaultUsed) issue.defaultUsed = t.defaultUsed;
      if (t.scenario) issue.scenario = t.scenario;
      out.push(issue);
    }
    const order = { error: 0, warning: 1, info: 2 } as const;
    return out.sort((a, b) => order[a.severity] - order[b.severity]);
  }
}

function formatList(labels: string[]): string {
  const max = 8;
  if (labels.length <= max) return labels.join(', ');
  return `${labels.slice(0, max).join(', ')} and ${labels.length - max} more`;
}

const TASK_TYPES = new Set([
  'bpmn:Task',
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:SendTask',
  'bpmn:ReceiveTask',
  'bpmn:ManualTask',
  'bpmn:ScriptTask',
  'bpmn:BusinessRuleTask',
  'bpmn:CallActivity',
  'bpmn:AdHocSubProcess'
]);

const EVENT_KINDS: Record<string, EventKind> = {
  'bpmn:MessageEventDefinition': EventKind.Message,
  'bpmn:TimerEventDefinition': EventKind.Timer,
  'bpmn:TerminateEventDefinition': EventKind.Terminate,
  'bpmn:LinkEventDefinition': EventKind.Link,
  'bpmn:ErrorEventDefinition': EventKind.Error,
  'bpmn:EscalationEventDefinition': EventKind.Escalation,
  'bpmn:SignalEventDefinition': EventKind.Signal,
  'bpmn:ConditionalEventDefinition': EventKind.Conditional,
  'bpmn:CompensateEventDefinition': EventKind.Compensate,
  'bpmn:CancelEventDefinition': EventKind.Cancel
};

const isActivityKind = (k: NodeKind) => k === NodeKind.Task || k === NodeKind.SubProcess;

/** The compiler's working state for one document. */
class Compiler {
  readonly nodes: SimNode[] = [];
  readonly flows: SimFlow[] = [];
  readonly messageFlows: SimMessageFlow[] = [];
  readonly scopes: SimScope[] = [];
  readonly departments: SimDepartment[] = [];
  readonly issues = new IssueCollector();
  readonly exemptions: SimExemption[] = [];
  /** Moddle element → node index, for the document's own (not inlined) elements. */
  readonly nodeOf = new Map<ModdleElement, number>();
  /** Per node, its moddle element (inlined copies point at the called process's element). */
  readonly elementOf: ModdleElement[] = [];
  /** Per flow, its moddle element. */
  readonly flowElementOf: ModdleElement[] = [];
  readonly labels = new Map<string, string>();
  readonly currencies = new Map<string, number>();
  private readonly callStack: string[] = [];

  constructor(
    readonly definitions: ModdleElement,
    readonly options: CompileOptions
  ) {}

  label(id: string): string {
    return this.labels.get(id) ?? id;
  }

  remember(id: string, name: string | undefined): void {
    const clean = name?.replace(/\s+/g, ' ').trim();
    this.labels.set(id, clean ? `"${clean}" (${id})` : id);
  }

  /** Compiles the flow elements of a process or sub-process into a new scope. */
  compileScope(container: ModdleElement, kind: SimScope['kind'], owner: number, idPrefix: string, own: boolean): number {
    const scope: SimScope = {
      index: this.scopes.length,
      id: idPrefix + (container.id ?? `scope${this.scopes.length}`),
      kind,
      owner,
      starts: [],
      triggers: [],
      triggerRouting: new Float64Array(0),
      inclusiveJoins: []
    };
    this.scopes.push(scope);
    const elements = (container.flowElements as ModdleElement[] | undefined) ?? [];
    const local = new Map<ModdleElement, number>();
    const sequenceFlows: ModdleElement[] = [];
    for (const el of elements) {
      if (el.$type === 'bpmn:SequenceFlow') {
        sequenceFlows.push(el);
        continue;
      }
      if (!isFlowNode(el)) continue;
      if (el.$type === 'bpmn:SubProcess' && el.triggeredByEvent) {
        this.issues.add('event-subprocess', idPrefix + el.id);
        this.remember(idPrefix + el.id, el.name);
        continue;
      }
      const index = this.addNode(el, scope.index, idPrefix);
      local.set(el, index);
      if (own) this.nodeOf.set(el, index);
    }
    for (const el of sequenceFlows) this.addFlow(el, local, idPrefix);
    for (const [el, index] of local) {
      if (el.$type === 'bpmn:BoundaryEvent') this.nodes[index]!.attachedTo = el.attachedToRef ? (local.get(el.attachedToRef) ?? -1) : -1;
    }
    // Sub-processes and inlined calls get their own scopes once their owner exists.
    for (const [el, index] of local) {
      const node = this.nodes[index]!;
      if (el.$type === 'bpmn:SubProcess' || el.$type === 'bpmn:Transaction') {
        node.childScope = this.compileScope(el, 'subprocess', index, idPrefix, own);
      } else if (el.$type === 'bpmn:CallActivity') {
        this.inlineCall(el, node, idPrefix);
      }
    }
    this.resolveScopeStarts(scope, local);
    return scope.index;
  }

  private inlineCall(el: ModdleElement, node: SimNode, idPrefix: string): void {
    const called = typeof el.calledElement === 'string' ? el.calledElement : undefined;
    const process = called ? this.options.resolveCalledProcess?.(called) : undefined;
    if (!process) return;
    if (this.callStack.includes(process.id ?? called!)) {
      this.issues.add('recursive-call', node.id);
      return;
    }
    this.callStack.push(process.id ?? called!);
    node.kind = NodeKind.SubProcess;
    node.childScope = this.compileScope(process, 'subprocess', node.index, `${idPrefix}${el.id}/`, false);
    this.callStack.pop();
  }

  private resolveScopeStarts(scope: SimScope, local: Map<ModdleElement, number>): void {
    const starts: number[] = [];
    for (const index of local.values()) if (this.nodes[index]!.kind === NodeKind.Start) starts.push(index);
    if (scope.kind === 'subprocess') {
      if (starts.length > 0) scope.starts = starts;
      else {
        // A sub-process without a start event starts every node without incoming flows.
        for (const index of local.values()) {
          const n = this.nodes[index]!;
          if (n.incoming.length === 0 && n.kind !== NodeKind.Boundary && !isCompensationHandler(this.elementOf[index]!)) {
            scope.starts.push(index);
          }
        }
      }
    } else {
      scope.starts = starts;
    }
  }

  private addNode(el: ModdleElement, scope: number, idPrefix: string): number {
    const id = idPrefix + el.id;
    this.remember(id, el.name);
    const defs = (el.eventDefinitions as ModdleElement[] | undefined) ?? [];
    const event = defs.length > 0 ? (EVENT_KINDS[defs[0]!.$type] ?? EventKind.None) : EventKind.None;
    const node: SimNode = {
      index: this.nodes.length,
      id,
      name: el.name ?? '',
      type: el.$type,
      kind: nodeKindOf(el),
      event,
      scope,
      outgoing: [],
      incoming: [],
      messageOut: [],
      messageIn: [],
      split: SplitMode.All,
      routing: new Float64Array(0),
      defaultOut: -1,
      duration: [ZERO, ZERO],
      budget: [0, 0],
      plannedBudget: NaN,
      ratePerHour: 0,
      fixedCost: 0,
      workHours: NaN,
      loop: LoopKind.None,
      cardinality: 1,
      repeat: 0,
      loopMaximum: Infinity,
      testBefore: false,
      receives: false,
      boundaries: [],
      childScope: -1,
      catchMode: CatchMode.Pass,
      waitHours: 0,
      attachedTo: -1,
      interrupting: true,
      boundaryTrigger: BoundaryTrigger.Probability,
      probability: 1,
      jumpTo: -1,
      accountable: false,
      customer: false,
      department: -1,
      deadEnd: false,
      happensByItself: true,
      exempt: []
    };
    if (el.$type === 'bpmn:ComplexGateway') this.issues.add('complex-gateway', id);
    if (el.$type === 'bpmn:AdHocSubProcess') this.issues.add('ad-hoc-subprocess', id);
    this.nodes.push(node);
    this.elementOf.push(el);
    return node.index;
  }

  private addFlow(el: ModdleElement, local: Map<ModdleElement, number>, idPrefix: string): void {
    const id = idPrefix + el.id;
    this.remember(id, el.name);
    const source = el.sourceRef ? local.get(el.sourceRef) : undefined;
    const target = el.targetRef ? local.get(el.targetRef) : undefined;
    if (source === undefined || target === undefined) {
      // A flow to an event sub-process or a non-node is as broken as a dangling one.
      this.issues.add('dangling-flow', id);
      return;
    }
    const flow: SimFlow = { index: this.flows.length, id, name: el.name ?? '', source, target, handover: -1, exempt: [] };
    this.flows.push(flow);
    this.flowElementOf.push(el);
    this.nodes[source]!.outgoing.push(flow.index);
    this.nodes[target]!.incoming.push(flow.index);
  }

  /** Reads durations, costs, loops, routing and events of every node. */
  readNodeDetails(): void {
    for (const node of this.nodes) {
      const el = this.elementOf[node.index]!;
      if (isActivityKind(node.kind)) this.readActivity(node, el);
      switch (node.kind) {
        case NodeKind.Exclusive:
          this.readExclusiveRouting(node, el);
          break;
        case NodeKind.Inclusive:
          this.readInclusiveRouting(node, el);
          break;
        case NodeKind.Catch:
          this.readCatch(node, el);
          break;
        case NodeKind.Boundary:
          this.readBoundary(node, el);
          break;
        default:
          break;
      }
      if (isActivityKind(node.kind) && node.outgoing.length > 1) this.readActivityRouting(node, el);
    }
    for (const node of this.nodes) {
      if (isCompensationHandler(this.elementOf[node.index]!)) this.issues.add('compensation', node.id);
      if (node.kind === NodeKind.Throw && node.event === EventKind.Link) this.linkThrow(node);
      if (node.kind === NodeKind.End && (node.event === EventKind.Error || node.event === EventKind.Escalation)) this.catchThrown(node);
      if (node.event === EventKind.Compensate && node.kind !== NodeKind.Start) this.issues.add('compensation', node.id);
    }
  }

  private readActivity(node: SimNode, el: ModdleElement): void {
    const step = getExtension(el, 'ml:Step');
    node.accountable = ((step?.assignments as ModdleElement[] | undefined) ?? []).some(
      (a) => a.responsibility === 'accountable' && typeof a.role === 'string' && a.role.trim() !== ''
    );
    if (node.kind === NodeKind.Task) this.readDuration(node, step?.duration as ModdleElement | undefined);
    this.readCost(node, step?.resources as ModdleElement | undefined);
    node.receives = el.$type === 'bpmn:ReceiveTask';
    const loop = el.loopCharacteristics as ModdleElement | undefined;
    if (loop?.$type === 'bpmn:StandardLoopCharacteristics') {
      node.loop = LoopKind.Standard;
      node.testBefore = loop.testBefore === true;
      const max = Number(loop.loopMaximum);
      if (loop.loopMaximum != null && Number.isFinite(max) && max >= 0) node.loopMaximum = Math.floor(max);
      const repeat = this.percent(node.id, getExtension(el, 'ml:Simulation')?.repeatProbability);
      if (repeat === undefined) {
        this.issues.add('missing-repeat-probability', node.id);
        node.repeat = 0.5;
      } else node.repeat = repeat;
    } else if (loop?.$type === 'bpmn:MultiInstanceLoopCharacteristics') {
      node.loop = loop.isSequential ? LoopKind.Sequential : LoopKind.Parallel;
      const body = (loop.loopCardinality as ModdleElement | undefined)?.body;
      const n = parseDecimal(typeof body === 'string' ? body : undefined);
      if (n === undefined || n < 0 || !Number.isInteger(n)) {
        this.issues.add('missing-cardinality', node.id);
        node.cardinality = 1;
      } else node.cardinality = n;
      if (loop.completionCondition) this.issues.add('completion-condition', node.id);
    }
  }

  private readDuration(node: SimNode, d: ModdleElement | undefined): void {
    const planned = this.hours(node.id, d?.planned);
    const min = this.hours(node.id, d?.min);
    const mode = this.hours(node.id, d?.mostLikely);
    const max = this.hours(node.id, d?.max);
    let spec: DurationSpec | undefined;
    const given = [min, mode, max].filter((v): v is number => v !== undefined);
    const rangeWritten = d?.min != null || d?.mostLikely != null || d?.max != null;
    if (min !== undefined && mode !== undefined && max !== undefined && min <= mode && mode <= max) {
      spec = { min, mode, max };
    } else if (rangeWritten) {
      this.issues.add('invalid-duration-range', node.id);
      const v = planned ?? (given.length ? given.reduce((a, b) => a + b, 0) / given.length : undefined);
      if (v !== undefined) spec = { min: v, mode: v, max: v };
    } else if (planned !== undefined) {
      spec = { min: planned, mode: planned, max: planned };
    }
    const realised = this.hours(node.id, d?.realisedAverage);
    if (!spec) {
      if (d?.planned == null && !rangeWritten) this.issues.add(realised === undefined ? 'missing-duration' : 'missing-planned-duration', node.id);
      spec = ZERO;
    } else if (realised === undefined) this.issues.add('missing-realised-duration', node.id);
    node.duration = [spec, realised !== undefined ? { min: realised, mode: realised, max: realised } : spec];
  }

  private readCost(node: SimNode, r: ModdleElement | undefined): void {
    const planned = this.number(node.id, r?.plannedBudget);
    const realised = this.number(node.id, r?.realisedBudget);
    if (planned === undefined && realised === undefined && node.kind === NodeKind.Task) this.issues.add('missing-budget', node.id);
    if (realised === undefined && planned !== undefined) this.issues.add('missing-realised-budget', node.id);
    node.plannedBudget = planned ?? NaN;
    node.budget = [planned ?? 0, realised ?? planned ?? 0];
    if (r && (planned !== undefined || realised !== undefined)) {
      const currency = typeof r.currency === 'string' && r.currency.trim() ? r.currency.trim().toUpperCase() : 'EUR';
      this.currencies.set(currency, (this.currencies.get(currency) ?? 0) + 1);
    }
  }

  /** Hours of an ISO duration attribute; reports unreadable text. */
  private hours(id: string, text: unknown): number | undefined {
    if (text == null || text === '') return undefined;
    const h = parseIsoDuration(String(text));
    if (h === undefined) this.issues.add('invalid-duration', id);
    return h;
  }

  private number(id: string, text: unknown): number | undefined {
    if (text == null || text === '') return undefined;
    const n = parseDecimal(text);
    if (n === undefined || n < 0) {
      this.issues.add('invalid-number', id);
      return undefined;
    }
    return n;
  }

  /** A percentage attribute as a fraction 0..1; reports values outside 0..100. */
  private percent(id: string, text: unknown): number | undefined {
    if (text == null || text === '') return undefined;
    const n = parseDecimal(text);
    if (n === undefined || n < 0 || n > 100) {
      this.issues.add('invalid-probability', id);
      return undefined;
    }
    return n / 100;
  }

  private flowProbability(flowIndex: number): number | undefined {
    const flow = this.flows[flowIndex]!;
    return this.percent(flow.id, getExtension(this.flowElementOf[flowIndex], 'ml:Simulation')?.probability);
  }

  /** Exactly-one routing: explicit probabilities, the rest shared equally by flows without one. */
  private oneOfRouting(node: SimNode, defaultFlow: number): void {
    node.split = SplitMode.One;
    node.defaultOut = defaultFlow;
    const n = node.outgoing.length;
    const p = node.outgoing.map((f) => this.flowProbability(f));
    const missing = p.map((v, i) => (v === undefined ? i : -1)).filter((i) => i >= 0);
    const sum = p.reduce<number>((s, v) => s + (v ?? 0), 0);
    const weights = new Array<number>(n).fill(0);
    if (missing.length === n) {
      if (n > 1) this.issues.add('missing-probability', node.id);
      weights.fill(1 / n);
    } else {
      // A default flow left without a probability simply takes the remainder.
      const onlyDefaultMissing = missing.length === 1 && missing[0] === defaultFlow;
      if (missing.length > 0 && !onlyDefaultMissing) this.issues.add('missing-probability', node.id);
      const rest = 1 - sum;
      if (missing.length === 0 || rest < -1e-9) {
        if (Math.abs(sum - 1) > 1e-9) this.issues.add('probabilities-normalised', node.id);
        for (let i = 0; i < n; i++) weights[i] = sum > 0 ? (p[i] ?? 0) / sum : 1 / n;
      } else {
        for (let i = 0; i < n; i++) weights[i] = p[i] ?? Math.max(0, rest) / missing.length;
        if (missing.length === 0 && Math.abs(sum - 1) > 1e-9) this.issues.add('probabilities-normalised', node.id);
      }
    }
    node.routing = cumulative(weights);
  }

  /** Independent-branch routing for inclusive splits and conditional flows. */
  private someOfRouting(node: SimNode, defaultFlow: number, conditional: boolean[] | undefined): void {
    node.split = SplitMode.Some;
    node.defaultOut = defaultFlow;
    node.routing = new Float64Array(node.outgoing.length);
    node.outgoing.forEach((f, i) => {
      if (i === defaultFlow) return;
      if (conditional && !conditional[i]) {
        node.routing[i] = 1; // an unconditional flow out of an activity is always taken
        return;
      }
      const p = this.flowProbability(f);
      if (p === undefined) this.issues.add('missing-branch-probability', this.flows[f]!.id);
      node.routing[i] = p ?? 0.5;
    });
  }

  private defaultIndex(node: SimNode, el: ModdleElement): number {
    const def = el.default as ModdleElement | undefined;
    if (!def) return -1;
    return node.outgoing.findIndex((f) => this.flowElementOf[f] === def);
  }

  private readExclusiveRouting(node: SimNode, el: ModdleElement): void {
    if (node.outgoing.length > 1) this.oneOfRouting(node, this.defaultIndex(node, el));
  }

  private readInclusiveRouting(node: SimNode, el: ModdleElement): void {
    if (node.outgoing.length > 1) this.someOfRouting(node, this.defaultIndex(node, el), undefined);
  }

  private readActivityRouting(node: SimNode, el: ModdleElement): void {
    const def = this.defaultIndex(node, el);
    const conditional = node.outgoing.map((f) => !!this.flowElementOf[f]!.conditionExpression);
    if (def >= 0 || conditional.some(Boolean)) this.someOfRouting(node, def, conditional);
  }

  /** Catch event: pass (link), wait for a message, or wait a delay. */
  private readCatch(node: SimNode, el: ModdleElement): void {
    const delay = this.hours(node.id, getExtension(el, 'ml:Simulation')?.delay);
    node.waitHours = delay ?? 0;
    switch (node.event) {
      case EventKind.Link:
        node.catchMode = CatchMode.Pass;
        return;
      case EventKind.Timer: {
        node.catchMode = CatchMode.Delay;
        const timer = this.timerHours(el);
        if (timer !== undefined) node.waitHours = timer;
        else this.issues.add('unsupported-timer', node.id);
        return;
      }
      case EventKind.Message:
        node.catchMode = CatchMode.Delay; // upgraded to Message when a modelled element sends to it
        return;
      default:
        node.catchMode = CatchMode.Delay;
        if (delay === undefined) this.issues.add('external-event', node.id);
    }
  }

  private timerHours(el: ModdleElement): number | undefined {
    const def = ((el.eventDefinitions as ModdleElement[] | undefined) ?? []).find((d) => d.$type === 'bpmn:TimerEventDefinition');
    const body = (def?.timeDuration as ModdleElement | undefined)?.body;
    return typeof body === 'string' ? parseIsoDuration(body) : undefined;
  }

  private readBoundary(node: SimNode, el: ModdleElement): void {
    const host = node.attachedTo;
    if (host < 0 || !isActivityKind(this.nodes[host]!.kind)) {
      node.attachedTo = -1;
      this.issues.add('boundary-without-host', node.id);
      return;
    }
    this.nodes[host]!.boundaries.push(node.index);
    node.interrupting = el.cancelActivity !== false;
    const p = this.percent(node.id, getExtension(el, 'ml:Simulation')?.probability);
    if (node.event === EventKind.Timer) {
      const timer = this.timerHours(el);
      if (timer !== undefined) {
        node.boundaryTrigger = BoundaryTrigger.Timer;
        node.waitHours = timer;
        node.probability = p ?? 1;
        return;
      }
      this.issues.add('unsupported-timer', node.id);
    }
    node.boundaryTrigger = BoundaryTrigger.Probability;
    if (node.event === EventKind.Compensate) {
      node.probability = 0;
      return;
    }
    // Message and thrown triggers are settled once message flows and end events are known.
    node.probability = p ?? NaN;
  }

  /** Event-based gateways: a race when every event happens by itself, otherwise a choice by probability. */
  readEventGateways(): void {
    for (const node of this.nodes) if (node.kind === NodeKind.EventBased) this.readEventGateway(node);
  }

  private readEventGateway(node: SimNode): void {
    const targets = node.outgoing.map((f) => this.nodes[this.flows[f]!.target]!);
    if (targets.some((t) => t.kind !== NodeKind.Catch && !(t.kind === NodeKind.Task && t.type === 'bpmn:ReceiveTask'))) {
      this.issues.add('invalid-event-gateway', node.id);
      return;
    }
    const anyProbability = node.outgoing.some((f) => getExtension(this.flowElementOf[f], 'ml:Simulation')?.probability != null);
    // An event happens by itself when it is a timer, a message a modelled element sends, or has a delay.
    for (const t of targets) {
      t.happensByItself =
        t.catchMode === CatchMode.Message ||
        getExtension(this.elementOf[t.index], 'ml:Simulation')?.delay != null ||
        (t.event === EventKind.Timer && this.timerHours(this.elementOf[t.index]!) !== undefined);
    }
    // A message that another part of the model sends decides the race: drawing the branch
    // instead would contradict what the sender did (an order sent while the quote expires).
    const messageDecides = targets.some((t) => t.catchMode === CatchMode.Message);
    if (messageDecides) {
      node.split = SplitMode.All;
      if (anyProbability) this.issues.add('event-gateway-race', node.id);
    } else if (anyProbability || !targets.every((t) => t.happensByItself)) this.oneOfRouting(node, -1);
    else node.split = SplitMode.All;
  }

  private linkThrow(node: SimNode): void {
    const el = this.elementOf[node.index]!;
    const def = ((el.eventDefinitions as ModdleElement[]) ?? [])[0];
    const name = def?.name ?? el.name;
    const targetRef = def?.target as ModdleElement | undefined;
    const match = this.nodes.find((n) => {
      if (n.kind !== NodeKind.Catch || n.event !== EventKind.Link || n.scope !== node.scope) return false;
      const cel = this.elementOf[n.index]!;
      const cdef = ((cel.eventDefinitions as ModdleElement[]) ?? [])[0];
      if (targetRef) return cdef === targetRef;
      return (cdef?.name ?? cel.name) === name;
    });
    if (match) node.jumpTo = match.index;
    else this.issues.add('link-without-target', node.id);
  }

  /** Finds the boundary event that catches an error or escalation end event, up the scopes. */
  private catchThrown(node: SimNode): void {
    const el = this.elementOf[node.index]!;
    const ref = ((el.eventDefinitions as ModdleElement[]) ?? [])[0]?.[node.event === EventKind.Error ? 'errorRef' : 'escalationRef'];
    for (let scope = this.scopes[node.scope]!; scope.owner >= 0; scope = this.scopes[this.nodes[scope.owner]!.scope]!) {
      const host = this.nodes[scope.owner]!;
      for (const b of host.boundaries) {
        const boundary = this.nodes[b]!;
        if (boundary.event !== node.event) continue;
        const bref = ((this.elementOf[b]!.eventDefinitions as ModdleElement[]) ?? [])[0]?.[node.event === EventKind.Error ? 'errorRef' : 'escalationRef'];
        if (bref && ref && bref !== ref) continue;
        node.jumpTo = b;
        boundary.boundaryTrigger = BoundaryTrigger.Thrown;
        return;
      }
    }
    this.issues.add('uncaught-error', node.id);
  }

  /** Links message flows to the nodes they start or release. */
  readMessageFlows(processScopeOf: Map<ModdleElement, number>): void {
    const collaborations = rootElements(this.definitions).filter((r) => r.$type === 'bpmn:Collaboration');
    for (const collaboration of collaborations) {
      for (const mf of (collaboration.messageFlows as ModdleElement[] | undefined) ?? []) {
        const id = mf.id ?? `messageFlow${this.messageFlows.length}`;
        this.remember(id, mf.name);
        const source = mf.sourceRef ? (this.nodeOf.get(mf.sourceRef) ?? -1) : -1;
        let target = mf.targetRef ? (this.nodeOf.get(mf.targetRef) ?? -1) : -1;
        let targetProcessScope = -1;
        if (target < 0 && mf.targetRef?.$type === 'bpmn:Participant' && mf.targetRef.processRef) {
          targetProcessScope = processScopeOf.get(mf.targetRef.processRef) ?? -1;
          if (targetProcessScope >= 0) {
            const start = this.scopes[targetProcessScope]!.starts.find((s) => this.nodes[s]!.event === EventKind.Message);
            if (start !== undefined) target = start;
            else if (this.scopes[targetProcessScope]!.starts.length + this.nodesIn(targetProcessScope) > 0) {
              this.issues.add('message-starts-nothing', id);
            }
          }
        }
        const flow: SimMessageFlow = { index: this.messageFlows.length, id, name: mf.name ?? '', source, target, targetProcessScope, handover: -1, exempt: [] };
        this.messageFlows.push(flow);
        if (source >= 0) this.nodes[source]!.messageOut.push(flow.index);
        if (target >= 0) this.nodes[target]!.messageIn.push(flow.index);
      }
    }
    // Elements that a modelled element sends to wait for that message.
    for (const node of this.nodes) {
      const fromNode = node.messageIn.some((m) => this.messageFlows[m]!.source >= 0);
      if (node.kind === NodeKind.Catch && node.event === EventKind.Message) {
        if (fromNode) node.catchMode = CatchMode.Message;
        else if (getExtension(this.elementOf[node.index], 'ml:Simulation')?.delay == null) this.issues.add('external-event', node.id);
      }
      if (node.kind === NodeKind.Task && node.receives) {
        node.receives = fromNode;
        node.catchMode = fromNode ? CatchMode.Message : CatchMode.Pass;
      }
      if (node.kind === NodeKind.Boundary && node.boundaryTrigger === BoundaryTrigger.Probability && node.event !== EventKind.Compensate) {
        if (node.event === EventKind.Message && fromNode) node.boundaryTrigger = BoundaryTrigger.Message;
        else if (Number.isNaN(node.probability)) {
          this.issues.add('boundary-without-probability', node.id);
          node.probability = 0;
        }
      }
      if (node.kind === NodeKind.Boundary && Number.isNaN(node.probability)) node.probability = 1;
    }
  }

  private nodesIn(scope: number): number {
    let n = 0;
    for (const node of this.nodes) if (node.scope === scope) n++;
    return n;
  }
}

function isFlowNode(el: ModdleElement): boolean {
  const t = el.$type;
  return t.endsWith('Event') || t.endsWith('Gateway') || t.endsWith('Task') || t === 'bpmn:SubProcess' || t === 'bpmn:Transaction' || t === 'bpmn:AdHocSubProcess' || t === 'bpmn:CallActivity';
}

function isCompensationHandler(el: ModdleElement): boolean {
  return el.isForCompensation === true;
}

function nodeKindOf(el: ModdleElement): NodeKind {
  const t = el.$type;
  if (TASK_TYPES.has(t)) return NodeKind.Task;
  switch (t) {
    case 'bpmn:StartEvent':
      return NodeKind.Start;
    case 'bpmn:EndEvent':
      return NodeKind.End;
    case 'bpmn:SubProcess':
    case 'bpmn:Transaction':
      return NodeKind.SubProcess;
    case 'bpmn:ExclusiveGateway':
    case 'bpmn:ComplexGateway':
      return NodeKind.Exclusive;
    case 'bpmn:ParallelGateway':
      return NodeKind.Parallel;
    case 'bpmn:InclusiveGateway':
      return NodeKind.Inclusive;
    case 'bpmn:EventBasedGateway':
      return NodeKind.EventBased;
    case 'bpmn:IntermediateCatchEvent':
      return NodeKind.Catch;
    case 'bpmn:BoundaryEvent':
      return NodeKind.Boundary;
    default:
      return NodeKind.Throw; // intermediate throw events and any other event pass tokens on
  }
}

function rootElements(definitions: ModdleElement): ModdleElement[] {
  return (definitions.rootElements as ModdleElement[] | undefined) ?? [];
}

function cumulative(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) out[i] = s += weights[i]!;
  if (weights.length > 0) out[weights.length - 1] = 1;
  return out;
}

/** Compiles BPMN definitions into the engine's model, with the issues found on the way. */
export function compileModel(definitions: ModdleElement, options: CompileOptions = {}): SimModel {
  const c = new Compiler(definitions, options);
  const roots = rootElements(definitions);
  const processes = roots.filter((r) => r.$type === 'bpmn:Process');
  const processScopeOf = new Map<ModdleElement, number>();
  for (const process of processes) processScopeOf.set(process, c.compileScope(process, 'process', -1, '', true));
  c.readNodeDetails();
  c.readMessageFlows(processScopeOf);
  c.readEventGateways();

  const relations = linkModelRelations(definitions, c.nodes, c.elementOf, c.flows, c.messageFlows);
  c.departments.push(...relations.departments);

  readExemptions(c);
  const triggerScopes = resolveTriggers(c, processes, processScopeOf);
  const { unreachable, upstream } = analyseGraph(c, triggerScopes);
  const valueChain = findValueChain(roots);
  const rules = readRules(valueChain);
  const promise = readPromise(valueChain);
  const arrival = readArrivalInterval(c, triggerScopes);

  if (c.currencies.size > 1) c.issues.add('mixed-currencies', [...c.currencies.keys()].join(', '));
  const currency = [...c.currencies.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'EUR';
  readRates(c, definitions);
  const issues = c.issues.list((id) => c.label(id));
  return {
    nodes: c.nodes,
    flows: c.flows,
    messageFlows: c.messageFlows,
    scopes: c.scopes,
    departments: c.departments,
    handovers: relations.handovers,
    triggerScopes,
    upstream,
    unreachable,
    arrivalIntervalHours: arrival,
    customerPromise: promise,
    hasCustomerSide: c.departments.some((d) => d.customer),
    currency,
    rules,
    exemptions: c.exemptions,
    issues,
    hasErrors: issues.some((i) => i.severity === 'error')
  };
}

function readExemptions(c: Compiler): void {
  const known = new Set<string>(FLAG_KINDS);
  const read = (el: ModdleElement | undefined, id: string, into: string[]) => {
    for (const ex of getExtensions(el, 'ml:Exemption')) {
      const rule = typeof ex.rule === 'string' ? ex.rule.trim() : '';
      if (!known.has(rule)) continue;
      into.push(rule);
      c.exemptions.push({ elementId: id, rule, reason: ex.reason ?? '', by: ex.by ?? '', date: ex.date ?? '' });
    }
  };
  for (const node of c.nodes) read(c.elementOf[node.index], node.id, node.exempt);
  for (const flow of c.flows) read(c.flowElementOf[flow.index], flow.id, flow.exempt);
  const mfElements = new Map<string, ModdleElement>();
  for (const r of rootElements(c.definitions)) for (const mf of (r.messageFlows as ModdleElement[] | undefined) ?? []) if (mf.id) mfElements.set(mf.id, mf);
  for (const mf of c.messageFlows) read(mfElements.get(mf.id), mf.id, mf.exempt);
}

/** Decides where cases begin: per process, the start events no modelled element sends a message to. */
function resolveTriggers(c: Compiler, processes: ModdleElement[], processScopeOf: Map<ModdleElement, number>): number[] {
  const triggerScopes: number[] = [];
  let anyStart = false;
  const fedByMessage: string[] = [];
  for (const process of processes) {
    const scope = c.scopes[processScopeOf.get(process)!]!;
    const starts = scope.starts;
    if (starts.length > 0) anyStart = true;
    else if (c.nodes.some((n) => n.scope === scope.index)) c.issues.add('process-without-start', scope.id);
    for (const s of starts) {
      const node = c.nodes[s]!;
      const fromNode = node.messageIn.some((m) => c.messageFlows[m]!.source >= 0);
      if (fromNode) fedByMessage.push(node.id);
      else scope.triggers.push(s);
    }
    if (scope.triggers.length === 0) continue;
    triggerScopes.push(scope.index);
    const weights = scope.triggers.map((s) => {
      const p = parseDecimal(getExtension(c.elementOf[s], 'ml:Simulation')?.probability);
      return p !== undefined && p >= 0 ? p : NaN;
    });
    if (scope.triggers.length > 1) {
      if (weights.some((w) => Number.isNaN(w))) c.issues.add('several-triggers', scope.id);
      const known = weights.filter((w) => !Number.isNaN(w));
      const sum = known.reduce((a, b) => a + b, 0);
      const missing = weights.length - known.length;
      const fill = missing > 0 ? Math.max(0, 100 - sum) / missing : 0;
      const w = weights.map((v) => (Number.isNaN(v) ? fill : v));
      const total = w.reduce((a, b) => a + b, 0);
      scope.triggerRouting = cumulative(total > 0 ? w.map((v) => v / total) : w.map(() => 1 / w.length));
    } else scope.triggerRouting = cumulative([1]);
  }
  if (c.nodes.length === 0) c.issues.add('nothing-to-run');
  else if (!anyStart) for (const process of processes) c.issues.add('no-start-event', c.scopes[processScopeOf.get(process)!]!.id);
  else if (triggerScopes.length === 0) for (const id of fedByMessage) c.issues.add('no-trigger', id);
  return triggerScopes;
}

/**
 * Graph checks before a run: which nodes no case reaches, which cannot reach an end
 * event of their own scope (dead ends), and for each inclusive join which nodes can
 * still send it a token (the join waits while a token sits on one of them).
 */
function analyseGraph(c: Compiler, triggerScopes: number[]): { unreachable: string[]; upstream: Map<number, Uint8Array> } {
  const n = c.nodes.length;
  // Same-scope successor edges: sequence flows, host → boundary, link throw → catch.
  const next: number[][] = c.nodes.map(() => []);
  for (const f of c.flows) next[f.source]!.push(f.target);
  for (const node of c.nodes) {
    for (const b of node.boundaries) next[node.index]!.push(b);
    if (node.kind === NodeKind.Throw && node.jumpTo >= 0) next[node.index]!.push(node.jumpTo);
  }
  const prev: number[][] = c.nodes.map(() => []);
  next.forEach((targets, source) => targets.forEach((t) => prev[t]!.push(source)));

  // Reachability also follows scope entry, messages and thrown errors.
  const reach = new Uint8Array(n);
  const stack: number[] = [];
  const visit = (i: number) => {
    if (i >= 0 && !reach[i]) {
      reach[i] = 1;
      stack.push(i);
    }
  };
  for (const s of triggerScopes) for (const t of c.scopes[s]!.triggers) visit(t);
  for (const mf of c.messageFlows) if (mf.source < 0) visit(mf.target);
  while (stack.length) {
    const i = stack.pop()!;
    const node = c.nodes[i]!;
    for (const t of next[i]!) visit(t);
    if (node.childScope >= 0) for (const s of c.scopes[node.childScope]!.starts) visit(s);
    for (const m of node.messageOut) visit(c.messageFlows[m]!.target);
    if (node.kind === NodeKind.End && node.jumpTo >= 0) visit(node.jumpTo);
  }
  // Compensation is not simulated: its handlers and boundary events are neither unreachable nor dead ends.
  const compensation = (i: number) => c.nodes[i]!.event === EventKind.Compensate || isCompensationHandler(c.elementOf[i]!);
  const unreachable: string[] = [];
  for (const node of c.nodes) if (!reach[node.index] && !compensation(node.index)) unreachable.push(node.id);

  // Dead ends: nodes from which no end event of the same scope can be reached.
  const toEnd = new Uint8Array(n);
  for (const node of c.nodes) {
    if (node.kind === NodeKind.End) {
      toEnd[node.index] = 1;
      stack.push(node.index);
    }
  }
  while (stack.length) {
    const i = stack.pop()!;
    for (const p of prev[i]!) {
      if (!toEnd[p]) {
        toEnd[p] = 1;
        stack.push(p);
      }
    }
  }
  for (const node of c.nodes) node.deadEnd = !toEnd[node.index] && !compensation(node.index);

  const upstream = new Map<number, Uint8Array>();
  for (const node of c.nodes) {
    if (node.kind !== NodeKind.Inclusive || node.incoming.length < 2) continue;
    const up = new Uint8Array(n);
    for (const f of node.incoming) {
      const s = c.flows[f]!.source;
      if (s !== node.index && !up[s]) {
        up[s] = 1;
        stack.push(s);
      }
    }
    while (stack.length) {
      const i = stack.pop()!;
      for (const p of prev[i]!) {
        if (p !== node.index && !up[p]) {
          up[p] = 1;
          stack.push(p);
        }
      }
    }
    upstream.set(node.index, up);
    c.scopes[node.scope]!.inclusiveJoins.push(node.index);
  }
  return { unreachable, upstream };
}

function findValueChain(roots: ModdleElement[]): ModdleElement | undefined {
  for (const r of roots) if (r.$type === 'bpmn:Collaboration' && getExtension(r, 'ml:ValueChain')) return getExtension(r, 'ml:ValueChain');
  for (const r of roots) if (r.$type === 'bpmn:Process' && getExtension(r, 'ml:ValueChain')) return getExtension(r, 'ml:ValueChain');
  return undefined;
}

function readRules(valueChain: ModdleElement | undefined): Map<string, SimRuleSetting> {
  const rules = new Map<string, SimRuleSetting>();
  for (const s of (valueChain?.ruleSettings as ModdleElement[] | undefined) ?? []) {
    if (typeof s.rule !== 'string') continue;
    const tolerance = parseDecimal(s.tolerance);
    rules.set(s.rule.trim(), { enabled: String(s.enabled ?? 'true').trim().toLowerCase() !== 'false', tolerance: tolerance !== undefined && tolerance > 0 ? tolerance : 0 });
  }
  return rules;
}

function readPromise(valueChain: ModdleElement | undefined): SimCustomerPromise | null {
  const p = valueChain?.customerPromise as ModdleElement | undefined;
  if (!p) return null;
  const measure = typeof p.measure === 'string' ? p.measure.trim() : '';
  const workingDays = String(p.workingDays ?? '').trim().toLowerCase() === 'true';
  let targetHours = NaN;
  if (measure === 'lead-time') {
    const h = parseIsoDuration(typeof p.target === 'string' ? p.target : undefined);
    // Simulated time runs on calendar hours; n working days take n × 7/5 calendar days.
    if (h !== undefined) targetHours = workingDays ? (h * 7) / 5 : h;
  }
  return { text: p.text ?? '', measure, target: p.target ?? '', unit: p.unit ?? '', workingDays, targetHours };
}

/** Arrival interval from the first trigger that states one (ml:simulation arrivalInterval, or a timer start's cycle or duration). */
function readArrivalInterval(c: Compiler, triggerScopes: number[]): number {
  for (const s of triggerScopes) {
    for (const t of c.scopes[s]!.triggers) {
      const el = c.elementOf[t]!;
      const given = parseIsoDuration(getExtension(el, 'ml:Simulation')?.arrivalInterval);
      if (given !== undefined && given > 0) return given;
      const def = ((el.eventDefinitions as ModdleElement[] | undefined) ?? []).find((d) => d.$type === 'bpmn:TimerEventDefinition');
      const cycle = (def?.timeCycle as ModdleElement | undefined)?.body;
      if (typeof cycle === 'string') {
        const h = parseIsoDuration(cycle.split('/').find((part) => /^P/i.test(part.trim()))?.trim());
        if (h !== undefined && h > 0) return h;
      }
      const duration = parseIsoDuration((def?.timeDuration as ModdleElement | undefined)?.body);
      if (duration !== undefined && duration > 0) return duration;
    }
  }
  return NaN;
}

/**
 * The cost of one execution is its hours × the rate of the pool that performs the step
 * (ml:work pool, else the pool of its responsible role) plus ml:work fixedCost; steps
 * that no pool with a rate performs and that have no fixed cost cost nothing.
 */
function readRates(c: Compiler, definitions: ModdleElement): void {
  const capacity = readCapacityInput(definitions);
  for (const node of c.nodes) {
    if (node.kind !== NodeKind.Task && node.kind !== NodeKind.SubProcess) continue;
    // Inlined called processes carry the call's prefix; their steps are read by their own id.
    const spec = capacity.tasks.get(node.id.slice(node.id.lastIndexOf('/') + 1));
    const pool = node.kind === NodeKind.Task ? poolOfTask(spec, capacity.pools) : -1;
    node.ratePerHour = pool >= 0 ? capacity.pools[pool]!.costPerHour : 0;
    node.fixedCost = spec?.fixedCost ?? 0;
    if (spec?.duration && distributionProblem(spec.duration) === null) node.workHours = createSampler(spec.duration).mean;
    if (node.kind === NodeKind.Task && node.ratePerHour === 0 && node.fixedCost === 0) c.issues.add('missing-rate', node.id);
  }
}

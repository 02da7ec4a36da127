/**
 * The compiler's working state for one document: scopes, nodes and flows built from
 * the flow elements, the attribute readers that report what they cannot read, and the
 * message flows between pools.
 */
import { parseIsoDuration } from '../../model/duration';
import type { ModdleElement } from '../../model/moddle-types';
import { getExtension } from '../../model/value-chain/extension';
import {
  BoundaryTrigger,
  CatchMode,
  EventKind,
  LoopKind,
  NodeKind,
  SplitMode,
  type SimDepartment,
  type SimExemption,
  type SimFlow,
  type SimMessageFlow,
  type SimNode,
  type SimScope
} from '../model';
import { EVENT_KINDS, isCompensationHandler, isFlowNode, nodeKindOf, rootElements, ZERO } from './elements';
import { IssueCollector } from './issues';
import { parseDecimal } from '../../model/decimal';
import { LENIENT } from './elements';

/** Options for compileModel. */
export interface CompileOptions {
  /**
   * Finds the process a call activity calls (e.g. in the process library); when it
   * returns one, the call activity runs that process as a sub-process instead of
   * being one step.
   */
  resolveCalledProcess?: (calledElement: string) => ModdleElement | undefined;
}

/** The compiler's working state for one document. */
export class Compiler {
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
    const elements = container.flowElements ?? [];
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
    const defs = el.eventDefinitions ?? [];
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

  /** Hours of an ISO duration attribute; reports unreadable text. */
  hours(id: string, text: unknown): number | undefined {
    if (text == null || text === '') return undefined;
    const h = parseIsoDuration(String(text));
    if (h === undefined) this.issues.add('invalid-duration', id);
    return h;
  }

  number(id: string, text: unknown): number | undefined {
    if (text == null || text === '') return undefined;
    const n = parseDecimal(text, LENIENT);
    if (n === undefined || n < 0) {
      this.issues.add('invalid-number', id);
      return undefined;
    }
    return n;
  }

  /** A percentage attribute as a fraction 0..1; reports values outside 0..100. */
  percent(id: string, text: unknown): number | undefined {
    if (text == null || text === '') return undefined;
    const n = parseDecimal(text, LENIENT);
    if (n === undefined || n < 0 || n > 100) {
      this.issues.add('invalid-probability', id);
      return undefined;
    }
    return n / 100;
  }

  /** Links message flows to the nodes they start or release. */
  readMessageFlows(processScopeOf: Map<ModdleElement, number>): void {
    const collaborations = rootElements(this.definitions).filter((r) => r.$type === 'bpmn:Collaboration');
    for (const collaboration of collaborations) {
      for (const mf of collaboration.messageFlows ?? []) {
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
        const flow: SimMessageFlow = {
          index: this.messageFlows.length,
          id,
          name: mf.name ?? '',
          source,
          target,
          targetProcessScope,
          handover: -1,
          exempt: []
        };
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

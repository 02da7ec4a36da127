import { typeOf, type ModdleElement } from '../../model/moddle-types';
import { readExemptionFacts, type ExemptionFacts } from './facts';

/** BPMN types that are activities (tasks of every kind, sub-processes, call activities). */
const ACTIVITY_TYPES = new Set([
  'bpmn:Task',
  'bpmn:UserTask',
  'bpmn:ServiceTask',
  'bpmn:SendTask',
  'bpmn:ReceiveTask',
  'bpmn:ManualTask',
  'bpmn:BusinessRuleTask',
  'bpmn:ScriptTask',
  'bpmn:SubProcess',
  'bpmn:AdHocSubProcess',
  'bpmn:Transaction',
  'bpmn:CallActivity'
]);

/** Containers whose flow elements belong to the same process (and lane, unless a lane lists them). */
export const SUB_PROCESS_TYPES = new Set(['bpmn:SubProcess', 'bpmn:AdHocSubProcess', 'bpmn:Transaction']);

/** Whether an element is an activity the audit checks. */
export function isActivity(element: ModdleElement): boolean {
  return ACTIVITY_TYPES.has(typeOf(element));
}

/**
 * What an auditable element is, as the walk found it: a collaboration or process
 * (`chain`), an activity, a sequence flow or a message flow. moddle's `$type` is a
 * getter on each element, and reading it costs several cache misses on a large model,
 * so the engine takes the kind from here instead of reading the type again.
 */
export type AuditableKind = 'chain' | 'activity' | 'sequence' | 'message';

/**
 * The semantic elements of a model in document order, without the diagram (DI): one
 * pass over collaborations, pools, message flows, processes, lanes and flow elements
 * (sub-processes included). Cheap enough to repeat after every edit, which is how
 * the session notices created and deleted elements.
 */
export interface ModelWalk {
  /** The elements findings can be about (collaborations, processes, activities, flows), in document order. */
  auditable: ModdleElement[];
  /** The kind of auditable[i], at [i]. */
  kinds: AuditableKind[];
  activities: ModdleElement[];
  /** Sequence flows and message flows, in document order. */
  flows: ModdleElement[];
  messageFlows: ModdleElement[];
  /** Start events directly in a process (not in sub-processes), with their process. */
  startEvents: Array<{ event: ModdleElement; process: ModdleElement }>;
  processes: ModdleElement[];
  /** Every collaboration; the first one is the chain the audit judges. */
  collaborations: ModdleElement[];
  collaboration?: ModdleElement;
  /** Element id → the element and its ml:exemption elements (any element may carry them). */
  exemptions: Map<string, { element: ModdleElement; list: ExemptionFacts[] }>;
  /** With `{ index: true }` only: every element by id, in document order. */
  byId?: Map<string, ModdleElement>;
  /** With `{ index: true }` only: flow node or participant id → the flows that start or end there. */
  flowsOf?: Map<string, ModdleElement[]>;
  /** With `{ find: ids }` only: the elements of those ids that exist (any element type). */
  found?: Map<string, ModdleElement>;
}

/** Whether extension elements hold an ml:exemption (a plain loop: this runs for every element with extensions). */
function hasExemption(extensionElements: ModdleElement): boolean {
  const values = extensionElements.values as ModdleElement[] | undefined;
  if (!values) return false;
  for (let i = 0; i < values.length; i++) if (typeOf(values[i]!) === 'ml:Exemption') return true;
  return false;
}

/** A walk with the lookups the session and the diff need. */
export type IndexedWalk = ModelWalk & Required<Pick<ModelWalk, 'byId' | 'flowsOf'>>;

/**
 * Called for each activity and flow as soon as the walk reaches it, with its place in
 * `auditable`. The full audit evaluates the element there: the walk has just read its
 * extension elements, so they are still in the CPU cache (on a large model, a second
 * pass would have to fetch every element from memory again).
 */
export type AuditableVisitor = (element: ModdleElement, kind: Exclude<AuditableKind, 'chain'>, position: number) => void;

/** Options of walkModel. */
export interface WalkOptions {
  /** The elements of these ids, whatever their type, are collected in `found`. */
  find?: ReadonlySet<string>;
  onAuditable?: AuditableVisitor;
}

/** Walks a model's semantic elements once (see ModelWalk). */
export function walkModel(definitions: ModdleElement, options?: WalkOptions): ModelWalk;
export function walkModel(definitions: ModdleElement, options: { index: true }): IndexedWalk;
export function walkModel(definitions: ModdleElement, options: WalkOptions & { index?: boolean } = {}): ModelWalk {
  const walk: ModelWalk = {
    auditable: [],
    kinds: [],
    activities: [],
    flows: [],
    messageFlows: [],
    startEvents: [],
    processes: [],
    collaborations: [],
    exemptions: new Map()
  };
  const byId = options.index ? (walk.byId = new Map()) : undefined;
  const flowsOf = options.index ? (walk.flowsOf = new Map()) : undefined;
  const wanted = options.find;
  const found = wanted ? (walk.found = new Map()) : undefined;
  const onAuditable = options.onAuditable;
  const visit = (element: ModdleElement | undefined) => {
    if (!element?.id) return;
    byId?.set(element.id, element);
    if (wanted?.has(element.id)) found!.set(element.id, element);
    if (element.extensionElements && hasExemption(element.extensionElements)) {
      walk.exemptions.set(element.id, { element, list: readExemptionFacts(element) });
    }
  };
  const flow = (element: ModdleElement, kind: 'sequence' | 'message') => {
    walk.flows.push(element);
    walk.kinds.push(kind);
    const position = walk.auditable.push(element) - 1;
    onAuditable?.(element, kind, position);
    if (!flowsOf) return;
    for (const end of [element.sourceRef, element.targetRef] as Array<ModdleElement | undefined>) {
      if (!end?.id) continue;
      const list = flowsOf.get(end.id);
      if (list) list.push(element);
      else flowsOf.set(end.id, [element]);
    }
  };
  const lanes = (laneSets: ModdleElement[] | undefined) => {
    for (const laneSet of laneSets ?? []) {
      for (const lane of laneSet.lanes ?? []) {
        visit(lane);
        const child = lane.childLaneSet as ModdleElement | undefined;
        if (child) lanes([child]);
      }
    }
  };
  const flowElements = (container: ModdleElement, process: ModdleElement) => {
    for (const element of container.flowElements ?? []) {
      if (!element.id) continue;
      visit(element);
      const type = typeOf(element);
      if (type === 'bpmn:SequenceFlow') flow(element, 'sequence');
      else if (ACTIVITY_TYPES.has(type)) {
        walk.activities.push(element);
        walk.kinds.push('activity');
        const position = walk.auditable.push(element) - 1;
        onAuditable?.(element, 'activity', position);
        if (SUB_PROCESS_TYPES.has(type)) flowElements(element, process);
      } else if (type === 'bpmn:StartEvent' && container === process) walk.startEvents.push({ event: element, process });
    }
  };

  for (const root of definitions.rootElements ?? []) {
    if (!root.id) continue;
    const type = typeOf(root);
    if (type === 'bpmn:Collaboration') {
      visit(root);
      walk.auditable.push(root);
      walk.kinds.push('chain');
      walk.collaborations.push(root);
      walk.collaboration ??= root;
      for (const participant of root.participants ?? []) visit(participant);
      for (const messageFlow of root.messageFlows ?? []) {
        if (!messageFlow.id) continue;
        visit(messageFlow);
        walk.messageFlows.push(messageFlow);
        flow(messageFlow, 'message');
      }
    } else if (type === 'bpmn:Process') {
      visit(root);
      walk.auditable.push(root);
      walk.kinds.push('chain');
      walk.processes.push(root);
      lanes(root.laneSets as ModdleElement[] | undefined);
      flowElements(root, root);
    }
  }
  return walk;
}

/** The collaborations and processes of a model, as walkModel lists them (without walking the rest). */
export function chainCarriers(definitions: ModdleElement): Pick<ModelWalk, 'collaborations' | 'processes'> {
  const carriers: Pick<ModelWalk, 'collaborations' | 'processes'> = { collaborations: [], processes: [] };
  for (const root of definitions.rootElements ?? []) {
    if (!root.id) continue;
    const type = typeOf(root);
    if (type === 'bpmn:Collaboration') carriers.collaborations.push(root);
    else if (type === 'bpmn:Process') carriers.processes.push(root);
  }
  return carriers;
}

/** Every flow node and flow inside a sub-process (at any depth). */
export function descendantsOf(subProcess: ModdleElement): ModdleElement[] {
  const out: ModdleElement[] = [];
  const stack = [subProcess];
  while (stack.length > 0) {
    const container = stack.pop()!;
    for (const element of container.flowElements ?? []) {
      out.push(element);
      if (SUB_PROCESS_TYPES.has(typeOf(element))) stack.push(element);
    }
  }
  return out;
}

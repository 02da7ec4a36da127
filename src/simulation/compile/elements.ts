/** How BPMN element types map onto the engine's node and event kinds. */
import type { DecimalOptions } from '../../model/decimal';
import type { ModdleElement } from '../../model/moddle-types';
import { EventKind, NodeKind, type DurationSpec } from '../model';

/** BPMN types the engine runs as one step. */
export const TASK_TYPES = new Set([
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

/** Event definition type → the engine's event kind. */
export const EVENT_KINDS: Record<string, EventKind> = {
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

/** True for nodes that do work (tasks and sub-processes). */
export const isActivityKind = (k: NodeKind) => k === NodeKind.Task || k === NodeKind.SubProcess;

/** True for the flow elements that become nodes (events, gateways, activities). */
export function isFlowNode(el: ModdleElement): boolean {
  const t = el.$type;
  return (
    t.endsWith('Event') ||
    t.endsWith('Gateway') ||
    t.endsWith('Task') ||
    t === 'bpmn:SubProcess' ||
    t === 'bpmn:Transaction' ||
    t === 'bpmn:AdHocSubProcess' ||
    t === 'bpmn:CallActivity'
  );
}

/** True for an activity that only runs to compensate another. */
export function isCompensationHandler(el: ModdleElement): boolean {
  return el.isForCompensation === true;
}

/** The engine's node kind for a flow element. */
export function nodeKindOf(el: ModdleElement): NodeKind {
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

/** The root elements of the definitions, empty when there are none. */
export function rootElements(definitions: ModdleElement): ModdleElement[] {
  return definitions.rootElements ?? [];
}

/** Running sums of weights, the last forced to exactly 1 so a draw always lands. */
export function cumulative(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) out[i] = s += weights[i]!;
  if (weights.length > 0) out[weights.length - 1] = 1;
  return out;
}

/** The duration of a step that takes no time. */
export const ZERO: DurationSpec = { min: 0, mode: 0, max: 0 };

/** The simulation reads hand-edited numbers leniently: a decimal comma is accepted ("12,5"). */
export const LENIENT: DecimalOptions = { comma: true };

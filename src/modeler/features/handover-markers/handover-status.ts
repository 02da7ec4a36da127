import type { ModdleElement } from '../../../model/moddle-types';
import { readAgreement } from '../../../model/handovers';
import { getExtension } from '../../../model/value-chain/extension';

/*
 * The handover rule of src/model/handovers.ts, applied to one flow of a model that
 * bpmn-js keeps up to date while the user edits: bpmn-js fills `flowNode.lanes` on
 * import and keeps it (and `lane.flowNodeRef`) in step on every move, so a single
 * flow can be classified without indexing the whole model. The outcome must be the
 * same as findHandovers() on the saved file, so browser and command line agree:
 *  - a sequence flow is a handover when its source and target lie in different
 *    innermost lanes (a node listed in no lane takes the lane of its sub-process);
 *  - a message flow is a handover when it connects different pools.
 */

/** How a handover is marked on the canvas: by the status of its agreement. */
export type HandoverMark = 'agreed' | 'draft' | 'under-review' | 'missing';

/** A flow that is a handover, as the canvas marks it. */
export interface CanvasHandover {
  flowId: string;
  kind: 'sequence' | 'message';
  /** Display name of the providing lane or pool. */
  from: string;
  /** Display name of the receiving lane or pool. */
  to: string;
  mark: HandoverMark;
}

/** Classifies a sequence or message flow: the handover it is, or null when it is none. */
export function classifyFlow(flow: ModdleElement): CanvasHandover | null {
  if (!flow.id) return null;
  const source = flow.sourceRef as ModdleElement | undefined;
  const target = flow.targetRef as ModdleElement | undefined;
  if (!source || !target) return null;

  let from: ModdleElement | undefined;
  let to: ModdleElement | undefined;
  let kind: CanvasHandover['kind'];
  if (flow.$type === 'bpmn:SequenceFlow') {
    kind = 'sequence';
    from = laneOf(source);
    to = laneOf(target);
  } else if (flow.$type === 'bpmn:MessageFlow') {
    kind = 'message';
    from = poolOf(source, flow.$parent);
    to = poolOf(target, flow.$parent);
  } else {
    return null;
  }
  if (!from || !to || from === to) return null;

  const agreement = readAgreement(flow);
  const mark: HandoverMark = agreement ? (agreement.status ?? 'draft') : 'missing';
  return { flowId: flow.id, kind, from: laneName(from), to: laneName(to), mark };
}

/** The innermost lane a flow node lies in (as src/model/lanes.ts decides), if any. */
export function laneOf(node: ModdleElement): ModdleElement | undefined {
  for (let current: ModdleElement | undefined = node; current; current = current.$parent) {
    const lanes = current.lanes as ModdleElement[] | undefined;
    if (lanes && lanes.length > 0) return innermost(lanes);
    // A node that no lane lists takes the lane of the sub-process around it.
    if (!SUB_PROCESS_TYPES.has(current.$parent?.$type ?? '')) return undefined;
  }
  return undefined;
}

/** The pool (participant) an element lies in: the participant itself, or the one drawing its process. */
export function poolOf(element: ModdleElement, collaboration: ModdleElement | undefined): ModdleElement | undefined {
  if (element.$type === 'bpmn:Participant') return element;
  let process: ModdleElement | undefined = element;
  while (process && process.$type !== 'bpmn:Process') process = process.$parent;
  if (!process) return undefined;
  const participants = collaboration?.participants ?? [];
  return participants.find((p) => p.processRef === process);
}

const SUB_PROCESS_TYPES = new Set(['bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);

function innermost(lanes: ModdleElement[]): ModdleElement {
  let best = lanes[0]!;
  let bestDepth = depthOf(best);
  for (let i = 1; i < lanes.length; i++) {
    const depth = depthOf(lanes[i]!);
    if (depth >= bestDepth) {
      best = lanes[i]!;
      bestDepth = depth;
    }
  }
  return best;
}

/** 0 for a lane in the process's own lane set, one more per enclosing lane. */
function depthOf(lane: ModdleElement): number {
  let depth = 0;
  for (let parent = lane.$parent?.$parent; parent?.$type === 'bpmn:Lane'; parent = parent.$parent?.$parent) depth++;
  return depth;
}

/** What the user calls a lane or pool: its name, else its department's name, else its id. */
export function laneName(element: ModdleElement): string {
  const name = (element.name as string | undefined)?.trim();
  if (name) return name;
  const department = (getExtension(element, 'ml:Department')?.name as string | undefined)?.trim();
  return department || element.id || '?';
}

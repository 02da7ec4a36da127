import type { ModdleElement } from './moddle-types';

/** A lane with where it sits: its process, its pool and the lane it is nested in. */
export interface LaneInfo {
  id: string;
  name?: string;
  element: ModdleElement;
  processId: string;
  participantId?: string;
  parentLaneId?: string;
  /** 0 for a lane directly in the process's lane set, 1 for a lane inside it, … */
  depth: number;
}

/** A pool: a participant of a collaboration, collapsed when it has no process. */
export interface ParticipantInfo {
  id: string;
  name?: string;
  element: ModdleElement;
  processId?: string;
}

/**
 * Who belongs where in a plainly parsed model (no bpmn-js importer, so flowNode.lanes
 * is not filled): lanes from their flowNodeRef lists, processes from containment,
 * pools from participant.processRef. Built once, in time linear in the model size.
 */
export interface LaneIndex {
  lanes: Map<string, LaneInfo>;
  participants: Map<string, ParticipantInfo>;
  /** Flow node id → id of the innermost lane holding it (or holding its enclosing sub-process). */
  laneOfNode: Map<string, string>;
  /** Flow element id (nodes and flows, sub-process contents included) → process id. */
  processOfElement: Map<string, string>;
  /** Process id → id of the participant (pool) it is drawn in. */
  participantOfProcess: Map<string, string>;
  /** Process ids that have at least one lane. */
  processesWithLanes: Set<string>;
}

/** Builds the lane, process and pool membership of every flow element. */
export function indexLanes(definitions: ModdleElement): LaneIndex {
  const index: LaneIndex = {
    lanes: new Map(),
    participants: new Map(),
    laneOfNode: new Map(),
    processOfElement: new Map(),
    participantOfProcess: new Map(),
    processesWithLanes: new Set()
  };
  const rootElements = (definitions.rootElements as ModdleElement[] | undefined) ?? [];

  for (const root of rootElements) {
    if (root.$type !== 'bpmn:Collaboration') continue;
    for (const participant of (root.participants as ModdleElement[] | undefined) ?? []) {
      const processId = (participant.processRef as ModdleElement | undefined)?.id;
      index.participants.set(participant.id!, { id: participant.id!, name: participant.name, element: participant, processId });
      if (processId && !index.participantOfProcess.has(processId)) index.participantOfProcess.set(processId, participant.id!);
    }
  }

  for (const root of rootElements) {
    if (root.$type !== 'bpmn:Process' || !root.id) continue;
    const processId = root.id;
    const participantId = index.participantOfProcess.get(processId);

    // Lanes, deepest last, so that the innermost lane listing a node wins.
    const laneDepth = new Map<string, number>();
    const visitLaneSet = (laneSet: ModdleElement | undefined, parentLaneId: string | undefined, depth: number) => {
      for (const lane of (laneSet?.lanes as ModdleElement[] | undefined) ?? []) {
        if (!lane.id) continue;
        index.lanes.set(lane.id, { id: lane.id, name: lane.name, element: lane, processId, participantId, parentLaneId, depth });
        index.processesWithLanes.add(processId);
        for (const node of (lane.flowNodeRef as ModdleElement[] | undefined) ?? []) {
          const current = node?.id ? laneDepth.get(node.id) : undefined;
          if (node?.id && (current === undefined || current < depth)) {
            index.laneOfNode.set(node.id, lane.id);
            laneDepth.set(node.id, depth);
          }
        }
        visitLaneSet(lane.childLaneSet as ModdleElement | undefined, lane.id, depth + 1);
      }
    };
    for (const laneSet of (root.laneSets as ModdleElement[] | undefined) ?? []) visitLaneSet(laneSet, undefined, 0);

    // Flow elements, sub-processes included: a node not listed in any lane takes
    // the lane of the sub-process around it.
    const stack: Array<{ container: ModdleElement; lane?: string }> = [{ container: root }];
    while (stack.length > 0) {
      const { container, lane } = stack.pop()!;
      for (const element of (container.flowElements as ModdleElement[] | undefined) ?? []) {
        if (!element.id) continue;
        index.processOfElement.set(element.id, processId);
        let own = index.laneOfNode.get(element.id);
        if (own === undefined && lane !== undefined && !isFlow(element)) {
          index.laneOfNode.set(element.id, lane);
          own = lane;
        }
        if (element.flowElements) stack.push({ container: element, lane: own });
      }
    }
  }
  return index;
}

/** The id of the pool an element lies in: the participant itself, or the pool of its process. */
export function participantOf(index: LaneIndex, element: ModdleElement | undefined): string | undefined {
  if (!element?.id) return undefined;
  if (element.$type === 'bpmn:Participant') return element.id;
  const processId = index.processOfElement.get(element.id);
  return processId ? index.participantOfProcess.get(processId) : undefined;
}

function isFlow(element: ModdleElement): boolean {
  return element.$type === 'bpmn:SequenceFlow';
}

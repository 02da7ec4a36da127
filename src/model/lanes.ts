import { typeOf, type ModdleElement } from './moddle-types';

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
 * is not filled): lanes from their flowNodeRef lists, pools from participant.processRef.
 * Built once, in time linear in the model size; lookups for elements inside
 * sub-processes climb the `$parent` chain that moddle sets while parsing.
 */
export interface LaneIndex {
  lanes: Map<string, LaneInfo>;
  participants: Map<string, ParticipantInfo>;
  /** Flow node id → id of the innermost lane whose flowNodeRef lists it. */
  laneOfNode: Map<string, string>;
  /**
   * The same by the node object itself, for laneOf: a lookup by object needs neither
   * the node's id (a property read on a cold element of a large model) nor a string
   * comparison. Left out when two listed objects share an id, where only the lookup
   * by id gives what it always gave.
   */
  laneOfElement?: Map<ModdleElement, LaneInfo>;
  /** Process id → id of the participant (pool) it is drawn in. */
  participantOfProcess: Map<string, string>;
}

/** Builds the lane and pool membership of a model's flow nodes. */
export function indexLanes(definitions: ModdleElement): LaneIndex {
  const laneOfElement = new Map<ModdleElement, LaneInfo>();
  const index: LaneIndex = { lanes: new Map(), participants: new Map(), laneOfNode: new Map(), laneOfElement, participantOfProcess: new Map() };
  const rootElements = definitions.rootElements ?? [];
  let laneCount = 0;

  for (const root of rootElements) {
    if (typeOf(root) !== 'bpmn:Collaboration') continue;
    for (const participant of root.participants ?? []) {
      const processId = participant.processRef?.id;
      index.participants.set(participant.id!, { id: participant.id!, name: participant.name, element: participant, processId });
      if (processId && !index.participantOfProcess.has(processId)) index.participantOfProcess.set(processId, participant.id!);
    }
  }

  for (const root of rootElements) {
    if (typeOf(root) !== 'bpmn:Process' || !root.id) continue;
    const processId = root.id;
    const participantId = index.participantOfProcess.get(processId);
    // Breadth first, one nesting level after the other: a deeper lane listing the
    // same node overwrites its parent lane, so the innermost lane wins.
    let level: Array<{ lane: ModdleElement; parentLaneId?: string }> = [];
    for (const laneSet of root.laneSets ?? []) {
      for (const lane of laneSet.lanes ?? []) level.push({ lane });
    }
    for (let depth = 0; level.length > 0; depth++) {
      const next: typeof level = [];
      for (const { lane, parentLaneId } of level) {
        if (!lane.id) continue;
        const info: LaneInfo = { id: lane.id, name: lane.name, element: lane, processId, participantId, parentLaneId, depth };
        index.lanes.set(lane.id, info);
        laneCount++;
        for (const node of lane.flowNodeRef ?? []) {
          const nodeId = node?.id;
          if (!nodeId) continue;
          index.laneOfNode.set(nodeId, lane.id);
          laneOfElement.set(node, info);
        }
        const children = lane.childLaneSet?.lanes as ModdleElement[] | undefined;
        for (const child of children ?? []) next.push({ lane: child, parentLaneId: lane.id });
      }
      level = next;
    }
  }
  // More listed objects than listed ids, or more lanes than lane ids: two share an id.
  if (laneOfElement.size !== index.laneOfNode.size || laneCount !== index.lanes.size) index.laneOfElement = undefined;
  return index;
}

/**
 * The innermost lane of a flow node; a node inside a sub-process that no lane lists
 * belongs to the lane of the sub-process around it.
 */
export function laneOf(index: LaneIndex, node: ModdleElement | undefined): LaneInfo | undefined {
  // A listed node (every node of a well-drawn model) is found by object; the lookup
  // by id below serves the rest: nodes inside sub-processes, nodes of no lane.
  const listed = node && index.laneOfElement?.get(node);
  if (listed) return listed;
  for (let current = node; current?.id; current = current.$parent) {
    const laneId = index.laneOfNode.get(current.id);
    if (laneId !== undefined) return index.lanes.get(laneId);
    const parentType = current.$parent && typeOf(current.$parent);
    if (parentType !== 'bpmn:SubProcess' && parentType !== 'bpmn:Transaction' && parentType !== 'bpmn:AdHocSubProcess') {
      return undefined;
    }
  }
  return undefined;
}

/** The process a flow element belongs to (through any sub-processes around it). */
export function processOf(element: ModdleElement | undefined): ModdleElement | undefined {
  for (let current = element?.$parent; current; current = current.$parent) {
    if (typeOf(current) === 'bpmn:Process') return current;
  }
  return undefined;
}

/** The id of the pool an element lies in: the participant itself, or the pool of its process. */
export function participantOf(index: LaneIndex, element: ModdleElement | undefined): string | undefined {
  if (!element?.id) return undefined;
  if (typeOf(element) === 'bpmn:Participant') return element.id;
  const processId = processOf(element)?.id;
  return processId ? index.participantOfProcess.get(processId) : undefined;
}

import type { ModdleElement } from '../../../src/model/moddle-types';

/*
 * Checks on the diagram interchange (DI) of a parsed BPMN file, written for the
 * sample processes and the benchmark generator: is every element drawn, does any
 * shape cover another, does a flow run through a shape it does not connect? They
 * read only bpmn-moddle's tree, so they run in node without a renderer.
 */

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface DrawnShape extends Box {
  element: ModdleElement;
}

interface DrawnLabel extends Box {
  /** The shape or flow the label names. */
  owner: ModdleElement;
}

const CONTAINER_TYPES = new Set(['bpmn:Participant', 'bpmn:Lane', 'bpmn:SubProcess', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);

/** The processes of a definitions element, in file order. */
export function processesOf(definitions: ModdleElement): ModdleElement[] {
  return (definitions.rootElements ?? []).filter((e: ModdleElement) => e.$type === 'bpmn:Process');
}

/** The collaboration of a definitions element, if it has one. */
export function collaborationOf(definitions: ModdleElement): ModdleElement | undefined {
  return (definitions.rootElements ?? []).find((e: ModdleElement) => e.$type === 'bpmn:Collaboration');
}

/** Every flow element of a container (process or subprocess), subprocess contents included. */
export function allFlowElements(container: ModdleElement): ModdleElement[] {
  const out: ModdleElement[] = [];
  for (const e of (container.flowElements ?? []) as ModdleElement[]) {
    out.push(e);
    if (e.flowElements) out.push(...allFlowElements(e));
  }
  return out;
}

/** Every lane of a process, nested lanes included. */
export function allLanes(process: ModdleElement): ModdleElement[] {
  const out: ModdleElement[] = [];
  const visit = (laneSet: ModdleElement | undefined) => {
    for (const lane of (laneSet?.lanes ?? []) as ModdleElement[]) {
      out.push(lane);
      visit(lane.childLaneSet);
    }
  };
  for (const laneSet of (process.laneSets ?? []) as ModdleElement[]) visit(laneSet);
  return out;
}

/**
 * The innermost lane of every flow node listed in a lane's flowNodeRef (a plain
 * bpmn-moddle parse does not fill flowNode.lanes, so the lanes' lists are the truth).
 */
export function innermostLanes(process: ModdleElement): Map<ModdleElement, ModdleElement> {
  const laneOf = new Map<ModdleElement, ModdleElement>();
  const depth = (lane: ModdleElement) => {
    let d = 0;
    for (let p = lane.$parent; p; p = p.$parent) if (p.$type === 'bpmn:Lane') d++;
    return d;
  };
  for (const lane of allLanes(process)) {
    for (const node of (lane.flowNodeRef ?? []) as ModdleElement[]) {
      const known = laneOf.get(node);
      if (!known || depth(lane) > depth(known)) laneOf.set(node, lane);
    }
  }
  return laneOf;
}

/** The sequence flows whose source and target lie in different lanes of one pool. */
export function laneCrossingFlows(process: ModdleElement): ModdleElement[] {
  const laneOf = innermostLanes(process);
  return allFlowElements(process).filter((e) => {
    if (e.$type !== 'bpmn:SequenceFlow') return false;
    const from = laneOf.get(e.sourceRef!);
    const to = laneOf.get(e.targetRef!);
    return from !== undefined && to !== undefined && from !== to;
  });
}

function diagramElements(definitions: ModdleElement): ModdleElement[] {
  return ((definitions.diagrams ?? []) as ModdleElement[]).flatMap((d) => (d.plane?.planeElement ?? []) as ModdleElement[]);
}

/** Ids of participants, lanes, flow nodes and flows that have no shape or edge in the diagram. */
export function undrawnElements(definitions: ModdleElement): string[] {
  const drawn = new Set<ModdleElement>();
  for (const di of diagramElements(definitions)) {
    if (di.$type === 'bpmndi:BPMNShape' && di.bounds) drawn.add(di.bpmnElement!);
    if (di.$type === 'bpmndi:BPMNEdge' && (di.waypoint?.length ?? 0) >= 2) drawn.add(di.bpmnElement!);
  }
  const expected: ModdleElement[] = [];
  const collaboration = collaborationOf(definitions);
  expected.push(...((collaboration?.participants ?? []) as ModdleElement[]), ...((collaboration?.messageFlows ?? []) as ModdleElement[]));
  for (const process of processesOf(definitions)) {
    expected.push(...allLanes(process));
    expected.push(...allFlowElements(process).filter((e) => e.$type === 'bpmn:SequenceFlow' || isFlowNode(e)));
  }
  return expected.filter((e) => !drawn.has(e)).map((e) => e.id ?? e.$type);
}

/** Ids of lanes and pools whose shape is not marked isHorizontal="true". */
export function notHorizontal(definitions: ModdleElement): string[] {
  return diagramElements(definitions)
    .filter((di) => di.$type === 'bpmndi:BPMNShape' && ['bpmn:Lane', 'bpmn:Participant'].includes(di.bpmnElement?.$type ?? '') && di.isHorizontal !== true)
    .map((di) => di.bpmnElement!.id ?? di.bpmnElement!.$type);
}

function isFlowNode(e: ModdleElement): boolean {
  return /Event$|Gateway$|Task$|^bpmn:SubProcess$|^bpmn:Transaction$|^bpmn:CallActivity$|^bpmn:AdHocSubProcess$/.test(e.$type);
}

function shapes(definitions: ModdleElement): DrawnShape[] {
  return diagramElements(definitions)
    .filter((di) => di.$type === 'bpmndi:BPMNShape' && di.bounds && di.bpmnElement)
    .map((di) => ({ element: di.bpmnElement!, ...boxOf(di.bounds!) }));
}

function labels(definitions: ModdleElement): DrawnLabel[] {
  return diagramElements(definitions)
    .filter((di) => di.label?.bounds && di.bpmnElement)
    .map((di) => ({ owner: di.bpmnElement!, ...boxOf(di.label!.bounds!) }));
}

function boxOf(bounds: ModdleElement): Box {
  return { x: Number(bounds.x), y: Number(bounds.y), width: Number(bounds.width), height: Number(bounds.height) };
}

/** True when two boxes share interior area (touching edges do not count). */
function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The elements a shape may legitimately lie inside: its pool, lanes, enclosing
 * subprocesses and, for a boundary event, its host and the host's containers.
 */
function containersOf(definitions: ModdleElement): (element: ModdleElement) => Set<ModdleElement> {
  const collaboration = collaborationOf(definitions);
  const poolOf = new Map<ModdleElement, ModdleElement>();
  for (const p of (collaboration?.participants ?? []) as ModdleElement[]) if (p.processRef) poolOf.set(p.processRef, p);
  const laneMaps = new Map<ModdleElement, Map<ModdleElement, ModdleElement>>();
  for (const process of processesOf(definitions)) laneMaps.set(process, innermostLanes(process));

  const processOf = (e: ModdleElement): ModdleElement | undefined => {
    let p = e.$parent;
    while (p && p.$type !== 'bpmn:Process') p = p.$parent;
    return p;
  };
  const addLaneChain = (out: Set<ModdleElement>, lane: ModdleElement | undefined) => {
    for (let l = lane; l; l = l.$parent?.$parent?.$type === 'bpmn:Lane' ? l.$parent.$parent : undefined) out.add(l);
  };
  const containers = (e: ModdleElement): Set<ModdleElement> => {
    const out = new Set<ModdleElement>();
    if (e.$type === 'bpmn:Participant') return out;
    const process = processOf(e);
    if (process && poolOf.has(process)) out.add(poolOf.get(process)!);
    if (e.$type === 'bpmn:Lane') {
      addLaneChain(out, e.$parent?.$parent?.$type === 'bpmn:Lane' ? e.$parent.$parent : undefined);
      return out;
    }
    if (e.$type === 'bpmn:BoundaryEvent' && e.attachedToRef) {
      out.add(e.attachedToRef);
      for (const c of containers(e.attachedToRef)) out.add(c);
    }
    let top = e;
    for (let p = e.$parent; p && p.$type !== 'bpmn:Process'; p = p.$parent) {
      if (CONTAINER_TYPES.has(p.$type)) {
        out.add(p);
        top = p;
      }
    }
    if (process) addLaneChain(out, laneMaps.get(process)?.get(e) ?? laneMaps.get(process)?.get(top));
    return out;
  };
  return containers;
}

/**
 * Pairs of shapes that overlap although neither contains the other: lanes inside
 * their pool, nodes inside their lane or expanded subprocess and boundary events on
 * their host are expected; anything else is a drawing a reader cannot untangle.
 */
export function overlappingShapes(definitions: ModdleElement): string[] {
  const all = shapes(definitions);
  const containers = containersOf(definitions);
  const found: string[] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      if (!overlap(a, b)) continue;
      if (containers(a.element).has(b.element) || containers(b.element).has(a.element)) continue;
      found.push(`${a.element.id} × ${b.element.id}`);
    }
  }
  return found;
}

/** Labels that cover a flow node, or another label; labels on pools, lanes and subprocess areas are fine. */
export function coveredByLabels(definitions: ModdleElement): string[] {
  const nodes = shapes(definitions).filter((s) => !CONTAINER_TYPES.has(s.element.$type));
  const all = labels(definitions);
  const found: string[] = [];
  for (const [i, label] of all.entries()) {
    for (const node of nodes) {
      if (node.element !== label.owner && overlap(label, node)) found.push(`label of ${label.owner.id} × ${node.element.id}`);
    }
    for (const other of all.slice(i + 1)) {
      if (overlap(label, other)) found.push(`label of ${label.owner.id} × label of ${other.owner.id}`);
    }
  }
  return found;
}

/**
 * Flows drawn through a flow node or a label they do not belong to, and flows
 * with a slanted segment; the samples are drawn with right angles only.
 */
export function untidyFlows(definitions: ModdleElement): string[] {
  const nodes = shapes(definitions).filter((s) => !CONTAINER_TYPES.has(s.element.$type));
  const allLabels = labels(definitions);
  const found: string[] = [];
  for (const di of diagramElements(definitions)) {
    if (di.$type !== 'bpmndi:BPMNEdge') continue;
    const flow = di.bpmnElement as ModdleElement;
    const ends = new Set<ModdleElement | undefined>([flow.sourceRef, flow.targetRef]);
    for (const end of [flow.sourceRef, flow.targetRef] as ModdleElement[]) if (end?.attachedToRef) ends.add(end.attachedToRef);
    const points = (di.waypoint ?? []) as Array<{ x: number; y: number }>;
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k]!;
      const b = points[k + 1]!;
      if (a.x !== b.x && a.y !== b.y) found.push(`${flow.id} has a slanted segment`);
      const segment = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x) || 0.01, height: Math.abs(a.y - b.y) || 0.01 };
      for (const node of nodes) {
        if (ends.has(node.element) || ends.has(node.element.attachedToRef!)) continue;
        const inside = { x: node.x + 1, y: node.y + 1, width: node.width - 2, height: node.height - 2 };
        if (overlap(segment, inside)) found.push(`${flow.id} runs through ${node.element.id}`);
      }
      for (const label of allLabels) {
        if (label.owner !== flow && overlap(segment, label)) found.push(`${flow.id} runs through the label of ${label.owner.id}`);
      }
    }
  }
  return [...new Set(found)];
}

import type { ModdleElement } from '../../../../src/model/moddle-types';
import { indexLanes, laneOf } from '../../../../src/model/lanes';
import { contains, isA, onBorder, overlaps, type Bounds, type Point } from '../../../../src/model/layout/geometry';

/*
 * What a reader of an automatically laid-out diagram relies on, checked on the DI of
 * a parsed file, plane by plane (bpmn-js shows the content of a collapsed
 * sub-process on a plane of its own): every flow node is drawn, nodes sit inside
 * their lane and pool, no two shapes cover each other, and every line starts on the
 * border of its source and ends on the border of its target.
 */

/** One diagram plane: the element it shows and its shapes and lines. */
export interface PlaneView {
  root: ModdleElement;
  shapes: Map<ModdleElement, Bounds>;
  edges: Map<ModdleElement, Point[]>;
}

/** The planes of a file, in diagram order. */
export function planesOf(definitions: ModdleElement): PlaneView[] {
  return ((definitions.diagrams ?? []) as ModdleElement[]).map((diagram) => {
    const shapes = new Map<ModdleElement, Bounds>();
    const edges = new Map<ModdleElement, Point[]>();
    for (const di of (diagram.plane?.planeElement ?? []) as ModdleElement[]) {
      if (!di.bpmnElement) continue;
      if (di.$type === 'bpmndi:BPMNShape' && di.bounds) {
        const { x, y, width, height } = di.bounds;
        shapes.set(di.bpmnElement, { x: Number(x), y: Number(y), width: Number(width), height: Number(height) });
      } else if (di.$type === 'bpmndi:BPMNEdge') {
        edges.set(di.bpmnElement, ((di.waypoint ?? []) as ModdleElement[]).map((p) => ({ x: Number(p.x), y: Number(p.y) })));
      }
    }
    return { root: diagram.plane!.bpmnElement!, shapes, edges };
  });
}

/** The two elements a line connects, as bpmn-js draws it. */
export function endsOf(connection: ModdleElement): [ModdleElement | undefined, ModdleElement | undefined] {
  if (isA(connection, 'bpmn:DataInputAssociation')) return [(connection.sourceRef as unknown as ModdleElement[] | undefined)?.[0], connection.$parent];
  if (isA(connection, 'bpmn:DataOutputAssociation')) return [connection.$parent, connection.targetRef];
  return [connection.sourceRef, connection.targetRef];
}

/**
 * Flow nodes of the processes a diagram should show (pools of the collaboration, or
 * the process), nested ones included; like bpmn-js, a process no pool refers to
 * counts only when it has lanes.
 */
export function flowNodesToDraw(definitions: ModdleElement): ModdleElement[] {
  const roots = (definitions.rootElements ?? []) as ModdleElement[];
  const collaboration = roots.find((r) => isA(r, 'bpmn:Collaboration') && r.participants?.length);
  const processes = collaboration
    ? [
        ...new Set([
          ...((collaboration.participants ?? []) as ModdleElement[]).map((p) => p.processRef).filter(Boolean),
          ...roots.filter((r) => isA(r, 'bpmn:Process') && r.laneSets && r.flowElements?.length)
        ])
      ]
    : roots.filter((r) => isA(r, 'bpmn:Process')).slice(0, 1);
  const out: ModdleElement[] = [];
  const stack = [...processes];
  while (stack.length) {
    const container = stack.pop()!;
    for (const element of (container.flowElements ?? []) as ModdleElement[]) {
      if (!element.id || !isA(element, 'bpmn:FlowNode')) continue;
      out.push(element);
      if (element.flowElements?.length) stack.push(element);
    }
  }
  return out;
}

function isInside(element: ModdleElement, container: ModdleElement): boolean {
  for (let p = element.attachedToRef ?? element.$parent; p; p = p.attachedToRef ?? p.$parent) if (p === container) return true;
  return false;
}

function processOf(element: ModdleElement): ModdleElement | undefined {
  for (let p = element.$parent; p; p = p.$parent) if (isA(p, 'bpmn:Process')) return p;
  return undefined;
}

/** Every broken promise of the layout, as a readable sentence; empty when the diagram is sound. */
export function layoutProblems(definitions: ModdleElement): string[] {
  const problems: string[] = [];
  const planes = planesOf(definitions);
  const drawn = new Set<ModdleElement>(planes.flatMap((p) => [...p.shapes.keys()]));
  for (const node of flowNodesToDraw(definitions)) if (!drawn.has(node)) problems.push(`${node.id} has no shape`);

  const lanes = indexLanes(definitions);
  const poolOfProcess = new Map<ModdleElement, ModdleElement>();
  for (const info of lanes.participants.values()) {
    const process = info.element.processRef as ModdleElement | undefined;
    if (process && !poolOfProcess.has(process)) poolOfProcess.set(process, info.element);
  }

  for (const plane of planes) {
    const solid = [...plane.shapes].filter(([e]) => !isA(e, 'bpmn:Participant') && !isA(e, 'bpmn:Lane'));
    for (let i = 0; i < solid.length; i++) {
      for (let j = i + 1; j < solid.length; j++) {
        const [a, ab] = solid[i]!;
        const [b, bb] = solid[j]!;
        if (!overlaps(ab, bb) || isInside(a, b) || isInside(b, a)) continue;
        problems.push(`${a.id} overlaps ${b.id}`);
      }
    }
    for (const [element, bounds] of plane.shapes) {
      if (isA(element, 'bpmn:Participant')) continue;
      if (isA(element, 'bpmn:Lane')) {
        const pool = poolOfProcess.get(processOf(element)!);
        const poolBounds = pool && plane.shapes.get(pool);
        if (poolBounds && !contains(poolBounds, bounds)) problems.push(`lane ${element.id} sticks out of its pool`);
        continue;
      }
      if (isA(plane.root, 'bpmn:SubProcess')) continue;
      const lane = isA(element, 'bpmn:FlowNode') ? laneOf(lanes, element)?.element : undefined;
      const laneBounds = lane && plane.shapes.get(lane);
      if (laneBounds && !contains(laneBounds, bounds)) problems.push(`${element.id} is not inside its lane ${lane!.id}`);
      const process = processOf(element);
      const pool = process && poolOfProcess.get(process);
      const poolBounds = pool && plane.shapes.get(pool);
      if (poolBounds && !contains(poolBounds, bounds)) problems.push(`${element.id} is not inside its pool ${pool!.id}`);
    }
    for (const [connection, points] of plane.edges) {
      if (points.length < 2 || points.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y))) {
        problems.push(`${connection.id} has no usable waypoints`);
        continue;
      }
      const [source, target] = endsOf(connection);
      const sourceBounds = source && plane.shapes.get(source);
      const targetBounds = target && plane.shapes.get(target);
      if (!sourceBounds || !targetBounds) problems.push(`${connection.id} connects an element not drawn on its plane`);
      else {
        if (!onBorder(points[0]!, sourceBounds)) problems.push(`${connection.id} does not start on the border of ${source!.id}`);
        if (!onBorder(points[points.length - 1]!, targetBounds)) problems.push(`${connection.id} does not end on the border of ${target!.id}`);
      }
    }
  }
  return problems;
}

/** Sequence flows with a segment through a flow node they do not connect (a quality figure, not a defect). */
export function flowsThroughShapes(definitions: ModdleElement): string[] {
  const found = new Set<string>();
  for (const plane of planesOf(definitions)) {
    const nodes = [...plane.shapes].filter(([e]) => isA(e, 'bpmn:FlowNode'));
    for (const [flow, points] of plane.edges) {
      if (!isA(flow, 'bpmn:SequenceFlow')) continue;
      const ends = new Set([flow.sourceRef, flow.targetRef, flow.sourceRef?.attachedToRef]);
      for (let k = 0; k + 1 < points.length; k++) {
        const a = points[k]!;
        const b = points[k + 1]!;
        const segment = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x) || 0.01, height: Math.abs(a.y - b.y) || 0.01 };
        for (const [node, bounds] of nodes) {
          if (ends.has(node) || isInside(flow, node)) continue;
          if (overlaps(segment, { x: bounds.x + 1, y: bounds.y + 1, width: bounds.width - 2, height: bounds.height - 2 })) found.add(`${flow.id} × ${node.id}`);
        }
      }
    }
  }
  return [...found];
}

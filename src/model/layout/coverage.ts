import type { ModdleElement } from '../moddle-types';
import { isA, isSubProcess } from './geometry';

/**
 * How much of a model its diagram draws. A model from a process-mining tool, a
 * code generator or a hand-written file may have no diagram at all, or a diagram
 * that forgets some elements; bpmn-js then shows an empty or incomplete canvas.
 */
export interface DiagramCoverage {
  /** False when the file has no diagram (or no plane) bpmn-js could display. */
  hasDiagram: boolean;
  /** Pools, lanes and flow nodes the displayed diagram should draw. */
  expected: number;
  /** Ids of those that have no shape in any diagram of the file. */
  missingShapes: string[];
  /** Sequence and message flows whose two ends are drawn but which have no edge. */
  missingEdges: string[];
}

/** What the DI of a file draws: the element each shape or edge stands for. */
interface DrawnElements {
  shapes: Map<ModdleElement, ModdleElement>;
  edges: Set<ModdleElement>;
}

/** Every BPMNShape and BPMNEdge of every diagram, by the element it draws. */
export function drawnElements(definitions: ModdleElement): DrawnElements {
  const shapes = new Map<ModdleElement, ModdleElement>();
  const edges = new Set<ModdleElement>();
  for (const diagram of definitions.diagrams ?? []) {
    const plane = diagram?.plane as ModdleElement | undefined;
    for (const di of plane?.planeElement ?? []) {
      const element = di?.bpmnElement as ModdleElement | undefined;
      if (!element) continue;
      if (di.$type === 'bpmndi:BPMNShape' && !shapes.has(element)) shapes.set(element, di);
      else if (di.$type === 'bpmndi:BPMNEdge') edges.add(element);
    }
  }
  return { shapes, edges };
}

/** The element bpmn-js shows first: the first diagram's plane element, else the first collaboration or process. */
export function displayRoot(definitions: ModdleElement): ModdleElement | undefined {
  const first = definitions.diagrams?.[0];
  const planeElement = first?.plane?.bpmnElement as ModdleElement | undefined;
  if (planeElement) return planeElement;
  const roots = definitions.rootElements ?? [];
  return roots.find((r) => isA(r, 'bpmn:Collaboration')) ?? roots.find((r) => isA(r, 'bpmn:Process'));
}

/**
 * Checks which pools, lanes and flow nodes of the displayed collaboration or process
 * have no shape. The content of a collapsed sub-process is not required: tools
 * commonly draw it on a separate diagram, or not at all.
 */
export function diagramCoverage(definitions: ModdleElement): DiagramCoverage {
  const diagrams = definitions.diagrams ?? [];
  const hasDiagram = diagrams.length > 0 && !!diagrams[0]?.plane;
  const { shapes, edges } = drawnElements(definitions);
  const missingShapes: string[] = [];
  const missingEdges: string[] = [];
  let expected = 0;
  const expect = (element: ModdleElement) => {
    if (!element.id) return;
    expected += 1;
    if (!shapes.has(element)) missingShapes.push(element.id);
  };
  const expectEdge = (flow: ModdleElement, source: ModdleElement | undefined, target: ModdleElement | undefined) => {
    if (!flow.id || !source || !target || edges.has(flow)) return;
    if (shapes.has(source) && shapes.has(target)) missingEdges.push(flow.id);
  };

  const containers: ModdleElement[] = [];
  const root = displayRoot(definitions);
  if (isA(root, 'bpmn:Collaboration')) {
    for (const participant of root!.participants ?? []) {
      expect(participant);
      const process = participant.processRef as ModdleElement | undefined;
      if (process && !containers.includes(process)) containers.push(process);
    }
    for (const flow of root!.messageFlows ?? []) expectEdge(flow, flow.sourceRef, flow.targetRef);
  } else if (root) {
    containers.push(root);
  }

  // Containers are walked with an explicit stack: hostile files nest thousands deep.
  const stack = [...containers].reverse();
  while (stack.length > 0) {
    const container = stack.pop()!;
    if (isA(container, 'bpmn:Process')) {
      const laneStack = [...(container.laneSets ?? [])];
      while (laneStack.length > 0) {
        const laneSet = laneStack.pop()!;
        for (const lane of laneSet.lanes ?? []) {
          expect(lane);
          if (lane.childLaneSet) laneStack.push(lane.childLaneSet as ModdleElement);
        }
      }
    }
    const nested: ModdleElement[] = [];
    for (const element of container.flowElements ?? []) {
      if (isA(element, 'bpmn:SequenceFlow')) {
        expectEdge(element, element.sourceRef, element.targetRef);
      } else if (isA(element, 'bpmn:BoundaryEvent') && !element.attachedToRef) {
        // Attached to nothing (its host is missing from the file): bpmn-js cannot draw it anywhere.
        continue;
      } else if (isA(element, 'bpmn:FlowNode')) {
        expect(element);
        const shape = shapes.get(element);
        if (isSubProcess(element) && shape?.isExpanded === true) nested.push(element);
      }
    }
    for (let i = nested.length - 1; i >= 0; i--) stack.push(nested[i]!);
  }
  return { hasDiagram, expected, missingShapes, missingEdges };
}

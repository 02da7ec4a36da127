import type { BpmnModdle } from 'bpmn-moddle';
import type { ModdleElement } from '../moddle-types';
import { indexLanes } from '../lanes';
import { forEachContained } from '../walk';
import { layoutContainer, layoutSubProcessContent, type Band, type ContainerLayout } from './container';
import { centre, isA, isSubProcess, roundBounds, straightConnection, type Bounds, type Point } from './geometry';

const POOL_HEADER = 30;
const LANE_HEADER = 30;
const POOL_GAP = 60;
const COLLAPSED_POOL_HEIGHT = 60;
const MIN_POOL_WIDTH = 600;
/** A sub-process is drawn expanded when it holds at most this many flow nodes (nested ones included)… */
const EXPAND_MAX_NODES = 10;
/** …and is nested at most this deep; larger or deeper ones are drawn collapsed with their content on a plane of their own. */
const EXPAND_MAX_DEPTH = 2;
/**
 * Collapsed sub-processes beyond this many get no plane of their own (their content
 * stays without diagram), so a hostile file nesting thousands of them stays fast.
 */
const MAX_SUBPROCESS_PLANES = 200;

/** What the automatic layout drew. */
export interface LayoutSummary {
  /** The collaboration or process the new main diagram shows. */
  root: string;
  shapes: number;
  edges: number;
  /** Diagrams added for the content of collapsed sub-processes. */
  subProcessPlanes: number;
}

/** One pool (or a process drawn without pool) in the stack of the main diagram. */
interface Block {
  participant?: ModdleElement;
  process?: ModdleElement;
  layout?: ContainerLayout;
  /** Leaf lanes in band order, and every lane (parents included) with its depth. */
  leafLanes: ModdleElement[];
  lanes: Array<{ lane: ModdleElement; depth: number; leaves: ModdleElement[] }>;
  headerWidth: number;
}

/**
 * Replaces the diagram of a model by an automatic layout: pools stacked top to bottom,
 * lanes as horizontal bands holding their flow nodes, each process laid out in layers
 * from left to right, message flows between the pools, small sub-processes expanded
 * and larger ones collapsed with a diagram of their own. Pure: it changes only
 * `definitions.diagrams`, using `moddle` to create the DI elements.
 */
export function layoutDefinitions(definitions: ModdleElement, moddle: BpmnModdle): LayoutSummary {
  const roots = definitions.rootElements ?? [];
  const collaboration = roots.find((r) => isA(r, 'bpmn:Collaboration') && ((r.participants as unknown[] | undefined)?.length ?? 0) > 0);
  const processes = roots.filter((r) => isA(r, 'bpmn:Process'));
  const root =
    collaboration ?? processes.find((p) => ((p.flowElements as unknown[] | undefined)?.length ?? 0) > 0) ?? processes[0];
  if (!root?.id) throw new Error('the model has no process or collaboration to draw');

  const laneIndex = indexLanes(definitions);
  const blocks: Block[] = [];
  const placed = new Set<ModdleElement>();
  if (collaboration) {
    for (const participant of collaboration.participants ?? []) {
      if (!participant?.id) continue;
      const process = participant.processRef as ModdleElement | undefined;
      const own = process && !placed.has(process) ? process : undefined;
      if (own) placed.add(own);
      blocks.push(makeBlock(own, participant));
    }
    // bpmn-js also draws processes no pool refers to on the collaboration's plane, but only those with lanes.
    for (const process of processes) {
      if (!placed.has(process) && process.laneSets && ((process.flowElements as unknown[] | undefined)?.length ?? 0) > 0) {
        placed.add(process);
        blocks.push(makeBlock(process, undefined));
      }
    }
  } else {
    blocks.push(makeBlock(root, undefined));
  }

  const collapsedQueue: ModdleElement[] = [];
  for (const block of blocks) {
    if (!block.process) continue;
    const expanded = expandSubProcesses(block.process);
    const bandIndex = new Map<ModdleElement, number>(block.leafLanes.map((lane, i) => [lane, i]));
    const firstLeafOf = new Map<ModdleElement, number>();
    for (const { lane, leaves } of block.lanes) if (leaves[0]) firstLeafOf.set(lane, bandIndex.get(leaves[0])!);
    const needsLooseBand =
      block.leafLanes.length > 0 &&
      (block.process.flowElements ?? []).some(
        (e) => e?.id && isA(e, 'bpmn:FlowNode') && !isA(e, 'bpmn:BoundaryEvent') && !laneIndex.laneOfNode.has(e.id)
      );
    const bands: Band[] = block.leafLanes.length ? block.leafLanes.map((lane) => ({ lane })) : [{}];
    if (needsLooseBand) bands.push({});
    block.layout = layoutContainer({
      container: block.process,
      bands,
      bandOf: (node) => {
        const laneId = node.id ? laneIndex.laneOfNode.get(node.id) : undefined;
        const lane = laneId ? laneIndex.lanes.get(laneId)?.element : undefined;
        return lane ? (bandIndex.get(lane) ?? firstLeafOf.get(lane)) : bands.length - 1;
      },
      headerWidth: block.headerWidth,
      expanded
    });
    collapsedQueue.push(...block.layout.collapsed);
  }

  // Stack the pools; all get the width of the widest, as in a hand-drawn collaboration.
  const width = Math.max(MIN_POOL_WIDTH, ...blocks.map((b) => b.layout?.width ?? 0));
  const shapes = new Map<ModdleElement, Bounds & { isExpanded?: boolean; isHorizontal?: boolean }>();
  const edges = new Map<ModdleElement, Point[]>();
  /** The pool (or pool-less block) each shape lies in, to route message flows through the gaps between pools. */
  const poolOf = new Map<ModdleElement, Bounds>();
  let y = 0;
  for (const block of blocks) {
    const layout = block.layout;
    const height = layout ? layout.height : COLLAPSED_POOL_HEIGHT;
    const pool = { x: 0, y, width, height };
    if (block.participant) {
      shapes.set(block.participant, { ...pool, isHorizontal: true });
      poolOf.set(block.participant, pool);
    }
    for (const element of layout?.shapes.keys() ?? []) poolOf.set(element, pool);
    if (layout) {
      const collapsed = new Set(layout.collapsed);
      const bandTop = (lane: ModdleElement) => layout.bands[block.leafLanes.indexOf(lane)]!;
      for (const { lane, depth, leaves } of block.lanes) {
        const first = leaves.length ? bandTop(leaves[0]!) : undefined;
        const last = leaves.length ? bandTop(leaves[leaves.length - 1]!) : undefined;
        if (!first || !last) continue;
        const x = (block.participant ? POOL_HEADER : 0) + LANE_HEADER * depth;
        shapes.set(lane, { x, y: y + first.y, width: width - x, height: last.y + last.height - first.y, isHorizontal: true });
      }
      for (const [element, b] of layout.shapes) {
        shapes.set(element, { ...b, y: b.y + y, ...(isSubProcess(element) ? { isExpanded: !collapsed.has(element) } : {}) });
      }
      for (const [element, points] of layout.edges) edges.set(element, points.map((p) => ({ x: p.x, y: p.y + y })));
    }
    y += height + POOL_GAP;
  }
  if (collaboration) {
    for (const flow of collaboration.messageFlows ?? []) {
      const source = shapes.get(flow.sourceRef as ModdleElement);
      const target = shapes.get(flow.targetRef as ModdleElement);
      if (!flow.id || !source || !target) continue;
      edges.set(flow, routeMessageFlow(flow, source, target, poolOf.get(flow.targetRef as ModdleElement) ?? target));
    }
  }

  const ids = new IdMaker(definitions);
  const diagrams: ModdleElement[] = [writeDiagram(moddle, ids, root, shapes, edges)];

  // Content of collapsed sub-processes, each on a plane of its own (bpmn-js drills down into it).
  for (let i = 0; i < collapsedQueue.length && diagrams.length <= MAX_SUBPROCESS_PLANES; i++) {
    const subProcess = collapsedQueue[i]!;
    if (!subProcess.id || !((subProcess.flowElements as unknown[] | undefined)?.length ?? 0)) continue;
    const layout = layoutContainer({ container: subProcess, bands: [{}], bandOf: () => 0, headerWidth: 0, expanded: expandSubProcesses(subProcess) });
    collapsedQueue.push(...layout.collapsed);
    const collapsed = new Set(layout.collapsed);
    const planeShapes = new Map<ModdleElement, Bounds & { isExpanded?: boolean }>();
    for (const [element, b] of layout.shapes) {
      planeShapes.set(element, { ...b, ...(isSubProcess(element) ? { isExpanded: !collapsed.has(element) } : {}) });
    }
    diagrams.push(writeDiagram(moddle, ids, subProcess, planeShapes, layout.edges));
  }

  definitions.diagrams = diagrams;
  for (const diagram of diagrams) diagram.$parent = definitions;
  let shapeCount = 0;
  let edgeCount = 0;
  for (const diagram of diagrams) {
    for (const di of (diagram.plane as ModdleElement).planeElement as ModdleElement[]) {
      if (di.$type === 'bpmndi:BPMNShape') shapeCount++;
      else edgeCount++;
    }
  }
  return { root: root.id, shapes: shapeCount, edges: edgeCount, subProcessPlanes: diagrams.length - 1 };
}

function makeBlock(process: ModdleElement | undefined, participant: ModdleElement | undefined): Block {
  const lanes: Block['lanes'] = [];
  const leafLanes: ModdleElement[] = [];
  // Depth first, in document order, without recursion: bands follow the lane tree.
  const visit: Array<{ lane: ModdleElement; depth: number; exit?: boolean }> = [];
  const pushSet = (laneSet: ModdleElement | undefined, depth: number) => {
    const list = (laneSet?.lanes ?? []).filter((l) => l?.id);
    for (let i = list.length - 1; i >= 0; i--) visit.push({ lane: list[i]!, depth });
  };
  for (const laneSet of [...(process?.laneSets ?? [])].reverse()) pushSet(laneSet, 0);
  const open: Array<{ lane: ModdleElement; depth: number; leaves: ModdleElement[] }> = [];
  while (visit.length > 0) {
    const item = visit.pop()!;
    if (item.exit) {
      const done = open.pop()!;
      if (open.length) open[open.length - 1]!.leaves.push(...done.leaves);
      continue;
    }
    const entry = { lane: item.lane, depth: item.depth, leaves: [] as ModdleElement[] };
    lanes.push(entry);
    const children = (item.lane.childLaneSet?.lanes as ModdleElement[] | undefined)?.filter((l) => l?.id) ?? [];
    if (children.length === 0) {
      leafLanes.push(item.lane);
      entry.leaves.push(item.lane);
      if (open.length) open[open.length - 1]!.leaves.push(item.lane);
      continue;
    }
    open.push(entry);
    visit.push({ lane: item.lane, depth: item.depth, exit: true });
    pushSet(item.lane.childLaneSet as ModdleElement, item.depth + 1);
  }
  const maxDepth = lanes.reduce((m, l) => Math.max(m, l.depth), -1);
  const headerWidth = (participant ? POOL_HEADER : 0) + (maxDepth >= 0 ? LANE_HEADER * (maxDepth + 1) : 0);
  return { participant, process, leafLanes, lanes, headerWidth };
}

/**
 * Lays out the content of the small sub-processes of a container (and of small ones
 * inside those), so they can be drawn expanded; the map holds only those.
 */
function expandSubProcesses(container: ModdleElement): Map<ModdleElement, ContainerLayout> {
  const expanded = new Map<ModdleElement, ContainerLayout>();
  const visit = (parent: ModdleElement, depth: number) => {
    for (const element of parent.flowElements ?? []) {
      if (!element?.id || !isSubProcess(element)) continue;
      if (depth > EXPAND_MAX_DEPTH) continue;
      // An empty sub-process has nothing to show inside; it stays a small collapsed box.
      const count = countFlowNodes(element, EXPAND_MAX_NODES);
      if (count === 0 || count > EXPAND_MAX_NODES) continue;
      // The depth limit bounds this recursion.
      visit(element, depth + 1);
      expanded.set(element, layoutSubProcessContent(element, expanded));
    }
  };
  visit(container, 1);
  return expanded;
}

/** Flow nodes inside a sub-process, nested ones included; counting stops above `limit`. */
function countFlowNodes(subProcess: ModdleElement, limit: number): number {
  let count = 0;
  const stack = [subProcess];
  while (stack.length > 0 && count <= limit) {
    const current = stack.pop()!;
    for (const element of current.flowElements ?? []) {
      if (!isA(element, 'bpmn:FlowNode')) continue;
      count++;
      if (isSubProcess(element)) stack.push(element);
    }
  }
  return count;
}

/**
 * A message flow between two pools: straight down (or up) when the ends line up,
 * otherwise with one horizontal run in the gap above the target's pool.
 */
function routeMessageFlow(flow: ModdleElement, source: Bounds, target: Bounds, targetPool: Bounds): Point[] {
  const sourceIsPool = isA(flow.sourceRef, 'bpmn:Participant');
  const targetIsPool = isA(flow.targetRef, 'bpmn:Participant');
  const down = centre(source).y < centre(target).y;
  const separated = down ? source.y + source.height <= target.y : target.y + target.height <= source.y;
  if (!separated) return straightConnection(source, target);
  const clampX = (b: Bounds, x: number) => Math.min(b.x + b.width - 10, Math.max(b.x + 10, x));
  let sx = centre(source).x;
  let tx = centre(target).x;
  if (sourceIsPool && !targetIsPool) sx = clampX(source, tx);
  else if (targetIsPool && !sourceIsPool) tx = clampX(target, sx);
  else if (sourceIsPool && targetIsPool) sx = tx = clampX(source, clampX(target, (sx + tx) / 2));
  const sy = down ? source.y + source.height : source.y;
  const ty = down ? target.y : target.y + target.height;
  if (Math.abs(sx - tx) < 1) return [{ x: sx, y: sy }, { x: sx, y: ty }];
  const yMid = down ? targetPool.y - POOL_GAP / 2 : targetPool.y + targetPool.height + POOL_GAP / 2;
  return [{ x: sx, y: sy }, { x: sx, y: yMid }, { x: tx, y: yMid }, { x: tx, y: ty }];
}

/** Ids for the new DI elements that no element of the document already uses. */
class IdMaker {
  private readonly used = new Set<string>();

  constructor(definitions: ModdleElement) {
    forEachContained(definitions, (element) => {
      // The old diagrams are replaced, so their ids are free again.
      if (typeof element.id === 'string' && !element.$type.startsWith('bpmndi:')) this.used.add(element.id);
    });
  }

  make(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.used.add(id);
    return id;
  }
}

function writeDiagram(
  moddle: BpmnModdle,
  ids: IdMaker,
  root: ModdleElement,
  shapes: Map<ModdleElement, Bounds & { isExpanded?: boolean; isHorizontal?: boolean }>,
  edges: Map<ModdleElement, Point[]>
): ModdleElement {
  const planeElement: ModdleElement[] = [];
  for (const [element, b] of shapes) {
    if (!element.id) continue;
    const attrs: Record<string, unknown> = {
      id: ids.make(`${element.id}_di`),
      bpmnElement: element,
      bounds: moddle.create('dc:Bounds', { ...roundBounds(b) })
    };
    if (b.isHorizontal) attrs.isHorizontal = true;
    if (b.isExpanded !== undefined) attrs.isExpanded = b.isExpanded;
    planeElement.push(moddle.create('bpmndi:BPMNShape', attrs));
  }
  for (const [element, points] of edges) {
    if (!element.id) continue;
    planeElement.push(
      moddle.create('bpmndi:BPMNEdge', {
        id: ids.make(`${element.id}_di`),
        bpmnElement: element,
        waypoint: points.map((p) => moddle.create('dc:Point', { x: Math.round(p.x), y: Math.round(p.y) }))
      })
    );
  }
  const plane = moddle.create('bpmndi:BPMNPlane', { id: ids.make(`${root.id}_plane`), bpmnElement: root, planeElement });
  const diagram = moddle.create('bpmndi:BPMNDiagram', { id: ids.make(`${root.id}_diagram`), plane });
  for (const di of planeElement) di.$parent = plane;
  plane.$parent = diagram;
  return diagram;
}

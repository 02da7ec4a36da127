import type { ModdleElement } from '../moddle-types';
import { defaultSize, isA, isSubProcess, straightConnection, type Bounds, type Point, type Size } from './geometry';

// Spacing, in diagram units. Columns leave room for flow labels between shapes;
// rows leave room for the labels under events and gateways and for looping flows.
const COLUMN_GAP = 60;
const ROW_GAP = 50;
const ROW_MIN_HEIGHT = 80;
const BAND_PADDING = 30;
const BAND_MIN_HEIGHT = 140;
const LEFT_PADDING = 40;
const RIGHT_PADDING = 40;
const ARTIFACT_ROW_HEIGHT = 80;
/** Distance between the centres of boundary events on one host (36 wide, so a gap of 10). */
const BOUNDARY_SPACING = 46;
/** Room inside an expanded sub-process around its content. */
export const SUBPROCESS_PADDING = 30;

/**
 * A horizontal band of a container: a leaf lane, or the whole container when it has
 * no lanes. Flow nodes are placed in the band of their lane.
 */
export interface Band {
  /** The lane drawn around the band; undefined for a band without lane. */
  lane?: ModdleElement;
}

/** A sub-process drawn expanded: its content is laid out first and placed inside it. */
export interface NestedLayout {
  layout: ContainerLayout;
}

/** How to lay out one container (process or sub-process). */
export interface ContainerInput {
  container: ModdleElement;
  bands: Band[];
  /** Band index of a top-level flow node; nodes without one go to the last band. */
  bandOf: (node: ModdleElement) => number | undefined;
  /** Left margin for lane headers, in front of the first column. */
  headerWidth: number;
  /** Minimum width of the container (all pools of a collaboration get the same width). */
  minWidth?: number;
  /** Content layout of sub-processes drawn expanded; others are drawn collapsed. */
  expanded: Map<ModdleElement, ContainerLayout>;
}

/** Result of laying out a container, in coordinates relative to its top-left corner. */
export interface ContainerLayout {
  width: number;
  height: number;
  /** Top and height of every band, in input order. */
  bands: Array<{ y: number; height: number }>;
  /** Every shape, nested content of expanded sub-processes included. */
  shapes: Map<ModdleElement, Bounds>;
  /** Waypoints of every sequence flow, association and data association. */
  edges: Map<ModdleElement, Point[]>;
  /** Sub-processes of this container drawn collapsed (their content needs a plane of its own). */
  collapsed: ModdleElement[];
}

interface Node {
  element: ModdleElement;
  index: number;
  size: Size;
  band: number;
  rank: number;
  row: number;
  /** Global row index (across bands), set once all rows are known. */
  globalRow: number;
  bounds: Bounds;
  boundaries: ModdleElement[];
  incoming: Arc[];
  outgoing: Arc[];
}

interface Arc {
  flow: ModdleElement;
  from: Node;
  to: Node;
  /** The boundary event the flow leaves from, when it does. */
  boundary?: ModdleElement;
  back: boolean;
}

interface Artifact {
  element: ModdleElement;
  anchor?: Node;
  size: Size;
}

interface ArtifactSlot {
  band: number;
  row: number;
  rank: number;
}

interface Row {
  top: number;
  height: number;
  band: number;
  /** Free space below the row (inside the band) where flows can run. */
  gapBelow: number;
}

/**
 * Lays out one container left to right: flow nodes in columns by their longest path
 * from a start (cycles broken at the flow that closes them), rows inside the band of
 * their lane so branches run parallel, data and annotations in a row above their
 * activity, event sub-processes in a row of their own, and flows routed orthogonally
 * through the gaps between columns and rows so they do not cross shapes where a
 * free route exists.
 */
export function layoutContainer(input: ContainerInput): ContainerLayout {
  const { container, bands } = input;
  const flowElements = container.flowElements ?? [];
  const artifactsOfContainer = container.artifacts ?? [];
  const bandCount = Math.max(1, bands.length);
  const lastBand = bandCount - 1;

  const nodes: Node[] = [];
  const nodeOf = new Map<ModdleElement, Node>();
  const eventSubProcesses: Node[] = [];
  const boundaryEvents: ModdleElement[] = [];
  const flows: ModdleElement[] = [];
  const artifacts: Artifact[] = [];
  const collapsed: ModdleElement[] = [];

  for (const element of flowElements) {
    if (!element?.id) continue;
    if (isA(element, 'bpmn:SequenceFlow')) {
      flows.push(element);
    } else if (isA(element, 'bpmn:BoundaryEvent') && element.attachedToRef) {
      boundaryEvents.push(element);
    } else if (isA(element, 'bpmn:BoundaryEvent')) {
      // Attached to nothing: bpmn-js cannot draw it, so it gets no shape either.
      continue;
    } else if (isA(element, 'bpmn:FlowNode')) {
      const nested = input.expanded.get(element);
      const size = nested
        ? { width: nested.width, height: nested.height }
        : defaultSize(element);
      if (isSubProcess(element) && !nested) collapsed.push(element);
      const band = clampBand(input.bandOf(element), lastBand);
      const node: Node = {
        element,
        index: nodes.length + eventSubProcesses.length,
        size,
        band,
        rank: 0,
        row: 0,
        globalRow: 0,
        bounds: { x: 0, y: 0, ...size },
        boundaries: [],
        incoming: [],
        outgoing: []
      };
      nodeOf.set(element, node);
      if (isSubProcess(element) && element.triggeredByEvent === true) eventSubProcesses.push(node);
      else nodes.push(node);
    } else if (isA(element, 'bpmn:DataObjectReference') || isA(element, 'bpmn:DataStoreReference')) {
      artifacts.push({ element, size: defaultSize(element) });
    }
  }
  for (const element of artifactsOfContainer) {
    if (element?.id && isA(element, 'bpmn:TextAnnotation')) artifacts.push({ element, size: defaultSize(element) });
  }

  const hostOf = new Map<ModdleElement, Node>();
  for (const event of boundaryEvents) {
    const host = nodeOf.get(event.attachedToRef as ModdleElement);
    if (host) {
      host.boundaries.push(event);
      hostOf.set(event, host);
    } else {
      // Its host lies in another container (a damaged file): draw it where it can be seen and fixed.
      const node: Node = {
        element: event,
        index: nodes.length + eventSubProcesses.length,
        size: defaultSize(event),
        band: clampBand(input.bandOf(event), lastBand),
        rank: 0,
        row: 0,
        globalRow: 0,
        bounds: { x: 0, y: 0, ...defaultSize(event) },
        boundaries: [],
        incoming: [],
        outgoing: []
      };
      nodeOf.set(event, node);
      nodes.push(node);
    }
  }

  const arcs: Arc[] = [];
  for (const flow of flows) {
    const source = flow.sourceRef as ModdleElement | undefined;
    const target = flow.targetRef as ModdleElement | undefined;
    const from = (source && (nodeOf.get(source) ?? hostOf.get(source))) || undefined;
    const to = (target && (nodeOf.get(target) ?? hostOf.get(target))) || undefined;
    if (!from || !to) continue;
    const arc: Arc = { flow, from, to, back: false };
    if (source && hostOf.has(source)) arc.boundary = source;
    arcs.push(arc);
    from.outgoing.push(arc);
    to.incoming.push(arc);
  }

  markBackArcs(nodes, arcs);
  assignRanks(nodes);
  assignRows(nodes);
  anchorArtifacts(artifacts, nodeOf, hostOf, flowElements, artifactsOfContainer);

  // Sizes of columns and rows.
  const maxRank = nodes.reduce((m, n) => Math.max(m, n.rank), 0);
  const columnWidth = new Array<number>(maxRank + 1).fill(36);
  for (const n of nodes) columnWidth[n.rank] = Math.max(columnWidth[n.rank]!, n.size.width);
  const artifactSlots = placeArtifactSlots(artifacts, bandCount, maxRank);
  for (const a of artifacts) {
    const rank = artifactSlots.slot.get(a)!.rank;
    columnWidth[rank] = Math.max(columnWidth[rank]!, a.size.width);
  }
  const columnX: number[] = [];
  let x = input.headerWidth + LEFT_PADDING;
  for (let rank = 0; rank <= maxRank; rank++) {
    columnX.push(x);
    x += columnWidth[rank]! + COLUMN_GAP;
  }
  let contentRight = x - COLUMN_GAP;

  // Rows, band by band: artifact rows on top, then the flow rows, then event sub-processes.
  const rows: Row[] = [];
  const bandBoxes: Array<{ y: number; height: number }> = [];
  const rowIndex = new Map<string, number>();
  const eventRowOf = new Map<number, number>();
  let y = 0;
  for (let band = 0; band < bandCount; band++) {
    const top = y;
    y += BAND_PADDING;
    const bandRows: number[] = [];
    const artifactRows = artifactSlots.rowsPerBand[band] ?? 0;
    for (let r = 0; r < artifactRows; r++) {
      rowIndex.set(`a:${band}:${r}`, rows.length);
      bandRows.push(rows.length);
      rows.push({ top: y, height: ARTIFACT_ROW_HEIGHT, band, gapBelow: 0 });
      y += ARTIFACT_ROW_HEIGHT + ROW_GAP;
    }
    const flowRows = nodes.filter((n) => n.band === band).reduce((m, n) => Math.max(m, n.row + 1), 0);
    for (let r = 0; r < flowRows; r++) {
      const height = nodes
        .filter((n) => n.band === band && n.row === r)
        .reduce((m, n) => Math.max(m, n.size.height), ROW_MIN_HEIGHT);
      rowIndex.set(`n:${band}:${r}`, rows.length);
      bandRows.push(rows.length);
      rows.push({ top: y, height, band, gapBelow: 0 });
      y += height + ROW_GAP;
    }
    const ownEventSubs = eventSubProcesses.filter((n) => n.band === band);
    if (ownEventSubs.length) {
      const height = ownEventSubs.reduce((m, n) => Math.max(m, n.size.height), ROW_MIN_HEIGHT);
      eventRowOf.set(band, rows.length);
      bandRows.push(rows.length);
      rows.push({ top: y, height, band, gapBelow: 0 });
      y += height + ROW_GAP;
    }
    if (bandRows.length) y -= ROW_GAP;
    y += BAND_PADDING;
    const height = Math.max(BAND_MIN_HEIGHT, y - top);
    // Centre the rows of a band that is taller than its content.
    const slack = height - (y - top);
    for (const r of bandRows) rows[r]!.top += slack / 2;
    y = top + height;
    bandBoxes.push({ y: top, height });
    bandRows.forEach((r, i) => {
      const next = bandRows[i + 1];
      const row = rows[r]!;
      const bottom = row.top + row.height;
      row.gapBelow = next !== undefined ? (rows[next]!.top - bottom) / 2 : Math.min(BAND_PADDING / 2, (top + height - bottom) / 2);
    });
  }

  // Positions.
  const shapes = new Map<ModdleElement, Bounds>();
  for (const n of nodes) {
    n.globalRow = rowIndex.get(`n:${n.band}:${n.row}`)!;
    const row = rows[n.globalRow]!;
    n.bounds = {
      x: columnX[n.rank]! + (columnWidth[n.rank]! - n.size.width) / 2,
      y: row.top + (row.height - n.size.height) / 2,
      ...n.size
    };
  }
  for (const [band, rowAt] of eventRowOf) {
    const row = rows[rowAt]!;
    let ex = input.headerWidth + LEFT_PADDING;
    for (const n of eventSubProcesses.filter((e) => e.band === band)) {
      n.globalRow = rowAt;
      n.rank = -1;
      n.bounds = { x: ex, y: row.top + (row.height - n.size.height) / 2, ...n.size };
      ex += n.size.width + COLUMN_GAP;
    }
    contentRight = Math.max(contentRight, ex - COLUMN_GAP);
  }
  const allNodes = [...nodes, ...eventSubProcesses];
  for (const n of allNodes) shapes.set(n.element, n.bounds);

  for (const a of artifacts) {
    const slot = artifactSlots.slot.get(a)!;
    const row = rows[rowIndex.get(`a:${slot.band}:${slot.row}`)!]!;
    const rank = slot.rank;
    const columnCentre = a.anchor ? a.anchor.bounds.x + a.anchor.bounds.width / 2 : columnX[rank]! + columnWidth[rank]! / 2;
    const bounds = {
      x: columnCentre - a.size.width / 2,
      y: row.top + (row.height - a.size.height) / 2 - 10,
      ...a.size
    };
    shapes.set(a.element, bounds);
  }

  // Boundary events sit on the lower border of their host, spread along it and never on top of each other.
  for (const host of allNodes) {
    const count = host.boundaries.length;
    const b = host.bounds;
    const spacing = Math.max(BOUNDARY_SPACING, b.width / (count + 1));
    const first = b.x + b.width / 2 - (spacing * (count - 1)) / 2;
    host.boundaries.forEach((event, i) => {
      const size = defaultSize(event);
      shapes.set(event, { x: first + spacing * i - size.width / 2, y: b.y + b.height - size.height / 2, ...size });
    });
  }

  const width = Math.max(input.minWidth ?? 0, contentRight + RIGHT_PADDING);
  const height = y;

  // Flows.
  const grid = new Grid(nodes, rows, columnX, columnWidth);
  const edges = new Map<ModdleElement, Point[]>();
  for (const arc of arcs) {
    const source = arc.boundary ? shapes.get(arc.boundary)! : arc.from.bounds;
    edges.set(arc.flow, grid.route(arc, source, shapes.get(arc.to.element)!));
  }
  for (const [element, points] of artifactEdges(flowElements, artifactsOfContainer, shapes)) edges.set(element, points);

  // Content of expanded sub-processes, moved into place.
  for (const n of allNodes) {
    const nested = input.expanded.get(n.element);
    if (!nested) continue;
    for (const [element, b] of nested.shapes) shapes.set(element, { ...b, x: b.x + n.bounds.x, y: b.y + n.bounds.y });
    for (const [element, points] of nested.edges) edges.set(element, points.map((p) => ({ x: p.x + n.bounds.x, y: p.y + n.bounds.y })));
    collapsed.push(...nested.collapsed);
  }

  return { width, height, bands: bandBoxes, shapes, edges, collapsed };
}

/** Size of a container's content once laid out, for drawing it as an expanded sub-process. */
export function layoutSubProcessContent(subProcess: ModdleElement, expanded: Map<ModdleElement, ContainerLayout>): ContainerLayout {
  const inner = layoutContainer({
    container: subProcess,
    bands: [{}],
    bandOf: () => 0,
    headerWidth: 0,
    expanded
  });
  // The content's own padding stands in for the sub-process border; only the label needs extra room.
  const shift = SUBPROCESS_PADDING;
  const shapes = new Map<ModdleElement, Bounds>();
  for (const [element, b] of inner.shapes) shapes.set(element, { ...b, y: b.y + shift });
  const edges = new Map<ModdleElement, Point[]>();
  for (const [element, points] of inner.edges) edges.set(element, points.map((p) => ({ x: p.x, y: p.y + shift })));
  return { ...inner, height: inner.height + shift, shapes, edges, bands: [{ y: 0, height: inner.height + shift }] };
}

function clampBand(band: number | undefined, lastBand: number): number {
  return band === undefined || band < 0 || band > lastBand ? lastBand : band;
}

/**
 * Depth-first search from the starts, in document order, without recursion (a file
 * may chain thousands of tasks): a flow to a node still on the search path closes a
 * cycle and is drawn as a loop back instead of pushing its target further right.
 */
function markBackArcs(nodes: Node[], arcs: Arc[]): void {
  const state = new Map<Node, 1 | 2>();
  const starts = [
    ...nodes.filter((n) => n.incoming.length === 0 && isA(n.element, 'bpmn:StartEvent')),
    ...nodes.filter((n) => n.incoming.length === 0 && !isA(n.element, 'bpmn:StartEvent')),
    ...nodes
  ];
  for (const start of starts) {
    if (state.has(start)) continue;
    const stack: Array<{ node: Node; next: number }> = [{ node: start, next: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const arc = top.node.outgoing[top.next++];
      if (!arc) {
        state.set(top.node, 2);
        stack.pop();
        continue;
      }
      const seen = state.get(arc.to);
      if (seen === 1) arc.back = true;
      else if (seen === undefined) {
        state.set(arc.to, 1);
        stack.push({ node: arc.to, next: 0 });
      }
    }
  }
  for (const arc of arcs) if (arc.from === arc.to) arc.back = true;
}

/** Longest path from the starts over forward flows (Kahn's order), so every flow points right. */
function assignRanks(nodes: Node[]): void {
  const waiting = new Map<Node, number>();
  for (const n of nodes) waiting.set(n, n.incoming.filter((a) => !a.back).length);
  const queue = nodes.filter((n) => waiting.get(n) === 0);
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    for (const arc of n.outgoing) {
      if (arc.back) continue;
      arc.to.rank = Math.max(arc.to.rank, n.rank + 1);
      const left = waiting.get(arc.to)! - 1;
      waiting.set(arc.to, left);
      if (left === 0) queue.push(arc.to);
    }
  }
}

/**
 * Rows inside each band: a node takes the row of its highest placed predecessor in
 * the same band when that cell is free (so chains run straight), a node reached from
 * a boundary event goes below its host, and a taken cell moves it to the nearest free
 * row, below first.
 */
function assignRows(nodes: Node[]): void {
  const taken = new Set<string>();
  const cell = (band: number, row: number, rank: number) => `${band}:${row}:${rank}`;
  const order = [...nodes].sort((a, b) => a.rank - b.rank || a.band - b.band || a.index - b.index);
  // Within a rank, place nodes whose predecessors sit higher first.
  const byRank = new Map<number, Node[]>();
  for (const n of order) {
    const list = byRank.get(n.rank);
    if (list) list.push(n);
    else byRank.set(n.rank, [n]);
  }
  for (const [, list] of [...byRank].sort((a, b) => a[0] - b[0])) {
    const preferred = new Map<Node, number>();
    for (const n of list) {
      let want: number | undefined;
      for (const arc of n.incoming) {
        if (arc.back || arc.from.band !== n.band || arc.from.rank >= n.rank) continue;
        const candidate = arc.boundary ? arc.from.row + 1 : arc.from.row;
        want = want === undefined ? candidate : Math.min(want, candidate);
      }
      preferred.set(n, want ?? 0);
    }
    list.sort((a, b) => a.band - b.band || preferred.get(a)! - preferred.get(b)! || a.index - b.index);
    for (const n of list) {
      const want = preferred.get(n)!;
      let row: number;
      for (let step = 0; ; step++) {
        const below = want + step;
        if (!taken.has(cell(n.band, below, n.rank))) {
          row = below;
          break;
        }
        const above = want - step - 1;
        if (step < want && above >= 0 && !taken.has(cell(n.band, above, n.rank))) {
          row = above;
          break;
        }
      }
      n.row = row;
      taken.add(cell(n.band, row, n.rank));
    }
  }
}

/** The activity (or other node) a data object, data store or annotation belongs beside. */
function anchorArtifacts(
  artifacts: Artifact[],
  nodeOf: Map<ModdleElement, Node>,
  hostOf: Map<ModdleElement, Node>,
  flowElements: ModdleElement[],
  containerArtifacts: ModdleElement[]
): void {
  const anchorOf = new Map<ModdleElement, Node>();
  const propose = (artifact: ModdleElement | undefined, element: ModdleElement | undefined) => {
    if (!artifact || !element || anchorOf.has(artifact)) return;
    const node = nodeOf.get(element) ?? hostOf.get(element);
    if (node) anchorOf.set(artifact, node);
  };
  for (const element of flowElements) {
    for (const association of (element.dataInputAssociations as ModdleElement[] | undefined) ?? []) {
      for (const source of (association.sourceRef as ModdleElement[] | undefined) ?? []) propose(source, element);
    }
    for (const association of (element.dataOutputAssociations as ModdleElement[] | undefined) ?? []) {
      propose(association.targetRef as ModdleElement | undefined, element);
    }
  }
  for (const association of containerArtifacts) {
    if (!isA(association, 'bpmn:Association')) continue;
    propose(association.targetRef, association.sourceRef);
    propose(association.sourceRef, association.targetRef);
  }
  for (const a of artifacts) a.anchor = anchorOf.get(a.element);
}

/** Which artifact row of which band each artifact takes: one artifact per column and row. */
function placeArtifactSlots(
  artifacts: Artifact[],
  bandCount: number,
  maxRank: number
): { slot: Map<Artifact, ArtifactSlot>; rowsPerBand: number[] } {
  const slot = new Map<Artifact, ArtifactSlot>();
  const rowsPerBand = new Array<number>(bandCount).fill(0);
  const used = new Map<string, number>();
  let loose = 0;
  for (const a of artifacts) {
    const band = a.anchor?.band ?? 0;
    // Artifacts without an anchor spread over the columns instead of piling up in the first.
    const rank = a.anchor ? a.anchor.rank : loose++ % (maxRank + 1);
    const key = `${band}:${rank}`;
    const row = used.get(key) ?? 0;
    used.set(key, row + 1);
    slot.set(a, { band, row, rank });
    rowsPerBand[band] = Math.max(rowsPerBand[band]!, row + 1);
  }
  return { slot, rowsPerBand };
}

/** Straight lines for data associations and associations, between the shapes they connect. */
function artifactEdges(
  flowElements: ModdleElement[],
  containerArtifacts: ModdleElement[],
  shapes: Map<ModdleElement, Bounds>
): Array<[ModdleElement, Point[]]> {
  const out: Array<[ModdleElement, Point[]]> = [];
  const connect = (edge: ModdleElement, source: ModdleElement | undefined, target: ModdleElement | undefined) => {
    const s = source && shapes.get(source);
    const t = target && shapes.get(target);
    if (edge.id && s && t && s !== t) out.push([edge, straightConnection(s, t)]);
  };
  for (const element of flowElements) {
    for (const association of (element.dataInputAssociations as ModdleElement[] | undefined) ?? []) {
      connect(association, (association.sourceRef as ModdleElement[] | undefined)?.[0], element);
    }
    for (const association of (element.dataOutputAssociations as ModdleElement[] | undefined) ?? []) {
      connect(association, element, association.targetRef as ModdleElement | undefined);
    }
  }
  for (const association of containerArtifacts) {
    if (isA(association, 'bpmn:Association')) connect(association, association.sourceRef, association.targetRef);
  }
  return out;
}

/**
 * The occupied cells of a laid-out container, for routing flows orthogonally:
 * vertical segments run in the gaps between columns or through free cells,
 * horizontal ones along free rows or in the gaps between rows.
 */
class Grid {
  private readonly cells = new Map<string, Node>();

  constructor(
    nodes: Node[],
    private readonly rows: Row[],
    private readonly columnX: number[],
    private readonly columnWidth: number[]
  ) {
    for (const n of nodes) this.cells.set(`${n.globalRow}:${n.rank}`, n);
  }

  route(arc: Arc, source: Bounds, target: Bounds): Point[] {
    const { from, to } = arc;
    if (from.rank < 0 || to.rank < 0) return straightConnection(source, target);
    const s = { cx: source.x + source.width / 2, cy: source.y + source.height / 2 };
    const t = { cx: target.x + target.width / 2, cy: target.y + target.height / 2 };
    const sr = from.globalRow;
    const tr = to.globalRow;
    const sc = from.rank;
    const tc = to.rank;
    const right = (b: Bounds, y: number) => ({ x: b.x + b.width, y });
    const left = (b: Bounds, y: number) => ({ x: b.x, y });
    const top = (b: Bounds, x: number) => ({ x, y: b.y });
    const bottom = (b: Bounds, x: number) => ({ x, y: b.y + b.height });
    const vertical = (b: Bounds, x: number, towardsY: number) => (towardsY > b.y + b.height / 2 ? bottom(b, x) : top(b, x));

    if (arc.from === arc.to && !arc.boundary) {
      const out = source.x + source.width + 20;
      const above = source.y - 20;
      return [right(source, s.cy), { x: out, y: s.cy }, { x: out, y: above }, { x: s.cx, y: above }, top(source, s.cx)];
    }

    if (arc.boundary) {
      // Leave the boundary event downwards, then run in the gap below the host's row.
      const yGap = this.below(sr);
      if (tc > sc && tr > sr && this.freeColumn(sc, sr, tr + 1) && this.freeRow(tr, sc - 1, tc)) {
        return [bottom(source, s.cx), { x: s.cx, y: t.cy }, left(target, t.cy)];
      }
      if (tc > sc) {
        const gx = this.gapAfter(sc);
        return [bottom(source, s.cx), { x: s.cx, y: yGap }, { x: gx, y: yGap }, { x: gx, y: t.cy }, left(target, t.cy)];
      }
      const entry = this.entryFromBelow(tc, tr, Math.max(sr, tr), target, t);
      const yc = this.below(Math.max(sr, tr));
      return [bottom(source, s.cx), { x: s.cx, y: yc }, ...entry.reverse()];
    }

    if (!arc.back && tc > sc) {
      if (sr === tr) {
        if (this.freeRow(sr, sc, tc)) return [right(source, s.cy), left(target, t.cy)];
        const yc = this.below(sr);
        return [bottom(source, s.cx), { x: s.cx, y: yc }, { x: t.cx, y: yc }, bottom(target, t.cx)];
      }
      if (isA(from.element, 'bpmn:Gateway') && this.freeColumn(sc, sr, tr) && !this.occupied(tr, sc) && this.freeRow(tr, sc, tc)) {
        return [vertical(source, s.cx, t.cy), { x: s.cx, y: t.cy }, left(target, t.cy)];
      }
      if (isA(to.element, 'bpmn:Gateway') && this.freeRow(sr, sc, tc) && !this.occupied(sr, tc) && this.freeColumn(tc, sr, tr)) {
        return [right(source, s.cy), { x: t.cx, y: s.cy }, vertical(target, t.cx, s.cy)];
      }
      if (this.freeRow(tr, sc, tc)) {
        const gx = this.gapAfter(sc);
        return [right(source, s.cy), { x: gx, y: s.cy }, { x: gx, y: t.cy }, left(target, t.cy)];
      }
      if (this.freeRow(sr, sc, tc)) {
        const gx = this.gapBefore(tc);
        return [right(source, s.cy), { x: gx, y: s.cy }, { x: gx, y: t.cy }, left(target, t.cy)];
      }
      const yc = this.below(Math.max(sr, tr));
      const ga = this.gapAfter(sc);
      const gb = this.gapBefore(tc);
      return [
        right(source, s.cy),
        { x: ga, y: s.cy },
        { x: ga, y: yc },
        { x: gb, y: yc },
        { x: gb, y: t.cy },
        left(target, t.cy)
      ];
    }

    // A loop back (or a flow within one column): out below, back along the gap under the lower row, in from below.
    const lower = Math.max(sr, tr);
    const yc = this.below(lower);
    const exit = this.freeColumn(sc, sr, lower + 1)
      ? [bottom(source, s.cx), { x: s.cx, y: yc }]
      : [right(source, s.cy), { x: this.gapAfter(sc), y: s.cy }, { x: this.gapAfter(sc), y: yc }];
    const entry = this.entryFromBelow(tc, tr, lower, target, t);
    return [...exit, ...entry.reverse()];
  }

  /** The last points of a route that arrives from the gap under row `lower`, in reverse order. */
  private entryFromBelow(tc: number, tr: number, lower: number, target: Bounds, t: { cx: number; cy: number }): Point[] {
    const yc = this.below(lower);
    if (this.freeColumn(tc, tr, lower + 1)) return [{ x: t.cx, y: target.y + target.height }, { x: t.cx, y: yc }];
    const gx = this.gapBefore(tc);
    return [{ x: target.x, y: t.cy }, { x: gx, y: t.cy }, { x: gx, y: yc }];
  }

  private occupied(row: number, rank: number): boolean {
    return this.cells.has(`${row}:${rank}`);
  }

  /** No node in `row` strictly between the columns `from` and `to`. */
  private freeRow(row: number, from: number, to: number): boolean {
    for (let c = Math.min(from, to) + 1; c < Math.max(from, to); c++) if (this.occupied(row, c)) return false;
    return true;
  }

  /** No node in column `rank` strictly between rows `from` and `to`. */
  private freeColumn(rank: number, from: number, to: number): boolean {
    for (let r = Math.min(from, to) + 1; r < Math.max(from, to); r++) if (this.occupied(r, rank)) return false;
    return true;
  }

  private gapAfter(rank: number): number {
    return this.columnX[rank]! + this.columnWidth[rank]! + COLUMN_GAP / 2;
  }

  private gapBefore(rank: number): number {
    return this.columnX[rank]! - COLUMN_GAP / 2;
  }

  private below(row: number): number {
    const r = this.rows[row]!;
    return r.top + r.height + r.gapBelow;
  }
}

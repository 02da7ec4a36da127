import { msg, str } from '@lit/localize';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { Connection, Element, Shape } from 'diagram-js/lib/model/Types';
import type { ModdleElement } from '../../../model/moddle-types';
import { classifyFlow, type CanvasHandover, type HandoverMark } from './handover-status';
import { BADGE_SCALE_PROPERTY, badgeScale, ensureHandoverStyles, MARK_CLASSES, MARK_COLOURS, MARK_ICONS } from './styles';

/** How many handovers carry each mark. */
export type HandoverCounts = Record<HandoverMark, number>;

/** What the last update did, for benchmarks and tests: flows looked at, marks changed, time taken. */
export interface HandoverUpdateStats {
  full: boolean;
  flowsChecked: number;
  marksChanged: number;
  ms: number;
}

/** The mark a flow carries on the canvas, with the text its badge announces. */
export interface HandoverMarkInfo {
  mark: HandoverMark;
  kind: CanvasHandover['kind'];
  title: string;
}

interface MarkState extends HandoverMarkInfo {
  from: string;
  to: string;
  /** The badge, drawn inside the connection's own SVG group. */
  badge: SVGGElement;
  place: BadgePlace;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const ALL_MARK_CLASSES = (['agreed', 'draft', 'under-review', 'missing'] as const).map(MARK_CLASSES.mark);

/**
 * Marks every handover on the canvas (agreed / draft or under review / missing) and
 * keeps the marks current while the user edits. Updates are incremental: after a
 * command only the flows it touched are classified again (changed flows, the flows of
 * changed or re-laned nodes, the flows of nodes in a changed lane), because a
 * 1,000-node model must stay within a frame per edit. Only an import marks everything.
 *
 * The badges are SVG inside each connection's graphics rather than diagram-js
 * overlays: an overlay makes diagram-js measure the whole canvas (getBBox) after every
 * change of its element, a forced layout that costs a 1,000-node model about 100 ms.
 * In the SVG a badge moves with its flow for free, a click on it selects the flow,
 * and its <title> is the tooltip; a CSS variable keeps it readable at every zoom.
 *
 * Fires `handoverMarkers.changed` ({ counts }) whenever a mark was added, changed or removed.
 */
export default class HandoverMarkers {
  static $inject = ['eventBus', 'canvas', 'elementRegistry'];

  /** The last update's figures (see HandoverUpdateStats). */
  lastUpdate: HandoverUpdateStats = { full: true, flowsChecked: 0, marksChanged: 0, ms: 0 };
  /** Running totals of all updates (count and milliseconds, legend included), for benchmarks. */
  readonly totals = { updates: 0, ms: 0 };

  private marks = new Map<string, MarkState>();
  private tally: HandoverCounts = emptyCounts();
  /** Flow nodes whose lanes changed inside the running command, by id. */
  private relaned = new Set<string>();

  constructor(
    private eventBus: EventBus,
    private canvas: Canvas,
    private elementRegistry: ElementRegistry
  ) {
    if (typeof document !== 'undefined') ensureHandoverStyles(document);

    eventBus.on('import.done', () => this.refreshAll());
    eventBus.on('diagram.clear', () => {
      this.marks.clear();
      this.relaned.clear();
      this.tally = emptyCounts();
      this.eventBus.fire('handoverMarkers.changed', { counts: this.counts() });
    });
    // bpmn-js rewires lane membership in a nested command that reports no changed
    // elements; remember the nodes it touched until the command stack reports.
    eventBus.on(['commandStack.lane.updateRefs.executed', 'commandStack.lane.updateRefs.reverted'], (event: LaneRefsEvent) => {
      for (const update of event.context?.updates ?? []) {
        if (!sameLanes(update.add, update.remove) && update.flowNode?.id) this.relaned.add(update.flowNode.id);
      }
    });
    eventBus.on('elements.changed', (event: { elements: Element[] }) => this.update(event.elements));
    eventBus.on('valueChain.changed', (event: ValueChainChangedEvent) => this.update(changedElements(event, elementRegistry)));
    eventBus.on('i18n.changed', () => this.retitle());
    eventBus.on('canvas.viewbox.changed', (event: { viewbox: { scale: number } }) => this.rescale(event.viewbox.scale));
    // Image exports show the plain BPMN diagram: badges leave the canvas while bpmn-js copies it.
    eventBus.on('saveSVG.start', () => this.marks.forEach((state) => state.badge.remove()));
    eventBus.on('saveSVG.done', () => this.marks.forEach((state, id) => this.attach(id, state.badge)));
  }

  /** Counts of the marks currently shown. */
  counts(): HandoverCounts {
    return { ...this.tally };
  }

  /** The mark on a flow, or undefined when the flow is no handover. */
  markOf(flowId: string): HandoverMarkInfo | undefined {
    const state = this.marks.get(flowId);
    return state ? { mark: state.mark, kind: state.kind, title: state.title } : undefined;
  }

  /** Classifies every flow of the diagram again (what an import does). */
  refreshAll(): void {
    const started = performance.now();
    const connections = this.elementRegistry.filter((e) => isFlow(e as Element)) as Connection[];
    const seen = new Set(connections.map((c) => c.id));
    let changed = 0;
    for (const id of [...this.marks.keys()]) if (!seen.has(id)) changed += this.forget(id) ? 1 : 0;
    for (const connection of connections) changed += this.apply(connection) ? 1 : 0;
    this.finish(started, { full: true, flowsChecked: connections.length, marksChanged: changed });
  }

  private update(elements: Element[]): void {
    const started = performance.now();
    const flows = new Set<Connection>();
    const flowsOf = (shape: unknown) => {
      const node = shape as Element | undefined;
      if (!node) return;
      for (const c of node.incoming ?? []) flows.add(c);
      for (const c of node.outgoing ?? []) flows.add(c);
    };
    let changed = 0;

    for (const element of elements) {
      const alive = this.elementRegistry.get(element.id) === element;
      const type = element.businessObject?.$type as string | undefined;
      if (isFlow(element)) {
        if (alive) flows.add(element as Connection);
        else changed += this.forget(element.id) ? 1 : 0;
      } else if (!alive) {
        continue;
      } else if (type === 'bpmn:Lane') {
        // A renamed or re-departmented lane renames the handovers of its nodes.
        for (const node of element.businessObject.flowNodeRef ?? []) {
          if (node.id) flowsOf(this.elementRegistry.get(node.id));
        }
      } else if (type === 'bpmn:Participant') {
        flowsOf(element);
        for (const [id, state] of this.marks) {
          if (state.kind === 'message') flows.add(this.elementRegistry.get(id) as Connection);
        }
      } else {
        flowsOf(element);
      }
    }
    for (const id of this.relaned) flowsOf(this.elementRegistry.get(id));
    this.relaned.clear();

    for (const flow of flows) if (flow) changed += this.apply(flow) ? 1 : 0;
    this.finish(started, { full: false, flowsChecked: flows.size, marksChanged: changed });
  }

  /** Tells listeners (the legend) about changed marks, then records the time taken, theirs included. */
  private finish(started: number, stats: Omit<HandoverUpdateStats, 'ms'>): void {
    if (stats.marksChanged > 0) this.eventBus.fire('handoverMarkers.changed', { counts: this.counts() });
    const ms = performance.now() - started;
    this.lastUpdate = { ...stats, ms };
    this.totals.updates++;
    this.totals.ms += ms;
  }

  /** Brings one flow's mark up to date; true when anything visible changed. */
  private apply(connection: Connection): boolean {
    const handover = classifyFlow(connection.businessObject as ModdleElement);
    if (!handover) return this.forget(connection.id);

    const title = titleOf(handover.mark, handover.from, handover.to);
    const place = badgePlace(connection);
    const previous = this.marks.get(connection.id);
    if (previous && previous.mark === handover.mark && previous.kind === handover.kind && previous.title === title && previous.badge.isConnected) {
      if (!samePlace(previous.place, place)) {
        placeBadge(previous.badge, place);
        previous.place = place;
      }
      return false;
    }
    if (previous) this.forget(connection.id);

    this.graphics(connection.id)?.classList.add(
      MARK_CLASSES.handover,
      handover.kind === 'sequence' ? MARK_CLASSES.sequence : MARK_CLASSES.message,
      MARK_CLASSES.mark(handover.mark)
    );
    const badge = createBadge(connection.id, handover.mark, title, place);
    this.attach(connection.id, badge);
    this.marks.set(connection.id, { mark: handover.mark, kind: handover.kind, title, from: handover.from, to: handover.to, badge, place });
    this.tally[handover.mark]++;
    return true;
  }

  /**
   * The connection's SVG group. Classes are set on it directly, not with
   * canvas.addMarker: every marker change makes diagram-js build bendpoint handles for
   * the flow and search the whole layer for them, which is slow in a large model.
   */
  private graphics(flowId: string): SVGGElement | undefined {
    return (this.elementRegistry.getGraphics(flowId) as SVGGElement | undefined) ?? undefined;
  }

  /** Puts a badge on top of its connection's graphics. */
  private attach(flowId: string, badge: SVGGElement): void {
    this.graphics(flowId)?.appendChild(badge);
  }

  /** Removes a flow's mark; true when it had one. */
  private forget(flowId: string): boolean {
    const state = this.marks.get(flowId);
    if (!state) return false;
    this.marks.delete(flowId);
    this.tally[state.mark]--;
    state.badge.remove();
    this.graphics(flowId)?.classList.remove(MARK_CLASSES.handover, MARK_CLASSES.sequence, MARK_CLASSES.message, ...ALL_MARK_CLASSES);
    return true;
  }

  /** Keeps badges about 20 px on screen whatever the zoom (within limits), with one style change. */
  private rescale(zoom: number): void {
    const svg = this.canvas.getContainer().querySelector('svg');
    svg?.style.setProperty(BADGE_SCALE_PROPERTY, String(badgeScale(zoom)));
  }

  /** Re-words every badge in the current UI language. */
  private retitle(): void {
    for (const state of this.marks.values()) {
      state.title = titleOf(state.mark, state.from, state.to);
      state.badge.setAttribute('aria-label', state.title);
      state.badge.querySelector('title')!.textContent = state.title;
    }
    this.eventBus.fire('handoverMarkers.changed', { counts: this.counts() });
  }
}

/** A badge: a coloured disc with the mark's icon, its accessible name and tooltip, beside the flow (see badgePlace). */
function createBadge(flowId: string, mark: HandoverMark, title: string, place: BadgePlace): SVGGElement {
  const badge = document.createElementNS(SVG_NS, 'g');
  badge.setAttribute('class', `ml-handover-badge ml-handover-badge--${mark}`);
  badge.setAttribute('data-flow-id', flowId);
  badge.setAttribute('data-mark', mark);
  badge.setAttribute('role', 'img');
  badge.setAttribute('aria-label', title);
  const tooltip = document.createElementNS(SVG_NS, 'title');
  tooltip.textContent = title;
  badge.appendChild(tooltip);
  const body = document.createElementNS(SVG_NS, 'g');
  body.setAttribute('class', 'ml-handover-badge-body');
  // Colours as attributes, not CSS, so a copied diagram keeps them.
  body.innerHTML =
    `<g class="ml-handover-badge-offset">` +
    `<circle r="11" fill="#fff" stroke="rgb(0 0 0 / 0.35)" stroke-width="1"/>` +
    `<circle r="9" fill="${MARK_COLOURS[mark]}"/>` +
    `<g transform="translate(-9 -9)">${MARK_ICONS[mark]}</g></g>`;
  badge.appendChild(body);
  placeBadge(badge, place);
  return badge;
}

function placeBadge(badge: SVGGElement, place: BadgePlace): void {
  badge.setAttribute('transform', `translate(${place.x} ${place.y})`);
  badge.querySelector('.ml-handover-badge-offset')!.setAttribute('transform', `translate(${place.dx} ${place.dy})`);
}

/** Where a badge sits: at the middle of the flow (x, y), moved by (dx, dy) to lie beside the line. */
export interface BadgePlace {
  x: number;
  y: number;
  dx: number;
  dy: number;
}

/** How far beside the line a badge's centre lies, in badge units (it scales with the badge). */
const BADGE_OFFSET = 15;

/**
 * The middle of the flow's longest segment, and a shift that puts the badge beside
 * the line (above a horizontal segment, right of a vertical one): the line stays
 * visible, corners stay clear, and the bendpoint handles diagram-js shows on a hovered
 * line do not cover the badge.
 */
export function badgePlace(connection: { waypoints: Array<{ x: number; y: number }> }): BadgePlace {
  const points = connection.waypoints;
  if (points.length === 0) return { x: 0, y: 0, dx: 0, dy: -BADGE_OFFSET };
  let best = { a: points[0]!, b: points[0]!, length: 0 };
  for (let i = 1; i < points.length; i++) {
    const length = distance(points[i - 1]!, points[i]!);
    if (length > best.length) best = { a: points[i - 1]!, b: points[i]!, length };
  }
  const { a, b, length } = best;
  const along = length > 0 ? { x: (b.x - a.x) / length, y: (b.y - a.y) / length } : { x: 1, y: 0 };
  // The normal of the segment, turned to point up (or right when the segment is vertical).
  let normal = { x: -along.y, y: along.x };
  if (normal.y > 1e-9 || (Math.abs(normal.y) <= 1e-9 && normal.x < 0)) normal = { x: -normal.x, y: -normal.y };
  return {
    x: Math.round((a.x + b.x) / 2),
    y: Math.round((a.y + b.y) / 2),
    dx: Math.round(normal.x * BADGE_OFFSET) || 0,
    dy: Math.round(normal.y * BADGE_OFFSET) || 0
  };
}

/** The accessible text of a badge, e.g. "Handover Marketing → Sales: agreement missing". */
export function titleOf(mark: HandoverMark, from: string, to: string): string {
  switch (mark) {
    case 'agreed':
      return msg(str`Handover ${from} → ${to}: agreement recorded`);
    case 'draft':
      return msg(str`Handover ${from} → ${to}: agreement is a draft`);
    case 'under-review':
      return msg(str`Handover ${from} → ${to}: agreement under review`);
    case 'missing':
      return msg(str`Handover ${from} → ${to}: agreement missing`);
  }
}

function samePlace(a: BadgePlace, b: BadgePlace): boolean {
  return a.x === b.x && a.y === b.y && a.dx === b.dx && a.dy === b.dy;
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function isFlow(element: Element): boolean {
  const type = element.businessObject?.$type;
  return !!(element as Connection).waypoints && (type === 'bpmn:SequenceFlow' || type === 'bpmn:MessageFlow');
}

function emptyCounts(): HandoverCounts {
  return { agreed: 0, draft: 0, 'under-review': 0, missing: 0 };
}

interface LaneRefsEvent {
  context?: { updates?: Array<{ flowNode?: ModdleElement; add: ModdleElement[]; remove: ModdleElement[] }> };
}

function sameLanes(a: ModdleElement[], b: ModdleElement[]): boolean {
  return a.length === b.length && a.every((lane) => b.includes(lane));
}

/** The payload of `valueChain.changed`, loosely: element ids, elements, or both. */
interface ValueChainChangedEvent {
  elementIds?: string[];
  elements?: Array<Element | string>;
}

function changedElements(event: ValueChainChangedEvent, registry: ElementRegistry): Element[] {
  const ids = [...(event.elementIds ?? []), ...(event.elements ?? []).map((e) => (typeof e === 'string' ? e : e.id))];
  return ids.map((id) => registry.get(id)).filter((e): e is Shape | Connection => !!e) as Element[];
}

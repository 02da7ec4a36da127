import { msg, str } from '@lit/localize';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import type { Connection, Element, Shape } from 'diagram-js/lib/model/Types';
import type { ModdleElement } from '../../../model/moddle-types';
import { classifyFlow, type CanvasHandover, type HandoverMark } from './handover-status';
import { ensureHandoverStyles, MARK_CLASSES, MARK_ICONS } from './styles';

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
  overlayId: string;
  left: number;
  top: number;
}

const OVERLAY_TYPE = 'ml-handover';
const BADGE_RADIUS = 10;
const ALL_MARK_CLASSES = (['agreed', 'draft', 'under-review', 'missing'] as const).map(MARK_CLASSES.mark);

/**
 * Marks every handover on the canvas (agreed / draft or under review / missing) and
 * keeps the marks current while the user edits. Updates are incremental: after a
 * command only the flows it touched are classified again (changed flows, the flows of
 * changed or re-laned nodes, the flows of nodes in a changed lane), because a
 * 1,000-node model must stay within a frame per edit. Only an import marks everything.
 *
 * Fires `handoverMarkers.changed` ({ counts }) whenever a mark was added, changed or removed.
 */
export default class HandoverMarkers {
  static $inject = ['eventBus', 'canvas', 'elementRegistry', 'overlays', 'selection'];

  /** The last update's figures (see HandoverUpdateStats). */
  lastUpdate: HandoverUpdateStats = { full: true, flowsChecked: 0, marksChanged: 0, ms: 0 };

  private marks = new Map<string, MarkState>();
  private tally: HandoverCounts = emptyCounts();
  /** Flow nodes whose lanes changed inside the running command, by id. */
  private relaned = new Set<string>();

  constructor(
    private eventBus: EventBus,
    private canvas: Canvas,
    private elementRegistry: ElementRegistry,
    private overlays: Overlays,
    private selection: Selection
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
    this.finish({ full: true, flowsChecked: connections.length, marksChanged: changed, ms: performance.now() - started });
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
        for (const node of (element.businessObject.flowNodeRef as ModdleElement[] | undefined) ?? []) {
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
    this.finish({ full: false, flowsChecked: flows.size, marksChanged: changed, ms: performance.now() - started });
  }

  private finish(stats: HandoverUpdateStats): void {
    this.lastUpdate = stats;
    if (stats.marksChanged > 0) this.eventBus.fire('handoverMarkers.changed', { counts: this.counts() });
  }

  /** Brings one flow's mark up to date; true when anything visible changed. */
  private apply(connection: Connection): boolean {
    const handover = classifyFlow(connection.businessObject as ModdleElement);
    if (!handover) return this.forget(connection.id);

    const title = titleOf(handover.mark, handover.from, handover.to);
    const { left, top } = badgeOffset(connection);
    const previous = this.marks.get(connection.id);
    if (
      previous &&
      previous.mark === handover.mark &&
      previous.kind === handover.kind &&
      previous.title === title &&
      previous.left === left &&
      previous.top === top &&
      this.canvas.hasMarker(connection, MARK_CLASSES.mark(handover.mark)) &&
      this.overlays.get(previous.overlayId)
    ) {
      return false;
    }
    if (previous) this.forget(connection.id);

    this.canvas.addMarker(connection, MARK_CLASSES.handover);
    this.canvas.addMarker(connection, handover.kind === 'sequence' ? MARK_CLASSES.sequence : MARK_CLASSES.message);
    this.canvas.addMarker(connection, MARK_CLASSES.mark(handover.mark));
    const overlayId = this.overlays.add(connection, OVERLAY_TYPE, {
      position: { left, top },
      html: this.badge(connection, handover.mark, title),
      scale: { min: 0.6, max: 1.6 }
    });
    this.marks.set(connection.id, { mark: handover.mark, kind: handover.kind, title, from: handover.from, to: handover.to, overlayId, left, top });
    this.tally[handover.mark]++;
    return true;
  }

  /** Removes a flow's mark; true when it had one. */
  private forget(flowId: string): boolean {
    const state = this.marks.get(flowId);
    if (!state) return false;
    this.marks.delete(flowId);
    this.tally[state.mark]--;
    this.overlays.remove(state.overlayId);
    const connection = this.elementRegistry.get(flowId) as Connection | undefined;
    if (connection) {
      for (const cls of [MARK_CLASSES.handover, MARK_CLASSES.sequence, MARK_CLASSES.message, ...ALL_MARK_CLASSES]) {
        this.canvas.removeMarker(connection, cls);
      }
    }
    return true;
  }

  /** Re-words every badge in the current UI language. */
  private retitle(): void {
    for (const [id, state] of this.marks) {
      state.title = titleOf(state.mark, state.from, state.to);
      const badge = this.canvas.getContainer().querySelector<HTMLElement>(`.ml-handover-badge[data-flow-id="${CSS.escape(id)}"]`);
      if (badge) {
        badge.title = state.title;
        badge.setAttribute('aria-label', state.title);
      }
    }
    this.eventBus.fire('handoverMarkers.changed', { counts: this.counts() });
  }

  private badge(connection: Connection, mark: HandoverMark, title: string): HTMLElement {
    const badge = document.createElement('div');
    badge.className = `ml-handover-badge ml-handover-badge--${mark}`;
    badge.dataset.flowId = connection.id;
    badge.dataset.mark = mark;
    badge.setAttribute('role', 'img');
    badge.setAttribute('aria-label', title);
    badge.title = title;
    badge.innerHTML = `<svg viewBox="0 0 18 18" aria-hidden="true">${MARK_ICONS[mark]}</svg>`;
    // A click on the badge selects the flow, so its agreement can be edited right away.
    badge.addEventListener('click', () => {
      const current = this.elementRegistry.get(connection.id);
      if (current) this.selection.select(current as Connection);
    });
    return badge;
  }
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

/** Where the badge sits: centred on the middle of the flow's path, relative to the flow's bounding box. */
export function badgeOffset(connection: { waypoints: Array<{ x: number; y: number }> }): { left: number; top: number } {
  const points = connection.waypoints;
  if (points.length === 0) return { left: 0, top: 0 };
  const minX = Math.min(...points.map((p) => p.x));
  const minY = Math.min(...points.map((p) => p.y));
  let total = 0;
  for (let i = 1; i < points.length; i++) total += distance(points[i - 1]!, points[i]!);
  let remaining = total / 2;
  let mid = points[0]!;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const length = distance(a, b);
    if (remaining <= length && length > 0) {
      const t = remaining / length;
      mid = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
      break;
    }
    remaining -= length;
    mid = b;
  }
  return { left: Math.round(mid.x - minX - BADGE_RADIUS), top: Math.round(mid.y - minY - BADGE_RADIUS) };
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

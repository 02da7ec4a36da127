import { msg, str } from '@lit/localize';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import type { Connection, Element, Shape } from 'diagram-js/lib/model/Types';
import type { AuditFinding } from '../../../analysis/audit';
import type { RuleSeverity } from '../../../model/value-chain/schema';
import type AuditService from './AuditService';
import { AUDIT_CHANGED, type AuditChangedEvent } from './AuditService';
import { findingMessage, severityLabel } from './finding-text';
import { ensureAuditStyles, SEVERITY_COLOURS, SEVERITY_ICONS, SEVERITY_ORDER } from './styles';
import { readPreference, writePreference } from '../../../preferences/preferences';

/** Fired when the user clicks a badge: the element is selected; a panel may show its findings. */
export const AUDIT_MARKER_CLICK = 'auditMarkers.click';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Where along a flow's path its badge sits (the handover mark takes the middle). */
const FLOW_POSITION = 0.25;
const BADGE_HEIGHT = 20;
/** At most this many findings are spelled out in a badge's title. */
const TITLE_FINDINGS = 4;
/** Class on the canvas container while the user has hidden the badges. */
const HIDDEN_CLASS = 'ml-audit-markers-hidden';
/** The canvas layer the badges are drawn on (a utility layer, above every element). */
const LAYER = 'ml-audit-badges';

interface Badge {
  node: SVGGElement;
  severity: RuleSeverity;
  count: number;
  title: string;
  /** What the badge's position was computed from: a shape's width, a flow's path. */
  anchor: string;
}

/**
 * Draws the audit's findings on the canvas: one badge per activity or flow with
 * findings, showing the worst severity (colour and icon shape) and the number of
 * findings, with the messages as its accessible name and tooltip. Only the elements
 * named by `audit.changed` are redrawn, so an edit touches a handful of badges.
 *
 * Badges are small SVG groups on a canvas layer of their own, above every element,
 * rather than HTML overlays: diagram-js builds every overlay by parsing HTML and
 * repositions all of them on each scroll and zoom, which made the first audit of a
 * 1,000-step model block the page for more than a second. A badge is placed in
 * diagram coordinates and moved when its shape moves or its flow is rerouted; badges
 * of elements on another plane (inside a collapsed sub-process) wait until that plane
 * is shown. A click on a badge selects its element.
 *
 * Findings about the whole process (customer to customer, customer promise) have no
 * shape to sit on; the audit panel lists them.
 */
export default class AuditMarkers {
  static $inject = ['eventBus', 'canvas', 'elementRegistry', 'selection', 'auditService'];

  private readonly badges = new Map<string, Badge>();
  private visible: boolean;
  private layerNode: SVGGElement | undefined;

  constructor(
    private readonly eventBus: EventBus,
    private readonly canvas: Canvas,
    private readonly elementRegistry: ElementRegistry,
    private readonly selection: Selection,
    private readonly auditService: AuditService
  ) {
    if (typeof document !== 'undefined') ensureAuditStyles(document);
    this.visible = readVisible();
    this.applyVisibility();

    eventBus.on(AUDIT_CHANGED, (event: AuditChangedEvent) => this.update(event.elementIds));
    eventBus.on('diagram.clear', () => {
      for (const badge of this.badges.values()) badge.node.remove();
      this.badges.clear();
    });
    // A shape that was deleted and comes back (undo), or replaced, gets its badge again.
    eventBus.on(['shape.added', 'connection.added'], (event: { element: Element }) => {
      if (this.auditService.findingsOf(event.element.id).length > 0) this.refresh(event.element.id);
    });
    eventBus.on(['shape.removed', 'connection.removed'], (event: { element: Element }) => this.remove(event.element.id));
    // A moved or resized shape or a rerouted flow keeps its findings, but its badge must follow.
    eventBus.on('elements.changed', (event: { elements: Element[] }) => {
      for (const element of event.elements) {
        const badge = this.badges.get(element.id);
        if (badge && this.elementRegistry.get(element.id) === element && anchorOf(element) !== badge.anchor) this.refresh(element.id);
      }
    });
    // Another plane (a sub-process opened for drill-down) shows other elements.
    eventBus.on('root.set', () => this.update(null));
    eventBus.on('i18n.changed', () => this.update(null));
  }

  /** Whether the badges are shown. */
  isVisible(): boolean {
    return this.visible;
  }

  /** Shows or hides the badges (remembered); the audit keeps running for the panel. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    writePreference('auditMarkersVisible', visible);
    this.applyVisibility();
    this.eventBus.fire('auditMarkers.visibility', { visible });
  }

  /** The badge on an element (severity, count, title); undefined without findings. */
  badgeOf(elementId: string): { severity: RuleSeverity; count: number; title: string } | undefined {
    const badge = this.badges.get(elementId);
    return badge ? { severity: badge.severity, count: badge.count, title: badge.title } : undefined;
  }

  /** How many elements carry a badge. */
  count(): number {
    return this.badges.size;
  }

  /** The badge layer, created on first use, with one click handler for every badge on it. */
  private layer(): SVGGElement {
    if (!this.layerNode) {
      this.layerNode = this.canvas.getLayer(LAYER) as unknown as SVGGElement;
      this.layerNode.addEventListener('click', (event) => {
        const node = (event.target as globalThis.Element | null)?.closest?.('.ml-audit-badge') as SVGGElement | null;
        const element = node?.dataset.elementId ? this.elementRegistry.get(node.dataset.elementId) : undefined;
        if (!element) return;
        event.stopPropagation();
        this.selection.select(element);
        this.eventBus.fire(AUDIT_MARKER_CLICK, { elementId: element.id });
      });
    }
    return this.layerNode;
  }

  private applyVisibility(): void {
    this.canvas.getContainer().classList.toggle(HIDDEN_CLASS, !this.visible);
  }

  /** Redraws the badges of the given elements, or of all elements (null). */
  private update(elementIds: string[] | null): void {
    if (elementIds !== null) {
      for (const id of elementIds) this.refresh(id);
      return;
    }
    for (const id of [...this.badges.keys()]) this.remove(id);
    const result = this.auditService.result;
    if (!result) return;
    for (const id of new Set(result.findings.map((f) => f.elementId))) this.refresh(id);
  }

  private refresh(elementId: string): void {
    this.remove(elementId);
    const element = this.elementRegistry.get(elementId) as Element | undefined;
    const findings = this.auditService.findingsOf(elementId);
    // The process or collaboration is the canvas root: it has no place for a badge.
    if (!element || findings.length === 0 || !element.parent) return;
    if (this.canvas.findRoot(element) !== this.canvas.getRootElement()) return;
    const severity = SEVERITY_ORDER.find((s) => findings.some((f) => f.severity === s)) ?? 'info';
    const title = titleOf(findings);
    const node = badgeNode(element, severity, findings.length, title);
    this.layer().appendChild(node);
    this.badges.set(elementId, { node, severity, count: findings.length, title, anchor: anchorOf(element) });
  }

  private remove(elementId: string): void {
    const badge = this.badges.get(elementId);
    if (!badge) return;
    this.badges.delete(elementId);
    badge.node.remove();
  }
}

/** The accessible title of a badge: how many findings, then the first few messages with their severity. */
export function titleOf(findings: readonly AuditFinding[]): string {
  const head = findings.length === 1 ? msg('1 audit finding') : msg(str`${findings.length} audit findings`);
  const lines = findings.slice(0, TITLE_FINDINGS).map((f) => `${severityLabel(f.severity)}: ${findingMessage(f)}`);
  const more = findings.length > TITLE_FINDINGS ? [msg(str`and ${findings.length - TITLE_FINDINGS} more`)] : [];
  return [head, ...lines, ...more].join('\n');
}

/** The SVG badge: a pill in the severity colour with its white icon and the number of findings. */
function badgeNode(element: Element, severity: RuleSeverity, count: number, title: string): SVGGElement {
  const digits = String(count).length;
  const width = 26 + 7 * digits;
  const { x, y } = placeOf(element, width);
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('class', `ml-audit-badge ml-audit-badge--${severity}`);
  g.setAttribute('transform', `translate(${x} ${y})`);
  g.setAttribute('role', 'img');
  g.setAttribute('aria-label', title);
  g.dataset.elementId = element.id;
  g.dataset.severity = severity;
  g.innerHTML =
    `<rect width="${width}" height="${BADGE_HEIGHT}" rx="${BADGE_HEIGHT / 2}" fill="${SEVERITY_COLOURS[severity]}" stroke="#fff" stroke-width="2"/>` +
    `<g transform="translate(3 2)">${SEVERITY_ICONS[severity]}</g>` +
    `<text x="${20 + (7 * digits) / 2}" y="14.5" text-anchor="middle">${count}</text>`;
  const tooltip = document.createElementNS(SVG_NS, 'title');
  tooltip.textContent = title;
  g.prepend(tooltip);
  return g;
}

/** Where a badge goes in its element's graphics: a shape's top-right corner, a quarter along a flow's path. */
function placeOf(element: Element, width: number): { x: number; y: number } {
  if (isConnection(element)) {
    const at = pointAlong(element.waypoints, FLOW_POSITION);
    return { x: Math.round(at.x - width / 2), y: Math.round(at.y - BADGE_HEIGHT / 2) };
  }
  const shape = element as Shape;
  return { x: Math.round(shape.x + shape.width - width + 8), y: shape.y - BADGE_HEIGHT / 2 };
}

/** What a badge's position depends on, to tell when it must move. */
function anchorOf(element: Element): string {
  if (isConnection(element)) return element.waypoints.map((p) => `${p.x},${p.y}`).join(' ');
  const shape = element as Shape;
  return `${shape.x},${shape.y},${shape.width}`;
}

function isConnection(element: Element): element is Connection {
  return Array.isArray((element as Connection).waypoints);
}

/** The point at `fraction` of the length of a path. */
export function pointAlong(points: ReadonlyArray<{ x: number; y: number }>, fraction: number): { x: number; y: number } {
  if (points.length === 0) return { x: 0, y: 0 };
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  let remaining = total * fraction;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (remaining <= length && length > 0) {
      const t = remaining / length;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
    remaining -= length;
  }
  return points[points.length - 1]!;
}

function readVisible(): boolean {
  return readPreference('auditMarkersVisible') ?? true;
}

import { msg, str } from '@lit/localize';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import type { Connection, Element } from 'diagram-js/lib/model/Types';
import type { AuditFinding } from '../../../analysis/audit';
import type { RuleSeverity } from '../../../model/value-chain/schema';
import type AuditService from './AuditService';
import { AUDIT_CHANGED, type AuditChangedEvent } from './AuditService';
import { findingMessage, severityLabel } from './finding-text';
import { ensureAuditStyles, SEVERITY_ICONS, SEVERITY_ORDER } from './styles';

/** localStorage key: '0' when the user hid the badges. */
export const MARKERS_VISIBLE_KEY = 'missinglink.auditMarkers';

const OVERLAY_TYPE = 'ml-audit';
/** Where along a flow's path its badge sits (the handover mark takes the middle). */
const FLOW_POSITION = 0.25;
const BADGE_HALF = 10;
/** At most this many findings are spelled out in a badge's title. */
const TITLE_FINDINGS = 4;

interface Badge {
  overlayId: string;
  severity: RuleSeverity;
  count: number;
  title: string;
  /** For flows: the offset the badge was placed at, relative to the flow's box. */
  offset?: { left: number; top: number };
}

/** Fired when the user clicks a badge: the element was selected; a panel may show its findings. */
export const AUDIT_MARKER_CLICK = 'auditMarkers.click';

/**
 * Draws the audit's findings on the canvas: one badge per activity or flow with
 * findings, showing the worst severity (colour and icon) and the number of findings,
 * with the messages as its accessible title. Only the elements named by
 * `audit.changed` are redrawn, so an edit touches a handful of badges.
 * Findings about the whole process (customer to customer, customer promise) have no
 * shape to sit on; the audit panel lists them.
 */
export default class AuditMarkers {
  static $inject = ['eventBus', 'canvas', 'elementRegistry', 'overlays', 'selection', 'auditService'];

  private readonly badges = new Map<string, Badge>();
  private visible: boolean;

  constructor(
    private readonly eventBus: EventBus,
    private readonly canvas: Canvas,
    private readonly elementRegistry: ElementRegistry,
    private readonly overlays: Overlays,
    private readonly selection: Selection,
    private readonly auditService: AuditService
  ) {
    if (typeof document !== 'undefined') ensureAuditStyles(document);
    this.visible = readVisible();
    this.applyVisibility();

    eventBus.on(AUDIT_CHANGED, (event: AuditChangedEvent) => this.update(event.elementIds));
    eventBus.on('diagram.clear', () => this.badges.clear());
    // A flow whose path changed keeps its findings, but its badge must follow the path.
    eventBus.on('elements.changed', (event: { elements: Element[] }) => {
      for (const element of event.elements) {
        const badge = this.badges.get(element.id);
        if (badge?.offset && isConnection(element) && this.elementRegistry.get(element.id) === element) {
          const offset = pointAlong(element, FLOW_POSITION);
          if (offset.left !== badge.offset.left || offset.top !== badge.offset.top) this.draw(element, this.auditService.findingsOf(element.id));
        }
      }
    });
    eventBus.on('i18n.changed', () => this.update(null));
  }

  /** Whether the badges are shown. */
  isVisible(): boolean {
    return this.visible;
  }

  /** Shows or hides the badges (remembered); the audit keeps running for the panel. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    try {
      localStorage.setItem(MARKERS_VISIBLE_KEY, visible ? '1' : '0');
    } catch {
      // not remembered when storage is blocked
    }
    this.applyVisibility();
    this.eventBus.fire('auditMarkers.visibility', { visible });
  }

  /** The badge on an element, for tests: severity, count and title; undefined without findings. */
  badgeOf(elementId: string): { severity: RuleSeverity; count: number; title: string } | undefined {
    const badge = this.badges.get(elementId);
    return badge ? { severity: badge.severity, count: badge.count, title: badge.title } : undefined;
  }

  /** How many elements carry a badge. */
  count(): number {
    return this.badges.size;
  }

  private applyVisibility(): void {
    this.canvas.getContainer().classList.toggle('ml-audit-markers-hidden', !this.visible);
  }

  /** Redraws the badges of the given elements, or of all elements (null). */
  private update(elementIds: string[] | null): void {
    if (elementIds === null) {
      for (const id of [...this.badges.keys()]) this.remove(id);
      const result = this.auditService.result;
      if (!result) return;
      const ids = new Set(result.findings.map((f) => f.elementId));
      for (const id of ids) this.refresh(id);
      return;
    }
    for (const id of elementIds) this.refresh(id);
  }

  private refresh(elementId: string): void {
    const element = this.elementRegistry.get(elementId) as Element | undefined;
    const findings = this.auditService.findingsOf(elementId);
    // The process or collaboration is the canvas root: it has no place for a badge.
    if (!element || findings.length === 0 || !element.parent) {
      this.remove(elementId);
      return;
    }
    this.draw(element, findings);
  }

  private draw(element: Element, findings: AuditFinding[]): void {
    this.remove(element.id);
    if (findings.length === 0) return;
    const severity = SEVERITY_ORDER.find((s) => findings.some((f) => f.severity === s)) ?? 'info';
    const title = titleOf(findings);
    const offset = isConnection(element) ? pointAlong(element, FLOW_POSITION) : undefined;
    const overlayId = this.overlays.add(element, OVERLAY_TYPE, {
      position: offset ?? { top: -BADGE_HALF, right: 2 * BADGE_HALF },
      html: this.badge(element.id, severity, findings.length, title),
      scale: { min: 0.7, max: 1.5 }
    });
    this.badges.set(element.id, { overlayId, severity, count: findings.length, title, ...(offset ? { offset } : {}) });
  }

  private remove(elementId: string): void {
    const badge = this.badges.get(elementId);
    if (!badge) return;
    this.badges.delete(elementId);
    this.overlays.remove(badge.overlayId);
  }

  private badge(elementId: string, severity: RuleSeverity, count: number, title: string): HTMLElement {
    const badge = document.createElement('div');
    badge.className = `ml-audit-badge ml-audit-badge--${severity}`;
    badge.dataset.elementId = elementId;
    badge.dataset.severity = severity;
    badge.setAttribute('role', 'img');
    badge.setAttribute('aria-label', title);
    badge.title = title;
    badge.innerHTML = `<svg viewBox="0 0 16 16" aria-hidden="true">${SEVERITY_ICONS[severity]}</svg>`;
    badge.append(String(count));
    badge.addEventListener('click', (event) => {
      event.stopPropagation();
      const current = this.elementRegistry.get(elementId);
      if (!current) return;
      this.selection.select(current);
      this.eventBus.fire(AUDIT_MARKER_CLICK, { elementId });
    });
    return badge;
  }
}

/** The accessible title of a badge: how many findings, then the first few messages with their severity. */
export function titleOf(findings: readonly AuditFinding[]): string {
  const head = findings.length === 1 ? msg('1 audit finding') : msg(str`${findings.length} audit findings`);
  const lines = findings.slice(0, TITLE_FINDINGS).map((f) => `${severityLabel(f.severity)}: ${findingMessage(f)}`);
  const more = findings.length > TITLE_FINDINGS ? [msg(str`and ${findings.length - TITLE_FINDINGS} more`)] : [];
  return [head, ...lines, ...more].join('\n');
}

function isConnection(element: Element): element is Connection {
  return Array.isArray((element as Connection).waypoints);
}

/** The badge position at `fraction` of a flow's path, relative to the flow's bounding box. */
export function pointAlong(connection: { waypoints: Array<{ x: number; y: number }> }, fraction: number): { left: number; top: number } {
  const points = connection.waypoints;
  if (points.length === 0) return { left: 0, top: 0 };
  const minX = Math.min(...points.map((p) => p.x));
  const minY = Math.min(...points.map((p) => p.y));
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  let remaining = total * fraction;
  let at = points[0]!;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (remaining <= length && length > 0) {
      const t = remaining / length;
      at = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
      break;
    }
    remaining -= length;
    at = b;
  }
  return { left: Math.round(at.x - minX - BADGE_HALF), top: Math.round(at.y - minY - BADGE_HALF) };
}

function readVisible(): boolean {
  try {
    return localStorage.getItem(MARKERS_VISIBLE_KEY) !== '0';
  } catch {
    return true;
  }
}

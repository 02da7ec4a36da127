import type { Modeler } from '../../modeler/create-modeler';
import type { AuditMarkers, AuditService } from '../../modeler/features/audit-markers';

/** The audit components that need the audit running while they are on the page. */
const CONSUMERS = ['ml-audit-panel', 'ml-handover-matrix'];

/**
 * Switches the audit off when nobody uses it any more: the badges are hidden and no
 * audit panel is open. Call from a consumer's disconnectedCallback; the next panel
 * that opens switches it on again (and with it the badges' audit after a reload).
 */
export function releaseAudit(modeler: Modeler | undefined, leaving: Element): void {
  if (!modeler) return;
  const markers = modeler.get<AuditMarkers>('auditMarkers');
  if (markers.isVisible()) return;
  const stillOpen = CONSUMERS.some((tag) => [...document.querySelectorAll(tag)].some((el) => el !== leaving && el.isConnected));
  if (!stillOpen) modeler.get<AuditService>('auditService').disable();
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AuditResult } from '../../analysis/audit';
import type { Modeler } from '../../modeler/create-modeler';
import { AUDIT_CHANGED, type AuditService } from '../../modeler/features/audit-markers';
import { ModelerEventsController, type ModelerListener } from '../shared/modeler-events';
import { releaseAudit } from './audit-lifecycle';

/** What the host hears from the audit. */
export interface AuditResultHandlers {
  /** The newest result (undefined before the first audit ran). */
  result(result: AuditResult | undefined): void;
  /** The audit could not be switched on. */
  failed(error: unknown): void;
  /** The controller subscribed to this modeler (read other state once). */
  attached?(modeler: Modeler): void;
}

/**
 * Keeps an audit view (the audit panel, the handover matrix) on the live audit: switches
 * the audit on while the view is on the page, hands over every new result, and switches
 * the audit off again when the last audit view leaves (unless the badges still need it).
 */
export class AuditResultController implements ReactiveController {
  private readonly events: ModelerEventsController;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly handlers: AuditResultHandlers,
    /** More modeler events the host wants while it is attached. */
    listeners: readonly ModelerListener[] = []
  ) {
    this.events = new ModelerEventsController(host, [[AUDIT_CHANGED, this.onAuditChanged], ...listeners], (modeler) => this.start(modeler));
    host.addController(this);
  }

  /** Follows this modeler (call from the host's willUpdate). */
  track(modeler: Modeler | undefined): void {
    this.events.track(modeler);
  }

  hostDisconnected(): void {
    releaseAudit(this.events.modeler, this.host);
  }

  private start(modeler: Modeler): void {
    const service = modeler.get<AuditService>('auditService');
    this.handlers.result(service.result);
    this.handlers.attached?.(modeler);
    service.enable().then(
      (result) => this.handlers.result(result),
      (error: unknown) => this.handlers.failed(error)
    );
  }

  private onAuditChanged = (): void => {
    this.handlers.result(this.events.modeler?.get<AuditService>('auditService').result);
  };
}

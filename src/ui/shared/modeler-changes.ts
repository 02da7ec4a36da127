import type { ReactiveControllerHost } from 'lit';
import { ModelerEventsController } from './modeler-events';
import type { Modeler } from '../../modeler/create-modeler';

/** The modeler events after which a table must read the model again. */
const CHANGE_EVENTS = ['import.done', 'elements.changed', 'valueChain.changed'];

/**
 * Keeps a table in step with the modeler: it listens to the modeler's changes while the
 * host is connected and marks the host dirty, so several events of one command (shape
 * changes, then value-chain changes) lead to a single re-read in the host's next update.
 */
export class ModelerChangesController {
  /** True when the model may have changed since the host last read it. */
  dirty = true;

  private readonly events: ModelerEventsController;

  constructor(private readonly host: ReactiveControllerHost) {
    this.events = new ModelerEventsController(host, [[CHANGE_EVENTS, () => this.onChange()]], () => (this.dirty = true));
  }

  /** Follows this modeler from now on (call from the host's willUpdate). */
  track(modeler: Modeler | undefined): void {
    this.events.track(modeler);
  }

  /** Returns whether the model changed since the last call, and resets the flag. */
  takeDirty(): boolean {
    const was = this.dirty;
    this.dirty = false;
    return was;
  }

  private onChange(): void {
    this.dirty = true;
    this.host.requestUpdate();
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type { Modeler } from '../../modeler/create-modeler';

/** The modeler events after which a table must read the model again. */
const CHANGE_EVENTS = ['import.done', 'elements.changed', 'valueChain.changed'];

/**
 * Keeps a table in step with the modeler: it listens to the modeler's changes while the
 * host is connected and marks the host dirty, so several events of one command (shape
 * changes, then value-chain changes) lead to a single re-read in the host's next update.
 */
export class ModelerChangesController implements ReactiveController {
  /** True when the model may have changed since the host last read it. */
  dirty = true;

  private bus: EventBus | undefined;
  private wanted: Modeler | undefined;
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Follows this modeler from now on (call from the host's willUpdate). */
  track(modeler: Modeler | undefined): void {
    this.wanted = modeler;
    if (this.connected) this.attach();
  }

  /** Returns whether the model changed since the last call, and resets the flag. */
  takeDirty(): boolean {
    const was = this.dirty;
    this.dirty = false;
    return was;
  }

  hostConnected(): void {
    this.connected = true;
    this.attach();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.detach();
  }

  private attach(): void {
    const bus = this.wanted?.get<EventBus>('eventBus');
    if (bus === this.bus) return;
    this.detach();
    this.bus = bus;
    bus?.on(CHANGE_EVENTS, this.onChange);
    this.dirty = true;
  }

  private detach(): void {
    this.bus?.off(CHANGE_EVENTS, this.onChange);
    this.bus = undefined;
  }

  private onChange = (): void => {
    this.dirty = true;
    this.host.requestUpdate();
  };
}

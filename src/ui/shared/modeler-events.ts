import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type { Modeler } from '../../modeler/create-modeler';

/** One subscription: modeler events and the handler they call. */
export type ModelerListener = readonly [events: string | string[], handler: (event: unknown) => void];

/**
 * Holds a component's subscriptions to the modeler's event bus: subscribed while the
 * host is connected and a modeler is tracked, moved when the modeler changes, dropped
 * when the host disconnects. `onAttach` runs after each subscription (read the model
 * once, start a service), `onDetach` after each unsubscription. The one copy of what panels used to write by hand.
 */
export class ModelerEventsController implements ReactiveController {
  private bus: EventBus | undefined;
  private tracked: Modeler | undefined;
  private connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly listeners: readonly ModelerListener[],
    private readonly onAttach?: (modeler: Modeler) => void,
    /** Runs when the subscriptions end (the host left, or the modeler changed): drop what onAttach set up. */
    private readonly onDetach?: () => void
  ) {
    host.addController(this);
  }

  /** The modeler followed now, if any. */
  get modeler(): Modeler | undefined {
    return this.tracked;
  }

  /** Whether the subscriptions are in place (host connected, modeler tracked). */
  get attached(): boolean {
    return this.bus !== undefined;
  }

  /** Follows this modeler from now on (call from the host's willUpdate); the same one again changes nothing. */
  track(modeler: Modeler | undefined): void {
    if (modeler === this.tracked) return;
    this.detach();
    this.tracked = modeler;
    this.attach();
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
    if (!this.connected || !this.tracked || this.bus) return;
    const bus = this.tracked.get<EventBus>('eventBus');
    this.bus = bus;
    for (const [events, handler] of this.listeners) bus.on(events, handler);
    this.onAttach?.(this.tracked);
  }

  private detach(): void {
    const bus = this.bus;
    if (!bus) return;
    for (const [events, handler] of this.listeners) bus.off(events, handler);
    this.bus = undefined;
    this.onDetach?.();
  }
}

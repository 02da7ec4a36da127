import { describe, expect, it } from 'vitest';
import EventBus from 'diagram-js/lib/core/EventBus';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Modeler } from '../../../../src/modeler/create-modeler';
import { ModelerEventsController } from '../../../../src/ui/shared/modeler-events';

/** A component stand-in: collects its controllers and connects or disconnects them as Lit does. */
function host() {
  const controllers: ReactiveController[] = [];
  const h: ReactiveControllerHost & { connect(): void; disconnect(): void } = {
    addController: (c) => controllers.push(c),
    removeController: () => {},
    requestUpdate: () => {},
    updateComplete: Promise.resolve(true),
    connect: () => controllers.forEach((c) => c.hostConnected?.()),
    disconnect: () => controllers.forEach((c) => c.hostDisconnected?.())
  };
  return h;
}

function modeler(): { modeler: Modeler; bus: EventBus } {
  const bus = new EventBus();
  return { bus, modeler: { get: () => bus } as unknown as Modeler };
}

describe('ModelerEventsController', () => {
  it('given a connected host that tracks a modeler, when the modeler fires, then the handler runs; after disconnect it no longer does', () => {
    const h = host();
    const heard: string[] = [];
    const attached: Modeler[] = [];
    const events = new ModelerEventsController(h, [[['a', 'b'], (e) => heard.push((e as { type: string }).type)]], (m) => attached.push(m));
    const { modeler: m, bus } = modeler();
    h.connect();
    events.track(m);
    bus.fire('a');
    bus.fire('b');
    expect(heard).toEqual(['a', 'b']);
    expect(attached).toEqual([m]);
    h.disconnect();
    bus.fire('a');
    expect(heard).toEqual(['a', 'b']);
    expect(events.attached).toBe(false);
  });

  it('given a host that is not connected, when it tracks a modeler, then it subscribes only once connected, and again after reconnecting', () => {
    const h = host();
    let count = 0;
    const events = new ModelerEventsController(h, [['x', () => count++]]);
    const { modeler: m, bus } = modeler();
    events.track(m);
    bus.fire('x');
    expect(count).toBe(0);
    h.connect();
    bus.fire('x');
    h.disconnect();
    h.connect();
    bus.fire('x');
    expect(count).toBe(2);
  });

  it('given a tracked modeler, when another modeler is tracked, then only the new one is heard, and tracking the same one again subscribes no second time', () => {
    const h = host();
    let count = 0;
    let attaches = 0;
    const events = new ModelerEventsController(h, [['x', () => count++]], () => attaches++);
    const first = modeler();
    const second = modeler();
    h.connect();
    events.track(first.modeler);
    events.track(second.modeler);
    events.track(second.modeler);
    first.bus.fire('x');
    second.bus.fire('x');
    expect(count).toBe(1);
    expect(attaches).toBe(2);
  });
});

import { ContextConsumer, createContext } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import type { AppServices } from '../../app/services';

/**
 * The app's services (src/app/services.ts) as a Lit context: the shell provides them,
 * a panel that needs more than the modeler and controller it gets as properties
 * (the reviews, the assessments, the library analysis) consumes them.
 */
export const servicesContext = createContext<AppServices>(Symbol('missinglink.services'));

/** Subscribes a component to the app's services; `.value` is undefined until the shell has started. */
export function consumeServices(
  host: ReactiveControllerHost & HTMLElement
): ContextConsumer<typeof servicesContext, ReactiveControllerHost & HTMLElement> {
  return new ContextConsumer(host, { context: servicesContext, subscribe: true });
}

/*
 * The custom events our components send upward, with their details, in one map: a
 * component emits through emit() and a listener knows the detail's type. Events bubble
 * and cross shadow roots (composed), so the shell or a parent panel can react.
 */

/** The payload of `ml-dashboard-rendered`: what was drawn, for tests and the benchmark. */
export interface DashboardRenderedDetail {
  scope: 'process' | 'library';
  kpis: number;
  processes: number;
  charts: number;
}

/** Every ml-* event and its detail. */
export interface MlEvents {
  /** The panel asks the shell to close it. */
  'ml-close': undefined;
  /** The dashboard's data and charts are on screen (for tests and the benchmark). */
  'ml-dashboard-rendered': DashboardRenderedDetail;
}

/** Sends a typed, bubbling, composed event from `host`. */
export function emit<K extends keyof MlEvents>(
  host: EventTarget,
  name: K,
  ...detail: MlEvents[K] extends undefined ? [] : [MlEvents[K]]
): void {
  host.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: detail[0] }));
}

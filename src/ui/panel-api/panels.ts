import type { TemplateResult } from 'lit';
import type { AppServices } from '../../app/services';

/*
 * The panel API: what a feature needs to put a panel into the shell. Features import
 * this module (and ./context), never the shell, so the shell can import every
 * feature's registration without a cycle.
 */

/**
 * What a panel gets from the shell: the modeler (read through it, write through its
 * command stack), the app controller, and the other app services (also available
 * through servicesContext).
 */
export type PanelContext = AppServices;

/**
 * A panel the shell shows beside the canvas (`side`) or below it (`bottom`). Features
 * register here instead of editing the shell; `label` is called on every render so it
 * follows the UI language.
 */
export interface PanelDefinition {
  id: string;
  place: 'side' | 'bottom';
  label: () => string;
  /**
   * Loads the panel's components on first use. Always give it (and import nothing heavy
   * statically in the registering module): the app's initial JavaScript has a budget,
   * and most panels are opened by only some users.
   */
  load?: () => Promise<unknown>;
  render: (context: PanelContext) => TemplateResult;
  /**
   * Opens the panel by itself the first time a diagram element is clicked in a
   * session, unless another panel is open in its place. After that it stays as the
   * user leaves it.
   */
  openOnFirstElementClick?: boolean;
}

const panels: PanelDefinition[] = [];

/** Adds a panel to the shell; call at module load of the panel's feature. */
export function registerPanel(panel: PanelDefinition): void {
  if (!panels.some((p) => p.id === panel.id)) panels.push(panel);
}

/** The registered panels for one place, in registration order. */
export function panelsAt(place: PanelDefinition['place']): PanelDefinition[] {
  return panels.filter((p) => p.place === place);
}

const loaded = new Map<string, Promise<unknown>>();

/** Loads a panel's code once; resolves immediately for panels without `load`. */
export function loadPanel(panel: PanelDefinition): Promise<unknown> {
  let promise = loaded.get(panel.id);
  if (!promise) {
    promise = panel.load ? panel.load() : Promise.resolve();
    loaded.set(panel.id, promise);
  }
  return promise;
}

import { html } from 'lit';
import { msg } from '@lit/localize';
import { registerPanel } from '../app/panels';
import type { MlApp } from '../app/ml-app';

/** The side panel's id; the shell's header button for it carries data-panel="properties". */
export const PROPERTIES_PANEL_ID = 'properties';

registerPanel({
  id: PROPERTIES_PANEL_ID,
  place: 'side',
  label: () => msg('Properties'),
  load: () => import('./ml-properties'),
  render: ({ modeler }) => html`<ml-properties .modeler=${modeler}></ml-properties>`
});

/**
 * A marketeer who clicks a task expects to see its details, so the panel opens by
 * itself the first time a diagram element is clicked in a session, beside the canvas
 * (never over it), unless another side panel is open. After that it stays as the user
 * leaves it.
 */
let autoOpened = false;
document.addEventListener('click', (event) => {
  if (autoOpened || !(event.target instanceof Element) || !event.target.closest('.djs-container .djs-element[data-element-id]')) return;
  autoOpened = true;
  const shell = document.querySelector<MlApp>('ml-app');
  if (shell && !shell.sidePanel) shell.openPanel(PROPERTIES_PANEL_ID);
});

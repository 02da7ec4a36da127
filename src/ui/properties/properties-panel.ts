import { html } from 'lit';
import { msg } from '@lit/localize';
import { registerPanel } from '../app/panels';
import './ml-properties';

/** The side panel's id; the shell's header button for it carries data-panel="properties". */
export const PROPERTIES_PANEL_ID = 'properties';

registerPanel({
  id: PROPERTIES_PANEL_ID,
  place: 'side',
  label: () => msg('Properties'),
  render: ({ modeler }) => html`<ml-properties .modeler=${modeler}></ml-properties>`
});

/**
 * A marketeer who clicks a task expects to see its details, so the panel opens by
 * itself the first time a diagram element is clicked in a session, beside the canvas
 * (never over it), unless another side panel is open. After that it stays as the user
 * leaves it. It is opened through the shell's own header button, as a user would.
 */
let autoOpened = false;
document.addEventListener('click', (event) => {
  if (autoOpened || !(event.target instanceof Element) || !event.target.closest('.djs-container .djs-element[data-element-id]')) return;
  autoOpened = true;
  const anyOpen = document.querySelector('.panel-side');
  const toggle = document.querySelector<HTMLButtonElement>(`button[data-panel="${PROPERTIES_PANEL_ID}"]`);
  if (!anyOpen && toggle?.getAttribute('aria-pressed') === 'false') toggle.click();
});

import { html } from 'lit';
import { msg } from '@lit/localize';
import { registerPanel } from '../panel-api/panels';

/** The side panel's id; the shell's header button for it carries data-panel="properties". */
export const PROPERTIES_PANEL_ID = 'properties';

registerPanel({
  id: PROPERTIES_PANEL_ID,
  place: 'side',
  label: () => msg('Properties'),
  load: () => import('./ml-properties'),
  render: ({ modeler }) => html`<ml-properties .modeler=${modeler}></ml-properties>`,
  // A marketeer who clicks a task expects to see its details, beside the canvas (never over it).
  openOnFirstElementClick: true
});

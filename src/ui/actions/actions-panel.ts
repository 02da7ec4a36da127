import { html } from 'lit';
import { msg } from '@lit/localize';
import { registerPanel } from '../panel-api/panels';

// The actions list sits beside the canvas, so a click on an action shows its step.
registerPanel({
  id: 'actions',
  place: 'side',
  load: () => import('./ml-actions'),
  label: () => msg('Improvement actions'),
  render: ({ modeler }) => html`<ml-actions .modeler=${modeler}></ml-actions>`
});

import { html } from 'lit';
import { msg } from '@lit/localize';
import { registerPanel } from '../panel-api/panels';

// Beside the canvas: the assessment is about the organisation, so it does not need the diagram's width; chart.js and the CEMM texts load on first open.
registerPanel({
  id: 'maturity',
  place: 'side',
  load: () => import('./ml-maturity'),
  label: () => msg('Maturity'),
  render: ({ modeler, controller }) => html`<ml-maturity .modeler=${modeler} .controller=${controller}></ml-maturity>`
});

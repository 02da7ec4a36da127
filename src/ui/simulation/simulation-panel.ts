import { html } from 'lit';
import { msg } from '@lit/localize';
import { registerPanel } from '../panel-api/panels';

// Below the canvas: the tokens and flags are drawn on the diagram, so it stays in view while the run is controlled here.
registerPanel({
  id: 'simulation',
  place: 'bottom',
  load: () => import('./ml-simulation'),
  label: () => msg('Simulation'),
  render: ({ modeler, controller }) => html`<ml-simulation .modeler=${modeler} .controller=${controller}></ml-simulation>`
});

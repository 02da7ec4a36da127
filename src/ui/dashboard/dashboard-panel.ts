import { html } from 'lit';
import { msg } from '@lit/localize';
import { registerPanel } from '../panel-api/panels';

// Below the canvas: the dashboard needs width for its table and charts, and the diagram stays in view for a click on a KPI.
registerPanel({
  id: 'dashboard',
  place: 'bottom',
  load: () => import('./ml-dashboard'),
  label: () => msg('Dashboard'),
  render: ({ modeler, controller }) => html`<ml-dashboard .modeler=${modeler} .controller=${controller}></ml-dashboard>`
});

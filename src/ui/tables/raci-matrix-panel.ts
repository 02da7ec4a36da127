import { html } from 'lit';
import { msg } from '@lit/localize';
import { registerPanel } from '../panel-api/panels';

// The RACI matrix opens below the canvas, beside the KPI table's place.
registerPanel({
  id: 'raci-matrix',
  place: 'bottom',
  load: () => import('./ml-raci-matrix'),
  label: () => msg('RACI'),
  render: ({ modeler, controller }) =>
    html`<ml-raci-matrix .modeler=${modeler} .processName=${controller.state.current?.name}></ml-raci-matrix>`
});

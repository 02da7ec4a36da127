import { html } from 'lit';
import { msg } from '@lit/localize';
import { registerPanel } from '../panel-api/panels';

// The KPI table opens below the canvas, so the diagram stays in view while editing.
registerPanel({
  id: 'kpi-table',
  place: 'bottom',
  load: () => import('./ml-kpi-table'),
  label: () => msg('KPIs'),
  render: ({ modeler, controller }) =>
    html`<ml-kpi-table .modeler=${modeler} .processName=${controller.state.current?.name}></ml-kpi-table>`
});

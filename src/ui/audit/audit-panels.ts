import { html } from 'lit';
import { msg } from '@lit/localize';
import { registerPanel } from '../panel-api/panels';

// The audit's two panels: findings, rules and review beside the canvas; the handover
// matrix below it. Their code (and the audit engine) loads when a panel first opens.
registerPanel({
  id: 'audit',
  place: 'side',
  label: () => msg('Audit'),
  load: () => import('./ml-audit-panel'),
  render: ({ modeler, controller }) => html`<ml-audit-panel .modeler=${modeler} .controller=${controller}></ml-audit-panel>`
});

registerPanel({
  id: 'handover-matrix',
  place: 'bottom',
  label: () => msg('Handovers'),
  load: () => import('./ml-handover-matrix'),
  render: ({ modeler }) => html`<ml-handover-matrix .modeler=${modeler}></ml-handover-matrix>`
});

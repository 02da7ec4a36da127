import { html } from 'lit';
import { msg } from '@lit/localize';
import { registerPanel } from '../panel-api/panels';
import { askText } from '../shared/dialogs';
import type { AppController } from '../../app/app-controller';
import './ml-versions';

registerPanel({
  id: 'versions',
  place: 'side',
  label: () => msg('Versions'),
  render: ({ controller }) =>
    html`<ml-versions
      .versions=${controller.state.versions}
      @ml-save-version=${() => saveVersion(controller)}
      @ml-restore-version=${(e: CustomEvent<{ id: number }>) => controller.restoreVersion(e.detail.id)}
    ></ml-versions>`
});

async function saveVersion(controller: AppController): Promise<void> {
  const label = await askText({
    title: msg('Save version'),
    inputLabel: msg('Describe this version'),
    // An example, not a value: Enter on the empty field saves "Version" with its number, never this text.
    placeholder: msg('For example: reviewed with sales'),
    optional: true,
    confirmLabel: msg('Save version')
  });
  if (label !== null) await controller.saveVersion(label);
}

import { html, type TemplateResult } from 'lit';

/**
 * A collapsible group of fields with a one-line status beside its title, so a
 * marketeer can scan what is filled in; open by default, and the user's choice to
 * fold it stays while the panel shows the same kind of element.
 */
export function section(id: string, title: string, status: string, warn: boolean, body: TemplateResult): TemplateResult {
  return html`<details class="section" data-section=${id} open>
    <summary><span>${title}</span><span class="status ${warn ? 'warn' : ''}">${status}</span></summary>
    <div class="section-body">${body}</div>
  </details>`;
}

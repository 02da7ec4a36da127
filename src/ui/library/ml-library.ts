import { LitElement, css, html } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { currentLocale } from '../../i18n/localization';
import type { ProcessSummary } from '../../app/services';

/**
 * The process library: every process stored in this browser.
 *
 * @event ml-open - { id } the user opens a process
 * @event ml-create - the user asks for a new process
 * @event ml-import - { files } the user picked files to import
 * @event ml-download-all - the user asked for every process in one zip file
 * @event ml-rename - { id } the user wants to rename a process
 * @event ml-duplicate - { id } the user wants a copy
 * @event ml-delete - { id } the user wants to delete a process
 */
export class MlLibrary extends LitElement {
  static override properties = {
    processes: { attribute: false },
    currentId: { attribute: false },
    busy: { type: Boolean }
  };
  declare processes: ProcessSummary[];
  declare currentId: string | undefined;
  declare busy: boolean;

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      background: #f4f6f8;
      border-right: 1px solid #d0d7de;
    }
    h2 {
      font-size: 0.8rem;
      text-transform: uppercase;
      letter-spacing: 0.06em;
      color: #47525e;
      margin: 14px 14px 8px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      padding: 0 12px 10px;
    }
    button {
      font: inherit;
      cursor: pointer;
    }
    .actions button {
      flex: 1 1 auto;
      white-space: nowrap;
      padding: 7px 8px;
      border-radius: 6px;
      border: 1px solid #0b5cad;
      background: #0b5cad;
      color: #fff;
      font-weight: 600;
    }
    .actions button.secondary {
      background: #fff;
      color: #0b5cad;
    }
    button:focus-visible {
      outline: 3px solid #ffb000;
      outline-offset: 1px;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0 6px 12px;
      overflow: auto;
      flex: 1;
    }
    li {
      border-radius: 6px;
      margin: 2px 0;
    }
    li[aria-current='true'] {
      background: #dbe9f7;
    }
    .open {
      display: block;
      width: 100%;
      text-align: left;
      border: none;
      background: transparent;
      padding: 8px 10px 4px;
      color: #1d2733;
      font-weight: 600;
      border-radius: 6px;
      line-height: 1.3;
    }
    .open:hover {
      background: #e6edf3;
    }
    .meta {
      display: block;
      padding: 0 10px 2px;
      font-size: 0.78rem;
      color: #47525e;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      gap: 2px;
      padding: 0 4px 6px;
    }
    .tools button {
      border: none;
      background: transparent;
      color: #0b5cad;
      padding: 2px 6px;
      border-radius: 4px;
      font-size: 0.78rem;
    }
    .tools button:hover {
      background: #d0e0f0;
    }
    .tools button.delete {
      color: #b42318;
    }
    .empty {
      padding: 12px 14px;
      color: #47525e;
    }
    .hint {
      font-size: 0.75rem;
      color: #47525e;
      padding: 8px 14px 12px;
      border-top: 1px solid #d0d7de;
    }
  `;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.processes = [];
    this.currentId = undefined;
    this.busy = false;
  }

  private emit(type: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private pickFiles(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[type=file]');
    input?.click();
  }

  private onFilesPicked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) this.emit('ml-import', { files });
  }

  override render() {
    const formatter = new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' });
    return html`
      <h2 id="library-title">${msg('Process library')}</h2>
      <div class="actions">
        <button type="button" data-action="new" ?disabled=${this.busy} @click=${() => this.emit('ml-create')}>${msg('+ New process')}</button>
        <button type="button" class="secondary" data-action="import" ?disabled=${this.busy} @click=${this.pickFiles}>
          ${msg('Import…')}
        </button>
        <button type="button" class="secondary" data-action="download-all" ?disabled=${this.processes.length === 0} @click=${() => this.emit('ml-download-all')}>
          ${msg('Download all')}
        </button>
        <input type="file" accept=".bpmn,.xml,application/xml,text/xml" multiple hidden aria-label=${msg('Import BPMN files')} @change=${this.onFilesPicked} />
      </div>
      ${this.processes.length === 0
        ? html`<p class="empty">${msg('No processes yet.')}</p>`
        : html`<ul aria-labelledby="library-title">
            ${this.processes.map(
              (p) => html`<li aria-current=${p.id === this.currentId ? 'true' : 'false'} data-process-id=${p.id}>
                <button type="button" class="open" title=${p.name} @click=${() => this.emit('ml-open', { id: p.id })}>${p.name}</button>
                <span class="meta">${msg('Changed')} ${formatter.format(new Date(p.updatedAt))}</span>
                  <span class="tools">
                    <button type="button" aria-label=${msg(str`Rename ${p.name}`)} @click=${() => this.emit('ml-rename', { id: p.id })}>${msg('Rename')}</button>
                    <button type="button" aria-label=${msg(str`Duplicate ${p.name}`)} @click=${() => this.emit('ml-duplicate', { id: p.id })}>${msg('Duplicate')}</button>
                    <button type="button" class="delete" aria-label=${msg(str`Delete ${p.name}`)} @click=${() => this.emit('ml-delete', { id: p.id })}>${msg('Delete')}</button>
                  </span>
              </li>`
            )}
          </ul>`}
      <p class="hint">${msg('Tip: drop .bpmn files anywhere on the window to import them. Everything is stored in this browser only.')}</p>
    `;
  }
}
customElements.define('ml-library', MlLibrary);

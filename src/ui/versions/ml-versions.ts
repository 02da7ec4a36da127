import { LitElement, css, html } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { VersionSummary as VersionRecord } from '../../app/services';

/**
 * The version history of the open process, newest first.
 *
 * @event ml-save-version - the user wants to save the current state as a named version
 * @event ml-restore-version - { id } the user restores a version (nothing is overwritten)
 * @event ml-close - the panel should close
 */
export class MlVersions extends LitElement {
  static override properties = { versions: { attribute: false } };
  declare versions: VersionRecord[];

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      background: #fff;
    }
    header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding: 12px 14px 6px;
    }
    h2 {
      margin: 0;
      font-size: 1rem;
    }
    p {
      margin: 0 14px 10px;
      font-size: 0.82rem;
      color: #47525e;
      line-height: 1.4;
    }
    button {
      font: inherit;
      cursor: pointer;
      border-radius: 6px;
    }
    button:focus-visible {
      outline: 3px solid #ffb000;
      outline-offset: 1px;
    }
    .close {
      border: none;
      background: transparent;
      font-size: 1.3rem;
      line-height: 1;
      padding: 2px 8px;
      color: #47525e;
    }
    .save {
      margin: 0 14px 12px;
      padding: 7px 10px;
      border: 1px solid #0b5cad;
      background: #0b5cad;
      color: #fff;
      font-weight: 600;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0 8px 12px;
      overflow: auto;
    }
    li {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 2px 8px;
      padding: 8px 6px;
      border-top: 1px solid #e6edf3;
    }
    .label {
      font-weight: 600;
    }
    .when {
      font-size: 0.78rem;
      color: #47525e;
      grid-column: 1;
    }
    .restore {
      grid-row: 1 / span 2;
      grid-column: 2;
      align-self: center;
      border: 1px solid #0b5cad;
      color: #0b5cad;
      background: #fff;
      padding: 4px 10px;
      font-size: 0.85rem;
    }
  `;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.versions = [];
  }

  private emit(type: string, detail: unknown = {}): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private kindLabel(v: VersionRecord): string {
    switch (v.kind) {
      case 'before-restore':
        return msg('kept before a restore');
      case 'restored':
        return msg('restored');
      case 'import':
        return msg('imported');
      default:
        return msg('saved by you');
    }
  }

  override render() {
    const formatter = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' });
    return html`
      <header>
        <h2 id="versions-title">${msg('Versions')}</h2>
        <button type="button" class="close" aria-label=${msg('Close versions')} @click=${() => this.emit('ml-close')}>×</button>
      </header>
      <p>${msg('Your work is saved automatically. Save a version to mark a state you may want to return to; restoring never overwrites anything.')}</p>
      <button type="button" class="save" @click=${() => this.emit('ml-save-version')}>${msg('Save version…')}</button>
      ${this.versions.length === 0
        ? html`<p>${msg('No versions saved yet.')}</p>`
        : html`<ol aria-labelledby="versions-title">
            ${this.versions.map(
              (v) => html`<li data-version=${v.number}>
                <span class="label">${msg(str`${v.number}. ${v.label}`)}</span>
                <span class="when">${formatter.format(new Date(v.createdAt))} · ${this.kindLabel(v)}</span>
                <button type="button" class="restore" aria-label=${msg(str`Restore version ${v.number}`)} @click=${() => this.emit('ml-restore-version', { id: v.id })}>
                  ${msg('Restore')}
                </button>
              </li>`
            )}
          </ol>`}
    `;
  }
}
customElements.define('ml-versions', MlVersions);

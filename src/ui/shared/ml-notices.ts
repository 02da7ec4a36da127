import { LitElement, css, html, nothing } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import type { Notice } from '../../app/app-controller';

/**
 * Messages for the user: errors stay until dismissed, others fade after a while.
 * Errors are announced assertively (role=alert), the rest politely.
 *
 * @event ml-dismiss - { id } a notice was closed
 */
export class MlNotices extends LitElement {
  static override properties = { notices: { attribute: false } };
  declare notices: Notice[];
  private timers = new Map<number, ReturnType<typeof setTimeout>>();

  static override styles = css`
    :host {
      position: absolute;
      left: 16px;
      bottom: 16px;
      display: flex;
      flex-direction: column;
      gap: 8px;
      max-width: min(520px, calc(100% - 200px));
      z-index: 20;
    }
    .notice {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 4px 10px;
      padding: 10px 12px;
      border-radius: 8px;
      background: #fff;
      box-shadow: 0 4px 18px rgb(0 0 0 / 0.18);
      border-left: 5px solid #0b5cad;
      color: #1d2733;
      line-height: 1.4;
    }
    .error {
      border-left-color: #b42318;
    }
    .success {
      border-left-color: #1a7f37;
    }
    .message {
      font-weight: 600;
    }
    .detail {
      grid-column: 1;
      font-size: 0.82rem;
      color: #47525e;
      word-break: break-word;
      white-space: pre-wrap;
    }
    .buttons {
      grid-column: 2;
      grid-row: 1 / span 2;
      display: flex;
      gap: 4px;
      align-items: start;
    }
    button {
      font: inherit;
      cursor: pointer;
      border-radius: 6px;
      border: 1px solid #8a96a3;
      background: #fff;
      color: #1d2733;
      padding: 3px 9px;
    }
    button:focus-visible {
      outline: 3px solid #ffb000;
    }
  `;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.notices = [];
  }

  override updated(): void {
    for (const notice of this.notices) {
      if (notice.tone !== 'error' && !notice.action && !this.timers.has(notice.id)) {
        this.timers.set(
          notice.id,
          setTimeout(() => this.dismiss(notice.id), 6000)
        );
      }
    }
  }

  private dismiss(id: number): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.dispatchEvent(new CustomEvent('ml-dismiss', { detail: { id }, bubbles: true, composed: true }));
  }

  override render() {
    return html`${this.notices.map(
      (n) => html`<div class="notice ${n.tone}" role=${n.tone === 'error' ? 'alert' : 'status'} data-tone=${n.tone}>
        <span class="message">${n.message}</span>
        ${n.detail ? html`<span class="detail">${n.detail}</span>` : nothing}
        <span class="buttons">
          ${n.action
            ? html`<button type="button" @click=${() => (n.action!.run(), this.dismiss(n.id))}>${n.action.label}</button>`
            : nothing}
          ${n.secondaryAction
            ? html`<button type="button" @click=${() => n.secondaryAction!.run()}>${n.secondaryAction.label}</button>`
            : nothing}
          <button type="button" aria-label=${msg('Dismiss message')} @click=${() => this.dismiss(n.id)}>×</button>
        </span>
      </div>`
    )}`;
  }
}
customElements.define('ml-notices', MlNotices);

import { LitElement, css, html, nothing } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { dialogStyles } from './form-styles';

interface DialogRequest {
  title: string;
  message?: string;
  inputLabel?: string;
  value?: string;
  /** An example shown in the empty field; it is not a value, so Enter never saves it. */
  placeholder?: string;
  /** The field may stay empty (the caller then picks a default). */
  optional?: boolean;
  confirmLabel: string;
  danger?: boolean;
  resolve: (value: string | null) => void;
}

/**
 * A modal dialog on the native <dialog> element (focus trap, Escape, screen-reader
 * semantics for free). Use the `askText` and `confirmAction` helpers, not the element.
 */
export class MlDialog extends LitElement {
  static override properties = { request: { state: true } };
  declare request: DialogRequest | null;

  static override styles = [
    dialogStyles,
    css`
      p {
        color: inherit;
        font-size: inherit;
      }
    `
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.request = null;
  }

  open(request: DialogRequest): void {
    this.request?.resolve(null);
    this.request = request;
    void this.updateComplete.then(() => {
      const dialog = this.renderRoot.querySelector('dialog');
      if (dialog && !dialog.open) dialog.showModal();
      const input = this.renderRoot.querySelector('input');
      if (input) {
        input.focus();
        input.select();
      }
    });
  }

  private finish(value: string | null): void {
    const request = this.request;
    this.request = null;
    this.renderRoot.querySelector('dialog')?.close();
    request?.resolve(value);
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector('input');
    this.finish(input ? input.value : '');
  }

  override render() {
    const r = this.request;
    return html`<dialog aria-labelledby="dialog-title" @cancel=${(e: Event) => (e.preventDefault(), this.finish(null))}>
      ${r
        ? html`<form method="dialog" @submit=${this.onSubmit}>
            <h2 id="dialog-title">${r.title}</h2>
            ${r.message ? html`<p>${r.message}</p>` : nothing}
            ${r.inputLabel
              ? html`<label>${r.inputLabel}<input
                  name="value"
                  .value=${r.value ?? ''}
                  placeholder=${r.placeholder ?? nothing}
                  ?required=${!r.optional}
                  maxlength="200"
                /></label></label>`
              : nothing}
            <div class="buttons">
              <button type="button" @click=${() => this.finish(null)}>${msg('Cancel')}</button>
              <button type="submit" class=${r.danger ? 'danger' : 'primary'}>${r.confirmLabel}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }
}
customElements.define('ml-dialog', MlDialog);

function dialogElement(): MlDialog {
  let el = document.querySelector('ml-dialog');
  if (!el) {
    el = document.createElement('ml-dialog');
    document.body.appendChild(el);
  }
  return el as MlDialog;
}

/** Asks the user for a line of text; resolves null when cancelled. */
export function askText(options: {
  title: string;
  inputLabel: string;
  value?: string;
  placeholder?: string;
  optional?: boolean;
  confirmLabel: string;
}): Promise<string | null> {
  return new Promise((resolve) => dialogElement().open({ ...options, resolve }));
}

/** Asks the user to confirm an action; resolves true only on confirmation. */
export function confirmAction(options: { title: string; message: string; confirmLabel: string; danger?: boolean }): Promise<boolean> {
  return new Promise((resolve) => dialogElement().open({ ...options, resolve: (v) => resolve(v !== null) }));
}

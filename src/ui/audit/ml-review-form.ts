import { LitElement, css, html } from 'lit';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { panelStyles } from './panel-styles';

/** What the auditor enters to sign a review off. */
export interface ReviewInput {
  reviewer: string;
  /** YYYY-MM-DD */
  date: string;
  remarks: string;
}

/** Today's date in the user's time zone as YYYY-MM-DD (what a date input shows). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The sign-off form: reviewer, review date and remarks. It only collects and checks
 * the input; the audit panel stores the review with the model's fingerprint.
 *
 * @event ml-review-submit - { reviewer, date, remarks } the auditor signs off
 * @event ml-review-cancel - the auditor closes the form without signing
 */
export class MlReviewForm extends LitElement {
  static override properties = {
    reviewer: { type: String },
    busy: { type: Boolean },
    error: { state: true }
  };
  /** Prefilled reviewer name (the last one used in this browser). */
  declare reviewer: string;
  declare busy: boolean;
  declare error: string;

  static override styles = [
    panelStyles,
    css`
      form {
        display: grid;
        gap: 10px;
        padding: 10px 12px 12px;
        border: 1px solid var(--ml-border, #d0d7de);
        border-radius: 8px;
        background: #f6f8fa;
      }
      .buttons {
        display: flex;
        gap: 8px;
        justify-content: flex-end;
      }
      .error {
        color: #b42318;
        font-size: 0.85rem;
        margin: 0;
      }
    `
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.reviewer = '';
    this.busy = false;
    this.error = '';
  }

  private submit(event: Event): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const reviewer = String(data.get('reviewer') ?? '').trim();
    const date = String(data.get('date') ?? '');
    const remarks = String(data.get('remarks') ?? '').trim();
    if (!reviewer) {
      this.error = msg('Enter the name of the reviewer.');
      form.querySelector<HTMLInputElement>('[name="reviewer"]')?.focus();
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      this.error = msg('Enter the date of the review.');
      form.querySelector<HTMLInputElement>('[name="date"]')?.focus();
      return;
    }
    this.error = '';
    this.dispatchEvent(new CustomEvent<ReviewInput>('ml-review-submit', { detail: { reviewer, date, remarks }, bubbles: true, composed: true }));
  }

  override render() {
    return html`<form @submit=${this.submit} aria-label=${msg('Sign off review')} novalidate>
      <label
        >${msg('Reviewer')}
        <input name="reviewer" autocomplete="name" .value=${this.reviewer} required />
      </label>
      <label
        >${msg('Review date')}
        <input name="date" type="date" .value=${todayIso()} required />
      </label>
      <label
        >${msg('Remarks')}
        <textarea name="remarks" rows="3"></textarea>
      </label>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <div class="buttons">
        <button type="button" class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('ml-review-cancel', { bubbles: true, composed: true }))}>
          ${msg('Cancel')}
        </button>
        <button type="submit" class="primary" data-action="sign-off" ?disabled=${this.busy}>${msg('Sign off')}</button>
      </div>
    </form>`;
  }
}
customElements.define('ml-review-form', MlReviewForm);

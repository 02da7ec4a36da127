import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { FormDialog } from './form-dialog';
import { ACTION_STATUSES, type ActionStatus } from '../../model/value-chain/schema';
import { actionStatusLabel } from './vocabulary';
import { dialogStyles } from './form-styles';

/** The fields of the action form, as typed. */
export interface ActionFormValues {
  what: string;
  owner: string;
  due: string;
  status: ActionStatus;
}

/** What the dialog is opened with; `save` writes and returns errors per field, or nothing when stored. */
export interface ActionDialogRequest {
  title: string;
  /** Lines that say what the action is about (element, KPI, finding). */
  context: string[];
  values: ActionFormValues;
  /** Suggestions for the owner field (roles and people of the value chain). */
  owners: string[];
  confirmLabel: string;
  save: (values: ActionFormValues) => Partial<Record<keyof ActionFormValues, string>> | undefined;
  resolve: (saved: boolean) => void;
}

/**
 * The form for one improvement action (what, owner, due date, status), in a modal
 * <dialog>. Use recordImprovementAction / editImprovementAction, not the element.
 */
export class MlActionDialog extends FormDialog<ActionDialogRequest, boolean, Partial<Record<keyof ActionFormValues, string>>> {
  static override styles = dialogStyles;
  protected readonly cancelled = false;
  protected readonly firstField = 'textarea';

  private onSubmit(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const values: ActionFormValues = {
      what: String(data.get('what') ?? ''),
      owner: String(data.get('owner') ?? ''),
      due: String(data.get('due') ?? ''),
      status: String(data.get('status') ?? 'open') as ActionStatus
    };
    if (this.showErrors(this.request?.save(values))) return;
    this.finish(true);
  }

  private field(name: keyof ActionFormValues) {
    const error = this.errors[name];
    return { invalid: error ? 'true' : 'false', error: error ? html`<span class="error" id="${name}-error">${error}</span>` : nothing };
  }

  override render() {
    const r = this.request;
    if (!r) return html`<dialog></dialog>`;
    const what = this.field('what');
    const owner = this.field('owner');
    const due = this.field('due');
    const status = this.field('status');
    return html`<dialog aria-labelledby="action-title" @cancel=${(e: Event) => (e.preventDefault(), this.finish(false))}>
      <form @submit=${this.onSubmit} novalidate>
        <h2 id="action-title">${r.title}</h2>
        ${r.context.map((line) => html`<p class="context">${line}</p>`)}
        <label
          >${msg('What will be improved?')}
          <textarea name="what" rows="3" maxlength="500" aria-invalid=${what.invalid} aria-describedby="what-error" .value=${r.values.what}></textarea>
          ${what.error}
        </label>
        <label
          >${msg('Owner')} <span class="hint">${msg('A role or a person who sees it through')}</span>
          <input name="owner" list="owners" maxlength="120" autocomplete="off" aria-invalid=${owner.invalid} aria-describedby="owner-error" .value=${r.values.owner} />
          <datalist id="owners">${r.owners.map((o) => html`<option value=${o}></option>`)}</datalist>
          ${owner.error}
        </label>
        <div class="row">
          <label
            >${msg('Due date')}
            <input name="due" type="date" aria-invalid=${due.invalid} aria-describedby="due-error" .value=${r.values.due} />
            ${due.error}
          </label>
          <label
            >${msg('Status')}
            <select name="status" aria-invalid=${status.invalid} aria-describedby="status-error">
              ${ACTION_STATUSES.map((s) => html`<option value=${s} ?selected=${s === r.values.status}>${actionStatusLabel(s)}</option>`)}
            </select>
            ${status.error}
          </label>
        </div>
        <div class="buttons">
          <button type="button" @click=${() => this.finish(false)}>${msg('Cancel')}</button>
          <button type="submit" class="primary">${r.confirmLabel}</button>
        </div>
      </form>
    </dialog>`;
  }
}
customElements.define('ml-action-dialog', MlActionDialog);

import { LitElement } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize';

/** What a form dialog is opened with: at least the callback that receives its result. */
export interface FormDialogRequest<Result> {
  resolve: (result: Result) => void;
}

/**
 * The life cycle shared by the product's form dialogs (actions, measurements,
 * respondents): one request at a time on a modal <dialog>, focus on the first field,
 * errors per field with the focus on the first invalid one, and one result for every
 * request (a request still open when another comes is cancelled).
 */
export abstract class FormDialog<Request extends FormDialogRequest<Result>, Result, Errors extends object> extends LitElement {
  static override properties = { request: { state: true }, errors: { state: true } };
  declare request: Request | null;
  declare errors: Errors;

  /** The result a cancelled request gets. */
  protected abstract readonly cancelled: Result;
  /** The selector of the field that gets the focus when the dialog opens. */
  protected abstract readonly firstField: string;
  /** The selector of the first invalid field, which gets the focus when errors are shown. */
  protected readonly invalidField: string = '[aria-invalid="true"]';

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.request = null;
    this.errors = {} as Errors;
  }

  /** Shows the form; a request still open is cancelled. */
  open(request: Request): void {
    this.request?.resolve(this.cancelled);
    this.request = request;
    this.errors = {} as Errors;
    void this.updateComplete.then(() => {
      const dialog = this.renderRoot.querySelector('dialog');
      if (dialog && !dialog.open) dialog.showModal();
      this.renderRoot.querySelector<HTMLElement>(this.firstField)?.focus();
    });
  }

  /** Closes the dialog and hands the result to the request. */
  protected finish(result: Result): void {
    const request = this.request;
    this.request = null;
    this.renderRoot.querySelector('dialog')?.close();
    request?.resolve(result);
  }

  /** Shows the errors at their fields and moves the focus to the first; false when there are none. */
  protected showErrors(errors: Errors | undefined): boolean {
    this.errors = errors ?? ({} as Errors);
    if (Object.keys(this.errors).length === 0) return false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(this.invalidField)?.focus());
    return true;
  }
}

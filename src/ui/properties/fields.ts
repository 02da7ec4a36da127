import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';

/*
 * Labelled form fields for the properties panel. Every field commits on `change`
 * (blur or Enter after an edit, a new choice in a list), so one field edit is one
 * undo step; a refused value stays in the field with the reason below it, linked by
 * aria-describedby and flagged with aria-invalid.
 */

/** What every field needs. */
export interface FieldOptions {
  /** Unique within the panel; used for the input's id. */
  id: string;
  label: string;
  /** The text to show: the stored value, or what the user typed when it was refused. */
  value: string;
  /** Why the value is wrong (stored or typed), shown at the field. */
  problem?: string;
  /** A short help text below the field. */
  hint?: string;
  /** Called with the new text when the user has changed the field. */
  onCommit: (text: string) => void;
  placeholder?: string;
  /** Extra text after the input (a unit such as %, EUR or "days"). */
  suffix?: string | TemplateResult;
  /** e.g. "decimal" for numbers, so phones show digits. */
  inputmode?: 'decimal' | 'numeric' | 'text';
  /** A data attribute for tests and styles: data-field. */
  name?: string;
}

/** A safe DOM id from arbitrary parts (element and KPI ids may hold any character). */
export function fieldId(...parts: string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, '_')).join('-');
}

function describedBy(o: FieldOptions): string | undefined {
  const ids = [o.problem ? `${o.id}-error` : '', o.hint ? `${o.id}-hint` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function notes(o: FieldOptions) {
  return html`${o.hint ? html`<p class="hint" id=${`${o.id}-hint`}>${o.hint}</p>` : nothing}${o.problem
    ? html`<p class="error" id=${`${o.id}-error`}>${o.problem}</p>`
    : nothing}`;
}

const changed = (commit: (text: string) => void) => (event: Event) => commit((event.target as HTMLInputElement).value);

/** A one-line text or number field. */
export function textField(o: FieldOptions): TemplateResult {
  return html`<div class="field ${o.problem ? 'invalid' : ''}" data-field=${ifDefined(o.name)}>
    <label for=${o.id}>${o.label}</label>
    <div class="control">
      <input
        id=${o.id}
        type="text"
        .value=${live(o.value)}
        placeholder=${ifDefined(o.placeholder)}
        inputmode=${ifDefined(o.inputmode)}
        aria-invalid=${o.problem ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(o))}
        @change=${changed(o.onCommit)}
      />${o.suffix ? html`<span class="suffix">${o.suffix}</span>` : nothing}
    </div>
    ${notes(o)}
  </div>`;
}

/** A multi-line text field (documentation, criteria, notes). */
export function textAreaField(o: FieldOptions & { rows?: number }): TemplateResult {
  return html`<div class="field ${o.problem ? 'invalid' : ''}" data-field=${ifDefined(o.name)}>
    <label for=${o.id}>${o.label}</label>
    <textarea
      id=${o.id}
      rows=${o.rows ?? 3}
      .value=${live(o.value)}
      placeholder=${ifDefined(o.placeholder)}
      aria-invalid=${o.problem ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(o))}
      @change=${changed(o.onCommit)}
    ></textarea>
    ${notes(o)}
  </div>`;
}

/**
 * A choice from a list. A stored value that is not one of the choices (from a file)
 * is shown as an extra choice, so it is visible, not silently replaced.
 */
export function selectField(o: FieldOptions & { options: Array<[value: string, label: string]>; emptyLabel?: string }): TemplateResult {
  const known = o.options.some(([v]) => v === o.value);
  const options: Array<[string, string]> = [['', o.emptyLabel ?? msg('— not set —')], ...o.options];
  if (o.value && !known) options.push([o.value, msg(str`${o.value} (not a valid choice)`)]);
  return html`<div class="field ${o.problem ? 'invalid' : ''}" data-field=${ifDefined(o.name)}>
    <label for=${o.id}>${o.label}</label>
    <select
      id=${o.id}
      aria-invalid=${o.problem ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(o))}
      @change=${changed(o.onCommit)}
    >
      ${options.map(([value, label]) => html`<option value=${value} ?selected=${value === o.value}>${label}</option>`)}
    </select>
    ${notes(o)}
  </div>`;
}

/**
 * A date. Valid or empty dates get the browser's date picker; a stored value that is
 * no date (e.g. 31-12-2025 from another tool) is shown as text with its problem.
 */
export function dateField(o: FieldOptions): TemplateResult {
  const isDate = o.value === '' || /^\d{4}-\d{2}-\d{2}$/.test(o.value);
  return html`<div class="field ${o.problem ? 'invalid' : ''}" data-field=${ifDefined(o.name)}>
    <label for=${o.id}>${o.label}</label>
    <input
      id=${o.id}
      type=${isDate ? 'date' : 'text'}
      .value=${live(o.value)}
      placeholder="YYYY-MM-DD"
      aria-invalid=${o.problem ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(o))}
      @change=${changed(o.onCommit)}
    />
    ${notes(o)}
  </div>`;
}

/** A yes/no choice. */
export function checkboxField(o: Omit<FieldOptions, 'value' | 'onCommit'> & { checked: boolean; onCommit: (checked: boolean) => void }): TemplateResult {
  return html`<div class="field check ${o.problem ? 'invalid' : ''}" data-field=${ifDefined(o.name)}>
    <input
      id=${o.id}
      type="checkbox"
      .checked=${live(o.checked)}
      aria-invalid=${o.problem ? 'true' : 'false'}
      aria-describedby=${ifDefined(o.problem ? `${o.id}-error` : undefined)}
      @change=${(e: Event) => o.onCommit((e.target as HTMLInputElement).checked)}
    />
    <label for=${o.id}>${o.label}</label>
    ${o.problem ? html`<p class="error" id=${`${o.id}-error`}>${o.problem}</p>` : nothing}
  </div>`;
}

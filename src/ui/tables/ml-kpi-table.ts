import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { guard } from 'lit/directives/guard.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { Modeler } from '../../modeler/create-modeler';
import type ValueChainEditor from '../../modeler/features/value-chain/ValueChainEditor';
import { checkChanges } from '../../model/value-chain/edit-check';
import { normaliseDecimal } from '../../model/value-chain/input-values';
import { KPI_DIRECTIONS, OBJECTIVE_GROUPS } from '../../model/value-chain/schema';
import { currentLocale } from '../../i18n/localization';
import { activitiesInFlowOrder, type DiagramElementLike } from './table-data';
import {
  filterKpiRows,
  kpiCsvRows,
  kpiRows,
  sortKpiRows,
  withoutNoise,
  type KpiRow,
  type KpiRowCache,
  type KpiSortKey,
  type KpiTableField
} from './kpi-rows';
import { fieldProblemText } from '../shared/field-problems';
import { directionLabel, kpiStatusLabel, labelOf, objectiveGroupLabel } from '../shared/vocabulary';
import { revealElement } from '../shared/reveal';
import { ModelerChangesController } from '../shared/modeler-changes';
import { decimalCommaPreference, downloadCsv, setDecimalCommaPreference } from '../shared/csv-export';
import { tableStyles } from './table-styles';

/** A cell being edited: the row, and the field (or the whole period). */
interface EditingCell {
  key: string;
  field: KpiTableField | 'period';
}

/** Why the last typed value was not written, shown at its cell. */
interface CellError extends EditingCell {
  message: string;
}

type FieldKind = 'text' | 'number' | 'choice';

const FIELD_KIND: Record<Exclude<KpiTableField, 'periodStart' | 'periodEnd'>, FieldKind> = {
  name: 'text',
  objectiveGroup: 'choice',
  unit: 'text',
  direction: 'choice',
  target: 'number',
  realised: 'number',
  evidence: 'text'
};

const NUMBER_FIELDS = new Set<string>(['target', 'realised']);

/**
 * All KPIs of the open process in one table: planned (target) against realised, with
 * the variance and a direction-aware status. Cells edit in place; each edit is checked
 * like the properties panel does (checkChanges) and written as one undoable
 * `valueChainEditor.updateKpi`; a value that may not be written stays in the cell with
 * the reason. Rows sort by any column and filter by department and objective group;
 * the visible rows export to CSV.
 *
 * @event ml-close - the user closed the panel
 */
export class MlKpiTable extends LitElement {
  static override properties = {
    modeler: { attribute: false },
    processName: { attribute: false },
    rows: { state: true },
    sortKey: { state: true },
    sortDirection: { state: true },
    department: { state: true },
    objectiveGroup: { state: true },
    editing: { state: true },
    cellError: { state: true },
    decimalComma: { state: true }
  };
  declare modeler: Modeler | undefined;
  declare processName: string | undefined;
  declare rows: KpiRow[];
  /** Undefined keeps the diagram's order (lanes top to bottom, then left to right). */
  declare sortKey: KpiSortKey | undefined;
  declare sortDirection: 'ascending' | 'descending';
  declare department: string | undefined;
  declare objectiveGroup: string | undefined;
  declare editing: EditingCell | undefined;
  declare cellError: CellError | undefined;
  declare decimalComma: boolean;

  private changes = new ModelerChangesController(this);
  private rowCache: KpiRowCache = new WeakMap();
  private formats = new Map<string, Intl.NumberFormat>();

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.rows = [];
    this.sortDirection = 'ascending';
    this.decimalComma = decimalCommaPreference();
  }

  static override styles = [
    tableStyles,
    css`
      td.editable {
        padding: 0;
      }
      .cell-button {
        display: block;
        width: 100%;
        min-height: 26px;
        padding: 4px 8px;
        border: 1px solid transparent;
        border-radius: 3px;
        background: none;
        color: inherit;
        text-align: inherit;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        max-width: 240px;
      }
      .cell-button:hover {
        border-color: #8a96a3;
        background: #fff;
      }
      td.number .cell-button {
        text-align: right;
      }
      .placeholder {
        color: #6a737d;
      }
      td.editing {
        padding: 2px 4px;
        background: #f0f6fc;
      }
      td.editing input,
      td.editing select {
        width: 100%;
        min-width: 90px;
        box-sizing: border-box;
      }
      td.editing .period {
        display: flex;
        gap: 4px;
        align-items: center;
      }
      td.editing .period input {
        width: 138px;
      }
      input[aria-invalid='true'] {
        border-color: #b42318;
        box-shadow: 0 0 0 1px #b42318;
      }
      .cell-error {
        display: block;
        min-width: 180px;
        max-width: 280px;
        white-space: normal;
        text-align: left;
        color: #b42318;
        font-size: 12px;
        padding: 2px 2px 4px;
      }
      .stored-problem {
        color: #b42318;
        font-weight: 700;
        margin-right: 4px;
      }
      /* The activity stays in view when the wide table scrolls sideways. */
      tbody td:first-child,
      thead th:first-child {
        position: sticky;
        left: 0;
        background: #fff;
        max-width: 240px;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      tbody td:first-child {
        z-index: 1;
        box-shadow: inset -1px 0 0 #e3e8ee;
      }
      thead th:first-child {
        z-index: 3;
      }
      .status {
        display: inline-flex;
        align-items: center;
        gap: 4px;
        padding: 1px 8px;
        border-radius: 10px;
        font-weight: 600;
        font-size: 12px;
      }
      .status.on-track {
        background: #dafbe1;
        color: #116329;
      }
      .status.off-track {
        background: #ffebe9;
        color: #a40e26;
      }
      .status.no-data {
        background: #eef2f6;
        color: #47525e;
      }
      .status.qualitative {
        background: #ddf4ff;
        color: #0a4a8a;
      }
      .assumed {
        color: #47525e;
        font-style: italic;
      }
      th button.sort {
        border: none;
        background: none;
        padding: 0;
        font-weight: 600;
        color: inherit;
        white-space: nowrap;
      }
      th button.sort .arrow {
        display: inline-block;
        width: 1em;
        color: #47525e;
      }
    `
  ];

  protected override willUpdate(): void {
    this.changes.track(this.modeler);
    if (this.changes.takeDirty()) this.read();
  }

  private read(): void {
    if (!this.modeler) {
      this.rows = [];
      return;
    }
    const registry = this.modeler.get<ElementRegistry>('elementRegistry');
    this.rows = kpiRows(activitiesInFlowOrder(registry.getAll() as unknown as DiagramElementLike[]), this.rowCache);
    // An edited cell whose row disappeared (undo of an added KPI, deleted activity) closes.
    if (this.editing && !this.rows.some((r) => r.key === this.editing!.key)) this.editing = undefined;
  }

  /** The rows shown: filtered, then sorted. */
  private visibleRows(): KpiRow[] {
    const filtered = filterKpiRows(this.rows, { department: this.department, objectiveGroup: this.objectiveGroup });
    return this.sortKey ? sortKpiRows(filtered, this.sortKey, this.sortDirection) : filtered;
  }

  private editor(): ValueChainEditor | undefined {
    try {
      return this.modeler?.get<ValueChainEditor>('valueChainEditor');
    } catch {
      return undefined;
    }
  }

  // ---- number display ------------------------------------------------------------------------

  /** Formats a number in the UI language; formatters are kept, as creating one is slow. */
  private formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
    const key = `${currentLocale()} ${JSON.stringify(options)}`;
    let format = this.formats.get(key);
    if (!format) this.formats.set(key, (format = new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 6, ...options })));
    return format.format(value);
  }

  /** A stored decimal as a person edits it: the UI's decimal sign, no grouping. */
  private editableNumber(stored: string | undefined): string {
    if (stored === undefined) return '';
    return currentLocale() === 'nl' && /^[+-]?\d*\.\d+$/.test(stored) ? stored.replace('.', ',') : stored;
  }

  // ---- editing -------------------------------------------------------------------------------

  private startEditing(row: KpiRow, field: EditingCell['field']): void {
    if (!row.kpiId) return;
    this.cellError = undefined;
    this.editing = { key: row.key, field };
    void this.updateComplete.then(() => {
      const input = this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>('td.editing input, td.editing select');
      input?.focus();
      if (input instanceof HTMLInputElement && input.type === 'text') input.select();
    });
  }

  private stopEditing(focusCell: boolean): void {
    const editing = this.editing;
    this.editing = undefined;
    this.cellError = undefined;
    if (focusCell && editing) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>(`[data-key="${CSS.escape(editing.key)}"] [data-field="${editing.field}"] .cell-button`)?.focus()
      );
    }
  }

  /**
   * Checks typed values like the properties panel and writes them as one command. A
   * value that may not be written keeps the editor open with the reason at the cell.
   */
  private commit(row: KpiRow, field: EditingCell['field'], typed: Partial<Record<KpiTableField, string>>, focusCell: boolean): void {
    const editor = this.editor();
    if (!editor || !row.kpiId) return;
    const changes: Record<string, string | undefined> = {};
    for (const [name, text] of Object.entries(typed)) {
      const value = NUMBER_FIELDS.has(name) ? normaliseDecimal(text ?? '') : (text ?? '').trim();
      if ((row.stored[name as KpiTableField] ?? '') !== value) changes[name] = value === '' ? undefined : value;
    }
    if (Object.keys(changes).length === 0) return this.stopEditing(focusCell);
    const check = checkChanges('ml:Kpi', row.stored, changes);
    const rejected = Object.values(check.rejected)[0];
    if (rejected) {
      this.cellError = { key: row.key, field, message: fieldProblemText({ ...rejected, value: rejected.value ?? changes[rejected.field] }) };
      return;
    }
    const attrs: Record<string, string> = {};
    for (const [name, value] of Object.entries(check.accepted)) attrs[name] = value ?? '';
    try {
      editor.updateKpi(row.activityId, row.kpiId, attrs);
      this.stopEditing(focusCell);
    } catch (error) {
      this.cellError = { key: row.key, field, message: error instanceof Error ? error.message : String(error) };
    }
  }

  private onEditorKeyDown(event: KeyboardEvent, row: KpiRow, field: EditingCell['field']): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.stopEditing(true);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.commit(row, field, this.typedValues(event.currentTarget as HTMLElement, field), true);
    }
  }

  /** Leaving the cell (not just moving between the two dates of a period) applies it. */
  private onEditorFocusOut(event: FocusEvent, row: KpiRow, field: EditingCell['field']): void {
    const cell = event.currentTarget as HTMLElement;
    if (cell.contains(event.relatedTarget as Node | null)) return;
    if (!this.editing || this.editing.key !== row.key || this.editing.field !== field) return;
    this.commit(row, field, this.typedValues(cell, field), false);
  }

  private typedValues(within: HTMLElement, field: EditingCell['field']): Partial<Record<KpiTableField, string>> {
    const cell = within.closest('td') ?? within;
    if (field === 'period') {
      const [start, end] = [...cell.querySelectorAll<HTMLInputElement>('input')];
      return { periodStart: start?.value ?? '', periodEnd: end?.value ?? '' };
    }
    const input = cell.querySelector<HTMLInputElement | HTMLSelectElement>('input, select');
    return { [field]: input?.value ?? '' };
  }

  // ---- toolbar actions -----------------------------------------------------------------------

  private toggleSort(key: KpiSortKey): void {
    if (this.sortKey !== key) {
      this.sortKey = key;
      this.sortDirection = 'ascending';
    } else if (this.sortDirection === 'ascending') {
      this.sortDirection = 'descending';
    } else {
      this.sortKey = undefined;
    }
  }

  private exportCsv(): void {
    const rows = kpiCsvRows(this.visibleRows(), {
      header: [
        msg('Activity'),
        msg('Department'),
        msg('KPI'),
        msg('Objective group'),
        msg('Unit'),
        msg('Direction'),
        msg('Target'),
        msg('Realised'),
        msg('Evidence'),
        msg('Variance'),
        msg('Variance %'),
        msg('Status'),
        msg('Period start'),
        msg('Period end')
      ],
      objectiveGroup: (value) => labelOf(OBJECTIVE_GROUPS, objectiveGroupLabel, value),
      direction: (value) => labelOf(KPI_DIRECTIONS, directionLabel, value),
      status: (row) => kpiStatusLabel(row.evaluation.status)
    });
    downloadCsv(rows, this.processName ?? msg('process'), 'kpis', this.decimalComma);
  }

  private setDecimalComma(value: boolean): void {
    this.decimalComma = value;
    setDecimalCommaPreference(value);
  }

  // ---- rendering -----------------------------------------------------------------------------

  override render() {
    const visible = this.visibleRows();
    const departments = [...new Set(this.rows.map((r) => r.department).filter((d): d is string => !!d))];
    const offTrack = visible.filter((r) => r.evaluation.status === 'off-track').length;
    return html`
      <div class="toolbar">
        <h2 id="kpi-title">${msg('KPIs: planned and realised')}</h2>
        <span class="summary" role="status">${msg(str`${visible.length} of ${this.rows.length} KPIs, ${offTrack} off track`)}</span>
        <label>${msg('Department')}
          <select data-filter="department" @change=${(e: Event) => (this.department = (e.target as HTMLSelectElement).value || undefined)}>
            <option value="" ?selected=${!this.department}>${msg('All')}</option>
            ${departments.map((d) => html`<option value=${d} ?selected=${this.department === d}>${d}</option>`)}
          </select>
        </label>
        <label>${msg('Objective group')}
          <select data-filter="objective-group" @change=${(e: Event) => (this.objectiveGroup = (e.target as HTMLSelectElement).value || undefined)}>
            <option value="" ?selected=${!this.objectiveGroup}>${msg('All')}</option>
            ${OBJECTIVE_GROUPS.map((g) => html`<option value=${g} ?selected=${this.objectiveGroup === g}>${objectiveGroupLabel(g)}</option>`)}
          </select>
        </label>
        <span class="spacer"></span>
        <label><input type="checkbox" data-action="decimal-comma" .checked=${this.decimalComma}
          @change=${(e: Event) => this.setDecimalComma((e.target as HTMLInputElement).checked)} />${msg('decimal comma')}</label>
        <button type="button" data-action="export-csv" @click=${() => this.exportCsv()}>${msg('Export CSV')}</button>
        <button type="button" class="close" aria-label=${msg('Close the KPI table')} title=${msg('Close')}
          @click=${() => this.dispatchEvent(new CustomEvent('ml-close', { bubbles: true, composed: true }))}>×</button>
      </div>
      <div class="scroll">
        ${this.rows.length === 0
          ? html`<p class="empty">${msg('No KPIs yet. Select an activity and add its performance measures (with a target score and a period) in the properties panel; they appear here.')}</p>`
          : this.renderTable(visible)}
      </div>
    `;
  }

  private renderTable(rows: KpiRow[]) {
    const header = (key: KpiSortKey, label: string, numeric = false) => {
      const sorted = this.sortKey === key ? this.sortDirection : 'none';
      return html`<th scope="col" class=${numeric ? 'number' : ''} aria-sort=${sorted}>
        <button type="button" class="sort" data-sort=${key} @click=${() => this.toggleSort(key)}>${label}<span class="arrow" aria-hidden="true"
          >${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}</span></button>
      </th>`;
    };
    return html`<table aria-labelledby="kpi-title">
      <thead>
        <tr>
          ${header('activity', msg('Activity'))} ${header('department', msg('Department'))} ${header('name', msg('KPI'))}
          ${header('objectiveGroup', msg('Objective group'))} ${header('unit', msg('Unit'))} ${header('direction', msg('Direction'))}
          ${header('target', msg('Target'), true)} ${header('realised', msg('Realised'), true)} ${header('evidence', msg('Evidence'))}
          ${header('variance', msg('Variance'), true)} ${header('variancePercent', msg('Variance %'), true)}
          ${header('status', msg('Status'))} ${header('period', msg('Period'))}
        </tr>
      </thead>
      <tbody>
        ${repeat(
          rows,
          (r) => r.key,
          // A row re-renders only when its data, its editor or the language changed.
          (r) => {
            const editing = this.editing?.key === r.key ? this.editing : undefined;
            const error = this.cellError?.key === r.key ? this.cellError : undefined;
            return guard([r, editing, error, currentLocale()], () => this.renderRow(r));
          }
        )}
      </tbody>
    </table>`;
  }

  private renderRow(row: KpiRow) {
    const e = row.evaluation;
    return html`<tr data-key=${row.key} data-activity-id=${row.activityId} data-status=${e.status}>
      <td><button type="button" class="link" data-action="reveal" title=${msg('Show on the canvas')}
        @click=${() => this.modeler && revealElement(this.modeler, row.activityId)}>${row.activityName}</button></td>
      <td>${row.department ?? html`<span class="muted">—</span>`}</td>
      ${this.renderField(row, 'name', msg('KPI name'))}
      ${this.renderField(row, 'objectiveGroup', msg('Objective group'))}
      ${this.renderField(row, 'unit', msg('Unit'))}
      ${this.renderField(row, 'direction', msg('Direction'))}
      ${this.renderField(row, 'target', msg('Target'))}
      ${this.renderField(row, 'realised', msg('Realised'))}
      ${this.renderField(row, 'evidence', msg('Evidence'))}
      <td class="number" data-column="variance">${e.absolute === undefined ? '' : this.signed(withoutNoise(e.absolute))}</td>
      <td class="number" data-column="variance-percent">${e.relative === undefined ? '' : `${this.signed(e.relative * 100, 1)} %`}</td>
      <td data-column="status">${this.renderStatus(row)}</td>
      ${this.renderPeriod(row)}
    </tr>`;
  }

  private signed(value: number, fractionDigits?: number): string {
    const options: Intl.NumberFormatOptions = { signDisplay: 'exceptZero' };
    if (fractionDigits !== undefined) options.maximumFractionDigits = fractionDigits;
    return this.formatNumber(value, options);
  }

  private renderStatus(row: KpiRow) {
    const status = row.evaluation.status;
    const icon = { 'on-track': '✓', 'off-track': '✗', 'no-data': '–', qualitative: '✎' }[status];
    const why =
      status === 'no-data'
        ? row.evaluation.noDataReason === 'no-target'
          ? msg('No target score yet')
          : row.evaluation.noDataReason === 'no-direction'
            ? msg('No direction: say whether the target is a maximum, a minimum or exact')
            : msg('No realised value yet')
        : status === 'qualitative'
          ? msg('Judged on the evidence, not on a number')
          : '';
    return html`<span class="status ${status}" title=${why}><span aria-hidden="true">${icon}</span>${kpiStatusLabel(status)}</span>`;
  }

  /** A display value for a field: coded values in words, numbers in the UI's format. */
  private display(row: KpiRow, field: KpiTableField): TemplateResult | string {
    const stored = row.stored[field];
    if (field === 'direction' && stored === undefined && row.evaluation.directionAssumed && row.evaluation.direction) {
      return html`<span class="assumed" title=${msg('Not set: the usual direction of the objective group is assumed')}>(${directionLabel(row.evaluation.direction)})</span>`;
    }
    if (stored === undefined) return '';
    if (row.problems[field]) return stored;
    if (field === 'objectiveGroup') return labelOf(OBJECTIVE_GROUPS, objectiveGroupLabel, stored);
    if (field === 'direction') return labelOf(KPI_DIRECTIONS, directionLabel, stored);
    if (NUMBER_FIELDS.has(field)) return this.formatNumber(Number(stored));
    return stored;
  }

  private renderField(row: KpiRow, field: Exclude<KpiTableField, 'periodStart' | 'periodEnd'>, label: string) {
    const kind = FIELD_KIND[field];
    const numeric = kind === 'number';
    const editing = this.editing?.key === row.key && this.editing.field === field;
    if (editing) {
      const error = this.cellError?.key === row.key && this.cellError.field === field ? this.cellError.message : undefined;
      const errorId = `error-${field}`;
      const inputLabel = msg(str`${label} of “${row.stored.name ?? ''}” (${row.activityName})`);
      return html`<td class="editing ${numeric ? 'number' : ''}" data-field=${field}
        @focusout=${(e: FocusEvent) => this.onEditorFocusOut(e, row, field)}>
        ${kind === 'choice'
          ? html`<select aria-label=${inputLabel} @keydown=${(e: KeyboardEvent) => this.onEditorKeyDown(e, row, field)}
              @change=${(e: Event) => this.commit(row, field, { [field]: (e.target as HTMLSelectElement).value }, true)}>
              <option value="" ?selected=${!row.stored[field]}>—</option>
              ${(field === 'objectiveGroup' ? OBJECTIVE_GROUPS : KPI_DIRECTIONS).map(
                (v) => html`<option value=${v} ?selected=${row.stored[field] === v}>${field === 'objectiveGroup' ? labelOf(OBJECTIVE_GROUPS, objectiveGroupLabel, v) : labelOf(KPI_DIRECTIONS, directionLabel, v)}</option>`
              )}
            </select>`
          : html`<input type="text" inputmode=${numeric ? 'decimal' : 'text'} aria-label=${inputLabel}
              aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? errorId : nothing}
              .value=${numeric ? this.editableNumber(row.stored[field]) : (row.stored[field] ?? '')}
              @keydown=${(e: KeyboardEvent) => this.onEditorKeyDown(e, row, field)} />`}
        ${error ? html`<span class="cell-error" id=${errorId} role="alert">${error}</span>` : nothing}
      </td>`;
    }
    const problem = row.problems[field];
    const value = this.display(row, field);
    const editable = !!row.kpiId;
    return html`<td class="editable ${numeric ? 'number' : ''}" data-field=${field}>
      <button type="button" class="cell-button" ?disabled=${!editable}
        aria-label=${msg(str`${label} of “${row.stored.name ?? ''}” (${row.activityName}): ${row.stored[field] ?? msg('empty')}. Press Enter to edit.`) +
        (problem ? ` ${fieldProblemText(problem)}` : '')}
        title=${problem ? fieldProblemText(problem) : editable ? msg('Click to edit') : msg('This KPI has no id; edit it in the properties panel')}
        @click=${() => this.startEditing(row, field)}>${problem ? html`<span class="stored-problem" aria-hidden="true">⚠</span>` : nothing}${value === ''
          ? html`<span class="placeholder">${editable ? '…' : ''}</span>`
          : value}</button>
    </td>`;
  }

  private renderPeriod(row: KpiRow) {
    const field = 'period' as const;
    const editing = this.editing?.key === row.key && this.editing.field === field;
    const start = row.stored.periodStart;
    const end = row.stored.periodEnd;
    if (editing) {
      const error = this.cellError?.key === row.key && this.cellError.field === field ? this.cellError.message : undefined;
      return html`<td class="editing" data-field=${field} @focusout=${(e: FocusEvent) => this.onEditorFocusOut(e, row, field)}
        @keydown=${(e: KeyboardEvent) => this.onEditorKeyDown(e, row, field)}>
        <span class="period">
          <input type="date" aria-label=${msg(str`Period start of “${row.stored.name ?? ''}”`)} .value=${start ?? ''}
            aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'error-period' : nothing} />
          <span aria-hidden="true">–</span>
          <input type="date" aria-label=${msg(str`Period end of “${row.stored.name ?? ''}”`)} .value=${end ?? ''}
            aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'error-period' : nothing} />
        </span>
        ${error ? html`<span class="cell-error" id="error-period" role="alert">${error}</span>` : nothing}
      </td>`;
    }
    const problem = row.problems.periodStart ?? row.problems.periodEnd;
    const text = start || end ? `${start ?? '…'} – ${end ?? '…'}` : '';
    return html`<td class="editable" data-field=${field}>
      <button type="button" class="cell-button" ?disabled=${!row.kpiId} title=${problem ? fieldProblemText(problem) : msg('Click to edit')}
        aria-label=${msg(str`Period of “${row.stored.name ?? ''}” (${row.activityName}): ${text || msg('empty')}. Press Enter to edit.`) +
        (problem ? ` ${fieldProblemText(problem)}` : '')}
        @click=${() => this.startEditing(row, field)}>${problem ? html`<span class="stored-problem" aria-hidden="true">⚠</span>` : nothing}${text ||
        html`<span class="placeholder">…</span>`}</button>
    </td>`;
  }
}
customElements.define('ml-kpi-table', MlKpiTable);

declare global {
  interface HTMLElementTagNameMap {
    'ml-kpi-table': MlKpiTable;
  }
}

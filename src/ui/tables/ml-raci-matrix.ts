import { LitElement, css, html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { Modeler } from '../../modeler/create-modeler';
import type ValueChainEditor from '../../modeler/features/value-chain/ValueChainEditor';
import { RESPONSIBILITIES, type Responsibility } from '../../model/value-chain/schema';
import { activitiesInFlowOrder, type DiagramElementLike } from './table-data';
import { cellLetters, RACI_LETTERS, raciCsvRows, raciRoles, raciRows, responsibilityForKey, type RaciRole, type RaciRow, type RaciRowCache } from './raci-rows';
import { currentLocale } from '../../i18n/localization';
import { responsibilityMeaning } from '../shared/vocabulary';
import { revealElement } from '../shared/reveal';
import { ModelerChangesController } from '../shared/modeler-changes';
import { decimalCommaPreference, downloadCsv, setDecimalCommaPreference } from '../shared/csv-export';
import { tableStyles } from './table-styles';

interface CellPosition {
  row: number;
  col: number;
}

/**
 * The RACI matrix of the open process: activities (grouped by lane) × the roles of the
 * catalogue. Every cell is editable from the keyboard (focus a cell, type R, A, C or I,
 * Delete clears; arrow keys move) or with the mouse (a small menu); each change is one
 * undoable `valueChainEditor.setAssignment`. Rows without exactly one Accountable are
 * highlighted with a written reason, not by colour alone.
 *
 * @event ml-close - the user closed the panel
 */
export class MlRaciMatrix extends LitElement {
  static override properties = {
    modeler: { attribute: false },
    processName: { attribute: false },
    roles: { state: true },
    rows: { state: true },
    focusCell: { state: true },
    menuCell: { state: true },
    decimalComma: { state: true },
    error: { state: true }
  };
  declare modeler: Modeler | undefined;
  declare processName: string | undefined;
  declare roles: RaciRole[];
  declare rows: RaciRow[];
  /** The cell that holds the tab stop (roving tabindex). */
  declare focusCell: CellPosition;
  /** The cell whose menu is open, if any. */
  declare menuCell: CellPosition | undefined;
  /** Where the open menu sits in the window (below its cell, or above when there is no room). */
  private menuPlace = '';
  declare decimalComma: boolean;
  declare error: string | undefined;

  private changes = new ModelerChangesController(this);
  private rowCache: RaciRowCache = new WeakMap();
  private rolesSignature = '';

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.roles = [];
    this.rows = [];
    this.focusCell = { row: 0, col: 0 };
    this.decimalComma = decimalCommaPreference();
  }

  static override styles = [
    tableStyles,
    css`
      .legend {
        color: #47525e;
      }
      .legend b {
        color: #1d2733;
      }
      /* Role names wrap between words only (Dutch compounds such as Klantenservicemedewerker stay whole): the matrix scrolls sideways instead. */
      th.role {
        white-space: normal;
        overflow-wrap: break-word;
        min-width: 86px;
        max-width: 220px;
        hyphens: auto;
        vertical-align: bottom;
        text-align: center;
      }
      th.role .dept {
        display: block;
        font-weight: 400;
        color: #47525e;
        font-size: 12px;
      }
      tr.group th {
        background: #eef2f6;
        font-weight: 600;
        position: sticky;
        left: 0;
      }
      th.activity {
        position: sticky;
        left: 0;
        z-index: 1;
        background: #fff;
        font-weight: 400;
        max-width: 260px;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      thead th:first-child {
        left: 0;
        z-index: 3;
      }
      td.cell {
        position: relative;
        text-align: center;
        font-weight: 700;
        min-width: 40px;
        cursor: pointer;
        border-left: 1px solid #eef2f6;
      }
      td.cell:hover {
        background: #f0f6fc;
      }
      td.cell[data-letters='A'] {
        background: #e6f0fa;
        color: #0b4a8a;
      }
      tr.warn > * {
        background: #fff8e1;
      }
      tr.warn > th.activity {
        box-shadow: inset 4px 0 0 #9a6700;
      }
      td.check {
        white-space: normal;
        min-width: 24px;
        max-width: 220px;
      }
      td.check .bad {
        color: #7d4e00;
        font-weight: 600;
      }
      td.check .ok {
        color: #1a7f37;
      }
      .menu {
        /* fixed, so the scrolling table does not clip it; placed from the cell's box */
        position: fixed;
        z-index: 20;
        display: grid;
        min-width: 250px;
        padding: 4px;
        background: #fff;
        border: 1px solid #d0d7de;
        border-radius: 8px;
        box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
        font-weight: 400;
        text-align: left;
      }
      .menu button {
        border: none;
        background: none;
        padding: 6px 8px;
        border-radius: 6px;
        text-align: left;
        color: #1d2733;
      }
      .menu button:hover,
      .menu button[aria-checked='true'] {
        background: #e6edf3;
      }
      .menu b {
        display: inline-block;
        width: 1.4em;
      }
      .error {
        color: #b42318;
        padding: 4px 12px;
      }
    `
  ];

  protected override willUpdate(): void {
    this.changes.track(this.modeler);
    if (this.changes.takeDirty()) this.read();
  }

  /** Reads roles and assignments from the model. */
  private read(): void {
    if (!this.modeler) {
      this.roles = [];
      this.rows = [];
      return;
    }
    const registry = this.modeler.get<ElementRegistry>('elementRegistry');
    // Same roles keep the same array, so rows that did not change are not drawn again.
    const roles = raciRoles(this.editor()?.getValueChain());
    const signature = JSON.stringify(roles);
    if (signature !== this.rolesSignature) {
      this.roles = roles;
      this.rolesSignature = signature;
    }
    this.rows = raciRows(activitiesInFlowOrder(registry.getAll() as unknown as DiagramElementLike[]), this.roles, this.rowCache);
    const maxRow = Math.max(0, this.rows.length - 1);
    const maxCol = Math.max(0, this.roles.length - 1);
    if (this.focusCell.row > maxRow || this.focusCell.col > maxCol) {
      this.focusCell = { row: Math.min(this.focusCell.row, maxRow), col: Math.min(this.focusCell.col, maxCol) };
    }
  }

  private editor(): ValueChainEditor | undefined {
    try {
      return this.modeler?.get<ValueChainEditor>('valueChainEditor');
    } catch {
      return undefined;
    }
  }

  // ---- editing -----------------------------------------------------------------------------

  private assign(position: CellPosition, responsibility: Responsibility | null): void {
    const row = this.rows[position.row];
    const role = this.roles[position.col];
    const editor = this.editor();
    if (!row || !role || !editor) return;
    this.error = undefined;
    const current = row.cells[role.id] ?? [];
    if (responsibility === null ? current.length === 0 : current.length === 1 && current[0] === responsibility) return;
    try {
      editor.setAssignment(row.activityId, role.id, responsibility);
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private onCellKeyDown(event: KeyboardEvent, position: CellPosition): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const responsibility = event.key.length === 1 ? responsibilityForKey(event.key) : undefined;
    const inMenu = !!(event.target as Element | null)?.closest?.('.menu');
    let handled = true;
    if (responsibility) this.closeMenuAnd(position, () => this.assign(position, responsibility));
    else if (event.key === 'Escape' && this.menuCell) this.closeMenuAnd(position, () => undefined);
    else if (inMenu) handled = false; // Enter and Space activate the menu's buttons
    else if (event.key === 'Delete' || event.key === 'Backspace') this.assign(position, null);
    else if (event.key === 'Enter' || event.key === ' ') this.openMenu(position);
    else if (event.key === 'ArrowRight') this.moveFocus(position.row, position.col + 1);
    else if (event.key === 'ArrowLeft') this.moveFocus(position.row, position.col - 1);
    else if (event.key === 'ArrowDown') this.moveFocus(position.row + 1, position.col);
    else if (event.key === 'ArrowUp') this.moveFocus(position.row - 1, position.col);
    else if (event.key === 'Home') this.moveFocus(position.row, 0);
    else if (event.key === 'End') this.moveFocus(position.row, this.roles.length - 1);
    else handled = false;
    if (handled) {
      // Keys handled here must not reach the canvas or scroll the panel.
      event.preventDefault();
      event.stopPropagation();
    }
  }

  private openMenu(position: CellPosition): void {
    const box = this.cellElement(position)?.getBoundingClientRect();
    const menuHeight = 190;
    const left = box ? Math.max(8, Math.min(box.left, window.innerWidth - 360)) : 8;
    this.menuPlace = !box
      ? ''
      : window.innerHeight - box.bottom >= menuHeight
        ? `left:${left}px;top:${box.bottom}px`
        : `left:${left}px;bottom:${window.innerHeight - box.top}px`;
    this.focusCell = position;
    this.menuCell = position;
    void this.updateComplete.then(() => {
      const menu = this.cellElement(position)?.querySelector('.menu');
      (menu?.querySelector<HTMLElement>('[aria-checked="true"]') ?? menu?.querySelector<HTMLElement>('button'))?.focus({ preventScroll: true });
    });
  }

  /** Closes the cell's menu (if open), runs the action and puts the focus back on the cell. */
  private closeMenuAnd(position: CellPosition, action: () => void): void {
    this.menuCell = undefined;
    action();
    void this.updateComplete.then(() => this.cellElement(position)?.focus());
  }

  private moveFocus(row: number, col: number): void {
    const next = {
      row: Math.min(Math.max(row, 0), this.rows.length - 1),
      col: Math.min(Math.max(col, 0), this.roles.length - 1)
    };
    this.menuCell = undefined;
    this.focusCell = next;
    void this.updateComplete.then(() => this.cellElement(next)?.focus());
  }

  private cellElement(position: CellPosition): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`td.cell[data-row="${position.row}"][data-col="${position.col}"]`);
  }

  private chooseFromMenu(event: Event, position: CellPosition, responsibility: Responsibility | null): void {
    event.stopPropagation();
    this.closeMenuAnd(position, () => this.assign(position, responsibility));
  }

  private exportCsv(): void {
    const rows = raciCsvRows(this.rows, this.roles, {
      department: msg('Department'),
      activity: msg('Activity'),
      check: msg('Accountability check'),
      role: (role) => (role.department ? `${role.name} (${role.department})` : role.name),
      checkText: (row) => this.checkText(row)
    });
    downloadCsv(rows, this.processName ?? msg('process'), 'raci', this.decimalComma);
  }

  private setDecimalComma(value: boolean): void {
    this.decimalComma = value;
    setDecimalCommaPreference(value);
  }

  private checkText(row: RaciRow): string {
    const parts: string[] = [];
    if (row.accountableCount === 0) parts.push(msg('No Accountable'));
    else if (row.accountableCount > 1) parts.push(msg(str`${row.accountableCount} × Accountable; exactly one is needed`));
    if (row.unknownRoles.length > 0) parts.push(msg(str`Unknown role: ${row.unknownRoles.join(', ')}`));
    return parts.join('; ');
  }

  // ---- rendering ---------------------------------------------------------------------------

  override render() {
    const problems = this.rows.filter((r) => r.accountableCount !== 1).length;
    return html`
      <div class="toolbar">
        <h2 id="raci-title">${msg('RACI matrix')}</h2>
        <span class="summary" role="status">${msg(str`${this.rows.length} activities, ${problems} without exactly one Accountable`)}</span>
        <span class="legend"><b>R</b> ${msg('responsible')} · <b>A</b> ${msg('accountable')} · <b>C</b> ${msg('consulted')} · <b>I</b> ${msg('informed')}</span>
        <span class="spacer"></span>
        <label><input type="checkbox" data-action="decimal-comma" .checked=${this.decimalComma}
          @change=${(e: Event) => this.setDecimalComma((e.target as HTMLInputElement).checked)} />${msg('decimal comma')}</label>
        <button type="button" data-action="export-csv" @click=${() => this.exportCsv()}>${msg('Export CSV')}</button>
        <button type="button" class="close" aria-label=${msg('Close the RACI matrix')} title=${msg('Close')}
          @click=${() => this.dispatchEvent(new CustomEvent('ml-close', { bubbles: true, composed: true }))}>×</button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="scroll" @scroll=${() => {
        // The menu is fixed in the window: it would drift away from its cell.
        if (this.menuCell) this.menuCell = undefined;
      }}>${this.renderMatrix()}</div>
    `;
  }

  private renderMatrix() {
    if (this.roles.length === 0) {
      return html`<p class="empty">${msg('This process has no roles yet. Add the roles (name and department) to the process in the properties panel; they become the columns of this matrix.')}</p>`;
    }
    if (this.rows.length === 0) {
      return html`<p class="empty">${msg('This process has no activities yet.')}</p>`;
    }
    let lastGroup: string | undefined | null = null;
    const body = [];
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r]!;
      const group = row.department;
      if (group !== lastGroup) {
        lastGroup = group;
        body.push(html`<tr class="group"><th colspan=${this.roles.length + 2} scope="rowgroup">${group ?? msg('Outside the lanes')}</th></tr>`);
      }
      // A row is drawn again only when its data, its focus or menu, or the language changed.
      const focusCol = this.focusCell.row === r ? this.focusCell.col : -1;
      const menuCol = this.menuCell?.row === r ? this.menuCell.col : -1;
      body.push(guard([row, r, this.roles, focusCol, menuCol, currentLocale()], () => this.renderRow(row, r)));
    }
    return html`<table role="grid" aria-labelledby="raci-title">
      <thead>
        <tr>
          <th scope="col">${msg('Activity')}</th>
          <th scope="col">${msg('Check')}</th>
          ${this.roles.map(
            (role) => html`<th scope="col" class="role" title=${role.person ?? ''}><span class="name">${role.name}</span>${role.department ? html`<span class="dept">${role.department}</span>` : nothing}</th>`
          )}
        </tr>
      </thead>
      <tbody>${body}</tbody>
    </table>`;
  }

  private renderRow(row: RaciRow, r: number) {
    const warn = row.accountableCount !== 1;
    return html`<tr class=${warn ? 'warn' : ''} data-activity-id=${row.activityId}>
      <th scope="row" class="activity"><button type="button" class="link" title=${msg('Show on the canvas')}
        @click=${() => this.modeler && revealElement(this.modeler, row.activityId)}>${row.activityName}</button></th>
      <td class="check">${warn || row.unknownRoles.length
        ? html`<span class="bad">⚠ ${this.checkText(row)}</span>`
        : html`<span class="ok" aria-label=${msg('One Accountable')}>✓</span>`}</td>
      ${this.roles.map((role, c) => this.renderCell(row, role, r, c))}
    </tr>`;
  }

  private renderCell(row: RaciRow, role: RaciRole, r: number, c: number) {
    const position = { row: r, col: c };
    const current = row.cells[role.id] ?? [];
    const letters = cellLetters(current);
    const meaning = current.map((x) => responsibilityMeaning(x)).join(', ') || msg('no responsibility');
    const focused = this.focusCell.row === r && this.focusCell.col === c;
    const menuOpen = this.menuCell?.row === r && this.menuCell?.col === c;
    return html`<td role="gridcell" class="cell" data-row=${r} data-col=${c} data-role-id=${role.id} data-letters=${letters}
      tabindex=${focused ? 0 : -1}
      aria-label=${msg(str`${role.name} on ${row.activityName}: ${meaning}. Type R, A, C or I; Delete clears.`)}
      @keydown=${(e: KeyboardEvent) => this.onCellKeyDown(e, position)}
      @focus=${() => {
        if (!focused) this.focusCell = position;
      }}
      @click=${() => (menuOpen ? this.closeMenuAnd(position, () => undefined) : this.openMenu(position))}
      @focusout=${(e: FocusEvent) => {
        if (menuOpen && !(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) this.menuCell = undefined;
      }}>${letters}${menuOpen ? this.renderMenu(position, current) : nothing}</td>`;
  }

  private renderMenu(position: CellPosition, current: Responsibility[]) {
    const order: Responsibility[] = ['responsible', 'accountable', 'consulted', 'informed'];
    return html`<div class="menu" role="menu" style=${this.menuPlace} aria-label=${msg('Choose a responsibility')} @keydown=${(e: KeyboardEvent) => this.onMenuKeyDown(e)}>
      ${order.filter((r) => RESPONSIBILITIES.includes(r)).map(
        (r) => html`<button type="button" role="menuitemradio" aria-checked=${current.includes(r) ? 'true' : 'false'} tabindex="-1"
          @click=${(e: Event) => this.chooseFromMenu(e, position, r)}><b>${RACI_LETTERS[r]}</b>${responsibilityMeaning(r)}</button>`
      )}
      <button type="button" role="menuitemradio" aria-checked=${current.length === 0 ? 'true' : 'false'} tabindex="-1"
        @click=${(e: Event) => this.chooseFromMenu(e, position, null)}><b>–</b>${msg('None')}</button>
    </div>`;
  }

  /** Up/down move within the open menu; the cell's own keys (letters, Escape) still work. */
  private onMenuKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.menu button')];
    const index = items.indexOf(this.renderRoot.querySelector<HTMLButtonElement>('.menu button:focus') as HTMLButtonElement);
    const next = items[(index + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
    next?.focus();
    event.preventDefault();
    event.stopPropagation();
  }
}
customElements.define('ml-raci-matrix', MlRaciMatrix);

declare global {
  interface HTMLElementTagNameMap {
    'ml-raci-matrix': MlRaciMatrix;
  }
}

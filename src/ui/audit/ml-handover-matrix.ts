import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import { handoverMatrix, type AuditHandover, type AuditResult, type HandoverMatrix, type HandoverMatrixCell } from '../../analysis/audit';
import type { Modeler } from '../../modeler/create-modeler';
import { agreementStatusLabel } from '../../modeler/features/audit-markers/finding-text';
import { panelStyles } from './panel-styles';
import { revealElement } from '../shared/reveal';
import { AuditResultController } from './audit-result-controller';
import { renderHandoverGrid } from './handover-grid';

/** How well a cell's handovers are covered: every one, some, or none by an agreed agreement. */
export type Coverage = 'all' | 'some' | 'none';

/** The coverage class of a matrix cell. */
export function coverageOf(cell: Pick<HandoverMatrixCell, 'count' | 'covered'>): Coverage {
  return cell.covered === cell.count ? 'all' : cell.covered === 0 ? 'none' : 'some';
}

/**
 * The handover matrix below the canvas: provider department (rows) × receiver
 * department (columns); each cell counts the handovers and how many an agreed
 * agreement covers, in words and colour. A cell lists its handovers; a handover
 * selects its flow on the canvas. Follows the audit as the model is edited.
 *
 * @event ml-close - the panel should close
 */
export class MlHandoverMatrix extends LitElement {
  static override properties = {
    modeler: { attribute: false },
    result: { state: true },
    selected: { state: true },
    error: { state: true }
  };
  declare modeler: Modeler | undefined;
  declare result: AuditResult | undefined;
  /** The open cell, as provider and receiver names. */
  declare selected: { from: string; to: string } | undefined;
  declare error: string;

  private readonly audit = new AuditResultController(this, {
    result: (result) => (this.result = result),
    failed: (error) => (this.error = error instanceof Error ? error.message : String(error))
  });

  static override styles = [
    panelStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100%;
        min-height: 0;
        background: #fff;
      }
      header {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 8px 12px 4px;
      }
      h2 {
        margin: 0;
        font-size: 1rem;
      }
      header p {
        margin: 0;
        flex: 1;
        font-size: 0.85rem;
        color: #47525e;
      }
      .body {
        display: flex;
        flex-wrap: wrap;
        align-content: flex-start;
        gap: 12px 16px;
        padding: 4px 12px 12px;
        overflow: auto;
        min-height: 0;
        flex: 1;
      }
      .matrix {
        overflow: auto;
        flex: 0 1 auto;
        max-width: 100%;
      }
      table {
        border-collapse: collapse;
        font-size: 0.85rem;
      }
      th,
      td {
        border: 1px solid #c5ccd3;
        padding: 0;
      }
      th {
        background: #f0f3f6;
        padding: 4px 8px;
        text-align: left;
        font-weight: 600;
        max-width: 160px;
      }
      thead th {
        text-align: center;
      }
      td.empty {
        text-align: center;
        color: #6b7683;
        padding: 4px 8px;
      }
      button.cell {
        display: grid;
        width: 100%;
        min-width: 78px;
        border: none;
        border-radius: 0;
        padding: 4px 8px;
        text-align: center;
        gap: 1px;
      }
      button.cell .count {
        font-weight: 700;
        font-size: 0.95rem;
      }
      button.cell .covered {
        font-size: 0.75rem;
      }
      button.cell[data-coverage='all'] {
        background: #dcf1e2;
        color: #0f5323;
      }
      button.cell[data-coverage='some'] {
        background: #fff0c2;
        color: #5c3300;
      }
      button.cell[data-coverage='none'] {
        background: #fbe0de;
        color: #8c1d13;
      }
      button.cell[aria-pressed='true'] {
        outline: 3px solid #0b5cad;
        outline-offset: -3px;
      }
      button.cell:focus-visible {
        outline: 3px solid #ffb000;
        outline-offset: -3px;
      }
      .list {
        flex: 1 1 240px;
        min-width: 240px;
      }
      .list h3 {
        margin: 0 0 6px;
        font-size: 0.95rem;
      }
      .list ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .list li {
        border-top: 1px solid #e6edf3;
      }
      .list li button {
        border: none;
        background: none;
        width: 100%;
        text-align: left;
        padding: 6px 4px;
        display: grid;
        gap: 2px;
      }
      .list li button:hover .flow {
        text-decoration: underline;
      }
      .flow {
        font-weight: 600;
      }
      .ends {
        font-size: 0.82rem;
        color: #47525e;
      }
      .status {
        font-size: 0.8rem;
        font-weight: 600;
      }
      .status[data-status='agreed'],
      .status[data-status='under-review'] {
        color: #1a7f37;
      }
      .status[data-status='draft'] {
        color: #8a4b00;
      }
      .status[data-status='missing'] {
        color: #b42318;
      }
      .hint {
        color: #47525e;
        font-size: 0.85rem;
        margin: 0;
      }
      .legend {
        display: flex;
        gap: 12px;
        font-size: 0.78rem;
        margin-top: 6px;
        color: #47525e;
      }
      .legend span::before {
        content: '';
        display: inline-block;
        width: 10px;
        height: 10px;
        margin-right: 4px;
        border: 1px solid #8a96a3;
        vertical-align: -1px;
      }
      .legend .all::before {
        background: #dcf1e2;
      }
      .legend .some::before {
        background: #fff0c2;
      }
      .legend .none::before {
        background: #fbe0de;
      }
    `
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.error = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('modeler')) this.audit.track(this.modeler);
  }

  private nameOf(elementId: string): string {
    const element = this.modeler?.get<ElementRegistry>('elementRegistry').get(elementId) as { businessObject?: { name?: string } } | undefined;
    return element?.businessObject?.name?.trim() || elementId;
  }

  override render() {
    const result = this.result;
    const matrix = result ? handoverMatrix(result.handovers) : undefined;
    return html`
      <header>
        <h2>${msg('Handovers between departments')}</h2>
        <p data-totals>${matrix ? msg(str`${matrix.covered} of ${matrix.total} handovers covered by an agreed agreement`) : msg('Auditing…')}</p>
        <button type="button" class="close" aria-label=${msg('Close the handover matrix')}
          @click=${() => this.dispatchEvent(new CustomEvent('ml-close', { bubbles: true, composed: true }))}>×</button>
      </header>
      ${this.error ? html`<p class="hint" role="alert" style="padding:0 12px">${this.error}</p>` : nothing}
      <div class="body">${matrix ? this.renderBody(matrix, result!.handovers) : nothing}</div>
    `;
  }

  private renderBody(matrix: HandoverMatrix, handovers: readonly AuditHandover[]) {
    if (matrix.total === 0) return html`<p class="hint">${msg('This model has no handovers: no flow crosses from one lane or pool to another.')}</p>`;
    const selected = this.selected ? matrix.cells.find((c) => c.from === this.selected!.from && c.to === this.selected!.to) : undefined;
    return html`
      <div class="matrix">
        ${renderHandoverGrid(matrix, {
          corner: msg('From ↓ / to →'),
          caption: html`<caption class="visually-hidden">${msg('Handovers per provider (row) and receiver (column)')}</caption>`,
          empty: () => html`<td class="empty"><span aria-label=${msg('no handovers')}>–</span></td>`,
          cell: (cell) => {
            const pressed = selected === cell;
            return html`<td>
              <button type="button" class="cell" data-from=${cell.from} data-to=${cell.to} data-coverage=${coverageOf(cell)}
                aria-pressed=${pressed ? 'true' : 'false'}
                aria-label=${msg(str`${cell.from} to ${cell.to}: ${cell.count} handovers, ${cell.covered} agreed`)}
                @click=${() => (this.selected = pressed ? undefined : { from: cell.from, to: cell.to })}>
                <span class="count">${cell.count}</span>
                <span class="covered">${msg(str`${cell.covered} agreed`)}</span>
              </button>
            </td>`;
          }
        })}
        <div class="legend" aria-hidden="true">
          <span class="all">${msg('all agreed')}</span><span class="some">${msg('partly agreed')}</span><span class="none">${msg('none agreed')}</span>
        </div>
      </div>
      <div class="list" aria-live="polite">
        ${selected ? this.renderCell(selected, handovers) : html`<p class="hint">${msg('Choose a cell to list its handovers.')}</p>`}
      </div>
    `;
  }

  private renderCell(cell: HandoverMatrixCell, handovers: readonly AuditHandover[]) {
    const byId = new Map(handovers.map((h) => [h.flowId, h]));
    return html`<h3>${msg(str`${cell.from} → ${cell.to}`)}</h3>
      <ul data-cell-flows>
        ${cell.flowIds.map((id) => {
          const h = byId.get(id);
          if (!h) return nothing;
          const flowName = this.nameOf(id);
          return html`<li data-flow-id=${id}>
            <button type="button" @click=${() => this.modeler && revealElement(this.modeler, id)} title=${msg('Select the flow on the diagram')}>
              <span class="flow">${flowName === id ? (h.kind === 'message' ? msg('Message flow') : msg('Sequence flow')) + ` ${id}` : flowName}</span>
              <span class="ends">${this.nameOf(h.sourceRef)} → ${this.nameOf(h.targetRef)}</span>
              <span class="status" data-status=${h.agreementStatus}>
                ${h.agreementStatus === 'missing' ? msg('No agreement') : msg(str`Agreement: ${agreementStatusLabel(h.agreementStatus)}`)}${h.covered
                  ? ''
                  : h.agreementStatus === 'agreed' || h.agreementStatus === 'under-review'
                    ? ` — ${msg('incomplete (deliverable, provider or receiver missing)')}`
                    : ''}
              </span>
            </button>
          </li>`;
        })}
      </ul>`;
  }
}
customElements.define('ml-handover-matrix', MlHandoverMatrix);

import { html, type TemplateResult } from 'lit';
import type { HandoverMatrix, HandoverMatrixCell } from '../../analysis/audit';

/** A handover matrix laid out as a table: the departments that provide as rows, those that receive as columns. */
export interface HandoverGrid {
  receivers: HandoverMatrix['departments'];
  rows: { provider: HandoverMatrix['departments'][number]; cells: (HandoverMatrixCell | undefined)[] }[];
}

/** Lays out a matrix; a department that only receives gets no row, one that only provides no column. */
export function handoverGrid(matrix: HandoverMatrix): HandoverGrid {
  const providers = matrix.departments.filter((d) => matrix.cells.some((c) => c.from === d.name));
  const receivers = matrix.departments.filter((d) => matrix.cells.some((c) => c.to === d.name));
  const byPair = new Map(matrix.cells.map((c) => [`${c.from}\u0000${c.to}`, c]));
  return {
    receivers,
    rows: providers.map((provider) => ({ provider, cells: receivers.map((r) => byPair.get(`${provider.name}\u0000${r.name}`)) }))
  };
}

/** How the audit panel and the audit report each draw the same grid: the corner header, a caption, and a cell. */
export interface HandoverGridView {
  corner: string;
  caption?: TemplateResult;
  cell(cell: HandoverMatrixCell): TemplateResult;
  empty(): TemplateResult;
}

/** The handover matrix as a table, drawn once for the panel and the report. */
export function renderHandoverGrid(matrix: HandoverMatrix, view: HandoverGridView): TemplateResult {
  const grid = handoverGrid(matrix);
  return html`<table>
    ${view.caption ?? ''}
    <thead>
      <tr>
        <th scope="col">${view.corner}</th>
        ${grid.receivers.map((d) => html`<th scope="col">${d.name}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${grid.rows.map(
        (row) =>
          html`<tr>
            <th scope="row">${row.provider.name}</th>
            ${row.cells.map((cell) => (cell ? view.cell(cell) : view.empty()))}
          </tr>`
      )}
    </tbody>
  </table>`;
}

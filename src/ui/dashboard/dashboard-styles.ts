import { css } from 'lit';
import { bottomPanelFrameStyles } from '../shared/panel-styles';

/** The dashboard's look: a toolbar over two scrolling columns (KPIs, resources); statuses in words with a symbol and a tint. */
export const dashboardStyles = css`
  ${bottomPanelFrameStyles}
  :host {
    container-type: inline-size;
  }
  .toolbar {
    gap: 6px 16px;
  }
  h3 {
    font-size: 13px;
    margin: 0 0 6px;
  }
  h4 {
    font-size: 13px;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 4px 10px;
    align-items: baseline;
  }
  .counts {
    font-weight: 400;
    color: #47525e;
  }
  .spacer {
    flex: 1;
  }
  button {
    font: inherit;
    cursor: pointer;
    color: #1d2733;
  }
  button:disabled {
    cursor: default;
    color: #6b7682;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  summary:focus-visible {
    outline: 3px solid #ffb000;
    outline-offset: 1px;
  }
  .segmented {
    display: inline-flex;
  }
  .segmented button {
    padding: 4px 10px;
    border: 1px solid #8a96a3;
    background: #fff;
  }
  .segmented button:first-child {
    border-radius: 6px 0 0 6px;
  }
  .segmented button:last-child {
    border-radius: 0 6px 6px 0;
    border-left: none;
  }
  .segmented button[aria-checked='true'] {
    background: #0b5cad;
    border-color: #0b5cad;
    color: #fff;
  }
  .segmented.small button {
    padding: 2px 8px;
  }
  fieldset.period {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 10px;
    border: none;
    margin: 0;
    padding: 0;
  }
  fieldset.period legend {
    float: left;
    font-weight: 600;
    padding: 0;
    margin-right: 4px;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 5px;
  }
  select,
  input {
    font: inherit;
    color: inherit;
    border: 1px solid #8a96a3;
    border-radius: 4px;
    padding: 2px 5px;
    background: #fff;
  }
  input[aria-invalid='true'] {
    border: 2px solid #b42318;
  }
  .error {
    color: #b42318;
    font-weight: 600;
  }
  button.close {
    border: 1px solid #8a96a3;
    border-radius: 6px;
    background: #fff;
    padding: 1px 8px;
    font-size: 16px;
    line-height: 1.1;
  }
  .insight {
    margin: 0;
    padding: 4px 12px;
    background: #eef5fc;
    border-bottom: 1px solid #d0d7de;
    color: #1d3a5c;
    flex: none;
  }
  .message {
    padding: 14px;
    color: #47525e;
    margin: 0;
  }
  .message progress {
    width: 220px;
  }
  .message.reading {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    align-items: center;
    padding: 6px 12px;
    border-bottom: 1px solid #d0d7de;
    background: #fff8e1;
    color: #3d2e00;
    flex: none;
  }
  .body {
    flex: 1;
    min-height: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(295px, 26%);
  }
  .kpis,
  .resources {
    min-height: 0;
    overflow: auto;
    padding: 8px 12px 16px;
  }
  .resources {
    border-left: 1px solid #d0d7de;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-bottom: 8px;
  }
  .chip {
    border: 1px solid #8a96a3;
    border-radius: 14px;
    background: #fff;
    padding: 2px 10px;
  }
  .chip[aria-pressed='true'] {
    outline: 2px solid #0b5cad;
    outline-offset: 0;
    font-weight: 600;
  }
  .focus {
    margin: 0 0 8px;
    padding: 4px 8px;
    background: #fff8e1;
    border: 1px solid #e3b341;
    border-radius: 6px;
  }
  .note {
    margin: 6px 0;
    color: #47525e;
  }
  .note.warn,
  .warn {
    color: #8a4b00;
  }
  .group {
    margin: 10px 0 14px;
  }
  .hint {
    margin: 2px 0 4px;
    color: #47525e;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 4px;
    border-bottom: 1px solid #e3e8ee;
  }
  thead th {
    font-weight: 600;
    color: #47525e;
    border-bottom: 1px solid #c5ccd3;
    white-space: nowrap;
  }
  tbody th {
    font-weight: 400;
  }
  .num {
    text-align: right;
  }
  th.num {
    white-space: nowrap;
  }
  /* A value may wrap before its unit ("≤ 15,000" / "EUR") when the column is narrow, so the table fits its pane. */
  td.num {
    font-variant-numeric: tabular-nums;
  }
  .sub {
    font-size: 12px;
    color: #47525e;
  }
  .muted {
    color: #5b6670;
  }
  q.evidence {
    display: block;
    font-style: italic;
    white-space: normal;
    text-align: left;
    max-width: 28ch;
    color: #33404d;
  }
  button.link {
    border: none;
    background: none;
    padding: 0;
    color: #0b5cad;
    text-decoration: underline;
    text-align: left;
  }
  .status {
    display: inline-block;
    border-radius: 4px;
    padding: 1px 6px;
    font-weight: 600;
  }
  /* The words of a status stay on one line; only the symbol may go above them when the column is narrow. */
  .status .words,
  .chip .status,
  .chips .status {
    white-space: nowrap;
  }
  .s-on-track {
    color: #116329;
    background: #e6f4ea;
  }
  .s-off-track {
    color: #a0201a;
    background: #fdecea;
  }
  .s-no-data {
    color: #3d4650;
    background: #eef1f4;
  }
  .s-qualitative {
    color: #5b3a9e;
    background: #f1ecfa;
  }
  .chip.s-on-track,
  .chip.s-off-track,
  .chip.s-no-data,
  .chip.s-qualitative {
    border-color: currentColor;
  }
  /* Sparkline above its word: side by side they made the KPI table wider than its column, hiding the row buttons. */
  button.trend {
    display: inline-flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 1px;
    border: 1px solid transparent;
    border-radius: 4px;
    background: none;
    padding: 0 2px;
    color: #1d2733;
  }
  button.trend:hover,
  button.trend[aria-expanded='true'] {
    border-color: #8a96a3;
  }
  .row-actions {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    gap: 3px;
  }
  .row-actions button,
  .more {
    border: 1px solid #8a96a3;
    border-radius: 6px;
    background: #fff;
    padding: 2px 8px;
    margin: 0 2px 2px 0;
  }
  .history {
    display: grid;
    grid-template-columns: minmax(240px, 1fr) minmax(200px, 1fr);
    gap: 12px;
    align-items: start;
  }
  .measurements {
    margin: 0;
    padding-left: 18px;
    display: grid;
    gap: 4px;
  }
  .measurements li span + strong {
    margin-left: 6px;
  }
  .chart {
    position: relative;
    width: 100%;
  }
  .chart.small {
    height: 150px;
  }
  .res-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 6px;
  }
  figure.resource {
    margin: 8px 0 16px;
  }
  figcaption {
    font-weight: 600;
    margin-bottom: 4px;
  }
  table.mini {
    margin-top: 6px;
  }
  table.mini td.num {
    white-space: nowrap;
  }
  /* The resources column is narrow: how the realised amount compares with the plan goes below it, not in a column of its own. */
  table.mini .vs-plan {
    white-space: normal;
    margin-top: 2px;
  }
  details.processes {
    margin-top: 14px;
  }
  details.processes summary {
    cursor: pointer;
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  /* Beside an open side panel the dashboard gets narrow: KPIs first, resources below them, one scroll. */
  @container (max-width: 980px) {
    .body {
      grid-template-columns: 1fr;
      /* Rows as tall as their content: auto rows in a grid of fixed height would share that height and overlap. */
      grid-auto-rows: max-content;
      overflow: auto;
    }
    .kpis,
    .resources {
      overflow: visible;
      min-height: auto;
    }
    .resources {
      border-left: none;
      border-top: 1px solid #d0d7de;
    }
  }
`;

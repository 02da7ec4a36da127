import { css } from 'lit';
import { bottomPanelFrameStyles } from '../shared/panel-styles';

/** The look both table panels share: a toolbar over a scrolling table with a sticky header. */
export const tableStyles = css`
  ${bottomPanelFrameStyles}
  .summary {
    color: #47525e;
  }
  .spacer {
    flex: 1;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  select,
  input {
    font: inherit;
    color: inherit;
    border: 1px solid #8a96a3;
    border-radius: 4px;
    padding: 3px 6px;
    background: #fff;
  }
  input[type='checkbox'] {
    width: 16px;
    height: 16px;
    margin: 0;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  .toolbar button {
    padding: 4px 10px;
    border: 1px solid #8a96a3;
    border-radius: 6px;
    background: #fff;
    color: #1d2733;
  }
  .toolbar button.close {
    padding: 2px 8px;
    font-size: 16px;
    line-height: 1;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid #ffb000;
    outline-offset: 1px;
  }
  .scroll {
    flex: 1;
    min-height: 0;
    overflow: auto;
  }
  table {
    border-collapse: separate;
    border-spacing: 0;
    min-width: 100%;
  }
  th,
  td {
    padding: 4px 8px;
    border-bottom: 1px solid #e3e8ee;
    text-align: left;
    vertical-align: top;
    white-space: nowrap;
  }
  thead th {
    position: sticky;
    top: 0;
    z-index: 2;
    background: #fff;
    border-bottom: 2px solid #d0d7de;
    font-weight: 600;
  }
  td.number,
  th.number {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .link {
    border: none;
    background: none;
    padding: 0;
    color: #0b5cad;
    text-decoration: underline;
    text-align: left;
  }
  .muted {
    color: #47525e;
  }
  .empty {
    padding: 24px 16px;
    color: #47525e;
    max-width: 60ch;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .problem {
    color: #b42318;
  }
`;

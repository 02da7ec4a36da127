import { css } from 'lit';
import { bottomPanelFrameStyles } from '../shared/panel-styles';

/** The simulation panel's look: a toolbar, the model check, then the chosen mode's controls and results. */
export const simulationStyles = css`
  ${bottomPanelFrameStyles}
  h3 {
    font-size: 13px;
    margin: 10px 0 6px;
  }
  .body {
    overflow: auto;
    padding: 8px 12px 16px;
    flex: 1;
    min-height: 0;
  }
  .spacer {
    flex: 1;
  }
  button,
  select,
  input {
    font: inherit;
    color: #1d2733;
  }
  button {
    cursor: pointer;
    padding: 3px 10px;
    border: 1px solid #8c959f;
    border-radius: 4px;
    background: #fff;
  }
  button.primary {
    background: #0b5cad;
    border-color: #0b5cad;
    color: #fff;
  }
  button:disabled {
    cursor: default;
    color: #57606a;
    background: #eaeef2;
    border-color: #d0d7de;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  [role='tab']:focus-visible {
    outline: 3px solid #ffb000;
    outline-offset: 1px;
  }
  .tabs {
    display: flex;
    gap: 2px;
  }
  [role='tab'] {
    border-radius: 4px 4px 0 0;
    border-bottom: none;
  }
  [role='tab'][aria-selected='true'] {
    background: #0b5cad;
    color: #fff;
    border-color: #0b5cad;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  input[type='number'],
  input[type='text'] {
    width: 7em;
    padding: 2px 4px;
    border: 1px solid #8c959f;
    border-radius: 4px;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
    margin: 4px 0 8px;
  }
  .clock {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .state {
    color: #47525e;
  }
  .check {
    margin: 0 0 8px;
    padding: 6px 10px;
    border: 1px solid #d0d7de;
    border-radius: 6px;
    background: #fbfcfd;
  }
  .check.blocked {
    border-color: #b42318;
    background: #fff5f4;
  }
  .check ul,
  .flags ul {
    margin: 4px 0 0;
    padding-left: 18px;
  }
  .check li,
  .flags li {
    margin: 2px 0;
  }
  .severity {
    font-weight: 600;
  }
  .severity.error {
    color: #b42318;
  }
  .severity.warning {
    color: #8a4b00;
  }
  .severity.info {
    color: #47525e;
  }
  .default-used {
    color: #47525e;
  }
  .link {
    border: none;
    background: none;
    padding: 0 2px;
    color: #0b5cad;
    text-decoration: underline;
    cursor: pointer;
  }
  .choice {
    margin: 6px 0;
    padding: 8px 10px;
    border: 2px solid #0b5cad;
    border-radius: 6px;
    background: #f0f6fc;
  }
  .choice .options {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-top: 6px;
  }
  .flag-kind {
    font-weight: 600;
    color: #b42318;
  }
  progress {
    width: 220px;
  }
  .results {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
    gap: 12px 20px;
  }
  .scenario {
    border: 1px solid #d0d7de;
    border-radius: 6px;
    padding: 8px 10px;
  }
  .promise {
    font-weight: 600;
  }
  .promise.held {
    color: #0f6b36;
  }
  .promise.broken {
    color: #b42318;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 2px 6px;
    border-bottom: 1px solid #eaeef2;
    vertical-align: top;
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
    gap: 12px 20px;
    margin-top: 10px;
  }
  .check summary {
    cursor: pointer;
  }
  table.outcomes {
    margin-top: 6px;
  }
  table.outcomes caption {
    text-align: left;
    font-weight: 600;
    padding: 2px 0;
  }
  .flag-legend {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 12px;
    margin: 8px 0;
  }
  .flag-legend dt {
    font-weight: 600;
  }
  .flag-legend dd {
    margin: 0;
  }
  .chart-box {
    position: relative;
    height: 220px;
  }
  .note {
    color: #47525e;
    margin: 4px 0;
  }
  .error-text {
    color: #b42318;
    font-weight: 600;
  }
`;

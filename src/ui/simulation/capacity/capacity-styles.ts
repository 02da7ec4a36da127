import { css } from 'lit';
import { panelControlStyles } from '../../shared/panel-styles';

/** The capacity tab's look: the form, the what-if builder, findings, the side-by-side table. */
export const capacityStyles = css`
  ${panelControlStyles}
  :host {
    display: block;
    color: #1d2733;
  }
  h3 {
    font-size: 13px;
    margin: 10px 0 6px;
  }
  h3:focus {
    outline: none;
  }
  select,
  input {
    font: inherit;
    color: #1d2733;
    padding: 2px 4px;
    border: 1px solid #8c959f;
    border-radius: 4px;
  }
  input[type='number'],
  input[type='text'] {
    width: 6em;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
    margin: 4px 0 8px;
  }
  fieldset {
    border: 1px solid #d0d7de;
    border-radius: 6px;
    margin: 6px 0;
    padding: 6px 10px;
  }
  legend {
    font-weight: 600;
    padding: 0 4px;
  }
  .note,
  .terms {
    color: #47525e;
    margin: 4px 0;
  }
  .terms {
    font-size: 12px;
  }
  .summary {
    margin: 4px 0 8px;
  }
  .what-ifs {
    list-style: none;
    padding: 0;
    margin: 6px 0 0;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .what-ifs li {
    border: 1px solid #8c959f;
    border-radius: 12px;
    padding: 1px 4px 1px 10px;
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .findings {
    margin: 4px 0;
    padding-left: 18px;
  }
  .findings li {
    margin: 3px 0;
  }
  .findings .show {
    font-weight: 400;
    color: #47525e;
    margin-left: 4px;
  }
  select[name='what-if-hours'] {
    max-width: 20em;
  }
  .findings li.error {
    color: #b42318;
    font-weight: 600;
  }
  .findings li.warning {
    color: #7a4100;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 3px 6px;
    border-bottom: 1px solid #eaeef2;
    vertical-align: top;
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  td.worse {
    color: #b42318;
    font-weight: 600;
  }
  .saved {
    color: #0f6b36;
    font-weight: 400;
    font-size: 12px;
  }
  ol.ranking {
    margin: 4px 0;
    padding-left: 22px;
  }
  .error-text {
    color: #b42318;
    font-weight: 600;
  }
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(340px, 1fr));
    gap: 8px 20px;
  }
`;

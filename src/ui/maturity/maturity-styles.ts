import { css } from 'lit';

/** The maturity panel's own look (the frame and buttons are ../shared/panel-styles): an assessment bar, tabs and scrolling content. */
export const maturityStyles = css`
  :host {
    font-size: 0.88rem;
    overflow: auto;
  }
  h3 {
    font-size: 0.92rem;
    margin: 14px 0 6px;
  }
  p {
    margin: 0 0 8px;
    line-height: 1.45;
  }
  .bar {
    display: grid;
    gap: 8px;
    padding: 0 14px 10px;
    border-bottom: 1px solid #d0d7de;
  }
  label {
    display: grid;
    gap: 4px;
    font-weight: 600;
  }
  label.check {
    display: flex;
    align-items: center;
    gap: 6px;
    font-weight: 400;
  }
  .hint,
  .sub {
    font-weight: 400;
    font-size: 0.8rem;
    color: #47525e;
  }
  select,
  input {
    font: inherit;
    font-weight: 400;
    padding: 4px 6px;
    border: 1px solid #8a96a3;
    border-radius: 6px;
    background: #fff;
    color: #1d2733;
  }
  input[type='checkbox'] {
    width: 16px;
    height: 16px;
    margin: 0;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  form.details {
    display: grid;
    gap: 8px;
    padding: 10px;
    border: 1px solid #d0d7de;
    border-radius: 8px;
    background: #f6f8fa;
  }
  details.exchange summary {
    cursor: pointer;
    font-weight: 600;
  }
  .exchange-body {
    display: grid;
    gap: 8px;
    padding-top: 8px;
  }
  .notice {
    border-radius: 6px;
    padding: 8px 10px;
    border: 1px solid #8ab4e0;
    background: #eef5fc;
  }
  .notice.error {
    border-color: #b42318;
    background: #fff5f4;
    color: #7a1a12;
  }
  .notice ul {
    margin: 0 0 6px;
    padding-left: 18px;
    overflow-wrap: anywhere;
  }
  .tabs {
    display: flex;
    gap: 2px;
    padding: 8px 14px 0;
    border-bottom: 1px solid #d0d7de;
  }
  .tabs button {
    border: 1px solid transparent;
    border-bottom: none;
    border-radius: 6px 6px 0 0;
    padding: 6px 10px;
    background: none;
  }
  .tabs button[aria-selected='true'] {
    border-color: #d0d7de;
    background: #fff;
    font-weight: 700;
    margin-bottom: -1px;
    box-shadow: inset 0 3px 0 #0b5cad;
  }
  .tabpanel {
    padding: 8px 14px 20px;
  }
  ul.respondents {
    list-style: none;
    margin: 0 0 10px;
    padding: 0;
    display: grid;
    gap: 6px;
  }
  ul.respondents li {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    border: 1px solid #d0d7de;
    border-radius: 6px;
    padding: 8px;
  }
  .tag {
    display: inline-block;
    margin-top: 4px;
    font-size: 0.78rem;
    border-radius: 4px;
    padding: 0 6px;
    background: #eef1f4;
    color: #3d4650;
  }
  .tag.marketing {
    background: #e3effb;
    color: #0b4a8a;
  }
  .radar {
    position: relative;
    height: 320px;
    margin: 8px 0;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: left;
    padding: 3px 5px;
    border-bottom: 1px solid #e3e8ee;
    vertical-align: top;
  }
  thead th {
    color: #47525e;
    font-weight: 600;
  }
  tbody th {
    font-weight: 400;
  }
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  /* Columns as wide as their headers (Marketing, Anderen, Verschil), the pillar column takes the rest and wraps:
     fixed shares let the Dutch headers run into each other in the narrow side panel. */
  table.gap-table thead th.num {
    white-space: nowrap;
    font-size: 0.8rem;
  }
  table.gap-table td.num {
    white-space: nowrap;
  }
  tr.gap {
    background: #fff4e5;
  }
  tr.gap th {
    font-weight: 700;
  }
  .badge {
    display: inline-block;
    font-size: 0.75rem;
    font-weight: 700;
    border-radius: 4px;
    padding: 0 5px;
    background: #8a4b00;
    color: #fff;
  }
  .warning {
    border-left: 5px solid #b42318;
    background: #fff5f4;
    padding: 8px 10px;
    border-radius: 4px;
    line-height: 1.45;
  }
  ul.summary,
  ul.indicators {
    margin: 0;
    padding-left: 18px;
    display: grid;
    gap: 6px;
    line-height: 1.4;
  }
  ul.indicators {
    list-style: none;
    padding: 0;
    margin-bottom: 10px;
  }
  ul.indicators li {
    border: 1px solid #d0d7de;
    border-radius: 6px;
    padding: 8px;
  }
  .ind-head {
    display: flex;
    justify-content: space-between;
    gap: 8px;
  }
  .value {
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .share {
    height: 6px;
    background: #eef1f4;
    border-radius: 3px;
    margin: 6px 0;
    overflow: hidden;
  }
  .share span {
    display: block;
    height: 100%;
    background: #47525e;
  }
  .indicator-note {
    border-left: 4px solid #47525e;
    padding-left: 8px;
  }
  .note {
    color: #47525e;
  }
  .empty {
    color: #47525e;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

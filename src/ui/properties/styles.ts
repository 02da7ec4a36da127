import { css } from 'lit';

/** The properties panel's look: compact fields for a 360 px side panel, high contrast, a visible focus ring. */
export const propertiesStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    background: #fff;
    color: #1d2733;
    font-size: 0.9rem;
  }
  header {
    display: flex;
    align-items: flex-start;
    gap: 8px;
    padding: 12px 14px 8px;
    border-bottom: 1px solid #d6dde5;
  }
  header .titles {
    flex: 1;
    min-width: 0;
  }
  h2 {
    margin: 0;
    font-size: 1rem;
    overflow-wrap: anywhere;
  }
  .kind {
    margin: 2px 0 0;
    color: #47525e;
    font-size: 0.8rem;
  }
  .body {
    flex: 1;
    min-height: 0;
    overflow: auto;
    padding: 4px 0 24px;
  }
  details.section {
    border-bottom: 1px solid #e6edf3;
  }
  details.section > summary {
    display: flex;
    align-items: baseline;
    gap: 8px;
    padding: 10px 14px;
    cursor: pointer;
    font-weight: 700;
    list-style-position: inside;
  }
  summary .status {
    margin-left: auto;
    font-weight: 400;
    font-size: 0.78rem;
    color: #47525e;
  }
  summary .status.warn {
    color: #8a3b00;
  }
  .section-body {
    padding: 0 14px 12px;
    display: grid;
    gap: 10px;
  }
  .field {
    display: grid;
    gap: 3px;
    align-content: start;
  }
  .field > label,
  .legend {
    font-weight: 600;
    font-size: 0.82rem;
  }
  .control {
    display: flex;
    align-items: center;
    gap: 6px;
  }
  .control input {
    flex: 1;
    min-width: 0;
  }
  .suffix {
    color: #47525e;
    font-size: 0.82rem;
    white-space: nowrap;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    padding: 6px 8px;
    border: 1px solid #8a96a3;
    border-radius: 6px;
    background: #fff;
    min-width: 0;
    width: 100%;
    box-sizing: border-box;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: auto;
  }
  textarea {
    resize: vertical;
  }
  .field.check {
    grid-template-columns: auto 1fr;
    align-items: center;
  }
  .field.check > label {
    font-weight: 400;
  }
  .field.check .error {
    grid-column: 1 / -1;
  }
  [aria-invalid='true'] {
    border-color: #b42318;
    box-shadow: inset 0 0 0 1px #b42318;
  }
  .hint {
    margin: 0;
    color: #47525e;
    font-size: 0.78rem;
  }
  .error {
    margin: 0;
    color: #b42318;
    font-size: 0.8rem;
    font-weight: 600;
  }
  .warning {
    margin: 0;
    padding: 6px 8px;
    border-left: 4px solid #b54708;
    background: #fff6ed;
    color: #7a2e0e;
    font-size: 0.82rem;
  }
  .note {
    margin: 0;
    color: #344054;
    font-size: 0.85rem;
    line-height: 1.4;
  }
  .pair {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 8px;
  }
  .triple {
    display: grid;
    grid-template-columns: 1fr 1fr 1fr;
    gap: 6px;
  }
  .pair > *,
  .triple > *,
  .card,
  .card-body,
  .field {
    min-width: 0;
  }
  fieldset {
    margin: 0;
    padding: 8px 10px 10px;
    border: 1px solid #d6dde5;
    border-radius: 8px;
    display: grid;
    gap: 8px;
    min-width: 0;
  }
  legend {
    padding: 0 4px;
    font-weight: 600;
    font-size: 0.82rem;
  }
  .radios {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
  }
  .radios label {
    display: inline-flex;
    gap: 6px;
    align-items: center;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 6px;
    padding: 5px 10px;
    border: 1px solid #0b5cad;
    background: #fff;
    color: #0b5cad;
  }
  button.primary {
    background: #0b5cad;
    color: #fff;
    font-weight: 600;
  }
  button.danger {
    border-color: #b42318;
    color: #b42318;
  }
  button.link {
    border: none;
    padding: 0;
    text-decoration: underline;
  }
  button.close {
    border: none;
    font-size: 1.3rem;
    line-height: 1;
    padding: 2px 8px;
    color: #47525e;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible,
  summary:focus-visible {
    outline: 3px solid #ffb000;
    outline-offset: 1px;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: left;
    padding: 4px 2px;
    border-bottom: 1px solid #eef2f6;
    vertical-align: middle;
  }
  th {
    font-size: 0.78rem;
    color: #47525e;
    font-weight: 600;
  }
  td select,
  td input {
    width: 100%;
  }
  table.raci {
    table-layout: fixed;
  }
  table.raci th[scope='col']:first-child {
    width: 44%;
  }
  /* Dutch role names are long compounds (Klantenservicemedewerker): rather broken than cut off. */
  table.raci th[scope='row'] {
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  table.raci td select {
    padding-inline: 4px;
    font-size: 0.82rem;
  }
  tr.current th {
    text-decoration: underline;
  }
  .role-name {
    font-weight: 600;
  }
  .role-dept {
    display: block;
    color: #47525e;
    font-size: 0.78rem;
  }
  .card {
    border: 1px solid #d6dde5;
    border-radius: 8px;
  }
  .card > summary {
    padding: 8px 10px;
    cursor: pointer;
    display: grid;
    gap: 2px;
  }
  .card > summary .title {
    font-weight: 600;
  }
  .card > summary .summary {
    color: #47525e;
    font-size: 0.8rem;
  }
  .card-body {
    padding: 4px 10px 10px;
    display: grid;
    gap: 10px;
  }
  .actions {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
  }
  .derived {
    margin: 0;
    font-size: 0.8rem;
    color: #344054;
  }
  .handover {
    margin: 8px 14px;
    padding: 8px 10px;
    border-radius: 8px;
    background: #eef4fb;
    color: #0b3d75;
    font-size: 0.85rem;
    line-height: 1.4;
  }
  .handover.none {
    background: #f2f4f7;
    color: #344054;
  }
  .sum {
    font-weight: 600;
  }
  .sum.bad {
    color: #b42318;
  }
  .empty {
    padding: 16px 14px;
    color: #344054;
    line-height: 1.45;
  }
  .subhead {
    font-size: 12px;
    margin: 10px 0 4px;
  }
  fieldset.days {
    border: none;
    margin: 4px 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 4px 10px;
  }
  fieldset.days legend {
    font-weight: 600;
    font-size: 12px;
    margin-bottom: 2px;
    width: 100%;
  }
  label.day {
    display: inline-flex;
    align-items: center;
    gap: 3px;
  }
`;

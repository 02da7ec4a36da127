import { css } from 'lit';
import { panelControlStyles } from '../shared/panel-styles';

/**
 * The controls shared by the audit components (the common panel buttons and focus
 * ring from ../shared/panel-styles, inputs, severity badges), so the panel, the
 * matrix and the report look and behave alike. Colours have at least 4.5:1 contrast
 * on white; severity is always written out or iconed too.
 */
export const panelStyles = css`
  ${panelControlStyles}
  :host {
    color: var(--ml-text, #1d2733);
    font-size: 0.9rem;
  }
  input,
  select,
  textarea {
    font: inherit;
  }
  /* The audit's own variants of the common panel buttons: a little taller, bold primary, an outlined secondary. */
  button {
    padding: 5px 10px;
  }
  button.primary {
    font-weight: 600;
  }
  button.secondary {
    border-color: #0b5cad;
    color: #0b5cad;
  }
  button:disabled {
    border-color: #c5ccd3;
  }
  /* The × that closes the audit panel and the handover matrix. */
  .close {
    border: none;
    font-size: 1.3rem;
    line-height: 1;
    padding: 2px 8px;
    color: #47525e;
  }
  [tabindex]:focus-visible {
    outline: 3px solid #ffb000;
    outline-offset: 1px;
  }
  label {
    display: grid;
    gap: 4px;
    font-weight: 600;
    font-size: 0.85rem;
  }
  input,
  select,
  textarea {
    padding: 6px 8px;
    border: 1px solid #8a96a3;
    border-radius: 6px;
    font-weight: normal;
    background: #fff;
    color: var(--ml-text, #1d2733);
  }
  textarea {
    resize: vertical;
  }
  .severity {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font-size: 0.78rem;
    font-weight: 700;
    white-space: nowrap;
  }
  .severity svg {
    width: 14px;
    height: 14px;
    flex: none;
  }
  .severity--error {
    color: #b42318;
  }
  .severity--warning {
    color: #8a4b00;
  }
  .severity--info {
    color: #0b5cad;
  }
  .muted {
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

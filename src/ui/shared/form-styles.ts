import { css } from 'lit';

/** The look of the product's modal dialogs (questions, confirmations, actions, measurements, respondents), with field errors. */
export const dialogStyles = css`
  dialog {
    border: none;
    border-radius: 10px;
    padding: 0;
    width: min(480px, 94vw);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.25);
    font: inherit;
    font-size: 0.95rem;
    color: #1d2733;
  }
  dialog::backdrop {
    background: rgb(16 24 40 / 0.45);
  }
  form {
    display: grid;
    gap: 12px;
    padding: 20px 22px;
  }
  h2 {
    margin: 0;
    font-size: 1.1rem;
  }
  p,
  .context {
    margin: 0;
    line-height: 1.45;
    color: #47525e;
    font-size: 0.88rem;
  }
  label,
  .field {
    display: grid;
    gap: 5px;
    font-weight: 600;
    font-size: 0.88rem;
  }
  .hint {
    font-weight: 400;
    color: #47525e;
    font-size: 0.82rem;
  }
  .row {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 12px;
  }
  input,
  select,
  textarea {
    font: inherit;
    font-weight: 400;
    padding: 7px 9px;
    border: 1px solid #8a96a3;
    border-radius: 6px;
    background: #fff;
    color: #1d2733;
  }
  textarea {
    resize: vertical;
    min-height: 3.2em;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: #b42318;
    border-width: 2px;
  }
  .error {
    color: #b42318;
    font-weight: 600;
    font-size: 0.82rem;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible {
    outline: 3px solid #ffb000;
    outline-offset: 1px;
  }
  .buttons {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
  }
  button {
    font: inherit;
    padding: 7px 16px;
    border-radius: 6px;
    border: 1px solid #8a96a3;
    background: #fff;
    color: #1d2733;
    cursor: pointer;
  }
  button.primary {
    background: #0b5cad;
    border-color: #0b5cad;
    color: #fff;
  }
  button.danger {
    background: #b42318;
    border-color: #b42318;
    color: #fff;
  }
`;

import { css } from 'lit';

/**
 * The buttons of the side and bottom panels (plain, primary, link, close) and the
 * keyboard focus ring, so that every panel's controls look and respond alike.
 */
export const panelControlStyles = css`
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 6px;
    border: 1px solid #8a96a3;
    background: #fff;
    color: #1d2733;
    padding: 4px 10px;
  }
  button:disabled {
    color: #6b7682;
    cursor: default;
  }
  button.primary {
    background: #0b5cad;
    border-color: #0b5cad;
    color: #fff;
  }
  button.primary:disabled {
    background: #e6edf3;
    border-color: #c5ccd3;
    color: #47525e;
  }
  button.link {
    border: none;
    background: none;
    padding: 0;
    color: #0b5cad;
    text-decoration: underline;
    text-align: left;
  }
  button.close {
    border: none;
    font-size: 1.3rem;
    line-height: 1;
    padding: 2px 8px;
    color: #47525e;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  textarea:focus-visible,
  summary:focus-visible {
    outline: 3px solid #ffb000;
    outline-offset: 1px;
  }
`;

/** The frame of a side panel: a full-height column with a header (title and close button) and an intro line. */
export const sidePanelFrameStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    height: 100%;
    background: #fff;
    color: #1d2733;
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    padding: 12px 14px 4px;
  }
  h2 {
    margin: 0;
    font-size: 1rem;
  }
  .intro {
    margin: 0 14px 8px;
    font-size: 0.82rem;
    color: #47525e;
  }
`;

/** The frame of a panel below the diagram: a full-height column with a toolbar (title, controls) over its content. */
export const bottomPanelFrameStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    height: 100%;
    font-size: 13px;
    color: #1d2733;
    background: #fff;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 14px;
    padding: 6px 12px;
    border-bottom: 1px solid #d0d7de;
    background: #f6f8fa;
    flex: none;
  }
  h2 {
    font-size: 14px;
    margin: 0;
  }
`;

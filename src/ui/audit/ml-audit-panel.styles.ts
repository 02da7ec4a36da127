import { css } from 'lit';
import { panelStyles } from './panel-styles';

/** The styles of ml-audit-panel: the common audit panel frame, then its own parts. */
export const auditPanelStyles = [
  panelStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      height: 100%;
      background: #fff;
    }
    header {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 10px 12px 4px;
    }
    h2 {
      margin: 0;
      font-size: 1rem;
      flex: 1;
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px 12px;
      padding: 4px 12px 8px;
    }
    .summary .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      flex: 1;
    }
    .summary .counts > span {
      white-space: nowrap;
    }
    .toggle-markers {
      display: flex;
      flex-direction: row;
      align-items: center;
      gap: 6px;
      font-weight: normal;
      padding: 0 12px 8px;
    }
    .review {
      margin: 0 12px 8px;
      padding: 8px 10px;
      border-radius: 8px;
      border: 1px solid #d0d7de;
      background: #f6f8fa;
      font-size: 0.85rem;
      display: grid;
      gap: 6px;
    }
    .review[data-state='unchanged'] {
      border-color: #1a7f37;
      background: #eef8f0;
    }
    .review[data-state='changed'] {
      border-color: #b42318;
      background: #fdf0ef;
    }
    .review p {
      margin: 0;
      line-height: 1.4;
    }
    .review .status {
      font-weight: 600;
    }
    .review ul {
      margin: 0;
      padding-left: 18px;
      max-height: 180px;
      overflow: auto;
    }
    .review .actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    [role='tablist'] {
      display: flex;
      flex-wrap: wrap;
      gap: 2px;
      padding: 0 12px;
      border-bottom: 1px solid #d0d7de;
    }
    [role='tab'] {
      white-space: nowrap;
      font-size: 0.85rem;
      border: 1px solid transparent;
      border-bottom: none;
      border-radius: 6px 6px 0 0;
      padding: 6px 8px;
      background: none;
      color: #47525e;
    }
    [role='tab'][aria-selected='true'] {
      border-color: #d0d7de;
      background: #fff;
      color: #1d2733;
      font-weight: 600;
      margin-bottom: -1px;
    }
    [role='tabpanel'] {
      overflow: auto;
      flex: 1;
      min-height: 0;
      padding: 8px 12px 16px;
    }
    fieldset.grouping {
      border: none;
      padding: 0;
      margin: 0 0 8px;
      display: flex;
      align-items: center;
      gap: 10px;
      font-size: 0.85rem;
    }
    fieldset.grouping legend {
      float: left;
      padding: 0;
      margin-right: 4px;
      font-weight: 600;
    }
    fieldset.grouping label {
      display: flex;
      flex-direction: row;
      align-items: center;
      gap: 4px;
      font-weight: normal;
    }
    details.group {
      border: 1px solid #d0d7de;
      border-radius: 8px;
      margin-bottom: 8px;
    }
    details.group > summary {
      cursor: pointer;
      padding: 8px 10px;
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 2px 8px;
      list-style-position: inside;
    }
    .group-title {
      font-weight: 600;
    }
    .group-counts {
      display: flex;
      gap: 6px;
    }
    .explanation {
      margin: 0 10px 8px;
      font-size: 0.82rem;
      color: #47525e;
      line-height: 1.4;
    }
    ol.findings {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    ol.findings > li {
      border-top: 1px solid #e6edf3;
      padding: 8px 10px;
      display: grid;
      gap: 4px;
    }
    ol.findings > li[data-highlighted] {
      background: #fff8e1;
    }
    button.finding {
      border: none;
      padding: 0;
      background: none;
      text-align: left;
      display: grid;
      gap: 3px;
      color: inherit;
      cursor: pointer;
    }
    button.finding:hover .message {
      text-decoration: underline;
    }
    .message {
      line-height: 1.35;
    }
    .meta {
      font-size: 0.78rem;
      color: #47525e;
    }
    ul.evidence {
      margin: 0;
      padding-left: 16px;
      font-size: 0.78rem;
      color: #47525e;
    }
    .row-actions {
      display: flex;
      gap: 12px;
      font-size: 0.82rem;
    }
    form.exempt {
      display: grid;
      gap: 6px;
      padding: 8px;
      border-radius: 6px;
      background: #f6f8fa;
    }
    form.exempt .buttons {
      display: flex;
      gap: 8px;
      justify-content: flex-end;
    }
    .more {
      margin: 6px 10px 10px;
    }
    .empty {
      color: #47525e;
      font-size: 0.88rem;
    }
    .chain {
      margin: 0 0 10px;
      padding: 8px 10px;
      border-left: 4px solid #8a4b00;
      background: #fff8e1;
      font-size: 0.85rem;
    }
    fieldset.rule {
      border: 1px solid #d0d7de;
      border-radius: 8px;
      margin: 0 0 8px;
      padding: 8px 10px;
      display: grid;
      gap: 6px;
    }
    fieldset.rule legend {
      font-weight: 600;
      padding: 0 4px;
    }
    fieldset.rule p {
      margin: 0;
      font-size: 0.8rem;
      color: #47525e;
    }
    .rule-fields {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 14px;
      align-items: end;
    }
    .rule-fields label.check {
      display: flex;
      flex-direction: row;
      gap: 6px;
      align-items: center;
    }
    .rule-fields input[type='number'] {
      width: 6em;
    }
    .problems {
      color: #b42318;
      font-size: 0.85rem;
    }
    .error {
      color: #b42318;
      margin: 0 12px 8px;
      font-size: 0.85rem;
    }
    ml-review-form {
      display: block;
    }
  `
];

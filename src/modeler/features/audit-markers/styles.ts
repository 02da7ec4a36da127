import { adoptDocumentStyles } from '../../document-styles';
import type { RuleSeverity } from '../../../model/value-chain/schema';

/*
 * The look of the audit badges on the canvas (SVG groups inside the elements' graphics).
 * bpmn-js renders in the document (light DOM), so the rules live in a document stylesheet. Severity is never shown by colour
 * alone: each severity has its own icon shape, and the badge's accessible text says it.
 */

/** Badge background per severity; white text on each has at least 4.5:1 contrast. */
export const SEVERITY_COLOURS: Record<RuleSeverity, string> = {
  error: '#b42318',
  warning: '#8a4b00',
  info: '#0b5cad'
};

/** The white icon drawn inside a badge (16 × 16 box): a cross, a triangle with a bar, an "i". */
export const SEVERITY_ICONS: Record<RuleSeverity, string> = {
  error: '<path d="M4.5 4.5l7 7M11.5 4.5l-7 7" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/>',
  warning:
    '<path d="M8 2.2l6.2 11H1.8z" fill="none" stroke="#fff" stroke-width="1.6" stroke-linejoin="round"/><path d="M8 6.4v3.2" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/><circle cx="8" cy="11.6" r="1" fill="#fff"/>',
  info: '<circle cx="8" cy="4.3" r="1.3" fill="#fff"/><path d="M8 7.2v5.6" stroke="#fff" stroke-width="2.2" stroke-linecap="round"/>'
};

/** Severities from most to least serious: a badge shows the worst of its element's findings. */
export const SEVERITY_ORDER: readonly RuleSeverity[] = ['error', 'warning', 'info'];

const STYLE_ID = 'ml-audit-markers-styles';

const CSS = `
.ml-audit-badge { cursor: pointer; }
.ml-audit-badge text { fill: #fff; font: 700 11px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; font-variant-numeric: tabular-nums; pointer-events: none; }
.ml-audit-markers-hidden .ml-audit-badge { display: none; }
`;

/** Adds the feature's stylesheet to the document once. */
export function ensureAuditStyles(doc: Document = document): void {
  adoptDocumentStyles(STYLE_ID, CSS, doc);
}

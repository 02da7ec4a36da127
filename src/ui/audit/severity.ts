import { html, svg } from 'lit';
import type { RuleSeverity } from '../../model/value-chain/schema';
import { severityLabel } from '../../modeler/features/audit-markers/finding-text';

// The same shapes as the canvas badges, drawn on a coloured disc for use on white.
const SHAPES: Record<RuleSeverity, ReturnType<typeof svg>> = {
  error: svg`<circle cx="8" cy="8" r="8" fill="currentColor"/><path d="M5 5l6 6M11 5l-6 6" stroke="#fff" stroke-width="2" stroke-linecap="round"/>`,
  warning: svg`<path d="M8 1l7.5 13.5h-15z" fill="currentColor"/><path d="M8 6v4" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/><circle cx="8" cy="12.2" r="1" fill="#fff"/>`,
  info: svg`<circle cx="8" cy="8" r="8" fill="currentColor"/><circle cx="8" cy="4.6" r="1.2" fill="#fff"/><path d="M8 7.4v5" stroke="#fff" stroke-width="2" stroke-linecap="round"/>`
};

/** A severity as icon plus word, so it never depends on colour alone (uses the `.severity` styles of panelStyles). */
export function severityTag(severity: RuleSeverity) {
  return html`<span class="severity severity--${severity}"><svg viewBox="0 0 16 16" aria-hidden="true">${SHAPES[severity]}</svg>${severityLabel(severity)}</span>`;
}

/** Just the icon, with the severity as its accessible name. */
export function severityIcon(severity: RuleSeverity) {
  return html`<span class="severity severity--${severity}" role="img" aria-label=${severityLabel(severity)}
    ><svg viewBox="0 0 16 16" aria-hidden="true">${SHAPES[severity]}</svg></span
  >`;
}

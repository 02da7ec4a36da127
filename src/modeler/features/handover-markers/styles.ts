import { adoptDocumentStyles } from '../../document-styles';
import type { HandoverMark } from './handover-status';

/*
 * The look of the handover marks. bpmn-js draws the canvas in the document (light
 * DOM) and sets stroke colours as inline styles, so these rules live in a document
 * stylesheet and need !important. Colour is never the only signal: sequence flows
 * also change their dash pattern and every handover gets a badge with its own icon.
 * Message flows keep the BPMN dash pattern (dashed means "message flow" in the
 * notation), so for them colour, width and the badge carry the mark.
 */

/** Stroke and badge colour per mark; each has at least 4.5:1 contrast on white. */
export const MARK_COLOURS: Record<HandoverMark, string> = {
  agreed: '#1a7f37',
  draft: '#9a6700',
  'under-review': '#9a6700',
  missing: '#cf222e'
};

/** Dash pattern of a handover sequence flow per mark ('none' = solid). */
export const MARK_DASHES: Record<HandoverMark, string> = {
  agreed: 'none',
  draft: '9 4',
  'under-review': '9 4',
  missing: '3 3'
};

/** The white icon inside a badge, drawn in an 18 × 18 box. */
export const MARK_ICONS: Record<HandoverMark, string> = {
  agreed: '<path d="M4.8 9.4l2.8 2.8 5.6-6" fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>',
  draft:
    '<circle cx="5" cy="9" r="1.4" fill="#fff"/><circle cx="9" cy="9" r="1.4" fill="#fff"/><circle cx="13" cy="9" r="1.4" fill="#fff"/>',
  'under-review':
    '<path d="M13.2 9a4.2 4.2 0 1 1-1.3-3" fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round"/><path d="M12.9 3.3v3.3H9.6" fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>',
  missing: '<path d="M9 4.2v6" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/><circle cx="9" cy="13.6" r="1.4" fill="#fff"/>'
};

/** Every class the feature sets on a connection; removed before the current one is added. */
export const MARK_CLASSES = {
  handover: 'ml-handover',
  sequence: 'ml-handover--sequence',
  message: 'ml-handover--message',
  mark: (mark: HandoverMark) => `ml-handover--${mark}`
};

const STYLE_ID = 'ml-handover-markers-styles';

/** The CSS variable on the canvas's <svg> that scales every badge (see badgeScale). */
export const BADGE_SCALE_PROPERTY = '--ml-handover-badge-scale';

/**
 * How much to scale a badge drawn in diagram units: between zoom 0.6 and 1.6 it grows
 * and shrinks with the diagram; beyond, it keeps the size it has at those limits, so
 * it stays readable when zoomed far out and does not grow huge when zoomed in.
 */
export function badgeScale(zoom: number): number {
  if (!(zoom > 0)) return 1;
  const screen = Math.min(Math.max(zoom, 0.6), 1.6);
  return Math.round((screen / zoom) * 1000) / 1000;
}

function connectionRules(mark: HandoverMark): string {
  const colour = MARK_COLOURS[mark];
  const on = `.djs-connection.${MARK_CLASSES.mark(mark)}`;
  return `
${on} .djs-visual > path { stroke: ${colour} !important; }
${on}.${MARK_CLASSES.sequence} .djs-visual > path { stroke-dasharray: ${MARK_DASHES[mark]} !important; }
${on}.${MARK_CLASSES.sequence} .djs-visual marker path { fill: ${colour} !important; stroke: ${colour} !important; }
${on}.${MARK_CLASSES.message} .djs-visual marker * { stroke: ${colour} !important; }`;
}

const CSS = `
.djs-connection.${MARK_CLASSES.handover} .djs-visual > path { stroke-width: 2.5px !important; }
${(['agreed', 'draft', 'under-review', 'missing'] as const).map(connectionRules).join('\n')}
.ml-handover-badge { cursor: pointer; }
.ml-handover-badge-body { transform: scale(var(${BADGE_SCALE_PROPERTY}, 1)); }
.ml-handover-legend {
  position: absolute;
  top: 12px;
  right: 12px;
  z-index: 10;
  max-width: 290px;
  font: 13px/1.35 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
  color: #1d2733;
  background: #fff;
  border: 1px solid #d0d7de;
  border-radius: 8px;
  box-shadow: 0 2px 10px rgb(0 0 0 / 0.12);
}
.ml-handover-legend .toggle {
  display: flex;
  align-items: center;
  gap: 6px;
  width: 100%;
  padding: 6px 10px;
  border: none;
  border-radius: 8px;
  background: #fff;
  color: #1d2733;
  font: inherit;
  font-weight: 600;
  text-align: left;
  cursor: pointer;
}
.ml-handover-legend .toggle:focus-visible { outline: 3px solid #ffb000; outline-offset: 1px; }
.ml-handover-legend .toggle .chevron { margin-left: auto; color: #47525e; }
.ml-handover-legend ul { list-style: none; margin: 0; padding: 2px 10px 8px; display: grid; gap: 6px; }
.ml-handover-legend li { display: grid; grid-template-columns: 62px 1fr auto; align-items: center; gap: 8px; }
.ml-handover-legend .swatch { display: flex; align-items: center; gap: 4px; }
.ml-handover-legend .swatch svg.line { width: 36px; height: 8px; }
.ml-handover-legend .swatch .dot { width: 20px; height: 20px; border-radius: 50%; display: grid; place-items: center; }
.ml-handover-legend .swatch .dot svg { width: 16px; height: 16px; }
.ml-handover-legend .count { font-variant-numeric: tabular-nums; font-weight: 600; }
.ml-handover-legend .note { margin: 0; padding: 0 10px 8px; color: #47525e; font-size: 12px; }
`;

/** Adds the feature's stylesheet to the document once (bpmn-js renders in the light DOM). */
export function ensureHandoverStyles(doc: Document = document): void {
  adoptDocumentStyles(STYLE_ID, CSS, doc);
}

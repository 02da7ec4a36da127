import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { ChangedElement, DiffElement, ModelDiff, PropertyChange } from '../../analysis/audit/diff';
import type { ReviewRecord } from '../../app/services';
import type { ReviewStatus } from './review-tracker';
import { propertyLabel } from './change-labels';
import { agreementStatusLabel, responsibilityLabel } from '../../modeler/features/audit-markers/finding-text';

/** What the review box can ask its host to do. */
export interface ReviewStatusActions {
  onReveal(elementId: string): void;
  onSignOff(): void;
  /** Whether an element is in the current diagram (removed elements cannot be selected). */
  exists(elementId: string): boolean;
  /** A role's name by its id, so a changed assignment or agreement names the role as the catalogue does. */
  roleName?(roleId: string): string | undefined;
}

/** Property changes spelled out per changed element; the rest is counted. */
const CHANGES_PER_ELEMENT = 3;

/** "Task", "Sequence flow"… from a BPMN type, readable without BPMN jargon prefixes. */
export function typeName(type: string): string {
  const local = type.replace(/^[a-z]+:/, '');
  return local.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
}

/** Who reviewed and when, e.g. "Reviewed by Anne de Vries on 2025-06-30". */
export function reviewedBy(review: ReviewRecord): string {
  return msg(str`Reviewed by ${review.reviewer} on ${review.date}`);
}

/** The box at the top of the audit panel: last review, whether the model changed since, and what changed. */
export function renderReviewStatus(status: ReviewStatus, actions: ReviewStatusActions) {
  const signOff = (label: string) =>
    html`<button type="button" class="secondary" data-action="open-sign-off" @click=${actions.onSignOff}>${label}</button>`;
  switch (status.state) {
    case 'idle':
      return nothing;
    case 'loading':
      return html`<div class="review" data-state="loading"><p>${msg('Looking up the last review…')}</p></div>`;
    case 'none':
      return html`<div class="review" data-state="none" role="status">
        <p class="status">${msg('This process has not been reviewed yet.')}</p>
        <div class="actions">${signOff(msg('Sign off review…'))}</div>
      </div>`;
    case 'error':
      return html`<div class="review" data-state="error" role="alert">
        <p class="status">${msg('The review could not be checked.')}</p>
        <p>${status.message}</p>
        <div class="actions">${signOff(msg('Sign off review…'))}</div>
      </div>`;
    case 'checking':
      return html`<div class="review" data-state="checking" role="status">
        <p class="status">${reviewedBy(status.review)}.</p>
        <p>${msg('Checking for changes since the review…')}</p>
      </div>`;
    case 'unchanged':
      return html`<div class="review" data-state="unchanged" role="status">
        <p class="status">✔ ${reviewedBy(status.review)}. ${msg('The model has not changed since.')}</p>
        ${status.review.remarks ? html`<p>${msg('Remarks:')} ${status.review.remarks}</p>` : nothing}
        <div class="actions">${signOff(msg('Sign off again…'))}</div>
      </div>`;
    case 'changed':
      return html`<div class="review" data-state="changed" role="status">
        <p class="status">⚠ ${msg('Changed since the review')} (${reviewedBy(status.review)}).</p>
        ${renderDiff(status.diff, actions)}
        <div class="actions">${signOff(msg('Sign off the changes…'))}</div>
      </div>`;
  }
}

/** The changes since a review as a list; elements that `actions.exists` reports become links that select them. */
export function renderDiff(diff: ModelDiff, actions: ReviewStatusActions) {
  // An element whose content changed is listed once, even when its diagram position changed too.
  const listed = new Set([...diff.added, ...diff.removed, ...diff.changed].map((e) => e.id));
  const layoutOnly = diff.layoutChanged.filter((e) => !listed.has(e.id));
  const total = listed.size + layoutOnly.length;
  if (diff.identical) return html`<p>${msg('Only the way the file is written changed; no element, value or position did.')}</p>`;
  return html`<p>${msg(str`${total} elements differ from the reviewed model:`)}</p>
    <ul class="diff" aria-label=${msg('Changes since the review')}>
      ${diff.added.map((e) => html`<li data-change="added" data-element-id=${e.id}>${msg('Added:')} ${elementLink(e, actions)}</li>`)}
      ${diff.removed.map((e) => html`<li data-change="removed" data-element-id=${e.id}>${msg('Removed:')} ${elementLink(e, actions)}</li>`)}
      ${diff.changed.map(
        (e) => html`<li data-change="changed" data-element-id=${e.id}>${msg('Changed:')} ${elementLink(e, actions)} ${propertyChanges(e, actions)}</li>`
      )}
      ${layoutOnly.map((e) => html`<li data-change="layout" data-element-id=${e.id}>${msg('Moved or resized:')} ${elementLink(e, actions)}</li>`)}
    </ul>`;
}

function elementLink(element: DiffElement, actions: ReviewStatusActions) {
  const label = element.name ? `“${element.name}”` : `${element.id} (${typeName(element.type)})`;
  return actions.exists(element.id)
    ? html`<button type="button" class="link" data-action="reveal-change" @click=${() => actions.onReveal(element.id)}>${label}</button>`
    : html`<span>${label}</span>`;
}

function propertyChanges(element: ChangedElement, actions: ReviewStatusActions) {
  const shown = element.changes.slice(0, CHANGES_PER_ELEMENT);
  const rest = element.changes.length - shown.length;
  return html`<span class="meta">— ${shown.map((c, i) => html`${i > 0 ? '; ' : ''}${changeText(c, actions.roleName)}`)}${rest > 0 ? html`; ${msg(str`${rest} more`)}` : nothing}</span>`;
}

/** One property change in words, e.g. "assignment – role: (empty) → Hoofd Klantenservice". */
export function changeText(change: PropertyChange, roleName?: (roleId: string) => string | undefined): string {
  const word = (value: string | undefined) => {
    if (value === undefined) return msg('(empty)');
    if (change.property.endsWith('.responsibility')) return responsibilityLabel(value);
    if (change.property.endsWith('agreement.status')) return agreementStatusLabel(value);
    if (/\.(role|providerRole|receiverRole)$/.test(change.property)) return roleName?.(value) ?? value;
    return value;
  };
  const before = word(change.before);
  const after = word(change.after);
  return `${propertyLabel(change.property)}: ${before} → ${after}`;
}

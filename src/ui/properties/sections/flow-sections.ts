import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ModdleElement } from '../../../model/moddle-types';
import { findHandovers, type Handover } from '../../../model/handovers';
import { indexLanes, laneOf, participantOf } from '../../../model/lanes';
import { getExtension } from '../../../model/value-chain/extension';
import { storedAttributes } from '../../../model/value-chain/read';
import { AGREEMENT_STATUSES } from '../../../model/value-chain/schema';
import { branchSum, checkBranches, type BranchRouting } from '../../../model/value-chain/edit-check';
import { DURATION_UNITS, durationFromInput, durationToInput, normaliseDecimal, preferredDurationUnit, type DurationUnit } from '../../../model/value-chain/input-values';
import type { AttrGroup } from '../form-state';
import { dateField, fieldId, selectField, textAreaField, textField } from '../fields';
import { agreementStatusLabel, durationUnitLabel } from '../../shared/vocabulary';
import { roleChoices, type DiagramElement, type PanelView } from '../panel-view';
import { section } from './section';

/** Gateways whose outgoing flows carry probabilities, and how they route. */
const ROUTING: Record<string, BranchRouting> = {
  'bpmn:ExclusiveGateway': 'exactly-one',
  'bpmn:EventBasedGateway': 'exactly-one',
  'bpmn:InclusiveGateway': 'independent'
};

/** Sections of a sequence or message flow: whether it is a handover, its agreement, and its branch probability. */
export function flowSections(view: PanelView, element: DiagramElement): TemplateResult {
  const bo = element.businessObject;
  const handover = findHandovers(view.definitions).find((h) => h.flowId === bo.id);
  const agreement = getExtension(bo, 'ml:Agreement');
  const source = bo.sourceRef as ModdleElement | undefined;
  return html`
    ${handoverLine(view, bo, handover)}
    ${handover || agreement ? agreementSection(view, element, handover, agreement) : nothing}
    ${source && ROUTING[source.$type] ? branchesSection(view, source, bo.id as string) : nothing}
  `;
}

/** The branch probabilities of a gateway, for the gateway itself. */
export function gatewaySections(view: PanelView, element: DiagramElement): TemplateResult {
  const bo = element.businessObject;
  return ROUTING[bo.$type] && outgoingFlows(bo).length > 0 ? branchesSection(view, bo) : html``;
}

/**
 * The sequence flows leaving a node, from the flows' sourceRef: files from other
 * tools often leave out the nodes' <outgoing> lists, which moddle would read from.
 */
export function outgoingFlows(node: ModdleElement): ModdleElement[] {
  const siblings = node.$parent?.flowElements ?? [];
  return siblings.filter((f) => f.$type === 'bpmn:SequenceFlow' && f.sourceRef === node);
}

function sideName(side: Handover['from']): string {
  return side.name || side.elementId;
}

function handoverLine(view: PanelView, bo: ModdleElement, handover: Handover | undefined): TemplateResult {
  if (handover) {
    return html`<p class="handover" data-handover="yes">
      <strong>${msg('Handover')}</strong>: ${msg(str`work passes from ${sideName(handover.from)} to ${sideName(handover.to)}.`)}
      ${msg(str`${sideName(handover.from)} provides, ${sideName(handover.to)} receives.`)}
    </p>`;
  }
  return html`<p class="handover none" data-handover="no">${notHandoverReason(view, bo)}</p>`;
}

function notHandoverReason(view: PanelView, bo: ModdleElement): string {
  const index = indexLanes(view.definitions);
  const source = bo.sourceRef as ModdleElement | undefined;
  const target = bo.targetRef as ModdleElement | undefined;
  if (bo.$type === 'bpmn:MessageFlow') {
    return participantOf(index, source) === participantOf(index, target)
      ? msg('Not a handover: both ends lie in the same pool.')
      : msg('Not a handover.');
  }
  const from = laneOf(index, source);
  const to = laneOf(index, target);
  if (!from && !to) return msg('Not a handover: this pool has no lanes (departments), so the work stays within one department.');
  if (from && from === to) return msg(str`Not a handover: both ends lie in the lane “${from.name || from.id}”.`);
  return msg('Not a handover: only flows between the lanes of one pool, and message flows between pools, are handovers.');
}

// ---- Afspraak ------------------------------------------------------------------------------------

function agreementSection(view: PanelView, element: DiagramElement, handover: Handover | undefined, agreement: ModdleElement | undefined): TemplateResult {
  const flowId = element.id;
  if (!agreement) {
    const record = () => {
      view.editor.setAgreement(element, { status: 'draft' });
      view.focusAfterRender(fieldId(flowId, 'agreement', 'deliverable'));
    };
    return section('agreement', msg('Agreement'), msg('missing'), true, html`
      <p class="warning" role="status">${msg('No agreement is recorded for this handover yet.')}</p>
      <div class="actions"><button type="button" class="primary" data-action="record-agreement" @click=${record}>${msg('Record agreement')}</button></div>
    `);
  }
  const stored = storedAttributes(agreement, 'ml:Agreement');
  const group: AttrGroup = { key: `${flowId}/agreement`, type: 'ml:Agreement', stored, element, edits: (accepted) => [{ kind: 'agreement', attrs: accepted }] };
  const id = (f: string) => fieldId(flowId, 'agreement', f);
  const text = (f: string) => view.form.text(group, f);
  const problem = (f: string) => view.problemText(view.form.problem(group, f));
  const commit = (f: string, toStored?: (t: string) => string) => (t: string) => view.form.commit(group, f, t, toStored);
  const unit = view.ui.durationUnit.get(flowId) ?? preferredDurationUnit([stored.dueWithin]);
  const roles = roleChoices(view.roles);
  const status = stored.status && (AGREEMENT_STATUSES as readonly string[]).includes(stored.status) ? agreementStatusLabel(stored.status as (typeof AGREEMENT_STATUSES)[number]) : msg('draft');
  return section('agreement', msg('Agreement'), status, false, html`
    ${handover ? nothing : html`<p class="warning" role="status">${msg('This flow is no longer a handover; the agreement is kept until you remove it.')}</p>`}
    ${textField({ id: id('deliverable'), name: 'deliverable', label: msg('Deliverable'), value: text('deliverable'), placeholder: msg('What passes, e.g. a qualified lead list'), problem: problem('deliverable'), onCommit: commit('deliverable', (t) => t.trim()) })}
    ${textAreaField({ id: id('criteria'), name: 'criteria', label: msg('Quality and acceptance criteria'), rows: 2, value: text('criteria'), problem: problem('criteria'), onCommit: commit('criteria') })}
    <div class="pair">
      ${textField({
        id: id('dueWithin'),
        name: 'dueWithin',
        label: msg('Due within'),
        value: view.form.text(group, 'dueWithin', (s) => durationToInput(s, unit)),
        inputmode: 'decimal',
        problem: problem('dueWithin'),
        onCommit: commit('dueWithin', (t) => durationFromInput(t, unit))
      })}
      <div class="field">
        <label for=${id('dueUnit')}>${msg('Unit')}</label>
        <select id=${id('dueUnit')} @change=${(e: Event) => { view.ui.durationUnit.set(flowId, (e.target as HTMLSelectElement).value as DurationUnit); view.refresh(); }}>
          ${DURATION_UNITS.map((u) => html`<option value=${u} ?selected=${u === unit}>${durationUnitLabel(u)}</option>`)}
        </select>
      </div>
    </div>
    ${selectField({ id: id('providerRole'), name: 'providerRole', label: msg('Provider role'), value: text('providerRole'), options: roles, problem: problem('providerRole') ?? unknownRole(view, stored.providerRole), onCommit: commit('providerRole') })}
    ${selectField({ id: id('receiverRole'), name: 'receiverRole', label: msg('Receiver role'), value: text('receiverRole'), options: roles, problem: problem('receiverRole') ?? unknownRole(view, stored.receiverRole), onCommit: commit('receiverRole') })}
    ${selectField({ id: id('status'), name: 'status', label: msg('Status'), value: text('status'), options: AGREEMENT_STATUSES.map((s) => [s, agreementStatusLabel(s)]), problem: problem('status'), onCommit: commit('status') })}
    <div class="pair">
      ${dateField({ id: id('agreedOn'), name: 'agreedOn', label: msg('Agreed on'), value: text('agreedOn'), problem: problem('agreedOn'), onCommit: commit('agreedOn') })}
      ${dateField({ id: id('reviewDate'), name: 'reviewDate', label: msg('Review date'), value: text('reviewDate'), problem: problem('reviewDate'), onCommit: commit('reviewDate') })}
    </div>
    ${textAreaField({ id: id('notes'), name: 'notes', label: msg('Notes'), rows: 2, value: text('notes'), problem: problem('notes'), onCommit: commit('notes') })}
    <div class="actions">
      <button type="button" class="danger" data-action="remove-agreement" @click=${() => view.editor.setAgreement(element, null)}>${msg('Remove agreement')}</button>
    </div>
  `);
}

function unknownRole(view: PanelView, roleId: string | undefined): string | undefined {
  return roleId && !view.roles.some((r) => r.id === roleId) ? view.problemText({ code: 'unknown-role', value: roleId }) : undefined;
}

// ---- Kansen per uitgaande stroom ------------------------------------------------------------------

function branchesSection(view: PanelView, gateway: ModdleElement, currentFlowId?: string): TemplateResult {
  const routing = ROUTING[gateway.$type]!;
  const flows = outgoingFlows(gateway);
  const branches = flows.map((flow) => {
    const simulation = getExtension(flow, 'ml:Simulation');
    const stored = simulation ? storedAttributes(simulation, 'ml:Simulation') : {};
    return { id: flow.id as string, probability: stored.probability, isDefault: gateway.default === flow, element: flow, stored };
  });
  const storedProblem = checkBranches(routing, branches);
  const sum = branchSum(branches);
  const sumId = fieldId(gateway.id as string, 'branches', 'sum');
  const anyDraft = branches.some((b) => view.form.branchDraft(gateway.id as string, branches, b.id));
  const label = (flow: ModdleElement) => {
    const target = flow.targetRef as ModdleElement | undefined;
    return flow.name || msg(str`to “${target?.name || target?.id || '?'}”`);
  };
  const rows = branches.map((b) => {
    const draft = view.form.branchDraft(gateway.id as string, branches, b.id);
    const own = view.form.problem({ key: `${b.id}/simulation`, type: 'ml:Simulation', stored: b.stored, element: b.element, edits: () => [] }, 'probability');
    const shown = draft?.problem ?? own;
    const message = view.problemText(shown);
    const invalid = !!shown || (!anyDraft && !!storedProblem);
    const id = fieldId('branch', b.id);
    const described = [message ? `${id}-error` : '', invalid && !message ? sumId : ''].filter(Boolean).join(' ');
    return html`<tr data-flow=${b.id} class=${b.id === currentFlowId ? 'current' : ''}>
      <th scope="row"><label for=${id}>${label(b.element)}${b.isDefault ? html` <span class="role-dept">${msg('default flow')}</span>` : nothing}</label></th>
      <td>
        <div class="control">
          <input id=${id} type="text" inputmode="decimal" .value=${draft ? draft.text : (b.probability ?? '')}
            aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${described || nothing}
            @change=${(e: Event) => view.form.commitBranch(gateway.id as string, routing, branches, b.id, normaliseDecimal((e.target as HTMLInputElement).value))} />
          <span class="suffix">%</span>
        </div>
        ${message ? html`<p class="error" id=${`${id}-error`}>${message}</p>` : nothing}
      </td>
    </tr>`;
  });
  const bad = routing === 'exactly-one' && !!storedProblem;
  return section('branches', msg('Branch probabilities'), `${sum} %`, bad, html`
    <p class="note">${routing === 'exactly-one'
      ? msg('How often each outgoing flow is taken, for the simulation. Together they make 100 %; the default flow may take the rest.')
      : msg('An inclusive gateway can take several flows at once: each probability applies on its own.')}</p>
    <table><tbody>${rows}</tbody></table>
    <p class="sum ${bad ? 'bad' : ''}" id=${sumId}>${msg(str`Total: ${sum} %`)}${bad && !anyDraft ? html` — ${view.problemText({ code: storedProblem!.code, sum })}` : nothing}</p>
  `);
}

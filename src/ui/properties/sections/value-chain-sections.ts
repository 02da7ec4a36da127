import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ModdleElement } from '../../../model/moddle-types';
import { storedAttributes } from '../../../model/value-chain/read';
import { LEAD_TIME_MEASURE } from '../../../model/value-chain/schema';
import { findValueChain } from '../../../model/value-chain/locate';
import { durationFromInput, durationToInput, normaliseDecimal } from '../../../model/value-chain/input-values';
import { findRoleUsage } from '../../../model/value-chain/role-references';
import type { AttrGroup } from '../form-state';
import { checkboxField, fieldId, selectField, textAreaField, textField } from '../fields';
import { roleChoices, roleLabel, type PanelView, type RoleOption } from '../panel-view';
import { section } from './section';

/** The value chain of the whole process: owner, value proposition, customer promise and role catalogue. */
export function valueChainSections(view: PanelView): TemplateResult {
  const valueChain = findValueChain(view.definitions);
  return html`${ownerSection(view, valueChain)} ${promiseSection(view, valueChain)} ${rolesSection(view)}`;
}

function ownerSection(view: PanelView, valueChain: ModdleElement | undefined): TemplateResult {
  const stored = valueChain ? storedAttributes(valueChain, 'ml:ValueChain') : {};
  const group: AttrGroup = { key: 'valueChain', type: 'ml:ValueChain', stored, element: null, edits: (accepted) => [{ kind: 'valueChain', attrs: accepted }] };
  const owner = view.roles.find((r) => r.id === stored.owner);
  return section('value-chain', msg('Value chain'), owner ? roleLabel(owner) : msg('no owner yet'), !stored.owner, html`
    ${selectField({
      id: 'vc-owner',
      name: 'owner',
      label: msg('Owner of the value chain'),
      value: view.form.text(group, 'owner'),
      options: roleChoices(view.roles),
      hint: view.roles.length ? msg('A role from the catalogue below.') : msg('Add roles below first.'),
      problem: view.problemText(view.form.problem(group, 'owner')),
      onCommit: (t) => view.form.commit(group, 'owner', t)
    })}
    ${textAreaField({
      id: 'vc-valueProposition',
      name: 'valueProposition',
      label: msg('Value proposition'),
      hint: msg('What the customer gets from this process, in their words.'),
      value: view.form.text(group, 'valueProposition'),
      problem: view.problemText(view.form.problem(group, 'valueProposition')),
      onCommit: (t) => view.form.commit(group, 'valueProposition', t)
    })}
  `);
}

function promiseSection(view: PanelView, valueChain: ModdleElement | undefined): TemplateResult {
  const promise = valueChain?.customerPromise as ModdleElement | undefined;
  const stored = promise ? storedAttributes(promise, 'ml:CustomerPromise') : {};
  const group: AttrGroup = { key: 'customerPromise', type: 'ml:CustomerPromise', stored, element: null, edits: (accepted) => [{ kind: 'customerPromise', attrs: accepted }] };
  const storedMode = stored.measure === undefined ? 'none' : stored.measure === LEAD_TIME_MEASURE ? 'lead-time' : 'other';
  const mode = view.ui.promiseMode ?? storedMode;
  const problem = (f: string) => view.problemText(view.form.problem(group, f));
  const choose = (next: 'none' | 'lead-time' | 'other') => {
    view.ui.promiseMode = next;
    // Changing the kind of measure clears what belonged to the old one, in one undo step.
    const clear = { target: null, unit: null, workingDays: null };
    if (next === 'none' && storedMode !== 'none') view.editor.setCustomerPromise({ measure: null, ...clear });
    else if (next === 'lead-time' && storedMode !== 'lead-time') view.editor.setCustomerPromise({ measure: LEAD_TIME_MEASURE, ...clear });
    else if (next === 'other' && storedMode === 'lead-time') view.editor.setCustomerPromise({ measure: null, ...clear });
    view.refresh();
  };
  return section('promise', msg('Customer promise'), stored.text ? msg('recorded') : msg('not recorded'), !stored.text, html`
    ${textAreaField({
      id: 'promise-text',
      name: 'promiseText',
      label: msg('What we promise the customer'),
      value: view.form.text(group, 'text'),
      placeholder: msg('e.g. Delivered and installed within 10 working days'),
      problem: problem('text'),
      onCommit: (t) => view.form.commit(group, 'text', t)
    })}
    ${selectField({
      id: 'promise-mode',
      name: 'promiseMode',
      label: msg('Measurable form'),
      value: mode === 'none' ? '' : mode,
      emptyLabel: msg('None'),
      options: [
        ['lead-time', msg('Lead time (within a duration)')],
        ['other', msg('Another measure (number and unit)')]
      ],
      onCommit: (t) => choose((t || 'none') as 'none' | 'lead-time' | 'other')
    })}
    ${mode === 'lead-time'
      ? html`<div class="pair">
          ${textField({
            id: 'promise-target',
            name: 'promiseTarget',
            label: msg('Within'),
            value: view.form.text(group, 'target', (s) => durationToInput(s, 'days')),
            inputmode: 'decimal',
            suffix: stored.workingDays === 'true' ? msg('working days') : msg('days'),
            problem: problem('target'),
            onCommit: (t) => view.form.commit(group, 'target', t, (x) => durationFromInput(x, 'days'), () => (stored.measure ? {} : { measure: LEAD_TIME_MEASURE }))
          })}
          ${checkboxField({
            id: 'promise-workingDays',
            name: 'workingDays',
            label: msg('Count working days only'),
            checked: stored.workingDays === 'true',
            problem: problem('workingDays'),
            onCommit: (checked) => view.form.commit(group, 'workingDays', checked ? 'true' : 'false')
          })}
        </div>`
      : nothing}
    ${mode === 'other'
      ? html`${textField({ id: 'promise-measure', name: 'promiseMeasure', label: msg('Measure'), value: view.form.text(group, 'measure'), placeholder: msg('e.g. satisfaction score'), problem: problem('measure'), onCommit: (t) => view.form.commit(group, 'measure', t.trim()) })}
          <div class="pair">
            ${textField({ id: 'promise-target', name: 'promiseTarget', label: msg('Target'), value: view.form.text(group, 'target'), inputmode: 'decimal', problem: problem('target'), onCommit: (t) => view.form.commit(group, 'target', t, normaliseDecimal) })}
            ${textField({ id: 'promise-unit', name: 'promiseUnit', label: msg('Unit'), value: view.form.text(group, 'unit'), placeholder: '%', problem: problem('unit'), onCommit: (t) => view.form.commit(group, 'unit', t.trim()) })}
          </div>`
      : nothing}
  `);
}

function rolesSection(view: PanelView): TemplateResult {
  const add = () => {
    const roleId = view.editor.addRole({});
    view.ui.openRoles.add(roleId);
    view.focusAfterRender(fieldId('role', roleId, 'name'));
  };
  return section('roles', msg('Role catalogue'), view.roles.length === 1 ? msg('1 role') : msg(str`${view.roles.length} roles`), view.roles.length === 0, html`
    <p class="note">${msg('The roles that can be accountable, responsible, consulted or informed, and that make agreements at handovers.')}</p>
    ${view.roles.map((role) => roleCard(view, role))}
    <div class="actions"><button type="button" class="primary" data-action="add-role" @click=${add}>${msg('Add role')}</button></div>
  `);
}

function roleCard(view: PanelView, role: RoleOption): TemplateResult {
  const element = findValueChain(view.definitions);
  const stored = storedAttributes((element?.roles ?? []).find((r) => r.id === role.id)!, 'ml:Role');
  const group: AttrGroup = { key: `role/${role.id}`, type: 'ml:Role', stored, element: null, edits: (accepted) => [{ kind: 'role.update', roleId: role.id, attrs: accepted }] };
  const id = (f: string) => fieldId('role', role.id, f);
  const field = (f: 'name' | 'department' | 'person', label: string) =>
    textField({ id: id(f), name: f, label, value: view.form.text(group, f), problem: view.problemText(view.form.problem(group, f)), onCommit: (t) => view.form.commit(group, f, t.trim()) });
  const remove = async () => {
    const usage = findRoleUsage(view.definitions, role.id);
    const uses = { assignments: usage.assignments.length, agreements: usage.agreements.length, owner: usage.owner };
    if ((uses.assignments || uses.agreements || uses.owner) && !(await view.confirmRoleRemoval(role, uses))) return;
    view.editor.removeRole(role.id);
  };
  return html`<details class="card role" data-role=${role.id} ?open=${view.ui.openRoles.has(role.id)}
    @toggle=${(e: Event) => ((e.target as HTMLDetailsElement).open ? view.ui.openRoles.add(role.id) : view.ui.openRoles.delete(role.id))}>
    <summary><span class="title">${role.name || msg('New role')}</span><span class="summary">${[role.department, role.person].filter(Boolean).join(' · ') || msg('no department yet')}</span></summary>
    <div class="card-body">
      ${field('name', msg('Role name'))}
      <div class="pair">${field('department', msg('Department'))}${field('person', msg('Person (optional)'))}</div>
      <div class="actions"><button type="button" class="danger" data-action="remove-role" @click=${remove}>${msg('Remove role')}</button></div>
    </div>
  </details>`;
}

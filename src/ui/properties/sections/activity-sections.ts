import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ModdleElement } from '../../../model/moddle-types';
import { getExtension } from '../../../model/value-chain/extension';
import { storedAttributes } from '../../../model/value-chain/read';
import {
  ACTIVITY_GROUPS,
  KPI_DIRECTIONS,
  OBJECTIVE_GROUPS,
  RESPONSIBILITIES,
  STEP_LEVELS,
  budgetGroupRule,
  type ActivityGroup,
  type Responsibility
} from '../../../model/value-chain/schema';
import { typedValues } from '../../../model/value-chain/edit-check';
import type { ValueChainEdit } from '../../../model/value-chain/edit';
import { DURATION_UNITS, durationFromInput, durationToInput, normaliseDecimal, preferredDurationUnit, type DurationUnit } from '../../../model/value-chain/input-values';
import type { AttrGroup } from '../form-state';
import { dateField, fieldId, selectField, textAreaField, textField } from '../fields';
import { problemText } from '../../shared/field-problems';
import {
  activityGroupLabel,
  directionLabel,
  directionSign,
  durationUnitLabel,
  levelLabel,
  objectiveGroupChoice,
  responsibilityLabel
} from '../../shared/vocabulary';
import { roleLabel, type DiagramElement, type PanelView } from '../panel-view';
import { section } from './section';

/** The value-chain sections of an activity: accountability, activity, performance, resources, duration. */
export function activitySections(view: PanelView, element: DiagramElement): TemplateResult {
  const step = getExtension(element.businessObject, 'ml:Step');
  return html`${accountabilitySection(view, element, step)} ${activitySection(view, element, step)} ${performanceSection(view, element, step)}
  ${resourcesSection(view, element, step)} ${durationSection(view, element, step)}`;
}

/** The description shown under the activity-group choice, so a marketeer can pick the right one. */
function activityGroupHint(group: ActivityGroup | undefined): string {
  switch (group) {
    case 'preparation':
      return msg('Internal work before the customer sees anything: analyses, customer selections, writing a mailing.');
    case 'sowing':
      return msg('Outward work for results later (over a year): a retention campaign or a workshop for top customers.');
    case 'harvest':
      return msg('Outward work for results within a year: a product introduction, a direct mail with a visit, a quote.');
    case 'handling':
      return msg('Internal work afterwards: administrative processing, talking to other functions, evaluation.');
    default:
      return msg('Choose the group this step belongs to; budgets are kept per group.');
  }
}

// ---- Verantwoording (RACI) ---------------------------------------------------------------------

function accountabilitySection(view: PanelView, element: DiagramElement, step: ModdleElement | undefined): TemplateResult {
  const assignments = (step?.assignments ?? []).map((a) => ({ role: a.role as string | undefined, responsibility: a.responsibility as string | undefined }));
  const cell = new Map<string, string>();
  for (const a of assignments) if (a.role && !cell.has(a.role)) cell.set(a.role, a.responsibility ?? '');
  const count = (r: Responsibility) => assignments.filter((a) => a.responsibility === r).length;
  const accountable = count('accountable');
  const responsible = count('responsible');
  const warnings: string[] = [];
  if (accountable === 0) warnings.push(msg('No one is accountable yet: choose exactly one Accountable (A).'));
  if (accountable > 1) warnings.push(msg(str`${accountable} roles are accountable; there should be exactly one.`));
  if (responsible === 0) warnings.push(msg('No one is responsible yet: choose at least one Responsible (R).'));
  const known = new Set(view.roles.map((r) => r.id));
  const unknown = [...cell.keys()].filter((id) => !known.has(id));
  const choices: Array<[string, string]> = RESPONSIBILITIES.map((r) => [r, responsibilityLabel(r)]);
  const status = warnings.length ? msg('needs attention') : assignments.length === 1 ? msg('1 role') : msg(str`${assignments.length} roles`);

  const row = (roleId: string, label: TemplateResult, problem?: string) => {
    const id = fieldId('raci', roleId);
    const value = cell.get(roleId) ?? '';
    const invalid = value !== '' && !(RESPONSIBILITIES as readonly string[]).includes(value);
    const shown = problem ?? (invalid ? problemText('unknown-value', value) : undefined);
    return html`<tr data-role=${roleId}>
      <th scope="row"><label for=${id}>${label}</label></th>
      <td>
        <select id=${id} aria-invalid=${shown ? 'true' : 'false'} aria-describedby=${shown ? `${id}-error` : nothing}
          @change=${(e: Event) => view.editor.setAssignment(element, roleId, ((e.target as HTMLSelectElement).value || null) as Responsibility | null)}>
          <option value="" ?selected=${value === ''}>—</option>
          ${choices.map(([v, l]) => html`<option value=${v} ?selected=${v === value}>${l}</option>`)}
          ${invalid ? html`<option value=${value} selected>${value}</option>` : nothing}
        </select>
        ${shown ? html`<p class="error" id=${`${id}-error`}>${shown}</p>` : nothing}
      </td>
    </tr>`;
  };

  return section('raci', msg('Accountability'), status, warnings.length > 0, html`
    <p class="note">${msg('Who is Accountable (exactly one), Responsible (one or more), Consulted and Informed for this step.')}</p>
    ${warnings.map((w) => html`<p class="warning" role="status">${w}</p>`)}
    ${view.roles.length === 0 && unknown.length === 0
      ? html`<p class="note">${msg('The role catalogue is empty.')}
          <button type="button" class="link" @click=${() => view.showValueChain()}>${msg('Add roles to the value chain')}</button></p>`
      : html`<table class="raci">
          <thead><tr><th scope="col">${msg('Role')}</th><th scope="col">${msg('Responsibility')}</th></tr></thead>
          <tbody>
            ${view.roles.map((r) => row(r.id, html`<span class="role-name">${roleLabel(r)}</span>${r.department ? html`<span class="role-dept">${r.department}</span>` : nothing}`))}
            ${unknown.map((id) => row(id, html`<span class="role-name">${id}</span>`, problemText('unknown-role', id)))}
          </tbody>
        </table>`}
  `);
}

// ---- Activiteit ----------------------------------------------------------------------------------

function activitySection(view: PanelView, element: DiagramElement, step: ModdleElement | undefined): TemplateResult {
  const resources = step?.resources as ModdleElement | undefined;
  const stored = step ? storedAttributes(step, 'ml:Step') : {};
  const group: AttrGroup = {
    key: `${element.id}/step`,
    type: 'ml:Step',
    stored,
    element,
    edits: (accepted) => {
      const edits: ValueChainEdit[] = [{ kind: 'step', attrs: accepted }];
      // The budget group follows the activity group when it was the old group (the default).
      if ('activityGroup' in accepted && resources?.budgetGroup && resources.budgetGroup === stored.activityGroup) {
        edits.push({ kind: 'resources', attrs: { budgetGroup: accepted.activityGroup ?? null } });
      }
      return edits;
    }
  };
  const typed = typedValues('ml:Step', stored);
  const id = (f: string) => fieldId(element.id, 'step', f);
  return section('activity', msg('Activity'), typed.activityGroup ? activityGroupLabel(typed.activityGroup) : msg('not set'), false, html`
    ${selectField({
      id: id('activityGroup'),
      name: 'activityGroup',
      label: msg('Activity group'),
      value: view.form.text(group, 'activityGroup'),
      options: ACTIVITY_GROUPS.map((g) => [g, activityGroupLabel(g)]),
      hint: activityGroupHint(typed.activityGroup),
      problem: view.problemText(view.form.problem(group, 'activityGroup')),
      onCommit: (text) => view.form.commit(group, 'activityGroup', text)
    })}
    ${selectField({
      id: id('level'),
      name: 'level',
      label: msg('Level'),
      value: view.form.text(group, 'level'),
      options: STEP_LEVELS.map((l) => [l, levelLabel(l)]),
      hint: msg('Concept > campaign > event > activity > task.'),
      problem: view.problemText(view.form.problem(group, 'level')),
      onCommit: (text) => view.form.commit(group, 'level', text)
    })}
  `);
}

// ---- Prestaties (KPIs) ---------------------------------------------------------------------------

function performanceSection(view: PanelView, element: DiagramElement, step: ModdleElement | undefined): TemplateResult {
  const kpis = step?.kpis ?? [];
  const add = () => {
    const kpiId = view.editor.addKpi(element, {});
    view.ui.openKpis.add(kpiId);
    view.focusAfterRender(fieldId(element.id, 'kpi', kpiId, 'name'));
  };
  return section('performance', msg('Performance'), kpis.length === 0 ? msg('none yet') : kpis.length === 1 ? msg('1 measure') : msg(str`${kpis.length} measures`), false, html`
    <p class="note">${msg('Performance measures with a target score and a period (SMART); record the realised value, or evidence for soft measures.')}</p>
    ${kpis.map((kpi, index) => kpiCard(view, element, kpi, index))}
    <div class="actions"><button type="button" class="primary" data-action="add-kpi" @click=${add}>${msg('Add performance measure')}</button></div>
  `);
}

function kpiCard(view: PanelView, element: DiagramElement, kpi: ModdleElement, index: number): TemplateResult {
  const kpiId = kpi.id as string | undefined;
  const stored = storedAttributes(kpi, 'ml:Kpi');
  const typed = typedValues('ml:Kpi', stored);
  const group: AttrGroup = {
    key: `${element.id}/kpi/${kpiId ?? `#${index}`}`,
    type: 'ml:Kpi',
    stored,
    element,
    edits: (accepted) => [{ kind: 'kpi.update', kpiId: kpiId!, attrs: accepted }]
  };
  const id = (f: string) => fieldId(element.id, 'kpi', kpiId ?? `n${index}`, f);
  const text = (f: string) => view.form.text(group, f);
  const problem = (f: string) => view.problemText(view.form.problem(group, f));
  const commit = (f: string, toStored?: (t: string) => string) => (t: string) => view.form.commit(group, f, t, toStored);
  const title = stored.name ?? msg('Unnamed measure');
  const target = stored.target !== undefined ? `${directionSign(typed.direction)} ${stored.target} ${stored.unit ?? ''}`.trim() : msg('no target');
  const realised = stored.realised !== undefined ? msg(str`realised ${stored.realised}`) : stored.evidence ? msg('evidence recorded') : msg('not realised yet');
  const open = kpiId ? view.ui.openKpis.has(kpiId) : false;
  const horizon = horizonText(typed.periodStart, typed.periodEnd);

  if (!kpiId) {
    return html`<div class="card"><p class="note" style="padding: 8px 10px">${msg(str`“${title}” has no id in the file, so it cannot be edited here.`)}</p></div>`;
  }
  return html`<details class="card kpi" data-kpi=${kpiId} ?open=${open}
    @toggle=${(e: Event) => ((e.target as HTMLDetailsElement).open ? view.ui.openKpis.add(kpiId) : view.ui.openKpis.delete(kpiId))}>
    <summary><span class="title">${title}</span><span class="summary">${target} · ${realised}</span></summary>
    <div class="card-body">
      ${textField({ id: id('name'), name: 'name', label: msg('Performance measure'), value: text('name'), placeholder: msg('e.g. Quotes sent'), problem: problem('name'), onCommit: commit('name', (t) => t.trim()) })}
      ${selectField({
        id: id('objectiveGroup'),
        name: 'objectiveGroup',
        label: msg('Objective group'),
        value: text('objectiveGroup'),
        options: OBJECTIVE_GROUPS.map((g) => [g, objectiveGroupChoice(g)]),
        problem: problem('objectiveGroup'),
        onCommit: commit('objectiveGroup')
      })}
      <div class="pair">
        ${selectField({
          id: id('direction'),
          name: 'direction',
          label: msg('Direction'),
          value: text('direction'),
          options: KPI_DIRECTIONS.map((d) => [d, directionLabel(d)]),
          problem: problem('direction'),
          onCommit: commit('direction')
        })}
        ${textField({ id: id('unit'), name: 'unit', label: msg('Unit'), value: text('unit'), placeholder: msg('EUR, %, customers'), problem: problem('unit'), onCommit: commit('unit', (t) => t.trim()) })}
      </div>
      <div class="pair">
        ${textField({ id: id('target'), name: 'target', label: msg('Target score'), value: text('target'), inputmode: 'decimal', problem: problem('target'), onCommit: commit('target', normaliseDecimal) })}
        ${textField({ id: id('realised'), name: 'realised', label: msg('Realised value'), value: text('realised'), inputmode: 'decimal', problem: problem('realised'), onCommit: commit('realised', normaliseDecimal) })}
      </div>
      ${textAreaField({
        id: id('evidence'),
        name: 'evidence',
        label: msg('Qualitative evidence'),
        hint: msg('For soft measures: stories, interviews, observations.'),
        rows: 2,
        value: text('evidence'),
        problem: problem('evidence'),
        onCommit: commit('evidence')
      })}
      <div class="pair">
        ${dateField({ id: id('periodStart'), name: 'periodStart', label: msg('Period from'), value: text('periodStart'), problem: problem('periodStart'), onCommit: commit('periodStart') })}
        ${dateField({ id: id('periodEnd'), name: 'periodEnd', label: msg('Period until'), value: text('periodEnd'), problem: problem('periodEnd'), onCommit: commit('periodEnd') })}
      </div>
      ${horizon ? html`<p class="derived">${horizon}</p>` : nothing}
      <fieldset>
        <legend>${msg('Breakdown (optional)')}</legend>
        <div class="pair">
          ${textField({ id: id('targetGroup'), name: 'targetGroup', label: msg('Target group'), value: text('targetGroup'), problem: problem('targetGroup'), onCommit: commit('targetGroup') })}
          ${textField({ id: id('product'), name: 'product', label: msg('Product'), value: text('product'), problem: problem('product'), onCommit: commit('product') })}
        </div>
        <div class="pair">
          ${textField({ id: id('channel'), name: 'channel', label: msg('Channel'), value: text('channel'), problem: problem('channel'), onCommit: commit('channel') })}
          ${textField({ id: id('campaign'), name: 'campaign', label: msg('Campaign'), value: text('campaign'), problem: problem('campaign'), onCommit: commit('campaign') })}
        </div>
      </fieldset>
      <div class="actions">
        <button type="button" class="danger" data-action="remove-kpi" @click=${() => view.editor.removeKpi(element, kpiId)}>${msg('Remove this measure')}</button>
      </div>
    </div>
  </details>`;
}

/** The horizon that follows from a period: harvest within a year, or longer. */
function horizonText(start: string | undefined, end: string | undefined): string | undefined {
  if (!start || !end || end < start) return undefined;
  const days = (Date.parse(end) - Date.parse(start)) / 86_400_000;
  return days <= 366 ? msg('Horizon: at most 1 year (short term).') : msg('Horizon: more than 1 year (long term).');
}

// ---- Middelen ------------------------------------------------------------------------------------

function resourcesSection(view: PanelView, element: DiagramElement, step: ModdleElement | undefined): TemplateResult {
  const resources = step?.resources as ModdleElement | undefined;
  const stored = resources ? storedAttributes(resources, 'ml:Resources') : {};
  const activityGroup = step ? typedValues('ml:Step', storedAttributes(step, 'ml:Step')).activityGroup : undefined;
  const group: AttrGroup = {
    key: `${element.id}/resources`,
    type: 'ml:Resources',
    stored,
    element,
    extraRule: (value) => budgetGroupRule(activityGroup, value.budgetGroup as ActivityGroup | undefined).map((p) => ({ ...p, field: 'budgetGroup' })),
    edits: (accepted) => [{ kind: 'resources', attrs: accepted }]
  };
  // The budget group defaults to the activity group: written along with the first resource.
  const withDefaultGroup = (accepted: Record<string, string | undefined>) =>
    !stored.budgetGroup && !('budgetGroup' in accepted) && activityGroup ? { budgetGroup: activityGroup } : {};
  const id = (f: string) => fieldId(element.id, 'resources', f);
  const text = (f: string) => view.form.text(group, f);
  const problem = (f: string) => view.problemText(view.form.problem(group, f));
  const commit = (f: string, toStored: (t: string) => string = normaliseDecimal) => (t: string) => view.form.commit(group, f, t, toStored, withDefaultGroup);
  const typed = typedValues('ml:Resources', stored);
  const currency = typed.currency ?? 'EUR';
  const status = typed.plannedBudget !== undefined ? `${typed.plannedBudget} ${currency}` : msg('not set');
  return section('resources', msg('Resources'), status, false, html`
    ${selectField({
      id: id('budgetGroup'),
      name: 'budgetGroup',
      label: msg('Budget group'),
      value: text('budgetGroup'),
      emptyLabel: activityGroup ? msg(str`Same as the activity group (${activityGroupLabel(activityGroup)})`) : msg('— not set —'),
      options: ACTIVITY_GROUPS.map((g) => [g, activityGroupLabel(g)]),
      hint: msg('Budgets are kept per activity group, so this follows the activity group.'),
      problem: problem('budgetGroup'),
      onCommit: commit('budgetGroup', (t) => t)
    })}
    ${textField({ id: id('currency'), name: 'currency', label: msg('Currency'), value: text('currency'), placeholder: 'EUR', hint: msg('ISO code such as EUR or USD; EUR when empty.'), problem: problem('currency'), onCommit: commit('currency', (t) => t.trim().toUpperCase()) })}
    <div class="pair">
      ${textField({ id: id('plannedBudget'), name: 'plannedBudget', label: msg('Planned budget'), value: text('plannedBudget'), inputmode: 'decimal', suffix: currency, problem: problem('plannedBudget'), onCommit: commit('plannedBudget') })}
      ${textField({ id: id('realisedBudget'), name: 'realisedBudget', label: msg('Realised budget'), value: text('realisedBudget'), inputmode: 'decimal', suffix: currency, problem: problem('realisedBudget'), onCommit: commit('realisedBudget') })}
    </div>
    ${variance(typed.plannedBudget, typed.realisedBudget)}
    <div class="pair">
      ${textField({ id: id('plannedHours'), name: 'plannedHours', label: msg('Planned hours'), value: text('plannedHours'), inputmode: 'decimal', suffix: msg('h'), problem: problem('plannedHours'), onCommit: commit('plannedHours') })}
      ${textField({ id: id('realisedHours'), name: 'realisedHours', label: msg('Realised hours'), value: text('realisedHours'), inputmode: 'decimal', suffix: msg('h'), problem: problem('realisedHours'), onCommit: commit('realisedHours') })}
    </div>
    ${variance(typed.plannedHours, typed.realisedHours)}
  `);
}

function variance(planned: number | undefined, realised: number | undefined) {
  if (planned === undefined || realised === undefined || planned === 0) return nothing;
  const percent = Math.round((realised / planned) * 100);
  return html`<p class="derived">${msg(str`Realised is ${percent} % of planned.`)}</p>`;
}

// ---- Duur ----------------------------------------------------------------------------------------

function durationSection(view: PanelView, element: DiagramElement, step: ModdleElement | undefined): TemplateResult {
  const duration = step?.duration as ModdleElement | undefined;
  const stored = duration ? storedAttributes(duration, 'ml:Duration') : {};
  const group: AttrGroup = { key: `${element.id}/duration`, type: 'ml:Duration', stored, element, edits: (accepted) => [{ kind: 'duration', attrs: accepted }] };
  const unit = view.ui.durationUnit.get(element.id) ?? preferredDurationUnit([stored.planned, stored.min, stored.mostLikely, stored.max, stored.realisedAverage]);
  const hasRange = stored.min !== undefined || stored.mostLikely !== undefined || stored.max !== undefined;
  const mode = view.ui.durationMode.get(element.id) ?? (hasRange ? 'range' : 'fixed');
  const id = (f: string) => fieldId(element.id, 'duration', f);
  // Writing one form clears the other, so the file holds one planned duration.
  const clearOther = () =>
    mode === 'fixed'
      ? hasRange
        ? { min: undefined, mostLikely: undefined, max: undefined }
        : {}
      : stored.planned !== undefined
        ? { planned: undefined }
        : {};
  const field = (f: string, label: string) =>
    textField({
      id: id(f),
      name: f,
      label,
      value: view.form.text(group, f, (s) => durationToInput(s, unit)),
      inputmode: 'decimal',
      suffix: durationUnitLabel(unit),
      problem: view.problemText(view.form.problem(group, f)),
      onCommit: (t) => view.form.commit(group, f, t, (x) => durationFromInput(x, unit), f === 'realisedAverage' ? undefined : clearOther)
    });
  const status = stored.planned ? durationSummary(stored.planned, unit) : hasRange ? `${durationSummary(stored.min, unit)}–${durationSummary(stored.max, unit)}` : msg('not set');
  const radio = (value: 'fixed' | 'range', label: string) => html`<label><input type="radio" name=${id('mode')} value=${value} .checked=${mode === value}
    @change=${() => { view.ui.durationMode.set(element.id, value); view.refresh(); }} />${label}</label>`;
  return section('duration', msg('Duration'), status, false, html`
    <div class="field">
      <label for=${id('unit')}>${msg('Enter durations in')}</label>
      <select id=${id('unit')} @change=${(e: Event) => { view.ui.durationUnit.set(element.id, (e.target as HTMLSelectElement).value as DurationUnit); view.refresh(); }}>
        ${DURATION_UNITS.map((u) => html`<option value=${u} ?selected=${u === unit}>${durationUnitLabel(u)}</option>`)}
      </select>
    </div>
    <fieldset>
      <legend>${msg('Planned duration')}</legend>
      <div class="radios" role="radiogroup" aria-label=${msg('Planned duration')}>
        ${radio('fixed', msg('Fixed'))} ${radio('range', msg('Minimum, most likely, maximum'))}
      </div>
      ${mode === 'fixed'
        ? field('planned', msg('Planned'))
        : html`<div class="triple">${field('min', msg('Minimum'))}${field('mostLikely', msg('Most likely'))}${field('max', msg('Maximum'))}</div>`}
    </fieldset>
    ${field('realisedAverage', msg('Realised average'))}
    <p class="hint">${msg('The simulation uses these durations.')}</p>
  `);
}

function durationSummary(iso: string | undefined, unit: DurationUnit): string {
  return iso ? `${durationToInput(iso, unit)} ${durationUnitLabel(unit)}` : '?';
}

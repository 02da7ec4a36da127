import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ModdleElement } from '../../../model/moddle-types';
import { getExtension } from '../../../model/value-chain/extension';
import { storedAttributes } from '../../../model/value-chain/read';
import { DEFAULT_CALENDAR, DISTRIBUTION_PARAMETERS, DISTRIBUTIONS, WEEKDAYS, type DistributionKind, type Weekday } from '../../../model/value-chain/schema';
import { findValueChain } from '../../../model/value-chain/locate';
import { durationFromInput, durationToInput, normaliseDecimal } from '../../../model/value-chain/input-values';
import type { AttrGroup } from '../form-state';
import { fieldId, selectField, textAreaField, textField } from '../fields';
import { roleLabel, type DiagramElement, type PanelView } from '../panel-view';
import { section } from './section';

/*
 * Capacity inputs a marketeer understands: how many cases arrive ("200 per week"),
 * the people who do the work (a role or a department's roles, a headcount or named
 * people, cost per hour, working days and hours, holidays), and per step who does it
 * and how long it takes. Every field writes one undoable command through the
 * value-chain editor; invalid input stays at the field with its reason.
 */

function capacityOf(view: PanelView): ModdleElement | undefined {
  return findValueChain(view.definitions)?.capacity as ModdleElement | undefined;
}

function listOf(element: ModdleElement | undefined, property: string): ModdleElement[] {
  const value: unknown = element?.[property];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

/** The pools of the model, for the step's "done by" list. */
export function poolChoices(view: PanelView): Array<[string, string]> {
  return listOf(capacityOf(view), 'pools').map((p) => [p.id as string, (p.name as string | undefined) || (p.id as string)]);
}

/** The weekday's short name. */
function dayLabel(day: Weekday): string {
  switch (day) {
    case 'mon':
      return msg('Mon');
    case 'tue':
      return msg('Tue');
    case 'wed':
      return msg('Wed');
    case 'thu':
      return msg('Thu');
    case 'fri':
      return msg('Fri');
    case 'sat':
      return msg('Sat');
    case 'sun':
      return msg('Sun');
  }
}

/** A distribution's name in words. */
export function distributionLabel(kind: DistributionKind): string {
  switch (kind) {
    case 'fixed':
      return msg('always the same');
    case 'exponential':
      return msg('at random around a mean (exponential)');
    case 'uniform':
      return msg('anywhere between a minimum and a maximum (uniform)');
    case 'normal':
      return msg('around a mean, with a spread (normal)');
    case 'lognormal':
      return msg('mostly short, sometimes much longer (lognormal)');
    case 'gamma':
      return msg('mostly around a mean, with a long tail (gamma)');
    case 'triangular':
      return msg('minimum, most likely and maximum (triangular)');
  }
}

function parameterLabel(name: string): string {
  switch (name) {
    case 'mean':
      return msg('Mean');
    case 'sd':
      return msg('Spread (standard deviation)');
    case 'min':
      return msg('Minimum');
    case 'mostLikely':
      return msg('Most likely');
    default:
      return msg('Maximum');
  }
}

/** The capacity section of the value chain: arrivals and the pools of people. */
export function capacitySection(view: PanelView): TemplateResult {
  const capacity = capacityOf(view);
  const pools = listOf(capacity, 'pools');
  const arrivals = capacity?.arrivals as ModdleElement | undefined;
  const stored = arrivals ? storedAttributes(arrivals, 'ml:Arrivals') : {};
  const group: AttrGroup = { key: 'capacity/arrivals', type: 'ml:Arrivals', stored, element: null, edits: (accepted) => [{ kind: 'arrivals', attrs: accepted }] };
  const problem = (f: string) => view.problemText(view.form.problem(group, f));
  const add = () => {
    const poolId = view.editor.addPool({});
    view.ui.openRoles.add(`pool:${poolId}`);
    view.focusAfterRender(fieldId('pool', poolId, 'name'));
  };
  const per = stored.per ?? 'P1W';
  const status = pools.length === 0 ? msg('unlimited people, round the clock') : pools.length === 1 ? msg('1 pool of people') : msg(str`${pools.length} pools of people`);
  return section('capacity', msg('Capacity: people, hours and arrivals'), status, false, html`
    <p class="note">${msg('Who does the work and when, and how many cases arrive. The simulation then shows where cases wait for a free person and whether the promise holds. Without pools it runs as before: unlimited people, round the clock.')}</p>
    <div class="pair">
      ${textField({
        id: 'capacity-rate',
        name: 'arrivalRate',
        label: msg('Cases arrive'),
        value: view.form.text(group, 'rate'),
        inputmode: 'decimal',
        placeholder: '200',
        problem: problem('rate'),
        onCommit: (t) => view.form.commit(group, 'rate', t, normaliseDecimal, () => (stored.per ? {} : { per: 'P1W' }))
      })}
      ${selectField({
        id: 'capacity-per',
        name: 'arrivalPer',
        label: msg('per'),
        value: per,
        emptyLabel: msg('week'),
        options: [
          ['P1W', msg('week')],
          ['P1D', msg('day')]
        ],
        onCommit: (t) => view.form.commit(group, 'per', t || 'P1W')
      })}
    </div>
    ${selectField({
      id: 'capacity-arrival-pattern',
      name: 'arrivalPattern',
      label: msg('How they arrive'),
      value: stored.distribution === 'fixed' ? 'fixed' : '',
      emptyLabel: msg('at random moments (Poisson), as leads usually do'),
      options: [['fixed', msg('evenly spaced')]],
      hint: msg('The time between two cases follows from the number per period.'),
      onCommit: (t) => {
        const rate = Number(stored.rate);
        const hours = per === 'P1D' ? 24 : 168;
        if (t === 'fixed' && rate > 0) view.editor.setArrivals({ distribution: 'fixed', mean: durationFromInput(String(hours / rate), 'hours') });
        else view.editor.setArrivals({ distribution: null, mean: null });
      }
    })}
    <h4 class="subhead">${msg('People (resource pools)')}</h4>
    ${pools.map((pool) => poolCard(view, pool))}
    <div class="actions"><button type="button" class="primary" data-action="add-pool" @click=${add}>${msg('Add pool of people')}</button></div>
  `);
}

function poolCard(view: PanelView, pool: ModdleElement): TemplateResult {
  const poolId = pool.id as string;
  const stored = storedAttributes(pool, 'ml:Pool');
  const group: AttrGroup = { key: `pool/${poolId}`, type: 'ml:Pool', stored, element: null, edits: (accepted) => [{ kind: 'pool.update', poolId, attrs: accepted }] };
  const id = (f: string) => fieldId('pool', poolId, f);
  const problem = (f: string) => view.problemText(view.form.problem(group, f));
  const people = listOf(pool, 'people').map((p) => p.name as string);
  const departments = [...new Set(view.roles.map((r) => r.department).filter((d): d is string => !!d))];
  const source = stored.role ? `role:${stored.role}` : stored.department ? `dept:${stored.department}` : '';
  const open = view.ui.openRoles.has(`pool:${poolId}`);
  const summary = [people.length > 0 ? msg(str`${people.length} people`) : msg(str`${stored.capacity ?? '1'} people`), stored.costPerHour ? msg(str`${stored.costPerHour} per hour`) : ''].filter(Boolean).join(' · ');
  return html`<details class="card pool" data-pool=${poolId} ?open=${open}
    @toggle=${(e: Event) => ((e.target as HTMLDetailsElement).open ? view.ui.openRoles.add(`pool:${poolId}`) : view.ui.openRoles.delete(`pool:${poolId}`))}>
    <summary><span class="title">${stored.name || msg('New pool')}</span><span class="summary">${summary}</span></summary>
    <div class="card-body">
      ${textField({ id: id('name'), name: 'poolName', label: msg('Name'), value: view.form.text(group, 'name'), placeholder: msg('e.g. Account managers'), problem: problem('name'), onCommit: (t) => view.form.commit(group, 'name', t.trim()) })}
      ${selectField({
        id: id('source'),
        name: 'poolSource',
        label: msg('Who they are'),
        value: source,
        emptyLabel: msg('— choose a role or a department —'),
        options: [
          ...view.roles.map((r): [string, string] => [`role:${r.id}`, r.department ? msg(str`Role: ${roleLabel(r)} (${r.department})`) : msg(str`Role: ${roleLabel(r)}`)]),
          ...departments.map((d): [string, string] => [`dept:${d}`, msg(str`Every role of ${d}`)])
        ],
        hint: msg('The steps where this role (or a role of this department) is Responsible are done by these people.'),
        onCommit: (t) => {
          const role = t.startsWith('role:') ? t.slice(5) : null;
          const department = t.startsWith('dept:') ? t.slice(5) : null;
          view.editor.updatePool(poolId, { role, department });
        }
      })}
      <div class="pair">
        ${people.length > 0
          ? html`<p class="note">${msg(str`${people.length} people, named below.`)}</p>`
          : textField({ id: id('capacity'), name: 'poolCapacity', label: msg('Number of people'), value: view.form.text(group, 'capacity'), inputmode: 'numeric', placeholder: '1', problem: problem('capacity'), onCommit: (t) => view.form.commit(group, 'capacity', t.trim()) })}
        ${textField({
          id: id('costPerHour'),
          name: 'poolCost',
          label: msg('Cost per hour'),
          value: view.form.text(group, 'costPerHour'),
          inputmode: 'decimal',
          suffix: stored.currency ?? 'EUR',
          problem: problem('costPerHour'),
          onCommit: (t) => view.form.commit(group, 'costPerHour', t, normaliseDecimal)
        })}
      </div>
      ${textAreaField({
        id: id('people'),
        name: 'poolPeople',
        label: msg('Named people (optional, one per line)'),
        rows: 2,
        value: people.join('\n'),
        hint: msg('When you name people, their number is the number of people.'),
        onCommit: (t) => view.editor.setPoolPeople(poolId, t.split(/\n|,/))
      })}
      ${calendarFields(view, poolId, stored.calendar)}
      <p class="hint">${msg('Cost of a step = its working hours × this rate (plus a fixed cost). The budget per period of a step is never divided into cases.')}</p>
      <div class="actions"><button type="button" class="danger" data-action="remove-pool" @click=${() => view.editor.removePool(poolId)}>${msg('Remove pool')}</button></div>
    </div>
  </details>`;
}

function withoutId(attrs: Record<string, string | undefined>): Record<string, string | undefined> {
  const { id: _id, ...rest } = attrs;
  return rest;
}

/** Working days, hours and holidays of a pool: its own calendar, created with the first change. */
function calendarFields(view: PanelView, poolId: string, calendarId: string | undefined): TemplateResult {
  const capacity = capacityOf(view);
  const calendar = calendarId ? listOf(capacity, 'calendars').find((c) => c.id === calendarId) : undefined;
  const newId = `Calendar_${poolId}`;
  const stored = calendar ? storedAttributes(calendar, 'ml:Calendar') : { id: newId };
  const group: AttrGroup = {
    key: `calendar/${poolId}`,
    type: 'ml:Calendar',
    stored,
    element: null,
    // A pool without a calendar of its own gets one, in the same undo step as the first change.
    edits: (accepted) =>
      calendar
        ? [{ kind: 'calendar.update', calendarId: calendar.id as string, attrs: accepted }]
        : [
            { kind: 'calendar.add', id: newId, attrs: withoutId(accepted) },
            { kind: 'pool.update', poolId, attrs: { calendar: newId } }
          ]
  };
  const id = (f: string) => fieldId('pool', poolId, f);
  const problem = (f: string) => view.problemText(view.form.problem(group, f));
  const days = new Set((stored.days ?? DEFAULT_CALENDAR.days).split(/[\s,]+/));
  const toggle = (day: Weekday, on: boolean) => {
    const next = WEEKDAYS.filter((d) => (d === day ? on : days.has(d)));
    view.form.commit(group, 'days', next.join(' '));
  };
  return html`<fieldset class="days" data-field="poolDays">
      <legend>${msg('Working days')}</legend>
      ${WEEKDAYS.map(
        (d) => html`<label class="day"><input type="checkbox" name=${`day-${d}`} .checked=${days.has(d)} @change=${(e: Event) => toggle(d, (e.target as HTMLInputElement).checked)} />${dayLabel(d)}</label>`
      )}
      ${problem('days') ? html`<p class="error">${problem('days')}</p>` : nothing}
    </fieldset>
    <div class="pair">
      ${textField({
        id: id('hours'),
        name: 'poolHours',
        label: msg('Working hours'),
        value: view.form.text(group, 'hours', (s) => s ?? DEFAULT_CALENDAR.hours),
        placeholder: '09:00-17:00',
        hint: msg('e.g. 09:00-17:00, or 08:30-12:00 13:00-17:00'),
        problem: problem('hours'),
        onCommit: (t) => view.form.commit(group, 'hours', t.trim())
      })}
      ${textField({
        id: id('holidays'),
        name: 'poolHolidays',
        label: msg('Days off (holidays)'),
        value: view.form.text(group, 'holidays'),
        placeholder: '2026-12-25 2026-12-26',
        problem: problem('holidays'),
        onCommit: (t) => view.form.commit(group, 'holidays', t.trim())
      })}
    </div>`;
}

/** Per step: who does it (pool) and how long it takes in their working time, and a fixed cost. */
export function workSection(view: PanelView, element: DiagramElement): TemplateResult {
  const step = getExtension(element.businessObject, 'ml:Step');
  const work = step?.work as ModdleElement | undefined;
  const stored = work ? storedAttributes(work, 'ml:Work') : {};
  const group: AttrGroup = { key: `${element.id}/work`, type: 'ml:Work', stored, element, edits: (accepted) => [{ kind: 'work', attrs: accepted }] };
  const id = (f: string) => fieldId(element.id, 'work', f);
  const problem = (f: string) => view.problemText(view.form.problem(group, f));
  const pools = poolChoices(view);
  // The chosen distribution waits as a draft until its parameters are given, so the fields follow the choice, not the stored value.
  const kind = (view.form.text(group, 'distribution') || undefined) as DistributionKind | undefined;
  const parameters = kind && DISTRIBUTION_PARAMETERS[kind] ? DISTRIBUTION_PARAMETERS[kind] : [];
  const poolName = pools.find(([p]) => p === stored.pool)?.[1];
  return section('work', msg('Capacity: who does it, how long'), poolName ?? msg('the Responsible role’s pool'), false, html`
    ${selectField({
      id: id('pool'),
      name: 'workPool',
      label: msg('Done by'),
      value: view.form.text(group, 'pool'),
      emptyLabel: msg('the pool of the Responsible role'),
      options: pools,
      hint: pools.length ? msg('The step waits when everyone in this pool is busy or off duty.') : msg('Add pools of people to the value chain first (nothing selected, Capacity).'),
      problem: problem('pool'),
      onCommit: (t) => view.form.commit(group, 'pool', t)
    })}
    ${selectField({
      id: id('distribution'),
      name: 'workDistribution',
      label: msg('How long it takes (working time of the person)'),
      value: view.form.text(group, 'distribution'),
      emptyLabel: msg('as under Duration'),
      options: DISTRIBUTIONS.map((d): [string, string] => [d, distributionLabel(d)]),
      problem: problem('distribution'),
      // Parameters the new distribution does not use go, in the same undo step (a fixed duration has no spread).
      onCommit: (t) =>
        view.form.commit(group, 'distribution', t, undefined, (accepted) => {
          const keep = new Set<string>(accepted.distribution ? DISTRIBUTION_PARAMETERS[accepted.distribution as DistributionKind] ?? [] : []);
          return Object.fromEntries((['mean', 'sd', 'min', 'mostLikely', 'max'] as const).filter((k) => !keep.has(k) && stored[k] !== undefined).map((k) => [k, undefined]));
        })
    })}
    ${parameters.length > 0
      ? html`<div class="pair">
          ${parameters.map((p) =>
            textField({
              id: id(p),
              name: `work-${p}`,
              label: parameterLabel(p),
              value: view.form.text(group, p, (s) => durationToInput(s, 'hours')),
              inputmode: 'decimal',
              suffix: msg('hours'),
              problem: problem(p),
              onCommit: (t) => view.form.commit(group, p, t, (x) => durationFromInput(x, 'hours'))
            })
          )}
        </div>`
      : nothing}
    ${textField({
      id: id('fixedCost'),
      name: 'workFixedCost',
      label: msg('Fixed cost per execution'),
      value: view.form.text(group, 'fixedCost'),
      inputmode: 'decimal',
      hint: msg('On top of hours × the pool’s rate. The budget per period (under Resources) is never divided into cases.'),
      problem: problem('fixedCost'),
      onCommit: (t) => view.form.commit(group, 'fixedCost', t, normaliseDecimal)
    })}
  `);
}

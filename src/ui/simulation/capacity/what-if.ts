import { msg, str } from '@lit/localize';
import type { CalendarSpec, PoolSpec, WhatIf } from '../../../simulation/capacity/types';
import type { ValueChainEdit } from '../../../model/value-chain/edit';
import { formatNumber } from '../../shared/format';

/*
 * What-if scenarios made up in the panel: the form's choices as a WhatIf the engine
 * runs beside the model, its name in words, and the edits that save it into the
 * model (one undoable command). Pure: node-tested.
 */

/** Working hours a what-if can switch a pool to. */
export const HOURS_PRESETS = ['mon-fri-08-18', 'mon-sat-09-17', 'mon-fri-07-22'] as const;
export type HoursPreset = (typeof HOURS_PRESETS)[number];

const PRESETS: Record<HoursPreset, { days: CalendarSpec['days']; from: number; to: number }> = {
  'mon-fri-08-18': { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: 8 * 60, to: 18 * 60 },
  'mon-sat-09-17': { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], from: 9 * 60, to: 17 * 60 },
  'mon-fri-07-22': { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: 7 * 60, to: 22 * 60 }
};

/** The preset in words, e.g. "Monday to Friday, 08:00–18:00". */
export function hoursPresetLabel(preset: HoursPreset): string {
  switch (preset) {
    case 'mon-fri-08-18':
      return msg('Monday to Friday, 08:00–18:00');
    case 'mon-sat-09-17':
      return msg('Monday to Saturday, 09:00–17:00');
    case 'mon-fri-07-22':
      return msg('Monday to Friday, 07:00–22:00 (two shifts)');
  }
}

/** What the what-if form holds. */
export interface WhatIfForm {
  /** The pool that gets more or fewer people, or other hours. */
  pool: string;
  /** People added to the pool (negative: fewer). */
  extraPeople: number;
  /** Other working hours for the pool; '' keeps them. */
  hours: HoursPreset | '';
  /** Percent more cases (negative: fewer). */
  arrivalChange: number;
}

/** A what-if ready to run: the engine's WhatIf, calendars it needs, and its name. */
export interface WhatIfRequest {
  whatIf: WhatIf;
  calendars: CalendarSpec[];
  label: string;
}

const hh = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The calendar id a preset gets in a run and in the model. */
export function presetCalendarId(preset: HoursPreset): string {
  return `Calendar_${preset.replace(/-/g, '_')}`;
}

/** The form as a what-if, or a sentence saying what to change. */
export function whatIfFromForm(form: WhatIfForm, pools: readonly PoolSpec[], timeZone: string): WhatIfRequest | string {
  const pool = pools.find((p) => p.id === form.pool);
  const change = Number.isFinite(form.arrivalChange) ? form.arrivalChange : 0;
  if (change <= -100) return msg('Fewer cases can go down to at most 99 % less.');
  const extra = Number.isInteger(form.extraPeople) ? form.extraPeople : NaN;
  if (Number.isNaN(extra)) return msg('Enter a whole number of people.');
  if (pool && pool.capacity + extra < 1) return msg(str`"${pool.name || pool.id}" needs at least one person.`);
  if ((!pool || (extra === 0 && !form.hours)) && change === 0) return msg('Change the people, the working hours or the number of cases first.');
  const whatIf: WhatIf = {};
  const calendars: CalendarSpec[] = [];
  const parts: string[] = [];
  if (pool && (extra !== 0 || form.hours)) {
    const poolChange: NonNullable<WhatIf['pools']>[number] = { pool: pool.id };
    const name = `"${pool.name || pool.id}"`;
    if (extra !== 0) {
      poolChange.capacity = pool.capacity + extra;
      const signed = extra > 0 ? `+${formatNumber(extra)}` : formatNumber(extra);
      parts.push(msg(str`${signed} in ${name}`));
    }
    if (form.hours) {
      const preset = PRESETS[form.hours];
      const id = presetCalendarId(form.hours);
      calendars.push({ id, name: hoursPresetLabel(form.hours), days: [...preset.days], hours: [{ from: preset.from, to: preset.to }], holidays: [], timeZone });
      poolChange.calendar = id;
      parts.push(msg(str`${name} works ${hoursPresetLabel(form.hours)}`));
    }
    whatIf.pools = [poolChange];
  }
  if (change !== 0) {
    whatIf.arrivalChange = change;
    parts.push(change > 0 ? msg(str`${formatNumber(change)} % more cases`) : msg(str`${formatNumber(-change)} % fewer cases`));
  }
  const label = parts.join(', ');
  whatIf.name = label;
  return { whatIf, calendars, label };
}

/**
 * The edits that save a what-if into the model as one command: the calendars it
 * needs (unless the model has them) and the scenario with its pool changes.
 */
export function saveWhatIfEdits(request: WhatIfRequest, scenarioId: string, existingCalendars: readonly string[]): ValueChainEdit[] {
  const edits: ValueChainEdit[] = [];
  for (const calendar of request.calendars) {
    if (existingCalendars.includes(calendar.id)) continue;
    edits.push({
      kind: 'calendar.add',
      id: calendar.id,
      attrs: { name: calendar.name, days: calendar.days.join(' '), hours: calendar.hours.map((h) => `${hh(h.from)}-${hh(h.to)}`).join(' ') }
    });
  }
  const w = request.whatIf;
  edits.push({
    kind: 'scenario.add',
    id: scenarioId,
    attrs: { name: request.label, ...(w.arrivalChange !== undefined ? { arrivalChange: w.arrivalChange } : {}), ...(w.arrivalRate !== undefined ? { arrivalRate: w.arrivalRate } : {}) },
    poolChanges: (w.pools ?? []).map((c) => ({ pool: c.pool, ...(c.capacity !== undefined ? { capacity: c.capacity } : {}), ...(c.calendar !== undefined ? { calendar: c.calendar } : {}) }))
  });
  return edits;
}

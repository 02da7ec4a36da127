import { msg, str } from '@lit/localize';
import type { ActivityStats, PromiseCheck } from '../../simulation';
import { formatNumber, formatPercent } from '../shared/format';
import { formatHours, hoursUnitFor } from './labels';

/*
 * The customer promise in words: the verdict, and why. A verdict alone ("not kept")
 * gave a marketeer nothing to act on; the reason says by how much the slowest cases
 * miss or keep the promise and which steps take the time. Pure: node-tested.
 */

/** Calendar hours as working days (5 per 7 calendar days), the unit promises are made in. */
export function workingDaysText(hours: number): string {
  return formatNumber(Math.round(((hours / 24) * 5) / 7 * 10) / 10);
}

/** The promise and the verdict in one sentence; `held` is null when the simulation cannot judge it. */
export interface PromiseWords {
  text: string;
  held: boolean | null;
  /** Why the verdict is what it is; null when there is no verdict. */
  reason: string | null;
}

/** The customer promise against P90, with the verdict's reason. `activities` are the batch's steps (hours per case). */
export function promiseSentence(p: PromiseCheck, activities: readonly ActivityStats[] = []): PromiseWords {
  const promise = p.text || p.target;
  if (p.held === null || p.targetHours === null || p.p90Hours === null) {
    return { text: msg(str`Customer promise: ${promise} — the simulation cannot judge this promise.`), held: null, reason: null };
  }
  const unit = hoursUnitFor([p.p90Hours, p.targetHours]);
  const amount = (hours: number) => (p.workingDays ? msg(str`${workingDaysText(hours)} working days`) : formatHours(hours, unit));
  const p90 = amount(p.p90Hours);
  const target = amount(p.targetHours);
  const verdict = p.held ? msg('kept') : msg('not kept');
  let text = msg(str`Customer promise: ${promise} (lead time within ${target}) — 9 in 10 cases take at most ${p90} (P90): ${verdict}.`);
  if (p.measuredTo) {
    const end = `"${p.measuredTo.name || p.measuredTo.id}"`;
    const share = formatPercent(p.measuredTo.share);
    text = `${text} ${msg(str`Measured on the ${share} of cases that end at ${end}, the end of the full chain.`)}`;
  }
  return { text, held: p.held, reason: promiseReason(p, p.p90Hours, p.targetHours, amount, activities) };
}

function promiseReason(p: PromiseCheck, p90Hours: number, targetHours: number, amount: (hours: number) => string, activities: readonly ActivityStats[]): string {
  const gap = amount(Math.abs(p90Hours - targetHours));
  const margin = p.held
    ? p90Hours === targetHours
      ? msg('Why: 9 in 10 cases take exactly as long as promised, with nothing to spare.')
      : msg(str`Why: 9 in 10 cases are done ${gap} before the promised time runs out.`)
    : msg(str`Why: the slowest 1 in 10 cases take more than ${amount(p90Hours)}, at least ${gap} longer than promised.`);
  const slowest = [...activities]
    .filter((a) => a.hoursPerCase > 0)
    .sort((a, b) => b.hoursPerCase - a.hoursPerCase)
    .slice(0, 2);
  const unit = hoursUnitFor(slowest.map((a) => a.hoursPerCase));
  const steps = slowest.map((a) => `"${a.name || a.id}" (${formatHours(a.hoursPerCase, unit)})`).join(msg(' and '));
  const where = steps ? ` ${msg(str`Most time per case goes to ${steps}.`)}` : '';
  // The batch runs on calendar hours; a promise in working days is converted, which the reader must know.
  const calendar = p.workingDays ? ` ${msg('Working days are counted as 5 in every 7 calendar days; evenings and weekends are not left out.')}` : '';
  return `${margin}${where}${calendar}`;
}

import { parseIsoDate } from '../../analysis/performance/values';
import type { ProcessInput } from '../../analysis/performance/schema';

/*
 * Periods for the dashboard: the periods that occur in the data (offered as quick
 * choices for the period filter) and the period a new measurement most likely
 * covers (the one after the last recorded, of the same length).
 */

/** A period with both ends as YYYY-MM-DD. */
export interface DatedPeriod {
  readonly start: string;
  readonly end: string;
}

/** The distinct, valid periods of the KPIs and their measurements, most recent first (at most `limit`). */
export function periodsInData(processes: readonly ProcessInput[], limit = 24): DatedPeriod[] {
  const seen = new Map<string, DatedPeriod>();
  const add = (start: string | undefined, end: string | undefined) => {
    const s = parseIsoDate(start);
    const e = parseIsoDate(end);
    if (!s || !e || e < s) return;
    const key = `${s}/${e}`;
    if (!seen.has(key)) seen.set(key, { start: s, end: e });
  };
  for (const p of processes) {
    for (const a of p.activities) {
      for (const k of a.kpis) {
        add(k.periodStart, k.periodEnd);
        if (k.measurements) for (const m of k.measurements) add(m.periodStart, m.periodEnd);
      }
    }
  }
  return [...seen.values()].sort((a, b) => b.end.localeCompare(a.end) || a.start.localeCompare(b.start)).slice(0, limit);
}

function toDate(text: string): Date {
  return new Date(Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))));
}

function toText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function isLastDayOfMonth(date: Date): boolean {
  const next = new Date(date);
  next.setUTCDate(date.getUTCDate() + 1);
  return next.getUTCDate() === 1;
}

/**
 * The period after `previous`, of the same length: whole months stay whole months
 * (a quarter is followed by the next quarter), otherwise the same number of days.
 */
export function nextPeriod(previous: DatedPeriod): DatedPeriod {
  const start = toDate(previous.start);
  const end = toDate(previous.end);
  const nextStart = new Date(end);
  nextStart.setUTCDate(end.getUTCDate() + 1);
  if (start.getUTCDate() === 1 && isLastDayOfMonth(end)) {
    const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() + 1;
    const nextEnd = new Date(Date.UTC(nextStart.getUTCFullYear(), nextStart.getUTCMonth() + months, 0));
    return { start: toText(nextStart), end: toText(nextEnd) };
  }
  const days = Math.round((end.getTime() - start.getTime()) / 86_400_000);
  const nextEnd = new Date(nextStart);
  nextEnd.setUTCDate(nextStart.getUTCDate() + days);
  return { start: toText(nextStart), end: toText(nextEnd) };
}

/**
 * The period a new measurement of a KPI most likely covers: the one after its
 * latest dated measurement, else the KPI's own period, else nothing.
 */
export function suggestedMeasurementPeriod(
  measurements: readonly { periodStart?: string; periodEnd?: string }[],
  kpiPeriod: { start?: string; end?: string }
): Partial<DatedPeriod> {
  let latest: DatedPeriod | undefined;
  for (const m of measurements) {
    const s = parseIsoDate(m.periodStart);
    const e = parseIsoDate(m.periodEnd);
    if (s && e && e >= s && (!latest || e > latest.end)) latest = { start: s, end: e };
  }
  if (latest) return nextPeriod(latest);
  return { start: parseIsoDate(kpiPeriod.start), end: parseIsoDate(kpiPeriod.end) };
}

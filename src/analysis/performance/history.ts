import type { Direction, MeasurementInput, PeriodFilter, Trend } from './schema';
import { parseDecimal } from '../../model/decimal';
import { nonBlank, parseIsoDate } from './values';

/*
 * A KPI's measurement history: realised values recorded per period. The dashboard
 * filters it by period and shows where it is heading, judged by the KPI's
 * direction (a falling cost is improving, a falling reach is worsening).
 */

/** A period with optional ends; dates that do not read as YYYY-MM-DD are treated as absent. */
export interface Period {
  readonly start?: string;
  readonly end?: string;
}

/**
 * True when a period touches the filter (both inclusive). A period with one date
 * is that single day; undated items only pass an empty filter.
 */
export function overlapsPeriod(period: Period, filter: PeriodFilter | undefined): boolean {
  if (!filter || (filter.from === undefined && filter.to === undefined)) return true;
  return overlapsDates(parseIsoDate(period.start), parseIsoDate(period.end), filter);
}

function overlapsDates(start: string | undefined, end: string | undefined, filter: PeriodFilter): boolean {
  if (start === undefined && end === undefined) return false;
  // ISO dates compare correctly as text.
  if (filter.to !== undefined && (start ?? end)! > filter.to) return false;
  if (filter.from !== undefined && (end ?? start)! < filter.from) return false;
  return true;
}

/** One recorded value, parsed. */
export interface HistoryPoint {
  readonly periodStart: string | undefined;
  readonly periodEnd: string | undefined;
  readonly value: number | undefined;
  readonly evidence: string | undefined;
  readonly recordedOn: string | undefined;
  /** True when a value was given that does not read as a number. */
  readonly unreadable: boolean;
}

/** The measurements within the filter, parsed and in chronological order (stable for equal dates). */
export function measurementHistory(measurements: readonly MeasurementInput[] | undefined, filter?: PeriodFilter): HistoryPoint[] {
  if (!measurements || measurements.length === 0) return [];
  const filtering = filter !== undefined && (filter.from !== undefined || filter.to !== undefined);
  const points: HistoryPoint[] = [];
  // Sort keys in parallel arrays: the library loop runs this for every KPI, so no wrapper objects.
  const order: string[] = [];
  const recordedKeys: string[] = [];
  let sorted = true;
  for (const m of measurements) {
    const start = parseIsoDate(m.periodStart);
    const end = parseIsoDate(m.periodEnd);
    if (filtering && !overlapsDates(start, end, filter!)) continue;
    const value = parseDecimal(m.value);
    const raw = typeof m.value === 'string' ? m.value.trim() : m.value;
    const recorded = parseIsoDate(m.recordedOn) ?? '';
    // Ordered by the end of the period, else its start, else the day it was recorded.
    const key = end ?? start ?? recorded;
    const n = order.length;
    if (n > 0 && (key < order[n - 1]! || (key === order[n - 1] && recorded < recordedKeys[n - 1]!))) sorted = false;
    order.push(key);
    recordedKeys.push(recorded);
    points.push({
      periodStart: m.periodStart,
      periodEnd: m.periodEnd,
      value,
      evidence: nonBlank(m.evidence),
      recordedOn: m.recordedOn,
      unreadable: raw !== undefined && raw !== '' && value === undefined
    });
  }
  if (sorted) return points;
  const indices = points.map((_, i) => i);
  indices.sort((a, b) =>
    order[a]! < order[b]! ? -1 : order[a]! > order[b]! ? 1 : recordedKeys[a]! < recordedKeys[b]! ? -1 : recordedKeys[a]! > recordedKeys[b]! ? 1 : a - b
  );
  return indices.map((i) => points[i]!);
}

/** Options of the trend. */
export interface TrendOptions {
  /** A change smaller than this share of the scale (|target|, else the mean) counts as flat. Default 0.02 (2 %). */
  readonly flatShare?: number;
}

/**
 * The direction-aware trend of the numeric points, from a least-squares line over
 * the points in order; undefined with fewer than two numbers or no direction.
 * For "exactly" the distance to the target is what should shrink.
 */
export function trendOf(
  points: readonly HistoryPoint[],
  direction: Direction | undefined,
  target: number | undefined,
  options: TrendOptions = {}
): Trend | undefined {
  if (direction === undefined || (direction === 'exactly' && target === undefined)) return undefined;
  const values: number[] = [];
  for (const p of points) if (p.value !== undefined) values.push(direction === 'exactly' ? Math.abs(p.value - target!) : p.value);
  const n = values.length;
  if (n < 2) return undefined;
  const meanX = (n - 1) / 2;
  let meanY = 0;
  for (const v of values) meanY += v / n;
  let sxy = 0;
  let sxx = 0;
  values.forEach((v, x) => {
    sxy += (x - meanX) * (v - meanY);
    sxx += (x - meanX) * (x - meanX);
  });
  const change = (sxy / sxx) * (n - 1);
  const scale = target !== undefined && target !== 0 ? Math.abs(target) : Math.abs(meanY) || 1;
  if (Math.abs(change) <= (options.flatShare ?? 0.02) * scale) return 'flat';
  const lowerIsBetter = direction === 'at-most' || direction === 'exactly';
  return change < 0 === lowerIsBetter ? 'improving' : 'worsening';
}

/**
 * Working calendars as sorted working intervals in hours since the start of the run.
 * luxon turns each working day's hours into instants in the calendar's time zone
 * (daylight saving included), a few weeks at a time as the run needs them; the engine
 * then only compares and adds numbers.
 */
import { DateTime, IANAZone } from 'luxon';
import { WEEKDAYS, type HoursRange, type Weekday } from '../../model/value-chain/schema';
import type { CalendarSpec } from './types';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Days generated at a time. */
const CHUNK_DAYS = 28;
/** A calendar with no working time in this many days counts as closed for good. */
const MAX_EMPTY_DAYS = 3660;

/** Working time of one calendar, or round the clock. */
export interface WorkingTime {
  readonly always: boolean;
  /** The first instant at or after t within working hours. */
  nextOpen(t: number): number;
  /** The instant at which `hours` of working time, counted from t, have passed. */
  addWorking(t: number, hours: number): number;
  /** Working hours between a and b (a ≤ b). */
  workingBetween(a: number, b: number): number;
  /** Hours of work in a normal week (days × hours, holidays and daylight saving aside). */
  readonly hoursPerWeek: number;
  /** Hours of a normal working day. */
  readonly hoursPerDay: number;
}

/** Round the clock: no pauses. */
export const ALWAYS: WorkingTime = {
  always: true,
  nextOpen: (t) => t,
  addWorking: (t, hours) => t + hours,
  workingBetween: (a, b) => b - a,
  hoursPerWeek: 168,
  hoursPerDay: 24
};

/** Builds the working time of a calendar for a run that starts at `originMs` (epoch ms). */
export function createWorkingTime(spec: CalendarSpec, originMs: number): WorkingTime {
  const roundTheClock = !spec.week && spec.days.length === 7 && spec.holidays.length === 0 && spec.hours.length === 1 && spec.hours[0]!.from === 0 && spec.hours[0]!.to === 1440;
  return roundTheClock ? ALWAYS : new IntervalCalendar(spec, originMs);
}

class IntervalCalendar implements WorkingTime {
  readonly always = false;
  readonly hoursPerWeek: number;
  readonly hoursPerDay: number;
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Working hours before interval i. */
  private readonly cum: number[] = [];
  private readonly holidays: Set<string>;
  /** Working hours per ISO weekday (1 = Monday … 7 = Sunday; index 0 unused). */
  private readonly week: HoursRange[][];
  private readonly zone: IANAZone;
  /** The local date being generated, as a UTC day number (days since 1970-01-01). */
  private day: number;
  private closed = false;
  private emptyDays = 0;
  private hint = 0;

  constructor(spec: CalendarSpec, originMs: number) {
    const days = new Set(spec.days.map((d: Weekday) => WEEKDAYS.indexOf(d) + 1));
    this.week = [[], ...WEEKDAYS.map((_, i) => (spec.week ? (spec.week[i] ?? []) : days.has(i + 1) ? spec.hours : []))];
    this.holidays = new Set(spec.holidays);
    this.zone = IANAZone.create(spec.timeZone);
    const hoursOf = (ranges: HoursRange[]) => ranges.reduce((sum, r) => sum + (r.to - r.from) / 60, 0);
    this.hoursPerWeek = this.week.reduce((sum, ranges) => sum + hoursOf(ranges), 0);
    const workingDays = this.week.filter((r) => r.length > 0).length;
    this.hoursPerDay = workingDays > 0 ? this.hoursPerWeek / workingDays : 0;
    // One day before the origin's local date, so that work already under way at the origin counts.
    const local = DateTime.fromMillis(originMs, { zone: this.zone });
    this.day = Math.floor(Date.UTC(local.year, local.month - 1, local.day) / DAY_MS) - 1;
    this.origin = originMs;
    if (this.hoursPerWeek <= 0) this.closed = true;
  }

  private readonly origin: number;

  /** Generates working intervals until one ends after t (or the calendar turns out closed). */
  private extendPast(t: number): void {
    while (!this.closed && (this.ends.length === 0 || this.ends[this.ends.length - 1]! <= t)) this.generate();
  }

  /**
   * The instant of a local wall-clock time (ms as if UTC) in the calendar's zone: the
   * zone's offset is looked up at the guess and once more if the guess crossed a change
   * (daylight saving), as luxon does for local times.
   */
  private instant(localMs: number): number {
    const o1 = this.zone.offset(localMs);
    const guess = localMs - o1 * 60_000;
    const o2 = this.zone.offset(guess);
    return o1 === o2 ? guess : localMs - Math.max(o1, o2) * 60_000;
  }

  private generate(): void {
    for (let i = 0; i < CHUNK_DAYS; i++) {
      const day = this.day++;
      const midnight = day * DAY_MS;
      // 1970-01-01 was a Thursday (ISO weekday 4).
      const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
      const ranges = this.week[weekday]!;
      if (ranges.length === 0 || (this.holidays.size > 0 && this.holidays.has(new Date(midnight).toISOString().slice(0, 10)))) {
        if (++this.emptyDays > MAX_EMPTY_DAYS) this.closed = true;
        continue;
      }
      this.emptyDays = 0;
      for (const r of ranges) {
        const from = (this.instant(midnight + r.from * 60_000) - this.origin) / HOUR_MS;
        const to = (this.instant(midnight + r.to * 60_000) - this.origin) / HOUR_MS;
        if (!(to > from)) continue;
        const n = this.starts.length;
        const last = n > 0 ? this.ends[n - 1]! : -Infinity;
        // Daylight saving can make a range start before the previous one ended; keep them ordered.
        const start = Math.max(from, last);
        if (to <= start) continue;
        this.cum.push(n > 0 ? this.cum[n - 1]! + (this.ends[n - 1]! - this.starts[n - 1]!) : 0);
        this.starts.push(start);
        this.ends.push(to);
      }
    }
  }

  /** Index of the first interval that ends after t; -1 when the calendar never opens again. */
  private indexAfter(t: number): number {
    this.extendPast(t);
    const ends = this.ends;
    const n = ends.length;
    if (n === 0 || ends[n - 1]! <= t) return -1;
    // Runs move forward in time: try the last answer and its neighbour first.
    let h = this.hint;
    if (h < n && ends[h]! > t && (h === 0 || ends[h - 1]! <= t)) return h;
    h++;
    if (h < n && ends[h]! > t && ends[h - 1]! <= t) return (this.hint = h);
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! > t) hi = mid;
      else lo = mid + 1;
    }
    return (this.hint = lo);
  }

  nextOpen(t: number): number {
    const i = this.indexAfter(t);
    if (i < 0) return Infinity;
    const s = this.starts[i]!;
    return t > s ? t : s;
  }

  addWorking(t: number, hours: number): number {
    if (hours <= 0) return t;
    const i = this.indexAfter(t);
    if (i < 0) return Infinity;
    const s0 = this.starts[i]!;
    const s = t > s0 ? t : s0;
    const done = s + hours;
    if (done <= this.ends[i]!) return done;
    // Beyond this interval: find the interval where the cumulative working time is reached.
    const target = this.cum[i]! + (s - s0) + hours;
    for (;;) {
      const n = this.starts.length;
      const last = n - 1;
      if (this.cum[last]! + (this.ends[last]! - this.starts[last]!) >= target) break;
      if (this.closed) return Infinity;
      this.generate();
    }
    let lo = i;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.cum[mid]! < target) lo = mid;
      else hi = mid - 1;
    }
    return this.starts[lo]! + (target - this.cum[lo]!);
  }

  workingBetween(a: number, b: number): number {
    if (b <= a) return 0;
    return this.cumulativeAt(b) - this.cumulativeAt(a);
  }

  /** Working hours from the calendar's first interval up to t. */
  private cumulativeAt(t: number): number {
    const i = this.indexAfter(t);
    if (i < 0) {
      const n = this.starts.length;
      return n === 0 ? 0 : this.cum[n - 1]! + (this.ends[n - 1]! - this.starts[n - 1]!);
    }
    const s = this.starts[i]!;
    return this.cum[i]! + (t > s ? t - s : 0);
  }
}

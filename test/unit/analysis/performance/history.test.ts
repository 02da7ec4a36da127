import { describe, expect, it } from 'vitest';
import { measurementHistory, overlapsPeriod, trendOf, type HistoryPoint } from '../../../../src/analysis/performance/history';

const q = (year: number, quarter: 1 | 2 | 3 | 4, value: string, evidence?: string) => {
  const startMonth = (quarter - 1) * 3 + 1;
  const end = ['03-31', '06-30', '09-30', '12-31'][quarter - 1];
  return { periodStart: `${year}-${String(startMonth).padStart(2, '0')}-01`, periodEnd: `${year}-${end}`, value, evidence };
};

const points = (...values: number[]): HistoryPoint[] =>
  values.map((value, i) => ({ periodStart: undefined, periodEnd: `2024-0${i + 1}-28`, value, evidence: undefined, recordedOn: undefined, unreadable: false }));

describe('period filter', () => {
  it('keeps periods that touch the filter, inclusive at both ends', () => {
    const q2 = { start: '2024-04-01', end: '2024-06-30' };
    expect(overlapsPeriod(q2, { from: '2024-06-30' })).toBe(true);
    expect(overlapsPeriod(q2, { from: '2024-07-01' })).toBe(false);
    expect(overlapsPeriod(q2, { to: '2024-04-01' })).toBe(true);
    expect(overlapsPeriod(q2, { to: '2024-03-31' })).toBe(false);
    expect(overlapsPeriod(q2, { from: '2024-05-01', to: '2024-05-31' })).toBe(true);
    expect(overlapsPeriod({ start: '2023-01-01', end: '2025-12-31' }, { from: '2024-01-01', to: '2024-03-31' })).toBe(true);
  });

  it('treats a single date as that day and undated or unreadable periods as outside any filter', () => {
    expect(overlapsPeriod({ end: '2024-05-15' }, { from: '2024-05-01', to: '2024-05-31' })).toBe(true);
    expect(overlapsPeriod({ start: '2024-06-15' }, { from: '2024-05-01', to: '2024-05-31' })).toBe(false);
    expect(overlapsPeriod({}, { from: '2024-01-01' })).toBe(false);
    expect(overlapsPeriod({ start: '2024-02-30', end: 'Q2' }, { from: '2024-01-01' })).toBe(false);
    expect(overlapsPeriod({}, {})).toBe(true);
    expect(overlapsPeriod({}, undefined)).toBe(true);
  });
});

describe('measurement history', () => {
  it('given measurements out of order, then the history is chronological and filtered by period', () => {
    const ms = [q(2024, 3, '130'), q(2024, 1, '100'), q(2023, 4, '90'), q(2024, 2, '120', 'incl. fair leads')];
    expect(measurementHistory(ms).map((p) => p.value)).toEqual([90, 100, 120, 130]);
    const h1 = measurementHistory(ms, { from: '2024-01-01', to: '2024-06-30' });
    expect(h1.map((p) => [p.periodEnd, p.value, p.evidence])).toEqual([
      ['2024-03-31', 100, undefined],
      ['2024-06-30', 120, 'incl. fair leads']
    ]);
  });

  it('flags values that are not numbers and keeps evidence-only points', () => {
    const h = measurementHistory([
      { periodEnd: '2024-01-31', value: 'n/a' },
      { periodEnd: '2024-02-29', evidence: 'Customer panel: more positive' },
      { periodEnd: '2024-03-31', value: 42 }
    ]);
    expect(h.map((p) => [p.value, p.unreadable, p.evidence])).toEqual([
      [undefined, true, undefined],
      [undefined, false, 'Customer panel: more positive'],
      [42, false, undefined]
    ]);
  });

  it('orders measurements for the same period by the day they were recorded', () => {
    const h = measurementHistory([
      { periodEnd: '2024-03-31', value: '2', recordedOn: '2024-04-10' },
      { periodEnd: '2024-03-31', value: '1', recordedOn: '2024-04-02' }
    ]);
    expect(h.map((p) => p.value)).toEqual([1, 2]);
  });
});

describe('trend', () => {
  it('given a rising series, then it improves for "at least" and worsens for "at most"', () => {
    expect(trendOf(points(100, 110, 125), 'at-least', 100)).toBe('improving');
    expect(trendOf(points(100, 110, 125), 'at-most', 100)).toBe('worsening');
    expect(trendOf(points(125, 110, 100), 'at-most', 100)).toBe('improving');
  });

  it('given small wobbles, then it is flat', () => {
    expect(trendOf(points(100, 101, 99, 101.5), 'at-least', 100)).toBe('flat');
    expect(trendOf(points(100, 101, 99, 101.5), 'at-least', 100, { flatShare: 0.001 })).toBe('improving');
    expect(trendOf(points(0, 0, 0), 'at-most', 0)).toBe('flat');
  });

  it('given "exactly", then moving towards the target is improving, whichever side it comes from', () => {
    expect(trendOf(points(80, 90, 98), 'exactly', 100)).toBe('improving');
    expect(trendOf(points(120, 110, 101), 'exactly', 100)).toBe('improving');
    expect(trendOf(points(100, 110, 120), 'exactly', 100)).toBe('worsening');
    expect(trendOf(points(100, 110, 120), 'exactly', undefined)).toBeUndefined();
  });

  it('needs two numbers and a direction', () => {
    expect(trendOf(points(100), 'at-least', 100)).toBeUndefined();
    expect(trendOf([], 'at-least', 100)).toBeUndefined();
    expect(trendOf(points(1, 2), undefined, 1)).toBeUndefined();
    const evidenceOnly = measurementHistory([{ periodEnd: '2024-01-31', evidence: 'good' }, { periodEnd: '2024-02-29', evidence: 'better' }]);
    expect(trendOf(evidenceOnly, 'at-least', 1)).toBeUndefined();
  });
});

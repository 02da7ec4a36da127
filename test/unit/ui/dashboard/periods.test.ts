import { describe, expect, it } from 'vitest';
import { nextPeriod, periodsInData, suggestedMeasurementPeriod } from '../../../../src/ui/dashboard/periods';
import type { ProcessInput } from '../../../../src/analysis/performance/schema';

describe('the period a new measurement covers', () => {
  it('follows a quarter with the next quarter, across the year end', () => {
    expect(nextPeriod({ start: '2026-04-01', end: '2026-06-30' })).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(nextPeriod({ start: '2026-10-01', end: '2026-12-31' })).toEqual({ start: '2027-01-01', end: '2027-03-31' });
  });

  it('follows a month with the next month, also into February', () => {
    expect(nextPeriod({ start: '2028-01-01', end: '2028-01-31' })).toEqual({ start: '2028-02-01', end: '2028-02-29' });
  });

  it('keeps the number of days for periods that are not whole months', () => {
    expect(nextPeriod({ start: '2026-03-02', end: '2026-03-15' })).toEqual({ start: '2026-03-16', end: '2026-03-29' });
  });

  it('suggests the period after the latest measurement, else the KPI period', () => {
    const measurements = [
      { periodStart: '2026-04-01', periodEnd: '2026-06-30' },
      { periodStart: '2026-01-01', periodEnd: '2026-03-31' },
      { periodStart: 'soon', periodEnd: 'later' }
    ];
    expect(suggestedMeasurementPeriod(measurements, {})).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(suggestedMeasurementPeriod([], { start: '2026-01-01', end: '2026-06-30' })).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(suggestedMeasurementPeriod([], {})).toEqual({ start: undefined, end: undefined });
  });
});

describe('the periods offered in the period filter', () => {
  it('lists each valid period of KPIs and measurements once, most recent first', () => {
    const process: ProcessInput = {
      id: 'p',
      activities: [
        {
          id: 'a',
          kpis: [
            { periodStart: '2026-01-01', periodEnd: '2026-06-30', measurements: [{ periodStart: '2026-01-01', periodEnd: '2026-03-31', value: '1' }] },
            { periodStart: '2026-01-01', periodEnd: '2026-06-30' },
            { periodStart: '2026-07-01', periodEnd: '2026-01-01' }
          ]
        }
      ]
    };
    expect(periodsInData([process])).toEqual([
      { start: '2026-01-01', end: '2026-06-30' },
      { start: '2026-01-01', end: '2026-03-31' }
    ]);
  });
});

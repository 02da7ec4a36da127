import { describe, expect, it } from 'vitest';
import { RESOURCE_TOLERANCE_PERCENT, summariseResources } from '../../../../src/analysis/performance/resources';

describe('one tolerance for "over plan"', () => {
  it('counts a budget as over plan only beyond the audit’s resource-overrun tolerance (10 %)', () => {
    expect(RESOURCE_TOLERANCE_PERCENT).toBe(10);
    const status = (planned: string, realised: string) => summariseResources([{ plannedBudget: planned, realisedBudget: realised, currency: 'EUR' }]).budgets[0]!.status;
    // +1 %: the audit is silent, so the dashboard is too
    expect(status('10000', '10100')).toBe('on-track');
    // exactly at the tolerance
    expect(status('10000', '11000')).toBe('on-track');
    // beyond it: both say so
    expect(status('10000', '11001')).toBe('off-track');
    const hours = summariseResources([{ plannedHours: '100', realisedHours: '115' }]).hours.status;
    expect(hours).toBe('off-track');
  });
});

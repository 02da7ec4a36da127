import { describe, expect, it } from 'vitest';
import { ResourceAccumulator, summariseResources } from '../../../../src/analysis/performance/resources';

describe('resource totals', () => {
  it('given steps with planned and realised budgets and hours, then it sums them and shows the variance', () => {
    const s = summariseResources([
      { budgetGroup: 'sowing', currency: 'EUR', plannedBudget: '10000', realisedBudget: '12500', plannedHours: '40', realisedHours: '38' },
      { budgetGroup: 'sowing', plannedBudget: '5000', realisedBudget: '4000', plannedHours: '10', realisedHours: '10' }
    ]);
    expect(s.activities).toBe(2);
    expect(s.activitiesWithResources).toBe(2);
    expect(s.budgets).toHaveLength(1);
    expect(s.budgets[0]).toMatchObject({ currency: 'EUR', planned: 15000, realised: 16500, variance: 1500, relative: 0.1, status: 'on-track' }); // +10 %: within the audit's tolerance
    expect(s.hours).toMatchObject({ planned: 50, realised: 48, variance: -2, relative: -0.04, status: 'on-track' });
  });

  it('compares only steps that report both: a step without realised hours is not an underspend', () => {
    const s = summariseResources([
      { plannedHours: '100', realisedHours: '110' },
      { plannedHours: '400' },
      undefined
    ]);
    expect(s.activities).toBe(3);
    expect(s.activitiesWithResources).toBe(2);
    expect(s.hours).toMatchObject({ planned: 500, plannedCount: 2, realised: 110, realisedCount: 1, comparedCount: 1, comparedPlanned: 100, variance: 10, relative: 0.1, status: 'on-track' });
    expect(summariseResources([{ plannedHours: '400' }]).hours).toMatchObject({ variance: undefined, relative: undefined, status: 'no-data' });
  });

  it('never adds up different currencies, and assumes EUR when none is given', () => {
    const s = summariseResources([
      { currency: 'usd', plannedBudget: '100', realisedBudget: '90' },
      { currency: 'EUR', plannedBudget: '200', realisedBudget: '200' },
      { plannedBudget: '50', realisedBudget: '60' }
    ]);
    expect(s.budgets.map((b) => [b.currency, b.planned, b.realised, b.status])).toEqual([
      ['EUR', 250, 260, 'on-track'], // +4 %, within the tolerance
      ['USD', 100, 90, 'on-track']
    ]);
  });

  it('counts unreadable amounts and leaves them out of the sums; a zero plan has no relative variance', () => {
    const s = summariseResources([{ plannedBudget: '€ 1.000', realisedBudget: '300', plannedHours: '0', realisedHours: '5' }]);
    expect(s.unreadableValues).toBe(1);
    expect(s.budgets[0]).toMatchObject({ planned: 0, plannedCount: 0, realised: 300, variance: undefined });
    expect(s.hours).toMatchObject({ variance: 5, relative: undefined, status: 'off-track' });
  });

  it('merges accumulators as if all steps were added to one', () => {
    const a = new ResourceAccumulator();
    const b = new ResourceAccumulator();
    a.add({ currency: 'EUR', plannedBudget: '10', realisedBudget: '9', plannedHours: '1' });
    b.add({ currency: 'GBP', plannedBudget: '5', realisedBudget: '6', realisedHours: '2' });
    a.merge(b);
    const s = a.result();
    expect(s.activities).toBe(2);
    expect(s.budgets.map((x) => x.currency)).toEqual(['EUR', 'GBP']);
    expect(s.hours).toMatchObject({ planned: 1, realised: 2, comparedCount: 0 });
  });
});

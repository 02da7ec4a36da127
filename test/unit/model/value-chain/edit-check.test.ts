import { describe, expect, it } from 'vitest';
import { budgetGroupRule, type ActivityGroup } from '../../../../src/model/value-chain/schema';
import { branchSum, checkBranches, checkChanges, storedProblems } from '../../../../src/model/value-chain/edit-check';

describe('checking a form change before it is written', () => {
  it('writes valid fields and holds back the invalid one, with its reason', () => {
    // given a KPI with a unit
    const stored = { name: 'Bereik', unit: '%' };
    // when the user changes the name and types text into the target
    const { accepted, rejected } = checkChanges('ml:Kpi', stored, { name: 'Bereik doelgroep', target: 'twaalf' });
    // then the name may be written and the target not
    expect(accepted).toEqual({ name: 'Bereik doelgroep' });
    expect(rejected.target?.code).toBe('not-a-number');
  });

  it('blames the changed field for a period that would end before it starts', () => {
    const stored = { periodStart: '2026-01-01', periodEnd: '2026-03-31' };
    const { accepted, rejected } = checkChanges('ml:Kpi', stored, { periodStart: '2026-06-01' });
    expect(accepted).toEqual({});
    expect(rejected.periodStart).toMatchObject({ code: 'period-reversed' });
  });

  it('refuses a target without unit, and accepts both once the unit comes along', () => {
    expect(checkChanges('ml:Kpi', {}, { target: '20' }).rejected.target?.code).toBe('unit-missing');
    expect(checkChanges('ml:Kpi', {}, { target: '20', unit: 'offertes' })).toEqual({ accepted: { target: '20', unit: 'offertes' }, rejected: {} });
    // and clearing the unit of a KPI with a target is refused
    expect(checkChanges('ml:Kpi', { target: '20', unit: 'offertes' }, { unit: '' }).rejected.unit?.code).toBe('unit-missing');
  });

  it('holds back a triangular duration until minimum, most likely and maximum are complete and ordered', () => {
    expect(checkChanges('ml:Duration', {}, { min: 'PT2H' }).rejected.min?.code).toBe('triangle-incomplete');
    expect(checkChanges('ml:Duration', {}, { min: 'P2D', mostLikely: 'P1D', max: 'P3D' }).rejected).toMatchObject({
      min: { code: 'triangle-order' },
      mostLikely: { code: 'triangle-order' },
      max: { code: 'triangle-order' }
    });
    expect(checkChanges('ml:Duration', {}, { min: 'P1D', mostLikely: 'P2D', max: 'P3D' }).rejected).toEqual({});
  });

  it('does not let invalid data from the file block an unrelated change, and leaves it as it is', () => {
    // given a file with target="12x"
    const stored = { target: '12x', unit: '%' };
    expect(checkChanges('ml:Kpi', stored, { name: 'Bereik' })).toEqual({ accepted: { name: 'Bereik' }, rejected: {} });
    // while a new invalid value for the same field is still refused
    expect(checkChanges('ml:Kpi', stored, { target: '13y' }).rejected.target?.code).toBe('not-a-number');
    // and the stored problem is there to show at the field
    expect(storedProblems('ml:Kpi', stored).target).toMatchObject({ code: 'not-a-number', value: '12x' });
  });

  it('applies an extra rule: a budget group must match the activity group', () => {
    const rule = (activityGroup: ActivityGroup) => (value: Record<string, unknown>) =>
      budgetGroupRule(activityGroup, value.budgetGroup as ActivityGroup | undefined).map((p) => ({ ...p, field: 'budgetGroup' }));
    expect(checkChanges('ml:Resources', {}, { budgetGroup: 'sowing', plannedBudget: '100' }, rule('harvest'))).toMatchObject({
      accepted: { plannedBudget: '100' },
      rejected: { budgetGroup: { code: 'budget-group-mismatch' } }
    });
  });
});

describe('probabilities of a gateway’s outgoing flows', () => {
  const flows = (...p: Array<string | undefined>) => p.map((probability, i) => ({ id: `f${i}`, probability, isDefault: i === p.length - 1 && p.length > 2 }));

  it('accepts none at all, or a complete set adding up to 100 %', () => {
    expect(checkBranches('exactly-one', flows(undefined, undefined))).toBeUndefined();
    expect(checkBranches('exactly-one', flows('70', '30'))).toBeUndefined();
    expect(checkBranches('exactly-one', flows('33.3', '33.3', '33.4'))).toBeUndefined();
  });

  it('reports a sum other than 100 % and flows still without a probability', () => {
    expect(checkBranches('exactly-one', flows('70', '40'))).toMatchObject({ code: 'probability-sum', sum: 110 });
    expect(checkBranches('exactly-one', flows('70', undefined))).toMatchObject({ code: 'probability-missing', sum: 70 });
  });

  it('lets the default flow take the rest', () => {
    expect(checkBranches('exactly-one', flows('50', '30', undefined))).toBeUndefined();
    expect(checkBranches('exactly-one', flows('80', '30', undefined))).toMatchObject({ code: 'probability-sum' });
  });

  it('does not add up the independent branches of an inclusive gateway', () => {
    expect(checkBranches('independent', flows('80', '60'))).toBeUndefined();
    expect(branchSum(flows('80', '60', 'x'))).toBe(140);
  });
});

describe('blame stays with the field that is wrong', () => {
  it('refuses only the target when target and unit change together and the target is text', () => {
    expect(checkChanges('ml:Kpi', {}, { target: 'veel', unit: 'klanten' })).toMatchObject({ accepted: { unit: 'klanten' }, rejected: { target: { code: 'not-a-number' } } });
  });

  it('blames a new measure for making the stored promise target unreadable', () => {
    // given a lead-time promise of ten days, when the measure changes to a number measure
    const { accepted, rejected } = checkChanges('ml:CustomerPromise', { measure: 'lead-time', target: 'P10D' }, { measure: 'satisfaction' });
    expect(accepted).toEqual({});
    expect(rejected.measure?.code).toBe('not-a-number');
  });
});

import { describe, expect, it } from 'vitest';
import { evaluateKpi, meetsTarget, USUAL_DIRECTION } from '../../../../src/analysis/performance/kpi-status';
import { OBJECTIVE_GROUPS } from '../../../../src/analysis/performance/schema';

describe('KPI variance and status', () => {
  it('given an "at most" cost target, then spending below it is on track and above it off track', () => {
    const under = evaluateKpi({ objectiveGroup: 'input', direction: 'at-most', target: '200', realised: '150' });
    expect(under).toMatchObject({ status: 'on-track', target: 200, realised: 150, absolute: -50, relative: -0.25 });
    expect(evaluateKpi({ direction: 'at-most', target: '200', realised: '200' }).status).toBe('on-track');
    expect(evaluateKpi({ direction: 'at-most', target: '200', realised: '200.01' }).status).toBe('off-track');
  });

  it('given an "at least" reach target, then above is on track and below is off track', () => {
    expect(evaluateKpi({ direction: 'at-least', target: '1000', realised: '1250' })).toMatchObject({ status: 'on-track', absolute: 250, relative: 0.25 });
    expect(evaluateKpi({ direction: 'at-least', target: '1000', realised: '999' }).status).toBe('off-track');
    expect(evaluateKpi({ direction: 'at-least', target: '0.3', realised: 0.1 + 0.2 }).status).toBe('on-track');
  });

  it('given "exactly", then within the tolerance (5 % by default) is on track', () => {
    expect(evaluateKpi({ direction: 'exactly', target: '100', realised: '104' }).status).toBe('on-track');
    expect(evaluateKpi({ direction: 'exactly', target: '100', realised: '95' }).status).toBe('on-track');
    expect(evaluateKpi({ direction: 'exactly', target: '100', realised: '94' }).status).toBe('off-track');
    expect(evaluateKpi({ direction: 'exactly', target: '100', realised: '106' }).status).toBe('off-track');
    expect(evaluateKpi({ direction: 'exactly', target: '100', realised: '106' }, { exactTolerancePercent: 10 }).status).toBe('on-track');
    expect(evaluateKpi({ direction: 'exactly', target: '-20', realised: '-21' }).status).toBe('on-track');
  });

  it('given a target of 0, then the relative variance is undefined and the direction still decides', () => {
    const complaints = evaluateKpi({ direction: 'at-most', target: '0', realised: '3' });
    expect(complaints).toMatchObject({ status: 'off-track', absolute: 3, relative: undefined });
    expect(evaluateKpi({ direction: 'at-most', target: '0', realised: '0' })).toMatchObject({ status: 'on-track', absolute: 0, relative: undefined });
    expect(evaluateKpi({ direction: 'at-least', target: '0', realised: '0' }).status).toBe('on-track');
    expect(evaluateKpi({ direction: 'exactly', target: '0', realised: '0.01' }).status).toBe('off-track');
    expect(evaluateKpi({ direction: 'exactly', target: '0', realised: '0' }).status).toBe('on-track');
  });

  it('given no realised value, then there is no data, unless qualitative evidence tells the story (soft KPI)', () => {
    expect(evaluateKpi({ direction: 'at-least', target: '8' })).toMatchObject({ status: 'no-data', noDataReason: 'no-realised', absolute: undefined });
    expect(evaluateKpi({ direction: 'at-least', target: '8', realised: '  ' }).status).toBe('no-data');
    const soft = evaluateKpi({ objectiveGroup: 'hoeing', target: '8', evidence: 'Interviews: staff proud of the new brand' });
    expect(soft).toMatchObject({ status: 'qualitative', evidence: 'Interviews: staff proud of the new brand', realised: undefined });
    // A number and a story: the number is judged, the story stays visible.
    expect(evaluateKpi({ direction: 'at-least', target: '8', realised: '8.5', evidence: 'survey n=120' })).toMatchObject({ status: 'on-track', evidence: 'survey n=120' });
  });

  it('given a realised value but no target, then it cannot be judged', () => {
    expect(evaluateKpi({ direction: 'at-least', realised: '12' })).toMatchObject({ status: 'no-data', noDataReason: 'no-target', realised: 12 });
  });

  it('given no direction, then it takes the usual one of the objective group and says so', () => {
    expect(evaluateKpi({ objectiveGroup: 'input', target: '100', realised: '120' })).toMatchObject({ direction: 'at-most', directionAssumed: true, status: 'off-track' });
    expect(evaluateKpi({ objectiveGroup: 'customer', target: '100', realised: '120' })).toMatchObject({ direction: 'at-least', directionAssumed: true, status: 'on-track' });
    expect(evaluateKpi({ objectiveGroup: 'customer', direction: 'at-most', target: '100', realised: '120' })).toMatchObject({ directionAssumed: false, status: 'off-track' });
    expect(evaluateKpi({ target: '100', realised: '120' })).toMatchObject({ status: 'no-data', noDataReason: 'no-direction', direction: undefined });
    expect(OBJECTIVE_GROUPS.every((g) => USUAL_DIRECTION[g] !== undefined)).toBe(true);
  });

  it('reports values that do not read instead of guessing', () => {
    const bad = evaluateKpi({ objectiveGroup: 'harvest', direction: 'max', target: '1.000,50', realised: '12k', evidence: '' });
    expect(bad.unreadable).toEqual(['objectiveGroup', 'direction', 'target', 'realised']);
    expect(bad).toMatchObject({ status: 'no-data', target: undefined, realised: undefined, direction: undefined });
    expect(evaluateKpi({ objectiveGroup: 'sowing', direction: 'more', target: '10', realised: '12' })).toMatchObject({
      unreadable: ['direction'],
      direction: 'at-least',
      directionAssumed: true,
      status: 'on-track'
    });
  });

  it('compares directly through meetsTarget', () => {
    expect(meetsTarget('at-most', 10, 9)).toBe(true);
    expect(meetsTarget('at-least', 10, 9)).toBe(false);
    expect(meetsTarget('exactly', 10, 10.4)).toBe(true);
  });
});

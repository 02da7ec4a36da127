import { describe, expect, it } from 'vitest';
import { propertyLabel } from '../../../../src/ui/audit/change-labels';

// The diff (src/analysis/audit/diff.ts) names value-chain changes by their XML path, e.g.
// `ml:step.kpi[Kpi_1].target`; the review box says them in words.
describe('a changed value-chain property in words', () => {
  it('names a KPI by its id and the attribute by its meaning', () => {
    expect(propertyLabel('ml:step.kpi[Kpi_selectionHours].target')).toBe('performance measure Kpi_selectionHours – target score');
  });

  it('names an assignment, a role, a rule setting, a measurement and an action by their XML names', () => {
    expect(propertyLabel('ml:step.assignment[2].role')).toBe('assignment – role');
    expect(propertyLabel('ml:step.assignment[2].responsibility')).toBe('assignment – responsibility');
    expect(propertyLabel('ml:valueChain.role[rol-controller].name')).toBe('role rol-controller – name');
    expect(propertyLabel('ml:valueChain.ruleSetting[0].severity')).not.toContain('ml:');
    expect(propertyLabel('ml:step.kpi[Kpi_1].measurement[M_1].realised')).toBe('measurement M_1 – realised value');
    expect(propertyLabel('ml:valueChain.action[Action_1].due')).toBe('improvement action Action_1 – due date');
  });

  it('keeps a path it cannot put in words as it is', () => {
    expect(propertyLabel('ml:step.unknownPart[0].whatever')).toBe('ml:step.unknownPart[0].whatever');
  });
});

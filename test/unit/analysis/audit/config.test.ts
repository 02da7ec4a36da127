import { describe, expect, it } from 'vitest';
import { defaultAuditConfig, resolveAuditConfig } from '../../../../src/analysis/audit/config';
import { RULE_IDS, RULES } from '../../../../src/analysis/audit/rules';

describe('defaultAuditConfig', () => {
  it('switches every rule on at its default severity, with tolerances only where a rule has one', () => {
    const config = defaultAuditConfig();
    expect(Object.keys(config)).toEqual([...RULE_IDS]);
    expect(config['handover-agreement']).toEqual({ enabled: true, severity: 'error' });
    expect(config['resource-overrun']).toEqual({ enabled: true, severity: 'warning', tolerance: 10 });
    expect(RULE_IDS.filter((id) => config[id].tolerance !== undefined)).toEqual(['kpi-realised', 'resource-overrun', 'agreement-overdue']);
    expect(new Set(RULE_IDS.map((id) => RULES[id].painPoint))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });
});

describe('resolveAuditConfig', () => {
  it('applies saved settings, then the caller’s overrides', () => {
    const { config, problems } = resolveAuditConfig(
      [
        { rule: 'kpi-smart', enabled: 'false' },
        { rule: 'resource-overrun', severity: 'error', tolerance: '25.5' }
      ],
      'Collaboration_1',
      { 'kpi-smart': { enabled: true }, 'resource-overrun': { severity: 'info' } }
    );
    expect(problems).toEqual([]);
    expect(config['kpi-smart'].enabled).toBe(true);
    expect(config['resource-overrun']).toEqual({ enabled: true, severity: 'info', tolerance: 25.5 });
  });

  it('keeps the defaults for what it cannot use and says why', () => {
    const { config, problems } = resolveAuditConfig(
      [{}, { rule: 'kpi-realised', enabled: 'yes', tolerance: '-1' }, { rule: 'activity-kpi', tolerance: '3' }],
      'Collaboration_1'
    );
    expect(config['kpi-realised']).toEqual({ enabled: true, severity: 'warning', tolerance: 0 });
    expect(config['activity-kpi']).toEqual({ enabled: true, severity: 'warning' });
    expect(problems.map((p) => p.message)).toEqual([
      'A rule setting names no rule; it is ignored.',
      'The rule setting for "kpi-realised" has enabled="yes"; write "true" or "false".',
      'The rule setting for "kpi-realised" has tolerance "-1"; write a number of 0 or more.',
      'The rule "activity-kpi" has no tolerance; the setting tolerance="3" is ignored.'
    ]);
  });
});

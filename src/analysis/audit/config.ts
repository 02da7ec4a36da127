import { RULE_SEVERITIES, type RuleSeverity } from '../../model/value-chain/schema';
import { parseAmount, type RuleSettingFacts } from './facts';
import { isRuleId, RULE_IDS, RULES, type RuleId } from './rules';
import type { AuditConfig, ConfigProblem, RuleConfig, RuleOverride } from './types';

/** Every rule on, with its default severity and tolerance. */
export function defaultAuditConfig(): AuditConfig {
  const config = {} as AuditConfig;
  for (const id of RULE_IDS) {
    const rule = RULES[id];
    config[id] = { enabled: true, severity: rule.defaultSeverity, ...(rule.defaultTolerance !== undefined ? { tolerance: rule.defaultTolerance } : {}) };
  }
  return config;
}

/**
 * The configuration of one audit: the defaults, then the process's ml:ruleSetting
 * elements (saved with the model), then the caller's overrides. A setting that
 * names an unknown rule or holds an invalid value is reported and the default kept,
 * so a typo in a file never switches a rule off silently.
 */
export function resolveAuditConfig(
  settings: readonly RuleSettingFacts[],
  settingsElementId: string | undefined,
  overrides: Partial<Record<RuleId, RuleOverride>> = {}
): { config: AuditConfig; problems: ConfigProblem[] } {
  const config = defaultAuditConfig();
  const problems: ConfigProblem[] = [];
  const problem = (rule: string | undefined, message: string) =>
    problems.push({ elementId: settingsElementId ?? '', ...(rule !== undefined ? { rule } : {}), message });

  for (const setting of settings) {
    if (setting.rule === undefined) {
      problem(undefined, 'A rule setting names no rule; it is ignored.');
      continue;
    }
    if (!isRuleId(setting.rule)) {
      problem(setting.rule, `The rule setting for "${setting.rule}" names no audit rule; known rules are ${RULE_IDS.join(', ')}.`);
      continue;
    }
    const current: RuleConfig = config[setting.rule];
    if (setting.enabled !== undefined) {
      if (setting.enabled === 'true' || setting.enabled === 'false') current.enabled = setting.enabled === 'true';
      else problem(setting.rule, `The rule setting for "${setting.rule}" has enabled="${setting.enabled}"; write "true" or "false".`);
    }
    if (setting.severity !== undefined) {
      if ((RULE_SEVERITIES as readonly string[]).includes(setting.severity)) current.severity = setting.severity as RuleSeverity;
      else problem(setting.rule, `The rule setting for "${setting.rule}" has severity "${setting.severity}"; write error, warning or info.`);
    }
    if (setting.tolerance !== undefined) {
      const tolerance = parseAmount(setting.tolerance).value;
      if (RULES[setting.rule].toleranceUnit === undefined) {
        problem(setting.rule, `The rule "${setting.rule}" has no tolerance; the setting tolerance="${setting.tolerance}" is ignored.`);
      } else if (tolerance === undefined) {
        problem(setting.rule, `The rule setting for "${setting.rule}" has tolerance "${setting.tolerance}"; write a number of 0 or more.`);
      } else {
        current.tolerance = tolerance;
      }
    }
  }

  for (const [id, override] of Object.entries(overrides) as Array<[RuleId, RuleOverride | undefined]>) {
    if (!override || !isRuleId(id)) continue;
    const current = config[id];
    if (override.enabled !== undefined) current.enabled = override.enabled;
    if (override.severity !== undefined) current.severity = override.severity;
    if (override.tolerance !== undefined && RULES[id].toleranceUnit !== undefined) current.tolerance = override.tolerance;
  }
  return { config, problems };
}

import type { RuleSeverity } from '../../model/value-chain/schema';

/*
 * The audit rules: ids, the pain point of DOMAIN.md §1 each one makes visible, and
 * the defaults a process may override with ml:ruleSetting. The ids are stored in
 * BPMN files (ml:ruleSetting, ml:exemption), so they never change.
 */

/** Every audit rule id, in the order reports list them (by pain point). */
export const RULE_IDS = [
  'customer-to-customer',
  'activity-kpi',
  'kpi-smart',
  'kpi-realised',
  'activity-resources',
  'resource-overrun',
  'activity-accountable',
  'handover-agreement',
  'agreement-overdue',
  'customer-promise'
] as const;

/** The id of an audit rule, as written in ml:ruleSetting and ml:exemption. */
export type RuleId = (typeof RULE_IDS)[number];

/** A pain point of DOMAIN.md §1: 1 no described process … 6 the customer promise is not kept. */
export type PainPoint = 1 | 2 | 3 | 4 | 5 | 6;

/** What a finding of a rule is about, which decides how the session re-evaluates it after an edit. */
export type RuleScope = 'chain' | 'activity' | 'flow';

/** The unit of a rule's tolerance, for settings forms and reports. */
export type ToleranceUnit = 'percent' | 'days';

/** The fixed description of one rule. */
export interface RuleDefinition {
  id: RuleId;
  painPoint: PainPoint;
  scope: RuleScope;
  defaultSeverity: RuleSeverity;
  /** Present for rules that allow a margin; the default margin in `toleranceUnit`. */
  defaultTolerance?: number;
  toleranceUnit?: ToleranceUnit;
  /** One English sentence: what the rule finds (the UI translates by rule id). */
  description: string;
}

/** The rules by id. */
export const RULES: Readonly<Record<RuleId, RuleDefinition>> = {
  'customer-to-customer': {
    id: 'customer-to-customer',
    painPoint: 1,
    scope: 'chain',
    defaultSeverity: 'warning',
    description: 'A process that does not start from the customer or does not end at the customer.'
  },
  'activity-kpi': {
    id: 'activity-kpi',
    painPoint: 2,
    scope: 'activity',
    defaultSeverity: 'warning',
    description: 'An activity without any performance measure.'
  },
  'kpi-smart': {
    id: 'kpi-smart',
    painPoint: 2,
    scope: 'activity',
    defaultSeverity: 'warning',
    description: 'A KPI lacking unit, target or period.'
  },
  'kpi-realised': {
    id: 'kpi-realised',
    painPoint: 2,
    scope: 'activity',
    defaultSeverity: 'warning',
    defaultTolerance: 0,
    toleranceUnit: 'days',
    description: 'A KPI whose period has ended without a realised value.'
  },
  'activity-resources': {
    id: 'activity-resources',
    painPoint: 3,
    scope: 'activity',
    defaultSeverity: 'warning',
    description: 'An activity without planned resources (budget or hours).'
  },
  'resource-overrun': {
    id: 'resource-overrun',
    painPoint: 3,
    scope: 'activity',
    defaultSeverity: 'warning',
    defaultTolerance: 10,
    toleranceUnit: 'percent',
    description: 'Realised budget or hours above plan by more than the tolerance.'
  },
  'activity-accountable': {
    id: 'activity-accountable',
    painPoint: 4,
    scope: 'activity',
    defaultSeverity: 'error',
    description: 'An activity without exactly one accountable role.'
  },
  'handover-agreement': {
    id: 'handover-agreement',
    painPoint: 5,
    scope: 'flow',
    defaultSeverity: 'error',
    description: 'A handover without an agreed agreement naming deliverable, provider and receiver.'
  },
  'agreement-overdue': {
    id: 'agreement-overdue',
    painPoint: 5,
    scope: 'flow',
    defaultSeverity: 'warning',
    defaultTolerance: 0,
    toleranceUnit: 'days',
    description: 'An agreement whose review date has passed.'
  },
  'customer-promise': {
    id: 'customer-promise',
    painPoint: 6,
    scope: 'chain',
    defaultSeverity: 'warning',
    description: 'A process without a customer promise.'
  }
};

/** The pain points with a short English title (the UI translates by number). */
export const PAIN_POINTS: Readonly<Record<PainPoint, string>> = {
  1: 'No described customer-to-customer process',
  2: 'No performance measurement',
  3: 'No attention to resources',
  4: 'No accountability',
  5: 'Poor collaboration at handovers',
  6: 'The customer promise is not kept'
};

/** Whether a text is one of the audit rule ids. */
export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && (RULE_IDS as readonly string[]).includes(value);
}

/** Severities from most to least serious; a `--fail-on` threshold includes everything above it. */
export const SEVERITY_RANK: Readonly<Record<RuleSeverity, number>> = { error: 3, warning: 2, info: 1 };

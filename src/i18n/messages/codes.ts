/*
 * The codes the pure layers report and the catalogues (./en.ts, ./nl.ts) word: one list
 * per kind of message. A pure layer returns a code with parameters; the catalogue of the
 * reader's language renders it (see ./render.ts and docs/architecture.md "Messages").
 */

/** The message of an audit finding (AuditFinding.messageKey). */
export const FINDING_CODES = [
  'customer-to-customer.no-customer',
  'customer-to-customer.start',
  'customer-to-customer.end',
  'customer-to-customer.start-and-end',
  'activity-kpi.missing',
  'kpi-smart.incomplete',
  'kpi-realised.missing',
  'activity-resources.missing',
  'resource-overrun.budget',
  'resource-overrun.hours',
  'activity-accountable.none',
  'activity-accountable.several',
  'handover-agreement.missing',
  'handover-agreement.not-agreed',
  'handover-agreement.incomplete',
  'agreement-overdue.passed',
  'customer-promise.no-value-chain',
  'customer-promise.missing',
  'customer-promise.empty'
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** A value-chain field or missing part as the audit evidence names it (AuditEvidence.missing). */
export const FIELD_CODES = [
  'unit',
  'target',
  'periodStart',
  'periodEnd',
  'period',
  'realised',
  'kpi',
  'resources',
  'plannedBudget',
  'plannedHours',
  'accountable',
  'agreement',
  'status:agreed',
  'deliverable',
  'providerRole',
  'receiverRole',
  'customer',
  'start-from-customer',
  'end-at-customer',
  'valueChain',
  'customerPromise',
  'text'
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];

/** An agreement status (AuditHandover.agreementStatus and the stored ml:agreement status). */
export const AGREEMENT_STATUS_CODES = [
  'agreed',
  'draft',
  'under-review',
  'missing'
] as const;
export type AgreementStatusCode = (typeof AGREEMENT_STATUS_CODES)[number];

/** An issue of the simulation's model check (SimIssue.code). */
export const SIMULATION_ISSUE_CODES = [
  'nothing-to-run',
  'no-start-event',
  'no-trigger',
  'complex-gateway',
  'dangling-flow',
  'link-without-target',
  'invalid-event-gateway',
  'boundary-without-host',
  'missing-probability',
  'probabilities-normalised',
  'invalid-probability',
  'missing-branch-probability',
  'missing-duration',
  'invalid-duration',
  'invalid-duration-range',
  'missing-planned-duration',
  'missing-realised-duration',
  'missing-realised-budget',
  'invalid-number',
  'missing-repeat-probability',
  'missing-cardinality',
  'completion-condition',
  'boundary-without-probability',
  'unsupported-timer',
  'event-gateway-race',
  'external-event',
  'several-triggers',
  'process-without-start',
  'event-subprocess',
  'compensation',
  'uncaught-error',
  'message-starts-nothing',
  'ad-hoc-subprocess',
  'recursive-call',
  'mixed-currencies',
  'missing-budget',
  'missing-rate'
] as const;
export type SimulationIssueCode = (typeof SIMULATION_ISSUE_CODES)[number];

/** The default the simulation used for missing data (SimIssue.defaultUsed), as the JSON export writes it. */
export const DEFAULT_USED_CODES = [
  'equal probabilities',
  'probabilities scaled to 100 %',
  'treated as missing',
  '50 % per branch',
  'zero duration',
  'fixed duration',
  'planned duration',
  'planned budget',
  'zero',
  '50 % repeat probability',
  '1 instance',
  '0 % (never fires)',
  'zero delay',
  'the first event to happen',
  'zero cost',
  'no budget check'
] as const;
export type DefaultUsedCode = (typeof DEFAULT_USED_CODES)[number];

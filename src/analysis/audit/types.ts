import type { Handover } from '../../model/handovers';
import type { RuleSeverity } from '../../model/value-chain/schema';
import type { PainPoint, RuleId } from './rules';

/** How one rule is applied to a process: from the defaults, the process's ml:ruleSetting and any override. */
export interface RuleConfig {
  enabled: boolean;
  severity: RuleSeverity;
  /** The margin in the rule's tolerance unit (percent or days); only for rules that have one. */
  tolerance?: number;
}

/** The configuration of every rule for one audit. */
export type AuditConfig = Record<RuleId, RuleConfig>;

/** A change to a rule's configuration given by the caller (CLI flag, UI preview); wins over ml:ruleSetting. */
export interface RuleOverride {
  enabled?: boolean;
  severity?: RuleSeverity;
  tolerance?: number;
}

/** Options of an audit. */
export interface AuditOptions {
  /** The audit date, YYYY-MM-DD: periods and review dates before it have passed. Default: today in UTC. */
  today?: string;
  /** Per rule, settings that win over the process's own ml:ruleSetting. */
  overrides?: Partial<Record<RuleId, RuleOverride>>;
}

/** A stored value a rule looked at but could not use, because it breaks the value format. */
export interface InvalidValue {
  field: string;
  /** The stored text, unchanged. */
  value: string;
}

/** Why a finding was raised: which fields are missing, which values conflict. */
export interface AuditEvidence {
  /** Names of the fields or parts that are missing (e.g. `unit`, `agreement`, `accountable`). */
  missing?: string[];
  /** The values the rule compared, by name (e.g. plannedBudget, realisedBudget, reviewDate). */
  values?: Record<string, unknown>;
  /** Stored values that break their format and were therefore treated as missing. */
  invalid?: InvalidValue[];
}

/** One finding of the audit, ready for markers, panels, reports and the command line. */
export interface AuditFinding {
  /** Stable while the model does not change what it is about: `rule|elementId|subject`. */
  id: string;
  rule: RuleId;
  severity: RuleSeverity;
  painPoint: PainPoint;
  /** The BPMN element the finding is about: activity, flow, collaboration or process. */
  elementId: string;
  elementName?: string;
  elementType: string;
  /** What inside the element is meant, when a rule can find several things there (a KPI id, `budget`, `hours`). */
  subject?: string;
  /** The innermost lane of the element (for a handover: the provider's lane). */
  laneId?: string;
  /** The pool of the element (for a handover: the provider's pool). */
  participantId?: string;
  /** The department name: ml:department name, else the lane's (or pool's) label. */
  department?: string;
  /** Translation key of the message; `params` fill its placeholders. */
  messageKey: string;
  params: Record<string, string | number>;
  /** The message in English (command line, JSON, fallback of the UI). */
  message: string;
  evidence: AuditEvidence;
}

/** The recorded reason why a rule is not applied to an element. */
export interface ExemptionRecord {
  reason?: string;
  by?: string;
  date?: string;
}

/** A finding that an ml:exemption suppressed; reports show it with the reason. */
export interface ExemptedFinding extends AuditFinding {
  exemption: ExemptionRecord;
}

/** An ml:exemption as found in the model, with whether it suppressed anything. */
export interface AuditExemption extends ExemptionRecord {
  elementId: string;
  elementName?: string;
  /** The rule id as stored (it may be unknown). */
  rule: string;
  /** Whether `rule` is one of the audit's rule ids. */
  knownRule: boolean;
  /** How many findings it suppressed in this audit. */
  suppressed: number;
}

/** A problem with the process's rule settings (unknown rule, invalid value); the default is used instead. */
export interface ConfigProblem {
  elementId: string;
  rule?: string;
  message: string;
}

/** A handover with what the audit adds: the departments and whether an agreed agreement covers it. */
export interface AuditHandover extends Handover {
  /** Department name of the provider: ml:department name, else the lane (or pool) label. */
  fromDepartment?: string;
  toDepartment?: string;
  /** Covered by an agreement that is agreed (or agreed and under review) and names deliverable, provider and receiver. */
  covered: boolean;
}

/** Findings counted per severity. */
export type SeverityCounts = Record<RuleSeverity, number>;

/** The result of an audit of one model. */
export interface AuditResult {
  /** The audit date used, YYYY-MM-DD. */
  today: string;
  config: AuditConfig;
  configProblems: ConfigProblem[];
  /** Active findings, in document order of their elements, then rule order. */
  findings: AuditFinding[];
  /** Findings suppressed by an exemption, in the same order. */
  exempted: ExemptedFinding[];
  exemptions: AuditExemption[];
  handovers: AuditHandover[];
  counts: SeverityCounts;
}

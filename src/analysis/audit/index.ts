/*
 * The audit of a value chain (issue 4): pure rules over a parsed BPMN model, an
 * incremental session for the modeler, views for the auditor, exports, the model
 * fingerprint and a semantic diff. Runs in node and in the browser.
 */
export { runAudit } from './audit';
export { createAuditSession, diffResults, type AuditSession, type AuditUpdate } from './session';
export { defaultAuditConfig, resolveAuditConfig } from './config';
export { RULES, RULE_IDS, PAIN_POINTS, SEVERITY_RANK, isRuleId, type RuleId, type PainPoint, type RuleDefinition } from './rules';
export { MESSAGE_KEYS, englishMessage, type MessageKey } from './messages';
export {
  handoverMatrix,
  matrixCell,
  raciMatrix,
  summarizeByPainPoint,
  findingsByPainPoint,
  findingsByDepartment,
  type HandoverMatrix,
  type HandoverMatrixCell,
  type MatrixDepartment,
  type RaciMatrix,
  type RaciRole,
  type RaciRow,
  type PainPointSummary
} from './views';
export type * from './types';

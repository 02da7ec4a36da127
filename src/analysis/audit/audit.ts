import type { ModdleElement } from '../../model/moddle-types';
import { AuditState } from './engine';
import type { AuditOptions, AuditResult } from './types';

/**
 * Audits a parsed BPMN model: every rule once over an index built once (lanes,
 * handovers, departments, rule settings), linear in the model size. Pure: the model
 * is only read, and the date comes from `options.today` (default: today in UTC).
 */
export function runAudit(definitions: ModdleElement, options: AuditOptions = {}): AuditResult {
  return new AuditState(definitions, options).result();
}

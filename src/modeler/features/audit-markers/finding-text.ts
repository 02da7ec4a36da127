import { msg, str } from '@lit/localize';
import type { AuditFinding, InvalidValue, RuleId } from '../../../analysis/audit';
import type { RuleSeverity } from '../../../model/value-chain/schema';
import { currentLocale } from '../../../i18n/localization';
import { agreementStatusText, fieldText, findingText, formatList } from '../../../i18n/messages/render';

/*
 * The audit in the UI language. The engine gives every finding a stable message key
 * with parameters; its sentence, the field names and the agreement statuses come from
 * the message catalogue (src/i18n/messages), the one the command line and the downloads
 * use. Labels only the UI shows (rule titles, evidence captions) are lit-localize messages.
 */

/** Looks up a role's display name by id (from the process's role catalogue). */
export type RoleNames = (roleId: string) => string | undefined;

/** "Error", "Warning", "Info" in the UI language. */
export function severityLabel(severity: RuleSeverity): string {
  switch (severity) {
    case 'error':
      return msg('Error');
    case 'warning':
      return msg('Warning');
    case 'info':
      return msg('Info');
  }
}

/** "3 errors" etc. in the UI language. */
export function severityCount(severity: RuleSeverity, count: number): string {
  switch (severity) {
    case 'error':
      return count === 1 ? msg('1 error') : msg(str`${count} errors`);
    case 'warning':
      return count === 1 ? msg('1 warning') : msg(str`${count} warnings`);
    case 'info':
      return count === 1 ? msg('1 note') : msg(str`${count} notes`);
  }
}

/** A rule's short name, e.g. "Accountable role". */
export function ruleTitle(rule: RuleId | string): string {
  switch (rule as RuleId) {
    case 'customer-to-customer':
      return msg('From customer to customer');
    case 'activity-kpi':
      return msg('Performance measure per activity');
    case 'kpi-smart':
      return msg('SMART performance measures');
    case 'kpi-realised':
      return msg('Realised performance recorded');
    case 'activity-resources':
      return msg('Planned resources per activity');
    case 'resource-overrun':
      return msg('Resources within plan');
    case 'activity-accountable':
      return msg('One accountable role per activity');
    case 'handover-agreement':
      return msg('Agreement per handover');
    case 'agreement-overdue':
      return msg('Agreements reviewed in time');
    case 'customer-promise':
      return msg('Customer promise');
    default:
      return rule;
  }
}

/** What a rule finds, in one sentence. */
export function ruleDescription(rule: RuleId): string {
  switch (rule) {
    case 'customer-to-customer':
      return msg('A process that does not start from the customer or does not end at the customer.');
    case 'activity-kpi':
      return msg('An activity without any performance measure.');
    case 'kpi-smart':
      return msg('A performance measure without unit, target score or period.');
    case 'kpi-realised':
      return msg('A performance measure whose period has ended without a realised value.');
    case 'activity-resources':
      return msg('An activity without planned budget or hours.');
    case 'resource-overrun':
      return msg('Realised budget or hours above plan by more than the tolerance.');
    case 'activity-accountable':
      return msg('An activity without exactly one accountable role.');
    case 'handover-agreement':
      return msg('A handover without an agreed agreement naming deliverable, provider and receiver.');
    case 'agreement-overdue':
      return msg('An agreement whose review date has passed.');
    case 'customer-promise':
      return msg('A process without a customer promise.');
  }
}

/** The unit of a rule's tolerance, for the settings form. */
export function toleranceUnitLabel(unit: 'percent' | 'days'): string {
  return unit === 'percent' ? msg('percent') : msg('days');
}

/** A list in the UI language: "a, b and c" / "a, b en c". */
export function joinList(items: readonly string[]): string {
  return formatList(items, currentLocale());
}

/** The name of a value-chain field or missing part as the evidence names it (from the message catalogue). */
export function fieldLabel(field: string): string {
  return fieldText(field, currentLocale());
}

/** An agreement status in words (from the message catalogue). */
export function agreementStatusLabel(status: string): string {
  return agreementStatusText(status, currentLocale());
}

/** The finding's message in the UI language, from the message catalogue (the engine's English text for a key this build does not know). */
export function findingMessage(finding: AuditFinding, roleNames: RoleNames = () => undefined): string {
  return findingText(finding, currentLocale(), roleNames);
}

/** The evidence of a finding as short lines in the UI language: what is missing, the values compared, invalid stored values. */
export function evidenceLines(finding: AuditFinding, roleNames: RoleNames = () => undefined): string[] {
  const lines: string[] = [];
  const { missing, values, invalid } = finding.evidence;
  if (missing?.length) lines.push(msg(str`Missing: ${joinList(missing.map(fieldLabel))}`));
  for (const [name, value] of Object.entries(values ?? {})) {
    const text = name === 'assignments' ? assignmentsText(value, roleNames) : name === 'accountable' ? rolesText(value, roleNames) : valueText(value);
    if (text === undefined) continue;
    lines.push(`${valueLabel(name)}: ${text}`);
  }
  for (const bad of invalid ?? []) lines.push(invalidText(bad));
  return lines;
}

/** A responsibility of the RACI scheme in words. */
export function responsibilityLabel(responsibility: string): string {
  switch (responsibility) {
    case 'accountable':
      return msg('accountable');
    case 'responsible':
      return msg('responsible');
    case 'consulted':
      return msg('consulted');
    case 'informed':
      return msg('informed');
    default:
      return responsibility;
  }
}

function assignmentsText(value: unknown, roleNames: RoleNames): string {
  const list = Array.isArray(value) ? (value as Array<{ role?: string | null; responsibility?: string | null }>) : [];
  if (list.length === 0) return msg('none');
  return list.map((a) => `${a.role ? (roleNames(a.role) ?? a.role) : '?'} (${a.responsibility ? responsibilityLabel(a.responsibility) : '?'})`).join(', ');
}

function rolesText(value: unknown, roleNames: RoleNames): string {
  const ids = Array.isArray(value) ? (value as string[]) : [];
  return ids.length ? joinList(ids.map((id) => roleNames(id) ?? id)) : msg('none');
}

function invalidText(bad: InvalidValue): string {
  return msg(str`Not a valid value in ${bad.field}: “${bad.value}”`);
}

/** Names of the compared values in the evidence. */
export function valueLabel(name: string): string {
  switch (name) {
    case 'planned':
      return msg('Planned');
    case 'realised':
      return msg('Realised');
    case 'overrunPercent':
      return msg('Overrun (%)');
    case 'tolerancePercent':
      return msg('Tolerance (%)');
    case 'currency':
      return msg('Currency');
    case 'from':
      return msg('Provider');
    case 'to':
      return msg('Receiver');
    case 'kind':
      return msg('Flow');
    case 'status':
      return msg('Agreement status');
    case 'reviewDate':
      return msg('Review date');
    case 'today':
      return msg('Audit date');
    case 'graceDays':
      return msg('Grace period (days)');
    case 'kpiId':
      return msg('Performance measure id');
    case 'kpiName':
      return msg('Performance measure');
    case 'periodEnd':
      return msg('Period end');
    case 'measurements':
      return msg('Measurements recorded');
    case 'accountable':
      return msg('Accountable roles');
    case 'assignments':
      return msg('Assignments');
    case 'customer':
      return msg('Customer lanes or pools');
    case 'startEvents':
      return msg('Start events');
    default:
      return name;
  }
}

function valueText(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') {
    if (value === 'sequence') return msg('sequence flow');
    if (value === 'message') return msg('message flow');
    if (value === 'draft' || value === 'agreed' || value === 'under-review' || value === 'missing') return agreementStatusLabel(value);
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return msg('none');
    const parts = value.map((v) =>
      v && typeof v === 'object'
        ? Object.values(v as Record<string, unknown>)
            .filter((x) => x !== null && x !== undefined)
            .join(' ')
        : String(v)
    );
    return parts.join(', ');
  }
  return JSON.stringify(value);
}

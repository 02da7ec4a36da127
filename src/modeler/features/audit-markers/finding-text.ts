import { msg, str } from '@lit/localize';
import { formatAmount, formatDecimal, formatPercentValue } from '../../../i18n/numbers';
import type { AuditFinding, InvalidValue, RuleId } from '../../../analysis/audit';
import type { RuleSeverity } from '../../../model/value-chain/schema';
import { currentLocale } from '../../../i18n/localization';

/*
 * The audit in the UI language. The engine gives every finding a stable message key
 * with parameters and an English text; here each key becomes a lit-localize message.
 * Lists inside a message (missing KPI parts, agreement fields, accountable roles) are
 * rebuilt from the evidence, because the engine's parameters hold them as English prose.
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
  return new Intl.ListFormat(currentLocale(), { style: 'long', type: 'conjunction' }).format(items);
}

/** The name of a value-chain field or missing part as the evidence names it. */
export function fieldLabel(field: string): string {
  switch (field) {
    case 'unit':
      return msg('a unit');
    case 'target':
      return msg('a target score');
    case 'periodStart':
      return msg('a period start');
    case 'periodEnd':
      return msg('a period end');
    case 'period':
      return msg('a period');
    case 'realised':
      return msg('a realised value');
    case 'kpi':
      return msg('a performance measure');
    case 'resources':
      return msg('resources');
    case 'plannedBudget':
      return msg('a planned budget');
    case 'plannedHours':
      return msg('planned hours');
    case 'accountable':
      return msg('an accountable role');
    case 'agreement':
      return msg('an agreement');
    case 'status:agreed':
      return msg('the status “agreed”');
    case 'deliverable':
      return msg('the deliverable');
    case 'providerRole':
      return msg('the provider');
    case 'receiverRole':
      return msg('the receiver');
    case 'customer':
      return msg('a customer lane or pool');
    case 'start-from-customer':
      return msg('a start at the customer');
    case 'end-at-customer':
      return msg('an end at the customer');
    case 'valueChain':
      return msg('value-chain data');
    case 'customerPromise':
      return msg('a customer promise');
    case 'text':
      return msg('a promise text');
    default:
      return field;
  }
}

/** An agreement status in words. */
export function agreementStatusLabel(status: string): string {
  switch (status) {
    case 'agreed':
      return msg('agreed');
    case 'draft':
      return msg('a draft');
    case 'under-review':
      return msg('under review');
    case 'missing':
      return msg('missing');
    default:
      return status;
  }
}

/** The SMART gaps as phrases; a wholly missing period is one gap. */
function smartGaps(missing: readonly string[]): string[] {
  const out = missing.filter((m) => m === 'unit' || m === 'target').map(fieldLabel);
  const start = missing.includes('periodStart');
  const end = missing.includes('periodEnd');
  if (start && end) out.push(fieldLabel('period'));
  else if (start) out.push(fieldLabel('periodStart'));
  else if (end) out.push(fieldLabel('periodEnd'));
  return out;
}

/** The finding's message in the UI language (the engine's English text for a key this build does not know). */
export function findingMessage(finding: AuditFinding, roleNames: RoleNames = () => undefined): string {
  const p = finding.params;
  const missing = finding.evidence.missing ?? [];
  switch (finding.messageKey) {
    case 'customer-to-customer.no-customer':
      return msg(str`“${p.chain}” marks no lane or pool as the customer, so it cannot be checked to run from customer to customer.`);
    case 'customer-to-customer.start':
      return msg(str`“${p.chain}” does not start from the customer: no start event lies with the customer or is triggered by a message from the customer.`);
    case 'customer-to-customer.end':
      return msg(str`“${p.chain}” does not end at the customer: no flow leads from the organisation back to the customer.`);
    case 'customer-to-customer.start-and-end':
      return msg(str`“${p.chain}” neither starts from the customer nor ends at the customer.`);
    case 'activity-kpi.missing':
      return msg(str`“${p.activity}” has no performance measure.`);
    case 'kpi-smart.incomplete':
      return msg(str`Performance measure “${p.kpi}” of “${p.activity}” is not SMART: it lacks ${joinList(smartGaps(missing))}.`);
    case 'kpi-realised.missing':
      return msg(str`Performance measure “${p.kpi}” of “${p.activity}” has no realised value, although its period ended on ${p.periodEnd}.`);
    case 'activity-resources.missing':
      return msg(str`“${p.activity}” has no planned resources: neither a planned budget nor planned hours.`);
    case 'resource-overrun.budget': {
      const n = overrunNumbers(finding);
      return msg(str`“${p.activity}” used a budget of ${n.amount('realised')}, ${n.percent} above the planned ${n.amount('planned')} (tolerance ${n.tolerance}).`);
    }
    case 'resource-overrun.hours': {
      const n = overrunNumbers(finding);
      return msg(str`“${p.activity}” used ${n.number('realised')} hours, ${n.percent} above the planned ${n.number('planned')} hours (tolerance ${n.tolerance}).`);
    }
    case 'activity-accountable.none':
      return msg(str`“${p.activity}” has no accountable role; exactly one role must be accountable.`);
    case 'activity-accountable.several': {
      const ids = (finding.evidence.values?.accountable as string[] | undefined) ?? [];
      const roles = ids.length ? joinList(ids.map((id) => roleNames(id) ?? id)) : String(p.roles);
      return msg(str`“${p.activity}” has ${p.count} accountable roles (${roles}); exactly one role must be accountable.`);
    }
    case 'handover-agreement.missing':
      return msg(str`The handover ${p.handover} has no agreement.`);
    case 'handover-agreement.not-agreed':
      return msg(str`The agreement on the handover ${p.handover} is ${agreementStatusLabel(String(p.status))}, not agreed.`);
    case 'handover-agreement.incomplete':
      return msg(str`The agreement on the handover ${p.handover} does not name ${joinList(missing.map(fieldLabel))}.`);
    case 'agreement-overdue.passed':
      return msg(str`The agreement on ${p.handover} was due for review on ${p.reviewDate}.`);
    case 'customer-promise.no-value-chain':
      return msg(str`“${p.chain}” has no value-chain data, so no customer promise.`);
    case 'customer-promise.missing':
      return msg(str`“${p.chain}” has no customer promise.`);
    case 'customer-promise.empty':
      return msg(str`The customer promise of “${p.chain}” states neither a text nor a target.`);
    default:
      return finding.message;
  }
}

/**
 * The figures of a resource overrun in the UI's number format ("€ 6.200,50", "19,4%"),
 * read from the finding's evidence values (numbers); the engine's English parameters
 * when a value is missing.
 */
function overrunNumbers(finding: AuditFinding) {
  const p = finding.params;
  const values = finding.evidence.values ?? {};
  const num = (key: string) => (typeof values[key] === 'number' ? (values[key] as number) : undefined);
  const currency = String(values.currency ?? p.currency ?? 'EUR');
  const overrun = num('overrunPercent');
  const tolerance = num('tolerancePercent');
  return {
    amount: (key: 'planned' | 'realised') => {
      const v = num(key);
      return v === undefined ? `${currency} ${p[key]}` : formatAmount(v, currency);
    },
    number: (key: 'planned' | 'realised') => {
      const v = num(key);
      return v === undefined ? String(p[key]) : formatDecimal(v);
    },
    percent: overrun === undefined ? `${p.percent} %` : formatPercentValue(overrun),
    tolerance: tolerance === undefined ? `${p.tolerance} %` : formatPercentValue(tolerance)
  };
}

/** The evidence of a finding as short lines in the UI language: what is missing, the values compared, invalid stored values. */
export function evidenceLines(finding: AuditFinding, roleNames: RoleNames = () => undefined): string[] {
  const lines: string[] = [];
  const { missing, values, invalid } = finding.evidence;
  if (missing?.length) lines.push(msg(str`Missing: ${joinList(missing.map(fieldLabel))}`));
  for (const [name, value] of Object.entries(values ?? {})) {
    const money = (name === 'planned' || name === 'realised') && typeof value === 'number' && typeof values?.currency === 'string';
    const text =
      name === 'assignments'
        ? assignmentsText(value, roleNames)
        : name === 'accountable'
          ? rolesText(value, roleNames)
          : money
            ? formatAmount(value as number, values!.currency as string)
            : valueText(value);
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
  if (typeof value === 'number') return formatDecimal(value);
  if (typeof value === 'boolean') return String(value);
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

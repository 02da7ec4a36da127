/*
 * The English text of every finding. The UI translates by `messageKey` with the same
 * `params` (lit-localize); the command line and the JSON export use this text. Names
 * are quoted with “ ” so they stand out in a sentence of any language.
 */

type Params = Record<string, string | number>;

const TEMPLATES = {
  'customer-to-customer.no-customer': (p: Params) =>
    `“${p.chain}” marks no lane or pool as the customer (ml:department kind="customer"), so it cannot be checked to run from customer to customer.`,
  'customer-to-customer.start': (p: Params) =>
    `“${p.chain}” does not start from the customer: no start event lies with the customer or is triggered by a message from the customer.`,
  'customer-to-customer.end': (p: Params) =>
    `“${p.chain}” does not end at the customer: no sequence flow or message flow leads from the organisation to the customer.`,
  'customer-to-customer.start-and-end': (p: Params) =>
    `“${p.chain}” neither starts from the customer nor ends at the customer: no start event is triggered by the customer and no flow leads back to the customer.`,
  'activity-kpi.missing': (p: Params) => `“${p.activity}” has no performance measure (KPI).`,
  'kpi-smart.incomplete': (p: Params) => `KPI “${p.kpi}” of “${p.activity}” is not SMART: it lacks ${p.missing}.`,
  'kpi-realised.missing': (p: Params) =>
    `KPI “${p.kpi}” of “${p.activity}” has no realised value, although its period ended on ${p.periodEnd}.`,
  'activity-resources.missing': (p: Params) => `“${p.activity}” has no planned resources: neither a planned budget nor planned hours.`,
  'resource-overrun.budget': (p: Params) =>
    `“${p.activity}” used a budget of ${p.currency} ${p.realised}, ${p.percent} % above the planned ${p.currency} ${p.planned} (tolerance ${p.tolerance} %).`,
  'resource-overrun.hours': (p: Params) =>
    `“${p.activity}” used ${p.realised} hours, ${p.percent} % above the planned ${p.planned} hours (tolerance ${p.tolerance} %).`,
  'activity-accountable.none': (p: Params) => `“${p.activity}” has no accountable role; exactly one role must be accountable.`,
  'activity-accountable.several': (p: Params) =>
    `“${p.activity}” has ${p.count} accountable roles (${p.roles}); exactly one role must be accountable.`,
  'handover-agreement.missing': (p: Params) => `The handover ${p.handover} has no agreement.`,
  'handover-agreement.not-agreed': (p: Params) => `The agreement on the handover ${p.handover} is ${p.status}, not agreed.`,
  'handover-agreement.incomplete': (p: Params) => `The agreement on the handover ${p.handover} does not name ${p.missing}.`,
  'agreement-overdue.passed': (p: Params) => `The agreement on ${p.handover} was due for review on ${p.reviewDate}.`,
  'customer-promise.no-value-chain': (p: Params) => `“${p.chain}” has no value-chain data, so no customer promise.`,
  'customer-promise.missing': (p: Params) => `“${p.chain}” has no customer promise.`,
  'customer-promise.empty': (p: Params) => `The customer promise of “${p.chain}” states neither a text nor a target.`
} satisfies Record<string, (p: Params) => string>;

/** The translation key of a finding's message. */
export type MessageKey = keyof typeof TEMPLATES;

/** Every message key, for translation completeness checks. */
export const MESSAGE_KEYS = Object.keys(TEMPLATES) as MessageKey[];

/** The English message of a finding. */
export function englishMessage(key: MessageKey, params: Params): string {
  return TEMPLATES[key](params);
}

/** Joins names as English prose: `a`, `a and b`, `a, b and c`. */
export function englishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

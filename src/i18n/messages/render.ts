import type { Catalogue, MessageLocale, MessageParams } from './catalogue';
import { AGREEMENT_STATUS_CODES, DEFAULT_USED_CODES, FIELD_CODES, FINDING_CODES, SIMULATION_ISSUE_CODES, type FindingCode } from './codes';
import { en } from './en';
import { nl } from './nl';

/*
 * Renders the codes of the pure layers in a language: the one place that turns a code
 * with parameters into text, for the UI, the command line, the downloads and the report.
 */

const CATALOGUES: Readonly<Record<MessageLocale, Catalogue>> = { en, nl };

/** The catalogue of a language. */
export function catalogue(locale: MessageLocale): Catalogue {
  return CATALOGUES[locale];
}

const has = (codes: readonly string[], code: string) => codes.includes(code);

const listFormats = new Map<MessageLocale, Intl.ListFormat>();

/** Names joined as prose in the language: "a, b and c" (British, no serial comma) / "a, b en c". */
export function formatList(items: readonly string[], locale: MessageLocale): string {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale === 'en' ? 'en-GB' : locale, { style: 'long', type: 'conjunction' })));
  return format.format(items);
}

/** A value-chain field or missing part in words (the code itself when the catalogue has none). */
export function fieldText(field: string, locale: MessageLocale): string {
  return has(FIELD_CODES, field) ? catalogue(locale).field[field as keyof Catalogue['field']] : field;
}

/** An agreement status in words (the code itself when unknown). */
export function agreementStatusText(status: string, locale: MessageLocale): string {
  return has(AGREEMENT_STATUS_CODES, status) ? catalogue(locale).agreementStatus[status as keyof Catalogue['agreementStatus']] : status;
}

/** What a finding gives to be worded: its code, parameters and, for lists, its evidence. */
export interface FindingMessageInput {
  messageKey: string;
  params: MessageParams;
  evidence: { missing?: readonly string[]; values?: Readonly<Record<string, unknown>> };
  /** The text to show for a code this catalogue does not know (a newer engine). */
  message?: string;
}

/** Looks up a role's display name by id. */
export type RoleName = (roleId: string) => string | undefined;

/** The SMART gaps as phrases; a wholly missing period is one gap. */
function smartGaps(missing: readonly string[], locale: MessageLocale): string[] {
  const out = missing.filter((m) => m === 'unit' || m === 'target').map((m) => fieldText(m, locale));
  const start = missing.includes('periodStart');
  const end = missing.includes('periodEnd');
  if (start && end) out.push(fieldText('period', locale));
  else if (start) out.push(fieldText('periodStart', locale));
  else if (end) out.push(fieldText('periodEnd', locale));
  return out;
}

/** A KPI's SMART gaps (unit, target, period start and end) as one phrase: "a unit and a period". */
export function smartGapsText(missing: readonly string[], locale: MessageLocale): string {
  return formatList(smartGaps(missing, locale), locale);
}

/** Missing value-chain fields as one phrase: "the deliverable and the receiver". */
export function fieldListText(missing: readonly string[], locale: MessageLocale): string {
  return formatList(missing.map((m) => fieldText(m, locale)), locale);
}

/**
 * An audit finding's sentence in the language. Lists (missing parts, accountable roles)
 * and the agreement status are worded from the evidence, so each language joins them
 * its own way; role names come from `roleName` when given, else the finding's own
 * `roles` parameter (the names the audit read) is used as it is.
 */
export function findingText(finding: FindingMessageInput, locale: MessageLocale, roleName?: RoleName): string {
  if (!has(FINDING_CODES, finding.messageKey)) return finding.message ?? finding.messageKey;
  const code = finding.messageKey as FindingCode;
  const missing = finding.evidence.missing ?? [];
  const p: Record<string, string | number> = { ...finding.params };
  switch (code) {
    case 'kpi-smart.incomplete':
      p.missing = smartGapsText(missing, locale);
      break;
    case 'handover-agreement.incomplete':
      p.missing = fieldListText(missing, locale);
      break;
    case 'handover-agreement.not-agreed':
      p.status = agreementStatusText(String(p.status), locale);
      break;
    case 'activity-accountable.several': {
      const ids = finding.evidence.values?.accountable;
      if (roleName && Array.isArray(ids) && ids.length > 0) p.roles = formatList(ids.map((id: string) => roleName(id) ?? id), locale);
      break;
    }
  }
  return catalogue(locale).finding[code](p);
}

/** The most names a sentence lists before "and n more". */
const MAX_NAMES = 8;

/** Names for a sentence, as given (quoted by whoever names them): at most eight, then "and n more" in the language. */
export function nameList(names: readonly string[], locale: MessageLocale): string {
  if (names.length <= MAX_NAMES) return names.join(', ');
  const more = names.length - MAX_NAMES;
  return `${names.slice(0, MAX_NAMES).join(', ')} ${locale === 'nl' ? `en nog ${more}` : `and ${more} more`}`;
}

/** What a simulation issue gives to be worded. */
export interface SimulationIssueInput {
  code: string;
  elementIds: readonly string[];
  message?: string;
}

/** A simulation model-check issue's sentence in the language, naming its elements by `nameOf` (the UI quotes names, the engine writes `"name" (id)`). */
export function simulationIssueText(issue: SimulationIssueInput, locale: MessageLocale, nameOf: (elementId: string) => string): string {
  if (!has(SIMULATION_ISSUE_CODES, issue.code)) return issue.message ?? issue.code;
  const list = nameList(issue.elementIds.map(nameOf), locale);
  return catalogue(locale).simulationIssue[issue.code as keyof Catalogue['simulationIssue']](list);
}

/** The default the simulation used for missing data, in words (the code itself when unknown). */
export function defaultUsedText(defaultUsed: string, locale: MessageLocale): string {
  return has(DEFAULT_USED_CODES, defaultUsed) ? catalogue(locale).defaultUsed[defaultUsed as keyof Catalogue['defaultUsed']] : defaultUsed;
}

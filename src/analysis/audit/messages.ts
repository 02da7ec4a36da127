import { FINDING_CODES, type FindingCode } from '../../i18n/messages/codes';
import type { MessageLocale } from '../../i18n/messages/catalogue';
import { findingText, formatList, type FindingMessageInput, type RoleName } from '../../i18n/messages/render';
import type { AuditFinding, AuditResult } from './types';

/*
 * The audit reports every finding as a code (`messageKey`) with `params` and evidence;
 * the message catalogue (src/i18n/messages) words it in a language. `message` of a
 * finding is the English text, for the JSON contract; the UI, the command line with
 * --lang and the downloads render the code in the reader's language.
 */

/** The translation key of a finding's message. */
export type MessageKey = FindingCode;

/** Every message key, for translation completeness checks. */
export const MESSAGE_KEYS: readonly MessageKey[] = FINDING_CODES;

/** The English message of a finding. */
export function englishMessage(key: MessageKey, params: FindingMessageInput['params'], evidence: FindingMessageInput['evidence'] = {}): string {
  return findingText({ messageKey: key, params, evidence }, 'en');
}

/** Joins names as English prose: `a`, `a and b`, `a, b and c`. */
export function englishList(items: readonly string[]): string {
  return formatList(items, 'en');
}

/**
 * The audit result with every finding's `message` worded in a language (codes,
 * parameters and evidence unchanged): what the command line with `--lang` and the
 * app's downloads write. English comes back as it is.
 */
export function auditResultInLanguage(result: AuditResult, locale: MessageLocale, roleName?: RoleName): AuditResult {
  if (locale === 'en' && !roleName) return result;
  const word = <F extends AuditFinding>(f: F): F => ({ ...f, message: findingText(f, locale, roleName) });
  return { ...result, findings: result.findings.map(word), exempted: result.exempted.map(word) };
}

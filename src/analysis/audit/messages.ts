import { FINDING_CODES, type FindingCode } from '../../i18n/messages/codes';
import { findingText, formatList, type FindingMessageInput } from '../../i18n/messages/render';

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

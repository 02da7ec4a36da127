import { msg, str } from '@lit/localize';
import type { FlagKind, SimFlag, SimIssue } from '../../simulation';
import { currentLocale } from '../../i18n/localization';
import { defaultUsedText as defaultUsedTextIn, simulationIssueText } from '../../i18n/messages/render';
import { formatMoney, formatNumber } from '../shared/format';

/*
 * The simulation in the UI language. Model-check issues and the defaults used are
 * worded by the message catalogue (src/i18n/messages), as on the command line; flags
 * and their legend are UI labels (lit-localize). Unknown codes fall back to the
 * engine's sentence.
 */

/** Names of the elements an issue or flag concerns, as the user sees them in the diagram. */
export type NameOf = (elementId: string) => string;

/** The model check's sentence for one issue, in the UI language (from the message catalogue). */
export function issueText(issue: SimIssue, nameOf: NameOf): string {
  return simulationIssueText(issue, currentLocale(), (id) => `"${nameOf(id)}"`);
}

/** The default the engine used instead of missing data, in words (from the message catalogue). */
export function defaultUsedText(defaultUsed: string): string {
  return defaultUsedTextIn(defaultUsed, currentLocale());
}

/** The short name of a flag kind, for lists and legends. */
export function flagKindLabel(kind: FlagKind): string {
  switch (kind) {
    case 'handover-without-agreement':
      return msg('Handover without agreement');
    case 'missing-accountable':
      return msg('No one accountable');
    case 'handover-overdue':
      return msg('Handover too late');
    case 'budget-exceeded':
      return msg('Budget exceeded');
    case 'deadlock':
      return msg('Deadlock');
    case 'step-limit':
      return msg('Endless loop (step limit)');
    case 'dead-end':
      return msg('Dead end');
    case 'unreachable':
      return msg('Unreachable');
  }
}

/** What a flag kind means for the chain, in one sentence for the legend under the flag table. */
export function flagKindHelp(kind: FlagKind): string {
  switch (kind) {
    case 'handover-without-agreement':
      return msg('Work passed from one department to another where no agreed agreement covers the handover.');
    case 'missing-accountable':
      return msg('A step was carried out while nobody is recorded as accountable for it.');
    case 'handover-overdue':
      return msg('The receiving department started later than the agreement allows after the provider was done.');
    case 'budget-exceeded':
      return msg('A step cost more than its planned budget, for instance because rework repeated it.');
    case 'deadlock':
      return msg('A case got stuck: it waits for something that will never come.');
    case 'step-limit':
      return msg('A case went round a loop so often that it was stopped.');
    case 'dead-end':
      return msg('A step from which no end event can be reached.');
    case 'unreachable':
      return msg('A step that no case can ever reach.');
  }
}

/** Hours as the user reads them: "36 h" or "2,5 days" when longer than two days. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return '–';
  if (Math.abs(hours) >= 48) {
    const days = formatNumber(Math.round((hours / 24) * 10) / 10);
    return msg(str`${days} days`);
  }
  const h = formatNumber(Math.round(hours * 10) / 10);
  return msg(str`${h} h`);
}

/** The sentence for one flag of an interactive run, in the UI language. */
export function flagText(flag: SimFlag, nameOf: NameOf, currency: string): string {
  const name = `"${nameOf(flag.elementId)}"`;
  const data = flag.data ?? {};
  const num = (key: string) => (typeof data[key] === 'number' ? (data[key] as number) : NaN);
  switch (flag.kind) {
    case 'handover-without-agreement':
      return msg(str`The work crossed the handover ${name} without an agreed agreement.`);
    case 'missing-accountable':
      return msg(str`${name} was carried out without anyone accountable for it.`);
    case 'handover-overdue': {
      const elapsed = formatHours(num('elapsedHours'));
      const due = formatHours(num('dueHours'));
      return msg(str`After the handover ${name} the receiver started ${elapsed} after the provider was done; the agreement allows ${due}.`);
    }
    case 'budget-exceeded': {
      const cost = formatMoney(num('cost'), currency);
      const budget = formatMoney(num('budget'), currency);
      return msg(str`${name} cost ${cost} against a planned budget of ${budget}.`);
    }
    case 'deadlock':
      return msg(str`A token at ${name} can never go on (deadlock).`);
    case 'step-limit':
      return msg(str`The case stopped at ${name} after too many steps: an endless loop?`);
    case 'dead-end':
      return msg(str`${name} has no path to an end event.`);
    case 'unreachable':
      return msg(str`${name} cannot be reached from any start event.`);
  }
}

import { msg, str } from '@lit/localize';
import type { FlagKind, SimFlag, SimIssue } from '../../simulation';
import { formatMoney, formatNumber } from '../shared/format';

/*
 * The engine words its issues and flags in English for the command line; the panel
 * says the same in the UI language, per issue code and flag kind, with the names
 * of the elements involved. Unknown codes fall back to the engine's sentence.
 */

/** Names of the elements an issue or flag concerns, as the user sees them in the diagram. */
export type NameOf = (elementId: string) => string;

/** A list of names for a sentence: at most eight, then "and n more". */
export function nameList(ids: readonly string[], nameOf: NameOf): string {
  const names = ids.map((id) => `"${nameOf(id)}"`);
  if (names.length <= 8) return names.join(', ');
  const more = names.length - 8;
  return `${names.slice(0, 8).join(', ')} ${msg(str`and ${more} more`)}`;
}

/** The model check's sentence for one issue, in the UI language. */
export function issueText(issue: SimIssue, nameOf: NameOf): string {
  const list = nameList(issue.elementIds, nameOf);
  switch (issue.code) {
    case 'nothing-to-run':
      return msg('The model contains no process with steps, so there is nothing to simulate.');
    case 'no-start-event':
      return msg(str`No process has a start event (${list}), so a case has nowhere to begin. Add a start event, for example where the customer triggers the chain.`);
    case 'no-trigger':
      return msg(str`Every start event waits for a message from another element (${list}), so no case can begin. Give the customer's pool or lane a start event of its own.`);
    case 'complex-gateway':
      return msg(str`Complex gateways cannot be simulated: ${list}. Use an exclusive, inclusive or parallel gateway instead.`);
    case 'dangling-flow':
      return msg(str`Sequence flows without a source or a target: ${list}.`);
    case 'link-without-target':
      return msg(str`Link events without a matching link catch event in the same process: ${list}.`);
    case 'invalid-event-gateway':
      return msg(str`Event-based gateways may only lead to intermediate catch events or receive tasks: ${list}.`);
    case 'boundary-without-host':
      return msg(str`Boundary events that are not attached to an activity: ${list}.`);
    case 'missing-probability':
      return msg(str`The outgoing flows of ${list} have no probability; the share not given is split equally over them.`);
    case 'probabilities-normalised':
      return msg(str`The probabilities after ${list} do not add up to 100 %; they were scaled to 100 %.`);
    case 'invalid-probability':
      return msg(str`Probabilities that are not a number from 0 to 100 were ignored on ${list}.`);
    case 'missing-branch-probability':
      return msg(str`Flows after an inclusive gateway or conditional flows without a probability: ${list}; each is taken in half of the cases.`);
    case 'missing-duration':
    case 'missing-planned-duration':
      return msg(str`No duration is given for ${list}; they take no time.`);
    case 'invalid-duration':
      return msg(str`Durations that are not written as ISO 8601 (such as PT4H or P2D) were ignored on ${list}; they take no time.`);
    case 'invalid-duration-range':
      return msg(str`The minimum, most likely and maximum durations of ${list} are incomplete or out of order; a fixed duration is used instead.`);
    case 'missing-realised-duration':
      return msg(str`No realised duration for ${list}; the realised scenario uses the planned duration.`);
    case 'missing-realised-budget':
      return msg(str`No realised budget for ${list}; the realised scenario uses the planned budget.`);
    case 'invalid-number':
      return msg(str`Numbers that could not be read were ignored on ${list}.`);
    case 'missing-repeat-probability':
      return msg(str`Repeating activities without a repeat probability: ${list}; each repetition happens in half of the cases.`);
    case 'missing-cardinality':
      return msg(str`Multi-instance activities without a number of instances: ${list}; they run once.`);
    case 'completion-condition':
      return msg(str`Completion conditions are not evaluated: ${list}; all instances run.`);
    case 'boundary-without-probability':
      return msg(str`Boundary events without a probability of firing: ${list}; they never fire.`);
    case 'unsupported-timer':
      return msg(str`Timers with a date or a cycle instead of a duration: ${list}; they use their simulation delay, or no wait at all.`);
    case 'external-event':
      return msg(str`Catch events that nothing in the model triggers: ${list}; they pass after their simulation delay, or at once.`);
    case 'several-triggers':
      return msg(str`Processes with several start events: ${list}; each case starts at one of them, by their probability or else equally.`);
    case 'process-without-start':
      return msg(str`Processes without a start event: ${list}; they only run where a message reaches them.`);
    case 'event-subprocess':
      return msg(str`Event sub-processes are not simulated: ${list}.`);
    case 'compensation':
      return msg(str`Compensation is not simulated: ${list}.`);
    case 'uncaught-error':
      return msg(str`Error or escalation end events that no boundary event catches: ${list}; they end like a plain end event.`);
    case 'message-starts-nothing':
      return msg(str`Messages to pools without a message start event: ${list}; they count as handovers but start nothing.`);
    case 'ad-hoc-subprocess':
      return msg(str`Ad-hoc sub-processes run as one step with their own duration: ${list}.`);
    case 'recursive-call':
      return msg(str`Call activities that call a process already being called: ${list}; they run as one step.`);
    case 'mixed-currencies':
      return msg(str`Budgets in different currencies are added up as they are: ${list}.`);
    case 'missing-budget':
      return msg(str`No planned budget for ${list}; they cost nothing in the simulation.`);
    case 'event-gateway-race':
      return msg(str`At ${list} the case waits for a message from another part of the chain: the first message or timer decides the route, so the probabilities on the flows are not used.`);
    default:
      return issue.message;
  }
}

/** The default the engine used instead of missing data, in words. */
export function defaultUsedText(defaultUsed: string): string {
  switch (defaultUsed) {
    case 'equal probabilities':
      return msg('equal probabilities');
    case 'zero duration':
      return msg('zero duration');
    case 'probabilities scaled to 100 %':
      return msg('probabilities scaled to 100 %');
    case 'treated as missing':
      return msg('treated as missing');
    case '50 % per branch':
      return msg('50 % per branch');
    case 'fixed duration':
      return msg('fixed duration');
    case 'planned duration':
      return msg('planned duration');
    case 'planned budget':
      return msg('planned budget');
    case 'zero':
      return msg('zero');
    case '50 % repeat probability':
      return msg('50 % repeat probability');
    case '1 instance':
      return msg('1 instance');
    case '0 % (never fires)':
      return msg('never fires');
    case 'zero delay':
      return msg('no waiting time');
    case 'zero cost':
      return msg('no cost');
    case 'the first event to happen':
      return msg('the first event to happen');
    default:
      return defaultUsed;
  }
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

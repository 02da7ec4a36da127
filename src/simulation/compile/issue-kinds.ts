/**
 * Every issue the simulation compiler can report: its severity, the default it uses
 * for the missing data and the scenario it concerns. The words are in the message
 * catalogue (src/i18n/messages, by the same code), for every language.
 */
import type { DefaultUsedCode, SimulationIssueCode } from '../../i18n/messages/codes';
import type { Scenario, SimIssue } from '../model';

export type IssueKind = { severity: SimIssue['severity']; defaultUsed?: DefaultUsedCode; scenario?: Scenario };

/** Every issue code with what the compiler reports besides the words. */
export const ISSUE_KINDS: Readonly<Record<SimulationIssueCode, IssueKind>> = {
  'nothing-to-run': { severity: 'error' },
  'no-start-event': { severity: 'error' },
  'no-trigger': { severity: 'error' },
  'complex-gateway': { severity: 'error' },
  'dangling-flow': { severity: 'error' },
  'link-without-target': { severity: 'error' },
  'invalid-event-gateway': { severity: 'error' },
  'boundary-without-host': { severity: 'error' },
  'missing-probability': { severity: 'warning', defaultUsed: 'equal probabilities' },
  'probabilities-normalised': { severity: 'warning', defaultUsed: 'probabilities scaled to 100 %' },
  'invalid-probability': { severity: 'warning', defaultUsed: 'treated as missing' },
  'missing-branch-probability': { severity: 'warning', defaultUsed: '50 % per branch' },
  'missing-duration': { severity: 'warning', defaultUsed: 'zero duration' },
  'invalid-duration': { severity: 'warning', defaultUsed: 'zero duration' },
  'invalid-duration-range': { severity: 'warning', defaultUsed: 'fixed duration' },
  'missing-planned-duration': { severity: 'warning', defaultUsed: 'zero duration', scenario: 'planned' },
  'missing-realised-duration': { severity: 'warning', defaultUsed: 'planned duration', scenario: 'realised' },
  'missing-realised-budget': { severity: 'warning', defaultUsed: 'planned budget', scenario: 'realised' },
  'invalid-number': { severity: 'warning', defaultUsed: 'zero' },
  'missing-repeat-probability': { severity: 'warning', defaultUsed: '50 % repeat probability' },
  'missing-cardinality': { severity: 'warning', defaultUsed: '1 instance' },
  'completion-condition': { severity: 'info' },
  'boundary-without-probability': { severity: 'warning', defaultUsed: '0 % (never fires)' },
  'unsupported-timer': { severity: 'warning', defaultUsed: 'zero delay' },
  'event-gateway-race': { severity: 'info', defaultUsed: 'the first event to happen' },
  'external-event': { severity: 'warning', defaultUsed: 'zero delay' },
  'several-triggers': { severity: 'warning', defaultUsed: 'equal probabilities' },
  'process-without-start': { severity: 'warning' },
  'event-subprocess': { severity: 'warning' },
  'compensation': { severity: 'warning' },
  'uncaught-error': { severity: 'warning' },
  // A message to a pool that is already under way (an interim notice to the customer) is normal modelling.
  'message-starts-nothing': { severity: 'info' },
  'ad-hoc-subprocess': { severity: 'info' },
  'recursive-call': { severity: 'warning' },
  'mixed-currencies': { severity: 'warning' },
  'missing-budget': { severity: 'info', defaultUsed: 'no budget check' },
  'missing-rate': { severity: 'info', defaultUsed: 'zero cost' }
};

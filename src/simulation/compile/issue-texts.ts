/**
 * The wording of every issue the simulation compiler can report. Kept apart from the
 * compiler so the prose can become message codes without touching the compiler.
 */
import type { Scenario, SimIssue } from '../model';

export type IssueText = { severity: SimIssue['severity']; text: (list: string) => string; defaultUsed?: string; scenario?: Scenario };

/** Every issue the compiler can report, with its wording; `list` names the elements. */
export const ISSUE_TEXTS: Record<string, IssueText> = {
  'nothing-to-run': { severity: 'error', text: () => 'The model contains no process with flow elements, so there is nothing to simulate.' },
  'no-start-event': {
    severity: 'error',
    text: (list) =>
      `No process has a start event (${list}), so a case has nowhere to begin. Add a start event, for example where the customer triggers the chain.`
  },
  'no-trigger': {
    severity: 'error',
    text: (list) =>
      `Every start event waits for a message sent by another element (${list}), so no case can begin. Give the customer's pool or lane a start event of its own.`
  },
  'complex-gateway': {
    severity: 'error',
    text: (list) => `Complex gateways cannot be simulated: ${list}. Use exclusive, inclusive or parallel gateways instead.`
  },
  'dangling-flow': { severity: 'error', text: (list) => `Sequence flows without a source or a target: ${list}.` },
  'link-without-target': {
    severity: 'error',
    text: (list) => `Link throw events without a matching link catch event in the same process: ${list}.`
  },
  'invalid-event-gateway': {
    severity: 'error',
    text: (list) => `Event-based gateways must lead only to intermediate catch events or receive tasks: ${list}.`
  },
  'boundary-without-host': { severity: 'error', text: (list) => `Boundary events not attached to an activity: ${list}.` },
  'missing-probability': {
    severity: 'warning',
    text: (list) =>
      `Outgoing flows without a probability (ml:simulation probability) after ${list}; the share not given is split equally over them.`,
    defaultUsed: 'equal probabilities'
  },
  'probabilities-normalised': {
    severity: 'warning',
    text: (list) => `The probabilities on the outgoing flows of ${list} do not add up to 100 %; they were scaled to 100 %.`,
    defaultUsed: 'probabilities scaled to 100 %'
  },
  'invalid-probability': {
    severity: 'warning',
    text: (list) => `Probabilities that are not a number from 0 to 100 were ignored on ${list}.`,
    defaultUsed: 'treated as missing'
  },
  'missing-branch-probability': {
    severity: 'warning',
    text: (list) =>
      `Flows after an inclusive gateway or conditional flows without a probability: ${list}; each is taken in half of the cases.`,
    defaultUsed: '50 % per branch'
  },
  'missing-duration': {
    severity: 'warning',
    text: (list) => `No duration is given for ${list}; they take no time.`,
    defaultUsed: 'zero duration'
  },
  'invalid-duration': {
    severity: 'warning',
    text: (list) => `Durations that are not ISO 8601 (such as PT4H or P2D) were ignored on ${list}; they take no time.`,
    defaultUsed: 'zero duration'
  },
  'invalid-duration-range': {
    severity: 'warning',
    text: (list) =>
      `The min, most likely and max durations of ${list} are incomplete or out of order; a fixed duration is used instead (the planned one, or the middle of the values given).`,
    defaultUsed: 'fixed duration'
  },
  'missing-planned-duration': {
    severity: 'warning',
    scenario: 'planned',
    text: (list) => `No planned duration for ${list}; they take no time in the planned scenario.`,
    defaultUsed: 'zero duration'
  },
  'missing-realised-duration': {
    severity: 'warning',
    scenario: 'realised',
    text: (list) => `No realised average duration for ${list}; the planned duration is used in the realised scenario.`,
    defaultUsed: 'planned duration'
  },
  'missing-realised-budget': {
    severity: 'warning',
    scenario: 'realised',
    text: (list) => `No realised budget for ${list}; the planned budget is used in the realised scenario.`,
    defaultUsed: 'planned budget'
  },
  'invalid-number': { severity: 'warning', text: (list) => `Numbers that could not be read were ignored on ${list}.`, defaultUsed: 'zero' },
  'missing-repeat-probability': {
    severity: 'warning',
    text: (list) =>
      `Loop activities without a repeat probability (ml:simulation repeatProbability): ${list}; each repetition happens in half of the cases.`,
    defaultUsed: '50 % repeat probability'
  },
  'missing-cardinality': {
    severity: 'warning',
    text: (list) => `Multi-instance activities without a numeric loop cardinality: ${list}; they run one instance.`,
    defaultUsed: '1 instance'
  },
  'completion-condition': {
    severity: 'info',
    text: (list) => `Completion conditions of multi-instance activities are not evaluated: ${list}; all instances run.`
  },
  'boundary-without-probability': {
    severity: 'warning',
    text: (list) => `Boundary events without a firing probability (ml:simulation probability): ${list}; they never fire.`,
    defaultUsed: '0 % (never fires)'
  },
  'unsupported-timer': {
    severity: 'warning',
    text: (list) => `Timers with a date or a cycle instead of a duration: ${list}; their ml:simulation delay is used, or no wait at all.`,
    defaultUsed: 'zero delay'
  },
  'event-gateway-race': {
    severity: 'info',
    text: (list) =>
      `Event-based gateways that wait for a message sent elsewhere in the model: ${list}; the first event to happen decides, so the probabilities on their flows are not used. Events there that nothing triggers and that have no ml:simulation delay never happen.`,
    defaultUsed: 'the first event to happen'
  },
  'external-event': {
    severity: 'warning',
    text: (list) => `Catch events that no element of the model triggers: ${list}; they pass after their ml:simulation delay, or at once.`,
    defaultUsed: 'zero delay'
  },
  'several-triggers': {
    severity: 'warning',
    text: (list) =>
      `Processes with several start events: ${list}; each case starts at one of them, chosen by their ml:simulation probability or else equally.`,
    defaultUsed: 'equal probabilities'
  },
  'process-without-start': {
    severity: 'warning',
    text: (list) => `Processes without a start event: ${list}; they run only where a message reaches one of their elements.`
  },
  'event-subprocess': { severity: 'warning', text: (list) => `Event sub-processes are not simulated: ${list}.` },
  compensation: { severity: 'warning', text: (list) => `Compensation is not simulated: ${list}.` },
  'uncaught-error': {
    severity: 'warning',
    text: (list) => `Error or escalation end events that no boundary event catches: ${list}; they end like a plain end event.`
  },
  'message-starts-nothing': {
    // A message to a pool that is already under way (an interim notice to the customer) is normal modelling.
    severity: 'info',
    text: (list) => `Messages to pools whose process has no message start event: ${list}; they count as handovers but start nothing.`
  },
  'ad-hoc-subprocess': { severity: 'info', text: (list) => `Ad-hoc sub-processes run as one step with their own duration: ${list}.` },
  'recursive-call': {
    severity: 'warning',
    text: (list) => `Call activities that call a process already being called: ${list}; they run as one step.`
  },
  'mixed-currencies': { severity: 'warning', text: (list) => `Budgets in different currencies are added up as they are: ${list}.` },
  'missing-budget': {
    severity: 'info',
    text: (list) => `No planned budget for ${list}; they cost nothing in the simulation.`,
    defaultUsed: 'zero cost'
  }
};

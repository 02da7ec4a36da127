import type { Catalogue } from './catalogue';

/** The messages in English: the source language, and what the JSON contract writes in `message`. */
export const en: Catalogue = {
  locale: 'en',
  finding: {
    'customer-to-customer.no-customer': (p) => `“${p.chain}” marks no lane or pool as the customer, so it cannot be checked to run from customer to customer.`,
    'customer-to-customer.start': (p) => `“${p.chain}” does not start from the customer: no start event lies with the customer or is triggered by a message from the customer.`,
    'customer-to-customer.end': (p) => `“${p.chain}” does not end at the customer: no flow leads from the organisation back to the customer.`,
    'customer-to-customer.start-and-end': (p) => `“${p.chain}” neither starts from the customer nor ends at the customer.`,
    'activity-kpi.missing': (p) => `“${p.activity}” has no performance measure.`,
    'kpi-smart.incomplete': (p) => `Performance measure “${p.kpi}” of “${p.activity}” is not SMART: it lacks ${p.missing}.`,
    'kpi-realised.missing': (p) => `Performance measure “${p.kpi}” of “${p.activity}” has no realised value, although its period ended on ${p.periodEnd}.`,
    'activity-resources.missing': (p) => `“${p.activity}” has no planned resources: neither a planned budget nor planned hours.`,
    'resource-overrun.budget': (p) => `“${p.activity}” used a budget of ${p.currency} ${p.realised}, ${p.percent} % above the planned ${p.currency} ${p.planned} (tolerance ${p.tolerance} %).`,
    'resource-overrun.hours': (p) => `“${p.activity}” used ${p.realised} hours, ${p.percent} % above the planned ${p.planned} hours (tolerance ${p.tolerance} %).`,
    'activity-accountable.none': (p) => `“${p.activity}” has no accountable role; exactly one role must be accountable.`,
    'activity-accountable.several': (p) => `“${p.activity}” has ${p.count} accountable roles (${p.roles}); exactly one role must be accountable.`,
    'handover-agreement.missing': (p) => `The handover ${p.handover} has no agreement.`,
    'handover-agreement.not-agreed': (p) => `The agreement on the handover ${p.handover} is ${p.status}, not agreed.`,
    'handover-agreement.incomplete': (p) => `The agreement on the handover ${p.handover} does not name ${p.missing}.`,
    'agreement-overdue.passed': (p) => `The agreement on ${p.handover} was due for review on ${p.reviewDate}.`,
    'customer-promise.no-value-chain': (p) => `“${p.chain}” has no value-chain data, so no customer promise.`,
    'customer-promise.missing': (p) => `“${p.chain}” has no customer promise.`,
    'customer-promise.empty': (p) => `The customer promise of “${p.chain}” states neither a text nor a target.`
  },
  field: {
    'unit': 'a unit',
    'target': 'a target score',
    'periodStart': 'a period start',
    'periodEnd': 'a period end',
    'period': 'a period',
    'realised': 'a realised value',
    'kpi': 'a performance measure',
    'resources': 'resources',
    'plannedBudget': 'a planned budget',
    'plannedHours': 'planned hours',
    'accountable': 'an accountable role',
    'agreement': 'an agreement',
    'status:agreed': 'the status “agreed”',
    'deliverable': 'the deliverable',
    'providerRole': 'the provider',
    'receiverRole': 'the receiver',
    'customer': 'a customer lane or pool',
    'start-from-customer': 'a start at the customer',
    'end-at-customer': 'an end at the customer',
    'valueChain': 'value-chain data',
    'customerPromise': 'a customer promise',
    'text': 'a promise text'
  },
  agreementStatus: {
    'agreed': 'agreed',
    'draft': 'a draft',
    'under-review': 'under review',
    'missing': 'missing'
  },
  simulationIssue: {
    'nothing-to-run': () => 'The model contains no process with steps, so there is nothing to simulate.',
    'no-start-event': (list) => `No process has a start event (${list}), so a case has nowhere to begin. Add a start event, for example where the customer triggers the chain.`,
    'no-trigger': (list) => `Every start event waits for a message from another element (${list}), so no case can begin. Give the customer's pool or lane a start event of its own.`,
    'complex-gateway': (list) => `Complex gateways cannot be simulated: ${list}. Use an exclusive, inclusive or parallel gateway instead.`,
    'dangling-flow': (list) => `Sequence flows without a source or a target: ${list}.`,
    'link-without-target': (list) => `Link events without a matching link catch event in the same process: ${list}.`,
    'invalid-event-gateway': (list) => `Event-based gateways may only lead to intermediate catch events or receive tasks: ${list}.`,
    'boundary-without-host': (list) => `Boundary events that are not attached to an activity: ${list}.`,
    'missing-probability': (list) => `The outgoing flows of ${list} have no probability; the share not given is split equally over them.`,
    'probabilities-normalised': (list) => `The probabilities after ${list} do not add up to 100 %; they were scaled to 100 %.`,
    'invalid-probability': (list) => `Probabilities that are not a number from 0 to 100 were ignored on ${list}.`,
    'missing-branch-probability': (list) => `Flows after an inclusive gateway or conditional flows without a probability: ${list}; each is taken in half of the cases.`,
    'missing-duration': (list) => `No duration is given for ${list}; they take no time.`,
    'missing-planned-duration': (list) => `No duration is given for ${list}; they take no time.`,
    'invalid-duration': (list) => `Durations that are not written as ISO 8601 (such as PT4H or P2D) were ignored on ${list}; they take no time.`,
    'invalid-duration-range': (list) => `The minimum, most likely and maximum durations of ${list} are incomplete or out of order; a fixed duration is used instead.`,
    'missing-realised-duration': (list) => `No realised duration for ${list}; the realised scenario uses the planned duration.`,
    'missing-realised-budget': (list) => `No realised budget for ${list}; the realised scenario uses the planned budget.`,
    'invalid-number': (list) => `Numbers that could not be read were ignored on ${list}.`,
    'missing-repeat-probability': (list) => `Repeating activities without a repeat probability: ${list}; each repetition happens in half of the cases.`,
    'missing-cardinality': (list) => `Multi-instance activities without a number of instances: ${list}; they run once.`,
    'completion-condition': (list) => `Completion conditions are not evaluated: ${list}; all instances run.`,
    'boundary-without-probability': (list) => `Boundary events without a probability of firing: ${list}; they never fire.`,
    'unsupported-timer': (list) => `Timers with a date or a cycle instead of a duration: ${list}; they use their simulation delay, or no wait at all.`,
    'external-event': (list) => `Catch events that nothing in the model triggers: ${list}; they pass after their simulation delay, or at once.`,
    'several-triggers': (list) => `Processes with several start events: ${list}; each case starts at one of them, by their probability or else equally.`,
    'process-without-start': (list) => `Processes without a start event: ${list}; they only run where a message reaches them.`,
    'event-subprocess': (list) => `Event sub-processes are not simulated: ${list}.`,
    'compensation': (list) => `Compensation is not simulated: ${list}.`,
    'uncaught-error': (list) => `Error or escalation end events that no boundary event catches: ${list}; they end like a plain end event.`,
    'message-starts-nothing': (list) => `Messages to pools without a message start event: ${list}; they count as handovers but start nothing.`,
    'ad-hoc-subprocess': (list) => `Ad-hoc sub-processes run as one step with their own duration: ${list}.`,
    'recursive-call': (list) => `Call activities that call a process already being called: ${list}; they run as one step.`,
    'mixed-currencies': (list) => `Budgets in different currencies are added up as they are: ${list}.`,
    'missing-budget': (list) => `No planned budget for ${list}; their costs are compared with nothing.`,
    'missing-rate': (list) => `No cost per hour for ${list}: no pool with a rate performs them; they cost nothing in the simulation (a budget is for a period, never the cost of one execution).`,
    'event-gateway-race': (list) => `At ${list} the case waits for a message from another part of the chain: the first message or timer decides the route, so the probabilities on the flows are not used.`
  },
  defaultUsed: {
    'equal probabilities': 'equal probabilities',
    'zero duration': 'zero duration',
    'probabilities scaled to 100 %': 'probabilities scaled to 100 %',
    'treated as missing': 'treated as missing',
    '50 % per branch': '50 % per branch',
    'fixed duration': 'fixed duration',
    'planned duration': 'planned duration',
    'planned budget': 'planned budget',
    'zero': 'zero',
    '50 % repeat probability': '50 % repeat probability',
    '1 instance': '1 instance',
    '0 % (never fires)': 'never fires',
    'zero delay': 'no waiting time',
    'zero cost': 'no cost',
    'no budget check': 'no budget check',
    'the first event to happen': 'the first event to happen'
  },
  cli: {
    usage: `Usage: missinglink <command> [arguments]

Commands:
  audit <files or folders…>   audit BPMN value chains for accountability gaps
  simulate <file.bpmn>        simulate a value chain (lead time, cost, handovers, queues)
  export-scenario <file.bpmn> write its simulation scenario for Prosimos (--format prosimos)
  workspace init|add-member   set up a team workspace on a CouchDB server
  push <files or folders…>    publish .bpmn files to a team workspace
  pull <folder>               write a team workspace's processes as .bpmn files

Options of every command:
  --lang nl|en                language of the output (default: from LC_ALL, LC_MESSAGES or LANG)

Run "missinglink <command> --help" for the options of a command.
`,
    auditUsage: `Usage: missinglink audit <files or folders…> [options]

Audits BPMN value chains: handovers without an agreed agreement, steps without
exactly one accountable role, KPIs and resources that are missing or overrun,
and whether the process runs from customer to customer. Folders are searched
recursively for .bpmn and .xml files.

Options:
  --format json|md|junit    output as JSON (default), a Markdown report or JUnit XML
  --fail-on error|warning   lowest severity that makes the exit code 1 (default error)
  --date YYYY-MM-DD         audit date for passed periods and review dates (default today, UTC)
  --lang nl|en              language of the messages (default from the environment's locale)
  -h, --help                show this text

Rules can be switched off, graded and given a tolerance per process with
<ml:ruleSetting> in the BPMN file; an element is exempted from a rule with
<ml:exemption> (see docs/audit.md).

Exit codes: 0 nothing at or above the threshold; 1 findings at or above it;
2 unusable arguments or files (each bad file is reported on stderr, the others
are still audited).
`,
    simulateUsage: (cases) => `Usage: missinglink simulate <file.bpmn> [options]

Runs the value chain in <file.bpmn> many times and reports lead time, cost,
handovers, flags (missing agreements, accountability, budgets, deadlocks) and
the assumptions made for missing data.

Options:
  --prosimos <scenario.json>     use the people, calendars, arrivals, durations and gateway
                                 probabilities of a Prosimos scenario instead of the model's own
  --start <ISO date-time>        when the simulated period begins, e.g. 2026-01-05T09:00
                                 (in the model's time zone) or 2026-01-05T09:00+01:00
  --cases N                      number of cases (default ${cases})
  --seed S                       random seed; the same seed gives the same numbers (default 1)
  --scenario planned|realised    use planned or realised durations and budgets (default planned)
  --format json|md               output as JSON (default) or as a Markdown report
  --lang nl|en                   language of the messages (default from the environment's locale)
  -h, --help                     show this text

JSON adds, in hours: cycleTime { mean, p50, p90, max } (arrival to the case's last
completion), waitingTime { mean } (per case, waiting for a free person),
pools [ { id, name, capacity, utilisation } ], tasks [ { id, name, count, meanWaiting,
meanProcessing } ] and capacity (findings in plain sentences, the promise on the calendar).
A model without capacity data runs with unlimited people, round the clock, and says so.

Exit codes: 0 the simulation ran; 2 the arguments, the file or the model cannot be used.
`,
    unknownCommand: (command) => `unknown command "${command}".`,
    unexpectedError: 'unexpected error',
    needsValue: (option) => `--${option} needs a value.`,
    unknownOption: (option) => `unknown option --${option}.`,
    oneOf: (option, allowed, value) => `--${option} must be ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}, not "${value}".`,
    badDate: (value) => `--date must be a date written YYYY-MM-DD, not "${value}".`,
    badCases: (value) => `--cases must be a whole number of at least 1, not "${value}".`,
    badLang: (value) => `--lang must be nl or en, not "${value}".`,
    noModelGiven: 'no BPMN file or folder given.',
    noFileGiven: 'no BPMN file given.',
    oneFileAtATime: (count) => `one BPMN file at a time, not ${count}.`,
    noSuchPath: 'No such file or folder.',
    emptyFolder: 'The folder holds no .bpmn or .xml files.',
    cannotRead: (reason) => `The file cannot be read: ${reason}`,
    warning: 'warning',
    skippedNotBpmn: 'skipped, not a BPMN file.',
    cannotBeAudited: (reason) => `The file could not be audited: ${reason}`,
    cannotBeSimulated: 'cannot be simulated as it is:',
    simulationTitle: (file) => `Simulation of ${file}`
  }
};

import { msg, str } from '@lit/localize';
import type {
  ActivityGroup,
  AgreementStatus,
  DepartmentKind,
  KpiDirection,
  ObjectiveGroup,
  Responsibility,
  SchemaIssueCode,
  StepLevel
} from '../../model/value-chain/schema';
import type { DurationUnit } from '../../modeler/features/value-chain/input-values';

/*
 * Human labels for the stored vocabulary and for the reasons a value is refused, in
 * the UI language. Functions, not constants: msg() must run after a locale switch.
 */

/** Activity groups (DOMAIN.md §3), as a marketeer names them. */
export function activityGroupLabel(value: ActivityGroup): string {
  switch (value) {
    case 'preparation':
      return msg('Internal preparation');
    case 'sowing':
      return msg('External sowing');
    case 'harvest':
      return msg('External short-term harvest');
    case 'handling':
      return msg('Internal handling');
  }
}

/** Levels of the marketing hierarchy. */
export function levelLabel(value: StepLevel): string {
  switch (value) {
    case 'concept':
      return msg('Marketing concept');
    case 'campaign':
      return msg('Campaign');
    case 'event':
      return msg('Event');
    case 'activity':
      return msg('Activity');
    case 'task':
      return msg('Task');
  }
}

/** KPI objective groups (DOMAIN.md §2), with hoeing. */
export function objectiveGroupLabel(value: ObjectiveGroup): string {
  switch (value) {
    case 'input':
      return msg('Input (spending, costs)');
    case 'throughput':
      return msg('Throughput (work done as agreed)');
    case 'customer':
      return msg('Customer-related (reach, awareness, satisfaction)');
    case 'harvest-short':
      return msg('Output: short-term harvest (≤ 1 year)');
    case 'harvest-long':
      return msg('Output: long-term harvest (> 1 year)');
    case 'sowing':
      return msg('Output: sowing (contacts, brand, relations)');
    case 'hoeing':
      return msg('Hoeing (keeping a score at its level)');
  }
}

/** How a realised value is compared with the target. */
export function directionLabel(value: KpiDirection): string {
  switch (value) {
    case 'at-most':
      return msg('At most');
    case 'at-least':
      return msg('At least');
    case 'exactly':
      return msg('Exactly');
  }
}

/** A short sign for a direction, for one-line KPI summaries. */
export function directionSign(value: KpiDirection | undefined): string {
  return value === 'at-most' ? '≤' : value === 'at-least' ? '≥' : value === 'exactly' ? '=' : '';
}

/** The life cycle of an agreement. */
export function statusLabel(value: AgreementStatus): string {
  switch (value) {
    case 'draft':
      return msg('Draft');
    case 'agreed':
      return msg('Agreed');
    case 'under-review':
      return msg('Under review');
  }
}

/** RACI letters spelled out. */
export function responsibilityLabel(value: Responsibility): string {
  switch (value) {
    case 'accountable':
      return msg('Accountable (A)');
    case 'responsible':
      return msg('Responsible (R)');
    case 'consulted':
      return msg('Consulted (C)');
    case 'informed':
      return msg('Informed (I)');
  }
}

/** Whether a lane or pool is a department or the customer. */
export function departmentKindLabel(value: DepartmentKind): string {
  return value === 'customer' ? msg('The customer') : msg('A department of the organisation');
}

/** Units for entering durations. */
export function durationUnitLabel(value: DurationUnit): string {
  switch (value) {
    case 'hours':
      return msg('hours');
    case 'days':
      return msg('days');
    case 'weeks':
      return msg('weeks');
  }
}

/** The kind of BPMN element shown in the panel's heading. */
export function elementKindLabel(type: string, detail: { eventDefinition?: string; isExpanded?: boolean } = {}): string {
  switch (type) {
    case 'bpmn:Task':
      return msg('Task');
    case 'bpmn:UserTask':
      return msg('User task');
    case 'bpmn:ServiceTask':
      return msg('Service task');
    case 'bpmn:SendTask':
      return msg('Send task');
    case 'bpmn:ReceiveTask':
      return msg('Receive task');
    case 'bpmn:ManualTask':
      return msg('Manual task');
    case 'bpmn:BusinessRuleTask':
      return msg('Business rule task');
    case 'bpmn:ScriptTask':
      return msg('Script task');
    case 'bpmn:SubProcess':
    case 'bpmn:Transaction':
    case 'bpmn:AdHocSubProcess':
      return msg('Sub-process');
    case 'bpmn:CallActivity':
      return msg('Call activity');
    case 'bpmn:Lane':
      return msg('Lane');
    case 'bpmn:Participant':
      return msg('Pool');
    case 'bpmn:SequenceFlow':
      return msg('Sequence flow');
    case 'bpmn:MessageFlow':
      return msg('Message flow');
    case 'bpmn:ExclusiveGateway':
      return msg('Exclusive gateway');
    case 'bpmn:InclusiveGateway':
      return msg('Inclusive gateway');
    case 'bpmn:ParallelGateway':
      return msg('Parallel gateway');
    case 'bpmn:EventBasedGateway':
      return msg('Event-based gateway');
    case 'bpmn:StartEvent':
      return msg('Start event');
    case 'bpmn:EndEvent':
      return msg('End event');
    case 'bpmn:BoundaryEvent':
      return msg('Boundary event');
    case 'bpmn:IntermediateCatchEvent':
    case 'bpmn:IntermediateThrowEvent':
      return msg('Intermediate event');
    case 'bpmn:Collaboration':
    case 'bpmn:Process':
      return msg('Process');
    case 'bpmn:TextAnnotation':
      return msg('Text annotation');
    default:
      return detail.eventDefinition ?? type.replace(/^bpmn:/, '');
  }
}

/** What the panel says about a field problem: the reason in the UI language, with the stored or typed text. */
export function problemText(code: SchemaIssueCode | 'probability-sum' | 'probability-missing', value?: string, sum?: number): string {
  const v = value ?? '';
  switch (code) {
    case 'required':
      return msg('This field is required.');
    case 'unknown-value':
      return msg(str`“${v}” is not one of the choices; pick one from the list.`);
    case 'not-a-number':
      return msg(str`“${v}” is not a number. Type digits, such as 1500 or 12,5.`);
    case 'negative':
      return msg(str`“${v}” is negative; it must be 0 or more.`);
    case 'not-a-percentage':
      return msg(str`“${v}” is not a percentage; type a number from 0 to 100.`);
    case 'not-a-date':
      return msg(str`“${v}” is not a date; write it as YYYY-MM-DD.`);
    case 'not-a-duration':
      return msg(str`“${v}” is not a duration; type a number and choose hours, days or weeks.`);
    case 'not-a-boolean':
      return msg(str`“${v}” must be yes or no.`);
    case 'not-a-currency':
      return msg(str`“${v}” is not a currency code such as EUR or USD.`);
    case 'period-reversed':
      return msg('The period ends before it starts.');
    case 'unit-missing':
      return msg('A target needs a unit: say what is measured, such as EUR, % or customers.');
    case 'triangle-incomplete':
      return msg('Enter minimum, most likely and maximum together.');
    case 'triangle-order':
      return msg('Minimum, most likely and maximum must be in increasing order.');
    case 'budget-group-mismatch':
      return msg('The budget group must be the activity group of this step.');
    case 'unknown-role':
      return msg(str`The role “${v}” is not in the role catalogue.`);
    case 'duplicate-id':
      return msg(str`The id “${v}” is used more than once in this model.`);
    case 'probability-sum':
      return msg(str`The outgoing flows add up to ${sum ?? 0} %; they must add up to 100 %. Not saved until they do.`);
    case 'probability-missing':
      return msg('Give every outgoing flow a probability (the default flow may take the rest). Not saved until they add up to 100 %.');
  }
}

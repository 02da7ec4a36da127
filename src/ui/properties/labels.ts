import { msg, str } from '@lit/localize';
import type { SchemaIssueCode } from '../../model/value-chain/schema';

/*
 * The panel's own words: element kinds and the reasons a value is refused, in the UI
 * language (the value-chain vocabulary is in ../common/vocabulary). Functions, not
 * constants: msg() must run after a locale switch.
 */

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

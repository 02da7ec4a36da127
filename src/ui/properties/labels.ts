import { msg } from '@lit/localize';

/*
 * The panel's own words: the kinds of BPMN element (the value-chain vocabulary is in
 * ../shared/vocabulary, the reasons a value is refused in ../shared/field-problems).
 * A function, not constants: msg() must run after a locale switch.
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

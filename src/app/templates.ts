import { msg } from '@lit/localize';

/** Escapes text for use inside an XML attribute. */
export function xmlAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The starting point of a new process: the customer as a pool, the organisation as a
 * pool with two department lanes, and the customer's trigger — so a marketeer begins
 * from the customer, as a customer-to-customer process should.
 */
export function newProcessXml(name: string): string {
  const customer = msg('Customer');
  const organisation = msg('Our organisation');
  const marketing = msg('Marketing');
  const sales = msg('Sales');
  const trigger = msg('Customer has a need');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:ml="http://missinglink.app/schema/bpmn/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="MissingLink" exporterVersion="0.1">
  <bpmn:collaboration id="Collaboration_1" name="${xmlAttr(name)}">
    <bpmn:participant id="Participant_Customer" name="${xmlAttr(customer)}" processRef="Process_Customer">
      <bpmn:extensionElements><ml:department kind="customer" name="${xmlAttr(customer)}" /></bpmn:extensionElements>
    </bpmn:participant>
    <bpmn:participant id="Participant_Organisation" name="${xmlAttr(organisation)}" processRef="Process_Organisation" />
  </bpmn:collaboration>
  <bpmn:process id="Process_Customer" isExecutable="false">
    <bpmn:startEvent id="StartEvent_Customer" name="${xmlAttr(trigger)}" />
  </bpmn:process>
  <bpmn:process id="Process_Organisation" isExecutable="false">
    <bpmn:laneSet id="LaneSet_1">
      <bpmn:lane id="Lane_Marketing" name="${xmlAttr(marketing)}">
        <bpmn:extensionElements><ml:department kind="department" name="${xmlAttr(marketing)}" /></bpmn:extensionElements>
      </bpmn:lane>
      <bpmn:lane id="Lane_Sales" name="${xmlAttr(sales)}">
        <bpmn:extensionElements><ml:department kind="department" name="${xmlAttr(sales)}" /></bpmn:extensionElements>
      </bpmn:lane>
    </bpmn:laneSet>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">
      <bpmndi:BPMNShape id="Participant_Customer_di" bpmnElement="Participant_Customer" isHorizontal="true">
        <dc:Bounds x="160" y="80" width="900" height="140" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="StartEvent_Customer_di" bpmnElement="StartEvent_Customer">
        <dc:Bounds x="232" y="132" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="208" y="175" width="85" height="27" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Participant_Organisation_di" bpmnElement="Participant_Organisation" isHorizontal="true">
        <dc:Bounds x="160" y="260" width="900" height="320" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Lane_Marketing_di" bpmnElement="Lane_Marketing" isHorizontal="true">
        <dc:Bounds x="190" y="260" width="870" height="160" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Lane_Sales_di" bpmnElement="Lane_Sales" isHorizontal="true">
        <dc:Bounds x="190" y="420" width="870" height="160" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

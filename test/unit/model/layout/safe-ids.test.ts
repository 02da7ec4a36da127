import type { ModdleElement } from '../../../../src/model/moddle-types';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../../src/model/bpmn-io';
import { prepareImport } from '../../../../src/model/layout/prepare-import';
import { makeIdsSafe } from '../../../../src/model/layout/safe-ids';
import { definitions } from '../../../support/attacks';

const xml = definitions(
  '<bpmn:laneSet id="ls"><bpmn:lane id="Lane_é"><bpmn:flowNodeRef>Début</bpmn:flowNodeRef><bpmn:flowNodeRef>constructor</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>' +
    '<bpmn:startEvent id="Début" name="constructor"><bpmn:outgoing>任务_1</bpmn:outgoing></bpmn:startEvent>' +
    '<bpmn:task id="constructor" name="Début"><bpmn:incoming>任务_1</bpmn:incoming></bpmn:task>' +
    '<bpmn:task id="constructor_id"/>' +
    '<bpmn:sequenceFlow id="任务_1" sourceRef="Début" targetRef="constructor"/>',
  '<bpmndi:BPMNShape id="s_di" bpmnElement="Début"><dc:Bounds x="0" y="0" width="36" height="36"/></bpmndi:BPMNShape>'
);

describe('ids the modeler cannot keep', () => {
  it('renames Object.prototype names and non-ASCII ids with every reference, and leaves names alone', async () => {
    const { text, renamed } = makeIdsSafe(xml);
    expect([...renamed]).toEqual([
      ['Lane_é', 'Lane_e'],
      ['Début', 'Debut'],
      ['constructor', 'constructor_id_2'],
      ['任务_1', '_4efb_52a1_1']
    ]);
    const { definitions: read, warnings } = await parseBpmn(text);
    expect(warnings).toEqual([]);
    const process = read.rootElements![0]!;
    const [start, task] = process.flowElements! as [ModdleElement, ModdleElement];
    expect([start.id, start.name, task.id, task.name]).toEqual(['Debut', 'constructor', 'constructor_id_2', 'Début']);
    const flow = process.flowElements!.find((e) => e.id === '_4efb_52a1_1')!;
    expect([flow.sourceRef, flow.targetRef]).toEqual([start, task]);
    expect(start.outgoing).toEqual([flow]);
    expect(process.laneSets![0]!.lanes![0]!.flowNodeRef).toEqual([start, task]);
    expect(read.diagrams![0]!.plane!.planeElement![0]!.bpmnElement).toBe(start);
  });

  it('tells the user at import which id became which', async () => {
    const prepared = await prepareImport(xml);
    expect(prepared.warnings).toContain('The id "Début" cannot be kept by the modeler; the element now has the id "Debut".');
    expect(prepared.warnings).toContain('The id "constructor" cannot be kept by the modeler; the element now has the id "constructor_id_2".');
  });

  it('changes nothing in a file with ordinary ids, and keeps the ids of MissingLink roles', () => {
    const plain = definitions('<bpmn:task id="Task_1" name="constructor"/>');
    expect(makeIdsSafe(plain).text).toBe(plain);
    const roles = '<ml:role id="constructor" name="CMO"/><bpmn:task id="t"/>';
    expect(makeIdsSafe(roles).renamed.size).toBe(0);
  });
});

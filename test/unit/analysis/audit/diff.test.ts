import { describe, expect, it } from 'vitest';
import { diffModels, flattenExtensions } from '../../../../src/analysis/audit/diff';
import { parseBpmn } from '../../../../src/model/bpmn-io';
import type { ModdleElement } from '../../../../src/model/moddle-types';
import { repoFile } from './support';

const example = repoFile('docs/examples/value-chain-example.bpmn');
const parse = async (xml: string) => (await parseBpmn(xml)).definitions;

describe('diffModels', () => {
  it('finds nothing between a model and itself', async () => {
    expect(diffModels(await parse(example), await parse(example))).toEqual({ added: [], removed: [], changed: [], layoutChanged: [], identical: true });
  });

  it('reports a renamed task with the old and the new name', async () => {
    const diff = diffModels(await parse(example), await parse(example.replace('name="Visit customer"', 'name="Visit the customer"')));
    expect(diff.changed).toEqual([
      { id: 'Task_visit', type: 'bpmn:Task', name: 'Visit the customer', changes: [{ property: 'name', before: 'Visit customer', after: 'Visit the customer' }] }
    ]);
  });

  it('reports value-chain changes field by field, which bpmn-js-differ alone does not', async () => {
    const after = example
      .replace('target="16" realised="12"', 'target="18" realised="12"')
      .replace('<ml:assignment role="role-controller" responsibility="informed" />', '')
      .replace('status="draft" notes=', 'status="agreed" notes=');
    const diff = diffModels(await parse(example), await parse(after));
    expect(diff.changed.map((c) => [c.id, c.changes])).toEqual([
      ['Message_invitation', [{ property: 'ml:agreement.status', before: 'draft', after: 'agreed' }]],
      ['Task_select', [{ property: 'ml:step.kpi[Kpi_selectionHours].target', before: '16', after: '18' }]],
      [
        'Task_mail',
        [
          { property: 'ml:step.assignment[1].role', before: 'role-controller' },
          { property: 'ml:step.assignment[1].responsibility', before: 'informed' }
        ]
      ]
    ]);
    expect(diff.identical).toBe(false);
  });

  it('reports added and removed elements and moved shapes', async () => {
    const after = example
      .replace('<bpmn:flowNodeRef>End_noInterest</bpmn:flowNodeRef>', '<bpmn:flowNodeRef>End_noInterest</bpmn:flowNodeRef><bpmn:flowNodeRef>Task_extra</bpmn:flowNodeRef>')
      .replace('<bpmn:task id="Task_visit"', '<bpmn:task id="Task_extra" name="Call back" />\n    <bpmn:task id="Task_visit"')
      .replace(/<bpmn:messageFlow id="Message_reply"[^>]*\/>/, '')
      .replace(/(<bpmndi:BPMNShape id="Task_select_di"[^>]*>\s*<dc:Bounds x=")(\d+)/, (_, a, x) => `${a}${Number(x) + 20}`);
    const diff = diffModels(await parse(example), await parse(after));
    expect(diff.added).toEqual([{ id: 'Task_extra', type: 'bpmn:Task', name: 'Call back' }]);
    expect(diff.removed).toEqual([{ id: 'Message_reply', type: 'bpmn:MessageFlow', name: 'Reply' }]);
    expect(diff.layoutChanged.map((e) => e.id)).toContain('Task_select');
  });
});

describe('flattenExtensions', () => {
  it('gives the same paths for typed ml: elements and for generic ones read without the ml: package', async () => {
    const { BpmnModdle } = await import('bpmn-moddle');
    const generic = (await new BpmnModdle().fromXML(example)).rootElement;
    const typed = await parse(example);
    const task = (defs: ModdleElement) => defs.rootElements!.find((r) => r.$type === 'bpmn:Process')!.flowElements!.find((e: ModdleElement) => e.id === 'Task_mail');
    const paths = flattenExtensions(task(typed)!);
    expect(paths.get('ml:step.kpi[Kpi_responseRate].measurement[1].value')).toBe('35');
    expect(flattenExtensions(task(generic)!)).toEqual(paths);
  });
});

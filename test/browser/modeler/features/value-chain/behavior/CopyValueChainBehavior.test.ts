import { describe, expect, it } from 'vitest';
import xml from './CopyValueChainBehavior.bpmn?raw';
import { mountModeler, type Shape } from '../../../../support/modeler';
import { getExtension } from '../../../../../../src/model/value-chain/extension';
import type { ModdleElement } from '../../../../../../src/model/moddle-types';

interface CopyPaste {
  copy(elements: unknown[]): void;
  paste(context: { element: unknown; point: { x: number; y: number } }): Shape[];
}
interface BpmnReplace {
  replaceElement(element: unknown, target: { type: string }): Shape;
}
interface CommandStack {
  undo(): void;
  redo(): void;
}
interface ElementRegistry {
  filter(fn: (element: Shape) => boolean): Shape[];
}

function kpiIds(bo: ModdleElement): string[] {
  return ((getExtension(bo, 'ml:Step')?.kpis as ModdleElement[] | undefined) ?? []).map((k) => k.id ?? '');
}

/** The tasks of the diagram other than the two the fixture has. */
function pastedTasks(registry: ElementRegistry): Shape[] {
  return registry.filter((e) => e.type === 'bpmn:Task' && e.id !== 'Task_data' && e.id !== 'Task_plain');
}

/*
 * CopyValueChainBehavior: pasted and replaced elements keep their value-chain data,
 * with fresh KPI ids, and ml: data goes only where the descriptor allows it.
 */
describe('CopyValueChainBehavior', () => {
  it('gives a pasted task the KPIs of the copied one under fresh ids; undo removes the copy, redo brings the same ids back', async () => {
    // given a task with the KPI Kpi_reach
    const m = await mountModeler(xml);
    const original = await m.xml();
    const copyPaste = m.get<CopyPaste>('copyPaste');
    const registry = m.get<ElementRegistry>('elementRegistry');
    // when it is copied and pasted into the pool
    copyPaste.copy([m.shape('Task_data')]);
    copyPaste.paste({ element: m.shape('Pool_org'), point: { x: 600, y: 240 } });
    // then the copy carries the step with a KPI of a new id, and is reported
    const [pasted] = pastedTasks(registry);
    expect(pasted).toBeDefined();
    const [freshId] = kpiIds(pasted!.businessObject);
    expect(freshId).toMatch(/^Kpi_/);
    expect(freshId).not.toBe('Kpi_reach');
    expect(kpiIds(m.shape('Task_data').businessObject)).toEqual(['Kpi_reach']);
    expect(m.changes.at(-1)).toEqual({ elementIds: [pasted!.id], trigger: 'execute' });
    // when undone, the copy is gone and the file is as before
    m.get<CommandStack>('commandStack').undo();
    expect(pastedTasks(registry)).toEqual([]);
    expect(await m.xml()).toBe(original);
    // when redone, the copy is back with the same fresh KPI id
    m.get<CommandStack>('commandStack').redo();
    expect(kpiIds(pastedTasks(registry)[0]!.businessObject)).toEqual([freshId]);
  });

  it('keeps the step when a task becomes a user task, with fresh KPI ids', async () => {
    const m = await mountModeler(xml);
    const replaced = m.get<BpmnReplace>('bpmnReplace').replaceElement(m.shape('Task_data'), { type: 'bpmn:UserTask' });
    const ids = kpiIds(replaced.businessObject);
    expect(ids).toHaveLength(1);
    expect(ids[0]).not.toBe('Kpi_reach');
    m.get<CommandStack>('commandStack').undo();
    expect(kpiIds(m.shape('Task_data').businessObject)).toEqual(['Kpi_reach']);
  });

  it('does not carry step data onto a gateway, and does not report a pasted element without ml: data', async () => {
    const m = await mountModeler(xml);
    // when a task with a step is replaced by a gateway
    const gateway = m.get<BpmnReplace>('bpmnReplace').replaceElement(m.shape('Task_data'), { type: 'bpmn:ExclusiveGateway' });
    // then the gateway has no ml:step (a step belongs on activities only)
    expect(getExtension(gateway.businessObject, 'ml:Step')).toBeUndefined();
    expect(await m.xml()).not.toContain('ml:step');
    // and it is not reported as an element with value-chain data (only the replaced task, deleted, is)
    expect(m.changes.flatMap((c) => c.elementIds)).toEqual(['Task_data']);
    // and a pasted task without ml: data is no value-chain change
    const copyPaste = m.get<CopyPaste>('copyPaste');
    copyPaste.copy([m.shape('Task_plain')]);
    copyPaste.paste({ element: m.shape('Pool_org'), point: { x: 600, y: 240 } });
    expect(m.changes.flatMap((c) => c.elementIds)).toEqual(['Task_data']);
  });
});

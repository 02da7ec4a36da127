import { describe, expect, it } from 'vitest';
import xml from './DeleteValueChainBehavior.bpmn?raw';
import { mountModeler } from '../../../../support/modeler';

interface Modeling {
  removeElements(elements: unknown[]): void;
}
interface CommandStack {
  undo(): void;
  redo(): void;
}

/*
 * DeleteValueChainBehavior: deleting an element takes its value-chain data along and
 * undo brings it back; the behaviour reports both in valueChain.changed.
 */
describe('DeleteValueChainBehavior', () => {
  it('reports a deleted element with value-chain data, and undo / redo bring it back and take it away', async () => {
    // given a task with a step and a KPI
    const m = await mountModeler(xml);
    // when the task is deleted
    m.get<Modeling>('modeling').removeElements([m.shape('Task_data')]);
    // then its data is gone from the file and the panels hear about it
    const deleted = await m.xml();
    expect(deleted).not.toContain('Kpi_reach');
    expect(m.changes).toEqual([{ elementIds: ['Task_data'], trigger: 'execute' }]);
    // when undone, the task and its KPI are back (bpmn-js puts the task back last among its siblings)
    m.get<CommandStack>('commandStack').undo();
    expect(m.shape('Task_data').businessObject.extensionElements!.values![0].kpis![0].id).toBe('Kpi_reach');
    expect(await m.xml()).toContain('<ml:kpi id="Kpi_reach" name="Bereik" unit="%" target="12" />');
    expect(m.changes[1]).toEqual({ elementIds: ['Task_data'], trigger: 'undo' });
    // when redone, they are gone again
    m.get<CommandStack>('commandStack').redo();
    expect(await m.xml()).toBe(deleted);
    expect(m.changes[2]).toEqual({ elementIds: ['Task_data'], trigger: 'redo' });
  });

  it('does not fire for an element without value-chain data', async () => {
    const m = await mountModeler(xml);
    m.get<Modeling>('modeling').removeElements([m.shape('Task_plain')]);
    m.get<CommandStack>('commandStack').undo();
    m.get<CommandStack>('commandStack').redo();
    expect(m.changes).toEqual([]);
  });
});

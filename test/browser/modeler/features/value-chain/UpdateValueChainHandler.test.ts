import { describe, expect, it } from 'vitest';
import xml from './UpdateValueChainHandler.bpmn?raw';
import { mountModeler } from '../../../support/modeler';
import type ValueChainEditor from '../../../../../src/modeler/features/value-chain/ValueChainEditor';
import type ImprovementActions from '../../../../../src/modeler/features/actions/ImprovementActions';
import type KpiMeasurements from '../../../../../src/modeler/features/actions/KpiMeasurements';

interface CommandStack {
  undo(): void;
  redo(): void;
}

interface EventBus {
  on(event: string, cb: (event: { elements?: Array<{ id: string }> }) => void): void;
}

/*
 * valueChain.update, the one command every value-chain edit runs (Plan data, the value
 * chain, improvement actions and measurements, rule settings), on a real bpmn-js Modeler.
 */
describe('valueChain.update', () => {
  it('executes a batch as one undo step, and undo / redo give back the exact XML', async () => {
    // given the modeler with a task without value-chain data
    const m = await mountModeler(xml);
    const original = await m.xml();
    const editor = m.get<ValueChainEditor>('valueChainEditor');
    // when a KPI and the resources are set in one batch
    const kpiId = editor.freshId('Kpi');
    editor.update('Task_call', [
      { kind: 'kpi.add', id: kpiId, attrs: { name: 'Afspraken', unit: 'afspraken', target: 20 } },
      { kind: 'resources', attrs: { plannedHours: 12 } }
    ]);
    // then the XML carries both, as one step on the stack, announced once
    const edited = await m.xml();
    expect(edited).toContain(`<ml:kpi id="${kpiId}" name="Afspraken" unit="afspraken" target="20" />`);
    expect(edited).toContain('<ml:resources plannedHours="12" />');
    expect(m.undoSteps()).toBe(1);
    expect(m.changes).toEqual([{ elementIds: ['Task_call'], trigger: 'execute' }]);
    // when undone, the file is exactly as imported
    m.get<CommandStack>('commandStack').undo();
    expect(await m.xml()).toBe(original);
    // when redone, the same KPI (same id) is back
    m.get<CommandStack>('commandStack').redo();
    expect(await m.xml()).toBe(edited);
    expect(m.changes.map((c) => c.trigger)).toEqual(['execute', 'undo', 'redo']);
  });

  it('renames through bpmn-js’s label command in the same step, so the canvas shows the new name', async () => {
    const m = await mountModeler(xml);
    const changed: string[] = [];
    m.get<EventBus>('eventBus').on('elements.changed', (e) => changed.push(...(e.elements ?? []).map((s) => s.id)));
    m.get<ValueChainEditor>('valueChainEditor').update('Task_call', [
      { kind: 'name', value: 'Klant terugbellen' },
      { kind: 'step', attrs: { level: 'task' } }
    ]);
    expect(m.shape('Task_call').businessObject.name).toBe('Klant terugbellen');
    expect(changed).toContain('Task_call');
    expect(m.undoSteps()).toBe(1);
    m.get<CommandStack>('commandStack').undo();
    expect(m.shape('Task_call').businessObject.name).toBe('Klant bellen');
    expect(await m.xml()).not.toContain('level="task"');
    m.get<CommandStack>('commandStack').redo();
    expect(m.shape('Task_call').businessObject.name).toBe('Klant terugbellen');
  });

  it('runs improvement actions, measurements and rule settings as the same command', async () => {
    const m = await mountModeler(xml);
    const executed: string[] = [];
    m.get<EventBus>('eventBus').on('commandStack.execute', (e) => executed.push((e as unknown as { command: string }).command));
    const actionId = m.get<ImprovementActions>('improvementActions').add({ elementId: 'Task_plan', what: 'Doelgroep verfijnen' });
    m.get<KpiMeasurements>('kpiMeasurements').record('Task_plan', 'Kpi_reach', {
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      value: '9'
    });
    m.get<ValueChainEditor>('valueChainEditor').setRuleSettings([{ rule: 'kpi-required', enabled: false }]);
    expect(executed).toEqual(['valueChain.update', 'valueChain.update', 'valueChain.update']);
    const edited = await m.xml();
    expect(edited).toContain(`<ml:action id="${actionId}" elementId="Task_plan"`);
    expect(edited).toMatch(/<ml:measurement [^>]*value="9"/);
    expect(edited).toContain('<ml:ruleSetting rule="kpi-required" enabled="false" />');
    // each is its own undo step
    const stack = m.get<CommandStack>('commandStack');
    stack.undo();
    expect(await m.xml()).not.toContain('ml:ruleSetting');
    stack.undo();
    expect(await m.xml()).not.toContain('ml:measurement');
    stack.undo();
    expect(await m.xml()).not.toContain('ml:action');
    stack.redo();
    stack.redo();
    stack.redo();
    expect(await m.xml()).toBe(edited);
  });

  it('does not run for a batch that changes nothing, nor for a refused one', async () => {
    const m = await mountModeler(xml);
    const original = await m.xml();
    const editor = m.get<ValueChainEditor>('valueChainEditor');
    // when a stored value is written again, a setting is reset that was never made, and an unknown KPI is edited
    editor.update('Task_plan', [{ kind: 'step', attrs: { activityGroup: 'sowing' } }]);
    editor.setRuleSettings([{ rule: 'kpi-required', enabled: null }]);
    expect(() => editor.updateKpi('Task_plan', 'Kpi_missing', { name: 'x' })).toThrow(/no performance measure "Kpi_missing"/);
    // then nothing is on the undo stack, nothing was announced and the file is as it was
    expect(m.undoSteps()).toBe(0);
    expect(m.changes).toEqual([]);
    expect(await m.xml()).toBe(original);
  });
});

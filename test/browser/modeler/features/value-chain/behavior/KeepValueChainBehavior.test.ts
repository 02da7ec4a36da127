import { describe, expect, it } from 'vitest';
import xml from './KeepValueChainBehavior.bpmn?raw';
import { mountModeler } from '../../../../support/modeler';
import { findValueChain } from '../../../../../../src/model/value-chain/locate';
import type { ModdleElement } from '../../../../../../src/model/moddle-types';
import type ValueChainEditor from '../../../../../../src/modeler/features/value-chain/ValueChainEditor';

interface Modeling {
  removeElements(elements: unknown[]): void;
}
interface CommandStack {
  undo(): void;
  redo(): void;
}
interface BpmnJs {
  getDefinitions(): ModdleElement;
}

/*
 * KeepValueChainBehavior: the value chain belongs to the model, not to a pool. When
 * the last pool goes and bpmn-js turns the collaboration into a process, the value
 * chain moves to that process in the same undo step.
 */
describe('KeepValueChainBehavior', () => {
  it('moves the value chain to the new process when the last pool is deleted; undo and redo in one step', async () => {
    // given a collaboration whose value chain has an owner, a promise and two roles
    const m = await mountModeler(xml);
    const original = await m.xml();
    const definitions = () => m.get<BpmnJs>('bpmnjs').getDefinitions();
    // when both pools are deleted
    m.get<Modeling>('modeling').removeElements([m.shape('Pool_org'), m.shape('Pool_customer')]);
    // then the new root process carries the value chain, with the same role ids
    const valueChain = findValueChain(definitions())!;
    expect(valueChain).toBeDefined();
    expect(valueChain.$parent?.$parent?.$type).toBe('bpmn:Process');
    expect(valueChain.roles!.map((r) => r.id)).toEqual(['Role_mm', 'Role_am']);
    expect(valueChain.owner).toBe('Role_mm');
    expect(valueChain.customerPromise?.text).toBe('Binnen 2 werkdagen een offerte');
    // when undone once, the collaboration with its value chain is back (bpmn-js restores pools in its own order)
    m.get<CommandStack>('commandStack').undo();
    const restored = findValueChain(definitions())!;
    expect(restored.$parent?.$parent?.id).toBe('Collaboration_1');
    expect(restored.roles!.map((r) => r.id)).toEqual(['Role_mm', 'Role_am']);
    expect((definitions().rootElements as ModdleElement[]).filter((r) => r.$type === 'bpmn:Process' && r.extensionElements)).toEqual([]);
    expect(original).toContain('<bpmn:participant id="Pool_org"');
    expect(await m.xml()).toContain('<bpmn:participant id="Pool_org"');
    // when redone, the process carries the value chain again
    m.get<CommandStack>('commandStack').redo();
    expect(findValueChain(definitions())?.$parent?.$parent?.$type).toBe('bpmn:Process');
    expect(await m.xml()).not.toContain('bpmn:participant');
    // and the kept value chain can be edited like any other
    m.get<ValueChainEditor>('valueChainEditor').setValueChain({ valueProposition: 'Persoonlijk' });
    expect(findValueChain(definitions())?.valueProposition).toBe('Persoonlijk');
  });

  it('does not fire while a pool remains: the value chain stays on the collaboration', async () => {
    const m = await mountModeler(xml);
    m.get<Modeling>('modeling').removeElements([m.shape('Pool_customer')]);
    const definitions = m.get<BpmnJs>('bpmnjs').getDefinitions();
    expect(findValueChain(definitions)?.$parent?.$parent?.$type).toBe('bpmn:Collaboration');
    const carriers = definitions.rootElements!.filter((r) => r.$type === 'bpmn:Process' && r.extensionElements);
    expect(carriers).toEqual([]);
  });
});

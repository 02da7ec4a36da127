import { describe, expect, it } from 'vitest';
import xml from './RemoveRoleBehavior.bpmn?raw';
import { mountModeler } from '../../../../support/modeler';
import type ValueChainEditor from '../../../../../../src/modeler/features/value-chain/ValueChainEditor';

interface CommandStack {
  undo(): void;
  redo(): void;
}

/*
 * RemoveRoleBehavior: no value-chain data points at a role that left the catalogue.
 * Removing a role clears its RACI cells, the agreement fields and the owner naming
 * it, in the same undo step.
 */
describe('RemoveRoleBehavior', () => {
  it('clears the assignment, the agreement role and the owner with the role; one undo restores all, redo clears again', async () => {
    // given Role_mm owns the value chain, is accountable for a task and provides a handover
    const m = await mountModeler(xml);
    const original = await m.xml();
    // when the role is removed from the catalogue
    m.get<ValueChainEditor>('valueChainEditor').removeRole('Role_mm');
    // then nothing refers to it any more, and the other role's data stays
    const edited = await m.xml();
    expect(edited).not.toContain('Role_mm');
    expect(edited).toContain('<ml:assignment role="Role_am" responsibility="informed" />');
    expect(edited).toContain('<ml:agreement receiverRole="Role_am" what="Gekwalificeerde leads" />');
    expect(m.undoSteps()).toBe(1);
    expect(m.changes).toEqual([{ elementIds: ['Collaboration_1', 'Flow_handover', 'Task_plan'], trigger: 'execute' }]);
    // when undone once, role and references are back exactly
    m.get<CommandStack>('commandStack').undo();
    expect(await m.xml()).toBe(original);
    // when redone, they are cleared again
    m.get<CommandStack>('commandStack').redo();
    expect(await m.xml()).toBe(edited);
  });

  it('does not fire for a role nobody refers to, nor for other catalogue edits', async () => {
    const m = await mountModeler(xml);
    const editor = m.get<ValueChainEditor>('valueChainEditor');
    editor.updateRole('Role_mm', { name: 'Hoofd marketing' });
    editor.removeRole('Role_free');
    const edited = await m.xml();
    expect(edited).toContain('<ml:assignment role="Role_mm" responsibility="accountable" />');
    expect(edited).toContain('providerRole="Role_mm"');
    expect(edited).toContain('owner="Role_mm"');
    expect(edited).not.toContain('Role_free');
    expect(m.changes.map((c) => c.elementIds)).toEqual([['Collaboration_1'], ['Collaboration_1']]);
  });
});

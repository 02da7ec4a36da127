import { beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import CommandStack from 'diagram-js/lib/command/CommandStack';
import { serializeBpmn } from '../../../../../src/model/bpmn-io';
import { commandHarness } from '../../../../support/command-harness';
import type { ModdleElement } from '../../../../../src/model/moddle-types';
import { getExtension } from '../../../../../src/model/value-chain/extension';
import ValueChainEditor, { type ValueChainChangedEvent } from '../../../../../src/modeler/features/value-chain/ValueChainEditor';
import RemoveRoleBehavior from '../../../../../src/modeler/features/value-chain/behavior/RemoveRoleBehavior';

/*
 * The value-chain editor through a real diagram-js command stack, as in the modeler
 * (the model is a bpmn-moddle tree; no canvas, so it runs in node). Each command has
 * an execute, an undo and a redo case; the browser tests cover the bpmn-js behaviours.
 */

interface Harness {
  definitions: ModdleElement;
  editor: ValueChainEditor;
  commandStack: CommandStack;
  changes: ValueChainChangedEvent[];
  byId(id: string): ModdleElement;
}

async function harness(): Promise<Harness> {
  const h = await commandHarness(await readFile(join(import.meta.dirname, 'fixture.bpmn'), 'utf8'), { removeRoleBehavior: ['type', RemoveRoleBehavior] });
  return { ...h, editor: h.injector.get<ValueChainEditor>('valueChainEditor') };
}

let h: Harness;
let original: string;

beforeEach(async () => {
  h = await harness();
  original = await serializeBpmn(h.definitions);
});

describe('valueChainEditor commands', () => {
  it('applies a multi-field edit as one undo step, and undo / redo restore the XML exactly', async () => {
    // when a KPI is added and the step, resources and RACI cell are set in one batch
    const kpiId = h.editor.freshId('Kpi');
    h.editor.update('Task_call', [
      { kind: 'kpi.add', id: kpiId, attrs: { name: 'Offertes', unit: 'offertes', target: 20 } },
      { kind: 'step', attrs: { activityGroup: 'harvest' } },
      { kind: 'resources', attrs: { plannedHours: 12 } },
      { kind: 'assignment', roleId: 'Role_am', responsibility: 'accountable' }
    ]);
    const edited = await serializeBpmn(h.definitions);
    expect(edited).toContain(`<ml:kpi id="${kpiId}" name="Offertes" unit="offertes" target="20" />`);
    // then one undo takes all of it back, and one redo brings it again with the same KPI id
    h.commandStack.undo();
    expect(await serializeBpmn(h.definitions)).toBe(original);
    expect(h.commandStack.canUndo()).toBe(false);
    h.commandStack.redo();
    expect(await serializeBpmn(h.definitions)).toBe(edited);
    // and every step announced what changed, once
    expect(h.changes).toEqual([
      { elementIds: ['Task_call'], trigger: 'execute' },
      { elementIds: ['Task_call'], trigger: 'undo' },
      { elementIds: ['Task_call'], trigger: 'redo' }
    ]);
  });

  it('gives new KPIs and roles ids that are unique in the model', () => {
    const kpi = h.editor.addKpi('Task_call', { name: 'Bereik' });
    const role = h.editor.addRole({ name: 'Planner' });
    expect(kpi).toMatch(/^Kpi_/);
    expect(role).toMatch(/^Role_/);
    expect(kpi).not.toBe('Kpi_reach');
    expect(h.editor.getValueChain()!.roles!.map((r: ModdleElement) => r.id)).toContain(role);
  });

  it('refuses an edit of a missing KPI or step data on a gateway without touching the model or the undo stack', async () => {
    expect(() => h.editor.updateKpi('Task_plan', 'Kpi_missing', { name: 'x' })).toThrow(/no performance measure/);
    // a refused edit in a batch also keeps the valid edits before it out
    expect(() => h.editor.update('Gateway_1', [{ kind: 'documentation', value: 'Keuze' }, { kind: 'step', attrs: { level: 'task' } }])).toThrow(/no activity/);
    expect(await serializeBpmn(h.definitions)).toBe(original);
    expect(h.commandStack.canUndo()).toBe(false);
    expect(h.changes).toEqual([]);
  });

  it('puts no empty step on the undo stack for an edit that changes nothing', () => {
    h.editor.setStep('Task_plan', { activityGroup: 'preparation' });
    h.editor.updateKpi('Task_plan', 'Kpi_reach', { target: '12x' });
    expect(h.commandStack.canUndo()).toBe(false);
    expect(h.changes).toEqual([]);
  });

  it('writes the value chain on the collaboration and the documentation on the element', async () => {
    h.editor.setValueChain({ valueProposition: 'Snel, persoonlijk advies' });
    h.editor.setCustomerPromise({ text: 'Binnen 10 werkdagen', measure: 'lead-time', target: 'P10D', workingDays: true });
    h.editor.setDocumentation('Task_call', 'Bel binnen een dag na de aanvraag.');
    const xml = await serializeBpmn(h.definitions);
    expect(xml).toContain('<ml:valueChain owner="Role_mm" valueProposition="Snel, persoonlijk advies">');
    expect(xml).toContain('<ml:customerPromise text="Binnen 10 werkdagen" measure="lead-time" target="P10D" workingDays="true" />');
    expect(xml).toContain('<bpmn:documentation>Bel binnen een dag na de aanvraag.</bpmn:documentation>');
    // clearing the documentation removes the element again
    h.editor.setDocumentation('Task_call', '');
    expect(await serializeBpmn(h.definitions)).not.toContain('Bel binnen een dag');
    expect(h.changes.map((c) => c.elementIds)).toEqual([['Collaboration_1'], ['Collaboration_1'], ['Task_call'], ['Task_call']]);
  });

  it('records and lifts an exemption from an audit rule', async () => {
    h.editor.setExemption('Task_call', 'raci-accountable', 'Eenmalige actie, geen eigenaar nodig', { by: 'Eva', date: '2026-02-01' });
    expect(await serializeBpmn(h.definitions)).toContain('<ml:exemption rule="raci-accountable" reason="Eenmalige actie, geen eigenaar nodig" by="Eva" date="2026-02-01" />');
    h.editor.setExemption('Task_call', 'raci-accountable', null);
    expect(await serializeBpmn(h.definitions)).toBe(original);
  });
});

describe('audit rule settings through the same command', () => {
  it('stores a rule setting as one undo step, and undo / redo restore the XML exactly', async () => {
    // when an auditor switches a rule off and gives another a tolerance
    h.editor.setRuleSettings([
      { rule: 'kpi-required', enabled: false },
      { rule: 'budget-overrun', tolerance: 10 }
    ]);
    const edited = await serializeBpmn(h.definitions);
    expect(edited).toContain('<ml:ruleSetting rule="kpi-required" enabled="false" />');
    expect(edited).toContain('<ml:ruleSetting rule="budget-overrun" tolerance="10" />');
    // then one undo takes both back and one redo brings them again
    h.commandStack.undo();
    expect(await serializeBpmn(h.definitions)).toBe(original);
    expect(h.commandStack.canUndo()).toBe(false);
    h.commandStack.redo();
    expect(await serializeBpmn(h.definitions)).toBe(edited);
    // and each step was announced for the value chain's carrier
    expect(h.changes.map((c) => c.trigger)).toEqual(['execute', 'undo', 'redo']);
    expect(h.changes[0]!.elementIds).toEqual(['Collaboration_1']);
  });

  it('removes a setting left with nothing but its rule id: the rule is back on its defaults', async () => {
    h.editor.setRuleSettings([{ rule: 'kpi-required', enabled: false }]);
    h.editor.setRuleSettings([{ rule: 'kpi-required', enabled: null }]);
    expect(await serializeBpmn(h.definitions)).toBe(original);
  });

  it('leaves no empty undo step for a setting that changes nothing', () => {
    // given a rule already switched off
    h.editor.setRuleSettings([{ rule: 'kpi-required', enabled: false }]);
    h.commandStack.clear();
    h.changes.length = 0;
    // when it is switched off again, and a rule without a setting is reset to its default
    h.editor.setRuleSettings([{ rule: 'kpi-required', enabled: false }]);
    h.editor.setRuleSettings([{ rule: 'activity-accountable', enabled: null, tolerance: null }]);
    // then the undo stack stays empty and nobody is told about a change
    expect(h.commandStack.canUndo()).toBe(false);
    expect(h.changes).toEqual([]);
  });
});

describe('planning a batch', () => {
  it('writes nothing into the model before the command runs: a refused batch throws its own error on a frozen model', () => {
    // given the task's business objects cannot be written to (any write would throw a TypeError)
    const task = h.byId('Task_plan');
    const step = getExtension(task, 'ml:Step')!;
    for (const o of [task, task.extensionElements, task.extensionElements!.values, step, step.kpis]) Object.freeze(o);
    // when a batch whose last edit is refused is sent
    // then the refusal is reported, not a write to a frozen object
    expect(() =>
      h.editor.update('Task_plan', [
        { kind: 'kpi.add', id: 'Kpi_new', attrs: { name: 'Nieuw' } },
        { kind: 'step', attrs: { level: 'task' } },
        { kind: 'kpi.update', kpiId: 'Kpi_missing', attrs: { name: 'x' } }
      ])
    ).toThrow(/no performance measure "Kpi_missing"/);
    expect(h.commandStack.canUndo()).toBe(false);
  });
});

describe('RemoveRoleBehavior: removing a role takes its references along in the same step', () => {
  it('clears the assignment, the agreement role and the owner, and one undo restores all', async () => {
    // given Role_mm is accountable on Task_plan, provider of Flow_handover and owner of the value chain
    h.editor.removeRole('Role_mm');
    const step = getExtension(h.byId('Task_plan'), 'ml:Step')!;
    const agreement = getExtension(h.byId('Flow_handover'), 'ml:Agreement')!;
    expect(step.assignments!.map((a: ModdleElement) => a.role)).toEqual(['Role_am']);
    expect([agreement.providerRole, agreement.receiverRole]).toEqual([undefined, 'Role_am']);
    expect(h.editor.getValueChain()!.owner).toBeUndefined();
    expect(h.changes).toEqual([{ elementIds: ['Collaboration_1', 'Flow_handover', 'Task_plan'], trigger: 'execute' }]);
    h.commandStack.undo();
    expect(await serializeBpmn(h.definitions)).toBe(original);
    expect(h.commandStack.canUndo()).toBe(false);
  });

  it('does not fire for a role nobody refers to, nor for other catalogue edits', async () => {
    const role = h.editor.addRole({ name: 'Stagiair' });
    h.editor.updateRole('Role_am', { person: 'Naima' });
    const before = await serializeBpmn(h.definitions);
    h.editor.removeRole(role);
    const after = await serializeBpmn(h.definitions);
    expect(after).toBe(before.replace(/\n\s*<ml:role id="Role_[^"]+" name="Stagiair" \/>/, ''));
    expect(h.changes.at(-1)).toEqual({ elementIds: ['Collaboration_1'], trigger: 'execute' });
  });
});

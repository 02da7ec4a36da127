import { beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BpmnModdle } from 'bpmn-moddle';
import { createModdle, parseBpmn, serializeBpmn } from '../../../../src/model/bpmn-io';
import type { ModdleElement } from '../../../../src/model/moddle-types';
import { getExtension } from '../../../../src/model/value-chain/extension';
import { readValueChain } from '../../../../src/model/value-chain/read';
import type { ChangeLog } from '../../../../src/model/value-chain/change-log';
import { attributeUpdate, planEdits, toStoredValue, type ValueChainEdit } from '../../../../src/model/value-chain/edit';
import { findValueChain } from '../../../../src/model/value-chain/locate';
import { roleRemovalEdits } from '../../../../src/model/value-chain/role-references';

/*
 * The edits the value-chain command applies, run on a real bpmn-moddle tree as the
 * command handler does: plan and apply (first execute), revert (undo), apply again (redo).
 */

let moddle: BpmnModdle;
let definitions: ModdleElement;
let original: string;

beforeEach(async () => {
  moddle = createModdle();
  const xml = await readFile(join(import.meta.dirname, 'edit.fixture.bpmn'), 'utf8');
  definitions = (await parseBpmn(xml, { moddle })).definitions;
  original = await serializeBpmn(definitions);
});

function byId(id: string): ModdleElement {
  let found: ModdleElement | undefined;
  const visit = (el: ModdleElement) => {
    if (found || !el || typeof el !== 'object') return;
    if (el.id === id && el.$type?.startsWith('bpmn:')) found = el;
    for (const key of ['rootElements', 'flowElements', 'laneSets', 'lanes', 'participants']) for (const child of (el[key] as ModdleElement[] | undefined) ?? []) visit(child);
  };
  visit(definitions);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

/** Runs a batch like the command's first execution and returns the log plus the touched ids. */
function run(batch: Array<[string | null, ValueChainEdit[]]>): { log: ChangeLog; touched: Set<string> } {
  const plan = planEdits(
    moddle,
    definitions,
    batch.map(([id, edits]) => ({ element: id ? byId(id) : null, edits }))
  );
  plan.log.apply();
  return { log: plan.log, touched: new Set(plan.touched) };
}

describe('value-chain edits on a moddle tree', () => {
  it('writes a multi-field edit of a new task, and undo/redo restore the exact XML', async () => {
    // given a task without any value-chain data
    // when activity group, resources and a KPI are set in one batch
    const { log, touched } = run([
      [
        'Task_call',
        [
          { kind: 'step', attrs: { activityGroup: 'harvest', level: 'task' } },
          { kind: 'resources', attrs: { plannedBudget: 1500, currency: 'EUR', budgetGroup: 'harvest' } },
          { kind: 'kpi.add', id: 'Kpi_new', attrs: { name: 'Offertes', unit: 'offertes', target: '20' } }
        ]
      ]
    ]);
    const edited = await serializeBpmn(definitions);
    // then the data is stored as strings in one ml:step
    expect(edited).toContain('<ml:step activityGroup="harvest" level="task">');
    expect(edited).toContain('<ml:resources budgetGroup="harvest" currency="EUR" plannedBudget="1500" />');
    expect(edited).toContain('<ml:kpi id="Kpi_new" name="Offertes" unit="offertes" target="20" />');
    expect([...touched]).toEqual(['Task_call']);
    // when undone, the file is exactly as before (no empty extensionElements left)
    log.revert();
    expect(await serializeBpmn(definitions)).toBe(original);
    // when redone, the same elements come back
    log.apply();
    expect(await serializeBpmn(definitions)).toBe(edited);
  });

  it('removes an attribute for an empty value and drops an element left empty', async () => {
    run([['Task_call', [{ kind: 'duration', attrs: { planned: 'PT4H' } }]]]);
    expect(await serializeBpmn(definitions)).toContain('<ml:duration planned="PT4H" />');
    // when the only field is cleared
    run([['Task_call', [{ kind: 'duration', attrs: { planned: '' } }]]]);
    // then neither the duration nor the step nor the extension container stay behind
    expect(await serializeBpmn(definitions)).toBe(original);
  });

  it('keeps invalid stored values and foreign extensions untouched when other fields change', async () => {
    // given the KPI's target "12x" is invalid and a foreign extension sits beside ml:step
    run([['Task_plan', [{ kind: 'kpi.update', kpiId: 'Kpi_reach', attrs: { name: 'Bereik doelgroep' } }]]]);
    const xml = await serializeBpmn(definitions);
    expect(xml).toContain('name="Bereik doelgroep"');
    expect(xml).toContain('target="12x"');
    expect(xml).toContain('<foo:note text="kept" />');
  });

  it('sets one RACI cell per role: changes, adds and clears assignments', () => {
    run([
      [
        'Task_plan',
        [
          { kind: 'assignment', roleId: 'Role_am', responsibility: 'responsible' },
          { kind: 'assignment', roleId: 'Role_mm', responsibility: null }
        ]
      ]
    ]);
    const step = getExtension(byId('Task_plan'), 'ml:Step')!;
    expect(step.assignments!.map((a: ModdleElement) => [a.role, a.responsibility])).toEqual([['Role_am', 'responsible']]);
  });

  it('refuses step data on an element that is no activity, and KPIs that do not exist', () => {
    expect(() => run([['Gateway_1', [{ kind: 'step', attrs: { level: 'task' } }]]])).toThrow(/no activity/);
    expect(() => run([['Task_plan', [{ kind: 'kpi.remove', kpiId: 'Kpi_missing' }]]])).toThrow(/no performance measure "Kpi_missing"/);
  });

  it('records an empty agreement on request and removes it with null', async () => {
    const flow = byId('Flow_handover');
    run([['Flow_handover', [{ kind: 'agreement', attrs: null }]]]);
    expect(getExtension(flow, 'ml:Agreement')).toBeUndefined();
    run([['Flow_handover', [{ kind: 'agreement', attrs: {} }]]]);
    expect(getExtension(flow, 'ml:Agreement')).toBeDefined();
  });

  it('edits the value chain on the collaboration, whatever element the batch is for', async () => {
    const { touched } = run([
      ['Task_call', [{ kind: 'role.add', id: 'Role_new', attrs: { name: 'Planner', department: 'Operations' } }, { kind: 'assignment', roleId: 'Role_new', responsibility: 'responsible' }]],
      [null, [{ kind: 'customerPromise', attrs: { text: 'Binnen 10 werkdagen geleverd', measure: 'lead-time', target: 'P10D', workingDays: true } }]]
    ]);
    const vc = findValueChain(definitions)!;
    expect(vc.roles!.map((r: ModdleElement) => r.id)).toEqual(['Role_mm', 'Role_am', 'Role_new']);
    expect(vc.customerPromise!.workingDays).toBe('true');
    expect([...touched].sort()).toEqual(['Collaboration_1', 'Task_call']);
    // and the typed reader sees the new role assigned without any issue
    const snapshot = readValueChain(definitions);
    expect(snapshot.steps.Task_call?.assignments).toEqual([{ role: 'Role_new', responsibility: 'responsible' }]);
    expect(snapshot.issues.filter((i) => i.code === 'unknown-role')).toEqual([]);
  });

  it('creates the value chain on the process when there is no collaboration', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x"><bpmn:process id="P" /></bpmn:definitions>`;
    definitions = (await parseBpmn(xml, { moddle })).definitions;
    run([[null, [{ kind: 'valueChain', attrs: { owner: 'Eva' } }]]]);
    expect(await serializeBpmn(definitions)).toContain('<bpmn:process id="P">\n    <bpmn:extensionElements>\n      <ml:valueChain owner="Eva" />');
  });
});

describe('removing a role from the catalogue', () => {
  it('lists edits that clear its assignments, agreement roles and ownership, and nothing else', async () => {
    // given Role_mm is accountable for Task_plan, provider of the handover and the owner
    const batch = roleRemovalEdits(definitions, 'Role_mm');
    expect(batch.map((b) => [b.element?.id ?? null, b.edits])).toEqual([
      ['Task_plan', [{ kind: 'assignment', roleId: 'Role_mm', responsibility: null }]],
      ['Flow_handover', [{ kind: 'agreement', attrs: { providerRole: null } }]],
      [null, [{ kind: 'valueChain', attrs: { owner: null } }]]
    ]);
    // when applied with the removal, the agreement keeps its other fields
    run([[null, [{ kind: 'role.remove', roleId: 'Role_mm' }]], ...batch.map((b) => [b.element?.id ?? null, b.edits] as [string | null, ValueChainEdit[]])]);
    const agreement = getExtension(byId('Flow_handover'), 'ml:Agreement')!;
    expect([agreement.providerRole, agreement.receiverRole, agreement.deliverable]).toEqual([undefined, 'Role_am', 'Leadlijst']);
    expect(readValueChain(definitions).issues.filter((i) => i.code === 'unknown-role')).toEqual([]);
  });

  it('finds nothing to clear for a role nobody refers to', () => {
    run([[null, [{ kind: 'role.add', id: 'Role_free', attrs: { name: 'Stagiair' } }]]]);
    expect(roleRemovalEdits(definitions, 'Role_free')).toEqual([]);
  });
});

describe('stored values of edits', () => {
  it('stores numbers and booleans as text and blank input as absent', () => {
    expect(toStoredValue(1234.5)).toBe('1234.5');
    expect(toStoredValue(true)).toBe('true');
    expect(toStoredValue('  ')).toBeUndefined();
    expect(toStoredValue(Number.NaN)).toBeUndefined();
    expect(toStoredValue('12x')).toBe('12x');
  });

  it('builds an update that clears emptied fields and refuses unknown ones', () => {
    expect(attributeUpdate('ml:Kpi', { target: 250, unit: 'leads', realised: '' })).toEqual({ target: '250', unit: 'leads', realised: undefined });
    expect(() => attributeUpdate('ml:Kpi', { budget: 5 })).toThrow('ml:Kpi has no attribute "budget".');
  });
});

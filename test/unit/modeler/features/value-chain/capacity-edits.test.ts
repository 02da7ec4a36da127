import { beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serializeBpmn } from '../../../../../src/model/bpmn-io';
import { commandHarness, type CommandHarness } from '../../../../support/command-harness';
import ValueChainEditor from '../../../../../src/modeler/features/value-chain/ValueChainEditor';
import { saveWhatIfEdits, whatIfFromForm } from '../../../../../src/ui/simulation/capacity/what-if';

/*
 * The capacity edits of the properties panel and the simulation panel's "save
 * scenario", through a real diagram-js command stack: each is one command, undone and
 * redone exactly, and a refused edit changes nothing.
 */

/** The XML without the indentation between elements, to read one element whole. */
const flat = (xml: string) => xml.replace(/>\s+</g, '><');

let h: CommandHarness & { editor: ValueChainEditor };
let original: string;

beforeEach(async () => {
  const base = await commandHarness(await readFile(join(import.meta.dirname, 'fixture.bpmn'), 'utf8'));
  h = { ...base, editor: base.injector.get<ValueChainEditor>('valueChainEditor') };
  original = await serializeBpmn(h.definitions);
});

describe('capacity edits', () => {
  it('adds a pool with people, arrivals and a step performer, each one undo step, and undo / redo restore the XML exactly', async () => {
    const poolId = h.editor.addPool({ name: 'Accountmanagers', role: 'Role_am', costPerHour: 60 });
    h.editor.setPoolPeople(poolId, ['Naima', ' Ruben ', '']);
    h.editor.setArrivals({ rate: 200, per: 'P1W' });
    h.editor.setWork('Task_call', { pool: poolId, distribution: 'fixed', mean: 'PT2H' });
    const edited = await serializeBpmn(h.definitions);
    expect(flat(edited)).toContain(`<ml:pool id="${poolId}" name="Accountmanagers" role="Role_am" costPerHour="60"><ml:person name="Naima" /><ml:person name="Ruben" /></ml:pool>`);
    expect(edited).toContain('<ml:arrivals rate="200" per="P1W" />');
    expect(edited).toContain(`<ml:work pool="${poolId}" distribution="fixed" mean="PT2H" />`);
    for (let i = 0; i < 4; i++) h.commandStack.undo();
    expect(await serializeBpmn(h.definitions)).toBe(original);
    for (let i = 0; i < 4; i++) h.commandStack.redo();
    expect(await serializeBpmn(h.definitions)).toBe(edited);
    // naming the same people again is no edit, and leaves no empty undo step
    h.editor.setPoolPeople(poolId, ['Naima', 'Ruben']);
    h.commandStack.undo();
    expect(flat(await serializeBpmn(h.definitions))).not.toContain('<ml:work');
  });

  it('saves a what-if with other working hours as one command: the calendar and the scenario, undone together', async () => {
    const poolId = h.editor.addPool({ name: 'Accountmanagers', capacity: 3 });
    const before = await serializeBpmn(h.definitions);
    const request = whatIfFromForm({ pool: poolId, extraPeople: 1, hours: 'mon-fri-08-18', arrivalChange: 20 }, [{ id: poolId, name: 'Accountmanagers', capacity: 3, people: [], costPerHour: 0, currency: 'EUR', roles: [] }], 'Europe/Amsterdam');
    if (typeof request === 'string') throw new Error(request);
    expect(request.label).toBe('+1 in "Accountmanagers", "Accountmanagers" works Monday to Friday, 08:00–18:00, 20 % more cases');
    h.editor.update(null, saveWhatIfEdits(request, 'Scenario_1', []));
    const saved = await serializeBpmn(h.definitions);
    expect(flat(saved)).toContain('<ml:calendar id="Calendar_mon_fri_08_18" name="Monday to Friday, 08:00–18:00" days="mon tue wed thu fri" hours="08:00-18:00" />');
    expect(flat(saved)).toContain(`<ml:scenario id="Scenario_1" name="+1 in &#34;Accountmanagers&#34;, &#34;Accountmanagers&#34; works Monday to Friday, 08:00–18:00, 20 % more cases" arrivalChange="20"><ml:poolChange pool="${poolId}" capacity="4" calendar="Calendar_mon_fri_08_18" /></ml:scenario>`);
    h.commandStack.undo();
    expect(await serializeBpmn(h.definitions)).toBe(before);
  });

  it('refuses a what-if that changes nothing or leaves a pool empty, and an edit of a pool that does not exist', () => {
    const pools = [{ id: 'P', name: 'Verkoop', capacity: 1, people: [], costPerHour: 0, currency: 'EUR', roles: [] }];
    expect(whatIfFromForm({ pool: 'P', extraPeople: 0, hours: '', arrivalChange: 0 }, pools, 'Europe/Amsterdam')).toBe('Change the people, the working hours or the number of cases first.');
    expect(whatIfFromForm({ pool: 'P', extraPeople: -1, hours: '', arrivalChange: 0 }, pools, 'Europe/Amsterdam')).toBe('"Verkoop" needs at least one person.');
    expect(() => h.editor.updatePool('Pool_missing', { capacity: 2 })).toThrow('The capacity data has no resource pool "Pool_missing".');
    expect(h.commandStack.canUndo()).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBpmn, serializeBpmn } from '../../../../src/model/bpmn-io';
import { readValueChain } from '../../../../src/model/value-chain/read';

const example = readFileSync(new URL('../../../../docs/examples/value-chain-example.bpmn', import.meta.url), 'utf8');

describe('readValueChain on the documented example', () => {
  it('reads every ml type with zero warnings and zero schema issues', async () => {
    // given the example file of docs/format.md
    const { definitions, warnings } = await parseBpmn(example);
    // when its value chain is read
    const snapshot = readValueChain(definitions);
    // then nothing is wrong with it
    expect(warnings).toEqual([]);
    expect(snapshot.issues).toEqual([]);
    // and each part of the value chain is there, typed
    expect(snapshot.valueChain).toMatchObject({
      elementId: 'Collaboration_retention',
      owner: 'Marketing director',
      customerPromise: { measure: 'lead-time', target: 'P10D', workingDays: true }
    });
    expect(snapshot.valueChain!.roles.map((r) => r.id)).toEqual(['role-cmo', 'role-campaign', 'role-account', 'role-controller']);
    expect(snapshot.valueChain!.ruleSettings[1]).toEqual({ rule: 'budget-overrun', enabled: true, severity: 'warning', tolerance: 10 });
    expect(Object.keys(snapshot.departments).sort()).toEqual(['Lane_marketing', 'Lane_sales', 'Participant_customer']);
    expect(snapshot.departments.Participant_customer).toMatchObject({ kind: 'customer', elementType: 'bpmn:Participant' });
    expect(Object.keys(snapshot.steps)).toEqual(['Task_select', 'Task_mail', 'Task_visit', 'Task_quote']);
    const mail = snapshot.steps.Task_mail!;
    expect(mail).toMatchObject({ elementName: 'Send invitation mailing', activityGroup: 'sowing', level: 'activity' });
    expect(mail.kpis[0]).toMatchObject({ target: 25, realised: 31.5, unit: '%', direction: 'at-least' });
    expect(mail.kpis[0]!.measurements.map((m) => m.value)).toEqual([28, 35]);
    expect(mail.kpis[1]).toMatchObject({ objectiveGroup: 'hoeing', evidence: expect.stringContaining('Interviews') });
    expect(mail.resources).toEqual({ budgetGroup: 'sowing', currency: 'EUR', plannedBudget: 12000, realisedBudget: 12850.5, plannedHours: 40, realisedHours: 46 });
    expect(snapshot.steps.Task_select!.duration).toEqual({ min: 'PT4H', mostLikely: 'P1D', max: 'P3D', realisedAverage: 'P1D' });
    expect(Object.keys(snapshot.agreements).sort()).toEqual(['Flow_interested', 'Message_invitation', 'Message_quote']);
    expect(snapshot.simulation.Flow_interested!.probability).toBe(60);
    expect(snapshot.simulation.Start_campaign!.arrivalInterval).toBe('P1W');
    expect(snapshot.simulation.Task_quote!.repeatProbability).toBe(20);
    expect(snapshot.exemptions.End_noInterest).toEqual([
      expect.objectContaining({ rule: 'end-at-customer', by: 'Anna de Vries', date: '2025-01-10' })
    ]);
    expect(snapshot.handovers.map((h) => [h.flowId, h.agreementStatus])).toEqual([
      ['Flow_interested', 'agreed'],
      ['Message_invitation', 'draft'],
      ['Message_reply', 'missing'],
      ['Message_quote', 'under-review']
    ]);
    // and a round trip does not change the file's content
    const again = await parseBpmn(await serializeBpmn(definitions));
    expect(readValueChain(again.definitions)).toEqual(snapshot);
  });
});

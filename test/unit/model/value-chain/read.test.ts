import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseBpmn, serializeBpmn } from '../../../../src/model/bpmn-io';
import { ML_NAMESPACE } from '../../../../src/model/value-chain/extension';
import { readValueChain } from '../../../../src/model/value-chain/read';
import { foreignContent } from '../xml-scan';

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
      owner: 'role-cmo',
      customerPromise: { measure: 'lead-time', target: 'P10D', workingDays: true }
    });
    expect(snapshot.valueChain!.roles.map((r) => r.id)).toEqual(['role-cmo', 'role-campaign', 'role-account', 'role-controller']);
    expect(snapshot.valueChain!.ruleSettings[1]).toEqual({ rule: 'budget-overrun', enabled: true, severity: 'warning', tolerance: 10 });
    expect(snapshot.valueChain!.actions).toEqual([
      {
        id: 'Action_quoteCost',
        elementId: 'Task_quote',
        kpiId: 'Kpi_cost',
        what: 'Reuse the visit report in the quote instead of retyping it',
        owner: 'Account manager',
        due: '2025-09-30',
        status: 'in-progress',
        createdOn: '2025-07-14'
      },
      {
        id: 'Action_quoteBudget',
        elementId: 'Task_quote',
        findingRule: 'activity-resources',
        what: 'Plan budget and hours for making quotes',
        owner: 'role-controller',
        due: '2025-08-31',
        status: 'open',
        createdOn: '2025-07-14'
      }
    ]);
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

describe('the documented example is a well-drawn, valid BPMN model', () => {
  it('passes bpmnlint\'s recommended rules, which include a diagram shape for every element', async () => {
    // bpmnlint ships CommonJS without type declarations; require keeps this test free of ambient typings
    const require = createRequire(import.meta.url);
    const { Linter } = require('bpmnlint');
    const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
    const { definitions } = await parseBpmn(example);
    const linter = new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() });
    const reports: Record<string, Array<{ id: string; message: string }>> = await linter.lint(definitions);
    expect(Object.entries(reports).flatMap(([rule, list]) => list.map((r) => `${rule}: ${r.id} ${r.message}`))).toEqual([]);
  });

  it('draws every flow node inside the lane that lists it', async () => {
    const { definitions } = await parseBpmn(example);
    const bounds = new Map<string, { x: number; y: number; width: number; height: number }>();
    for (const shape of definitions.diagrams![0].plane!.planeElement!) if (shape.bounds) bounds.set(shape.bpmnElement!.id!, shape.bounds as { x: number; y: number; width: number; height: number });
    const process = definitions.rootElements!.find((e: { $type: string }) => e.$type === 'bpmn:Process');
    for (const lane of process!.laneSets![0].lanes!) {
      const l = bounds.get(lane.id!)!;
      for (const node of lane.flowNodeRef!) {
        const b = bounds.get(node.id!)!;
        const [cx, cy] = [b.x + b.width / 2, b.y + b.height / 2];
        expect(cx >= l.x && cx <= l.x + l.width && cy >= l.y && cy <= l.y + l.height, `${node.id} in ${lane.id}`).toBe(true);
      }
    }
  });
});

describe('readValueChain on invalid values', () => {
  const invalid = readFileSync(new URL('./invalid-values.bpmn', import.meta.url), 'utf8');

  it('reports every invalid stored value per element and field, with the stored text', async () => {
    // given a process whose value-chain data has typing errors
    const { definitions } = await parseBpmn(invalid);
    // when it is read
    const { issues } = readValueChain(definitions);
    // then each bad value is one issue on the element that carries it
    expect(issues.map((i) => [i.elementId, i.field, i.code, i.value ?? null])).toEqual([
      ['Process_invalid', 'customerPromise.workingDays', 'not-a-boolean', 'yes'],
      ['Process_invalid', 'customerPromise.target', 'not-a-duration', '2 days'],
      ['Process_invalid', 'roles[1].id', 'required', null],
      ['Process_invalid', 'ruleSettings[0].enabled', 'not-a-boolean', 'on'],
      ['Process_invalid', 'ruleSettings[0].severity', 'unknown-value', 'fatal'],
      ['Lane_mkt', 'kind', 'unknown-value', 'supplier'],
      ['Task_plan', 'level', 'unknown-value', 'programme'],
      ['Task_plan', 'resources.currency', 'not-a-currency', 'euro'],
      ['Task_plan', 'resources.plannedBudget', 'negative', '-100'],
      ['Task_plan', 'resources.realisedHours', 'not-a-number', 'ten'],
      ['Task_plan', 'duration.realisedAverage', 'not-a-duration', 'soon'],
      ['Task_plan', 'duration.mostLikely', 'triangle-order', 'P1D'],
      ['Task_plan', 'resources.budgetGroup', 'budget-group-mismatch', 'harvest'],
      ['Task_plan', 'assignments[0].responsibility', 'unknown-value', 'owner'],
      ['Task_plan', 'kpis[0].target', 'not-a-number', '12x'],
      ['Task_plan', 'kpis[0].periodEnd', 'period-reversed', '2025-01-01'],
      ['Task_plan', 'kpis[0].measurements[0].value', 'not-a-number', '1.234,5'],
      ['Task_plan', 'kpis[0].measurements[0].recordedOn', 'not-a-date', '2025-02-30'],
      ['Task_plan', 'kpis[1].unit', 'unit-missing', null],
      ['Task_plan', 'exemptions[0].reason', 'required', null],
      ['Task_plan', 'exemptions[0].date', 'not-a-date', 'tomorrow'],
      ['Task_sell', 'repeatProbability', 'not-a-percentage', '150'],
      ['Flow_sell', 'dueWithin', 'not-a-duration', 'two days'],
      ['Flow_sell', 'status', 'unknown-value', 'signed'],
      ['Flow_sell', 'reviewDate', 'not-a-date', '15-07-2025'],
      ['Flow_sell', 'probability', 'not-a-percentage', 'abc'],
      ['Process_invalid', 'roles[2].id', 'duplicate-id', 'role-mkt'],
      ['Task_sell', 'kpis[0].id', 'duplicate-id', 'Kpi_leads'],
      ['Task_plan', 'assignments[1].role', 'unknown-role', 'role-ghost'],
      ['Flow_sell', 'receiverRole', 'unknown-role', 'role-sales']
    ]);
    // and each issue names the element and explains itself
    expect(issues.find((i) => i.field === 'kpis[0].target')).toEqual({
      elementId: 'Task_plan',
      elementName: 'Plan campaign',
      field: 'kpis[0].target',
      code: 'not-a-number',
      message: 'Target "12x" is not a number; write digits with a decimal point, such as 1234.5.',
      value: '12x'
    });
  });

  it('keeps the valid fields next to the invalid ones', async () => {
    const snapshot = readValueChain((await parseBpmn(invalid)).definitions);
    const plan = snapshot.steps.Task_plan!;
    expect(plan.activityGroup).toBe('sowing');
    expect(plan.level).toBeUndefined();
    expect(plan.kpis[0]).toMatchObject({ id: 'Kpi_leads', direction: 'at-least', periodStart: '2025-06-30', periodEnd: '2025-01-01' });
    expect(plan.kpis[0]!.target).toBeUndefined();
    // ids that are not XML ids are plain text here: the KPI is kept, not skipped
    expect(snapshot.steps.Task_sell!.kpis.map((k) => k.id)).toEqual(['Kpi_leads', 'kpi with spaces']);
    expect(snapshot.agreements.Flow_sell).toMatchObject({ deliverable: 'Leads', agreedOn: '2025-01-15' });
    // an agreement whose status is not valid counts as a draft handover
    expect(snapshot.handovers.map((h) => [h.flowId, h.agreementStatus])).toEqual([['Flow_sell', 'draft']]);
  });

  it('writes invalid values back exactly as they were stored', async () => {
    // given the invalid file, read and checked
    const { definitions } = await parseBpmn(invalid);
    readValueChain(definitions);
    // when it is serialized
    const out = await serializeBpmn(definitions);
    // then every ml element and attribute is unchanged, and reading again finds the same issues
    expect(foreignContent(out, ML_NAMESPACE)).toEqual(foreignContent(invalid, ML_NAMESPACE));
    expect(out).toContain('target="12x"');
    expect(out).toContain('value="1.234,5"');
    expect(readValueChain((await parseBpmn(out)).definitions).issues).toEqual(readValueChain(definitions).issues);
  });
});

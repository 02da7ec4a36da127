import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../../src/analysis/audit/audit';
import { parseBpmn } from '../../../../src/model/bpmn-io';
import { AUDIT_DATE, loadFixture, repoFile } from './support';

async function auditText(xml: string, options: Parameters<typeof runAudit>[1] = { today: AUDIT_DATE }) {
  const { definitions } = await parseBpmn(xml);
  return runAudit(definitions, options);
}

const fixture = (name: string) => readFileSync(new URL(`./rules/${name}`, import.meta.url), 'utf8');
/** Adds ml:ruleSetting elements to the value chain of a fixture. */
const withSettings = (xml: string, settings: string) => xml.replace('</ml:valueChain>', `${settings}\n      </ml:valueChain>`);
const withExemption = (xml: string, elementId: string, exemption: string) =>
  xml.replace(new RegExp(`(<bpmn:[a-zA-Z]+ id="${elementId}"[^>]*>\\s*<bpmn:extensionElements>)`), `$1\n        ${exemption}`);

describe('handovers as the audit reports them', () => {
  it('uses the innermost lane, the lane that lists a border gateway, loops back and message flows to collapsed pools', async () => {
    const result = runAudit(await loadFixture('./handovers-structures.bpmn'), { today: AUDIT_DATE });
    expect(result.handovers.map((h) => `${h.flowId}: ${h.from.name} -> ${h.to.name}`)).toEqual([
      'Message_request: Customer -> Our company', // message flows name the pools
      'Message_print: Our company -> Print agency', // to a collapsed pool
      'Message_offer: Our company -> Customer',
      'Message_order: Our company -> Supplier',
      'Flow_brief: Campaigns -> Content', // nested lanes: Content, not Marketing
      'Flow_write: Content -> Campaigns', // the gateway on the border belongs to Campaigns, which lists it
      'Flow_yes: Campaigns -> Sales',
      'Flow_no: Campaigns -> Content' // the loop back is a handover too
    ]);
  });

  it('finds no handover inside a lane, inside a sub-process or in a pool without lanes', async () => {
    const flowIds = runAudit(await loadFixture('./handovers-structures.bpmn'), { today: AUDIT_DATE }).handovers.map((h) => h.flowId);
    for (const id of ['Flow_start', 'Flow_visit', 'Flow_end', 'Sub_flow1', 'Sub_flow2', 'Supplier_flow1', 'Supplier_flow2']) expect(flowIds).not.toContain(id);
  });

  it('names departments by ml:department and counts under-review agreements as covering', async () => {
    const result = runAudit(await loadFixture('./handovers-structures.bpmn'), { today: AUDIT_DATE });
    const byId = new Map(result.handovers.map((h) => [h.flowId, h]));
    expect(byId.get('Flow_brief')).toMatchObject({ fromDepartment: 'Campaigns', toDepartment: 'Content team', covered: true });
    expect(byId.get('Message_offer')).toMatchObject({ agreementStatus: 'under-review', covered: true });
    expect(result.findings.filter((f) => f.rule === 'handover-agreement').map((f) => `${f.elementId} ${f.messageKey}`)).toEqual([
      'Message_print handover-agreement.missing',
      'Message_order handover-agreement.missing',
      'Flow_write handover-agreement.missing',
      'Flow_yes handover-agreement.incomplete',
      'Flow_no handover-agreement.not-agreed'
    ]);
  });

  it('puts the contents of a sub-process in the lane of the sub-process', async () => {
    const result = runAudit(await loadFixture('./handovers-structures.bpmn'), { today: AUDIT_DATE });
    const call = result.findings.find((f) => f.elementId === 'Sub_call')!;
    expect(call).toMatchObject({ laneId: 'Lane_sales', department: 'Sales' });
  });

  it('audits the activities of a pool without lanes under the pool’s name', async () => {
    const result = runAudit(await loadFixture('./handovers-structures.bpmn'), { today: AUDIT_DATE });
    const deliver = result.findings.filter((f) => f.elementId === 'Supplier_deliver');
    expect(deliver.map((f) => f.rule)).toEqual(['activity-kpi', 'activity-resources', 'activity-accountable']);
    expect(deliver[0]).toMatchObject({ participantId: 'Participant_supplier', department: 'Supplier' });
    expect(deliver[0]!.laneId).toBeUndefined();
  });
});

describe('rule settings saved with the process (ml:ruleSetting)', () => {
  it('switches a rule off', async () => {
    const xml = withSettings(fixture('resource-overrun.finds.bpmn'), '<ml:ruleSetting rule="resource-overrun" enabled="false" />');
    const result = await auditText(xml);
    expect(result.findings).toEqual([]);
    expect(result.config['resource-overrun'].enabled).toBe(false);
  });

  it('changes the severity of a rule', async () => {
    const xml = withSettings(fixture('activity-accountable.finds.bpmn'), '<ml:ruleSetting rule="activity-accountable" severity="info" />');
    const result = await auditText(xml);
    expect(result.findings.map((f) => f.severity)).toEqual(['info', 'info']);
    expect(result.counts).toEqual({ error: 0, warning: 0, info: 2 });
  });

  it('widens the tolerance of the overrun rule', async () => {
    // given 15 % over budget and 50 % over hours, with a tolerance of 20 %
    const xml = withSettings(fixture('resource-overrun.finds.bpmn'), '<ml:ruleSetting rule="resource-overrun" tolerance="20" />');
    const result = await auditText(xml);
    // then only the hours are reported, with the tolerance in the message
    expect(result.findings.map((f) => f.subject)).toEqual(['hours']);
    expect(result.findings[0]!.message).toContain('(tolerance 20 %)');
  });

  it('gives passed periods and review dates a grace period in days', async () => {
    // the period ended on 2026-11-21; the review date was 2026-11-21 as well
    const xml = withSettings(
      fixture('agreement-overdue.finds.bpmn'),
      '<ml:ruleSetting rule="agreement-overdue" tolerance="1" />\n<ml:ruleSetting rule="kpi-realised" tolerance="200" />'
    );
    const result = await auditText(xml);
    expect(result.findings.map((f) => f.elementId)).toEqual(['Flow_handover']);
  });

  it('reports a setting it cannot use and keeps the default instead of guessing', async () => {
    const xml = withSettings(
      fixture('resource-overrun.finds.bpmn'),
      [
        '<ml:ruleSetting rule="budget-overrun" enabled="false" />',
        '<ml:ruleSetting rule="resource-overrun" enabled="no" severity="fatal" tolerance="ten" />',
        '<ml:ruleSetting rule="activity-kpi" tolerance="5" />'
      ].join('\n')
    );
    const result = await auditText(xml);
    expect(result.findings.map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(result.configProblems.map((p) => p.rule)).toEqual(['budget-overrun', 'resource-overrun', 'resource-overrun', 'resource-overrun', 'activity-kpi']);
    expect(result.configProblems[0]).toMatchObject({ elementId: 'Collaboration_offer' });
    expect(result.configProblems[0]!.message).toContain('names no audit rule');
  });

  it('lets the caller override the saved settings', async () => {
    const xml = withSettings(fixture('resource-overrun.finds.bpmn'), '<ml:ruleSetting rule="resource-overrun" enabled="false" />');
    const result = await auditText(xml, { today: AUDIT_DATE, overrides: { 'resource-overrun': { enabled: true, severity: 'error', tolerance: 30 } } });
    expect(result.findings.map((f) => `${f.subject} ${f.severity}`)).toEqual(['hours error']);
  });
});

describe('exemptions (ml:exemption)', () => {
  const exemption = '<ml:exemption rule="resource-overrun" reason="Extra hours for the trade fair, approved by the board" by="Anna de Vries" date="2026-05-01" />';

  it('moves the element’s findings of that rule to the exempted list, with the reason', async () => {
    const xml = withExemption(fixture('resource-overrun.finds.bpmn'), 'Task_qualify', exemption);
    const result = await auditText(xml);
    expect(result.findings).toEqual([]);
    expect(result.exempted.map((f) => [f.subject, f.exemption])).toEqual([
      ['budget', { reason: 'Extra hours for the trade fair, approved by the board', by: 'Anna de Vries', date: '2026-05-01' }],
      ['hours', { reason: 'Extra hours for the trade fair, approved by the board', by: 'Anna de Vries', date: '2026-05-01' }]
    ]);
    expect(result.exemptions).toEqual([
      {
        elementId: 'Task_qualify',
        elementName: 'Qualify request',
        rule: 'resource-overrun',
        knownRule: true,
        suppressed: 2,
        reason: 'Extra hours for the trade fair, approved by the board',
        by: 'Anna de Vries',
        date: '2026-05-01'
      }
    ]);
  });

  it('exempts one rule on one element only', async () => {
    const xml = withExemption(fixture('activity-accountable.finds.bpmn'), 'Task_qualify', exemption.replace('resource-overrun', 'activity-accountable'));
    const result = await auditText(xml);
    expect(result.findings.map((f) => f.elementId)).toEqual(['Task_offer']);
    expect(result.exempted.map((f) => f.elementId)).toEqual(['Task_qualify']);
  });

  it('lists an exemption that names no rule of the audit, suppressing nothing', async () => {
    const xml = withExemption(fixture('resource-overrun.finds.bpmn'), 'Task_qualify', exemption.replace('resource-overrun', 'budget-overrun'));
    const result = await auditText(xml);
    expect(result.findings).toHaveLength(2);
    expect(result.exemptions[0]).toMatchObject({ rule: 'budget-overrun', knownRule: false, suppressed: 0 });
  });

  it('exempts a chain rule on the collaboration', async () => {
    const xml = fixture('customer-promise.finds.bpmn').replace(
      '<ml:valueChain',
      '<ml:exemption rule="customer-promise" reason="Internal pilot without customers" />\n      <ml:valueChain'
    );
    const result = await auditText(xml);
    expect(result.findings).toEqual([]);
    expect(result.exempted.map((f) => f.elementId)).toEqual(['Collaboration_offer']);
  });
});

describe('the customer-to-customer rule', () => {
  it('names what is missing when only the way back to the customer is missing', async () => {
    const xml = fixture('complete-chain.bpmn').replace(/<bpmn:messageFlow id="Message_offer"[\s\S]*?<\/bpmn:messageFlow>/, '');
    const result = await auditText(xml);
    expect(result.findings.map((f) => [f.rule, f.messageKey, f.evidence.missing])).toEqual([
      ['customer-to-customer', 'customer-to-customer.end', ['end-at-customer']]
    ]);
  });

  it('asks for the customer to be marked when no lane or pool is the customer', async () => {
    const xml = fixture('complete-chain.bpmn').replace('<ml:department kind="customer" name="Customer" />', '<ml:department kind="department" name="Customer" />');
    const result = await auditText(xml);
    expect(result.findings.map((f) => f.messageKey)).toEqual(['customer-to-customer.no-customer']);
  });

  it('does not audit the customer’s own activities', async () => {
    const result = await auditText(fixture('activity-kpi.passes.bpmn'));
    expect(result.findings.filter((f) => f.elementId === 'Task_compare')).toEqual([]);
  });
});

describe('the sample processes (processes/, with deliberate gaps listed in processes/README.md)', () => {
  const samples = ['nieuwe-productintroductie', 'van-lead-tot-order', 'retentiecampagne-topklanten', 'klachtafhandeling'];
  const audits = Promise.all(samples.map(async (name) => [name, await auditText(repoFile(`processes/${name}.bpmn`))] as const));
  const found = async (name: string) => new Set((await audits).find(([n]) => n === name)![1].findings.map((f) => `${f.rule} ${f.elementId}`));

  it('finds every deliberate gap of the new product introduction', async () => {
    const findings = await found('nieuwe-productintroductie');
    for (const gap of [
      'handover-agreement npi_f_naar_productie',
      'handover-agreement npi_mf_behoefte',
      'handover-agreement npi_f_opgeschaald',
      'agreement-overdue npi_f_haalbaar',
      'activity-accountable npi_opschalen',
      'activity-resources npi_order',
      'resource-overrun npi_campagne',
      'kpi-realised npi_mailen'
    ])
      expect(findings).toContain(gap);
  });

  it('finds every deliberate gap of lead to order', async () => {
    const findings = await found('van-lead-tot-order');
    for (const gap of [
      'handover-agreement l2o_f_naar_financien',
      'handover-agreement l2o_mf_aanvraag',
      'handover-agreement l2o_f_naar_facturatie',
      'activity-accountable l2o_nabellen',
      'kpi-smart l2o_nabellen',
      'kpi-smart l2o_offerte'
    ])
      expect(findings).toContain(gap);
  });

  it('finds every deliberate gap of the retention campaign', async () => {
    const findings = await found('retentiecampagne-topklanten');
    for (const gap of ['handover-agreement ret_f_te_weinig', 'handover-agreement ret_mf_onderzoek', 'handover-agreement ret_f_dossiers', 'activity-accountable ret_workshop'])
      expect(findings).toContain(gap);
  });

  it('finds every deliberate gap of the complaint handling', async () => {
    const findings = await found('klachtafhandeling');
    for (const gap of [
      'customer-promise kl_collaboration',
      'handover-agreement kl_f_gerepareerd',
      'handover-agreement kl_f_compensatie',
      'activity-accountable kl_analyseren',
      'activity-resources kl_tussenbericht'
    ])
      expect(findings).toContain(gap);
  });

  it('reports 11 of the 48 handovers as not covered, and every sample as running from customer to customer', async () => {
    const all = (await audits).map(([, r]) => r);
    expect(all.flatMap((r) => r.handovers)).toHaveLength(48);
    expect(all.flatMap((r) => r.findings).filter((f) => f.rule === 'handover-agreement')).toHaveLength(11);
    expect(all.flatMap((r) => r.findings).filter((f) => f.rule === 'customer-to-customer')).toEqual([]);
  });

  it('does not flag the under-review agreements whose review date is still ahead', async () => {
    const all = (await audits).flatMap(([, r]) => r.handovers).filter((h) => h.agreementStatus === 'under-review');
    expect(all).toHaveLength(2);
    expect(all.every((h) => h.covered)).toBe(true);
  });
});

describe('the BPMN Model Interchange Working Group corpus (test/fixtures/miwg)', () => {
  const root = new URL('../../../fixtures/miwg/', import.meta.url);
  const files = ['Reference', 'bpmn.io-18.6.1', 'SAP-Signavio-19.9.0'].flatMap((dir) =>
    readdirSync(new URL(`${dir}/`, root))
      .filter((f) => f.endsWith('.bpmn'))
      .map((f) => `${dir}/${f}`)
  );

  it('holds the three tool folders', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  it.each(files)('audits %s without throwing', async (file) => {
    const result = await auditText(readFileSync(new URL(file, root), 'utf8'));
    // a file without value-chain data has no customer marked and no customer promise
    expect(result.findings.filter((f) => f.rule === 'customer-promise').map((f) => f.messageKey)).toEqual(['customer-promise.no-value-chain']);
    expect(result.findings.every((f) => f.message.length > 0 && f.elementId.length > 0)).toBe(true);
  });

  it('finds in A.1.0 (one process, three tasks, no lanes) the missing customer and three bare tasks', async () => {
    const result = await auditText(readFileSync(new URL('Reference/A.1.0.bpmn', root), 'utf8'));
    expect(result.handovers).toEqual([]);
    expect(result.findings.filter((f) => f.rule === 'customer-to-customer').map((f) => [f.elementId, f.messageKey])).toEqual([
      ['WFP-6-', 'customer-to-customer.no-customer']
    ]);
    expect(result.findings.filter((f) => f.rule === 'activity-kpi').map((f) => f.elementName)).toEqual(['Task 1', 'Task 2', 'Task 3']);
  });

  it('finds in C.1.0 a missing agreement on every one of its handovers', async () => {
    const result = await auditText(readFileSync(new URL('Reference/C.1.0.bpmn', root), 'utf8'));
    expect(result.handovers.length).toBeGreaterThan(0);
    expect(result.findings.filter((f) => f.rule === 'handover-agreement').map((f) => f.elementId)).toEqual(result.handovers.map((h) => h.flowId));
  });
});

describe('the audit date', () => {
  it('defaults to today (UTC) and decides which periods have passed', async () => {
    const xml = fixture('kpi-realised.finds.bpmn');
    expect((await auditText(xml, {})).today).toBe(new Date().toISOString().slice(0, 10));
    // on 2026-07-01 only the first period has ended
    expect((await auditText(xml, { today: '2026-07-01' })).findings.map((f) => f.subject)).toEqual(['Kpi_empty']);
  });
});

import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../../src/analysis/audit/audit';
import { RULE_IDS, type RuleId } from '../../../../src/analysis/audit/rules';
import { AUDIT_DATE, loadFixture } from './support';

/*
 * One positive and one negative fixture per rule (rules/<rule>.finds.bpmn and
 * rules/<rule>.passes.bpmn). Each is the complete chain of rules/complete-chain.bpmn
 * with one deliberate gap or one near miss, so every other rule stays silent.
 */

async function audit(file: string) {
  return runAudit(await loadFixture(`./rules/${file}`), { today: AUDIT_DATE });
}

/** What a finding says, compactly: element, subject and message key. */
const summary = (f: { elementId: string; subject?: string; messageKey: string }) => `${f.elementId}${f.subject ? `[${f.subject}]` : ''} ${f.messageKey}`;

const EXPECTED: Record<RuleId, string[]> = {
  'customer-to-customer': ['Collaboration_offer customer-to-customer.start-and-end'],
  'activity-kpi': ['Task_qualify activity-kpi.missing'],
  'kpi-smart': ['Task_qualify[Kpi_noUnit] kpi-smart.incomplete', 'Task_qualify[Kpi_noTarget] kpi-smart.incomplete', 'Task_qualify[Kpi_noEnd] kpi-smart.incomplete'],
  'kpi-realised': ['Task_qualify[Kpi_empty] kpi-realised.missing', 'Task_qualify[Kpi_unusable] kpi-realised.missing'],
  'activity-resources': ['Task_qualify activity-resources.missing', 'Task_offer activity-resources.missing'],
  'resource-overrun': ['Task_qualify[budget] resource-overrun.budget', 'Task_qualify[hours] resource-overrun.hours'],
  'activity-accountable': ['Task_qualify activity-accountable.none', 'Task_offer activity-accountable.several'],
  'handover-agreement': [
    'Message_request handover-agreement.not-agreed',
    'Message_offer handover-agreement.incomplete',
    'Flow_handover handover-agreement.missing'
  ],
  'agreement-overdue': ['Flow_handover agreement-overdue.passed', 'Flow_toEnd agreement-overdue.passed'],
  'customer-promise': ['Collaboration_offer customer-promise.missing']
};

describe('the complete value chain', () => {
  it('gives the audit nothing to find', async () => {
    // given a chain from customer back to customer with every step, handover and promise recorded
    const result = await audit('complete-chain.bpmn');
    // then there are no findings, and both handovers inside the chain are covered
    expect(result.findings).toEqual([]);
    expect(result.handovers.map((h) => [h.flowId, h.covered])).toEqual([
      ['Message_request', true],
      ['Message_offer', true],
      ['Flow_handover', true]
    ]);
  });
});

describe.each(RULE_IDS)('rule %s', (rule) => {
  it('finds the deliberate gap, and nothing else', async () => {
    // given the chain with one gap this rule is about
    const result = await audit(`${rule}.finds.bpmn`);
    // then exactly the expected findings are reported, all of this rule
    expect(result.findings.map(summary)).toEqual(EXPECTED[rule]);
    expect(result.findings.every((f) => f.rule === rule)).toBe(true);
  });

  it('stays silent on the near miss', async () => {
    // given the chain with a case this rule must accept
    const result = await audit(`${rule}.passes.bpmn`);
    // then the audit finds nothing
    expect(result.findings).toEqual([]);
  });
});

describe('what a finding tells the auditor', () => {
  it('names the element, its lane and department, the pain point and the missing fields', async () => {
    const [finding] = (await audit('kpi-smart.finds.bpmn')).findings.filter((f) => f.subject === 'Kpi_noEnd');
    expect(finding).toMatchObject({
      rule: 'kpi-smart',
      severity: 'warning',
      painPoint: 2,
      elementId: 'Task_qualify',
      elementName: 'Qualify request',
      elementType: 'bpmn:Task',
      laneId: 'Lane_marketing',
      participantId: 'Participant_org',
      department: 'Marketing',
      params: { activity: 'Qualify request', kpi: 'Qualification hours', missing: 'a target score and a period end' },
      message: 'Performance measure “Qualification hours” of “Qualify request” is not SMART: it lacks a target score and a period end.',
      // the stored "abc" is not a number, so the target counts as missing, and the text is shown
      evidence: { missing: ['target', 'periodEnd'], invalid: [{ field: 'kpis[2].target', value: 'abc' }] }
    });
  });

  it('gives the figures of an overrun', async () => {
    const budget = (await audit('resource-overrun.finds.bpmn')).findings.find((f) => f.subject === 'budget')!;
    expect(budget.evidence.values).toEqual({ planned: 1000, realised: 1150, overrunPercent: 15, tolerancePercent: 10, currency: 'EUR' });
    expect(budget.message).toBe('“Qualify request” used a budget of EUR 1150, 15 % above the planned EUR 1000 (tolerance 10 %).');
  });

  it('names the roles that are accountable more than once, by their catalogue names', async () => {
    const several = (await audit('activity-accountable.finds.bpmn')).findings.find((f) => f.messageKey === 'activity-accountable.several')!;
    expect(several.params).toEqual({ activity: 'Send offer', count: 2, roles: 'Account manager and Marketing director' });
    expect(several.evidence.values).toEqual({ accountable: ['role-sales', 'role-cmo'] });
  });

  it('places a handover finding with the provider and says what the agreement lacks', async () => {
    const findings = (await audit('handover-agreement.finds.bpmn')).findings;
    const draft = findings.find((f) => f.elementId === 'Message_request')!;
    expect(draft).toMatchObject({ participantId: 'Participant_customer', department: 'Customer', painPoint: 5, severity: 'error' });
    expect(draft.evidence.missing).toEqual(['status:agreed']);
    const incomplete = findings.find((f) => f.elementId === 'Message_offer')!;
    expect(incomplete).toMatchObject({ laneId: 'Lane_sales', department: 'Sales' });
    expect(incomplete.evidence.missing).toEqual(['receiverRole']);
    expect(incomplete.message).toBe('The agreement on the handover “Sales” → “Customer” (“Offer”) does not name the receiver.');
  });

  it('keeps finding ids stable and unique', async () => {
    const findings = (await audit('kpi-smart.finds.bpmn')).findings;
    expect(findings.map((f) => f.id)).toEqual(['kpi-smart|Task_qualify|Kpi_noUnit', 'kpi-smart|Task_qualify|Kpi_noTarget', 'kpi-smart|Task_qualify|Kpi_noEnd']);
  });
});

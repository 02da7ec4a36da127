import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../../src/analysis/audit/audit';
import { findingsByDepartment, findingsByPainPoint, handoverMatrix, matrixCell, raciMatrix, summarizeByPainPoint } from '../../../../src/analysis/audit/views';
import { parseBpmn } from '../../../../src/model/bpmn-io';
import { AUDIT_DATE, loadFixture, repoFile } from './support';

describe('handoverMatrix', () => {
  it('counts handovers per provider and receiver department and how many are covered', async () => {
    // given the structures fixture: Campaigns and Content inside Marketing, Sales, and three other pools
    const result = runAudit(await loadFixture('./handovers-structures.bpmn'), { today: AUDIT_DATE });
    const matrix = handoverMatrix(result.handovers);
    expect(matrix.total).toBe(8);
    expect(matrix.covered).toBe(3);
    expect(matrix.departments.map((d) => d.name)).toEqual(['Customer', 'Campaigns', 'Content team', 'Print agency', 'Sales', 'Supplier']);
    // Campaigns → Content team: the brief (agreed) and the loop back (draft)
    expect(matrixCell(matrix, 'Campaigns', 'Content team')).toEqual({
      from: 'Campaigns',
      to: 'Content team',
      count: 2,
      covered: 1,
      flowIds: ['Flow_brief', 'Flow_no'],
      uncoveredFlowIds: ['Flow_no']
    });
    expect(matrixCell(matrix, 'Sales', 'Campaigns')).toBeUndefined();
  });

  it('adds up to the sample’s handovers', async () => {
    const { definitions } = await parseBpmn(repoFile('processes/van-lead-tot-order.bpmn'));
    const result = runAudit(definitions, { today: AUDIT_DATE });
    const matrix = handoverMatrix(result.handovers);
    expect(matrix.cells.reduce((n, c) => n + c.count, 0)).toBe(result.handovers.length);
    expect(matrix.cells.reduce((n, c) => n + c.uncoveredFlowIds.length, 0)).toBe(result.findings.filter((f) => f.rule === 'handover-agreement').length);
  });
});

describe('raciMatrix', () => {
  it('lists the organisation’s activities against the role catalogue', async () => {
    const raci = raciMatrix(await loadFixture('./rules/activity-accountable.finds.bpmn'));
    expect(raci.roles.map((r) => r.name)).toEqual(['Marketing director', 'Campaign manager', 'Account manager', 'Buyer']);
    expect(raci.rows).toEqual([
      {
        activityId: 'Task_qualify',
        activityName: 'Qualify request',
        laneId: 'Lane_marketing',
        department: 'Marketing',
        cells: { 'role-mkt': ['responsible'], 'role-sales': ['consulted'] },
        accountable: 0
      },
      {
        activityId: 'Task_offer',
        activityName: 'Send offer',
        laneId: 'Lane_sales',
        department: 'Sales',
        cells: { 'role-sales': ['accountable'], 'role-cmo': ['accountable'] },
        accountable: 2
      }
    ]);
  });

  it('shows a role a step uses although the catalogue lacks it, and leaves out the customer’s activities', async () => {
    const xml = repoFile('test/unit/analysis/audit/rules/activity-kpi.passes.bpmn').replace('role="role-mkt" responsibility="informed"', 'role="role-unknown" responsibility="informed"');
    const raci = raciMatrix((await parseBpmn(xml)).definitions);
    expect(raci.roles.find((r) => r.id === 'role-unknown')).toEqual({ id: 'role-unknown', name: 'role-unknown', inCatalogue: false });
    expect(raci.rows.map((r) => r.activityId)).toEqual(['Task_qualify', 'Task_offer']);
  });
});

describe('summaries and groups', () => {
  it('counts every pain point, also those without findings', async () => {
    const result = runAudit(await loadFixture('./rules/handover-agreement.finds.bpmn'), { today: AUDIT_DATE });
    const summary = summarizeByPainPoint(result);
    expect(summary.map((s) => [s.painPoint, s.findings])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
      [5, 3],
      [6, 0]
    ]);
    expect(summary[4]).toMatchObject({ rules: ['handover-agreement', 'agreement-overdue'], bySeverity: { error: 3, warning: 0, info: 0 } });
  });

  it('groups findings by pain point in order and by department', async () => {
    const { definitions } = await parseBpmn(repoFile('processes/nieuwe-productintroductie.bpmn'));
    const result = runAudit(definitions, { today: AUDIT_DATE });
    expect([...findingsByPainPoint(result.findings).keys()]).toEqual([2, 3, 4, 5]);
    const byDepartment = findingsByDepartment(result.findings);
    expect(byDepartment.get('Productie')!.map((f) => f.elementId)).toContain('npi_opschalen');
  });
});

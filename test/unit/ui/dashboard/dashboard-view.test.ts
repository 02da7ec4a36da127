import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBpmn } from '../../../../src/model/bpmn-io';
import { aggregatePerformance } from '../../../../src/analysis/performance/aggregate';
import { performanceInputFromModel } from '../../../../src/analysis/performance/from-model';
import { groupedKpiRows, mainCurrency, matchesFocus, wrapLabel } from '../../../../src/ui/dashboard/dashboard-view';
import { dashboardChartConfigs } from '../../../../src/ui/dashboard/dashboard-charts';

async function report() {
  const xml = readFileSync(new URL('../../analysis/performance/two-departments.bpmn', import.meta.url), 'utf8');
  const { definitions } = await parseBpmn(xml);
  return aggregatePerformance([performanceInputFromModel({ id: 'rec-1', name: 'Twee afdelingen', definitions })]);
}

describe('groupedKpiRows', () => {
  it('given the two-department model, then every KPI is listed once, off track before on track within its objective group', async () => {
    const r = await report();
    const groups = groupedKpiRows(r, 'all', undefined);
    expect([...groups.values()].flat()).toHaveLength(r.kpis.length);
    const order = { 'off-track': 0, 'no-data': 1, qualitative: 2, 'on-track': 3 } as const;
    for (const rows of groups.values())
      expect(rows.map((k) => order[k.status])).toEqual([...rows.map((k) => order[k.status])].sort((a, b) => a - b));
  });

  it('given a status filter and a department focus, then only the KPIs of that status in that department remain', async () => {
    const r = await report();
    const rows = [...groupedKpiRows(r, 'off-track', { kind: 'department', department: 'Marketing' }).values()].flat();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((k) => k.status === 'off-track' && k.department === 'Marketing')).toBe(true);
    expect(rows.map((k) => k.kpiId)).toContain('td_kpi_cost');
  });
});

describe('the chart rules', () => {
  it('wraps a long label into lines of about 16 characters without cutting words', () => {
    expect(wrapLabel('Customer service and complaint handling')).toEqual(['Customer service', 'and complaint', 'handling']);
    expect(wrapLabel('Short')).toEqual(['Short']);
  });

  it('picks the currency with the most budget, EUR when there is none', () => {
    expect(mainCurrency({ budgets: [], hours: undefined } as never)).toBe('EUR');
    expect(
      mainCurrency({
        budgets: [
          { currency: 'USD', planned: 10, realised: 0 },
          { currency: 'EUR', planned: 5, realised: 20 }
        ]
      } as never)
    ).toBe('EUR');
  });

  it('matches a focus on department ignoring surrounding spaces, and on activity group exactly', () => {
    expect(matchesFocus({ kind: 'department', department: 'Sales' }, undefined, ' Sales ')).toBe(true);
    expect(matchesFocus({ kind: 'activityGroup', group: 'sowing' }, 'preparation', 'Sales')).toBe(false);
  });

  it('given the report, then there are bar charts per activity group and department, and a history chart only for the open KPI; a bar click focuses', async () => {
    const r = await report();
    const focused: unknown[] = [];
    const closed = dashboardChartConfigs(r, { measure: 'budget', expanded: undefined, onFocus: (f) => focused.push(f) });
    expect([...closed.keys()]).toEqual(['groups', 'departments']);
    const departments = closed.get('departments')!;
    expect((departments.data.labels as string[][]).map((l) => l.join(' '))).toEqual(
      r.byDepartment.map((d) => d.department ?? 'Outside any lane')
    );
    (departments.options!.onClick as (e: unknown, els: Array<{ index: number }>) => void)({}, [{ index: 1 }]);
    expect(focused).toEqual([{ kind: 'department', department: r.byDepartment[1]!.department }]);
    const withHistory = dashboardChartConfigs(r, {
      measure: 'hours',
      expanded: r.kpis.find((k) => k.history.length > 0)!.key,
      onFocus: () => {}
    });
    expect([...withHistory.keys()]).toEqual(['groups', 'departments', 'history']);
  });
});

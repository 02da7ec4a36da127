import type { ChartConfiguration } from 'chart.js';
import { msg } from '@lit/localize';
import type { PerformanceReport } from '../../analysis/performance/aggregate';
import type { ResourceSummary } from '../../analysis/performance/resources';
import { CHART_COLOURS } from '../shared/chart-loader';
import { formatDate, formatMoney, formatNumber } from '../shared/format';
import { mainCurrency, wrapLabel, type Focus } from './dashboard-view';
import { activityGroupOrNone } from './labels';

/** What the charts depend on besides the report. */
export interface DashboardChartView {
  /** Which resource the bar charts show. */
  measure: 'budget' | 'hours';
  /** The KPI whose history chart is open. */
  expanded: string | undefined;
  /** A click on a bar focuses the KPI list on it. */
  onFocus(focus: Focus): void;
}

/**
 * The chart.js configurations of the dashboard, by canvas id: planned against realised
 * budget (or hours) per activity group and per department, and the open KPI's history
 * against its target. Pure data (and click handlers); ChartsController draws them.
 */
export function dashboardChartConfigs(report: PerformanceReport, view: DashboardChartView): Map<string, ChartConfiguration> {
  const configs = new Map<string, ChartConfiguration>();
  const currency = mainCurrency(report.resources);
  const hours = view.measure === 'hours';
  const pick = (s: ResourceSummary) => (hours ? s.hours : s.budgets.find((b) => b.currency === currency));
  const bars = (labels: string[], summaries: ResourceSummary[], focuses: Focus[]): ChartConfiguration => ({
    type: 'bar',
    data: {
      labels: labels.map((l) => wrapLabel(l)),
      datasets: [
        {
          label: msg('Planned'),
          data: summaries.map((s) => (pick(s)?.plannedCount ? pick(s)!.planned : null)),
          backgroundColor: CHART_COLOURS.planned
        },
        {
          label: msg('Realised'),
          data: summaries.map((s) => (pick(s)?.realisedCount ? pick(s)!.realised : null)),
          backgroundColor: CHART_COLOURS.realised
        }
      ]
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', axis: 'y', intersect: false },
      scales: {
        x: { beginAtZero: true, ticks: { callback: (v) => (hours ? formatNumber(Number(v)) : formatMoney(Number(v), currency)) } }
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 14 } },
        tooltip: {
          callbacks: {
            label: (c) =>
              `${c.dataset.label}: ${hours ? formatNumber(c.parsed.x ?? undefined) : formatMoney(c.parsed.x ?? undefined, currency)}`
          }
        }
      },
      onClick: (_event, elements) => {
        const index = elements[0]?.index;
        if (index !== undefined && focuses[index]) view.onFocus(focuses[index]!);
      }
    }
  });
  configs.set(
    'groups',
    bars(
      report.byActivityGroup.map((g) => activityGroupOrNone(g.group)),
      [...report.byActivityGroup],
      report.byActivityGroup.map((g) => ({ kind: 'activityGroup', group: g.group }))
    )
  );
  configs.set(
    'departments',
    bars(
      report.byDepartment.map((d) => d.department ?? msg('Outside any lane')),
      [...report.byDepartment],
      report.byDepartment.map((d) => ({ kind: 'department', department: d.department }))
    )
  );
  const row = view.expanded ? report.kpis.find((k) => k.key === view.expanded) : undefined;
  if (row) {
    const points = row.history;
    configs.set('history', {
      type: 'line',
      data: {
        labels: points.map((p) => formatDate(p.periodEnd ?? p.periodStart ?? p.recordedOn) || '?'),
        datasets: [
          {
            label: msg('Realised'),
            data: points.map((p) => p.value ?? null),
            borderColor: CHART_COLOURS.realised,
            backgroundColor: CHART_COLOURS.realised,
            spanGaps: true
          },
          ...(row.target !== undefined
            ? [
                {
                  label: msg('Target'),
                  data: points.map(() => row.target!),
                  borderColor: CHART_COLOURS.target,
                  borderDash: [5, 4],
                  pointRadius: 0,
                  backgroundColor: CHART_COLOURS.target
                }
              ]
            : [])
        ]
      },
      options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } } } }
    });
  }
  return configs;
}

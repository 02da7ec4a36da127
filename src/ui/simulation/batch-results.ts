import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Chart, ChartConfiguration } from 'chart.js';
import { CSV_MIME_TYPE } from '../../analysis/csv';
import { downloadBlob } from '../../app/download';
import { batchResultToCsv, batchResultToJson, type BatchResult, type PromiseCheck, type Scenario } from '../../simulation';
import { CHART_COLOURS, loadChart } from '../shared/chart-loader';
import { formatMoney, formatNumber, formatPercent } from '../shared/format';
import { decimalCommaPreference } from '../shared/csv-export';
import { flagKindHelp, flagKindLabel, formatHours, type NameOf } from './labels';

/*
 * A batch's results: the figures per scenario side by side, the customer promise in
 * words, tables per department, activity and flag, and chart.js charts (lead-time
 * histogram and department bars, planned against realised) drawn after rendering.
 */

/** The scenario's name in the UI language. */
export function scenarioLabel(scenario: Scenario): string {
  return scenario === 'planned' ? msg('Planned') : msg('Realised');
}

/** Hours as working days (5 per 7 calendar days), the unit promises are made in. */
function workingDays(hours: number): string {
  return formatNumber(Math.round(((hours / 24) * 5) / 7 * 10) / 10);
}

/** The customer promise against P90 in one sentence, e.g. "… P90 is 12,4 working days: not kept". */
export function promiseSentence(p: PromiseCheck): { text: string; held: boolean | null } {
  const promise = p.text || p.target;
  if (p.held === null || p.targetHours === null || p.p90Hours === null) {
    return { text: msg(str`Customer promise: ${promise} — the simulation cannot judge this promise.`), held: null };
  }
  const p90 = p.workingDays ? msg(str`${workingDays(p.p90Hours)} working days`) : formatHours(p.p90Hours);
  const target = p.workingDays ? msg(str`${workingDays(p.targetHours)} working days`) : formatHours(p.targetHours);
  const verdict = p.held ? msg('kept') : msg('not kept');
  const sentence = msg(str`Customer promise: ${promise} (lead time within ${target}) — 9 in 10 cases take at most ${p90} (P90): ${verdict}.`);
  if (!p.measuredTo) return { text: sentence, held: p.held };
  const end = `"${p.measuredTo.name || p.measuredTo.id}"`;
  const share = formatPercent(p.measuredTo.share);
  return { text: `${sentence} ${msg(str`Measured on the ${share} of cases that end at ${end}, the end of the full chain.`)}`, held: p.held };
}

/** The results section for one or two scenarios. */
export function renderBatchResults(results: readonly BatchResult[], nameOf: NameOf, reveal: (id: string) => void): TemplateResult {
  return html`
    <div class="results">${results.map((r) => renderScenario(r))}</div>
    <div class="charts">
      <figure>
        <figcaption><strong>${msg('Lead time: how many cases took how long')}</strong></figcaption>
        <div class="chart-box"><canvas data-chart="histogram" role="img" aria-label=${msg('Histogram of lead times, planned and realised')}></canvas></div>
      </figure>
      <figure>
        <figcaption><strong>${msg('Cost per case per department')}</strong></figcaption>
        <div class="chart-box"><canvas data-chart="departments" role="img" aria-label=${msg('Cost per case per department, planned and realised')}></canvas></div>
      </figure>
    </div>
    ${renderDepartments(results)} ${renderActivities(results, reveal)} ${renderFlagTable(results, nameOf, reveal)}
  `;
}

function renderScenario(r: BatchResult): TemplateResult {
  const promise = r.customerPromise ? promiseSentence(r.customerPromise) : null;
  const money = (v: number | null) => (v === null ? '–' : formatMoney(v, r.currency));
  const failed = r.outcomes.deadlock + r.outcomes.stepLimit + r.outcomes.aborted;
  return html`<section class="scenario" data-scenario=${r.scenario}>
    <h3>${scenarioLabel(r.scenario)} · ${msg(str`${formatNumber(r.simulatedCases)} cases, seed ${r.seed}`)}</h3>
    ${promise
      ? html`<p class="promise ${promise.held === true ? 'held' : promise.held === false ? 'broken' : ''}" data-held=${String(promise.held)}>${promise.text}</p>`
      : html`<p class="note">${msg('The value chain has no customer promise on lead time to check.')}</p>`}
    <table>
      <tbody>
        <tr>
          <th scope="row">${r.leadTimeBasis === 'customer' ? msg('Lead time (customer trigger to customer end)') : msg('Lead time (start to end of the case)')}</th>
          <td class="num" data-metric="lead-time">
            ${msg(str`mean ${formatHours(r.leadTime.mean)} · P50 ${formatHours(r.leadTime.p50)} · P90 ${formatHours(r.leadTime.p90)} · max ${formatHours(r.leadTime.max)}`)}
          </td>
        </tr>
        <tr>
          <th scope="row">${msg('Cost per case')}</th>
          <td class="num" data-metric="cost">${msg(str`mean ${money(r.costPerCase.mean)} · P90 ${money(r.costPerCase.p90)}`)}</td>
        </tr>
        <tr>
          <th scope="row">${msg('Handovers per case')}</th>
          <td class="num" data-metric="handovers">${formatNumber(r.handoversPerCase)}</td>
        </tr>
        <tr>
          <th scope="row">${msg('Cases that crossed a handover without agreement')}</th>
          <td class="num" data-metric="unagreed">${formatPercent(r.unagreedHandoverShare)}</td>
        </tr>
        ${failed > 0
          ? html`<tr>
              <th scope="row">${msg('Cases that did not finish')}</th>
              <td class="num">${msg(str`${r.outcomes.deadlock} deadlock, ${r.outcomes.stepLimit} endless loop, ${r.outcomes.aborted} stopped`)}</td>
            </tr>`
          : nothing}
      </tbody>
    </table>
    ${renderOutcomes(r)}
    ${r.status === 'time-budget-exceeded'
      ? html`<p class="error-text">${msg(str`The time limit was reached: these figures cover ${formatNumber(r.simulatedCases)} of ${formatNumber(r.cases)} cases.`)}</p>`
      : nothing}
    ${r.issues.length > 0 ? html`<p class="note">${msg('These figures rest on the defaults named in the model check above.')}</p>` : nothing}
  </section>`;
}

/** How the cases ended for the customer, with the lead time of each ending, when there is more than one. */
function renderOutcomes(r: BatchResult): TemplateResult | typeof nothing {
  if (r.outcomesByEnd.length < 2) return nothing;
  return html`<table class="outcomes" data-table="outcomes">
    <caption>
      ${msg('How the cases ended for the customer')}
    </caption>
    <thead>
      <tr>
        <th scope="col">${msg('Customer end event')}</th>
        <th class="num" scope="col">${msg('share of cases')}</th>
        <th class="num" scope="col">${msg('lead time P50')}</th>
        <th class="num" scope="col">${msg('lead time P90')}</th>
      </tr>
    </thead>
    <tbody>
      ${r.outcomesByEnd.map(
        (o) => html`<tr data-id=${o.id}>
          <td>${o.name || o.id}</td>
          <td class="num">${formatPercent(o.share)}</td>
          <td class="num">${formatHours(o.leadTime.p50)}</td>
          <td class="num">${formatHours(o.leadTime.p90)}</td>
        </tr>`
      )}
    </tbody>
  </table>`;
}

function headers(results: readonly BatchResult[], metric: string): TemplateResult[] {
  return results.map((r) => html`<th class="num" scope="col">${results.length > 1 ? `${metric} (${scenarioLabel(r.scenario).toLowerCase()})` : metric}</th>`);
}

function renderDepartments(results: readonly BatchResult[]): TemplateResult {
  const first = results[0]!;
  return html`<h3>${msg('Per department, per case')}</h3>
    <table data-table="departments">
      <thead>
        <tr>
          <th scope="col">${msg('Department')}</th>
          ${headers(results, msg('hours'))} ${headers(results, msg('cost'))}
        </tr>
      </thead>
      <tbody>
        ${first.departments.map(
          (d) => html`<tr data-id=${d.id}>
            <td>${d.name || d.id}${d.customer ? html` <span class="note">(${msg('customer')})</span>` : nothing}</td>
            ${results.map((r) => html`<td class="num">${formatHours(r.departments.find((x) => x.id === d.id)?.hoursPerCase ?? 0)}</td>`)}
            ${results.map((r) => html`<td class="num">${formatMoney(r.departments.find((x) => x.id === d.id)?.costPerCase ?? 0, r.currency)}</td>`)}
          </tr>`
        )}
      </tbody>
    </table>`;
}

function renderActivities(results: readonly BatchResult[], reveal: (id: string) => void): TemplateResult {
  const first = results[0]!;
  return html`<h3>${msg('Per activity, per case')}</h3>
    <table data-table="activities">
      <thead>
        <tr>
          <th scope="col">${msg('Activity')}</th>
          <th class="num" scope="col">${msg('visits')}</th>
          ${headers(results, msg('hours'))} ${headers(results, msg('cost'))}
        </tr>
      </thead>
      <tbody>
        ${first.activities.map(
          (a) => html`<tr data-id=${a.id}>
            <td><button class="link" @click=${() => reveal(a.id)}>${a.name || a.id}</button></td>
            <td class="num">${formatNumber(a.visitsPerCase)}</td>
            ${results.map((r) => html`<td class="num">${formatHours(r.activities.find((x) => x.id === a.id)?.hoursPerCase ?? 0)}</td>`)}
            ${results.map((r) => html`<td class="num">${formatMoney(r.activities.find((x) => x.id === a.id)?.costPerCase ?? 0, r.currency)}</td>`)}
          </tr>`
        )}
      </tbody>
    </table>`;
}

function renderFlagTable(results: readonly BatchResult[], nameOf: NameOf, reveal: (id: string) => void): TemplateResult {
  const keys = new Map<string, { kind: BatchResult['flags'][number]['kind']; elementId: string; isStatic: boolean }>();
  for (const r of results) for (const f of r.flags) keys.set(`${f.kind} ${f.elementId}`, { kind: f.kind, elementId: f.elementId, isStatic: f.static });
  if (keys.size === 0) return html`<h3>${msg('Flags')}</h3><p class="note">${msg('No flags were raised in these cases.')}</p>`;
  const kinds = [...new Set([...keys.values()].map((k) => k.kind))];
  return html`<h3>${msg('Flags: where the chain failed')}</h3>
    <p class="note">${msg('Each row is a place where cases ran into a gap in the chain; the share says in how many cases it happened. Click a name to see it in the diagram.')}</p>
    <table data-table="flags">
      <thead>
        <tr>
          <th scope="col">${msg('Flag')}</th>
          <th scope="col">${msg('Element')}</th>
          ${headers(results, msg('share of cases'))}
        </tr>
      </thead>
      <tbody>
        ${[...keys.values()].map(
          (k) => html`<tr data-kind=${k.kind} data-element-id=${k.elementId}>
            <td class="flag-kind">${flagKindLabel(k.kind)}</td>
            <td><button class="link" @click=${() => reveal(k.elementId)}>${nameOf(k.elementId)}</button></td>
            ${results.map((r) => {
              const f = r.flags.find((x) => x.kind === k.kind && x.elementId === k.elementId);
              return html`<td class="num">${k.isStatic ? msg('in the model') : f ? formatPercent(f.shareOfCases) : '–'}</td>`;
            })}
          </tr>`
        )}
      </tbody>
    </table>
    <dl class="flag-legend">
      ${kinds.map((kind) => html`<dt>${flagKindLabel(kind)}</dt><dd>${flagKindHelp(kind)}</dd>`)}
    </dl>`;
}

const SCENARIO_COLOUR: Record<Scenario, string> = { planned: CHART_COLOURS.planned, realised: CHART_COLOURS.realised };

/** Draws the histogram and department charts into the rendered canvases; returns them for later destruction. */
export async function drawBatchCharts(root: ParentNode, results: readonly BatchResult[]): Promise<Chart[]> {
  const ChartClass = await loadChart();
  const out: Chart[] = [];
  const histogram = root.querySelector<HTMLCanvasElement>('canvas[data-chart="histogram"]');
  const first = results[0];
  if (histogram && first) {
    // One unit for every bar: days when the longest case took two days or more, else hours.
    const inDays = Math.max(...results.map((r) => r.leadTime.max ?? 0)) >= 48;
    const value = (h: number) => formatNumber(Math.round((inDays ? h / 24 : h) * 10) / 10);
    const labels = first.leadTimeHistogram.map((b) => `${value(b.from)}–${value(b.to)}`);
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels,
        datasets: results.map((r) => ({
          label: scenarioLabel(r.scenario),
          data: r.leadTimeHistogram.map((b) => b.count),
          backgroundColor: SCENARIO_COLOUR[r.scenario],
          grouped: results.length > 1
        }))
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: { title: { display: true, text: inDays ? msg('lead time in days') : msg('lead time in hours') } },
          y: { beginAtZero: true, title: { display: true, text: msg('cases') } }
        }
      }
    };
    out.push(new ChartClass(histogram, config));
  }
  const departments = root.querySelector<HTMLCanvasElement>('canvas[data-chart="departments"]');
  if (departments && first) {
    const list = first.departments.filter((d) => !d.customer);
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: list.map((d) => d.name || d.id),
        datasets: results.map((r) => ({
          label: scenarioLabel(r.scenario),
          data: list.map((d) => r.departments.find((x) => x.id === d.id)?.costPerCase ?? 0),
          backgroundColor: SCENARIO_COLOUR[r.scenario]
        }))
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: msg(str`cost per case (${first.currency})`) } } }
      }
    };
    out.push(new ChartClass(departments, config));
  }
  return out;
}

/**
 * Offers the results as a file: JSON is the command line's output for one scenario
 * (and `{ planned, realised }` for both); CSV is the long format per scenario, with a
 * UTF-8 BOM and the decimal comma the user's spreadsheets expect.
 */
export function exportResults(results: readonly BatchResult[], format: 'json' | 'csv'): void {
  const only = results.length === 1 ? results[0]! : undefined;
  if (format === 'json') {
    const text = only ? batchResultToJson(only) : JSON.stringify(Object.fromEntries(results.map((r) => [r.scenario, r])), null, 2) + '\n';
    const name = only ? `simulation-${only.scenario}.json` : 'simulation-planned-realised.json';
    downloadBlob(new Blob([text], { type: 'application/json' }), name);
    return;
  }
  const decimalComma = decimalCommaPreference();
  for (const r of results) {
    downloadBlob(new Blob([batchResultToCsv(r, { decimalComma, bom: true })], { type: CSV_MIME_TYPE }), `simulation-${r.scenario}.csv`);
  }
}

import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { ChartConfiguration } from 'chart.js';
import type { AppController } from '../../app/app-controller';
import type { FailedProcess, LibraryAnalysis } from '../../app/library-analysis';
import { consumeServices } from '../panel-api/context';
import type { Modeler } from '../../modeler/create-modeler';
import { aggregatePerformance, type KpiRow, type PerformanceReport } from '../../analysis/performance/aggregate';
import type { AmountTotals, ResourceSummary } from '../../analysis/performance/resources';
import type { KpiStatus, ObjectiveGroup, PeriodFilter, ProcessInput } from '../../analysis/performance/schema';
import { parseIsoDate } from '../../analysis/performance/values';
import { recordImprovementAction } from '../shared/record-action';
import { currentLocale } from '../../i18n/localization';
import { formatDate, formatMoney, formatNumber, formatPeriod, formatSigned, formatSignedPercent } from '../shared/format';
import {
  activityGroupOrNone,
  directionInWords,
  noDataReasonLabel,
  objectiveGroupHintOrNone,
  objectiveGroupOrNone,
  trendLabel
} from './labels';
import { directionSign, kpiStatusLabel, kpiStatusSymbol } from '../shared/vocabulary';
import { recordKpiMeasurement } from './ml-measurement-dialog';
import { periodsInData, type DatedPeriod } from './periods';
import { openAndReveal, openProcess, revealElements } from '../shared/reveal';
import { sparkline } from './sparkline';
import { ModelerEventsController } from '../shared/modeler-events';
import { ChartsController } from '../shared/charts-controller';
import { emit } from '../shared/events';
import { dashboardChartConfigs } from './dashboard-charts';
import { groupedKpiRows, groupOf, KPI_STATUSES, mainBudget, mainCurrency, matchesFocus, ROWS_PER_GROUP, type DashboardScope, type Focus } from './dashboard-view';
import { dashboardStyles } from './dashboard-styles';


/** The model events after which the open process is read again. */
const MODEL_EVENTS = ['import.done', 'valueChain.changed', 'elements.changed'];


export type { DashboardRenderedDetail } from '../shared/events';
export type { DashboardScope } from './dashboard-view';

/**
 * The Check of Plan–Do–Check–Act: planned versus realised for the open process or
 * the whole library. KPIs are grouped by objective group with a direction-aware
 * status in words, soft KPIs with their evidence, the measurement history as a
 * sparkline and (on request) a line chart; budgets and hours per activity group and
 * per department as bar charts with their figures in a table. A click on a KPI or a
 * bar leads to the element in the model. Values are recorded per period and actions
 * added from each KPI, both as undoable commands.
 *
 * The KPI grouping and filters are in dashboard-view.ts and the chart configurations
 * in dashboard-charts.ts (both run in node); ModelerEventsController holds the
 * modeler subscription, ChartsController the chart.js life cycle; styles are in
 * dashboard-styles.ts. Properties: `modeler`, `controller`. Context: servicesContext
 * (the library analysis).
 *
 * @event ml-close - the user closed the panel
 * @event ml-dashboard-rendered - DashboardRenderedDetail; the data and its charts are on screen
 */
export class MlDashboard extends LitElement {
  static override properties = {
    modeler: { attribute: false },
    controller: { attribute: false },
    scope: { state: true },
    from: { state: true },
    to: { state: true },
    statusFilter: { state: true },
    barFocus: { state: true },
    measure: { state: true },
    limits: { state: true },
    expanded: { state: true },
    report: { state: true },
    inputs: { state: true },
    progress: { state: true },
    reportScope: { state: true },
    failed: { state: true },
    loadError: { state: true }
  };
  declare modeler: Modeler | undefined;
  declare controller: AppController | undefined;
  declare scope: DashboardScope;
  /** The period filter's ends as typed (YYYY-MM-DD), '' when open. */
  declare from: string;
  declare to: string;
  declare statusFilter: KpiStatus | 'all';
  declare barFocus: Focus | undefined;
  /** Which resource the bar charts show. */
  declare measure: 'budget' | 'hours';
  /** Rows shown per objective group (key: group or 'none'). */
  declare limits: Record<string, number>;
  /** The KPI whose history chart is open. */
  declare expanded: string | undefined;
  declare report: PerformanceReport | undefined;
  declare inputs: readonly ProcessInput[];
  /** While the library is read: how far. */
  declare progress: { done: number; total: number } | undefined;
  /** The scope of the figures on screen; differs from `scope` while the other scope is being read. */
  declare reportScope: DashboardScope;
  declare failed: readonly FailedProcess[];
  declare loadError: string | undefined;

  static override styles = dashboardStyles;

  private readonly modelerEvents = new ModelerEventsController(
    this,
    [[MODEL_EVENTS, () => this.schedule()]],
    () => this.onAttach(),
    () => this.onDetach()
  );
  /** The controller whose 'change' events the dashboard listens to while attached. */
  private followed: AppController | undefined;
  private readonly charts = new ChartsController(this, () => this.renderRoot);
  private run = 0;
  private readonly services = consumeServices(this);
  private pending: ReturnType<typeof setTimeout> | undefined;
  private seenProcesses: unknown;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.scope = 'process';
    this.from = '';
    this.to = '';
    this.statusFilter = 'all';
    this.barFocus = undefined;
    this.measure = 'budget';
    this.limits = {};
    this.expanded = undefined;
    this.report = undefined;
    this.inputs = [];
    this.progress = undefined;
    this.reportScope = 'process';
    this.failed = [];
    this.loadError = undefined;
  }

  // ---- life cycle ---------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The dashboard follows the modeler only together with the app controller.
    if (changed.has('modeler') || changed.has('controller')) this.modelerEvents.track(this.controller ? this.modeler : undefined);
  }

  protected override updated(): void {
    void this.syncCharts();
  }

  private onAttach(): void {
    const controller = this.controller!;
    this.followed = controller;
    controller.addEventListener('change', this.onAppChange);
    this.seenProcesses = controller.state.processes;
    void this.refresh().then(async () => {
      // Parse the rest of the library in the background, so the library view opens fast.
      if (this.modelerEvents.attached) (await this.libraryAnalysis()).warm();
    });
  }

  private onDetach(): void {
    this.followed?.removeEventListener('change', this.onAppChange);
    this.followed = undefined;
    clearTimeout(this.pending);
  }

  private onAppChange = (): void => {
    const processes = this.controller?.state.processes;
    if (processes === this.seenProcesses) return;
    this.seenProcesses = processes;
    if (this.scope === 'library') this.schedule();
  };

  /** Several events of one command lead to one refresh. */
  private schedule(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.refresh(), this.scope === 'library' ? 150 : 30);
  }

  // ---- data ------------------------------------------------------------------------------------

  /** The period filter, or undefined when it is open or not valid (the toolbar says why). */
  private period(): PeriodFilter | undefined {
    const from = parseIsoDate(this.from);
    const to = parseIsoDate(this.to);
    if (from && to && to < from) return undefined;
    if (!from && !to) return undefined;
    return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  }

  /** Reads the data for the scope again and aggregates it; a newer refresh wins over an older one. */
  async refresh(): Promise<void> {
    const run = ++this.run;
    let analysis: LibraryAnalysis;
    try {
      analysis = await this.libraryAnalysis();
    } catch (error) {
      if (run === this.run) this.loadError = error instanceof Error ? error.message : String(error);
      return;
    }
    if (run !== this.run) return;
    if (this.scope === 'process') {
      const open = analysis.analyseOpen();
      this.progress = undefined;
      this.failed = [];
      this.loadError = undefined;
      this.inputs = open ? [open.performance] : [];
      this.reportScope = 'process';
      this.aggregate();
      return;
    }
    return this.refreshLibrary(run, analysis);
  }

  /** The app's one analysis of the library (loaded with its code on first use). */
  private libraryAnalysis(): Promise<LibraryAnalysis> {
    const services = this.services.value;
    return services ? services.library() : Promise.reject(new Error('The app has not started yet.'));
  }

  private async refreshLibrary(run: number, analysis: LibraryAnalysis): Promise<void> {
    try {
      const result = await analysis.analyse({
        onProgress: (done, total) => {
          if (run === this.run && done < total) this.progress = { done, total };
        }
      });
      if (run !== this.run) return;
      this.progress = undefined;
      this.failed = result.failed;
      this.loadError = undefined;
      this.inputs = result.processes.map((p) => p.performance);
      this.reportScope = 'library';
      this.aggregate();
    } catch (error) {
      if (run !== this.run) return;
      this.progress = undefined;
      this.loadError = error instanceof Error ? error.message : String(error);
    }
  }

  /** Periods found per set of inputs, for the open process and for the library (the two sets a user switches between). */
  private presetsFor: { inputs: readonly ProcessInput[]; presets: DatedPeriod[] }[] = [];

  /** The periods found in the data, computed once per set of inputs (a large library has tens of thousands). */
  private periodPresets(): DatedPeriod[] {
    const inputs = this.inputs;
    const memo = this.presetsFor.find((m) => m.inputs.length === inputs.length && m.inputs.every((p, i) => p === inputs[i]));
    if (memo) return memo.presets;
    const presets = periodsInData(inputs);
    this.presetsFor = [{ inputs, presets }, ...this.presetsFor].slice(0, 2);
    return presets;
  }

  private aggregate(): void {
    this.report = aggregatePerformance(this.inputs, { period: this.period() });
  }

  // ---- user actions -------------------------------------------------------------------------

  /** Switches between the open process and the whole library. */
  setScope(scope: DashboardScope): Promise<void> {
    if (scope === this.scope) return Promise.resolve();
    this.scope = scope;
    this.barFocus = undefined;
    this.limits = {};
    this.expanded = undefined;
    // The figures on screen stay (and their charts with them) until the other scope's are ready.
    return this.refresh();
  }

  private setPeriod(from: string, to: string): void {
    this.from = from;
    this.to = to;
    this.expanded = undefined;
    this.aggregate();
  }

  private async showKpi(row: KpiRow): Promise<void> {
    if (!this.modeler || !this.controller) return;
    if (this.reportScope === 'library') await openAndReveal(this.controller, this.modeler, row.processId, [row.activityId]);
    else revealElements(this.modeler, [row.activityId]);
  }

  private async recordValue(row: KpiRow): Promise<void> {
    if (!this.modeler || !this.controller || !row.kpiId) return;
    await openProcess(this.controller, row.processId);
    await recordKpiMeasurement(this.modeler, row.activityId, row.kpiId);
  }

  private async addAction(row: KpiRow): Promise<void> {
    if (!this.modeler || !this.controller) return;
    await openProcess(this.controller, row.processId);
    await recordImprovementAction(this.modeler, { elementId: row.activityId, ...(row.kpiId ? { kpiId: row.kpiId } : {}) });
  }

  private setFocus(focus: Focus): void {
    this.barFocus = focus;
    this.limits = {};
    if (this.reportScope !== 'process' || !this.modeler) return;
    const ids = this.inputs.flatMap((p) => p.activities.filter((a) => matchesFocus(focus, groupOf(a.activityGroup, a.resources?.budgetGroup), a.department)).map((a) => a.id));
    revealElements(this.modeler, ids);
  }

  private close(): void {
    emit(this, 'ml-close');
  }

  // ---- rendering --------------------------------------------------------------------------

  override render() {
    return html`
      <div class="toolbar" role="toolbar" aria-label=${msg('Dashboard settings')}>
        <h2 id="dash-title">${msg('Dashboard: planned and realised')}</h2>
        <div class="segmented" role="radiogroup" aria-label=${msg('Show')}>
          ${this.scopeButton('process', msg('This process'))} ${this.scopeButton('library', msg('Whole library'))}
        </div>
        ${this.renderPeriodFilter()}
        <span class="spacer"></span>
        <button type="button" class="close" aria-label=${msg('Close dashboard')} @click=${this.close}>×</button>
      </div>
      <p class="insight" role="note">
        ${msg('KPIs give insight into the value chain; they are not targets for people. This dashboard ranks no one.')}
      </p>
      ${this.renderBody()}
    `;
  }

  private scopeButton(scope: DashboardScope, label: string) {
    const checked = this.scope === scope;
    return html`<button type="button" role="radio" data-scope=${scope} aria-checked=${checked ? 'true' : 'false'} tabindex=${checked ? 0 : -1}
      @click=${() => this.setScope(scope)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        e.preventDefault();
        const next: DashboardScope = this.scope === 'process' ? 'library' : 'process';
        void this.setScope(next).then(() => this.renderRoot.querySelector<HTMLElement>(`[data-scope="${next}"]`)?.focus());
      }}>${label}</button>`;
  }

  private renderPeriodFilter() {
    const presets: DatedPeriod[] = this.periodPresets();
    const from = parseIsoDate(this.from);
    const to = parseIsoDate(this.to);
    const reversed = !!from && !!to && to < from;
    const preset = presets.find((p) => p.start === this.from && p.end === this.to);
    return html`<fieldset class="period">
      <legend>${msg('Period')}</legend>
      <label
        >${msg('Choose')}
        <select data-period-preset @change=${(e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          const [start = '', end = ''] = value ? value.split('/') : [];
          this.setPeriod(start, end);
        }}>
          <option value="" ?selected=${!this.from && !this.to}>${msg('All periods')}</option>
          ${presets.map((p) => html`<option value="${p.start}/${p.end}" ?selected=${p === preset}>${formatPeriod(p.start, p.end)}</option>`)}
          ${!preset && (this.from || this.to) ? html`<option value="${this.from}/${this.to}" selected>${msg('Own period')}</option>` : nothing}
        </select>
      </label>
      <label>${msg('from')} <input type="date" data-period="from" .value=${this.from} @change=${(e: Event) => this.setPeriod((e.target as HTMLInputElement).value, this.to)} /></label>
      <label>${msg('to')} <input type="date" data-period="to" .value=${this.to} aria-invalid=${reversed ? 'true' : 'false'}
        aria-describedby="period-error" @change=${(e: Event) => this.setPeriod(this.from, (e.target as HTMLInputElement).value)} /></label>
      ${reversed ? html`<span class="error" id="period-error" role="alert">${msg('The period ends before it starts; showing all periods.')}</span>` : nothing}
    </fieldset>`;
  }

  private renderBody() {
    if (this.loadError) return html`<p class="message error" role="alert">${msg(str`The library could not be read: ${this.loadError}`)}</p>`;
    const reading = this.progress && this.scope === 'library'
      ? html`<div class="message reading" role="status">
          <label>${msg(str`Reading the library: ${this.progress.done} of ${this.progress.total} processes…`)}
            <progress max=${this.progress.total} value=${this.progress.done}></progress></label>
          ${this.report ? html`<span>${msg('Until then, the figures below are those of this process.')}</span>` : nothing}
        </div>`
      : nothing;
    const report = this.report;
    if (!report) return html`${reading}<p class="message" role="status">${msg('Loading…')}</p>`;
    return html`${reading}<div class="body" data-state=${this.reportScope === this.scope ? 'ready' : 'updating'} data-scope=${this.reportScope}>
      <section class="kpis" aria-labelledby="kpi-title">${this.renderKpis(report)}</section>
      <section class="resources" aria-labelledby="res-title">${this.renderResources(report)}</section>
    </div>`;
  }

  // ---- KPIs -------------------------------------------------------------------------------

  private grouped: { report: PerformanceReport; status: KpiStatus | 'all'; focus: Focus | undefined; groups: Map<ObjectiveGroup | undefined, KpiRow[]> } | undefined;

  /**
   * The rows that pass the filters, per objective group, in the order shown (off track
   * first). Computed once per report and filter: a library has thousands of rows and
   * one switch renders several times.
   */
  private groupedRows(report: PerformanceReport): Map<ObjectiveGroup | undefined, KpiRow[]> {
    const g = this.grouped;
    if (g && g.report === report && g.status === this.statusFilter && g.focus === this.barFocus) return g.groups;
    const focus = this.barFocus;
    const groups = groupedKpiRows(report, this.statusFilter, focus);
    this.grouped = { report, status: this.statusFilter, focus, groups };
    return groups;
  }

  private renderKpis(report: PerformanceReport) {
    const s = report.statuses;
    const byGroup = this.groupedRows(report);
    const library = this.reportScope === 'library';
    const empty = report.byObjectiveGroup.filter((g) => g.total === 0).map((g) => objectiveGroupOrNone(g.group));
    return html`
      <h3 id="kpi-title">${library ? msg(str`KPIs in ${report.processes.length} processes`) : msg('KPIs of this process')}</h3>
      ${this.failed.length
        ? html`<p class="note warn" role="status">${msg(str`Not included, because they could not be read: ${this.failed.map((f) => f.name).join(', ')}`)}</p>`
        : nothing}
      <div class="chips" role="group" aria-label=${msg('Filter by status')}>
        ${this.statusChip('all', msg('All'), s.total)}
        ${KPI_STATUSES.map((status) =>
          this.statusChip(status, kpiStatusLabel(status), status === 'on-track' ? s.onTrack : status === 'off-track' ? s.offTrack : status === 'no-data' ? s.noData : s.qualitative)
        )}
      </div>
      ${this.barFocus
        ? html`<p class="focus" role="status">
            ${this.barFocus.kind === 'activityGroup'
              ? msg(str`Showing the KPIs of the activity group “${activityGroupOrNone(this.barFocus.group)}”.`)
              : msg(str`Showing the KPIs of the department “${this.barFocus.department ?? msg('outside any lane')}”.`)}
            <button type="button" class="link" data-action="clear-focus" @click=${() => (this.barFocus = undefined)}>${msg('Show all KPIs')}</button>
          </p>`
        : nothing}
      ${s.total === 0
        ? html`<p class="message">${this.period()
            ? msg('No KPI has a period or measurement within the chosen period.')
            : msg('No KPIs yet. Add performance measures with a target to the steps, in the KPI table or the properties panel.')}</p>`
        : nothing}
      ${[...byGroup.entries()].filter(([, list]) => list.length > 0).map(([group, list]) => this.renderGroup(report, group, list))}
      ${s.total > 0 && empty.length ? html`<p class="note">${msg(str`No KPIs in: ${empty.join(', ')}.`)}</p>` : nothing}
      ${library ? this.renderProcesses(report) : nothing}
    `;
  }

  private statusChip(status: KpiStatus | 'all', label: string, count: number) {
    const pressed = this.statusFilter === status;
    return html`<button type="button" class="chip ${status === 'all' ? '' : `s-${status}`}" data-status-filter=${status} aria-pressed=${pressed ? 'true' : 'false'}
      @click=${() => {
        this.statusFilter = status;
        this.limits = {};
      }}>${status === 'all' ? '' : html`<span aria-hidden="true">${kpiStatusSymbol(status)}</span> `}${label} <strong>${formatNumber(count)}</strong></button>`;
  }

  private renderGroup(report: PerformanceReport, group: ObjectiveGroup | undefined, sorted: KpiRow[]) {
    const key = group ?? 'none';
    const summary = report.byObjectiveGroup.find((g) => g.group === group)!;
    const limit = this.limits[key] ?? ROWS_PER_GROUP;
    const shown = sorted.slice(0, limit);
    const library = this.reportScope === 'library';
    const headingId = `group-${key}`;
    return html`<section class="group" data-objective-group=${key} aria-labelledby=${headingId}>
      <h4 id=${headingId}>
        ${objectiveGroupOrNone(group)}
        <span class="counts">${msg(str`${summary.onTrack} on track, ${summary.offTrack} off track, ${summary.noData} without data, ${summary.qualitative} qualitative`)}</span>
      </h4>
      <p class="hint">${objectiveGroupHintOrNone(group)}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">${msg('KPI')}</th>
            <th scope="col">${library ? msg('Step (process)') : msg('Step')}</th>
            <th scope="col" class="num">${msg('Target')}</th>
            <th scope="col" class="num">${msg('Realised')}</th>
            <th scope="col" class="num" title=${msg('Realised minus target')}>${msg('Difference')}</th>
            <th scope="col">${msg('Status')}</th>
            <th scope="col">${msg('Trend')}</th>
            <th scope="col"><span class="visually-hidden">${msg('Record and act')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${repeat(shown, (r) => r.key, (r) => this.renderRow(r))}
        </tbody>
      </table>
      ${sorted.length > shown.length
        ? html`<button type="button" class="more" data-action="more" @click=${() => (this.limits = { ...this.limits, [key]: limit + 50 })}>
            ${msg(str`Show ${Math.min(50, sorted.length - shown.length)} more (${sorted.length - shown.length} not shown)`)}
          </button>`
        : nothing}
    </section>`;
  }

  private renderRow(r: KpiRow) {
    const unit = r.unit ?? '';
    const name = r.name ?? r.kpiId ?? msg('(unnamed KPI)');
    const expanded = this.expanded === r.key;
    const canRecord = !!r.kpiId;
    const breakdown = Object.values(r.breakdown).filter(Boolean).join(' · ');
    const realisedPeriod = r.realisedPeriod ? formatPeriod(r.realisedPeriod.start, r.realisedPeriod.end) : '';
    return html`<tr data-kpi-key=${r.key} data-kpi-id=${r.kpiId ?? ''} data-status=${r.status}>
        <th scope="row">
          <button type="button" class="link" data-action="show-kpi" @click=${() => this.showKpi(r)} title=${msg('Show the step in the diagram')}>${name}</button>
          ${breakdown ? html`<div class="sub">${breakdown}</div>` : nothing}
          ${r.period.start || r.period.end ? html`<div class="sub">${formatPeriod(r.period.start, r.period.end)}</div>` : nothing}
        </th>
        <td>${r.activityName ?? r.activityId}${this.reportScope === 'library' ? html`<div class="sub">${r.processName ?? ''}</div>` : nothing}
          ${r.department ? html`<div class="sub">${r.department}</div>` : nothing}</td>
        <td class="num">
          ${r.target !== undefined
            ? html`<span title=${directionInWords(r.direction, r.directionAssumed)}><span aria-hidden="true">${directionSign(r.direction)}</span>
                <span class="visually-hidden">${directionInWords(r.direction, r.directionAssumed)}</span> ${formatNumber(r.target)} ${unit}</span>`
            : html`<span class="muted">${msg('none')}</span>`}
        </td>
        <td class="num">
          ${r.realised !== undefined ? html`${formatNumber(r.realised)} ${unit}` : nothing}
          ${r.evidence ? html`<q class="evidence">${r.evidence}</q>` : nothing}
          ${realisedPeriod ? html`<div class="sub">${msg(str`measured ${realisedPeriod}`)}</div>` : nothing}
          ${r.unreadable.length ? html`<div class="sub warn">${msg(str`unreadable: ${r.unreadable.join(', ')}`)}</div>` : nothing}
        </td>
        <td class="num">${r.absolute !== undefined ? html`${formatSigned(r.absolute)}${r.relative !== undefined ? html`<div class="sub">${formatSignedPercent(r.relative)}</div>` : nothing}` : nothing}</td>
        <td>
          <span class="status s-${r.status}"><span aria-hidden="true">${kpiStatusSymbol(r.status)}</span> <span class="words">${kpiStatusLabel(r.status)}</span></span>
          ${r.noDataReason ? html`<div class="sub">${noDataReasonLabel(r.noDataReason)}</div>` : nothing}
        </td>
        <td>
          ${r.history.length
            ? html`<button type="button" class="trend" data-action="history" aria-expanded=${expanded ? 'true' : 'false'}
                aria-label=${msg(str`History of ${name}: ${r.history.length} measurements, ${trendLabel(r.trend) || msg('no trend')}`)}
                @click=${() => (this.expanded = expanded ? undefined : r.key)}>
                ${sparkline(r.history, r.target)} <span>${trendLabel(r.trend) || msg(str`${r.history.length}×`)}</span>
              </button>`
            : html`<span class="muted" aria-hidden="true">–</span><span class="visually-hidden">${msg('no history')}</span>`}
        </td>
        <td><div class="row-actions">
          <button type="button" data-action="record" ?disabled=${!canRecord} @click=${() => this.recordValue(r)}
            aria-label=${msg(str`Record a realised value for ${name}`)}>${msg('Record value')}</button>
          <button type="button" data-action="add-action" @click=${() => this.addAction(r)}
            aria-label=${msg(str`Record an improvement action for ${name}`)}>${msg('Action')}</button>
        </div></td>
      </tr>
      ${expanded ? this.renderHistory(r, name) : nothing}`;
  }

  private renderHistory(r: KpiRow, name: string) {
    return html`<tr class="history-row">
      <td colspan="8">
        <div class="history">
          <div class="chart small"><canvas data-chart="history" role="img" aria-label=${msg(str`Line chart of the measurements of ${name}; the list beside it gives the figures.`)}></canvas></div>
          <ol class="measurements" aria-label=${msg(str`Measurements of ${name}`)}>
            ${r.history.map(
              (p) => html`<li>
                <span>${formatPeriod(p.periodStart, p.periodEnd) || msg('undated')}</span>
                <strong>${p.value !== undefined ? `${formatNumber(p.value)} ${r.unit ?? ''}` : p.unreadable ? msg('unreadable') : ''}</strong>
                ${p.evidence ? html`<q class="evidence">${p.evidence}</q>` : nothing}
                ${p.recordedOn ? html`<span class="sub">${msg(str`recorded ${formatDate(p.recordedOn)}`)}</span>` : nothing}
              </li>`
            )}
          </ol>
        </div>
      </td>
    </tr>`;
  }

  private renderProcesses(report: PerformanceReport) {
    return html`<details class="processes">
      <summary>${msg(str`Per process (${report.processes.length})`)}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">${msg('Process')}</th>
            <th scope="col" class="num">${msg('KPIs')}</th>
            <th scope="col" class="num">${kpiStatusLabel('on-track')}</th>
            <th scope="col" class="num">${kpiStatusLabel('off-track')}</th>
            <th scope="col" class="num">${msg('Budget planned')}</th>
            <th scope="col" class="num">${msg('Budget realised')}</th>
          </tr>
        </thead>
        <tbody>
          ${report.processes.map((p) => {
            const budget = mainBudget(p.resources);
            return html`<tr>
              <th scope="row"><button type="button" class="link" @click=${() => this.controller?.open(p.processId)}>${p.name ?? p.processId}</button></th>
              <td class="num">${p.kpis.total}</td>
              <td class="num">${p.kpis.onTrack}</td>
              <td class="num">${p.kpis.offTrack}</td>
              <td class="num">${budget ? formatMoney(budget.planned, budget.currency) : ''}</td>
              <td class="num">${budget ? formatMoney(budget.realised, budget.currency) : ''}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </details>`;
  }

  // ---- resources ------------------------------------------------------------------------------

  private renderResources(report: PerformanceReport) {
    const currency = mainCurrency(report.resources);
    const others = report.resources.budgets.map((b) => b.currency).filter((c) => c !== currency);
    const hours = this.measure === 'hours';
    return html`
      <div class="res-head">
        <h3 id="res-title">${msg('Resources: planned and realised')}</h3>
        <div class="segmented small" role="radiogroup" aria-label=${msg('Resource')}>
          ${(['budget', 'hours'] as const).map(
            (m) => html`<button type="button" role="radio" data-measure=${m} aria-checked=${this.measure === m ? 'true' : 'false'} @click=${() => (this.measure = m)}>
              ${m === 'budget' ? msg(str`Budget (${currency})`) : msg('Hours')}</button>`
          )}
        </div>
      </div>
      ${!hours && others.length ? html`<p class="note">${msg(str`Amounts in ${others.join(', ')} are not added to ${currency}.`)}</p>` : nothing}
      ${this.renderResourceBlock(
        'groups',
        msg('Per activity group'),
        report.byActivityGroup.map((g) => ({ label: activityGroupOrNone(g.group), summary: g, focus: { kind: 'activityGroup', group: g.group } as Focus })),
        currency
      )}
      ${this.renderResourceBlock(
        'departments',
        msg('Per department'),
        report.byDepartment.map((d) => ({ label: d.department ?? msg('Outside any lane'), summary: d, focus: { kind: 'department', department: d.department } as Focus })),
        currency
      )}
    `;
  }

  private renderResourceBlock(id: string, title: string, entries: { label: string; summary: ResourceSummary; focus: Focus }[], currency: string) {
    const hours = this.measure === 'hours';
    const amount = (v: number | undefined) => (hours ? formatNumber(v) : formatMoney(v, currency));
    const chartHeight = Math.max(120, 42 * entries.length + 50);
    return html`<figure class="resource" data-resource-chart=${id}>
      <figcaption>${title}</figcaption>
      <div class="chart" style="height:${chartHeight}px">
        <canvas data-chart=${id} role="img"
          aria-label=${hours ? msg(str`Bar chart of hours planned and realised, ${title.toLowerCase()}; the table below gives the figures.`) : msg(str`Bar chart of budget planned and realised, ${title.toLowerCase()}; the table below gives the figures.`)}></canvas>
      </div>
      <table class="mini">
        <thead>
          <tr>
            <th scope="col"><span class="visually-hidden">${title}</span></th>
            <th scope="col" class="num">${msg('Planned')}</th>
            <th scope="col" class="num">${msg('Realised')}</th>
          </tr>
        </thead>
        <tbody>
          ${entries.map((e) => {
            const t = hours ? e.summary.hours : e.summary.budgets.find((b) => b.currency === currency);
            return html`<tr>
              <th scope="row"><button type="button" class="link" data-focus=${e.label} @click=${() => this.setFocus(e.focus)}>${e.label}</button></th>
              <td class="num">${t?.plannedCount ? amount(t.planned) : '–'}</td>
              <td class="num">${t?.realisedCount ? amount(t.realised) : '–'}<div class="vs-plan">${this.resourceStatus(t, hours, currency)}</div></td>
            </tr>`;
          })}
        </tbody>
      </table>
    </figure>`;
  }

  private resourceStatus(t: AmountTotals | undefined, hours: boolean, currency: string) {
    if (!t || t.status === 'no-data') return html`<span class="status s-no-data"><span aria-hidden="true">–</span> ${msg('No data')}</span>`;
    const diff = hours ? formatSigned(t.variance) : formatMoney(t.variance, currency);
    const share = t.relative !== undefined ? ` (${formatSignedPercent(t.relative)})` : '';
    return t.status === 'on-track'
      ? html`<span class="status s-on-track"><span aria-hidden="true">✓</span> ${msg('Within plan')}</span> <span class="sub">${diff}${share}</span>`
      : html`<span class="status s-off-track"><span aria-hidden="true">✗</span> ${msg('Over plan')}</span> <span class="sub">${hours ? diff : `+${diff}`}${share}</span>`;
  }

  // ---- charts ---------------------------------------------------------------------------------

  private chartConfigs(): Map<string, ChartConfiguration> {
    if (!this.report) return new Map();
    return dashboardChartConfigs(this.report, { measure: this.measure, expanded: this.expanded, onFocus: (focus) => this.setFocus(focus) });
  }

  /** Brings the charts in line with the rendered canvases; then tells listeners what is on screen. */
  private async syncCharts(): Promise<void> {
    const drawn = await this.charts.sync([this.report, this.measure, this.expanded, this.reportScope, currentLocale()], () => this.chartConfigs());
    const report = this.report;
    if (!drawn || !report) return;
    emit(this, 'ml-dashboard-rendered', { scope: this.reportScope, kpis: report.kpis.length, processes: report.processes.length, charts: this.charts.size });
  }
}
customElements.define('ml-dashboard', MlDashboard);


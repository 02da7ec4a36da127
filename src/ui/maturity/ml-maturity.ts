import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { Chart, ChartConfiguration } from 'chart.js';
import type { AppController } from '../../app/app-controller';
import type { Modeler } from '../../modeler/create-modeler';
import {
  averagePillarScores,
  perceptionGaps,
  radarSeries,
  respondentLabel,
  summariseAssessment,
  type PerceptionGap,
  type Respondent
} from '../../analysis/maturity/assessment';
import { libraryIndicators, type IndicatorSet } from '../../analysis/maturity/indicators';
import { getPillar, MATURITY_LEVELS, PILLAR_IDS, type ContentLocale } from '../../analysis/maturity/model';
import type { AppServices, AssessmentRecord, AssessmentStore, StorageProblem } from '../../app/services';
import { currentLocale } from '../../i18n/localization';
import { confirmAction } from '../shared/dialogs';
import { CHART_COLOURS, loadChart } from '../shared/chart-loader';
import { formatNumber, formatPercent } from '../shared/format';
import { consumeServices } from '../panel-api/context';
import { describeIssues, exportCsv, exportJson, exportPillarSummary, readAssessmentFile } from './exchange';
import { editRespondent } from './ml-respondent-dialog';
import { maturityStyles } from './maturity-styles';
import { panelControlStyles, sidePanelFrameStyles } from '../shared/panel-styles';

type Tab = 'respondents' | 'results' | 'indicators';

/** A message under the assessment bar: what happened, in words. */
interface Notice {
  tone: 'info' | 'error';
  text: string;
  details?: string[];
}

/** Which series the radar shows: the average, marketing's or the others' average, or one respondent. */
type RadarChoice = 'average' | 'marketing' | 'others' | `respondent:${string}`;

function newRespondentId(): string {
  return `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/**
 * The Customer Engagement Maturity self-assessment of the organisation (not of one
 * process): assessments such as B2B and B2C, their respondents, a radar chart of
 * current against desired levels, the perception gap between marketing and the
 * others, the balance between pillars, and, beside them, indicators from the
 * process library. Assessments are stored in this browser and travel as JSON or CSV.
 *
 * @event ml-close - the user closed the panel
 * @event ml-maturity-rendered - the shown tab and its chart are on screen
 */
export class MlMaturity extends LitElement {
  static override properties = {
    modeler: { attribute: false },
    controller: { attribute: false },
    assessments: { state: true },
    problems: { state: true },
    selectedId: { state: true },
    tab: { state: true },
    editing: { state: true },
    notice: { state: true },
    radar: { state: true },
    dutchCsv: { state: true },
    indicators: { state: true },
    indicatorState: { state: true }
  };
  declare modeler: Modeler | undefined;
  declare controller: AppController | undefined;
  declare assessments: AssessmentRecord[];
  declare problems: StorageProblem[];
  declare selectedId: string | undefined;
  declare tab: Tab;
  /** The create or rename form, when open. */
  declare editing: { mode: 'create' | 'rename' } | undefined;
  declare notice: Notice | undefined;
  declare radar: RadarChoice;
  declare dutchCsv: boolean;
  declare indicators: IndicatorSet | undefined;
  declare indicatorState: 'idle' | 'loading' | 'ready' | 'error';

  static override styles = [sidePanelFrameStyles, panelControlStyles, maturityStyles];

  private chart: Chart | undefined;
  private drawn = 0;
  private readonly services = consumeServices(this);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.assessments = [];
    this.problems = [];
    this.selectedId = undefined;
    this.tab = 'results';
    this.editing = undefined;
    this.notice = undefined;
    this.radar = 'average';
    this.dutchCsv = currentLocale() === 'nl';
    this.indicators = undefined;
    this.indicatorState = 'idle';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('tab') && this.tab === 'indicators' && this.indicatorState === 'idle') void this.loadIndicators();
    void this.syncChart();
  }

  // ---- data ----------------------------------------------------------------------------------

  private get selected(): AssessmentRecord | undefined {
    return this.assessments.find((a) => a.id === this.selectedId);
  }

  /** The app's services; they exist once the shell has started, before any panel shows. */
  private app(): AppServices {
    const services = this.services.value;
    if (!services) throw new Error('The app has not started yet.');
    return services;
  }

  /** The organisation's assessments. */
  private store(): AssessmentStore {
    return this.app().assessments;
  }

  private locale(): ContentLocale {
    return currentLocale() === 'nl' ? 'nl' : 'en';
  }

  /** Reads the stored assessments again; keeps the selection when it still exists. */
  async load(selectId?: string): Promise<void> {
    try {
      const repo = this.store();
      const { assessments, problems } = await repo.list();
      this.assessments = assessments;
      this.problems = problems;
      const wanted = selectId ?? this.selectedId;
      this.selectedId = assessments.some((a) => a.id === wanted) ? wanted : assessments[0]?.id;
      if (!selectId && this.selected && this.selected.respondents.length === 0) this.tab = 'respondents';
    } catch (error) {
      this.notice = { tone: 'error', text: msg(str`The assessments could not be read: ${errorText(error)}`) };
    }
  }

  private async save(next: AssessmentRecord, done: string): Promise<boolean> {
    try {
      const repo = this.store();
      await repo.save(next);
      await this.load(next.id);
      this.notice = { tone: 'info', text: done };
      return true;
    } catch (error) {
      this.notice = { tone: 'error', text: msg(str`Not saved: ${errorText(error)}`) };
      return false;
    }
  }

  private async loadIndicators(): Promise<void> {
    this.indicatorState = 'loading';
    try {
      const analysis = await this.app().library();
      const result = await analysis.analyse();
      this.indicators = libraryIndicators(result.processes.map((p) => p.indicators));
      this.indicatorState = 'ready';
    } catch {
      this.indicatorState = 'error';
    }
  }

  // ---- user actions --------------------------------------------------------------------------

  private async submitDetails(event: Event): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const organisation = String(data.get('organisation') ?? '').trim();
    const title = String(data.get('title') ?? '').trim();
    if (!organisation || !title) {
      this.notice = { tone: 'error', text: msg('Give the organisation and a title such as B2B or B2C.') };
      return;
    }
    if (this.editing?.mode === 'rename' && this.selected) {
      if (await this.save({ ...this.selected, organisation, title }, msg(str`Renamed to ${title}.`))) this.editing = undefined;
      return;
    }
    try {
      const created = await this.store().create({ organisation, title });
      this.editing = undefined;
      this.tab = 'respondents';
      await this.load(created.id);
      this.notice = { tone: 'info', text: msg(str`Assessment ${title} created. Add the respondents.`) };
    } catch (error) {
      this.notice = { tone: 'error', text: msg(str`Not created: ${errorText(error)}`) };
    }
  }

  private async deleteSelected(): Promise<void> {
    const a = this.selected;
    if (!a) return;
    const ok = await confirmAction({
      title: msg('Delete assessment?'),
      message: msg(str`“${a.organisation} – ${a.title}” and the answers of its ${a.respondents.length} respondents will be removed from this browser. Export it first if you want to keep a copy.`),
      confirmLabel: msg('Delete'),
      danger: true
    });
    if (!ok) return;
    try {
      await this.store().delete(a.id);
      this.selectedId = undefined;
      await this.load();
      this.notice = { tone: 'info', text: msg(str`Deleted: ${a.title}`) };
    } catch (error) {
      this.notice = { tone: 'error', text: msg(str`Not deleted: ${errorText(error)}`) };
    }
  }

  private departments(): string[] {
    const all = new Set<string>();
    for (const a of this.assessments) for (const r of a.respondents) all.add(r.department);
    for (const d of ['Marketing', msg('Sales'), msg('Customer service'), msg('Finance'), 'IT']) all.add(d);
    return [...all].sort((x, y) => x.localeCompare(y));
  }

  private async addRespondent(): Promise<void> {
    const a = this.selected;
    if (!a) return;
    const answer = await editRespondent(msg('Add a respondent'), { id: newRespondentId() }, this.departments());
    if (answer) await this.save({ ...a, respondents: [...a.respondents, answer] }, msg(str`Answers of ${respondentLabel(answer)} saved.`));
  }

  private async editRespondentOf(respondent: Respondent): Promise<void> {
    const a = this.selected;
    if (!a) return;
    const answer = await editRespondent(msg(str`Answers of ${respondentLabel(respondent)}`), respondent, this.departments());
    if (answer) await this.save({ ...a, respondents: a.respondents.map((r) => (r.id === respondent.id ? answer : r)) }, msg(str`Answers of ${respondentLabel(answer)} saved.`));
  }

  private async removeRespondent(respondent: Respondent): Promise<void> {
    const a = this.selected;
    if (!a) return;
    const ok = await confirmAction({
      title: msg('Remove respondent?'),
      message: msg(str`The answers of ${respondentLabel(respondent)} will be removed from this assessment.`),
      confirmLabel: msg('Remove'),
      danger: true
    });
    if (ok) await this.save({ ...a, respondents: a.respondents.filter((r) => r.id !== respondent.id) }, msg(str`Removed: ${respondentLabel(respondent)}`));
  }

  private async importFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const parsed = await readAssessmentFile(file);
    if (!parsed.ok) {
      this.notice = {
        tone: 'error',
        text: msg(str`“${file.name}” was not imported and nothing was changed. What is wrong:`),
        details: describeIssues(parsed.issues)
      };
      return;
    }
    try {
      const result = await this.store().importAll(parsed.value);
      const first = result.added[0] ?? result.copied[0] ?? result.unchanged[0];
      await this.load(first?.id);
      this.notice = {
        tone: 'info',
        text: msg(str`Imported from “${file.name}”: ${result.added.length} new, ${result.unchanged.length} already here, ${result.copied.length} kept as a copy beside a different assessment with the same id.`)
      };
    } catch (error) {
      this.notice = { tone: 'error', text: msg(str`“${file.name}” was not imported and nothing was changed: ${errorText(error)}`) };
    }
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('ml-close', { bubbles: true, composed: true }));
  }

  // ---- rendering ---------------------------------------------------------------------------

  override render() {
    const a = this.selected;
    return html`
      <header>
        <h2>${msg('Customer engagement maturity')}</h2>
        <button type="button" class="close" aria-label=${msg('Close maturity')} @click=${this.close}>×</button>
      </header>
      <p class="intro">${msg('A self-assessment of the whole organisation, not of one process. Let people in marketing and in other departments fill it in: differences in how they see it are the point.')}</p>
      <div class="bar">
        ${this.assessments.length
          ? html`<label
              >${msg('Assessment')}
              <select data-assessment @change=${(e: Event) => {
                this.selectedId = (e.target as HTMLSelectElement).value;
                this.radar = 'average';
                this.notice = undefined;
              }}>
                ${this.assessments.map((x) => html`<option value=${x.id} ?selected=${x.id === this.selectedId}>${x.organisation} – ${x.title}</option>`)}
              </select>
            </label>`
          : html`<p class="empty">${msg('No assessment yet. Start one, for example for B2B and one for B2C.')}</p>`}
        <div class="buttons">
          <button type="button" data-action="new-assessment" @click=${() => (this.editing = { mode: 'create' })}>${msg('New assessment')}</button>
          ${a
            ? html`<button type="button" data-action="rename-assessment" @click=${() => (this.editing = { mode: 'rename' })}>${msg('Rename')}</button>
                <button type="button" data-action="delete-assessment" @click=${this.deleteSelected}>${msg('Delete')}</button>`
            : nothing}
        </div>
        ${this.editing ? this.renderDetailsForm() : nothing}
        ${this.renderExchange()}
        ${this.renderNotice()}
        ${this.problems.map((p) => html`<p class="notice error" role="alert">${p.message}</p>`)}
      </div>
      ${a ? this.renderTabs() : nothing}
    `;
  }

  private renderDetailsForm() {
    const rename = this.editing?.mode === 'rename' ? this.selected : undefined;
    const lastOrganisation = this.selected?.organisation ?? '';
    return html`<form class="details" @submit=${this.submitDetails}>
      <label>${msg('Organisation')} <input name="organisation" required maxlength="120" .value=${rename?.organisation ?? lastOrganisation} /></label>
      <label>${msg('Title')} <span class="hint">${msg('e.g. B2B or B2C')}</span> <input name="title" required maxlength="80" .value=${rename?.title ?? ''} /></label>
      <div class="buttons">
        <button type="button" @click=${() => (this.editing = undefined)}>${msg('Cancel')}</button>
        <button type="submit" class="primary" data-action="save-details">${rename ? msg('Rename') : msg('Create')}</button>
      </div>
    </form>`;
  }

  private renderExchange() {
    const a = this.selected;
    return html`<details class="exchange">
      <summary>${msg('Export and import')}</summary>
      <div class="exchange-body">
        <div class="buttons">
          <button type="button" data-export="json" ?disabled=${!this.assessments.length} @click=${() => exportJson(this.assessments)}>${msg('All as JSON')}</button>
          <button type="button" data-export="csv" ?disabled=${!this.assessments.length} @click=${() => exportCsv(this.assessments, this.dutchCsv)}>${msg('All as CSV')}</button>
          <button type="button" data-export="summary" ?disabled=${!a} @click=${() => a && exportPillarSummary(a, this.dutchCsv, this.locale())}>${msg('Pillar summary (CSV)')}</button>
        </div>
        <label class="check"><input type="checkbox" .checked=${this.dutchCsv} @change=${(e: Event) => (this.dutchCsv = (e.target as HTMLInputElement).checked)} />
          ${msg('CSV for Dutch Excel (semicolons, decimal comma)')}</label>
        <label class="file">${msg('Import a JSON or CSV file')}
          <input type="file" data-import accept=".json,.csv,application/json,text/csv" @change=${this.importFile} /></label>
      </div>
    </details>`;
  }

  private renderNotice() {
    const n = this.notice;
    if (!n) return nothing;
    return html`<div class="notice ${n.tone}" role=${n.tone === 'error' ? 'alert' : 'status'} data-notice=${n.tone}>
      <p>${n.text}</p>
      ${n.details?.length ? html`<ul>${n.details.map((d) => html`<li>${d}</li>`)}</ul>` : nothing}
      <button type="button" class="link" @click=${() => (this.notice = undefined)}>${msg('Dismiss')}</button>
    </div>`;
  }

  private renderTabs() {
    const tabs: [Tab, string][] = [
      ['respondents', msg('Respondents')],
      ['results', msg('Results')],
      ['indicators', msg('Indicators')]
    ];
    const move = (e: KeyboardEvent) => {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      e.preventDefault();
      const i = tabs.findIndex(([t]) => t === this.tab);
      const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]![0];
      this.tab = next;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-tab="${next}"]`)?.focus());
    };
    return html`<div class="tabs" role="tablist" aria-label=${msg('Assessment views')} @keydown=${move}>
        ${tabs.map(
          ([t, label]) => html`<button type="button" role="tab" id="tab-${t}" data-tab=${t} aria-selected=${this.tab === t ? 'true' : 'false'}
            aria-controls="panel-${t}" tabindex=${this.tab === t ? 0 : -1} @click=${() => (this.tab = t)}>${label}</button>`
        )}
      </div>
      <div class="tabpanel" role="tabpanel" id="panel-${this.tab}" aria-labelledby="tab-${this.tab}">
        ${this.tab === 'respondents' ? this.renderRespondents() : this.tab === 'results' ? this.renderResults() : this.renderIndicators()}
      </div>`;
  }

  private renderRespondents() {
    const a = this.selected!;
    const inMarketing = a.respondents.filter((r) => r.worksInMarketing).length;
    return html`
      <p>${msg(str`${a.respondents.length} respondents: ${inMarketing} in marketing, ${a.respondents.length - inMarketing} elsewhere.`)}</p>
      ${a.respondents.length
        ? html`<ul class="respondents">
            ${a.respondents.map(
              (r) => html`<li data-respondent=${r.id}>
                <div>
                  <strong>${r.name ?? msg('Anonymous')}</strong>
                  <div class="sub">${r.role}, ${r.department}</div>
                  <span class="tag ${r.worksInMarketing ? 'marketing' : ''}">${r.worksInMarketing ? msg('Marketing') : msg('Outside marketing')}</span>
                </div>
                <div class="buttons">
                  <button type="button" @click=${() => this.editRespondentOf(r)} aria-label=${msg(str`Edit answers of ${respondentLabel(r)}`)}>${msg('Edit')}</button>
                  <button type="button" @click=${() => this.removeRespondent(r)} aria-label=${msg(str`Remove ${respondentLabel(r)}`)}>${msg('Remove')}</button>
                </div>
              </li>`
            )}
          </ul>`
        : nothing}
      <button type="button" class="primary" data-action="add-respondent" @click=${this.addRespondent}>${msg('Add respondent')}</button>
    `;
  }

  private radarData(): { label: string; current: (number | null)[]; desired: (number | null)[] } | undefined {
    const a = this.selected;
    if (!a || a.respondents.length === 0) return undefined;
    const toLine = (values: readonly (number | undefined)[]) => values.map((v) => (v === undefined ? null : v));
    if (this.radar === 'marketing' || this.radar === 'others') {
      const group = a.respondents.filter((r) => r.worksInMarketing === (this.radar === 'marketing'));
      const avg = averagePillarScores(group);
      return {
        label: this.radar === 'marketing' ? msg('Marketing (average)') : msg('Outside marketing (average)'),
        current: PILLAR_IDS.map((p) => avg[p].current ?? null),
        desired: PILLAR_IDS.map((p) => avg[p].desired ?? null)
      };
    }
    const series = radarSeries(a);
    const key = this.radar === 'average' ? 'average' : this.radar.slice('respondent:'.length);
    const s = series.find((x) => x.key === key) ?? series[0]!;
    return { label: s.kind === 'average' ? msg('All respondents (average)') : s.label ?? '', current: toLine(s.current), desired: toLine(s.desired) };
  }

  private renderResults() {
    const a = this.selected!;
    if (a.respondents.length === 0) return html`<p class="empty">${msg('The results appear once the first respondent has answered.')}</p>`;
    const locale = this.locale();
    const gaps = perceptionGaps(a);
    const summary = summariseAssessment(a, locale);
    const balance = summary.find((s) => s.kind === 'out-of-balance');
    const hasMarketing = a.respondents.some((r) => r.worksInMarketing);
    const hasOthers = a.respondents.some((r) => !r.worksInMarketing);
    const data = this.radarData();
    return html`
      <section aria-labelledby="radar-title">
        <h3 id="radar-title">${msg('Current and desired level per pillar')}</h3>
        <label
          >${msg('Radar shows')}
          <select data-radar @change=${(e: Event) => (this.radar = (e.target as HTMLSelectElement).value as RadarChoice)}>
            <option value="average" ?selected=${this.radar === 'average'}>${msg('All respondents (average)')}</option>
            ${hasMarketing && hasOthers
              ? html`<option value="marketing" ?selected=${this.radar === 'marketing'}>${msg('Marketing (average)')}</option>
                  <option value="others" ?selected=${this.radar === 'others'}>${msg('Outside marketing (average)')}</option>`
              : nothing}
            ${a.respondents.map((r) => html`<option value="respondent:${r.id}" ?selected=${this.radar === `respondent:${r.id}`}>${respondentLabel(r)}</option>`)}
          </select>
        </label>
        <div class="radar">
          <canvas data-chart="radar" role="img"
            aria-label=${msg(str`Radar chart of ${data?.label ?? ''}: current and desired level on the six pillars, from 1 to 5. The table below gives the figures.`)}></canvas>
        </div>
        <table class="levels-table">
          <caption class="visually-hidden">${data?.label ?? ''}</caption>
          <thead><tr><th scope="col">${msg('Pillar')}</th><th scope="col" class="num">${msg('Now')}</th><th scope="col" class="num">${msg('Goal')}</th></tr></thead>
          <tbody>
            ${PILLAR_IDS.map(
              (p, i) => html`<tr><th scope="row">${getPillar(p).name[locale]}</th><td class="num">${formatNumber(data?.current[i] ?? undefined)}</td><td class="num">${formatNumber(data?.desired[i] ?? undefined)}</td></tr>`
            )}
          </tbody>
        </table>
        <p class="sub">${MATURITY_LEVELS.map((l) => `${l.level} ${l.name[locale]}`).join(' · ')}</p>
      </section>
      <section aria-labelledby="gap-title" class="gaps">
        <h3 id="gap-title">${msg('Perception gap: marketing and the others')}</h3>
        <p>${msg('In the research behind MissingLink, marketeers rated their own process management as good enough, while the people they work with outside marketing did not. A difference of one level or more between the two groups is highlighted: discuss it before you choose improvements.')}</p>
        ${hasMarketing && hasOthers ? this.renderGapTable(gaps, locale) : html`<p class="note">${msg('A perception gap needs respondents both in and outside marketing.')}</p>`}
      </section>
      <section aria-labelledby="balance-title">
        <h3 id="balance-title">${msg('Balance between the pillars')}</h3>
        ${balance
          ? html`<div class="warning" role="alert" data-balance="warning"><strong>${msg('Out of balance.')}</strong> ${balance.text}
              ${msg('Pillars should grow together: a data-driven strategy at level 5 cannot rest on data at level 1.')}</div>`
          : html`<p data-balance="ok">${summary.find((s) => s.kind === 'in-balance')?.text ?? ''}</p>`}
      </section>
      <section aria-labelledby="summary-title">
        <h3 id="summary-title">${msg('In words')}</h3>
        <ul class="summary">${summary.filter((s) => s.kind !== 'in-balance' && s.kind !== 'out-of-balance').map((s) => html`<li data-kind=${s.kind}>${s.text}</li>`)}</ul>
      </section>
    `;
  }

  private renderGapTable(gaps: PerceptionGap[], locale: ContentLocale) {
    return html`<table class="gap-table">
      <thead>
        <tr>
          <th scope="col">${msg('Pillar')}</th>
          <th scope="col" class="num">${msg('Marketing')}</th>
          <th scope="col" class="num">${msg('Others')}</th>
          <th scope="col" class="num">${msg('Gap')}</th>
        </tr>
      </thead>
      <tbody>
        ${gaps.map((g) => {
          const d = g.current.difference;
          return html`<tr data-pillar=${g.pillar} data-gap=${g.current.highlighted ? 'true' : 'false'} class=${g.current.highlighted ? 'gap' : ''}>
            <th scope="row">${getPillar(g.pillar).name[locale]}
              ${g.current.highlighted
                ? html`<br /><span class="badge">${d! > 0 ? msg('Marketing higher') : msg('Marketing lower')}</span>`
                : nothing}</th>
            <td class="num">${formatNumber(g.current.marketing)}</td>
            <td class="num">${formatNumber(g.current.others)}</td>
            <td class="num">${d === undefined ? '' : d > 0 ? `+${formatNumber(d)}` : formatNumber(d)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    <p class="sub">${msg('Current levels, averaged per group.')}</p>`;
  }

  private renderIndicators() {
    const locale = this.locale();
    const set = this.indicators;
    return html`
      <h3>${msg('Indicators from the process library')}</h3>
      <p class="note indicator-note">${msg('Facts from your process models, shown beside the self-assessment to start the conversation. They are indicators, not a computed maturity level, and they are not part of the radar.')}</p>
      ${this.indicatorState === 'loading' ? html`<p role="status">${msg('Reading the process library…')}</p>` : nothing}
      ${this.indicatorState === 'error' ? html`<p class="notice error" role="alert">${msg('The process library could not be read.')}</p>` : nothing}
      ${set
        ? html`<p>${msg(str`From ${set.processes} processes: ${set.activities} activities, ${set.handovers} handovers, ${set.kpis} KPIs.`)}</p>
            <ul class="indicators">
              ${set.indicators.map(
                (i) => html`<li data-indicator=${i.id}>
                  <div class="ind-head"><strong>${i.label[locale]}</strong>
                    <span class="value">${i.value.share === undefined ? msg('nothing to count') : msg(str`${i.value.count} of ${i.value.total} (${formatPercent(i.value.share)})`)}</span></div>
                  ${i.value.share !== undefined ? html`<div class="share" aria-hidden="true"><span style="width:${Math.round(i.value.share * 100)}%"></span></div>` : nothing}
                  <p class="sub">${i.explanation[locale]}</p>
                  <p class="sub">${msg(str`Informs: ${i.pillars.map((p) => getPillar(p).name[locale]).join(', ')}`)}</p>
                  ${i.examples?.length ? html`<p class="sub">${msg(str`For example: ${i.examples.slice(0, 4).join(', ')}`)}</p>` : nothing}
                </li>`
              )}
            </ul>
            <button type="button" @click=${() => ((this.indicatorState = 'idle'), void this.loadIndicators())}>${msg('Read the library again')}</button>`
        : nothing}
    `;
  }

  // ---- chart ------------------------------------------------------------------------------------

  private async syncChart(): Promise<void> {
    const drawn = ++this.drawn;
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas[data-chart="radar"]');
    const data = this.tab === 'results' ? this.radarData() : undefined;
    if (this.chart && (!canvas || this.chart.canvas !== canvas || !data)) {
      this.chart.destroy();
      this.chart = undefined;
    }
    if (!canvas || !data) {
      this.rendered();
      return;
    }
    const ChartClass = await loadChart();
    if (drawn !== this.drawn) return;
    const locale = this.locale();
    const config: ChartConfiguration<'radar'> = {
      type: 'radar',
      data: {
        // Two-word pillar names on two lines: the panel is narrow, and long labels beside the radar were cut off at the canvas edge.
        labels: PILLAR_IDS.map((p) => wrapLabel(getPillar(p).name[locale])),
        datasets: [
          { label: msg('Now'), data: data.current, borderColor: CHART_COLOURS.current, backgroundColor: 'rgba(11, 92, 173, 0.18)', fill: true, pointRadius: 3 },
          { label: msg('Goal'), data: data.desired, borderColor: CHART_COLOURS.desired, backgroundColor: 'rgba(199, 119, 0, 0.08)', borderDash: [6, 4], fill: true, pointRadius: 3 }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        layout: { padding: 0 },
        scales: { r: { min: 0, max: 5, ticks: { stepSize: 1, backdropColor: 'transparent' }, pointLabels: { font: { size: 11 }, padding: 4 } } },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } } }
      }
    };
    if (this.chart) {
      this.chart.data = config.data;
      this.chart.options = config.options ?? {};
      this.chart.update('none');
    } else {
      this.chart = new ChartClass(canvas, config as ChartConfiguration);
    }
    this.rendered();
  }

  private rendered(): void {
    this.dispatchEvent(new CustomEvent('ml-maturity-rendered', { bubbles: true, composed: true, detail: { tab: this.tab } }));
  }
}
customElements.define('ml-maturity', MlMaturity);

/** A pillar name of several words as two lines (chart.js draws an array label line by line). */
function wrapLabel(name: string): string | string[] {
  const words = name.split(' ');
  if (words.length < 2) return name;
  const half = Math.ceil(words.length / 2);
  return [words.slice(0, half).join(' '), words.slice(half).join(' ')];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

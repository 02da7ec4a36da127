import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type { Modeler } from '../../../modeler/create-modeler';
import type { ModdleElement } from '../../../model/moddle-types';
import type { SimulationCanvas } from '../../../modeler/features/simulation';
import type SlicedSerializer from '../../../modeler/features/sliced-save/SlicedSerializer';
import type ValueChainEditor from '../../../modeler/features/value-chain/ValueChainEditor';
import { runInWorker } from '../../../app/model-worker/client';
import type { CapacityRunRequest } from '../../../app/model-worker/protocol';
import { readCapacityInput } from '../../../simulation/capacity/input';
import type { CapacityInput, CapacityResult } from '../../../simulation/capacity/types';
import { revealElement } from '../../shared/reveal';
import { formatMoney, formatNumber } from '../../shared/format';
import { formatHours, hoursUnitFor } from '../labels';
import { bottleneckRanking, capacityFindings, comparisonRows, heatLabel, waitingHeat, waitingSteps, type RunColumn } from './capacity-view';
import { HOURS_PRESETS, hoursPresetLabel, saveWhatIfEdits, whatIfFromForm, type HoursPreset, type WhatIfRequest } from './what-if';
import { capacityStyles } from './capacity-styles';

/** Events after which the capacity data shown may be out of date. */
const MODEL_EVENTS = ['commandStack.changed', 'import.done'];

/**
 * The capacity tab of the simulation panel: the people, hours and arrivals the model
 * holds, what-if scenarios made up beside it, and the results of planned, realised and
 * what-if runs side by side: one sentence per finding, the bottleneck ranking, waiting
 * per step, and the waiting heat on the canvas. The runs happen in the model worker,
 * so the page never waits for a batch. It edits the model only to save a what-if, as
 * one undoable command.
 *
 * @event ml-capacity-received - the worker answered; detail: { at } (performance.now())
 * @event ml-capacity-results - results are shown; detail: { columns }
 */
export class MlCapacity extends LitElement {
  static override properties = {
    modeler: { attribute: false },
    canvas: { attribute: false },
    cases: { state: true },
    seed: { state: true },
    input: { state: true },
    whatIfs: { state: true },
    form: { state: true },
    formError: { state: true },
    running: { state: true },
    runError: { state: true },
    columns: { state: true },
    showHeat: { state: true },
    stale: { state: true },
    detailed: { state: true },
    openFindings: { state: true }
  };

  declare modeler: Modeler | undefined;
  declare canvas: SimulationCanvas | undefined;
  declare cases: string;
  declare seed: string;
  /** The model's capacity data as the engine reads it. */
  declare input: CapacityInput | undefined;
  declare whatIfs: readonly WhatIfRequest[];
  declare form: { pool: string; extraPeople: string; hours: HoursPreset | ''; arrivalChange: string };
  declare formError: string | undefined;
  declare running: boolean;
  declare runError: string | undefined;
  declare columns: readonly RunColumn[];
  declare showHeat: boolean;
  declare stale: boolean;
  /** The ranking and the per-step table are drawn in a task after the findings, so no single task draws everything. */
  declare detailed: boolean;
  /** Runs whose findings the user opened (none: the first run's). */
  declare openFindings: ReadonlySet<string>;

  static override styles = capacityStyles;

  private bus: EventBus | undefined;
  private run = 0;
  private focusResults = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.cases = '1000';
    this.seed = '1';
    this.input = undefined;
    this.whatIfs = [];
    this.form = { pool: '', extraPeople: '1', hours: '', arrivalChange: '0' };
    this.formError = undefined;
    this.running = false;
    this.runError = undefined;
    this.columns = [];
    this.showHeat = false;
    this.stale = false;
    this.detailed = false;
    this.openFindings = new Set();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.attach();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach();
    this.canvas?.clearHeat();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('modeler')) {
      this.detach();
      this.attach();
    }
  }

  protected override updated(): void {
    if (this.focusResults) {
      this.focusResults = false;
      this.renderRoot.querySelector<HTMLElement>('#capacity-results')?.focus();
    }
  }

  private attach(): void {
    if (!this.modeler || this.bus || !this.isConnected) return;
    this.bus = this.modeler.get<EventBus>('eventBus');
    this.bus.on(MODEL_EVENTS, this.onModelChange);
    this.readInput();
  }

  private detach(): void {
    this.bus?.off(MODEL_EVENTS, this.onModelChange);
    this.bus = undefined;
  }

  private readonly onModelChange = (): void => {
    this.readInput();
    if (this.columns.length > 0) this.stale = true;
  };

  private readInput(): void {
    const definitions = this.modeler?.getDefinitions() as ModdleElement | undefined;
    if (!definitions) return;
    try {
      this.input = readCapacityInput(definitions);
    } catch {
      this.input = undefined;
    }
    const pools = this.input?.pools ?? [];
    if (!pools.some((p) => p.id === this.form.pool)) this.form = { ...this.form, pool: pools[0]?.id ?? '' };
  }

  private editor(): ValueChainEditor | undefined {
    return this.modeler?.get<ValueChainEditor>('valueChainEditor');
  }

  // ---- what-ifs --------------------------------------------------------------------------------

  private addWhatIf(): void {
    const request = whatIfFromForm(
      { pool: this.form.pool, extraPeople: Number(this.form.extraPeople.trim() || '0'), hours: this.form.hours, arrivalChange: Number(this.form.arrivalChange.trim().replace(',', '.') || '0') },
      this.input?.pools ?? [],
      this.input?.timeZone ?? 'Europe/Amsterdam'
    );
    if (typeof request === 'string') {
      this.formError = request;
      return;
    }
    this.formError = undefined;
    if (this.whatIfs.some((w) => w.label === request.label)) return;
    this.whatIfs = [...this.whatIfs, request];
  }

  private removeWhatIf(request: WhatIfRequest): void {
    this.whatIfs = this.whatIfs.filter((w) => w !== request);
  }

  /** Saves a what-if into the model as one undoable command; the next run lists it as a saved scenario. */
  private saveWhatIf(column: RunColumn): void {
    const editor = this.editor();
    const request = this.whatIfs.find((w) => w.whatIf === column.whatIf);
    if (!editor || !request) return;
    const id = editor.freshId('Scenario');
    editor.update(null, saveWhatIfEdits(request, id, (this.input?.calendars ?? []).map((c) => c.id)));
    this.whatIfs = this.whatIfs.filter((w) => w !== request);
    this.columns = this.columns.map((c) => (c === column ? { ...c, savedId: id, whatIf: undefined } : c));
  }

  // ---- runs ------------------------------------------------------------------------------------

  private async runAll(): Promise<void> {
    if (!this.modeler) return;
    const cases = Number(this.cases.trim());
    if (!Number.isInteger(cases) || cases < 1 || cases > 1_000_000) {
      this.formError = msg('Enter a number of cases from 1 to 1,000,000.');
      return;
    }
    const seedText = this.seed.trim();
    if (!seedText) {
      this.formError = msg('Enter a seed, for example 1.');
      return;
    }
    this.formError = undefined;
    const seed = /^-?\d+$/.test(seedText) ? Number(seedText) : seedText;
    const saved = this.input?.scenarios ?? [];
    const plan: Array<{ key: string; label: string; request: CapacityRunRequest; whatIf?: WhatIfRequest; savedId?: string }> = [
      { key: 'planned', label: msg('Planned'), request: { scenario: 'planned', cases, seed } },
      { key: 'realised', label: msg('Realised'), request: { scenario: 'realised', cases, seed } },
      ...saved.map((s, i) => ({
        key: `saved:${s.id ?? i}`,
        label: s.name || s.id || msg('Saved scenario'),
        request: { scenario: 'planned' as const, cases, seed, whatIf: s.id ?? s },
        ...(s.id ? { savedId: s.id } : {})
      })),
      ...this.whatIfs.map((w, i) => ({ key: `what-if:${i}`, label: w.label, request: { scenario: 'planned' as const, cases, seed, whatIf: w.whatIf, calendars: w.calendars }, whatIf: w }))
    ];
    const run = ++this.run;
    this.running = true;
    this.runError = undefined;
    try {
      performance.mark('capacity:serialize');
      const { xml } = await this.modeler.get<SlicedSerializer>('slicedSerializer').serialize();
      performance.mark('capacity:worker');
      const results = await runInWorker('capacitySimulation', { xml, runs: plan.map((p) => p.request) });
      if (run !== this.run) return;
      // When the worker answered: what follows on the main thread is drawing the results.
      this.dispatchEvent(new CustomEvent('ml-capacity-received', { detail: { at: performance.now() } }));
      this.columns = plan.map((p, i) => ({
        key: p.key,
        label: p.label,
        result: results[i]!,
        ...(p.whatIf ? { whatIf: p.whatIf.whatIf } : {}),
        ...(p.savedId ? { savedId: p.savedId } : {})
      }));
      this.stale = false;
      this.detailed = false;
      this.focusResults = true;
      void this.updateComplete.then(() => setTimeout(() => (this.detailed = true), 0));
      if (this.showHeat) this.drawHeat();
      this.dispatchEvent(new CustomEvent('ml-capacity-results', { detail: { columns: this.columns.length } }));
    } catch (e) {
      if (run !== this.run) return;
      this.runError = e instanceof Error ? e.message : String(e);
    } finally {
      if (run === this.run) this.running = false;
    }
  }

  private toggleHeat(on: boolean): void {
    this.showHeat = on;
    if (on) this.drawHeat();
    else this.canvas?.clearHeat();
  }

  private drawHeat(): void {
    const first = this.columns[0]?.result;
    if (first) this.canvas?.setHeat(waitingHeat(first), heatLabel);
  }

  private reveal(id: string): void {
    if (this.modeler) revealElement(this.modeler, id);
  }

  // ---- rendering -------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`
      <p class="terms">
        ${msg('Capacity: who does the work, when they work, and how many cases arrive. A case waits when everyone in the pool that does its next step is busy or off duty.')}
      </p>
      ${this.renderSummary()} ${this.renderForm()}
      ${this.runError ? html`<p class="error-text" role="alert">${msg(str`The capacity simulation could not run: ${this.runError}`)}</p>` : nothing}
      ${this.running ? html`<p role="status" data-capacity="running">${msg('Running the cases in the background…')}</p>` : nothing}
      ${this.columns.length > 0 ? this.renderResults() : nothing}
    `;
  }

  private renderSummary(): TemplateResult {
    const input = this.input;
    if (!input || input.pools.length === 0) {
      return html`<p class="note summary" data-capacity="summary">
        ${msg('This model has no people or working hours yet: it runs with unlimited people, round the clock. Enter them in the properties panel, with nothing selected, under “Capacity”.')}
      </p>`;
    }
    const calendarName = (id: string | undefined) => input.calendars.find((c) => c.id === id)?.name || msg('Monday to Friday, 09:00–17:00');
    const rate = input.arrivalRate;
    const arrivals = rate
      ? msg(str`${formatNumber(rate.rate)} cases per ${rate.perHours === 168 ? msg('week') : rate.perHours === 24 ? msg('day') : formatHours(rate.perHours)}`)
      : input.arrival
        ? msg('by the arrival distribution')
        : msg('by the start event’s interval');
    return html`<div class="summary" data-capacity="summary">
      <span>${msg('In this model:')}</span>
      ${input.pools.map(
        (p) => html`<span class="pool" data-pool=${p.id}>
          ${p.capacity === 1
            ? msg(str`“${p.name || p.id}”: 1 person, ${calendarName(p.calendar)}, ${formatMoney(p.costPerHour, p.currency)} per hour`)
            : msg(str`“${p.name || p.id}”: ${formatNumber(p.capacity)} people, ${calendarName(p.calendar)}, ${formatMoney(p.costPerHour, p.currency)} per hour`)};
        </span>`
      )}
      <span>${msg(str`cases arrive ${arrivals}.`)}</span>
    </div>`;
  }

  private renderForm(): TemplateResult {
    const pools = this.input?.pools ?? [];
    const set = (patch: Partial<MlCapacity['form']>) => (this.form = { ...this.form, ...patch });
    return html`
      <form
        class="controls"
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.runAll();
        }}
      >
        <label
          >${msg('Cases')}
          <input type="number" name="capacity-cases" min="1" max="1000000" step="1" .value=${this.cases} @input=${(e: Event) => (this.cases = (e.target as HTMLInputElement).value)}
        /></label>
        <label
          >${msg('Seed')}
          <input type="text" name="capacity-seed" .value=${this.seed} @input=${(e: Event) => (this.seed = (e.target as HTMLInputElement).value)} />
          <span class="terms">${msg('the same seed gives the same results')}</span></label
        >
        <button class="primary" type="submit" data-action="run-capacity" ?disabled=${this.running}>${msg('Run with people and hours')}</button>
      </form>
      <fieldset data-capacity="what-if">
        <legend>${msg('What if…')}</legend>
        <p class="terms">${msg('Try a change beside the model: it runs next to planned and realised and changes nothing until you save it.')}</p>
        <div class="controls">
          ${pools.length > 0
            ? html`<label
                  >${msg('People')}
                  <input type="number" name="what-if-people" step="1" .value=${this.form.extraPeople} @input=${(e: Event) => set({ extraPeople: (e.target as HTMLInputElement).value })}
                /></label>
                <label
                  >${msg('in')}
                  <select name="what-if-pool" @change=${(e: Event) => set({ pool: (e.target as HTMLSelectElement).value })}>
                    ${pools.map((p) => html`<option value=${p.id} ?selected=${p.id === this.form.pool}>${p.name || p.id}</option>`)}
                  </select></label
                >
                <label
                  >${msg('Working hours')}
                  <select name="what-if-hours" @change=${(e: Event) => set({ hours: (e.target as HTMLSelectElement).value as HoursPreset | '' })}>
                    <option value="" ?selected=${this.form.hours === ''}>${msg('as they are')}</option>
                    ${HOURS_PRESETS.map((h) => html`<option value=${h} ?selected=${h === this.form.hours}>${hoursPresetLabel(h)}</option>`)}
                  </select></label
                >`
            : nothing}
          <label
            >${msg('Change in cases')}
            <input type="text" inputmode="decimal" name="what-if-arrivals" .value=${this.form.arrivalChange} @input=${(e: Event) => set({ arrivalChange: (e.target as HTMLInputElement).value })} />
            %</label
          >
          <button type="button" data-action="add-what-if" @click=${() => this.addWhatIf()}>${msg('Add what-if')}</button>
        </div>
        ${this.formError ? html`<p class="error-text" role="alert">${this.formError}</p>` : nothing}
        ${this.whatIfs.length > 0
          ? html`<ul class="what-ifs" aria-label=${msg('What-ifs to run')}>
              ${this.whatIfs.map(
                (w) => html`<li data-what-if=${w.label}>
                  ${w.label}
                  <button type="button" class="close" aria-label=${msg(str`Remove what-if ${w.label}`)} @click=${() => this.removeWhatIf(w)}>×</button>
                </li>`
              )}
            </ul>`
          : nothing}
      </fieldset>
    `;
  }

  private renderResults(): TemplateResult {
    const columns = this.columns;
    const first = columns[0]!;
    return html`
      <h3 id="capacity-results" tabindex="-1">${msg(str`Results with people and hours · ${formatNumber(first.result.cases)} cases, seed ${first.result.seed}`)}</h3>
      ${this.stale ? html`<p class="note" role="status">${msg('The model changed since this run: run again to see the effect.')}</p>` : nothing}
      <div class="columns">
        ${columns.map(
          (c, i) => html`<details
            class="findings-of"
            data-column=${c.key}
            ?open=${this.openFindings.has(c.key) || (i === 0 && this.openFindings.size === 0)}
            @toggle=${(e: Event) => this.toggleFindings(c.key, (e.target as HTMLDetailsElement).open)}
          >
            <summary><strong>${msg(str`What the run says: ${c.label}`)}</strong></summary>
            ${this.openFindings.has(c.key) || (i === 0 && this.openFindings.size === 0) ? this.renderFindings(c) : nothing}
          </details>`
        )}
      </div>

      <label
        ><input type="checkbox" data-action="capacity-heat" .checked=${this.showHeat} @change=${(e: Event) => this.toggleHeat((e.target as HTMLInputElement).checked)} />
        ${msg('Show on the diagram where cases wait (planned)')}</label
      >
      ${this.renderComparison()} ${this.detailed ? html`${this.renderRanking(first.result)} ${this.renderWaiting(first.result)}` : nothing}
    `;
  }

  /** Findings of one run; only open columns draw theirs, so five runs never draw as one long task. */
  private renderFindings(c: RunColumn): TemplateResult {
    return html`<ul class="findings">
      ${capacityFindings(c.result).map(
        (f) => html`<li class=${f.severity} data-finding=${f.kind}>
          <span class="text">${f.text}</span>
          ${f.elementIds.length > 0 && f.elementIds.length <= 3
            ? html`<span class="show"
                >${msg('Show:')}
                ${f.elementIds.map((id) => html` <button type="button" class="link" @click=${() => this.reveal(id)}>${c.result.tasks.find((t) => t.id === id)?.name || id}</button>`)}</span
              >`
            : nothing}
        </li>`
      )}
    </ul>`;
  }

  private toggleFindings(key: string, open: boolean): void {
    const next = new Set(this.openFindings.size === 0 && this.columns[0] ? [this.columns[0].key] : this.openFindings);
    if (open) next.add(key);
    else next.delete(key);
    this.openFindings = next;
  }

  private renderComparison(): TemplateResult {
    const columns = this.columns;
    const rows = comparisonRows(columns);
    return html`<h3>${msg('Side by side')}</h3>
      <table data-table="capacity-comparison">
        <thead>
          <tr>
            <th scope="col"></th>
            ${columns.map(
              (c) => html`<th class="num" scope="col" data-column=${c.key}>
                ${c.label}
                ${c.savedId ? html`<div class="saved">${msg('saved in the model')}</div>` : nothing}
                ${c.whatIf
                  ? html`<div><button type="button" data-action="save-scenario" data-column=${c.key} @click=${() => this.saveWhatIf(c)}>${msg('Save scenario into the model')}</button></div>`
                  : nothing}
              </th>`
            )}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr data-row=${row.key}>
              <th scope="row">${row.label}</th>
              ${row.cells.map((cell, i) => html`<td class="num ${row.worse[i] ? 'worse' : ''}">${cell}</td>`)}
            </tr>`
          )}
        </tbody>
      </table>
      <p class="terms">${msg('Red: worse than planned. The budget per period of a step is compared on the dashboard; it is never divided into cases here.')}</p>`;
  }

  private renderRanking(result: CapacityResult): TemplateResult {
    const rows = bottleneckRanking(result);
    return html`<h3>${msg('Bottlenecks: where cases wait most, and who is overloaded (planned)')}</h3>
      ${rows.length === 0
        ? html`<p class="note">${msg('No step makes cases wait for a free person.')}</p>`
        : html`<ol class="ranking" data-list="bottlenecks">
            ${rows.map(
              (r) => html`<li data-kind=${r.kind} data-id=${r.id}>
                ${r.kind === 'step'
                  ? html`<button type="button" class="link" @click=${() => this.reveal(r.id)}>${r.name}</button>: ${msg(str`${r.waiting} waiting per case`)}`
                  : msg(str`“${r.name}” is busy ${r.busy ?? ''} of its working hours${r.overloaded ? msg(': overloaded') : ''}`)}
              </li>`
            )}
          </ol>`}`;
  }

  private renderWaiting(result: CapacityResult): TemplateResult {
    const steps = waitingSteps(result);
    const all = [...result.tasks].sort((a, b) => b.meanWaiting - a.meanWaiting);
    const unit = hoursUnitFor(all.flatMap((t) => [t.meanWaiting, t.meanProcessing, t.meanOffCalendar]));
    const poolName = (id: string | null) => (id ? result.pools.find((p) => p.id === id)?.name || id : msg('nobody in particular'));
    return html`<h3>${msg('Waiting per step (planned)')}</h3>
      <table data-table="capacity-steps">
        <thead>
          <tr>
            <th scope="col">${msg('Step')}</th>
            <th scope="col">${msg('Done by')}</th>
            <th class="num" scope="col">${msg('waiting for a free person')}</th>
            <th class="num" scope="col">${msg('work')}</th>
            <th class="num" scope="col">${msg('outside working hours')}</th>
          </tr>
        </thead>
        <tbody>
          ${all.map(
            (t) => html`<tr data-id=${t.id} class=${steps.some((s) => s.task === t) ? 'waits' : ''}>
              <td><button type="button" class="link" @click=${() => this.reveal(t.id)}>${t.name || t.id}</button></td>
              <td>${poolName(t.pool)}</td>
              <td class="num">${formatHours(t.meanWaiting, unit)}</td>
              <td class="num">${formatHours(t.meanProcessing, unit)}</td>
              <td class="num">${formatHours(t.meanOffCalendar, unit)}</td>
            </tr>`
          )}
        </tbody>
      </table>
      <p class="terms">${msg('Per execution of the step. Work counts working hours of the person doing it.')}</p>`;
  }
}

customElements.define('ml-capacity', MlCapacity);

declare global {
  interface HTMLElementTagNameMap {
    'ml-capacity': MlCapacity;
  }
}

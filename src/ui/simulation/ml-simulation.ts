import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { createActor, type Actor } from 'xstate';
import type { Chart } from 'chart.js';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { AppController } from '../../app/app-controller';
import type { Modeler } from '../../modeler/create-modeler';
import { SimulationCanvas, type CanvasFlag } from '../../modeler/features/simulation';
import { runInWorker } from '../../app/model-worker/client';
import type SlicedSerializer from '../../modeler/features/sliced-save/SlicedSerializer';
import {
  createInteractiveDriver,
  runBatch,
  runMachine,
  type BatchResult,
  type CaseSummary,
  type ChoiceRequest,
  type DriverProgress,
  type InteractiveDriver,
  type Scenario,
  type SimFlag,
  type SimIssue,
  type SimModel,
  type StepResult,
  type SimulationRun
} from '../../simulation';
import { revealElement } from '../shared/reveal';
import { formatNumber, formatPercent } from '../shared/format';
import { defaultUsedText, flagText, formatHours, issueText, type NameOf } from './labels';
import { createScenarioDriver, type BatchRequest, type ScenarioDriver } from './scenario-driver';
import { drawBatchCharts, exportResults, renderBatchResults } from './batch-results';
import { simulationStyles } from './simulation-styles';

type RunActor = Actor<typeof runMachine>;
type Mode = 'interactive' | 'batch';
type ScenarioChoice = Scenario | 'both';

/** Steps per second the speed slider offers; the last one runs as fast as the page allows. */
const SPEEDS = [0.5, 1, 2, 4, 8, 16, Infinity] as const;
const DEFAULT_SPEED_INDEX = 2;

/** Least time between two redraws of the batch's progress bar, ms. */
const PROGRESS_REDRAW_MS = 250;

/** Events after which the compiled model is out of date. */
const MODEL_EVENTS = ['commandStack.changed', 'import.done'];

/**
 * The simulation panel: checks the model, runs one case step by step with tokens and
 * flags on the canvas, or runs a Monte Carlo batch of planned and realised cases with
 * figures and charts. Both modes are driven by the xstate run machine; nothing here
 * edits the model, so the command stack and the autosave never see a run.
 *
 * @event ml-close - the user closed the panel
 */
export class MlSimulation extends LitElement {
  static override properties = {
    modeler: { attribute: false },
    controller: { attribute: false },
    mode: { state: true },
    model: { state: true },
    checkError: { state: true },
    notice: { state: true },
    runState: { state: true },
    clock: { state: true },
    choice: { state: true },
    runFlags: { state: true },
    caseSummary: { state: true },
    userChooses: { state: true },
    speedIndex: { state: true },
    runError: { state: true },
    cases: { state: true },
    seed: { state: true },
    interval: { state: true },
    scenarioChoice: { state: true },
    batchState: { state: true },
    batchProgress: { state: true },
    results: { state: true },
    showHeat: { state: true },
    formError: { state: true }
  };

  declare modeler: Modeler | undefined;
  declare controller: AppController | undefined;
  declare mode: Mode;
  /** The compiled model with its issues; undefined until checked. */
  declare model: SimModel | undefined;
  declare checkError: string | undefined;
  declare notice: string | undefined;
  declare runState: string;
  /** Simulated hours of the interactive run. */
  declare clock: number;
  declare choice: ChoiceRequest | null;
  declare runFlags: readonly SimFlag[];
  declare caseSummary: CaseSummary | undefined;
  declare userChooses: boolean;
  declare speedIndex: number;
  declare runError: string | null;
  declare cases: string;
  declare seed: string;
  declare interval: string;
  declare scenarioChoice: ScenarioChoice;
  declare batchState: string;
  declare batchProgress: DriverProgress | undefined;
  declare results: readonly BatchResult[];
  declare showHeat: boolean;
  declare formError: string | undefined;

  static override styles = simulationStyles;

  private bus: EventBus | undefined;
  private registry: ElementRegistry | undefined;
  private canvas: SimulationCanvas | undefined;
  private interactive: { driver: InteractiveDriver; actor: RunActor } | undefined;
  private batch: { driver: ScenarioDriver; actor: RunActor } | undefined;
  private pendingCheck: ReturnType<typeof setTimeout> | undefined;
  private checkRun = 0;
  private readonly charts: Chart[] = [];
  private chartedResults: readonly BatchResult[] | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.mode = 'interactive';
    this.model = undefined;
    this.checkError = undefined;
    this.notice = undefined;
    this.runState = 'idle';
    this.clock = 0;
    this.choice = null;
    this.runFlags = [];
    this.caseSummary = undefined;
    this.userChooses = true;
    this.speedIndex = DEFAULT_SPEED_INDEX;
    this.runError = null;
    this.cases = '1000';
    this.seed = '1';
    this.interval = '';
    this.scenarioChoice = 'both';
    this.batchState = 'idle';
    this.batchProgress = undefined;
    this.results = [];
    this.showHeat = false;
    this.formError = undefined;
  }

  // ---- life cycle ------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.attach();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('modeler')) {
      this.detach();
      this.attach();
    }
  }

  protected override updated(): void {
    if (this.results !== this.chartedResults) {
      this.chartedResults = this.results;
      void this.syncCharts();
    }
  }

  private attach(): void {
    if (!this.modeler || this.bus || !this.isConnected) return;
    this.bus = this.modeler.get<EventBus>('eventBus');
    this.registry = this.modeler.get<ElementRegistry>('elementRegistry');
    this.bus.on(MODEL_EVENTS, this.onModelChange);
    this.canvas = new SimulationCanvas(this.modeler);
    void this.check();
  }

  private detach(): void {
    clearTimeout(this.pendingCheck);
    this.bus?.off(MODEL_EVENTS, this.onModelChange);
    this.bus = undefined;
    this.registry = undefined;
    this.stopInteractive();
    this.stopBatch();
    this.canvas?.destroy();
    this.canvas = undefined;
    for (const chart of this.charts.splice(0)) chart.destroy();
    this.chartedResults = undefined;
  }

  private readonly onModelChange = (): void => {
    clearTimeout(this.pendingCheck);
    this.pendingCheck = setTimeout(() => void this.check(true), 250);
  };

  // ---- model check -----------------------------------------------------------------------------

  /** Compiles the model as saved, exactly as the command line reads a file; `changed` resets a run in progress. */
  private async check(changed = false): Promise<void> {
    if (!this.modeler) return;
    const run = ++this.checkRun;
    try {
      // Written in slices and compiled in the model worker: a large model never blocks editing.
      const { xml } = await this.modeler.get<SlicedSerializer>('slicedSerializer').serialize();
      if (run !== this.checkRun) return;
      const model = await runInWorker('compileSimulation', { xml });
      if (run !== this.checkRun) return;
      this.model = model;
      this.checkError = undefined;
    } catch (e) {
      if (run !== this.checkRun) return;
      this.model = undefined;
      this.checkError = e instanceof Error ? e.message : String(e);
    }
    if (changed && (this.interactive || this.batch || this.results.length > 0)) {
      this.stopInteractive();
      this.stopBatch();
      this.results = [];
      this.canvas?.clear();
      this.notice = msg('The model changed: the simulation started over with the new model.');
    }
  }

  private readonly nameOf: NameOf = (id) => {
    type Shape = { businessObject?: { name?: string }; source?: Shape; target?: Shape; id?: string };
    const element = this.registry?.get(id) as Shape | undefined;
    const name = element?.businessObject?.name?.trim();
    if (name) return name;
    // An unnamed flow reads as where it comes from and where it goes.
    if (element?.source && element.target) {
      const from = element.source.businessObject?.name?.trim();
      const to = element.target.businessObject?.name?.trim() || element.target.id || '';
      return from ? `${from} → ${to}` : msg(str`to ${to}`);
    }
    const node = this.model?.nodes.find((n) => n.id === id);
    return node?.name || id;
  };

  private reveal(id: string): void {
    if (this.modeler) revealElement(this.modeler, id);
  }

  private get blocked(): boolean {
    return !this.model || this.model.hasErrors;
  }

  // ---- interactive -----------------------------------------------------------------------------

  private get speed(): number {
    return SPEEDS[this.speedIndex] ?? 2;
  }

  /** How long a dot travels along a flow: most of one step's time, at most 0.8 s. */
  private animationMs(): number {
    const speed = this.speed;
    return Number.isFinite(speed) ? Math.min(800, Math.round((1000 / speed) * 0.8)) : 0;
  }

  private ensureInteractive(): { driver: InteractiveDriver; actor: RunActor } | undefined {
    if (this.interactive) return this.interactive;
    if (!this.model || this.model.hasErrors) return undefined;
    const driver = createInteractiveDriver(this.model, {
      seed: seedValue(this.seed),
      // null waits for the user's pick; undefined lets the probabilities decide.
      choose: () => (this.userChooses ? null : undefined),
      onStep: (step, run) => this.onStep(step, run)
    });
    const actor = createActor(runMachine, { input: { driver, speed: this.speed } });
    actor.subscribe((snapshot) => {
      this.runState = String(snapshot.value);
      this.choice = snapshot.context.pendingChoice;
      this.runError = snapshot.context.error;
    });
    actor.start();
    this.interactive = { driver, actor };
    return this.interactive;
  }

  /** The model's own flags (unreachable, dead ends) appear when a run begins, not before: reset leaves a clean canvas. */
  private beginRun(): { driver: InteractiveDriver; actor: RunActor } | undefined {
    this.notice = undefined;
    const interactive = this.ensureInteractive();
    if (interactive && this.runState === 'idle') {
      const staticFlags = interactive.driver.run.staticFlags;
      this.runFlags = [...staticFlags];
      this.canvas?.addFlags(staticFlags.map((f) => this.canvasFlag(f)));
    }
    return interactive;
  }

  private canvasFlag(flag: SimFlag): CanvasFlag {
    return { elementId: flag.elementId, kind: flag.kind, text: flagText(flag, this.nameOf, this.model?.currency ?? 'EUR') };
  }

  private onStep(step: StepResult, run: SimulationRun): void {
    const moves = [];
    for (const m of step.moves) {
      if ((m.kind === 'flow' || m.kind === 'message') && m.via) moves.push({ via: m.via, kind: m.kind });
    }
    this.canvas?.animate(moves, this.animationMs());
    const snapshot = run.snapshot();
    this.canvas?.setTokens(snapshot.tokens);
    if (step.flags.length > 0) {
      this.canvas?.addFlags(step.flags.map((f) => this.canvasFlag(f)));
      this.runFlags = [...this.runFlags, ...step.flags];
    }
    this.clock = run.time;
    this.caseSummary = snapshot.cases[0];
  }

  private startRun(): void {
    this.beginRun()?.actor.send({ type: 'START' });
  }

  private stepRun(): void {
    this.beginRun()?.actor.send({ type: 'STEP' });
  }

  private togglePause(): void {
    const actor = this.interactive?.actor;
    if (!actor) return;
    actor.send({ type: this.runState === 'running' ? 'PAUSE' : 'RESUME' });
  }

  private resetRun(): void {
    const current = this.interactive;
    this.canvas?.clear();
    this.clock = 0;
    this.caseSummary = undefined;
    this.runFlags = [];
    this.notice = undefined;
    if (!current) return;
    current.actor.send({ type: 'RESET' });
  }

  private stopInteractive(): void {
    this.interactive?.actor.stop();
    this.interactive = undefined;
    this.runState = 'idle';
    this.choice = null;
    this.clock = 0;
    this.caseSummary = undefined;
    this.runFlags = [];
    this.runError = null;
    this.canvas?.clear();
  }

  private setSpeed(index: number): void {
    this.speedIndex = index;
    this.interactive?.actor.send({ type: 'SET_SPEED', speed: this.speed });
  }

  private choose(flowId: string): void {
    this.interactive?.actor.send({ type: 'CHOOSE', flowId });
  }

  /** Picks a branch in proportion to its probability, for a user who lets chance decide this once. */
  private chooseByChance(request: ChoiceRequest): void {
    const total = request.options.reduce((s, o) => s + Math.max(0, o.probability), 0);
    let draw = Math.random() * (total > 0 ? total : request.options.length);
    for (const option of request.options) {
      draw -= total > 0 ? Math.max(0, option.probability) : 1;
      if (draw < 0) return this.choose(option.flowId);
    }
    const last = request.options[request.options.length - 1];
    if (last) this.choose(last.flowId);
  }

  // ---- batch -----------------------------------------------------------------------------------

  /** The batch form as a request, or a sentence saying what to correct. */
  private batchRequest(): BatchRequest | string {
    const cases = Number(this.cases.trim());
    if (!Number.isInteger(cases) || cases < 1 || cases > 1_000_000) return msg('Enter a number of cases from 1 to 1,000,000.');
    const seed = this.seed.trim();
    if (!seed) return msg('Enter a seed, for example 1.');
    const request: BatchRequest = {
      cases,
      seed,
      scenarios: this.scenarioChoice === 'both' ? ['planned', 'realised'] : [this.scenarioChoice]
    };
    const interval = this.interval.trim().replace(',', '.');
    if (interval) {
      const hours = Number(interval);
      if (!Number.isFinite(hours) || hours < 0) return msg('Enter the arrival interval in hours (0 or more), or leave it empty to use the model’s.');
      request.arrivalIntervalHours = hours;
    }
    return request;
  }

  private startBatch(): void {
    if (!this.model || this.model.hasErrors) return;
    const request = this.batchRequest();
    if (typeof request === 'string') {
      this.formError = request;
      return;
    }
    this.formError = undefined;
    this.notice = undefined;
    this.stopBatch();
    this.results = [];
    this.canvas?.clearHeat();
    const driver = createScenarioDriver(this.model, { ...request, seed: seedValue(request.seed) as string });
    const actor = createActor(runMachine, { input: { driver } });
    let drawn = -Infinity;
    actor.subscribe((snapshot) => {
      const state = String(snapshot.value);
      // Progress arrives once per slice (every ~12 ms); redrawing the panel that often
      // costs more than the cases themselves, so the bar moves a few times a second.
      const now = performance.now();
      if (state !== this.batchState || state !== 'running' || now - drawn >= PROGRESS_REDRAW_MS) {
        drawn = now;
        this.batchProgress = snapshot.context.progress;
      }
      this.batchState = state;
      if (snapshot.value === 'finished' && this.batch?.actor === actor) {
        this.results = driver.results();
        if (this.showHeat) this.applyHeat();
      }
      if (snapshot.value === 'error') this.formError = snapshot.context.error ?? undefined;
    });
    actor.start();
    this.batch = { driver, actor };
    actor.send({ type: 'START' });
  }

  private pauseBatch(): void {
    const actor = this.batch?.actor;
    if (!actor) return;
    actor.send({ type: this.batchState === 'running' ? 'PAUSE' : 'RESUME' });
  }

  private stopBatch(): void {
    this.batch?.actor.stop();
    this.batch = undefined;
    this.batchState = 'idle';
    this.batchProgress = undefined;
  }

  private toggleHeat(on: boolean): void {
    this.showHeat = on;
    if (on) this.applyHeat();
    else this.canvas?.clearHeat();
  }

  private applyHeat(): void {
    const result = this.results[this.results.length - 1];
    if (!result) return;
    this.canvas?.setHeat(result.visitsPerCase, (v) => msg(str`${formatNumber(v)} visits per case`));
  }

  private async syncCharts(): Promise<void> {
    for (const chart of this.charts.splice(0)) chart.destroy();
    if (this.results.length === 0) return;
    const results = this.results;
    // The figures and tables paint first; the charts follow in a task of their own.
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    if (results !== this.results || !this.isConnected) return;
    const created = await drawBatchCharts(this.renderRoot as ShadowRoot, results);
    if (results !== this.results || !this.isConnected) {
      for (const chart of created) chart.destroy();
      return;
    }
    this.charts.push(...created);
    this.dispatchEvent(new CustomEvent('ml-simulation-charts', { detail: { count: created.length } }));
  }

  /**
   * The same batch through the bare engine loop (no run machine, no slices), timed. The
   * browser benchmark compares the panel's driver with it in the same page.
   */
  async runBareBatch(request: BatchRequest): Promise<{ ms: number; results: BatchResult[] }> {
    if (!this.model || this.model.hasErrors) throw new Error('The model cannot be simulated.');
    const model = this.model;
    const begin = performance.now();
    const results = request.scenarios.map((scenario) =>
      runBatch(model, {
        cases: request.cases,
        seed: seedValue(request.seed),
        scenario,
        ...(request.arrivalIntervalHours !== undefined ? { arrivalIntervalHours: request.arrivalIntervalHours } : {})
      })
    );
    return { ms: performance.now() - begin, results };
  }

  // ---- rendering -------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`
      <div class="toolbar">
        <h2>${msg('Simulation')}</h2>
        <div class="tabs" role="tablist" aria-label=${msg('Simulation mode')}>
          ${this.tab('interactive', msg('Step by step'))} ${this.tab('batch', msg('Many cases (Monte Carlo)'))}
        </div>
        <span class="spacer"></span>
        <button
          class="close"
          aria-label=${msg('Close simulation')}
          @click=${() => this.dispatchEvent(new CustomEvent('ml-close', { bubbles: true, composed: true }))}
        >
          ×
        </button>
      </div>
      <div class="body">
        ${this.notice ? html`<p class="note" role="status">${this.notice}</p>` : nothing} ${this.renderCheck()}
        ${this.mode === 'interactive' ? this.renderInteractive() : this.renderBatch()}
      </div>
    `;
  }

  private tab(mode: Mode, label: string): TemplateResult {
    const selected = this.mode === mode;
    return html`<button
      role="tab"
      data-mode=${mode}
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${selected ? 0 : -1}
      @click=${() => (this.mode = mode)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          this.mode = this.mode === 'interactive' ? 'batch' : 'interactive';
          void this.updateComplete.then(() => (this.renderRoot.querySelector('[role="tab"][aria-selected="true"]') as HTMLElement | null)?.focus());
        }
      }}
    >
      ${label}
    </button>`;
  }

  private renderCheck(): TemplateResult {
    if (this.checkError) {
      return html`<section class="check blocked" data-check="failed">
        <p class="error-text">${msg(str`The model could not be read: ${this.checkError}`)}</p>
      </section>`;
    }
    const model = this.model;
    if (!model) return html`<section class="check"><p class="note">${msg('Checking the model…')}</p></section>`;
    const issues = model.issues;
    const errors = issues.filter((i) => i.severity === 'error').length;
    const summary = model.hasErrors
      ? msg('The simulation cannot start: the model has problems the engine would misread. Fix these first.')
      : issues.length === 0
        ? msg('Model check: the model can be simulated as it is.')
        : msg(str`Model check: the model can be simulated; ${issues.length} notes on missing data and the defaults used.`);
    // Notes that change every scenario's numbers stay open; the others fold away, so the run's controls stay in view.
    const open = issues.some((i) => i.severity === 'error' || (i.severity === 'warning' && !i.scenario));
    return html`<section class="check ${errors > 0 ? 'blocked' : ''}" data-check=${model.hasErrors ? 'blocked' : 'ok'} aria-label=${msg('Model check')}>
      ${issues.length > 0
        ? html`<details ?open=${open}>
            <summary class=${model.hasErrors ? 'error-text' : ''}>${summary}</summary>
            <ul class="issues">
              ${issues.map((i) => this.renderIssue(i))}
            </ul>
          </details>`
        : html`<p>${summary}</p>`}
    </section>`;
  }

  private renderIssue(issue: SimIssue): TemplateResult {
    const severity = issue.severity === 'error' ? msg('Blocks the run') : issue.severity === 'warning' ? msg('Assumption') : msg('Note');
    const scenario = issue.scenario === 'realised' ? msg(' (realised scenario only)') : issue.scenario === 'planned' ? msg(' (planned scenario only)') : '';
    return html`<li class="issue" data-code=${issue.code} data-severity=${issue.severity}>
      <span class="severity ${issue.severity}">${severity}:</span> ${issueText(issue, this.nameOf)}${scenario}
      ${issue.defaultUsed ? html`<span class="default-used">${msg(str`Default used: ${defaultUsedText(issue.defaultUsed)}.`)}</span>` : nothing}
      ${issue.elementIds.length > 0
        ? html`<span class="elements"
            >${msg('Show:')}
            ${issue.elementIds.slice(0, 12).map(
              (id) => html`<button class="link" data-element-id=${id} @click=${() => this.reveal(id)}>${this.nameOf(id)}</button>`
            )}</span
          >`
        : nothing}
    </li>`;
  }

  private renderInteractive(): TemplateResult {
    const state = this.runState;
    const blocked = this.blocked;
    const started = this.interactive !== undefined && state !== 'idle';
    const speed = this.speed;
    const speedText = Number.isFinite(speed) ? msg(str`${formatNumber(speed)} steps per second`) : msg('as fast as possible');
    return html`
      <div class="controls">
        <button class="primary" data-action="start" ?disabled=${blocked || started} @click=${() => this.startRun()}>${msg('Start')}</button>
        <button data-action="step" ?disabled=${blocked || !(state === 'idle' || state === 'paused') || this.choice !== null} @click=${() => this.stepRun()}>
          ${msg('Step')}
        </button>
        <button
          data-action="run-pause"
          ?disabled=${blocked || !(state === 'running' || (state === 'paused' && this.choice === null))}
          @click=${() => this.togglePause()}
        >
          ${state === 'running' ? msg('Pause') : msg('Run on')}
        </button>
        <button data-action="reset" ?disabled=${!this.interactive} @click=${() => this.resetRun()}>${msg('Reset')}</button>
        <label
          >${msg('Speed')}
          <input
            type="range"
            min="0"
            max=${SPEEDS.length - 1}
            step="1"
            .value=${String(this.speedIndex)}
            aria-valuetext=${speedText}
            @input=${(e: Event) => this.setSpeed(Number((e.target as HTMLInputElement).value))}
          />
          <span>${speedText}</span></label
        >
        <label
          ><input type="checkbox" .checked=${this.userChooses} @change=${(e: Event) => (this.userChooses = (e.target as HTMLInputElement).checked)} />
          ${msg('I choose the route at a decision')}</label
        >
      </div>
      <p>
        <span class="clock" data-hours=${this.clock}>${msg('Simulated time:')} ${clockText(this.clock)}</span>
        <span class="state" data-state=${state}> · ${stateText(state)}</span>
        ${this.caseSummary && this.caseSummary.end !== null
          ? html`<span class="state"> · ${msg(str`case ended after ${formatHours(this.caseSummary.end - this.caseSummary.arrival)}, ${this.caseSummary.handovers} handovers`)}</span>`
          : nothing}
      </p>
      ${this.runError ? html`<p class="error-text" role="alert">${this.runError}</p>` : nothing} ${this.choice ? this.renderChoice(this.choice) : nothing}
      ${this.renderFlags()}
    `;
  }

  private renderChoice(choice: ChoiceRequest): TemplateResult {
    const gateway = `"${choice.gatewayName || this.nameOf(choice.gatewayId)}"`;
    return html`<section class="choice" role="group" aria-label=${msg('Choose the route')} data-gateway-id=${choice.gatewayId}>
      <strong>${msg(str`Decision ${gateway}: which route does this case take?`)}</strong>
      <button class="link" @click=${() => this.reveal(choice.gatewayId)}>${msg('Show on the canvas')}</button>
      <div class="options">
        ${choice.options.map((o) => {
          // The flow's name says the decision ("ja (MQL)"), the target's name where it leads; unnamed merges add nothing.
          const target = this.nameOf(o.targetId);
          const route = o.name && target !== o.targetId ? `${o.name} → ${target}` : o.name || target;
          const chance = formatPercent(o.probability);
          return html`<button data-flow-id=${o.flowId} @click=${() => this.choose(o.flowId)}>${msg(str`${route} (chance ${chance})`)}</button>`;
        })}
        <button data-flow-id="" @click=${() => this.chooseByChance(choice)}>${msg('Let chance decide')}</button>
      </div>
    </section>`;
  }

  private renderFlags(): TemplateResult {
    const flags = this.runFlags;
    const currency = this.model?.currency ?? 'EUR';
    return html`<section class="flags" aria-label=${msg('Flags')}>
      <h3>${msg(str`Flags raised (${flags.length})`)}</h3>
      ${flags.length === 0
        ? html`<p class="note">${msg('No flags yet. Flags show where the chain fails: handovers without agreement, no one accountable, late handovers, budgets, deadlocks.')}</p>`
        : html`<ul>
            ${flags.map(
              (f) => html`<li class="flag" data-kind=${f.kind} data-element-id=${f.elementId}>
                <button class="link" @click=${() => this.reveal(f.elementId)}>${flagText(f, this.nameOf, currency)}</button>
                ${f.caseIndex >= 0 ? html`<span class="note">${msg(str`at ${clockText(f.time)}`)}</span>` : html`<span class="note">${msg('found in the model')}</span>`}
              </li>`
            )}
          </ul>`}
    </section>`;
  }

  private renderBatch(): TemplateResult {
    const blocked = this.blocked;
    const state = this.batchState;
    const busy = state === 'running' || state === 'paused';
    const progress = this.batchProgress;
    const modelInterval = this.model && Number.isFinite(this.model.arrivalIntervalHours) ? formatHours(this.model.arrivalIntervalHours) : formatHours(1);
    return html`
      <form
        class="controls"
        @submit=${(e: Event) => {
          e.preventDefault();
          this.startBatch();
        }}
      >
        <label
          >${msg('Cases')}
          <input type="number" name="cases" min="1" max="1000000" step="1" .value=${this.cases} @input=${(e: Event) => (this.cases = (e.target as HTMLInputElement).value)}
        /></label>
        <label
          >${msg('Arrival interval (hours)')}
          <input
            type="text"
            name="interval"
            inputmode="decimal"
            placeholder=${msg(str`model: ${modelInterval}`)}
            .value=${this.interval}
            @input=${(e: Event) => (this.interval = (e.target as HTMLInputElement).value)}
        /></label>
        <label
          >${msg('Seed')}
          <input type="text" name="seed" .value=${this.seed} @input=${(e: Event) => (this.seed = (e.target as HTMLInputElement).value)}
        /></label>
        <label
          >${msg('Scenario')}
          <select name="scenario" @change=${(e: Event) => (this.scenarioChoice = (e.target as HTMLSelectElement).value as ScenarioChoice)}>
            <option value="both" ?selected=${this.scenarioChoice === 'both'}>${msg('Planned and realised side by side')}</option>
            <option value="planned" ?selected=${this.scenarioChoice === 'planned'}>${msg('Planned')}</option>
            <option value="realised" ?selected=${this.scenarioChoice === 'realised'}>${msg('Realised')}</option>
          </select></label
        >
        <button class="primary" type="submit" data-action="run-batch" ?disabled=${blocked || busy}>${msg('Run cases')}</button>
        <button type="button" data-action="pause-batch" ?disabled=${!busy} @click=${() => this.pauseBatch()}>
          ${state === 'paused' ? msg('Resume') : msg('Pause')}
        </button>
        <button type="button" data-action="cancel-batch" ?disabled=${!busy} @click=${() => this.stopBatch()}>${msg('Cancel')}</button>
      </form>
      ${this.formError ? html`<p class="error-text" role="alert">${this.formError}</p>` : nothing}
      ${busy && progress
        ? html`<p role="status">
            <progress max=${progress.total} .value=${progress.done} aria-label=${msg('Progress of the batch')}></progress>
            ${msg(str`${formatNumber(progress.done)} of ${formatNumber(progress.total)} cases`)} ${state === 'paused' ? msg('(paused)') : nothing}
          </p>`
        : nothing}
      ${this.results.length > 0
        ? html`<div class="controls">
              <label
                ><input type="checkbox" data-action="heat" .checked=${this.showHeat} @change=${(e: Event) => this.toggleHeat((e.target as HTMLInputElement).checked)} />
                ${msg('Show visits per case on the canvas')}</label
              >
              ${exportButtons(this.results)}
            </div>
            ${renderBatchResults(this.results, this.nameOf, (id) => this.reveal(id))}`
        : nothing}
    `;
  }
}

function exportButtons(results: readonly BatchResult[]): TemplateResult {
  return html`<button type="button" data-action="export-json" @click=${() => exportResults(results, 'json')}>${msg('Export JSON')}</button>
    <button type="button" data-action="export-csv" @click=${() => exportResults(results, 'csv')}>${msg('Export CSV')}</button>`;
}

/** The seed as the command line reads it: digits are a number, anything else a text. */
function seedValue(seed: string): number | string {
  const s = seed.trim();
  return /^-?\d+$/.test(s) ? Number(s) : s;
}

/** Simulated hours since the first arrival as days, hours and minutes. */
export function clockText(hours: number): string {
  const totalMinutes = Math.round(Math.max(0, hours) * 60);
  const d = Math.floor(totalMinutes / 1440);
  const h = Math.floor((totalMinutes % 1440) / 60);
  const m = totalMinutes % 60;
  const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return msg(str`day ${d + 1}, ${time}`);
}

function stateText(state: string): string {
  switch (state) {
    case 'idle':
      return msg('not started');
    case 'running':
      return msg('running');
    case 'paused':
      return msg('paused');
    case 'stepping':
      return msg('one step');
    case 'finished':
      return msg('finished: no token left');
    case 'error':
      return msg('stopped by an error');
    default:
      return state;
  }
}

customElements.define('ml-simulation', MlSimulation);

declare global {
  interface HTMLElementTagNameMap {
    'ml-simulation': MlSimulation;
  }
}

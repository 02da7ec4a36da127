import type EventBus from 'diagram-js/lib/core/EventBus';
import type { AuditFinding, AuditResult, AuditSession } from '../../../analysis/audit';
import type { ModdleElement } from '../../../model/moddle-types';
import { readPreference, writePreference } from '../../../preferences/preferences';

/** What one audit run did, for the panel, tests and the benchmark. */
export interface AuditUpdateStats {
  /** True for a whole-model audit (import, rule settings, lanes), false for an incremental update. */
  full: boolean;
  /** Script time of the audit itself (engine call plus bookkeeping), in milliseconds. */
  ms: number;
  /** How many element ids the update was given. */
  changedIds: number;
  /** The element ids of an incremental update (empty for a full audit). */
  ids: string[];
  /** Findings added, removed or changed. */
  findingsChanged: number;
}

/** Payload of `audit.changed`: the current result and which elements' findings changed. */
export interface AuditChangedEvent {
  result: AuditResult | undefined;
  /** Elements whose findings changed; null when every element may have changed (full audit, reset). */
  elementIds: string[] | null;
  stats: AuditUpdateStats;
}

/** The event fired after every audit run that changed something, and when the audit is switched off. */
export const AUDIT_CHANGED = 'audit.changed';

type AuditModule = typeof import('../../../analysis/audit/session');

interface BpmnJs {
  getDefinitions(): ModdleElement | undefined;
}

interface LaneRefsEvent {
  context?: { updates?: Array<{ flowNode?: ModdleElement }> };
}

/**
 * Keeps an audit of the open model current while the user edits (service `auditService`).
 *
 * The engine is loaded on first use (it is not part of the app's start-up code). After
 * an import the whole model is audited; after a command only the elements the command
 * changed are handed to the engine's incremental session. Changes are collected and
 * audited in the browser's idle time (at most IDLE_TIMEOUT_MS later), so the edit is
 * drawn first and a burst of commands costs one audit, never one per command.
 *
 * Fires `audit.changed` (AuditChangedEvent) after each run that changed findings.
 */
export default class AuditService {
  static $inject = ['eventBus', 'bpmnjs'];

  /** Longest wait before pending changes are audited, even when the browser stays busy. */
  static IDLE_TIMEOUT_MS = 150;

  /** The figures of the last run. */
  lastUpdate: AuditUpdateStats = { full: true, ms: 0, changedIds: 0, ids: [], findingsChanged: 0 };

  private session: AuditSession | undefined;
  private engine: Promise<AuditModule> | undefined;
  private enabled = false;
  private needsFull = true;
  private readonly pending = new Set<string>();
  private scheduled: (() => void) | undefined;
  private byElement = new Map<string, AuditFinding[]>();
  private today: string | undefined;

  constructor(
    private readonly eventBus: EventBus,
    private readonly bpmnjs: BpmnJs
  ) {
    eventBus.on('import.done', () => {
      this.forget();
      if (this.enabled) this.schedule();
    });
    eventBus.on('diagram.clear', () => this.forget());
    eventBus.on('elements.changed', (event: { elements: Array<{ id: string }> }) => {
      for (const element of event.elements) this.pending.add(element.id);
      this.changed();
    });
    eventBus.on('valueChain.changed', (event: { elementIds?: string[]; trigger?: string }) => {
      if (event.trigger === 'import') return;
      for (const id of event.elementIds ?? []) this.pending.add(id);
      this.changed();
    });
    // bpmn-js moves nodes between lanes in a nested command that reports no changed elements.
    eventBus.on(['commandStack.lane.updateRefs.executed', 'commandStack.lane.updateRefs.reverted'], (event: LaneRefsEvent) => {
      for (const update of event.context?.updates ?? []) if (update.flowNode?.id) this.pending.add(update.flowNode.id);
      this.changed();
    });
    if (readAuditOn()) this.enabled = true;
  }

  /** True while the audit follows the model. */
  get active(): boolean {
    return this.enabled;
  }

  /** The current result; undefined before the first audit or while switched off. */
  get result(): AuditResult | undefined {
    return this.enabled ? this.session?.result : undefined;
  }

  /** The active findings of one element (activity, flow, collaboration or process). */
  findingsOf(elementId: string): AuditFinding[] {
    return this.byElement.get(elementId) ?? [];
  }

  /**
   * Switches the audit on (and remembers that for the next visit): loads the engine,
   * audits the whole model and resolves with the result.
   */
  async enable(): Promise<AuditResult | undefined> {
    writeAuditOn(true);
    this.enabled = true;
    await this.loadEngine();
    return this.flush();
  }

  /** Switches the audit off: markers go, nothing is audited until it is enabled again. */
  disable(): void {
    writeAuditOn(false);
    this.enabled = false;
    this.cancelSchedule();
    this.session = undefined;
    this.needsFull = true;
    this.pending.clear();
    this.byElement.clear();
    this.fire(null, { full: true, ms: 0, changedIds: 0, ids: [], findingsChanged: 0 });
  }

  /** Audits against another date (YYYY-MM-DD; undefined = today), e.g. for a report dated earlier. */
  setToday(today: string | undefined): void {
    if (today === this.today) return;
    this.today = today;
    this.needsFull = true;
    this.changed();
  }

  /**
   * Re-audits these elements now, as after a command that changed them (for changes
   * made outside the command stack, and to time an update on its own).
   */
  update(elementIds: Iterable<string>): AuditResult | undefined {
    for (const id of elementIds) this.pending.add(id);
    return this.flush();
  }

  /** Re-audits the whole model now. */
  refresh(): AuditResult | undefined {
    this.needsFull = true;
    return this.flush();
  }

  /**
   * Audits what is pending now instead of waiting for idle time (tests, benchmarks,
   * and the report, which must show the model as it is). Needs the engine loaded.
   */
  flush(): AuditResult | undefined {
    this.cancelSchedule();
    if (!this.enabled) return undefined;
    const engine = this.loadedEngine;
    const definitions = this.bpmnjs.getDefinitions();
    if (!engine || !definitions) return undefined;

    const started = performance.now();
    if (!this.session || this.needsFull) {
      const changedIds = this.pending.size;
      this.pending.clear();
      this.needsFull = false;
      const options = this.today ? { today: this.today } : {};
      if (this.session) this.session.reset(options);
      else this.session = engine.createAuditSession(definitions, options);
      const result = this.session.result;
      this.byElement = indexByElement(result.findings);
      this.fire(null, { full: true, ms: performance.now() - started, changedIds, ids: [], findingsChanged: result.findings.length + result.exempted.length });
      return result;
    }
    if (this.pending.size === 0) return this.session.result;

    const ids = [...this.pending];
    this.pending.clear();
    const update = this.session.update(ids);
    const touched = new Set<string>();
    for (const list of [update.added, update.removed, update.changed]) for (const f of list) touched.add(f.elementId);
    for (const id of touched) {
      const own = update.result.findings.filter((f) => f.elementId === id);
      if (own.length) this.byElement.set(id, own);
      else this.byElement.delete(id);
    }
    const findingsChanged = update.added.length + update.removed.length + update.changed.length;
    const stats = { full: false, ms: performance.now() - started, changedIds: ids.length, ids, findingsChanged };
    this.lastUpdate = stats;
    // The result object is new after every update (handover coverage, counts): tell listeners even without marker changes.
    this.fire([...touched], stats);
    return update.result;
  }

  /** Resolves once nothing is pending (the next idle-time run has happened). */
  async settled(): Promise<AuditResult | undefined> {
    if (!this.enabled) return undefined;
    await this.loadEngine();
    return this.flush();
  }

  private loadedEngine: AuditModule | undefined;

  /** Drops everything known about the previous model (a new one is being imported). */
  private forget(): void {
    this.session = undefined;
    this.needsFull = true;
    this.pending.clear();
    this.byElement.clear();
  }

  private loadEngine(): Promise<AuditModule> {
    this.engine ??= import('../../../analysis/audit/session').then((module) => (this.loadedEngine = module));
    return this.engine;
  }

  private changed(): void {
    if (this.enabled) this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    const run = () => {
      this.scheduled = undefined;
      if (this.loadedEngine) this.flush();
      else void this.loadEngine().then(() => this.flush());
    };
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(run, { timeout: AuditService.IDLE_TIMEOUT_MS });
      this.scheduled = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(run, 16);
      this.scheduled = () => clearTimeout(handle);
    }
  }

  private cancelSchedule(): void {
    this.scheduled?.();
    this.scheduled = undefined;
  }

  private fire(elementIds: string[] | null, stats: AuditUpdateStats): void {
    this.lastUpdate = stats;
    this.eventBus.fire(AUDIT_CHANGED, { result: this.result, elementIds, stats } satisfies AuditChangedEvent);
  }
}

function indexByElement(findings: readonly AuditFinding[]): Map<string, AuditFinding[]> {
  const map = new Map<string, AuditFinding[]>();
  for (const f of findings) {
    const list = map.get(f.elementId);
    if (list) list.push(f);
    else map.set(f.elementId, [f]);
  }
  return map;
}

function readAuditOn(): boolean {
  return readPreference('auditOn') ?? false;
}

function writeAuditOn(on: boolean): void {
  writePreference('auditOn', on);
}

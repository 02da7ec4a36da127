import { parseBpmn } from '../model/bpmn-io';
import type { ModdleElement } from '../model/moddle-types';
import { readValueChain } from '../model/value-chain/read';
import { performanceInputFromModel, type LibraryModel } from '../analysis/performance/from-model';
import type { ProcessInput } from '../analysis/performance/schema';
import { indicatorInputFromModel } from '../analysis/maturity/indicators-from-model';
import type { IndicatorProcess } from '../analysis/maturity/indicators';
import type { ProcessRecord, ProcessSummary, StorageProblem } from '../storage/records';

/*
 * Cross-library views (the dashboard over every process, the maturity indicators)
 * need every stored process parsed. Parsing a large library takes seconds, so this
 * service does it once per process revision, one process at a time with a pause
 * in between (the page stays responsive), and keeps only the small analysis
 * inputs, not the moddle trees. It only reads the library.
 */

/** What the service reads: the process repository's two read methods. */
export interface LibrarySource {
  list(): Promise<{ processes: ProcessSummary[]; problems: StorageProblem[] }>;
  get(id: string): Promise<ProcessRecord | undefined>;
}

/** The identity of a stored process as the cache sees it. */
export interface ProcessRef {
  readonly id: string;
  readonly name: string;
  readonly revision: number;
}

/** One analysed process: the inputs of the performance analysis and of the maturity indicators. */
export interface AnalysedProcess extends ProcessRef {
  readonly performance: ProcessInput;
  readonly indicators: IndicatorProcess;
}

/** A process that could not be analysed, with the reason in plain English. */
export interface FailedProcess extends ProcessRef {
  readonly message: string;
}

/** The library, analysed: processes in library order, those that failed, and damaged rows. */
export interface LibraryAnalysisResult {
  readonly processes: readonly AnalysedProcess[];
  readonly failed: readonly FailedProcess[];
  readonly problems: readonly StorageProblem[];
}

/** The open process as the modeler holds it, unsaved edits included. */
export interface LiveProcess {
  readonly id: string;
  readonly name: string;
  readonly definitions: ModdleElement;
}

/** Options of one analysis run. */
export interface AnalyseOptions {
  /** The library as the caller knows it (e.g. the app's list); read from the source when absent. */
  readonly processes?: readonly ProcessRef[];
  /** The open process: analysed from the modeler instead of from storage, so unsaved edits count. */
  readonly live?: LiveProcess;
  /** Told after each process that had to be read and parsed (not for cached ones), for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops waiting (the cache keeps what was parsed). */
  readonly signal?: AbortSignal;
}

/** What the service needs of the app controller: the library list, the open process, change events. */
export interface FollowedController extends EventTarget {
  readonly state: { readonly processes: readonly ProcessRef[]; readonly current?: ProcessRef };
}

/** What the service needs of the modeler: the open model and its events. */
export interface FollowedModeler {
  getDefinitions(): ModdleElement | undefined;
  get<T = { on(events: string[], callback: () => void): void }>(name: 'eventBus'): T;
}

/** The modeler events after which the open process must be analysed again. */
const MODEL_EVENTS = ['import.done', 'commandStack.changed', 'valueChain.changed'];

/** Options of the service. */
export interface LibraryAnalysisOptions {
  /** Called between two parses so the page can paint and handle input; default: a zero timeout. */
  readonly pause?: () => Promise<void>;
}

type CacheEntry = { readonly revision: number; readonly result: Promise<AnalysedProcess | FailedProcess> };

/** Builds both analysis inputs from one parsed model, reading its value chain once. */
export function analyseModel(ref: ProcessRef, definitions: ModdleElement): AnalysedProcess {
  const model: LibraryModel = { id: ref.id, name: ref.name, definitions, snapshot: readValueChain(definitions) };
  return { id: ref.id, name: ref.name, revision: ref.revision, performance: performanceInputFromModel(model), indicators: indicatorInputFromModel(model) };
}

/** Parses and analyses the library's processes, cached by process id and revision. */
export class LibraryAnalysis {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly pause: () => Promise<void>;
  /** Serialises parsing: one process at a time, whoever asked. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The newest revision seen per process while it was open: saves in this tab do not refresh the app's library list. */
  private readonly revisions = new Map<string, number>();
  private followed: { controller: FollowedController; modeler: FollowedModeler } | undefined;
  /** Counts changes of the open model, so its analysis is redone only after a change. */
  private modelVersion = 0;
  private openCache: { id: string; name: string; version: number; definitions: ModdleElement; result: AnalysedProcess } | undefined;

  constructor(
    private readonly source: LibrarySource,
    options: LibraryAnalysisOptions = {}
  ) {
    this.pause = options.pause ?? (() => new Promise((done) => setTimeout(done, 0)));
  }

  /**
   * Follows the app: the library list comes from the controller (no storage read per
   * analysis), the open process from the modeler, analysed again only after it changed.
   * Idempotent; the first controller and modeler win.
   */
  follow(controller: FollowedController, modeler: FollowedModeler): void {
    if (this.followed) return;
    this.followed = { controller, modeler };
    const note = () => {
      const current = controller.state.current;
      if (current && current.revision > (this.revisions.get(current.id) ?? 0)) this.revisions.set(current.id, current.revision);
    };
    controller.addEventListener('change', note);
    note();
    modeler.get('eventBus').on(MODEL_EVENTS, () => this.modelVersion++);
  }

  /** The open process (followed modeler), analysed once per model change; undefined when not following or nothing is open. */
  analyseOpen(): AnalysedProcess | undefined {
    const followed = this.followed;
    const current = followed?.controller.state.current;
    const definitions = followed?.modeler.getDefinitions();
    if (!current || !definitions) return undefined;
    const c = this.openCache;
    if (c && c.id === current.id && c.name === current.name && c.version === this.modelVersion && c.definitions === definitions) return c.result;
    const result = analyseModel(current, definitions);
    this.openCache = { id: current.id, name: current.name, version: this.modelVersion, definitions, result };
    return result;
  }

  /** The library as the followed controller lists it, with the newest revision seen of each process. */
  private followedRefs(): ProcessRef[] | undefined {
    const processes = this.followed?.controller.state.processes;
    return processes?.map((p) => {
      const seen = this.revisions.get(p.id);
      return seen !== undefined && seen > p.revision ? { id: p.id, name: p.name, revision: seen } : p;
    });
  }

  /** True when every listed process is analysed at its revision, so `analyse` will not parse. */
  isWarm(processes: readonly ProcessRef[]): boolean {
    return processes.every((p) => this.cache.get(p.id)?.revision === p.revision);
  }

  /** Starts analysing in the background; errors are kept per process and reported by `analyse`. */
  warm(processes?: readonly ProcessRef[]): void {
    void this.analyse({ processes }).catch(() => undefined);
  }

  /**
   * Analyses the library (cached processes come back at once). The open process is
   * taken from `live`, else from the followed modeler; the list from `processes`,
   * else from the followed controller, else from storage.
   */
  async analyse(options: AnalyseOptions = {}): Promise<LibraryAnalysisResult> {
    let refs = options.processes ?? this.followedRefs();
    let problems: readonly StorageProblem[] = [];
    if (!refs) {
      const listed = await this.source.list();
      refs = listed.processes;
      problems = listed.problems;
    }
    this.forgetAllBut(new Set(refs.map((r) => r.id)));
    const processes: AnalysedProcess[] = [];
    const failed: FailedProcess[] = [];
    let done = 0;
    for (const ref of refs) {
      if (options.signal?.aborted) throw options.signal.reason ?? new DOMException('Aborted', 'AbortError');
      const open = options.live ? undefined : this.followed?.controller.state.current?.id === ref.id ? this.analyseOpen() : undefined;
      const cached = this.cache.get(ref.id)?.revision === ref.revision;
      const result =
        options.live && options.live.id === ref.id
          ? analyseModel({ ...ref, name: options.live.name }, options.live.definitions)
          : open ?? (await this.analysed(ref));
      if ('message' in result) failed.push(result);
      else processes.push(result);
      done++;
      if (!open && !cached && !(options.live && options.live.id === ref.id)) options.onProgress?.(done, refs.length);
    }
    return { processes, failed, problems };
  }

  /** Drops cached results, of one process or of all. */
  invalidate(processId?: string): void {
    if (processId === undefined) this.cache.clear();
    else this.cache.delete(processId);
  }

  private analysed(ref: ProcessRef): Promise<AnalysedProcess | FailedProcess> {
    const cached = this.cache.get(ref.id);
    if (cached && cached.revision === ref.revision) return cached.result.then((r) => ({ ...r, name: ref.name }));
    const result = (this.queue = this.queue.then(() => this.parseOne(ref)));
    this.cache.set(ref.id, { revision: ref.revision, result: result as Promise<AnalysedProcess | FailedProcess> });
    return result as Promise<AnalysedProcess | FailedProcess>;
  }

  private async parseOne(ref: ProcessRef): Promise<AnalysedProcess | FailedProcess> {
    try {
      const record = await this.source.get(ref.id);
      if (!record) return { ...ref, message: 'The process is no longer in the library.' };
      const { definitions } = await parseBpmn(record.xml);
      return analyseModel({ id: ref.id, name: record.name, revision: record.revision }, definitions);
    } catch (error) {
      return { ...ref, message: error instanceof Error ? error.message : String(error) };
    } finally {
      await this.pause();
    }
  }

  private forgetAllBut(ids: ReadonlySet<string>): void {
    for (const id of [...this.cache.keys()]) if (!ids.has(id)) this.cache.delete(id);
  }
}

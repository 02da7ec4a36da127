import { parseBpmn } from '../model/bpmn-io';
import type { ModdleElement } from '../model/moddle-types';
import { readValueChain } from '../model/value-chain/read';
import { performanceInputFromModel, type LibraryModel } from '../analysis/performance/from-model';
import type { ProcessInput } from '../analysis/performance/schema';
import { indicatorInputFromModel } from '../analysis/maturity/indicators-from-model';
import type { IndicatorProcess } from '../analysis/maturity/indicators';
import { openDatabase } from '../storage/db';
import { ProcessRepository } from '../storage/process-repository';
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
  /** Told after each process, for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Stops waiting (the cache keeps what was parsed). */
  readonly signal?: AbortSignal;
}

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

  constructor(
    private readonly source: LibrarySource,
    options: LibraryAnalysisOptions = {}
  ) {
    this.pause = options.pause ?? (() => new Promise((done) => setTimeout(done, 0)));
  }

  /** True when every listed process is analysed at its revision, so `analyse` will not parse. */
  isWarm(processes: readonly ProcessRef[]): boolean {
    return processes.every((p) => this.cache.get(p.id)?.revision === p.revision);
  }

  /** Starts analysing in the background; errors are kept per process and reported by `analyse`. */
  warm(processes?: readonly ProcessRef[]): void {
    void this.analyse({ processes }).catch(() => undefined);
  }

  /** Analyses the library (cached processes come back at once), the open process from the modeler. */
  async analyse(options: AnalyseOptions = {}): Promise<LibraryAnalysisResult> {
    let refs = options.processes;
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
      const result =
        options.live && options.live.id === ref.id
          ? analyseModel({ ...ref, name: options.live.name }, options.live.definitions)
          : await this.analysed(ref);
      if ('message' in result) failed.push(result);
      else processes.push(result);
      options.onProgress?.(++done, refs.length);
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

let shared: LibraryAnalysis | undefined;

/**
 * The one analysis of the app's library, shared by every panel so the library is
 * parsed once. It reads through its own connection to the library database
 * (opened on first use), since the shell does not hand its repository to panels.
 */
export function sharedLibraryAnalysis(): LibraryAnalysis {
  if (!shared) {
    let repository: Promise<ProcessRepository> | undefined;
    const open = () =>
      (repository ??= openDatabase().then(
        (db) => new ProcessRepository(db),
        (error: unknown) => {
          repository = undefined; // try again next time: storage may come back
          throw error;
        }
      ));
    shared = new LibraryAnalysis({
      list: async () => (await open()).list(),
      get: async (id) => (await open()).get(id)
    });
  }
  return shared;
}

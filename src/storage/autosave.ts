import type { SaveResult, StoredRevision } from './process-repository';

/** What the save indicator shows; `conflict` means saving stopped until the shell resolves it. */
export type AutosaveState =
  | { state: 'saved'; revision?: number; updatedAt?: number }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'error'; error: unknown; message: string }
  | { state: 'conflict'; current: StoredRevision };

/**
 * Produces the content to store. It may take its time (serialise in slices); once
 * `hurry` is aborted (flush: the page is being hidden or closed) it must finish at once.
 */
export type ContentSource = (hurry: AbortSignal) => Promise<string>;

/** The clock the Autosaver runs on; injectable so tests control time exactly. */
export interface AutosaveTimer {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

/** Wall-clock timer for the browser. */
export const systemTimer: AutosaveTimer = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  now: () => Date.now()
};

/** How the Autosaver is wired: where content goes, how long to wait, whom to tell. */
export interface AutosaverOptions {
  save: (xml: string) => Promise<SaveResult>;
  /** Quiet time after the last edit before saving. */
  delayMs?: number;
  /** Longest an edit may stay unsaved while edits keep coming (the "lose at most a second" promise). */
  maxDelayMs?: number;
  onState?: (state: AutosaveState) => void;
  timer?: AutosaveTimer;
  /**
   * Waits before retrying after a failed save, one per failure in a row (the last
   * repeats). A full disk stays full for a while, so retries back off instead of
   * looping; they stop when the user edits (that saves soon anyway) or space is back.
   */
  retryDelaysMs?: readonly number[];
}

/** Default back-off after failed saves: 5 s, 15 s, 30 s, then every minute. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [5_000, 15_000, 30_000, 60_000];

/**
 * Saves editor content automatically: bursts of edits are coalesced (debounce with
 * a maximum wait), at most one save is in flight, and a conflict stops all saving
 * until the shell decides (reload, or save a copy) and calls `resume()`.
 */
export class Autosaver {
  private readonly saveFn: (xml: string) => Promise<SaveResult>;
  private readonly delayMs: number;
  private readonly maxDelayMs: number;
  private readonly onState: ((state: AutosaveState) => void) | undefined;
  private readonly timer: AutosaveTimer;
  private readonly retryDelaysMs: readonly number[];

  private getXml: ContentSource | undefined;
  private dirty = false;
  /** When the oldest unsaved edit happened; undefined after an error until the next edit or flush. */
  private firstDirtyAt: number | undefined;
  private lastEditAt = 0;
  private handle: unknown;
  private inFlight: Promise<void> | undefined;
  /** Aborted to tell the content source of the save in flight to finish at once. */
  private hurry: AbortController | undefined;
  private paused = false;
  /** Failed saves in a row; picks the next retry delay. */
  private failures = 0;
  private current: AutosaveState = { state: 'saved' };

  constructor(options: AutosaverOptions) {
    this.saveFn = options.save;
    this.delayMs = options.delayMs ?? 400;
    this.maxDelayMs = Math.max(options.maxDelayMs ?? 1000, this.delayMs);
    this.onState = options.onState;
    this.timer = options.timer ?? systemTimer;
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  }

  /** The last reported state. */
  get state(): AutosaveState {
    return this.current;
  }

  /** True while some edit is not yet stored (for a beforeunload warning). */
  get hasUnsavedChanges(): boolean {
    return this.dirty || this.inFlight !== undefined;
  }

  /** Notes an edit; `getXml` is called once when the save actually happens, so only the latest content is serialised. */
  schedule(getXml: ContentSource): void {
    const now = this.timer.now();
    this.getXml = getXml;
    this.dirty = true;
    this.firstDirtyAt ??= now;
    this.lastEditAt = now;
    if (this.paused) return;
    if (!this.inFlight) this.setState({ state: 'pending' });
    this.arm();
  }

  /** Saves pending edits now (pagehide, visibilitychange, before switching process); resolves when stored or failed. */
  async flush(): Promise<void> {
    this.hurry?.abort();
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    this.clearTimer();
    if (this.dirty && !this.paused) await this.runSave(true);
  }

  /** Stops saving (edits are still remembered) until `resume()`. */
  pause(): void {
    this.paused = true;
    this.clearTimer();
  }

  /**
   * Continues after a pause or conflict. Pass `discardPending` after reloading the
   * stored content; otherwise the remembered edits are saved (e.g. to the copy the
   * save function now targets).
   */
  resume(options: { discardPending?: boolean } = {}): void {
    this.paused = false;
    if (options.discardPending) {
      this.dirty = false;
      this.getXml = undefined;
      this.firstDirtyAt = undefined;
    }
    if (this.inFlight) return;
    if (this.dirty) {
      this.firstDirtyAt ??= this.timer.now();
      this.setState({ state: 'pending' });
      this.arm();
    } else if (this.current.state !== 'saved') {
      this.setState({ state: 'saved' });
    }
  }

  /** Stops the timer for good (when the editor closes); call `flush()` first to keep the last edits. */
  dispose(): void {
    this.pause();
  }

  private arm(): void {
    if (this.paused || !this.dirty || this.inFlight || this.firstDirtyAt === undefined) return;
    this.clearTimer();
    const deadline = Math.min(this.lastEditAt + this.delayMs, this.firstDirtyAt + this.maxDelayMs);
    this.handle = this.timer.setTimeout(
      () => {
        this.handle = undefined;
        void this.runSave();
      },
      Math.max(0, deadline - this.timer.now())
    );
  }

  // After an error, try again later (backing off) unless an edit or flush comes first.
  private armRetry(): void {
    if (this.paused || !this.dirty || this.inFlight || this.handle !== undefined || this.retryDelaysMs.length === 0) return;
    const delay = this.retryDelaysMs[Math.min(this.failures, this.retryDelaysMs.length) - 1]!;
    this.handle = this.timer.setTimeout(() => {
      this.handle = undefined;
      void this.runSave();
    }, delay);
  }

  private clearTimer(): void {
    if (this.handle !== undefined) this.timer.clearTimeout(this.handle);
    this.handle = undefined;
  }

  private runSave(urgent = false): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const getXml = this.getXml;
    if (!this.dirty || this.paused || !getXml) return Promise.resolve();
    this.clearTimer();
    this.dirty = false;
    this.firstDirtyAt = undefined;
    this.setState({ state: 'saving' });
    let failed = false;
    const hurry = new AbortController();
    if (urgent) hurry.abort();
    this.hurry = hurry;
    this.inFlight = (async () => {
      try {
        const result = await this.saveFn(await getXml(hurry.signal));
        this.failures = 0;
        if (result.ok) {
          this.setState(
            this.dirty ? { state: 'pending' } : { state: 'saved', revision: result.revision, updatedAt: result.updatedAt }
          );
        } else {
          // The content we tried to store is still unsaved: keep it for "save a copy".
          this.restoreDirty(getXml);
          this.paused = true;
          this.setState({ state: 'conflict', current: result.current });
        }
      } catch (error) {
        failed = true;
        this.failures++;
        this.restoreDirty(getXml);
        this.firstDirtyAt = undefined;
        this.setState({ state: 'error', error, message: error instanceof Error ? error.message : String(error) });
      } finally {
        this.inFlight = undefined;
        this.hurry = undefined;
      }
      if (failed) this.armRetry();
      else this.arm();
    })();
    return this.inFlight;
  }

  private restoreDirty(getXml: ContentSource): void {
    if (!this.dirty) this.getXml = getXml;
    this.dirty = true;
  }

  private setState(next: AutosaveState): void {
    if ((next.state === 'pending' || next.state === 'saving') && next.state === this.current.state) return;
    this.current = next;
    this.onState?.(next);
  }
}

/** The part of ProcessRepository a RevisionTracker needs. */
export interface ContentStore {
  save(id: string, xml: string, options: { expectedRevision: number }): Promise<SaveResult>;
}

/**
 * Remembers which process and revision the editor holds and advances the revision
 * after each successful save; `save` plugs straight into `new Autosaver({ save })`.
 */
export class RevisionTracker {
  constructor(
    private readonly store: ContentStore,
    private id: string,
    private rev: number
  ) {}

  /** The process the editor is saving to. */
  get processId(): string {
    return this.id;
  }

  /** The revision the editor's content is based on. */
  get revision(): number {
    return this.rev;
  }

  /** Saves against the tracked revision. */
  readonly save = async (xml: string): Promise<SaveResult> => {
    const id = this.id;
    const result = await this.store.save(id, xml, { expectedRevision: this.rev });
    if (result.ok && id === this.id) this.rev = result.revision;
    return result;
  };

  /** Points further saves at another process or revision (after a reload, a restore, or "save a copy"). */
  retarget(processId: string, revision: number): void {
    this.id = processId;
    this.rev = revision;
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type { ModelDiff } from '../../analysis/audit/diff';
import { runInWorker } from '../../app/model-worker/client';
import type { Modeler } from '../../modeler/create-modeler';
import type SlicedSerializer from '../../modeler/features/sliced-save/SlicedSerializer';
import type { ReviewRecord, ReviewStore } from '../../app/services';

/** Where the open process stands with respect to its last review. */
export type ReviewStatus =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'none' }
  | { state: 'checking'; review: ReviewRecord }
  | { state: 'unchanged'; review: ReviewRecord }
  | { state: 'changed'; review: ReviewRecord; diff: ModelDiff }
  | { state: 'error'; message: string; review?: ReviewRecord };

/** What the auditor records; the tracker adds the model, its fingerprint and the process. */
export interface SignOff {
  reviewer: string;
  date: string;
  remarks: string;
}

/** Wait after the last edit before the model is checked again, so a burst of edits is checked once. */
const CHECK_DELAY_MS = 700;

/**
 * Follows the open process's last review while the user edits: loads the review when
 * the process changes, and after each edit (debounced) compares the model's
 * fingerprint with the one recorded at sign-off; when they differ it lists what
 * changed (semantic diff against the reviewed XML). Stale checks never overwrite
 * newer ones. The model is written in slices and read, fingerprinted and compared in
 * the model worker, so a check on a large model never blocks editing.
 */
export class ReviewTracker implements ReactiveController {
  /** The current status; the host re-renders when it changes. */
  status: ReviewStatus = { state: 'idle' };

  private modeler: Modeler | undefined;
  private processId: string | undefined;
  private bus: EventBus | undefined;
  private connected = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private run = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The app's review store (from servicesContext); undefined before the app has started. */
    private readonly store: () => ReviewStore | undefined
  ) {
    host.addController(this);
  }

  private repository(): ReviewStore {
    const store = this.store();
    if (!store) throw new Error('The app has not started yet.');
    return store;
  }

  /** Follows this modeler and process (call from the host's willUpdate). */
  track(modeler: Modeler | undefined, processId: string | undefined): void {
    const processChanged = processId !== this.processId;
    this.processId = processId;
    if (modeler !== this.modeler) {
      this.detach();
      this.modeler = modeler;
      if (this.connected) this.attach();
    }
    if (processChanged && this.connected) void this.load();
  }

  /** Records a review of the model as it is now and returns it. */
  async signOff(input: SignOff, processName?: string): Promise<ReviewRecord> {
    if (!this.modeler || !this.processId) throw new Error('No process is open.');
    const { xml = '' } = await this.modeler.saveXML({ format: true });
    const fingerprint = await runInWorker('fingerprint', { xml });
    const repository = this.repository();
    const review = await repository.add({ processId: this.processId, ...input, fingerprint, xml, ...(processName ? { processName } : {}) });
    this.run++;
    this.setStatus({ state: 'unchanged', review });
    return review;
  }

  /** Checks the model against the review now (instead of after the edit delay). */
  checkNow(): Promise<void> {
    clearTimeout(this.timer);
    return this.check();
  }

  hostConnected(): void {
    this.connected = true;
    this.attach();
    void this.load();
  }

  hostDisconnected(): void {
    this.connected = false;
    clearTimeout(this.timer);
    this.detach();
    this.run++;
  }

  private attach(): void {
    this.bus = this.modeler?.get<EventBus>('eventBus');
    this.bus?.on(['commandStack.changed', 'import.done'], this.onModelChanged);
  }

  private detach(): void {
    this.bus?.off(['commandStack.changed', 'import.done'], this.onModelChanged);
    this.bus = undefined;
  }

  private onModelChanged = (): void => {
    const review = reviewOf(this.status);
    if (!review) return;
    if (this.status.state !== 'checking') this.setStatus({ state: 'checking', review });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), CHECK_DELAY_MS);
  };

  private async load(): Promise<void> {
    const run = ++this.run;
    const processId = this.processId;
    if (!processId) {
      this.setStatus({ state: 'idle' });
      return;
    }
    this.setStatus({ state: 'loading' });
    try {
      const review = await this.repository().latest(processId);
      if (run !== this.run) return;
      if (!review) {
        this.setStatus({ state: 'none' });
        return;
      }
      this.setStatus({ state: 'checking', review });
      await this.check();
    } catch (error) {
      if (run === this.run) this.setStatus({ state: 'error', message: messageOf(error) });
    }
  }

  private async check(): Promise<void> {
    const review = reviewOf(this.status);
    if (!review || !this.modeler) return;
    const run = ++this.run;
    try {
      const { xml } = await this.modeler.get<SlicedSerializer>('slicedSerializer').serialize();
      if (run !== this.run) return;
      const { id, xml: reviewedXml, fingerprint } = review;
      const { diff } = await runInWorker('compareWithReview', { xml, review: { id, xml: reviewedXml, fingerprint } });
      if (run !== this.run) return;
      this.setStatus(diff ? { state: 'changed', review, diff } : { state: 'unchanged', review });
    } catch (error) {
      if (run === this.run) this.setStatus({ state: 'error', message: messageOf(error), review });
    }
  }

  private setStatus(status: ReviewStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}

function reviewOf(status: ReviewStatus): ReviewRecord | undefined {
  return 'review' in status ? status.review : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import { msg, str } from '@lit/localize';
import { createActor, fromPromise, type Actor } from 'xstate';
import type Modeler from 'bpmn-js/lib/Modeler';
import { BpmnImportError, MAX_BPMN_BYTES } from '../model/bpmn-io';
import type { ImportLayoutReport } from '../model/layout';
import { withoutRemoteReferences } from '../model/layout/colours';
import { runInWorker } from './model-worker/client';
import type { ProcessRepository } from '../storage/process-repository';
import type { ProcessSummary, VersionSummary } from '../storage/records';
import { Autosaver, type AutosaveState } from '../storage/autosave';
import { isStorageError, StorageError, type StorageErrorKind } from '../storage/errors';
import type { TabSync } from '../storage/tab-sync';
import type { StartOutcome } from '../storage/library-start';
import type { ProcessRecord } from '../storage/records';
import { archiveFileName, libraryArchive, type ArchiveEntry } from './library-archive';
import { sessionMachine } from './session-machine';
import { newProcessXml } from './templates';
import { sampleProcesses } from './samples';
import { downloadBlob, safeFileName, svgToPng } from './download';
import { describeError } from './error-messages';
import type SlicedSerializer from '../modeler/features/sliced-save/SlicedSerializer';
import { readPreference, writePreference } from '../preferences/preferences';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

/** A message for the user: what happened, in their language, and what they can do. */
export interface Notice {
  id: number;
  tone: 'error' | 'info' | 'success';
  message: string;
  detail?: string;
  action?: { label: string; run: () => void };
  /** A second thing the user can do about it (e.g. download the library while the disk is full). */
  secondaryAction?: { label: string; run: () => void };
}

/**
 * How the library started, and how to get it back when the browser breaks or deletes the
 * database under the open tab (see src/storage/library-start.ts).
 */
export interface LibraryHealth {
  /** What the start found: a normal library, a first start, a library restored from its copy, or one lost. */
  start: StartOutcome;
  /** Closes and reopens the database and recovers it as at start. */
  reopen(): Promise<StartOutcome>;
  /** The processes in the second copy (used when the database cannot be read for a download). */
  readCopy(): Promise<ProcessRecord[]>;
  /** Whether the browser agreed to keep this origin's storage under pressure (undefined: not asked or not supported). */
  persisted?: Promise<boolean | undefined>;
}

/** Everything the shell renders; replaced (never mutated) on every change. */
export interface AppState {
  booted: boolean;
  busy: boolean;
  processes: ProcessSummary[];
  current?: { id: string; name: string; revision: number };
  saveState: SaveState;
  /** Why the last save failed, while saveState is 'error' ('quota': the browser's storage is full). */
  saveError?: StorageErrorKind | 'other';
  savedAt?: number;
  versions: VersionSummary[];
  notices: Notice[];
  conflict: boolean;
  openElsewhere: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

/** Below this zoom level diagram labels are too small to read. */
const MIN_READABLE_ZOOM = 0.7;

/**
 * The application service behind the shell: it owns the modeler, the library in
 * IndexedDB, autosave and the document session machine, and tells the UI what changed.
 * Nothing it does on bad input touches the open model or the stored library.
 */
export class AppController extends EventTarget {
  state: AppState = {
    booted: false,
    busy: true,
    processes: [],
    saveState: 'idle',
    versions: [],
    notices: [],
    conflict: false,
    openElsewhere: false,
    canUndo: false,
    canRedo: false
  };

  private readonly session: Actor<typeof sessionMachine>;
  private readonly autosaver: Autosaver;
  private noticeSeq = 0;
  /** True while a whole document is being (re)loaded, so its import is no user edit. */
  private importingDocument = false;
  /** The process this tab announces as open to other tabs. */
  private presenceId: string | undefined;
  /** The notice of a run of failed saves, shown once and taken down when saving works again. */
  private saveFailureNotice: number | undefined;
  /** Damaged library rows already reported, so a refresh does not repeat them. */
  private readonly reportedProblems = new Set<string>();
  /** A write failed in a way that can leave Chromium's connection broken: reopen before the next one. */
  private reopenBeforeSave = false;

  constructor(
    private readonly modeler: Modeler,
    private readonly repository: ProcessRepository,
    private readonly tabSync: TabSync,
    private readonly library?: LibraryHealth
  ) {
    super();
    this.autosaver = new Autosaver({
      save: (xml) => this.persist(xml),
      onState: (s) => this.onSaveState(s)
    });
    this.session = createActor(
      sessionMachine.provide({
        actors: {
          boot: fromPromise(() => this.doBoot()),
          open: fromPromise(({ input }) => this.doOpen(input.processId)),
          create: fromPromise(() => this.doCreate()),
          importFiles: fromPromise(({ input }) => this.doImport(input.files)),
          restore: fromPromise(({ input }) => this.doRestore(input.versionId)),
          reload: fromPromise(() => this.doReload()),
          saveCopy: fromPromise(() => this.doSaveCopy())
        },
        actions: {
          reportError: ({ context }) => this.notifyError(context.lastError)
        }
      })
    );
    this.session.subscribe((snapshot) => {
      const busy = !snapshot.matches('ready') && !snapshot.matches('conflict');
      const conflict = snapshot.matches('conflict');
      if (busy !== this.state.busy || conflict !== this.state.conflict) this.update({ busy, conflict });
    });

    const eventBus = modeler.get<{ on(e: string, cb: () => void): void }>('eventBus');
    eventBus.on('commandStack.changed', () => this.onModelChanged());

    tabSync.onPresenceChange(() => {
      const id = this.state.current?.id;
      this.update({ openElsewhere: id ? tabSync.isOpenElsewhere(id) : false });
    });
    tabSync.subscribe((message) => {
      if (message.type === 'saved' && message.processId === this.state.current?.id && message.revision > this.state.current.revision) {
        this.autosaver.pause();
        this.session.send({ type: 'CONFLICT' });
        this.update({ saveState: 'conflict' });
      } else if (message.type === 'saved' || message.type === 'deleted' || message.type === 'renamed' || message.type === 'created') {
        void this.refreshLibrary();
      }
    });
  }

  /** Starts the session: opens storage, seeds samples on first start, opens the last process. */
  start(): void {
    this.session.start();
  }

  // ---- user intents -------------------------------------------------------------------

  open(processId: string): void {
    if (processId === this.state.current?.id) return;
    this.session.send({ type: 'OPEN', processId });
  }

  create(): void {
    this.session.send({ type: 'CREATE' });
  }

  importFiles(files: File[]): void {
    if (files.length) this.session.send({ type: 'IMPORT', files });
  }

  restoreVersion(versionId: number): void {
    this.session.send({ type: 'RESTORE', versionId });
  }

  resolveConflict(choice: 'reload' | 'copy'): void {
    this.session.send({ type: choice === 'reload' ? 'RELOAD' : 'SAVE_COPY' });
  }

  undo(): void {
    this.commandStack().undo();
  }

  redo(): void {
    this.commandStack().redo();
  }

  zoomToFit(): void {
    this.modeler.get<{ zoom(level: string, center?: string): void }>('canvas').zoom('fit-viewport', 'auto');
  }

  async rename(processId: string, name: string): Promise<void> {
    const trimmed = name.trim();
    if (!trimmed) return;
    try {
      if (processId === this.state.current?.id) await this.autosaver.flush();
      await this.repository.rename(processId, trimmed);
      if (processId === this.state.current?.id) this.update({ current: { ...this.state.current, name: trimmed } });
      await this.refreshLibrary();
    } catch (error) {
      this.notifyError(error);
    }
  }

  async duplicate(processId: string): Promise<void> {
    try {
      if (processId === this.state.current?.id) await this.autosaver.flush();
      const source = this.state.processes.find((p) => p.id === processId);
      const copy = await this.repository.duplicate(processId, msg(str`${source?.name ?? ''} (copy)`));
      await this.refreshLibrary();
      this.notify('success', msg(str`Copy made: ${copy.name}`));
    } catch (error) {
      this.notifyError(error);
    }
  }

  async remove(processId: string): Promise<void> {
    try {
      const wasCurrent = processId === this.state.current?.id;
      if (wasCurrent) this.autosaver.pause();
      const removed = this.state.processes.find((p) => p.id === processId);
      await this.repository.delete(processId);
      await this.refreshLibrary();
      this.notify('info', msg(str`Deleted: ${removed?.name ?? ''}`));
      if (wasCurrent) {
        this.update({ current: undefined, versions: [] });
        const next = this.state.processes[0];
        if (next) this.open(next.id);
        else this.create();
      }
    } catch (error) {
      this.notifyError(error);
    }
  }

  async saveVersion(label: string): Promise<void> {
    const current = this.state.current;
    if (!current) return;
    try {
      await this.autosaver.flush();
      const version = await this.repository.saveVersion(current.id, label.trim() || msg('Version'));
      await this.refreshVersions();
      this.notify('success', msg(str`Version ${version.number} saved`));
    } catch (error) {
      this.notifyError(error);
    }
  }

  async exportAs(kind: 'bpmn' | 'svg' | 'png'): Promise<void> {
    const name = this.state.current?.name ?? 'process';
    try {
      if (kind === 'bpmn') {
        const { xml } = await this.modeler.saveXML({ format: true });
        downloadBlob(new Blob([xml ?? ''], { type: 'application/xml' }), safeFileName(name, 'bpmn'));
      } else {
        // Colours are checked at import; a model stored before that may still point elsewhere.
        const svg = withoutRemoteReferences((await this.modeler.saveSVG()).svg);
        if (kind === 'svg') downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), safeFileName(name, 'svg'));
        else downloadBlob(await svgToPng(svg), safeFileName(name, 'png'));
      }
    } catch (error) {
      this.notifyError(error);
    }
  }

  /**
   * Downloads every process as a .bpmn file in one zip, the open one as it is on screen
   * (unsaved edits included). Read from the database, or from the second copy when the
   * database cannot be read.
   */
  async downloadLibrary(): Promise<void> {
    try {
      const entries = new Map<string, ArchiveEntry>();
      // A database broken by a full disk may not answer at all: give it a few seconds, then use the copy.
      const fromDatabase = async () => {
        const { processes } = await this.repository.list();
        const records = await Promise.all(processes.map((p) => this.repository.get(p.id).catch(() => undefined)));
        return records.filter((r): r is ProcessRecord => !!r);
      };
      for (const record of await withinSeconds(fromDatabase(), 4).catch((error: unknown) => {
        console.warn('The library could not be read for the download; using its copy', error);
        return [];
      })) {
        entries.set(record.id, { name: record.name, xml: record.xml });
      }
      if (this.library) {
        const copied = await withinSeconds(this.library.readCopy(), 10).catch((error: unknown) => {
          console.warn('The library copy could not be read for the download', error);
          return [];
        });
        for (const record of copied) {
          if (!entries.has(record.id)) entries.set(record.id, { name: record.name, xml: record.xml });
        }
      }
      const current = this.state.current;
      if (current) {
        const { xml } = await this.modeler.saveXML({ format: true });
        if (xml) entries.set(current.id, { name: current.name, xml });
      }
      const zip = libraryArchive([...entries.values()]);
      downloadBlob(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), archiveFileName(new Date()));
      this.notify('success', msg(str`Downloaded ${entries.size} processes as one zip file.`));
    } catch (error) {
      this.notifyError(error);
    }
  }

  /** Shows a failure that happened outside the controller (e.g. a panel that failed to load). */
  reportError(error: unknown): void {
    this.notifyError(error);
  }

  dismissNotice(id: number): void {
    this.update({ notices: this.state.notices.filter((n) => n.id !== id) });
  }

  /**
   * A newer version of the app is installed: the user is told and can switch now with
   * Reload (pending edits are saved first), or go on and get it when the app is next opened.
   */
  offerUpdate(apply: () => Promise<void>): void {
    this.notify('info', msg('A new version of MissingLink is ready.'), msg('Your work is saved first; or keep working and get it the next time you open the app.'), {
      label: msg('Reload'),
      run: () => void this.flush().then(apply)
    });
  }

  /** Saves what is pending now: called when the page is hidden or closed. */
  flush(): Promise<void> {
    return this.autosaver.flush();
  }

  /** True when leaving now would lose edits that could not be stored (storage full, or a conflict to decide). */
  get hasUnstorableChanges(): boolean {
    return this.autosaver.hasUnsavedChanges && (this.state.saveState === 'error' || this.state.conflict);
  }

  // ---- operations run by the session machine -------------------------------------------

  private async doBoot(): Promise<void> {
    const start = this.library?.start ?? { kind: 'first-start' };
    // Samples only on a first start: never over a library that vanished (it is restored or reported instead).
    if (start.kind === 'first-start') {
      await this.repository.seedIfEmpty(async () => (await sampleProcesses()).map(({ name, xml }) => ({ name, xml })));
    }
    await this.refreshLibrary();
    this.reportStart(start);
    const last = readLastOpened();
    const candidates = [...this.state.processes].sort((a, b) => Number(b.id === last) - Number(a.id === last));
    // A process that cannot be opened (damaged in storage) is reported and skipped: the others still open.
    let opened = false;
    for (const candidate of candidates) {
      try {
        await this.doOpen(candidate.id);
        opened = true;
        break;
      } catch (error) {
        this.notifyError(error);
      }
    }
    if (!opened) await this.doCreate();
    this.update({ booted: true });
  }

  private async doOpen(processId: string): Promise<void> {
    await this.autosaver.flush();
    const record = await this.repository.get(processId);
    if (!record) throw new Error(msg('This process no longer exists in the library.'));
    const shown = await this.keepShownDocument();
    let layout: ImportLayoutReport | undefined;
    try {
      try {
        await this.loadDocument(record.xml);
      } catch (error) {
        // A stored model without (complete) diagram is opened as an import would be: laid out. Only
        // when that fails too is the stored BPMN damaged.
        const prepared = await runInWorker('prepareImport', { xml: record.xml }).catch(() => Promise.reject(error));
        if (!prepared.layout) throw error;
        await this.loadDocument(prepared.xml);
        layout = prepared.layout;
      }
    } catch (error) {
      // The stored row is readable but its BPMN is not: keep showing (and saving to) what was open.
      await this.restoreShownDocument(shown);
      const reason = error instanceof Error ? error.message : String(error);
      throw new StorageError('corrupt', `Process "${record.name}" (${record.id}) could not be opened; its stored BPMN is damaged: ${reason}`, {
        cause: error,
        subject: record.name
      });
    }
    this.autosaver.resume({ discardPending: true });
    this.update({
      current: { id: record.id, name: record.name, revision: record.revision },
      saveState: 'saved',
      savedAt: record.updatedAt,
      conflict: false
    });
    writeLastOpened(record.id);
    this.openInTab(record.id);
    await this.refreshVersions();
    if (layout) this.notify('info', describeLayout(layout));
  }

  private async doCreate(): Promise<void> {
    await this.autosaver.flush();
    const name = this.uniqueName(msg('New process'));
    const record = await this.repository.create({ name, xml: newProcessXml(name), origin: 'new' });
    await this.refreshLibrary();
    await this.doOpen(record.id);
  }

  private async doImport(files: File[]): Promise<void> {
    for (const file of files) {
      try {
        await this.importOne(file);
      } catch (error) {
        this.notifyError(error, file.name);
      }
    }
  }

  /** Imports one file as a new process; on any failure the open model is reloaded unchanged. */
  private async importOne(file: File): Promise<void> {
    if (file.size > MAX_BPMN_BYTES) {
      throw new BpmnImportError(
        'too-large',
        `The file is ${(file.size / 1048576).toFixed(1)} MiB; the limit is ${MAX_BPMN_BYTES / 1048576} MiB.`
      );
    }
    // A model without (complete) diagram comes back laid out; that is what is opened and stored.
    // Checking, decoding, reading and laying out run in the model worker: a huge or hostile
    // file is refused there while the page stays responsive. The bytes are decoded there,
    // so UTF-16 files with a byte order mark open too.
    const { xml, warnings: readWarnings, layout } = await runInWorker('prepareImport', { xml: new Uint8Array(await file.arrayBuffer()) });
    await this.autosaver.flush();
    this.autosaver.pause();
    const previous = this.state.current ? (await this.modeler.saveXML()).xml : undefined;
    let drawWarnings: string[];
    try {
      drawWarnings = await this.loadDocument(xml);
    } catch (error) {
      if (previous) await this.loadDocument(previous);
      this.autosaver.resume();
      throw error;
    }
    const warnings = [...readWarnings, ...drawWarnings];
    const name = this.uniqueName(nameFromXml(xml) ?? file.name.replace(/\.(bpmn|xml)$/i, ''));
    let record;
    try {
      record = await this.repository.create({ name, xml, origin: 'import' });
    } catch (error) {
      // Not stored (e.g. storage full): show the process that was open, unchanged.
      if (previous) await this.loadDocument(previous);
      this.autosaver.resume();
      throw error;
    }
    this.update({ current: { id: record.id, name: record.name, revision: record.revision }, saveState: 'saved', savedAt: record.updatedAt });
    this.autosaver.resume({ discardPending: true });
    await this.refreshLibrary();
    writeLastOpened(record.id);
    this.openInTab(record.id);
    await this.refreshVersions();
    this.notify(
      'success',
      msg(str`Imported: ${record.name}`),
      warnings.length ? describeWarnings(warnings) : undefined
    );
    if (layout) this.notify('info', describeLayout(layout));
  }

  private async doRestore(versionId: number): Promise<void> {
    const current = this.state.current;
    if (!current) return;
    await this.autosaver.flush();
    const result = await this.repository.restoreVersion(current.id, versionId, { expectedRevision: current.revision });
    if (!result.ok) {
      this.session.send({ type: 'CONFLICT' });
      return;
    }
    await this.loadDocument(result.xml);
    this.update({ current: { ...current, revision: result.revision }, saveState: 'saved', savedAt: result.updatedAt });
    await this.refreshVersions();
    const before = result.beforeRestore;
    // restoredFrom is the restored version's number (not its id).
    const restoredNumber = result.restored.restoredFrom ?? this.state.versions.find((v) => v.id === versionId)?.number;
    const restore = { beforeRestoreId: before.id, restoredId: result.restored.id, revision: result.revision };
    this.notify('success', msg(str`Version ${restoredNumber ?? ''} restored. The previous state is kept as version ${before.number}.`), undefined, {
      label: msg('Undo restore'),
      run: () => void this.undoRestore(restore)
    });
  }

  /** Takes back the restore just made: the previous state returns and the two versions the restore added go. */
  private async undoRestore(restore: { beforeRestoreId: number; restoredId: number; revision: number }): Promise<void> {
    const current = this.state.current;
    if (!current) return;
    try {
      await this.autosaver.flush();
      const expectedRevision = this.state.current?.revision ?? current.revision;
      const result = await this.repository.undoRestore(current.id, restore, { expectedRevision });
      if (!result.ok) {
        // Edited since the restore: undoing now would drop those edits, so restore the kept state as a version instead.
        this.restoreVersion(restore.beforeRestoreId);
        return;
      }
      await this.loadDocument(result.xml!);
      this.autosaver.resume({ discardPending: true });
      this.update({ current: { ...current, revision: result.revision }, saveState: 'saved', savedAt: result.updatedAt });
      await this.refreshVersions();
      this.notify('success', msg('Restore undone: the process is back as it was before.'));
    } catch (error) {
      this.notifyError(error);
    }
  }

  private async doReload(): Promise<void> {
    const current = this.state.current;
    if (!current) return;
    // Edits this tab could not save are kept in the history first, so loading the other tab's work loses none of them.
    let kept: VersionSummary | undefined;
    if (this.autosaver.hasUnsavedChanges) {
      const { xml } = await this.modeler.saveXML({ format: true });
      kept = await this.repository.saveVersion(current.id, msg('My unsaved changes (kept when loading another tab’s version)'), { xml: xml ?? '' });
    }
    const record = await this.repository.get(current.id);
    if (!record) throw new Error(msg('This process no longer exists in the library.'));
    await this.loadDocument(record.xml);
    this.autosaver.resume({ discardPending: true });
    this.update({ current: { ...current, revision: record.revision }, saveState: 'saved', savedAt: record.updatedAt, conflict: false });
    await this.refreshVersions();
    if (kept) {
      const version = kept;
      this.notify('info', msg(str`Loaded the version saved in the other tab. Your unsaved changes are kept as version ${version.number}.`), undefined, {
        label: msg('Restore my changes'),
        run: () => this.restoreVersion(version.id)
      });
    }
  }

  private async doSaveCopy(): Promise<void> {
    const current = this.state.current;
    if (!current) return;
    const { xml } = await this.modeler.saveXML({ format: true });
    const record = await this.repository.create({ name: this.uniqueName(msg(str`${current.name} (copy)`)), xml: xml ?? '', origin: 'copy' });
    await this.refreshLibrary();
    this.autosaver.resume({ discardPending: true });
    this.update({ current: { id: record.id, name: record.name, revision: record.revision }, saveState: 'saved', savedAt: record.updatedAt, conflict: false });
    writeLastOpened(record.id);
    this.openInTab(record.id);
    await this.refreshVersions();
    this.notify('success', msg(str`Your changes were saved as a copy: ${record.name}`));
  }

  // ---- internals ----------------------------------------------------------------------

  /** What the canvas shows now, so a failed load can put it back: its XML when it has unsaved edits, else where it is stored. */
  private async keepShownDocument(): Promise<{ xml?: string; processId?: string } | undefined> {
    const current = this.state.current;
    if (!current) return undefined;
    if (this.autosaver.hasUnsavedChanges) return { xml: (await this.modeler.saveXML()).xml };
    return { processId: current.id };
  }

  private async restoreShownDocument(shown: { xml?: string; processId?: string } | undefined): Promise<void> {
    if (!shown) return;
    try {
      const xml = shown.xml ?? (shown.processId ? (await this.repository.get(shown.processId))?.xml : undefined);
      if (xml !== undefined) await this.loadDocument(xml);
    } catch (error) {
      console.error('Could not show the previous process again', error);
    }
  }

  /** Shows a model in the modeler; returns what the modeler could not draw (its import warnings), as sentences. */
  private async loadDocument(xml: string): Promise<string[]> {
    this.importingDocument = true;
    let warnings: string[];
    try {
      const result = await this.modeler.importXML(xml);
      warnings = (result?.warnings ?? []).map((w: unknown) => describeModelerWarning(w));
      this.showReadably();
    } finally {
      this.importingDocument = false;
    }
    this.update({ canUndo: false, canRedo: false });
    return warnings;
  }

  /**
   * Fits the diagram into view, but never so small that labels become unreadable: a
   * wide value chain then opens at its start (the customer's trigger), readable.
   */
  private showReadably(): void {
    const canvas = this.modeler.get<{
      zoom(level?: string | number, center?: string): number;
      viewbox(box?: { x: number; y: number; width: number; height: number }): {
        x: number;
        y: number;
        width: number;
        height: number;
        inner: { x: number; y: number; width: number; height: number };
        outer: { width: number; height: number };
      };
    }>('canvas');
    const scale = canvas.zoom('fit-viewport', 'auto');
    if (!(scale < MIN_READABLE_ZOOM)) return;
    const { inner, outer } = canvas.viewbox();
    const width = outer.width / MIN_READABLE_ZOOM;
    const height = outer.height / MIN_READABLE_ZOOM;
    // Leave room on the left for the palette, so pool and lane names stay readable.
    canvas.viewbox({ x: inner.x - 110 / MIN_READABLE_ZOOM, y: inner.y + inner.height / 2 - height / 2, width, height });
  }

  private onModelChanged(): void {
    const stack = this.commandStack();
    this.update({ canUndo: stack.canUndo(), canRedo: stack.canRedo() });
    // During a conflict the autosaver is paused: it only remembers the edit, so a reload keeps it.
    if (this.importingDocument || !this.state.current) return;
    this.autosaver.schedule(async (hurry) => (await this.slicedSerializer().serialize({ hurry })).xml);
  }

  private async persist(xml: string) {
    const current = this.state.current;
    if (!current) return { ok: true as const, revision: 0, updatedAt: Date.now() };
    if (this.reopenBeforeSave && this.library) return this.persistAfterReopen(current, xml);
    let result;
    try {
      result = await this.repository.save(current.id, xml, { expectedRevision: current.revision });
    } catch (error) {
      // After a failed write on a full disk Chromium's connection can stay broken, or the database gone.
      if (isStorageError(error, 'quota') || isStorageError(error, 'vanished') || isStorageError(error, 'unavailable')) {
        this.reopenBeforeSave = true;
      }
      // The open process gone, and the library with it: the browser deleted the database (Dexie reopened an empty one).
      if (isStorageError(error, 'not-found') && this.library && !(await this.repository.hasLibrary().catch(() => false))) {
        this.reopenBeforeSave = true;
        throw new StorageError('vanished', `The browser deleted the library's database while it was open (${error.message})`, { cause: error });
      }
      throw error;
    }
    if (result.ok) {
      this.update({ current: { ...current, revision: result.revision }, savedAt: result.updatedAt });
    }
    return result;
  }

  /** Reopens (and if needed recovers) the database, then stores the open model; recreates it when the library lost it. */
  private async persistAfterReopen(current: { id: string; name: string; revision: number }, xml: string) {
    const outcome = await this.library!.reopen();
    this.reopenBeforeSave = false;
    this.reportStart(outcome);
    const stored = await this.repository.get(current.id);
    if (!stored) {
      // The library vanished with this process in it and no copy held it: store the open model anew.
      const record = await this.repository.create({ name: current.name, xml, origin: 'copy' });
      this.update({ current: { id: record.id, name: record.name, revision: record.revision }, savedAt: record.updatedAt });
      writeLastOpened(record.id);
      this.openInTab(record.id);
      await this.refreshLibrary();
      return { ok: true as const, revision: record.revision, updatedAt: record.updatedAt };
    }
    if (outcome.kind !== 'opened') await this.refreshLibrary();
    // Restored from the copy: the copy holds the last revision this tab stored, so the save fits on top.
    const expectedRevision = outcome.kind === 'restored' ? stored.revision : current.revision;
    const result = await this.repository.save(current.id, xml, { expectedRevision });
    if (result.ok) this.update({ current: { ...current, revision: result.revision }, savedAt: result.updatedAt });
    return result;
  }

  /** Tells the user what the start (or a reopen) found when it was not a plain start. */
  private reportStart(outcome: StartOutcome): void {
    if (outcome.kind === 'restored') {
      this.notify(
        'info',
        msg(str`The browser had deleted the library's database. MissingLink restored ${outcome.processes} processes from its second copy.`),
        msg('Versions and reviews were not in the copy. Free space on the disk, and download the library to keep a copy of your own.'),
        { label: msg('Download all processes'), run: () => void this.downloadLibrary() }
      );
    } else if (outcome.kind === 'lost') {
      this.notify(
        'error',
        msg('The library in this browser is gone: the browser deleted its database, and no second copy was left. No sample processes were added in its place.'),
        msg('If you downloaded the library or exported processes before, import those files. Free space on the disk first.')
      );
    }
  }

  private onSaveState(state: AutosaveState): void {
    if (state.state === 'error') {
      const kind = state.error instanceof StorageError ? state.error.kind : 'other';
      this.update({ saveState: 'error', saveError: kind });
      // One message per run of failures (the autosaver retries, backing off); it goes when saving works again.
      if (this.saveFailureNotice === undefined || !this.state.notices.some((n) => n.id === this.saveFailureNotice)) {
        const retry = { label: msg('Try saving again'), run: () => void this.autosaver.flush() };
        if (kind === 'vanished') {
          this.notify(
            'error',
            msg('The browser deleted the library’s database (this happens when the disk is full): your latest changes are not saved yet.'),
            msg('Your open model stays on screen. Free space on the disk; MissingLink then puts the library back from its second copy and saves your work. Download the library to be safe.'),
            retry,
            { label: msg('Download all processes'), run: () => void this.downloadLibrary() }
          );
        } else if (kind === 'quota') {
          this.notify(
            'error',
            msg('The browser has no storage space left: your latest changes are not saved yet.'),
            msg('Earlier saves and versions are kept and you can keep working; MissingLink tries again. Free space on the disk, or delete processes, and download the library to be safe.'),
            retry,
            { label: msg('Download all processes'), run: () => void this.downloadLibrary() }
          );
        } else {
          this.notifyError(state.error, undefined, retry);
        }
        this.saveFailureNotice = this.noticeSeq;
      }
      return;
    }
    this.update({ saveState: state.state, saveError: undefined });
    if (state.state === 'saved' && this.saveFailureNotice !== undefined) {
      const failed = this.saveFailureNotice;
      this.saveFailureNotice = undefined;
      this.update({ notices: this.state.notices.filter((n) => n.id !== failed) });
      this.notify('success', msg('Saving works again: all your changes are stored.'));
    }
    if (state.state === 'conflict') this.session.send({ type: 'CONFLICT' });
  }

  private openInTab(processId: string): void {
    if (this.presenceId && this.presenceId !== processId) this.tabSync.closeProcess(this.presenceId);
    this.presenceId = processId;
    this.tabSync.openProcess(processId);
    this.update({ openElsewhere: this.tabSync.isOpenElsewhere(processId) });
  }

  private slicedSerializer() {
    return this.modeler.get<SlicedSerializer>('slicedSerializer');
  }

  private commandStack() {
    return this.modeler.get<{ undo(): void; redo(): void; canUndo(): boolean; canRedo(): boolean }>('commandStack');
  }

  private async refreshLibrary(): Promise<void> {
    const { processes, problems } = await this.repository.list();
    this.update({ processes });
    for (const problem of problems) {
      const key = `${problem.table}:${problem.key}`;
      if (this.reportedProblems.has(key)) continue;
      this.reportedProblems.add(key);
      const message = problem.name
        ? msg(str`The stored process “${problem.name}” is damaged and was skipped; the other processes are fine.`)
        : msg('A stored process could not be read and was skipped; the other processes are fine.');
      this.notify('error', message, problem.message);
    }
  }

  private async refreshVersions(): Promise<void> {
    const current = this.state.current;
    if (!current) return this.update({ versions: [] });
    const { versions, problems } = await this.repository.listVersions(current.id);
    this.update({ versions });
    for (const problem of problems) this.notify('error', msg('A stored record is damaged and was skipped.'), problem.message);
  }

  private uniqueName(base: string): string {
    const names = new Set(this.state.processes.map((p) => p.name));
    if (!names.has(base)) return base;
    for (let i = 2; ; i++) if (!names.has(`${base} ${i}`)) return `${base} ${i}`;
  }

  private notify(tone: Notice['tone'], message: string, detail?: string, action?: Notice['action'], secondaryAction?: Notice['action']): void {
    const notice: Notice = { id: ++this.noticeSeq, tone, message, detail, action, ...(secondaryAction ? { secondaryAction } : {}) };
    this.update({ notices: [...this.state.notices.slice(-4), notice] });
  }

  private notifyError(error: unknown, fileName?: string, action?: Notice['action']): void {
    if (isStorageError(error, 'conflict')) {
      this.session.send({ type: 'CONFLICT' });
      return;
    }
    const { message, detail } = describeError(error, fileName);
    this.notify('error', message, detail, action);
  }

  private update(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    this.dispatchEvent(new Event('change'));
  }
}

/** `work`, or a rejection once `seconds` have passed without an answer. */
function withinSeconds<T>(work: Promise<T>, seconds: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Most import warnings a notice lists; the rest are counted. */
const LISTED_WARNINGS = 8;

/** The import's warnings for the notice: how many, then the first few, one a line. */
function describeWarnings(warnings: readonly string[]): string {
  const listed = warnings.slice(0, LISTED_WARNINGS).map((w) => `• ${w}`);
  const more = warnings.length - listed.length;
  return [
    msg(str`${warnings.length} parts of the file were not understood and were skipped:`),
    ...listed,
    ...(more > 0 ? [msg(str`… and ${more} more.`)] : [])
  ].join('\n');
}

/** A bpmn-js import warning as a sentence (they come as Errors, sometimes with the element). */
function describeModelerWarning(warning: unknown): string {
  const text = warning instanceof Error ? warning.message : String((warning as { message?: unknown })?.message ?? warning);
  const sentence = text.replace(/\s+/g, ' ').trim();
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** What the import did to a model's diagram, for the user. */
function describeLayout(layout: ImportLayoutReport): string {
  switch (layout.reason) {
    case 'no-diagram':
      return msg('This model had no diagram; MissingLink laid it out. Move shapes where you want them.');
    case 'incomplete-diagram':
      return msg(str`The diagram of this model left out ${layout.missing} of ${layout.expected} elements; MissingLink laid out the whole model anew.`);
    default:
      return msg(str`${layout.missing} connections had no line in the diagram; MissingLink drew them.`);
  }
}

/** The name of the first collaboration or process, as the text it stands for (entities such as &lt; decoded). */
function nameFromXml(xml: string): string | undefined {
  const m = /<(?:\w+:)?(?:collaboration|process)\b[^>]*\bname="([^"]+)"/.exec(xml);
  return m?.[1] ? decodeXmlEntities(m[1]).trim() || undefined : undefined;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (entity, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/** The process this tab had open (survives a reload), else the one opened last in any tab. */
function readLastOpened(): string | null {
  return readPreference('lastProcess') ?? null;
}

function writeLastOpened(id: string): void {
  writePreference('lastProcess', id);
}

/**
 * A local replica of one team workspace, kept in step with the server by PouchDB's own
 * live replication (never a hand-written protocol). The app and the load benchmark use
 * the same class; the environment injects the PouchDB constructor with its local adapter
 * (IndexedDB in the browser, memory in node).
 *
 * What it adds to plain replication: a state a person understands (synced, offline with
 * N changes waiting, signed out, error with a reason); publication of a process head at
 * most every few seconds per process, so autosave never floods the server; and conflicts
 * that are never silent, with three resolutions that each keep every edit.
 */
import type PouchDB from 'pouchdb-core';
import { sha256Hex } from '../analysis/audit/fingerprint';
import { processDocId, processDocumentSchema, type ProcessDocument } from './documents';

type Database = PouchDB.Database;
type PouchStatic = PouchDB.Static;

/** Where the person stands with the workspace. */
export type SyncState =
  | { kind: 'connecting' }
  | { kind: 'synced' }
  | { kind: 'offline'; waiting: number }
  | { kind: 'signed-out' }
  | { kind: 'error'; reason: string; refused?: { docId: string; reason: string } };

/** Two versions of a process that were changed at the same time. */
export interface ProcessConflict {
  processId: string;
  /** The signed-in user's version. */
  mine: ProcessDocument;
  /** The colleague's version. */
  theirs: ProcessDocument;
}

/** How a conflict is resolved; whatever is not chosen is kept as a version. */
export type ConflictChoice = 'keep-mine' | 'take-theirs' | 'keep-both';

export interface ReplicaOptions {
  PouchDB: PouchStatic;
  /** The local database's name (per server and workspace). */
  localName: string;
  /** The PouchDB adapter of the local replica: 'indexeddb' in the browser, 'memory' in node. */
  localAdapter: string;
  /** The workspace database's URL, e.g. `http://127.0.0.1:5984/marketing`. */
  remoteUrl: string;
  /** The signed-in user. */
  user: string;
  /** Basic authentication (node, the benchmark); the app uses the cookie session instead. */
  auth?: { username: string; password: string };
  /** A fetch that sends the session cookie (the app passes one with `credentials: 'include'`). */
  fetch?: typeof fetch;
  /** Minimum milliseconds between two publications of the same process (default 3000). */
  publishIntervalMs?: number;
  /** The clock (tests inject one). */
  now?: () => Date;
}

type Listener<T> = (value: T) => void;

/** A local replica of a workspace with live two-way replication. */
export class WorkspaceReplica {
  readonly local: Database;
  readonly remote: Database;
  private readonly user: string;
  private readonly interval: number;
  private readonly now: () => Date;
  private replication?: PouchDB.Sync;
  private feed?: { cancel(): void };
  private current: SyncState = { kind: 'connecting' };
  private readonly stateListeners = new Set<Listener<SyncState>>();
  private readonly changeListeners = new Set<Listener<ProcessDocument>>();
  private readonly conflictListeners = new Set<Listener<ProcessConflict>>();
  /** Publications waiting for their interval: process id → the latest content. */
  private readonly queued = new Map<string, { name: string; xml: string; timer?: ReturnType<typeof setTimeout> }>();
  private readonly lastPublished = new Map<string, number>();
  /** Documents written here that the server has not acknowledged yet. */
  private readonly unpushed = new Set<string>();
  /** Revisions this replica wrote, so a change coming back is not taken for a colleague's. */
  private readonly ownRevs = new Set<string>();
  private readonly toldConflicts = new Set<string>();
  private stopped = false;

  constructor(options: ReplicaOptions) {
    this.user = options.user;
    this.interval = options.publishIntervalMs ?? 3000;
    this.now = options.now ?? (() => new Date());
    this.local = new options.PouchDB(options.localName, { adapter: options.localAdapter }) as Database;
    const remoteOptions: { skip_setup: boolean; auth?: { username: string; password: string }; fetch?: typeof fetch } = { skip_setup: true };
    if (options.auth) remoteOptions.auth = options.auth;
    if (options.fetch) remoteOptions.fetch = options.fetch;
    this.remote = new options.PouchDB(options.remoteUrl, remoteOptions) as Database;
  }

  /** The current state. */
  get state(): SyncState {
    return this.current;
  }

  /** Calls `listener` with every new state; returns the unsubscribe function. */
  onState(listener: Listener<SyncState>): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Calls `listener` with every process head that a colleague changed. */
  onProcessChanged(listener: Listener<ProcessDocument>): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Calls `listener` when a process this user changed was changed by a colleague at the same time. */
  onConflict(listener: Listener<ProcessConflict>): () => void {
    this.conflictListeners.add(listener);
    return () => this.conflictListeners.delete(listener);
  }

  /** Starts live replication both ways and watches the replica for colleagues' changes. */
  start(): void {
    if (this.replication) return;
    this.replication = this.local.sync(this.remote, { live: true, retry: true, back_off_function: (delay) => (delay === 0 ? 500 : Math.min(delay * 2, 10000)) });
    this.replication
      .on('change', (info) => {
        if (info.direction === 'push') for (const doc of info.change.docs) this.unpushed.delete(doc._id);
        // A refusal stays on screen until the person has seen it (acknowledge).
        if (this.current.kind === 'error' && this.current.refused) return;
        this.setState(this.unpushed.size === 0 && this.queued.size === 0 ? { kind: 'synced' } : { kind: 'offline', waiting: this.waiting() });
      })
      .on('paused', (err) => {
        if (err) this.setState(this.stateForError(err));
        else if (this.current.kind === 'error' && this.current.refused) return;
        else this.setState(this.waiting() === 0 ? { kind: 'synced' } : { kind: 'offline', waiting: this.waiting() });
      })
      .on('active', () => {
        if (this.current.kind !== 'synced') this.setState({ kind: 'connecting' });
      })
      .on('denied', (event) => {
        // sync() wraps the refused document's error as { direction, doc }.
        const e = ((event as { doc?: unknown }).doc ?? event) as { id?: string; reason?: string; message?: string };
        if (e.id) this.unpushed.delete(e.id);
        this.setState({ kind: 'error', reason: `The workspace refused a change: ${e.reason ?? e.message ?? 'forbidden'}`, refused: { docId: e.id ?? '', reason: e.reason ?? e.message ?? '' } });
      })
      .on('error', (err) => this.setState(this.stateForError(err)));

    if (this.feed) return;
    const feed = this.local.changes({ live: true, since: 'now', include_docs: true, conflicts: true });
    this.feed = feed;
    feed.on('change', (change) => void this.examine(change.doc as Record<string, unknown> | undefined));
  }

  /** Stops replicating for a while (the person went offline); `start()` resumes. Local work goes on. */
  pause(): void {
    this.replication?.cancel();
    this.replication = undefined;
    this.setState({ kind: 'offline', waiting: this.waiting() });
  }

  /** Stops replication after publishing what waits; the local replica stays for reading offline. */
  async stop(): Promise<void> {
    await this.flush();
    this.stopped = true;
    this.replication?.cancel();
    this.feed?.cancel();
  }

  /** Clears a refusal the person has seen; the state follows replication again. */
  acknowledge(): void {
    if (this.current.kind === 'error') this.setState(this.waiting() === 0 ? { kind: 'synced' } : { kind: 'offline', waiting: this.waiting() });
  }

  /** How many changes wait to reach the server. */
  waiting(): number {
    return new Set([...this.unpushed, ...[...this.queued.keys()].map(processDocId)]).size;
  }

  /**
   * Publishes a process's current content: at once if the interval since its last
   * publication has passed, else when it has (only the latest content is sent).
   */
  publish(processId: string, name: string, xml: string): void {
    const entry = this.queued.get(processId) ?? { name, xml };
    entry.name = name;
    entry.xml = xml;
    this.queued.set(processId, entry);
    if (entry.timer) return;
    const since = Date.now() - (this.lastPublished.get(processId) ?? 0);
    const wait = Math.max(0, this.interval - since);
    entry.timer = setTimeout(() => void this.writeQueued(processId), wait);
    if (this.current.kind === 'synced') this.setState({ kind: 'offline', waiting: this.waiting() });
  }

  /** Writes every queued publication now (on close, before disconnecting). */
  async flush(): Promise<void> {
    await Promise.all([...this.queued.keys()].map((id) => this.writeQueued(id)));
  }

  private async writeQueued(processId: string): Promise<void> {
    const entry = this.queued.get(processId);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    this.queued.delete(processId);
    this.lastPublished.set(processId, Date.now());
    await this.writeHead(processId, entry.name, entry.xml);
  }

  /** Writes the head of a process in the replica (replication takes it to the server). */
  async writeHead(processId: string, name: string, xml: string): Promise<ProcessDocument> {
    const id = processDocId(processId);
    const existing = await this.local.get(id).catch(() => undefined);
    const doc: ProcessDocument = {
      _id: id,
      ...(existing ? { _rev: existing._rev } : {}),
      type: 'process',
      processId,
      name,
      xml,
      sha256: await sha256Hex(xml),
      updatedBy: this.user,
      updatedAt: this.now().toISOString()
    };
    const result = await this.local.put(doc as unknown as Record<string, unknown> & { _id: string });
    this.ownRevs.add(result.rev);
    this.unpushed.add(id);
    this.refreshWaiting();
    return { ...doc, _rev: result.rev };
  }

  /** Writes a write-once version of a process (a named version, or what a resolution did not choose). */
  async writeVersion(processId: string, name: string, xml: string, label: string): Promise<string> {
    const at = this.now().toISOString();
    const id = `version:${processId}:${at.replace(/[-:.]/g, '')}-${Math.random().toString(36).slice(2, 8)}`;
    const result = await this.local.put({ _id: id, type: 'version', processId, name, label, xml, sha256: await sha256Hex(xml), updatedBy: this.user, updatedAt: at });
    this.ownRevs.add(result.rev);
    this.unpushed.add(id);
    this.refreshWaiting();
    return id;
  }

  /** The head of a process in the replica, or undefined. */
  async head(processId: string): Promise<ProcessDocument | undefined> {
    const doc = await this.local.get(processDocId(processId)).catch(() => undefined);
    const parsed = processDocumentSchema.safeParse(doc);
    return parsed.success ? parsed.data : undefined;
  }

  /** Every process head in the replica. */
  async processes(): Promise<ProcessDocument[]> {
    const all = await this.local.allDocs({ startkey: 'process:', endkey: 'process:\ufff0', include_docs: true });
    return all.rows.map((r) => processDocumentSchema.safeParse(r.doc)).flatMap((p) => (p.success ? [p.data] : []));
  }

  /** The versions of a process, oldest first. */
  async versions(processId: string): Promise<Array<{ _id: string; label: string; xml: string; updatedBy: string; updatedAt: string }>> {
    const all = await this.local.allDocs({ startkey: `version:${processId}:`, endkey: `version:${processId}:\ufff0`, include_docs: true });
    return all.rows.map((r) => r.doc as unknown as { _id: string; label: string; xml: string; updatedBy: string; updatedAt: string });
  }

  /**
   * Resolves a conflict. keep-mine: my version becomes the head, theirs a version;
   * take-theirs: theirs stays the head, mine becomes a version; keep-both: theirs stays
   * the head and mine becomes a new process. Resolves to the id of the process that
   * holds "mine" afterwards.
   */
  async resolve(conflict: ProcessConflict, choice: ConflictChoice): Promise<string> {
    const id = processDocId(conflict.processId);
    const doc = await this.local.get(id, { conflicts: true });
    const leaves = [doc._rev, ...((doc as { _conflicts?: string[] })._conflicts ?? [])];
    const { mine, theirs } = conflict;
    let mineProcess = conflict.processId;
    if (choice === 'keep-mine') await this.writeVersion(conflict.processId, theirs.name, theirs.xml, `Kept from the conflict: ${theirs.updatedBy}, ${theirs.updatedAt}`);
    if (choice === 'take-theirs') await this.writeVersion(conflict.processId, mine.name, mine.xml, `Kept from the conflict: ${mine.updatedBy}, ${mine.updatedAt}`);
    if (choice === 'keep-both') {
      mineProcess = `${conflict.processId}-${this.user.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}-${Date.now().toString(36)}`;
      await this.writeHead(mineProcess, `${mine.name} (${this.user})`, mine.xml);
    }
    // The chosen content goes on top of the winning revision; every other leaf is closed.
    const keep = choice === 'keep-mine' ? mine : theirs;
    const winner = await this.local.get(id);
    const result = await this.local.put({ ...(winner as object), _id: id, _rev: winner._rev, name: keep.name, xml: keep.xml, sha256: await sha256Hex(keep.xml), updatedBy: this.user, updatedAt: this.now().toISOString() });
    this.ownRevs.add(result.rev);
    this.unpushed.add(id);
    for (const rev of leaves) {
      if (rev === winner._rev) continue;
      const removed = await this.local.remove(id, rev).catch(() => undefined);
      if (removed) this.ownRevs.add(removed.rev);
    }
    this.toldConflicts.delete(id);
    return mineProcess;
  }

  private async examine(doc: Record<string, unknown> | undefined): Promise<void> {
    if (!doc || this.stopped || typeof doc._id !== 'string' || !doc._id.startsWith('process:')) return;
    const conflicts = (doc._conflicts as string[] | undefined) ?? [];
    if (conflicts.length > 0) {
      await this.reportConflict(doc._id, doc, conflicts);
      return;
    }
    if (this.ownRevs.has(String(doc._rev))) return;
    const parsed = processDocumentSchema.safeParse(doc);
    if (parsed.success) for (const l of this.changeListeners) l(parsed.data);
  }

  private async reportConflict(id: string, winner: Record<string, unknown>, conflicts: string[]): Promise<void> {
    const revs = [String(winner._rev), ...conflicts];
    const key = `${id} ${[...revs].sort().join(' ')}`;
    if (this.toldConflicts.has(key)) return;
    const docs = await Promise.all(revs.map((rev) => this.local.get(id, { rev }).catch(() => undefined)));
    const parsed = docs.map((d) => processDocumentSchema.safeParse(d)).flatMap((p) => (p.success ? [p.data] : []));
    const mine = parsed.filter((d) => this.ownRevs.has(String(d._rev)) || d.updatedBy === this.user);
    const theirs = parsed.filter((d) => !mine.includes(d));
    if (mine.length === 0 || theirs.length === 0) return;
    const latestMine = mine.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]!;
    const latestTheirs = theirs.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]!;
    // The person whose change arrived second is told; the other one's work simply stands.
    if (latestMine.updatedAt < latestTheirs.updatedAt) return;
    this.toldConflicts.add(key);
    const conflict: ProcessConflict = { processId: latestMine.processId, mine: latestMine, theirs: latestTheirs };
    for (const l of this.conflictListeners) l(conflict);
  }

  private stateForError(err: unknown): SyncState {
    const e = err as { status?: number; name?: string; reason?: string; message?: string };
    if (e.status === 401 && /not authorized to access|not a member/i.test(`${e.reason ?? ''} ${e.message ?? ''}`))
      return { kind: 'error', reason: 'You are no longer a member of this workspace. Your local copy stays.' };
    if (e.status === 401) return { kind: 'signed-out' };
    if (e.status === 403) return { kind: 'error', reason: `The workspace refused: ${e.reason ?? e.message ?? 'forbidden'}` };
    if (e.status === 404) return { kind: 'error', reason: 'The workspace does not exist on this server.' };
    if (e.status !== undefined && e.status >= 500) return { kind: 'error', reason: `The workspace server failed (${e.status}); retrying.` };
    return { kind: 'offline', waiting: this.waiting() };
  }

  /** An offline state counts what waits; a write while offline raises the count at once. */
  private refreshWaiting(): void {
    if (this.current.kind === 'offline') this.setState({ kind: 'offline', waiting: this.waiting() });
  }

  private setState(state: SyncState): void {
    if (JSON.stringify(state) === JSON.stringify(this.current)) return;
    this.current = state;
    for (const l of this.stateListeners) l(state);
  }
}

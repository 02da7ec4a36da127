import { Dexie } from 'dexie';
import { MAX_BPMN_BYTES } from '../model/bpmn-io';
import type { MissingLinkDb } from './db';
import { StorageError, toStorageError } from './errors';
import type { LibraryCopy } from './library-copy';
import {
  parseRow,
  processRecordSchema,
  versionRecordSchema,
  type ProcessOrigin,
  type ProcessRecord,
  type ProcessSummary,
  type StorageProblem,
  type VersionKind,
  type VersionRecord,
  type VersionSummary
} from './records';

/** Largest process the library stores (UTF-8 bytes): the same limit as for opening a BPMN file. */
export const MAX_PROCESS_BYTES = MAX_BPMN_BYTES;

/** Settings key that remembers the first-start seeding, so deleted samples stay deleted. */
export const SEEDED_SETTING_KEY = 'library.seeded';

/** A change that committed; the shell forwards these to other tabs (see tab-sync.ts). */
export type LibraryChange =
  | { type: 'created'; processId: string; name: string }
  | { type: 'saved'; processId: string; revision: number }
  | { type: 'renamed'; processId: string; name: string }
  | { type: 'deleted'; processId: string };

/** The stored state a writer must have seen to be allowed to overwrite it. */
export interface StoredRevision {
  revision: number;
  updatedAt: number;
}

/** A conflict: someone else (another tab) saved since `expectedRevision`; nothing was written. */
export interface ConflictResult {
  ok: false;
  reason: 'conflict';
  current: StoredRevision;
}

/** Outcome of `save`: the new revision, or a conflict. */
export type SaveResult = ({ ok: true } & StoredRevision) | ConflictResult;

/** Outcome of `restoreVersion`: the content now current plus the two versions recorded around it, or a conflict. */
export type RestoreResult =
  | ({ ok: true; xml: string; beforeRestore: VersionSummary; restored: VersionSummary } & StoredRevision)
  | ConflictResult;

/** Injectable collaborators; defaults suit the browser. */
export interface RepositoryOptions {
  now?: () => number;
  newId?: () => string;
  maxBytes?: number;
  /** Called after each committed change (never for a refused or failed one). */
  onChange?: (change: LibraryChange) => void;
  /** A second copy outside IndexedDB, written after every committed change (see library-copy.ts). */
  copy?: LibraryCopy;
}

function notFound(): StorageError {
  return new StorageError('not-found', 'This process no longer exists in the library (it may have been deleted in another tab).');
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const encoder = new TextEncoder();

/** Size of a BPMN text as stored and as a file: UTF-8 bytes, not UTF-16 code units. */
export function byteLength(xml: string): number {
  return encoder.encode(xml).byteLength;
}

// crypto.randomUUID only exists in secure contexts; a LAN-served build over plain
// http still needs ids, and getRandomValues is available everywhere.
function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new RangeError('A process name must not be empty.');
  return trimmed;
}

function withoutXml<T extends { xml: string }>(record: T): Omit<T, 'xml'> {
  const { xml: _xml, ...rest } = record;
  return rest;
}

/**
 * The process library: every read validates rows, every write is one IndexedDB
 * transaction (all or nothing), and content writes use optimistic concurrency on
 * `revision` so two tabs never silently overwrite each other.
 */
export class ProcessRepository {
  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly maxBytes: number;
  private readonly onChange: ((change: LibraryChange) => void) | undefined;
  private readonly copy: LibraryCopy | undefined;

  constructor(
    private readonly db: MissingLinkDb,
    options: RepositoryOptions = {}
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomUuid;
    this.maxBytes = options.maxBytes ?? MAX_PROCESS_BYTES;
    this.onChange = options.onChange;
    this.copy = options.copy;
  }

  /** All readable processes without their XML, sorted by name; damaged rows are reported in `problems`. */
  async list(): Promise<{ processes: ProcessSummary[]; problems: StorageProblem[] }> {
    return this.run('reading the process library', async () => {
      const processes: ProcessSummary[] = [];
      const problems: StorageProblem[] = [];
      await this.db.processes.each((row, cursor) => {
        const parsed = parseRow(processRecordSchema, 'processes', cursor.primaryKey, row);
        if (parsed.ok) processes.push(withoutXml(parsed.record));
        else problems.push(parsed.problem);
      });
      processes.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      return { processes, problems };
    });
  }

  /** True when the database holds a library: it was seeded once or holds processes (false: it is new, or the browser emptied it). */
  async hasLibrary(): Promise<boolean> {
    return this.run('reading the process library', async () => (await this.db.settings.get(SEEDED_SETTING_KEY)) !== undefined || (await this.db.processes.count()) > 0);
  }

  /** One process with its XML; undefined when it does not exist, StorageError 'corrupt' when its row is damaged. */
  async get(id: string): Promise<ProcessRecord | undefined> {
    return this.run('opening the process', async () => {
      const raw = await this.db.processes.get(id);
      return raw === undefined ? undefined : this.parseProcess(id, raw);
    });
  }

  /** Adds a new process (revision 1); an imported one also keeps its original as an 'import' version. */
  async create(input: { name: string; xml: string; origin?: ProcessOrigin }): Promise<ProcessRecord> {
    const name = checkName(input.name);
    const sizeBytes = this.checkSize(input.xml);
    const origin = input.origin ?? 'new';
    const record = await this.run('creating the process', () =>
      this.db.transaction('rw', this.db.processes, this.db.versions, async () => {
        const created = this.newProcess(name, input.xml, sizeBytes, origin);
        await this.db.processes.add(created);
        if (origin === 'import') await this.addVersion(created.id, 'import', name, input.xml, created.createdAt);
        return created;
      })
    );
    this.emit({ type: 'created', processId: record.id, name: record.name });
    await this.mirror((copy) => copy.put(record));
    return record;
  }

  /** Renames a process. The revision stays: a name is not content, so an open editor's next save still fits. */
  async rename(id: string, name: string): Promise<ProcessSummary> {
    const newName = checkName(name);
    const renamed = await this.run('renaming the process', () =>
      this.db.transaction('rw', this.db.processes, async () => {
        const current = await this.readProcess(id);
        const updatedAt = this.now();
        await this.db.processes.update(id, { name: newName, updatedAt });
        return { ...current, name: newName, updatedAt };
      })
    );
    this.emit({ type: 'renamed', processId: id, name: newName });
    await this.mirror((copy) => copy.put(renamed));
    return withoutXml(renamed);
  }

  /** Copies a process's current content under a new name (the UI chooses the name, e.g. "<name> (copy)"); history is not copied. */
  async duplicate(id: string, name: string): Promise<ProcessRecord> {
    const newName = checkName(name);
    const copy = await this.run('copying the process', () =>
      this.db.transaction('rw', this.db.processes, async () => {
        const source = await this.readProcess(id);
        const created = this.newProcess(newName, source.xml, this.checkSize(source.xml), 'copy');
        await this.db.processes.add(created);
        return created;
      })
    );
    this.emit({ type: 'created', processId: copy.id, name: copy.name });
    await this.mirror((mirror) => mirror.put(copy));
    return copy;
  }

  /** Deletes a process and all its versions, damaged rows included; false when there was nothing to delete. */
  async delete(id: string): Promise<boolean> {
    const existed = await this.run('deleting the process', () =>
      this.db.transaction('rw', this.db.processes, this.db.versions, async () => {
        const found = (await this.db.processes.where(':id').equals(id).count()) > 0;
        const versions = await this.db.versions.where('processId').equals(id).delete();
        await this.db.processes.delete(id);
        return found || versions > 0;
      })
    );
    if (existed) this.emit({ type: 'deleted', processId: id });
    await this.mirror((copy) => copy.remove(id));
    return existed;
  }

  /**
   * Stores new content if the stored revision is still `expectedRevision`; otherwise
   * writes nothing and returns the revision that is there (another tab saved).
   */
  async save(id: string, xml: string, options: { expectedRevision: number }): Promise<SaveResult> {
    const sizeBytes = this.checkSize(xml);
    const result = await this.run('saving the process', () =>
      this.db.transaction('rw', this.db.processes, async (): Promise<SaveResult & { stored?: ProcessRecord }> => {
        const raw = await this.db.processes.get(id);
        if (raw === undefined) throw notFound();
        const current = this.parseProcess(id, raw);
        if (current.revision !== options.expectedRevision) return conflict(current);
        const revision = current.revision + 1;
        const updatedAt = this.now();
        // put the row read above (fields this version does not know included) instead of
        // update(), which would read the whole row, XML and all, a second time.
        await this.db.processes.put({ ...raw, xml, revision, updatedAt, sizeBytes });
        return { ok: true, revision, updatedAt, stored: { ...current, xml, revision, updatedAt, sizeBytes } };
      })
    );
    if (!result.ok) return result;
    this.emit({ type: 'saved', processId: id, revision: result.revision });
    const { stored, ...saved } = result;
    await this.mirror((copy) => copy.put(stored!));
    return saved;
  }

  /**
   * Freezes the current content as a named version. With `expectedRevision` it
   * refuses (StorageError 'conflict') when the stored content is not what the user sees.
   * With `xml` it keeps that content instead (e.g. a tab's unsaved edits when it
   * loads what another tab saved), without changing the current content.
   */
  async saveVersion(id: string, label: string, options: { expectedRevision?: number; xml?: string } = {}): Promise<VersionRecord> {
    if (options.xml !== undefined) this.checkSize(options.xml);
    return this.run('saving the version', () =>
      this.db.transaction('rw', this.db.processes, this.db.versions, async () => {
        const current = await this.readProcess(id);
        if (options.expectedRevision !== undefined && current.revision !== options.expectedRevision) {
          throw new StorageError(
            'conflict',
            `"${current.name}" was changed in another tab since you opened it, so the version was not saved. Reload the process first.`
          );
        }
        return this.addVersion(id, 'named', label.trim(), options.xml ?? current.xml, this.now());
      })
    );
  }

  /** The history of a process, newest first, without XML; damaged version rows are reported in `problems`. */
  async listVersions(id: string): Promise<{ versions: VersionSummary[]; problems: StorageProblem[] }> {
    return this.run('reading the version history', async () => {
      const versions: VersionSummary[] = [];
      const problems: StorageProblem[] = [];
      await this.db.versions
        .where('processId')
        .equals(id)
        .each((row, cursor) => {
          const parsed = parseRow(versionRecordSchema, 'versions', cursor.primaryKey, row);
          if (parsed.ok) versions.push(withoutXml(parsed.record));
          else problems.push(parsed.problem);
        });
      versions.sort((a, b) => b.number - a.number || b.id - a.id);
      return { versions, problems };
    });
  }

  /** One version with its XML (for preview or comparison); undefined when it is not a version of this process. */
  async getVersion(id: string, versionId: number): Promise<VersionRecord | undefined> {
    return this.run('opening the version', async () => {
      const raw = await this.db.versions.get(versionId);
      if (raw === undefined || raw.processId !== id) return undefined;
      return this.parseVersion(versionId, raw);
    });
  }

  /** Deletes one version (to free space); the current content is never affected. */
  async deleteVersion(id: string, versionId: number): Promise<boolean> {
    return this.run('deleting the version', () =>
      this.db.transaction('rw', this.db.versions, async () => {
        const raw = await this.db.versions.get(versionId);
        if (raw === undefined || raw.processId !== id) return false;
        await this.db.versions.delete(versionId);
        return true;
      })
    );
  }

  /**
   * Makes an old version the current content without losing anything, in one
   * transaction: the current content is kept as a 'before-restore' version (restore
   * that one to undo), the old content becomes revision+1, and a 'restored' version
   * marks the moment. Labels default to English; the UI may pass translated ones.
   */
  async restoreVersion(
    id: string,
    versionId: number,
    options: { expectedRevision: number; labels?: { beforeRestore?: string; restored?: string } }
  ): Promise<RestoreResult> {
    const result = await this.run('restoring the version', () =>
      this.db.transaction('rw', this.db.processes, this.db.versions, async (): Promise<RestoreResult & { stored?: ProcessRecord }> => {
        const current = await this.readProcess(id);
        if (current.revision !== options.expectedRevision) return conflict(current);
        const raw = await this.db.versions.get(versionId);
        if (raw === undefined || raw.processId !== id) {
          throw new StorageError('not-found', `The version to restore no longer exists in "${current.name}".`);
        }
        const source = this.parseVersion(versionId, raw);
        const sizeBytes = this.checkSize(source.xml);
        const at = this.now();
        // Only a label a person gave is repeated: automatic labels would nest ("Restored version 2 (Before restoring version 1 (…))").
        const suffix = source.label && source.kind !== 'restored' && source.kind !== 'before-restore' ? ` (${source.label})` : '';
        const beforeRestore = await this.addVersion(
          id,
          'before-restore',
          options.labels?.beforeRestore ?? `Before restoring version ${source.number}${suffix}`,
          current.xml,
          at,
          source.number
        );
        const revision = current.revision + 1;
        await this.db.processes.update(id, { xml: source.xml, revision, updatedAt: at, sizeBytes });
        const restored = await this.addVersion(
          id,
          'restored',
          options.labels?.restored ?? `Restored version ${source.number}${suffix}`,
          source.xml,
          at,
          source.number
        );
        return {
          stored: { ...current, xml: source.xml, revision, updatedAt: at, sizeBytes },
          ok: true,
          revision,
          updatedAt: at,
          xml: source.xml,
          beforeRestore: withoutXml(beforeRestore),
          restored: withoutXml(restored)
        };
      })
    );
    if (!result.ok) return result;
    this.emit({ type: 'saved', processId: id, revision: result.revision });
    const { stored, ...restored } = result;
    await this.mirror((copy) => copy.put(stored!));
    return restored;
  }

  /**
   * Takes back a restore right after it: the content the restore replaced becomes current
   * again, and the two versions the restore recorded ('before-restore' and 'restored') are
   * removed, so undoing leaves the history as it was before. Refuses with a conflict when
   * the content changed since the restore (then restore the 'before-restore' version instead).
   */
  async undoRestore(
    id: string,
    restore: { beforeRestoreId: number; restoredId: number },
    options: { expectedRevision: number }
  ): Promise<SaveResult & { xml?: string }> {
    const result = await this.run('undoing the restore', () =>
      this.db.transaction('rw', this.db.processes, this.db.versions, async (): Promise<(SaveResult & { xml?: string }) & { stored?: ProcessRecord }> => {
        const current = await this.readProcess(id);
        if (current.revision !== options.expectedRevision) return conflict(current);
        const rawBefore = await this.db.versions.get(restore.beforeRestoreId);
        if (rawBefore === undefined || rawBefore.processId !== id) {
          throw new StorageError('not-found', `The state before the restore is no longer in the history of "${current.name}".`);
        }
        const before = this.parseVersion(restore.beforeRestoreId, rawBefore);
        const sizeBytes = this.checkSize(before.xml);
        const revision = current.revision + 1;
        const updatedAt = this.now();
        await this.db.processes.update(id, { xml: before.xml, revision, updatedAt, sizeBytes });
        await this.db.versions.delete(restore.beforeRestoreId);
        const restored = await this.db.versions.get(restore.restoredId);
        if (restored?.processId === id && restored.kind === 'restored') await this.db.versions.delete(restore.restoredId);
        return { ok: true, revision, updatedAt, xml: before.xml, stored: { ...current, xml: before.xml, revision, updatedAt, sizeBytes } };
      })
    );
    if (!result.ok) return result;
    this.emit({ type: 'saved', processId: id, revision: result.revision });
    const { stored, ...undone } = result;
    await this.mirror((copy) => copy.put(stored!));
    return undone;
  }

  /**
   * Fills the library with the sample processes on the very first start only. The
   * check and the writes share one transaction, so two tabs starting together seed
   * once; afterwards a settings flag keeps deleted samples from coming back. Given a
   * loader, it loads the samples only when the library was never seeded.
   */
  async seedIfEmpty(
    samples: readonly { name: string; xml: string }[] | (() => Promise<readonly { name: string; xml: string }[]>)
  ): Promise<ProcessRecord[]> {
    if (typeof samples === 'function') {
      // Seeded before (the usual start): the samples need not even be loaded.
      if (await this.run('adding the sample processes', () => this.db.settings.get(SEEDED_SETTING_KEY))) return [];
      samples = await samples();
    }
    const prepared = samples.map((s) => ({ name: checkName(s.name), xml: s.xml, sizeBytes: this.checkSize(s.xml) }));
    const created = await this.run('adding the sample processes', () =>
      this.db.transaction('rw', this.db.processes, this.db.settings, async () => {
        if (await this.db.settings.get(SEEDED_SETTING_KEY)) return [];
        const alreadyFilled = (await this.db.processes.count()) > 0;
        const at = this.now();
        await this.db.settings.put({ key: SEEDED_SETTING_KEY, value: { at, samples: alreadyFilled ? 0 : prepared.length } });
        if (alreadyFilled) return [];
        const records = prepared.map((s) => this.newProcess(s.name, s.xml, s.sizeBytes, 'sample'));
        await this.db.processes.bulkAdd(records);
        return records;
      })
    );
    for (const record of created) this.emit({ type: 'created', processId: record.id, name: record.name });
    for (const record of created) await this.mirror((copy) => copy.put(record));
    return created;
  }

  private newProcess(name: string, xml: string, sizeBytes: number, origin: ProcessOrigin): ProcessRecord {
    const at = this.now();
    return { id: this.newId(), name, xml, revision: 1, createdAt: at, updatedAt: at, sizeBytes, origin };
  }

  // Must run inside a transaction that includes the versions table, so the
  // number it picks cannot be taken by a concurrent writer.
  private async addVersion(
    processId: string,
    kind: VersionKind,
    label: string,
    xml: string,
    createdAt: number,
    restoredFrom?: number
  ): Promise<VersionRecord> {
    const keys = await this.db.versions
      .where('[processId+number]')
      .between([processId, Dexie.minKey], [processId, Dexie.maxKey])
      .keys();
    const highest = keys.reduce<number>((max, key) => {
      const n = Array.isArray(key) ? key[1] : undefined;
      return typeof n === 'number' && n > max ? n : max;
    }, 0);
    const row: Omit<VersionRecord, 'id'> = { processId, number: highest + 1, label, xml, createdAt, kind };
    if (restoredFrom !== undefined) row.restoredFrom = restoredFrom;
    const newId = await this.db.versions.add(row);
    return { ...row, id: newId };
  }

  private async readProcess(id: string): Promise<ProcessRecord> {
    const raw = await this.db.processes.get(id);
    if (raw === undefined) throw notFound();
    return this.parseProcess(id, raw);
  }

  private parseProcess(id: string, raw: unknown): ProcessRecord {
    const parsed = parseRow(processRecordSchema, 'processes', id, raw);
    if (!parsed.ok) throw new StorageError('corrupt', parsed.problem.message, { subject: parsed.problem.name });
    return parsed.record;
  }

  private parseVersion(id: number, raw: unknown): VersionRecord {
    const parsed = parseRow(versionRecordSchema, 'versions', id, raw);
    if (!parsed.ok) throw new StorageError('corrupt', parsed.problem.message);
    return parsed.record;
  }

  private checkSize(xml: string): number {
    const size = byteLength(xml);
    if (size > this.maxBytes) {
      const mib = (n: number) => (n / (1024 * 1024)).toFixed(1);
      throw new StorageError(
        'too-large',
        `This process is ${mib(size)} MiB, above the limit of ${mib(this.maxBytes)} MiB, so it was not stored. The previous content is kept.`
      );
    }
    return size;
  }

  private async run<T>(action: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toStorageError(error, action);
    }
  }

  /** Keeps the copy in step; a copy that cannot be written never makes a committed change look failed. */
  private async mirror(write: (copy: LibraryCopy) => Promise<void>): Promise<void> {
    if (!this.copy) return;
    try {
      await write(this.copy);
    } catch (error) {
      console.warn('The second copy of the library could not be updated', error);
    }
  }

  private emit(change: LibraryChange): void {
    if (!this.onChange) return;
    try {
      this.onChange(change);
    } catch (error) {
      // The change is committed; a failing listener must not make it look failed.
      console.error('Library change listener failed', error);
    }
  }
}

function conflict(current: ProcessRecord): ConflictResult {
  return { ok: false, reason: 'conflict', current: { revision: current.revision, updatedAt: current.updatedAt } };
}

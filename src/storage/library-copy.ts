import { processRecordSchema, type ProcessRecord } from './records';

/**
 * A second copy of the process library, kept outside IndexedDB, so that a database the
 * browser deletes (Chromium deletes an IndexedDB database it considers corrupt, which it
 * does after a write failed on a full disk) does not take the user's processes with it.
 * See docs/durability.md for why the Origin Private File System holds it.
 */
export interface LibraryCopy {
  /** True when a copy was ever made in this browser profile: the library existed here before. */
  exists(): Promise<boolean>;
  /** Every process in the copy (the newest revision of each); unreadable files are reported by name. */
  read(): Promise<{ records: ProcessRecord[]; problems: string[] }>;
  /** The id and revision of every process in the copy, without reading their content. */
  revisions(): Promise<Map<string, number>>;
  /** Writes one process; a failed write leaves the previous copy of it as it was. */
  put(record: ProcessRecord): Promise<void>;
  /** Removes a process from the copy. */
  remove(id: string): Promise<void>;
  /** Records that the library exists in this profile (done on every start). */
  markExists(): Promise<void>;
}

/** Folder in the origin's private file system that holds the copy. */
export const COPY_FOLDER = 'missinglink-library-copy';
const MARKER_FILE = 'library.json';
const SUFFIX = '.process.json';

/** File name of one process revision: `<id>~<revision>.process.json`, id URI-encoded. */
export function copyFileName(id: string, revision: number): string {
  return `${encodeURIComponent(id)}~${revision}${SUFFIX}`;
}

/** The id and revision a copy file name stands for, or undefined for any other file. */
export function parseCopyFileName(name: string): { id: string; revision: number } | undefined {
  if (!name.endsWith(SUFFIX)) return undefined;
  const stem = name.slice(0, -SUFFIX.length);
  const cut = stem.lastIndexOf('~');
  const revision = Number(stem.slice(cut + 1));
  if (cut <= 0 || !Number.isInteger(revision) || revision < 1) return undefined;
  try {
    return { id: decodeURIComponent(stem.slice(0, cut)), revision };
  } catch {
    return undefined;
  }
}

type WritableFileHandle = FileSystemFileHandle & {
  createWritable?: () => Promise<{ write(data: string): Promise<void>; close(): Promise<void>; abort(): Promise<void> }>;
};

/**
 * The copy in the Origin Private File System: one JSON file per process revision. A
 * write goes to a new file (the browser writes it to a swap file and moves it in place
 * on close, so it is whole or absent); only then are older revisions of that process
 * removed. Reading takes the newest whole file of each process.
 */
export class OpfsLibraryCopy implements LibraryCopy {
  /** One write at a time per process, so two saves in a row never interleave their files. */
  private readonly queues = new Map<string, Promise<void>>();

  private constructor(private readonly folder: FileSystemDirectoryHandle) {}

  /** The copy of this origin, or undefined where the browser has no usable private file system. */
  static async open(): Promise<OpfsLibraryCopy | undefined> {
    try {
      if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') return undefined;
      const root = await navigator.storage.getDirectory();
      const folder = await root.getDirectoryHandle(COPY_FOLDER, { create: true });
      // Main-thread writes need createWritable (Chromium 86+, Firefox 111+, Safari 26+).
      const probe = (await folder.getFileHandle(MARKER_FILE, { create: true })) as WritableFileHandle;
      if (typeof probe.createWritable !== 'function') return undefined;
      return new OpfsLibraryCopy(folder);
    } catch (error) {
      console.warn('No second copy of the library: the private file system is not available.', error);
      return undefined;
    }
  }

  async exists(): Promise<boolean> {
    const marker = await this.folder.getFileHandle(MARKER_FILE).catch(() => undefined);
    return !!marker && (await marker.getFile()).size > 0;
  }

  async markExists(): Promise<void> {
    if (await this.exists()) return;
    await this.writeFile(MARKER_FILE, JSON.stringify({ since: Date.now() }));
  }

  async revisions(): Promise<Map<string, number>> {
    const newest = new Map<string, number>();
    for (const { id, revision } of await this.files()) {
      if ((newest.get(id) ?? 0) < revision) newest.set(id, revision);
    }
    return newest;
  }

  async read(): Promise<{ records: ProcessRecord[]; problems: string[] }> {
    const byId = new Map<string, { revision: number; name: string }[]>();
    for (const file of await this.files()) {
      const list = byId.get(file.id) ?? [];
      list.push(file);
      byId.set(file.id, list);
    }
    const records: ProcessRecord[] = [];
    const problems: string[] = [];
    for (const [id, files] of byId) {
      files.sort((a, b) => b.revision - a.revision);
      // The newest file that reads back whole; an older one is better than none.
      let found = false;
      for (const file of files) {
        try {
          const text = await (await (await this.folder.getFileHandle(file.name)).getFile()).text();
          const parsed = processRecordSchema.safeParse(JSON.parse(text));
          if (parsed.success && parsed.data.id === id) {
            records.push(parsed.data);
            found = true;
            break;
          }
          problems.push(`${file.name}: not a process record`);
        } catch (error) {
          problems.push(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (!found && !files.length) problems.push(`${id}: no readable file`);
    }
    return { records, problems };
  }

  put(record: ProcessRecord): Promise<void> {
    return this.queued(record.id, async () => {
      const name = copyFileName(record.id, record.revision);
      const existed = await this.folder.getFileHandle(name).then(() => true, () => false);
      try {
        await this.writeFile(name, JSON.stringify(record));
      } catch (error) {
        // A new file that could not be written is an empty one: take it away, the older revision stays.
        if (!existed) await this.folder.removeEntry(name).catch(() => undefined);
        throw error;
      }
      await this.removeFiles(record.id, name);
    });
  }

  remove(id: string): Promise<void> {
    return this.queued(id, () => this.removeFiles(id));
  }

  private queued(id: string, work: () => Promise<void>): Promise<void> {
    const next = (this.queues.get(id) ?? Promise.resolve()).catch(() => undefined).then(work);
    this.queues.set(id, next);
    void next.finally(() => {
      if (this.queues.get(id) === next) this.queues.delete(id);
    }).catch(() => undefined);
    return next;
  }

  private async files(): Promise<{ id: string; revision: number; name: string }[]> {
    const out: { id: string; revision: number; name: string }[] = [];
    const entries = (this.folder as unknown as { keys(): AsyncIterable<string> }).keys();
    for await (const name of entries) {
      const parsed = parseCopyFileName(name);
      if (parsed) out.push({ ...parsed, name });
    }
    return out;
  }

  private async removeFiles(id: string, keep?: string): Promise<void> {
    for (const file of await this.files()) {
      if (file.id === id && file.name !== keep) await this.folder.removeEntry(file.name).catch(() => undefined);
    }
  }

  private async writeFile(name: string, text: string): Promise<void> {
    const handle = (await this.folder.getFileHandle(name, { create: true })) as WritableFileHandle;
    const writable = await handle.createWritable!();
    try {
      await writable.write(text);
      await writable.close();
    } catch (error) {
      await writable.abort().catch(() => undefined);
      throw error;
    }
  }
}

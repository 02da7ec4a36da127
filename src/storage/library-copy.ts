import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { processRecordSchema, type ProcessRecord } from './records';

/**
 * A second copy of the process library, kept outside IndexedDB, so that a database the
 * browser deletes (Chromium deletes an IndexedDB database it considers corrupt, which it
 * does after a write failed on a full disk) does not take the user's processes with it.
 * See docs/durability.md for why localStorage holds it.
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
  /** Writes the whole copy to disk again (after a storage failure may have dropped it there). */
  rewrite(): Promise<void>;
}

const MARKER_FILE = 'library.json';
const SUFFIX = '.process.json';

/** Name of one process revision in the copy: `<id>~<revision>.process.json`, id URI-encoded. */
export function copyFileName(id: string, revision: number): string {
  return `${encodeURIComponent(id)}~${revision}${SUFFIX}`;
}

/** The id and revision a copy entry name stands for, or undefined for any other name. */
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

/** The part of localStorage the copy uses (a Storage, or a stand-in in tests). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const KEY_PREFIX = 'missinglink.copy.';
const MARKER_KEY = `${KEY_PREFIX}${MARKER_FILE}`;

/**
 * The copy in localStorage: one entry per process, keyed `missinglink.copy.<id>~<revision>`,
 * its XML deflated (fflate) and base64-encoded, so a library of tens of MB of BPMN fits in
 * the few MB the browser allows. localStorage is kept apart from the origin's storage
 * bucket, which Chromium deletes as a whole (IndexedDB, the private file system and Cache
 * Storage together) after a write failed on a full disk; see docs/durability.md. A write
 * is synchronous and whole or absent; a new revision is written before the older is
 * removed.
 */
export class LocalStorageLibraryCopy implements LibraryCopy {
  constructor(private readonly store: KeyValueStore) {}

  /** The copy in this origin's localStorage, or undefined where localStorage is blocked. */
  static open(): LocalStorageLibraryCopy | undefined {
    try {
      if (typeof localStorage === 'undefined') return undefined;
      localStorage.getItem(MARKER_KEY);
      return new LocalStorageLibraryCopy(localStorage);
    } catch {
      return undefined;
    }
  }

  async exists(): Promise<boolean> {
    return this.store.getItem(MARKER_KEY) !== null;
  }

  async markExists(): Promise<void> {
    if (this.store.getItem(MARKER_KEY) === null) this.store.setItem(MARKER_KEY, JSON.stringify({ since: Date.now() }));
  }

  /**
   * Writes every entry again. After a failed commit on a full disk Chromium can drop what
   * localStorage held on disk while this tab still sees it in memory; an unchanged value is
   * not committed again, so each entry is removed and set anew.
   */
  async rewrite(): Promise<void> {
    for (const key of [MARKER_KEY, ...this.entries().map((e) => e.key)]) {
      const value = this.store.getItem(key);
      if (value === null) continue;
      this.store.removeItem(key);
      this.store.setItem(key, value);
    }
  }

  async revisions(): Promise<Map<string, number>> {
    const newest = new Map<string, number>();
    for (const { id, revision } of this.entries()) if ((newest.get(id) ?? 0) < revision) newest.set(id, revision);
    return newest;
  }

  async read(): Promise<{ records: ProcessRecord[]; problems: string[] }> {
    const byId = new Map<string, { revision: number; key: string }[]>();
    for (const entry of this.entries()) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
    const records: ProcessRecord[] = [];
    const problems: string[] = [];
    for (const [id, entries] of byId) {
      entries.sort((a, b) => b.revision - a.revision);
      for (const entry of entries) {
        try {
          const stored = JSON.parse(this.store.getItem(entry.key) ?? 'null') as { xmlDeflated?: unknown } & Record<string, unknown>;
          const xml = typeof stored?.xmlDeflated === 'string' ? inflate(stored.xmlDeflated) : undefined;
          const { xmlDeflated: _packed, ...rest } = stored ?? {};
          const parsed = processRecordSchema.safeParse({ ...rest, xml });
          if (parsed.success && parsed.data.id === id) {
            records.push(parsed.data);
            break;
          }
          problems.push(`${entry.key}: not a process record`);
        } catch (error) {
          problems.push(`${entry.key}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    return { records, problems };
  }

  async put(record: ProcessRecord): Promise<void> {
    const key = KEY_PREFIX + copyFileName(record.id, record.revision);
    const { xml, ...rest } = record;
    // Throws QuotaExceededError when it does not fit; the older revision is then still there.
    this.store.setItem(key, JSON.stringify({ ...rest, xmlDeflated: deflate(xml) }));
    for (const entry of this.entries()) if (entry.id === record.id && entry.key !== key) this.store.removeItem(entry.key);
  }

  async remove(id: string): Promise<void> {
    for (const entry of this.entries()) if (entry.id === id) this.store.removeItem(entry.key);
  }

  private entries(): { id: string; revision: number; key: string }[] {
    const out: { id: string; revision: number; key: string }[] = [];
    for (let i = 0; i < this.store.length; i++) {
      const key = this.store.key(i);
      if (!key?.startsWith(KEY_PREFIX)) continue;
      const parsed = parseCopyFileName(key.slice(KEY_PREFIX.length));
      if (parsed) out.push({ ...parsed, key });
    }
    return out;
  }
}

function deflate(text: string): string {
  const packed = deflateSync(strToU8(text), { level: 1 });
  let binary = '';
  for (let i = 0; i < packed.length; i += 0x8000) binary += String.fromCharCode(...packed.subarray(i, i + 0x8000));
  return btoa(binary);
}

function inflate(base64: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return strFromU8(inflateSync(bytes));
}

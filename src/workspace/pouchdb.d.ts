/*
 * The part of PouchDB's API that the workspace replica uses. (@types/pouchdb-core
 * declares a global Buffer that breaks Node's own Buffer types, so it is not used.)
 */
declare module 'pouchdb-core' {
  namespace PouchDB {
    interface Doc extends Record<string, unknown> {
      _id: string;
      _rev: string;
      _conflicts?: string[];
    }
    interface Change {
      id: string;
      doc?: Record<string, unknown>;
    }
    interface EventEmitterLike<Events extends string> {
      on(event: Events, listener: (value: unknown) => void): this;
      cancel(): void;
    }
    interface SyncChange {
      direction: 'push' | 'pull';
      change: { docs: Array<{ _id: string }> };
    }
    interface Sync extends EventEmitterLike<'change' | 'paused' | 'active' | 'denied' | 'error' | 'complete'> {
      on(event: 'change', listener: (info: SyncChange) => void): this;
      on(event: 'paused' | 'active' | 'denied' | 'error' | 'complete', listener: (value: unknown) => void): this;
    }
    interface Database {
      readonly name: string;
      get(id: string, options?: { rev?: string; conflicts?: boolean }): Promise<Doc>;
      put(doc: Record<string, unknown> & { _id: string }): Promise<{ ok: boolean; id: string; rev: string }>;
      remove(id: string, rev: string): Promise<{ ok: boolean; id: string; rev: string }>;
      allDocs(options: { startkey?: string; endkey?: string; include_docs?: boolean }): Promise<{ rows: Array<{ id: string; doc?: Record<string, unknown> }> }>;
      changes(options: { live: true; since: 'now' | number; include_docs?: boolean; conflicts?: boolean }): EventEmitterLike<'change' | 'error'> & {
        on(event: 'change', listener: (change: Change) => void): unknown;
      };
      sync(remote: Database, options: { live?: boolean; retry?: boolean; back_off_function?: (delay: number) => number }): Sync;
      replicate: { to(target: Database): Promise<unknown> };
      close(): Promise<void>;
    }
    interface Static {
      new (name: string, options?: Record<string, unknown>): Database;
      plugin(plugin: unknown): Static;
    }
  }
  const PouchDB: PouchDB.Static;
  export default PouchDB;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}

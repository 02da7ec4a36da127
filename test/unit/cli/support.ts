import type { CliIo } from '../../../src/cli/io';

/** An in-memory file system and captured output for running commands in tests. */
export interface MemoryIo extends CliIo {
  out: () => string;
  err: () => string;
}

/** Files by path ("models/a.bpmn"); folders are implied by the paths. */
export function memoryIo(files: Record<string, string | Uint8Array>, env: Record<string, string | undefined> = {}): MemoryIo {
  let out = '';
  let err = '';
  const folders = new Set<string>();
  for (const path of Object.keys(files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const clean = (path: string) => path.replace(/\/+$/, '');
  return {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    out: () => out,
    err: () => err,
    async readFile(path) {
      const content = files[clean(path)];
      if (content === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return typeof content === 'string' ? content : new TextDecoder().decode(content);
    },
    async readBytes(path) {
      const content = files[clean(path)];
      if (content === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return typeof content === 'string' ? new TextEncoder().encode(content) : content;
    },
    async kind(path) {
      if (files[clean(path)] !== undefined) return 'file';
      return folders.has(clean(path)) ? 'directory' : 'missing';
    },
    async listDirectory(path) {
      const prefix = `${clean(path)}/`;
      const names = new Map<string, boolean>();
      for (const p of [...Object.keys(files), ...folders]) {
        if (!p.startsWith(prefix)) continue;
        const rest = p.slice(prefix.length);
        const name = rest.split('/')[0]!;
        names.set(name, rest.includes('/') || folders.has(prefix + name));
      }
      return [...names].map(([name, directory]) => ({ name, directory }));
    },
    async writeFile(path, text) {
      files[clean(path)] = text;
      const parts = clean(path).split('/');
      for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
    },
    env
  };
}

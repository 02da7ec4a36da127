import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * What a command may touch: output streams and reading files and folders. Commands
 * get it injected, so tests run them on an in-memory file system.
 */
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** A text file, read as UTF-8. */
  readFile(path: string): Promise<string>;
  /** A file's bytes, for BPMN files that readBpmnFile decodes as the app decodes a dropped file (UTF-16 too). */
  readBytes(path: string): Promise<Uint8Array>;
  /** 'file', 'directory', or 'missing' when nothing is at the path. */
  kind(path: string): Promise<'file' | 'directory' | 'missing'>;
  /** The entries of a folder, by name. */
  listDirectory(path: string): Promise<Array<{ name: string; directory: boolean }>>;
  /** Writes a text file as UTF-8, creating its folder; commands that only read never call it. */
  writeFile(path: string, text: string): Promise<void>;
  /** The environment variables (credentials such as ML_USER come from here). */
  env: Record<string, string | undefined>;
}

/** The real file system and process streams. */
export function nodeIo(): CliIo {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readFile: (path) => readFile(path, 'utf8'),
    readBytes: (path) => readFile(path),
    async kind(path) {
      try {
        return (await stat(path)).isDirectory() ? 'directory' : 'file';
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return 'missing';
        throw e;
      }
    },
    async listDirectory(path) {
      const entries = await readdir(path, { withFileTypes: true });
      return entries.map((e) => ({ name: e.name, directory: e.isDirectory() }));
    },
    async writeFile(path, text) {
      await mkdir(dirname(path), { recursive: true });
      // Written beside and renamed over, so an interrupted pull never leaves half a file.
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, text, 'utf8');
      await rename(temporary, path);
    },
    env: process.env
  };
}

import { readdir, readFile, stat } from 'node:fs/promises';

/**
 * What a command may touch: output streams and reading files and folders. Commands
 * get it injected, so tests run them on an in-memory file system.
 */
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** A file's bytes (decoded by readBpmnFile as the app decodes a dropped file), or its text. */
  readFile(path: string): Promise<Uint8Array | string>;
  /** 'file', 'directory', or 'missing' when nothing is at the path. */
  kind(path: string): Promise<'file' | 'directory' | 'missing'>;
  /** The entries of a folder, by name. */
  listDirectory(path: string): Promise<Array<{ name: string; directory: boolean }>>;
}

/** The real file system and process streams. */
export function nodeIo(): CliIo {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readFile: (path) => readFile(path),
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
    }
  };
}

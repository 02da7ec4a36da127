import { strToU8, zipSync } from 'fflate';
import { safeFileName } from './download';

/** One process to put in the archive: the name it has in the library and its BPMN text. */
export interface ArchiveEntry {
  name: string;
  xml: string;
}

/**
 * Every process as a `.bpmn` file in one zip (fflate writes the format), named after
 * the process; two processes whose names make the same file name get -2, -3… Files are
 * in library order, so the archive reads like the library.
 */
export function libraryArchive(entries: readonly ArchiveEntry[]): Uint8Array {
  const files: Record<string, Uint8Array> = Object.create(null) as Record<string, Uint8Array>;
  const taken = new Set<string>();
  for (const entry of entries) {
    const base = safeFileName(entry.name, 'bpmn').replace(/\.bpmn$/, '');
    let fileName = `${base}.bpmn`;
    for (let n = 2; taken.has(fileName); n++) fileName = `${base}-${n}.bpmn`;
    taken.add(fileName);
    files[fileName] = strToU8(entry.xml);
  }
  return zipSync(files, { level: 6 });
}

/** The archive's own file name: the library and the day, e.g. `missinglink-library-2026-12-08.zip`. */
export function archiveFileName(at: Date): string {
  return `missinglink-library-${at.toISOString().slice(0, 10)}.zip`;
}

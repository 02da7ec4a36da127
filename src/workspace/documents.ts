/**
 * The documents of a workspace database. A process has one mutable head document
 * (`process:<key>`) with its current XML, and write-once version documents
 * (`version:<key>:<stamp>`) for its history: CouchDB revisions are not history, since
 * compaction drops old bodies. Reviews (sign-offs) are write-once too. The write rules
 * are in design.ts; this module only names and shapes the documents.
 */
import { z } from 'zod';

/** The head document of a shared process. */
export const processDocumentSchema = z.object({
  _id: z.string().startsWith('process:'),
  _rev: z.string().optional(),
  type: z.literal('process'),
  processId: z.string().min(1),
  name: z.string(),
  xml: z.string().min(1),
  /** SHA-256 (hex) of `xml`. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  updatedBy: z.string(),
  updatedAt: z.string(),
  /**
   * SHA-256 of the XML the command line last published or pulled; when it still equals
   * `sha256`, nobody changed the process in the workspace since, and a push may replace it.
   */
  publishedSha256: z.string().optional()
});
export type ProcessDocument = z.infer<typeof processDocumentSchema>;

/** The document id of a process. */
export function processDocId(processId: string): string {
  return `process:${processId}`;
}

/**
 * A process key from a file name: its base name without extension, lowercased, with
 * anything but letters, digits, `-` and `_` replaced, so the same file always publishes
 * to the same process.
 */
export function processKeyFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop()!.replace(/\.(bpmn|xml)$/i, '');
  const key = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return key.length > 0 ? key.slice(0, 120) : 'process';
}

/** A file name for a pulled process: its name, made safe for every file system, ending in .bpmn. */
export function fileNameForProcess(name: string, taken: Set<string>, processId: string): string {
  const base =
    name
      .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '')
      .slice(0, 120) || processId;
  let candidate = `${base}.bpmn`;
  if (taken.has(candidate.toLowerCase())) candidate = `${base} (${processId}).bpmn`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

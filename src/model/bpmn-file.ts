import { MAX_BPMN_BYTES, parseBpmn, type ParseBpmnOptions, type ParsedBpmn, type TextEncoding } from './bpmn-io';
import { checkStructureLimits } from './layout/limits';
import { makeIdsSafe } from './layout/safe-ids';

/** A file's bytes as text, and the encoding they were read in. */
export interface DecodedBpmn {
  text: string;
  encoding: TextEncoding;
}

/**
 * Decodes the bytes of a BPMN file as a browser decodes an XML document: a byte order
 * mark selects UTF-8, UTF-16LE or UTF-16BE (and is dropped); without one the bytes are
 * UTF-8 (the WHATWG Encoding standard's BOM sniffing, as XML requires for UTF-16).
 * Bytes that are not valid in the encoding become U+FFFD, as in the browser.
 */
export function decodeBpmnBytes(bytes: Uint8Array): DecodedBpmn {
  const encoding: TextEncoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

/** A file read as MissingLink opens it: its text, the moddle tree and the warnings. */
export interface ReadBpmnFile extends ParsedBpmn {
  /** The text of the file (decoded, without byte order mark when given as bytes). */
  xml: string;
  /** Ids the reader or the modeler cannot keep (Object.prototype names, non-ASCII), renamed before parsing: old → new. */
  renamedIds: Map<string, string>;
}

/**
 * Reads a BPMN file the one way the app and the command line open files: bytes are
 * decoded (decodeBpmnBytes), the structure limits are checked before any parsing
 * (checkStructureLimits: nesting depth, attributes per element, name length), ids the
 * libraries cannot keep are renamed (makeIdsSafe), then the text is parsed (parseBpmn). Throws a BpmnImportError when the file cannot be opened.
 */
export async function readBpmnFile(file: string | Uint8Array, options: ParseBpmnOptions = {}): Promise<ReadBpmnFile> {
  const { text, encoding } = typeof file === 'string' ? { text: file, encoding: undefined } : decodeBpmnBytes(file);
  // Over the size limit, parseBpmn refuses the file before reading it; below, the structure is checked first.
  if (typeof text === 'string' && text.length <= MAX_BPMN_BYTES) checkStructureLimits(text);
  const safe = text.length <= MAX_BPMN_BYTES ? makeIdsSafe(text) : { text, renamed: new Map<string, string>() };
  const parsed = await parseBpmn(safe.text, encoding ? { ...options, encoding } : options);
  return { xml: text, renamedIds: safe.renamed, ...parsed };
}

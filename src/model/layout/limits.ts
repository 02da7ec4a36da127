import { BpmnImportError } from '../bpmn-io';

/**
 * Deepest element nesting MissingLink opens. Real models stay below 30 levels (a
 * pool, lanes, a few sub-processes, extension elements); bpmn-moddle, bpmn-js and
 * the XML writer all recurse per level, and a hostile file nesting 10,000 levels
 * made reading take seconds and writing fail. 1,000 leaves room for any honest file.
 */
export const MAX_NESTING_DEPTH = 1000;

/** Most attributes one element may carry; the XML reader slows down quadratically beyond. */
export const MAX_ATTRIBUTES_PER_ELEMENT = 1000;

/**
 * Longest name (as written in the file) MissingLink opens. A name is drawn as a label,
 * and bpmn-js measures a label word by word: a 4 MB name froze the tab for minutes.
 * Real names are a few words; 10,000 characters is a long page of text.
 */
export const MAX_NAME_LENGTH = 10_000;

/**
 * Refuses, in one linear pass over the text and before any parsing, files whose
 * structure would make the XML reader or the modeler stall: elements nested deeper
 * than MAX_NESTING_DEPTH, or carrying more than MAX_ATTRIBUTES_PER_ELEMENT
 * attributes. Comments, CDATA sections, processing instructions and the DOCTYPE
 * (internal subset included) are skipped; quoted attribute values may hold `>`.
 */
export function checkStructureLimits(text: string): void {
  let depth = 0;
  let i = 0;
  const n = text.length;
  while ((i = text.indexOf('<', i)) !== -1) {
    if (text.startsWith('<!--', i)) {
      i = skipTo(text, '-->', i + 4);
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      i = skipTo(text, ']]>', i + 9);
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (next === 63 /* ? */) {
      i = skipTo(text, '?>', i + 2);
      continue;
    }
    if (next === 33 /* ! */) {
      const close = text.indexOf('>', i);
      const subset = text.indexOf('[', i);
      i = subset !== -1 && (close === -1 || subset < close) ? skipTo(text, ']>', subset) : close === -1 ? n : close + 1;
      continue;
    }
    if (next === 47 /* / */) {
      depth--;
      i = skipTo(text, '>', i + 2);
      continue;
    }
    let attributes = 0;
    let quote = 0;
    let valueStart = 0;
    let isName = false;
    let j = i + 1;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (quote !== 0) {
        if (c === quote) {
          quote = 0;
          if (isName && j - valueStart > MAX_NAME_LENGTH) {
            throw new BpmnImportError(
              'invalid',
              `The file has a name of ${format(j - valueStart)} characters (line ${lineOf(text, i)}); MissingLink opens names of at most ${format(MAX_NAME_LENGTH)} characters.`,
              { line: lineOf(text, i), column: i - text.lastIndexOf('\n', i) }
            );
          }
        }
      } else if (c === 34 || c === 39) {
        quote = c;
        valueStart = j + 1;
      } else if (c === 61 /* = */) {
        attributes++;
        isName = isNameAttribute(text, j);
      } else if (c === 62 /* > */) {
        break;
      }
    }
    if (attributes > MAX_ATTRIBUTES_PER_ELEMENT) {
      throw new BpmnImportError(
        'invalid',
        `The file has an element with ${format(attributes)} attributes (line ${lineOf(text, i)}); MissingLink opens files with at most ${format(MAX_ATTRIBUTES_PER_ELEMENT)} attributes per element.`,
        { line: lineOf(text, i), column: i - text.lastIndexOf('\n', i) }
      );
    }
    if (text.charCodeAt(j - 1) !== 47 /* / */) {
      depth++;
      if (depth > MAX_NESTING_DEPTH) {
        throw new BpmnImportError(
          'invalid',
          `The file nests elements more than ${format(MAX_NESTING_DEPTH)} levels deep (line ${lineOf(text, i)}); real process models stay far below that, so MissingLink does not open it.`,
          { line: lineOf(text, i), column: i - text.lastIndexOf('\n', i) }
        );
      }
    }
    i = j + 1;
  }
}

/** True when the attribute whose `=` is at `at` is called `name` (spaces allowed around the `=`). */
function isNameAttribute(text: string, at: number): boolean {
  let end = at;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end >= 5 && isSpace(text.charCodeAt(end - 5)) && text.startsWith('name', end - 4);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function skipTo(text: string, end: string, from: number): number {
  const at = text.indexOf(end, from);
  return at === -1 ? text.length : at + end.length;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) line++;
  return line;
}

function format(n: number): string {
  return n.toLocaleString('en-GB');
}

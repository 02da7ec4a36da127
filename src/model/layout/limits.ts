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
 * Longest label (as written in the file) MissingLink opens: a `name` attribute with or
 * without prefix (`name`, `bpmn:name`), the `<text>` of a text annotation, the `value`
 * of a group's `categoryValue`. A label is drawn, and bpmn-js measures it word by
 * word: a 4 MB name froze the tab for minutes. Real names are a few words; 10,000
 * characters is a long page of text.
 */
export const MAX_NAME_LENGTH = 10_000;

/**
 * Most label characters (all labels of the file together) MissingLink opens. 300 names
 * of 9,990 characters each stayed under the per-label limit and still froze the tab for
 * 88 s (3 million characters). 1,000,000 characters are 25,000 labels of 40 characters:
 * the largest models MissingLink opens (MAX_SHAPES) with ordinary names.
 */
export const MAX_LABEL_CHARACTERS = 1_000_000;

/**
 * Longest attribute value or text (documentation, conditions, extension values) that is
 * not a label. Nothing in a process model needs more; the XML reader and the panels
 * handle texts of this size without delay.
 */
export const MAX_TEXT_LENGTH = 100_000;

/**
 * Most shapes (pools, lanes, flow nodes, data and artefacts) a file may hold. bpmn-js
 * draws every one on the page thread (10,000 shapes take it several seconds; the limit lets
 * the command line audit a generated 10,000-node collaboration, issue 11), and 100,000
 * froze the tab for minutes before the model was refused as too large to store.
 */
export const MAX_SHAPES = 25_000;

/** Most connections (sequence flows, message flows, associations) a file may hold; see MAX_SHAPES. */
export const MAX_CONNECTIONS = 25_000;

/**
 * Most lanes a file may hold. A lane is a department; real value chains have a few
 * dozen. bpmn-js lays out lanes against each other, and 50,000 lanes took 34 s.
 */
export const MAX_LANES = 1_000;

/** How many elements of each kind a file holds, as counted by checkStructureLimits. */
export interface StructureCounts {
  elements: number;
  shapes: number;
  connections: number;
  lanes: number;
  labelCharacters: number;
}

/** BPMN local names drawn as connections. */
const CONNECTIONS = new Set(['sequenceFlow', 'messageFlow', 'association', 'dataInputAssociation', 'dataOutputAssociation']);

/** BPMN local names drawn as shapes, besides every task, event and gateway (recognised by their endings). */
const SHAPES = new Set([
  'participant',
  'lane',
  'subProcess',
  'adHocSubProcess',
  'transaction',
  'callActivity',
  'task',
  'dataObjectReference',
  'dataStoreReference',
  'dataInput',
  'dataOutput',
  'textAnnotation',
  'group'
]);

function isShape(local: string): boolean {
  return SHAPES.has(local) || local.endsWith('Task') || local.endsWith('Event') || local.endsWith('Gateway');
}

/**
 * Refuses, in one linear pass over the text and before any parsing, files whose
 * structure would make the XML reader or the modeler stall: elements nested deeper
 * than MAX_NESTING_DEPTH or carrying more than MAX_ATTRIBUTES_PER_ELEMENT attributes,
 * a label or text over its limit, more label text than MAX_LABEL_CHARACTERS, more
 * shapes, connections or lanes than MAX_SHAPES, MAX_CONNECTIONS, MAX_LANES.
 * Comments, processing instructions and the DOCTYPE (quoted literals and internal
 * subset included) are skipped; quoted attribute values may hold `>`; text counts
 * however it is written (plain, as entities, in CDATA sections, split by comments).
 * The same check serves the app and the command line. Returns what it counted.
 */
export function checkStructureLimits(text: string): StructureCounts {
  const counts: StructureCounts = { elements: 0, shapes: 0, connections: 0, lanes: 0, labelCharacters: 0 };
  const open: string[] = [];
  let i = 0;
  /** Characters of text since the last tag (comments and processing instructions left out). */
  let run = 0;
  let runFrom = 0;
  const n = text.length;
  const refuse = (at: number, message: string): never => {
    const line = lineOf(text, at);
    throw new BpmnImportError('invalid', message.replace('{line}', `line ${line}`), { line, column: at - text.lastIndexOf('\n', at) });
  };
  /** The text run before a tag ends there: its length counts against the limits of the element it is in. */
  const endRun = () => {
    if (run === 0) return;
    const inside = open[open.length - 1];
    if (inside === 'text') label(run, runFrom, 'text annotation');
    else if (run > MAX_TEXT_LENGTH) {
      refuse(runFrom, `The file has a text of ${format(run)} characters ({line}); MissingLink opens texts of at most ${format(MAX_TEXT_LENGTH)} characters.`);
    }
    run = 0;
  };
  const label = (length: number, at: number, what = 'name') => {
    if (length > MAX_NAME_LENGTH) {
      refuse(at, `The file has a ${what} of ${format(length)} characters ({line}); MissingLink opens ${what}s of at most ${format(MAX_NAME_LENGTH)} characters.`);
    }
    counts.labelCharacters += length;
    if (counts.labelCharacters > MAX_LABEL_CHARACTERS) {
      refuse(
        at,
        `The file has more than ${format(MAX_LABEL_CHARACTERS)} characters of names and texts on the diagram (at {line}); MissingLink opens at most ${format(MAX_LABEL_CHARACTERS)}.`
      );
    }
  };
  const addText = (from: number, to: number) => {
    if (to <= from) return;
    if (run === 0) runFrom = from;
    run += to - from;
  };

  let textFrom = 0;
  while ((i = text.indexOf('<', i)) !== -1) {
    addText(textFrom, i);
    if (text.startsWith('<!--', i)) {
      i = textFrom = skipTo(text, '-->', i + 4);
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      addText(i + 9, end === -1 ? n : end);
      i = textFrom = end === -1 ? n : end + 3;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (next === 63 /* ? */) {
      i = textFrom = skipTo(text, '?>', i + 2);
      continue;
    }
    if (next === 33 /* ! */) {
      i = textFrom = skipDeclaration(text, i + 2);
      continue;
    }
    endRun();
    if (next === 47 /* / */) {
      open.pop();
      i = textFrom = skipTo(text, '>', i + 2);
      continue;
    }
    // The element's name, and its local part (after the prefix).
    let j = i + 1;
    while (j < n && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 62 && text.charCodeAt(j) !== 47) j++;
    const qname = text.slice(i + 1, j);
    const local = qname.slice(qname.indexOf(':') + 1);
    counts.elements++;
    if (CONNECTIONS.has(local)) {
      if (++counts.connections > MAX_CONNECTIONS) {
        refuse(i, `The file has more than ${format(MAX_CONNECTIONS)} connections (sequence flows, message flows, associations; {line}); MissingLink opens at most ${format(MAX_CONNECTIONS)}.`);
      }
    } else if (isShape(local)) {
      if (++counts.shapes > MAX_SHAPES) {
        refuse(i, `The file has more than ${format(MAX_SHAPES)} elements to draw (tasks, events, gateways, pools, lanes …; {line}); MissingLink opens at most ${format(MAX_SHAPES)}.`);
      }
      if (local === 'lane' && ++counts.lanes > MAX_LANES) {
        refuse(i, `The file has more than ${format(MAX_LANES)} lanes ({line}); MissingLink opens at most ${format(MAX_LANES)}.`);
      }
    }
    let attributes = 0;
    let quote = 0;
    let valueStart = 0;
    let isLabel = false;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (quote !== 0) {
        if (c === quote) {
          quote = 0;
          const length = j - valueStart;
          if (isLabel) label(length, i, local === 'categoryValue' ? 'group label' : 'name');
          else if (length > MAX_TEXT_LENGTH) {
            refuse(i, `The file has an attribute value of ${format(length)} characters ({line}); MissingLink opens values of at most ${format(MAX_TEXT_LENGTH)} characters.`);
          }
        }
      } else if (c === 34 || c === 39) {
        quote = c;
        valueStart = j + 1;
      } else if (c === 61 /* = */) {
        attributes++;
        isLabel = isLabelAttribute(text, j, local);
      } else if (c === 62 /* > */) {
        break;
      }
    }
    if (attributes > MAX_ATTRIBUTES_PER_ELEMENT) {
      refuse(i, `The file has an element with ${format(attributes)} attributes ({line}); MissingLink opens files with at most ${format(MAX_ATTRIBUTES_PER_ELEMENT)} attributes per element.`);
    }
    if (text.charCodeAt(j - 1) !== 47 /* / */) {
      open.push(local);
      if (open.length > MAX_NESTING_DEPTH) {
        refuse(i, `The file nests elements more than ${format(MAX_NESTING_DEPTH)} levels deep ({line}); real process models stay far below that, so MissingLink does not open it.`);
      }
    }
    i = textFrom = Math.min(n, j + 1);
  }
  addText(textFrom, n);
  endRun();
  return counts;
}

/**
 * True when the attribute whose `=` is at `at` is drawn as a label: `name` with or
 * without prefix (`name`, `bpmn:name`), or `value` of a group's category value. Spaces
 * are allowed around the `=`.
 */
function isLabelAttribute(text: string, at: number, element: string): boolean {
  let end = at;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  const local = text.startsWith('name', end - 4) ? 4 : element === 'categoryValue' && text.startsWith('value', end - 5) ? 5 : 0;
  if (local === 0) return false;
  const before = text.charCodeAt(end - local - 1);
  return isSpace(before) || before === 58 /* : */;
}

/**
 * Skips a markup declaration from just after `<!` (DOCTYPE, or any other `<!…>`): quoted
 * literals may hold `[`, `]` and `>`; an internal subset starts at a `[` outside them and
 * holds declarations with their own quoted literals, comments and processing instructions.
 */
function skipDeclaration(text: string, from: number): number {
  const n = text.length;
  let j = from;
  let subset = false;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 34 || c === 39) {
      const end = text.indexOf(String.fromCharCode(c), j + 1);
      if (end === -1) return n;
      j = end + 1;
    } else if (subset && text.startsWith('<!--', j)) {
      j = skipTo(text, '-->', j + 4);
    } else if (subset && text.startsWith('<?', j)) {
      j = skipTo(text, '?>', j + 2);
    } else if (c === 91 /* [ */ && !subset) {
      subset = true;
      j++;
    } else if (c === 93 /* ] */ && subset) {
      subset = false;
      j++;
    } else if (c === 62 /* > */ && !subset) {
      return j + 1;
    } else {
      j++;
    }
  }
  return n;
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

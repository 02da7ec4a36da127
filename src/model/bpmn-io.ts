import { BpmnModdle, type ModdleParseError, type ModdleWarning } from 'bpmn-moddle';
import type { ModdleElement } from './moddle-types';
import missinglinkDescriptor from './value-chain/missinglink.json';
import { forEachContained } from './walk';

/**
 * The largest BPMN file we read: 10 MiB (10,485,760 bytes of UTF-8). Real process
 * models stay far below it (the largest MIWG reference file is about 100 KiB);
 * the limit keeps a mistaken drop of a huge file from freezing the browser tab.
 */
export const MAX_BPMN_BYTES = 10 * 1024 * 1024;

/** Why a file could not be read, as a stable code the UI translates. */
export type BpmnImportErrorKind = 'too-large' | 'empty' | 'not-xml' | 'not-bpmn' | 'invalid';

/** A file that cannot be opened as BPMN; `message` is a plain English sentence for the user. */
export class BpmnImportError extends Error {
  readonly kind: BpmnImportErrorKind;
  /** 1-based line of the problem, when the XML parser could tell. */
  readonly line?: number;
  /** 1-based column of the problem, when the XML parser could tell. */
  readonly column?: number;

  constructor(kind: BpmnImportErrorKind, message: string, position?: { line: number; column: number }) {
    super(message);
    this.name = 'BpmnImportError';
    this.kind = kind;
    if (position) {
      this.line = position.line;
      this.column = position.column;
    }
  }
}

/** A parsed BPMN file: the moddle tree and what was skipped or repaired while reading it. */
export interface ParsedBpmn {
  definitions: ModdleElement;
  /** Plain English sentences, one per problem; the document was read despite them. */
  warnings: string[];
}

/** The encodings a BPMN file is read in (see decodeBpmnBytes in ./bpmn-file). */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Options for parseBpmn. */
export interface ParseBpmnOptions {
  /** Parse with this moddle (e.g. the modeler's own); it must know the ml: package. */
  moddle?: BpmnModdle;
  /** The encoding the text was decoded from; an XML declaration naming it is no reason for a warning. */
  encoding?: TextEncoding;
}

const BPMN_MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** Creates a bpmn-moddle that also knows our value-chain extension under the prefix `ml`. */
export function createModdle(): BpmnModdle {
  return new BpmnModdle({ ml: missinglinkDescriptor });
}

let sharedModdle: BpmnModdle | undefined;
function defaultModdle(): BpmnModdle {
  return (sharedModdle ??= createModdle());
}

/**
 * Reads BPMN 2.0 XML into a moddle tree. Throws a BpmnImportError when the text
 * cannot be a BPMN file; problems moddle reads past (unknown elements, dangling
 * references) come back as warnings. Foreign extensions are kept as generic elements
 * and attributes, so they are written back by serializeBpmn.
 */
export async function parseBpmn(xml: string, options: ParseBpmnOptions = {}): Promise<ParsedBpmn> {
  if (typeof xml !== 'string') {
    throw new BpmnImportError('not-xml', 'The file could not be read as text.');
  }
  // A UTF-16 code unit becomes at most 3 UTF-8 bytes, so only long texts need counting.
  if (xml.length * 3 > MAX_BPMN_BYTES) {
    const bytes = new TextEncoder().encode(xml).length;
    if (bytes > MAX_BPMN_BYTES) {
      throw new BpmnImportError(
        'too-large',
        `The file is ${formatMiB(bytes)} MiB; MissingLink opens BPMN files of at most ${formatMiB(MAX_BPMN_BYTES)} MiB.`
      );
    }
  }
  const text = xml.startsWith('\uFEFF') ? xml.slice(1) : xml;
  if (text.trim() === '') {
    throw new BpmnImportError('empty', 'The file is empty.');
  }
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(text);
  if (control) {
    const position = positionOf(text, control.index);
    throw new BpmnImportError(
      'not-xml',
      `The file is not an XML text file: it contains binary data (line ${position.line}, column ${position.column}).`,
      position
    );
  }

  const reference = forbiddenCharacterReference(text);
  if (reference) {
    const position = positionOf(text, reference.index);
    throw new BpmnImportError(
      'not-xml',
      `The file contains the character reference ${reference.text} (line ${position.line}, column ${position.column}), a control character that XML 1.0 does not allow; MissingLink does not open it.`,
      position
    );
  }

  const moddle = options.moddle ?? defaultModdle();
  let result;
  try {
    result = await moddle.fromXML(text, 'bpmn:Definitions');
  } catch (e) {
    throw toImportError(e as ModdleParseError, text);
  }
  keepUnqualifiedExtensions(result.rootElement, moddle);
  const warnings = result.warnings.filter((w) => !declaresEncoding(w, options.encoding)).map(describeWarning);
  return { definitions: result.rootElement, warnings };
}

/** Writes a moddle tree back to indented BPMN 2.0 XML, foreign extensions and invalid ml: values included. */
export async function serializeBpmn(definitions: ModdleElement): Promise<string> {
  const { xml } = await defaultModdle().toXML(definitions, { format: true });
  return xml;
}

/**
 * Foreign extensions may hold elements in no namespace (`<Grid xmlns="">`, as the
 * W4 extension inside SAP Signavio exports does). moddle reads them under a made-up
 * prefix with an empty URI and then cannot write them back, so saving would fail.
 * Rebuilt as unqualified generic elements they are written without a prefix; and
 * because an unprefixed element would then fall into a default BPMN namespace, the
 * document's default namespace declarations are dropped so that BPMN elements get
 * their usual prefixes (bpmn:, bpmndi:) instead. The content stays the same.
 */
function keepUnqualifiedExtensions(definitions: ModdleElement, moddle: BpmnModdle): void {
  let found = false;
  const rebuild = (element: ModdleElement, parent: ModdleElement): ModdleElement => {
    const ns = (element.$descriptor as { isGeneric?: boolean; ns?: { uri?: string; localName: string } }).ns;
    if (!(element.$descriptor as { isGeneric?: boolean }).isGeneric || !ns || ns.uri !== '') return element;
    found = true;
    const attrs: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(element)) if (!key.startsWith('$')) attrs[key] = value;
    const copy = moddle.createAny(ns.localName, '', attrs);
    if (element.$body !== undefined) copy.$body = element.$body;
    if (element.$children) copy.$children = element.$children;
    for (const child of (copy.$children as ModdleElement[] | undefined) ?? []) child.$parent = copy;
    copy.$parent = parent;
    return copy;
  };
  forEachContained(definitions, (element) => {
    if (Array.isArray(element.$children)) element.$children = element.$children.map((c: ModdleElement) => rebuild(c, element));
    if (element.$type === 'bpmn:ExtensionElements' && Array.isArray(element.values)) {
      element.values = element.values.map((v: ModdleElement) => rebuild(v, element));
    }
  });
  if (!found) return;
  forEachContained(definitions, (element) => {
    if (!(element.$descriptor as { isGeneric?: boolean }).isGeneric && element.$attrs && 'xmlns' in element.$attrs) {
      delete element.$attrs.xmlns;
    }
  });
}

/** The details moddle-xml packs into the text of a parse error or warning. */
interface ParserReport {
  /** The offending text: a tag like `<bpmn:task>` or a piece of content. */
  data: string;
  /** 0-based, as saxen counts. */
  line: number;
  column: number;
  nested: string;
}

// moddle-xml formats parser problems as
// "unparsable content <data> detected\n\tline: L\n\tcolumn: C\n\tnested error: M"
// with 0-based line and column; this is the only place they are given.
const PARSER_REPORT = /^unparsable content ([\s\S]*?) ?detected\n\tline: (\d+)\n\tcolumn: (\d+)\n\tnested error: ([\s\S]*)$/;

function readParserReport(message: string): ParserReport | undefined {
  const m = PARSER_REPORT.exec(message);
  if (!m) return undefined;
  return { data: m[1]!, line: Number(m[2]), column: Number(m[3]), nested: m[4]! };
}

function toImportError(error: ModdleParseError, text: string): BpmnImportError {
  const message = String(error?.message ?? error);
  const report = readParserReport(message);
  if (report) {
    // At the end of the input saxen reports line 0 and a character offset; the
    // position a user can find is the end of the text.
    const position = report.nested === 'unexpected end of file' ? positionOf(text, text.length) : toUserPosition(report);
    return new BpmnImportError(
      'not-xml',
      `The file is not well-formed XML: ${xmlProblem(report)} (line ${position.line}, column ${position.column}).`,
      position
    );
  }
  if (message.startsWith('failed to parse document as')) {
    const root = findRootElement(text);
    const found = root
      ? `its root element is <${root.name}>${root.namespace ? ` in the namespace ${root.namespace}` : ' without a namespace'}`
      : 'it has no root element';
    const wrongPlace = (error.warnings ?? [])
      .map((w) => readParserReport(w.message))
      .find((r) => r && r.nested.startsWith('unexpected element'));
    return new BpmnImportError(
      'not-bpmn',
      `The file is XML but not BPMN: ${found}, while a BPMN file starts with <definitions> in the namespace ${BPMN_MODEL_NS}.`,
      wrongPlace ? toUserPosition(wrongPlace) : undefined
    );
  }
  return new BpmnImportError('invalid', `The BPMN file could not be read: ${message.replace(/\.$/, '')}.`);
}

function toUserPosition(report: ParserReport): { line: number; column: number } {
  return { line: report.line + 1, column: report.column + 1 };
}

/** A saxen/moddle-xml error message, as a phrase for a user. */
function xmlProblem(report: ParserReport): string {
  const tag = /^<\/?[^\s>/]+/.exec(report.data.trim())?.[0];
  const theTag = tag ? `the tag ${tag}>` : 'a tag';
  switch (report.nested) {
    case 'unexpected end of file':
      return 'the file ends before all its elements are closed';
    case 'missing start tag':
      return 'no XML element was found where the document should begin';
    case 'unclosed tag':
      return `${theTag} is not closed`;
    case 'closing tag mismatch':
      return `${theTag} does not close the element that is open`;
    case 'unclosed comment':
      return 'a comment (<!-- … -->) is not closed';
    case 'unclosed cdata':
      return 'a CDATA section is not closed';
    case 'unclosed question':
      return 'a processing instruction (<? … ?>) is not closed';
    case 'illegal first char nodeName':
    case 'invalid nodeName':
      return 'an element name is not valid';
    default:
      return report.nested;
  }
}

/** True for moddle's warning about an XML declaration of the very encoding the text was decoded from (UTF-16). */
function declaresEncoding(warning: ModdleWarning, encoding: TextEncoding | undefined): boolean {
  const declared = /^unsupported document encoding <(.*)>/.exec(warning.message)?.[1]?.toLowerCase().replace(/[-_]/g, '');
  if (!declared || !encoding?.startsWith('utf-16')) return false;
  return declared === 'utf16' || declared === encoding.replace('-', '');
}

/** A moddle warning as a plain English sentence. */
function describeWarning(warning: ModdleWarning): string {
  const message = warning.message;
  const unresolved = /^unresolved reference <(.*)>$/.exec(message);
  if (unresolved) {
    const owner = warning.element;
    const where = owner ? `${owner.$type}${owner.id ? ` "${owner.id}"` : ''}` : 'An element';
    const property = warning.property ? ` in ${warning.property}` : '';
    return `${where} refers to "${unresolved[1]}"${property}, but no element has that id; the reference was dropped.`;
  }
  const encoding = /^unsupported document encoding <(.*)>/.exec(message);
  if (encoding) {
    return `The file declares the encoding ${encoding[1]}; it was read as UTF-8, so accented characters may be wrong.`;
  }
  const report = readParserReport(message);
  if (!report) return message.endsWith('.') ? message : `${message}.`;
  const at = `Line ${report.line + 1}, column ${report.column + 1}`;
  const tag = /^<\/?[^\s>/]+/.exec(report.data.trim())?.[0];
  const element = tag ? `${tag}>` : 'an element';
  const nested = report.nested;
  const quoted = /<([\s\S]*)>$/.exec(nested)?.[1];
  if (nested.startsWith('unknown type')) return `${at}: the element ${element} is unknown to BPMN and was skipped.`;
  if (nested.startsWith('unrecognized element')) return `${at}: the element ${element} is not allowed here and was skipped.`;
  if (nested.startsWith('duplicate ID')) return `${at}: the id "${quoted}" is already used by another element, so this ${element} was skipped.`;
  if (nested.startsWith('illegal ID')) return `${at}: "${quoted}" is not a valid id, so the element ${element} was skipped.`;
  if (nested.startsWith('missing namespace for prefix')) {
    return `${at}: the namespace prefix "${quoted}" is not declared, so the element ${element} was skipped.`;
  }
  if (nested.startsWith('unexpected body text')) return `${at}: unexpected text "${truncate(quoted ?? '')}" was ignored.`;
  if (nested === 'non-whitespace outside of root node') {
    return `${at}: text outside the root element ("${truncate(report.data.trim())}") was ignored.`;
  }
  if (/attribute|xmlns/.test(nested)) return `${at}: the attributes of ${element} are malformed (${nested}); they were ignored.`;
  return `${at}: ${nested} (${truncate(report.data.trim())}).`;
}

/** The first element of an XML text, past the prolog, comments and DOCTYPE. */
function findRootElement(text: string): { name: string; namespace?: string } | undefined {
  const skip = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>)/i;
  let rest = text;
  for (let m = skip.exec(rest); m && m[0].length > 0; m = skip.exec(rest)) rest = rest.slice(m[0].length);
  const tag = /^<([^\s/>]+)([^>]*)>/.exec(rest);
  if (!tag) return undefined;
  const name = tag[1]!;
  const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : '';
  const attr = prefix ? `xmlns:${prefix}` : 'xmlns';
  const ns = new RegExp(`(?:^|\\s)${attr.replace('.', '\\.')}\\s*=\\s*(["'])(.*?)\\1`).exec(tag[2]!);
  return { name, namespace: ns?.[2] };
}

/**
 * The first character reference (`&#1;`, `&#x0;` …) to a character XML 1.0 does not
 * allow: anything but tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and
 * U+10000–U+10FFFF. The XML reader would decode them, and the model could then not be
 * written as XML again.
 */
function forbiddenCharacterReference(text: string): { index: number; text: string } | undefined {
  if (!text.includes('&#')) return undefined;
  const reference = /&#(?:x([0-9a-fA-F]+)|([0-9]+));/g;
  for (let m = reference.exec(text); m; m = reference.exec(text)) {
    const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
    const allowed =
      code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) return { index: m.index, text: m[0] };
  }
  return undefined;
}

/** 1-based line and column of a character offset. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const lineBreak = /\r\n|\r|\n/g;
  for (let m = lineBreak.exec(text); m && m.index < offset; m = lineBreak.exec(text)) {
    line += 1;
    lineStart = m.index + m[0].length;
  }
  return { line, column: offset - lineStart + 1 };
}

function formatMiB(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

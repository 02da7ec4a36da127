/*
 * Two kinds of valid element ids that the libraries under MissingLink cannot keep:
 *  - ids equal to a member of Object.prototype (`constructor`, `__proto__`, `toString`
 *    …): bpmn-js keeps elements and their diagram shapes in plain objects keyed by id,
 *    finds Object's own member there and leaves the element out of the diagram;
 *  - ids beyond ASCII (`Début`, `任务_1`), valid XML names that the BPMN reader
 *    (moddle-xml) refuses, dropping the element.
 * Before the file is read, such ids are renamed to ASCII ids that are not taken, in the
 * id itself and in every reference to it (reference attributes such as `sourceRef` and
 * `bpmnElement`, and reference elements such as `<incoming>` and `<flowNodeRef>`), and
 * the user is told which id became which. Names and texts are never touched, nor are
 * the ids of MissingLink's own extension elements (`ml:role` …), which are not drawn.
 */

/** The members of Object.prototype, which must not be ids of drawn elements. */
const PROTOTYPE_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/** What the BPMN reader accepts as an id (moddle-xml's check). */
const READER_ID = /^([a-z][\w.-]*:)?[a-z_][\w.-]*$/i;

/** A valid XML 1.0 name without colon (NCName), Unicode letters included. */
const NC_NAME = /^[\p{L}_][\p{L}\p{M}\p{N}_.\-\u00B7]*$/u;

/** Attributes that refer to an element by id. */
const REFERENCE_ATTRIBUTE = /^(?:bpmnElement|sourceElement|targetElement|default|[A-Za-z]*Ref)$/;

/** Elements whose text is a reference to an element by id. */
const REFERENCE_ELEMENT = /^(?:incoming|outgoing|[A-Za-z]*Ref)$/;

/** The ASCII id a problematic one becomes, before making it unique. */
function asciiId(id: string): string {
  if (PROTOTYPE_NAMES.has(id)) return `${id}_id`;
  const plain = id.normalize('NFD').replace(/\p{M}/gu, '');
  const ascii = [...plain].map((c) => (/[\w.-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}`)).join('');
  return /^[a-z_]/i.test(ascii) ? ascii : `_${ascii}`;
}

/** The result of makeIdsSafe: the text to read, and which id became which. */
export interface SafeIds {
  text: string;
  renamed: Map<string, string>;
}

/** Renames the ids the libraries cannot keep (see above); returns the text unchanged when there are none. */
export function makeIdsSafe(text: string): SafeIds {
  const ids = new Set<string>();
  const idAttribute = /<([^\s<>/!?]+)[^<>]*?\sid\s*=\s*(["'])([^"'<>]*)\2/g;
  const drawn = new Set<string>();
  for (let m = idAttribute.exec(text); m; m = idAttribute.exec(text)) {
    ids.add(m[3]!);
    // MissingLink's own extension elements (roles, KPIs) are not drawn, and are referred to by their own attributes.
    if (!m[1]!.startsWith('ml:')) drawn.add(m[3]!);
  }
  const renamed = new Map<string, string>();
  for (const id of drawn) {
    if (!PROTOTYPE_NAMES.has(id) && (READER_ID.test(id) || !NC_NAME.test(id))) continue;
    let candidate = asciiId(id);
    for (let k = 2; ids.has(candidate) || [...renamed.values()].includes(candidate); k++) candidate = `${asciiId(id)}_${k}`;
    renamed.set(id, candidate);
  }
  if (renamed.size === 0) return { text, renamed };
  const rename = (value: string) => value.split(/(\s+)/).map((token) => renamed.get(token) ?? token).join('');
  // Attributes: the id itself and references, in any tag.
  let out = text.replace(/(\s)([\w.-]+:)?([\w.-]+)(\s*=\s*)(["'])([^"'<>]*)\5/g, (all, space, prefix = '', local, eq, quote, value) =>
    local === 'id' || REFERENCE_ATTRIBUTE.test(local) ? `${space}${prefix}${local}${eq}${quote}${rename(value)}${quote}` : all
  );
  // Reference elements: <incoming>Flow_1</incoming>, <flowNodeRef>Task_1</flowNodeRef> …
  out = out.replace(/<(([\w.-]+:)?([\w.-]+))>(\s*)([^<>\s]+)(\s*)<\/\1>/g, (all, qname, _prefix, local, before, value, after) =>
    REFERENCE_ELEMENT.test(local) && renamed.has(value) ? `<${qname}>${before}${renamed.get(value)}${after}</${qname}>` : all
  );
  return { text: out, renamed };
}

/** One warning per renamed id, for the import's report. */
export function describeRenamedIds(renamed: ReadonlyMap<string, string>): string[] {
  return [...renamed].map(([from, to]) => `The id "${from}" cannot be kept by the modeler; the element now has the id "${to}".`);
}

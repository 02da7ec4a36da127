import type { BpmnModdle } from 'bpmn-moddle';
import type { ModdleElement } from './moddle-types';

/**
 * Serialising a 1,000-node model in one piece keeps the main thread busy for a few
 * hundred milliseconds. This module writes the same XML in slices of a few
 * milliseconds: the big containers (definitions, processes, the diagram plane) are
 * split into their children, each child is written with bpmn-moddle's own `toXML`,
 * and the pieces are joined.
 *
 * A child written on its own would declare namespaces with the package's default
 * prefixes. So while it is written, it temporarily carries the document root's
 * `xmlns` declarations (restored before anything else can run): it then resolves
 * every prefix exactly as it does inside the document, and the declarations at the
 * start of its output are stripped again. Whenever a piece needs a namespace the
 * root does not declare, or an element declares namespaces of its own, the document
 * is written in one piece instead, so the result is always what
 * `toXML(definitions, { format: false })` gives.
 */

/** How a sliced serialisation runs. */
export interface SlicedXmlOptions {
  /** Main-thread time per slice before yielding to the event loop. */
  budgetMs?: number;
  /** Gives the event loop a turn (input, rendering, other tasks) between slices. */
  yieldToEventLoop?: () => Promise<void>;
  /** Changes whenever the model changes; a changed value between slices restarts the serialisation. */
  version?: () => number;
  /** Restarts allowed before the model is written in one piece (so a save always finishes). */
  maxRestarts?: number;
  /** When aborted, the remaining work is done at once, without yielding (the page is going away). */
  hurry?: AbortSignal;
  now?: () => number;
}

/** The XML and how it was produced (for tests and benches). */
export interface SlicedXmlResult {
  xml: string;
  /** `sliced` unless the document needed the one-piece writer, or restarts ran out, or hurry came. */
  mode: 'sliced' | 'one-piece';
  /** Why the one-piece writer was used. */
  reason?: 'unsupported-namespaces' | 'restarts-exhausted';
  restarts: number;
  /** Times the event loop got a turn. */
  yields: number;
  /** The longest stretch of main-thread work between two turns of the event loop. */
  longestSliceMs: number;
}

/** The most children written in one toXML call. */
const MAX_GROUP = 32;

/** Containers with fewer children than this are written as one piece (unless a child is big). */
const SPLIT_MIN_CHILDREN = 8;

/** Thrown inside the fast path when the document needs the one-piece writer. */
class NeedsOnePiece extends Error {}

/** Thrown inside the fast path when the model changed between slices. */
class ModelChanged extends Error {}

interface PropertyDescriptor {
  name: string;
  type: string;
  isMany?: boolean;
  isAttr?: boolean;
  isBody?: boolean;
  isReference?: boolean;
  isVirtual?: boolean;
  default?: unknown;
  xml?: { serialize?: string };
}

interface Descriptor {
  isGeneric?: boolean;
  properties: PropertyDescriptor[];
}

/** Built-in simple types, plus `Element` (generic extension content): their children are never split off. */
const SIMPLE_TYPES = new Set(['String', 'Boolean', 'Integer', 'Real', 'Element']);

const XMLNS_ATTR = /^xmlns(:|$)/;

/** Yields with scheduler.yield where the browser has it, else with a zero timeout. */
export function defaultYield(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Writes `definitions()` as `moddle.toXML(definitions, { format: false })` would, in
 * slices. The model must not change while a slice runs (it cannot: slices are
 * synchronous); when `version()` differs after a yield, the work restarts on the
 * current model, so the result is always one consistent state.
 */
export async function toXmlInSlices(
  moddle: BpmnModdle,
  definitions: () => ModdleElement,
  options: SlicedXmlOptions = {}
): Promise<SlicedXmlResult> {
  const budgetMs = options.budgetMs ?? 4;
  const yieldToEventLoop = options.yieldToEventLoop ?? defaultYield;
  const version = options.version ?? (() => 0);
  const maxRestarts = options.maxRestarts ?? 2;
  const now = options.now ?? (() => performance.now());
  const hurry = options.hurry;
  let restarts = 0;
  let yields = 0;
  let longestSliceMs = 0;

  const onePiece = async (reason: SlicedXmlResult['reason']): Promise<SlicedXmlResult> => {
    const start = now();
    const { xml } = await moddle.toXML(definitions(), { format: false });
    longestSliceMs = Math.max(longestSliceMs, now() - start);
    return { xml, mode: 'one-piece', reason, restarts, yields, longestSliceMs };
  };

  for (;;) {
    const started = version();
    let sliceStart = now();
    /** Called between pieces: yields when the slice is used up; throws when the model changed meanwhile. */
    const checkpoint = async (): Promise<void> => {
      if (version() !== started) throw new ModelChanged();
      const spent = now() - sliceStart;
      if (hurry?.aborted || spent < budgetMs) return;
      longestSliceMs = Math.max(longestSliceMs, spent);
      yields++;
      await untilYieldedOrHurried(yieldToEventLoop, hurry);
      if (version() !== started) throw new ModelChanged();
      sliceStart = now();
    };
    try {
      const xml = await writeSliced(moddle, definitions(), checkpoint, budgetMs, now);
      longestSliceMs = Math.max(longestSliceMs, now() - sliceStart);
      return { xml, mode: 'sliced', restarts, yields, longestSliceMs };
    } catch (error) {
      if (error instanceof NeedsOnePiece) return onePiece('unsupported-namespaces');
      if (!(error instanceof ModelChanged)) throw error;
      if (restarts >= maxRestarts || hurry?.aborted) {
        restarts++;
        return onePiece('restarts-exhausted');
      }
      restarts++;
    }
  }
}

function untilYieldedOrHurried(yieldToEventLoop: () => Promise<void>, hurry: AbortSignal | undefined): Promise<void> {
  if (!hurry) return yieldToEventLoop();
  return new Promise((resolve) => {
    const done = () => {
      hurry.removeEventListener('abort', done);
      resolve();
    };
    hurry.addEventListener('abort', done);
    void yieldToEventLoop().then(done);
  });
}

/** One namespace declaration as written: `xmlns:bpmn="http://…"`. */
type Declaration = string;

/** Children of one property of a split container, written a group at a time from `index`. */
interface Run {
  container: ModdleElement;
  property: PropertyDescriptor;
  values: ModdleElement[];
  index: number;
  /** The container's start tag and end tag, which each group's output is wrapped in. */
  open: string;
  close: string;
}

/** A piece still to write: an element (split or whole), a run of children, or literal text. */
type Work = { element: ModdleElement } | { run: Run } | { text: string };

async function writeSliced(
  moddle: BpmnModdle,
  root: ModdleElement,
  checkpoint: () => Promise<void>,
  budgetMs: number,
  now: () => number
): Promise<string> {
  const rootAttrs = root.$attrs ?? {};
  // The root's declarations in the order moddle-xml writes them: known packages first, then foreign ones.
  const known: [string, string][] = [];
  const foreign: [string, string][] = [];
  for (const [name, uri] of Object.entries(rootAttrs)) {
    if (!XMLNS_ATTR.test(name)) continue;
    (isWellKnown(moddle, name, uri) ? known : foreign).push([name, uri]);
  }
  const rootDeclarations = [...known, ...foreign];
  if (new Set(rootDeclarations.map(([, uri]) => uri)).size !== rootDeclarations.length) throw new NeedsOnePiece();
  const declared = new Map<Declaration, true>();
  for (const [name, uri] of rootDeclarations) declared.set(`${name}="${escapeAttr(uri)}"`, true);
  const used = new Set<Declaration>();

  /**
   * Writes `element` with the root's declarations in scope and returns it without
   * them. With `only`, the element's contained properties are emptied except the
   * given children of one property (none at all for `[]`). moddle's toXML does its
   * work synchronously inside the promise it returns, so the element is restored
   * before any other code can run.
   */
  const write = async (element: ModdleElement, preamble: boolean, only?: { property?: PropertyDescriptor; values: ModdleElement[] }) => {
    const attrs = element.$attrs as Record<string, string> | undefined;
    const isRoot = element === root;
    if (!isRoot && (!attrs || Object.keys(attrs).some((k) => XMLNS_ATTR.test(k)))) throw new NeedsOnePiece();
    const saved = only ? containedProperties(element).map((p) => [p.name, element[p.name]] as const) : [];
    let pending: Promise<{ xml: string }>;
    try {
      for (const [name, value] of saved) element[name] = Array.isArray(value) ? [] : null;
      if (only?.property) element[only.property.name] = only.property.isMany ? only.values : only.values[0];
      if (!isRoot) for (const [name, uri] of rootDeclarations) attrs![name] = uri;
      pending = moddle.toXML(element, { format: false, preamble });
    } finally {
      if (!isRoot) for (const [name] of rootDeclarations) delete attrs![name];
      if (only?.property && !saved.some(([name]) => name === only.property!.name)) delete element[only.property.name];
      for (const [name, value] of saved) element[name] = value;
    }
    return stripDeclarations((await pending).xml, declared, used);
  };

  if (!splittableChildren(root)) throw new NeedsOnePiece();
  const parts: string[] = [];
  let rootOpen: { head: string; rest: string } | undefined;
  let rootClose = '';
  /** Children written per toXML call; adapted so that one call takes about half the budget. */
  let groupSize = 4;
  const stack: Work[] = [{ element: root }];
  while (stack.length) {
    await checkpoint();
    const work = stack.pop()!;
    if ('text' in work) {
      parts.push(work.text);
      continue;
    }
    if ('run' in work) {
      const { container, property, values, index, open, close } = work.run;
      const first = values[index]!;
      if (shouldSplit(first)) {
        if (index + 1 < values.length) stack.push({ run: { ...work.run, index: index + 1 } });
        stack.push({ element: first });
        continue;
      }
      let end = index + 1;
      while (end < values.length && end - index < groupSize && !shouldSplit(values[end]!)) end++;
      const started = now();
      const { text } = await write(container, false, { property, values: values.slice(index, end) });
      const spent = now() - started;
      if (!text.startsWith(open) || !text.endsWith(close)) throw new NeedsOnePiece();
      parts.push(text.slice(open.length, text.length - close.length));
      // Shrink at once when a group took more than half the budget; grow slowly, and never
      // past MAX_GROUP, so one heavy group (long texts, rich extensions) cannot fill a slice.
      const target = budgetMs / 2;
      groupSize = spent > target ? Math.max(1, Math.floor((groupSize * target) / spent)) : Math.min(MAX_GROUP, groupSize + Math.ceil(groupSize / 2));
      if (end < values.length) stack.push({ run: { ...work.run, index: end } });
      continue;
    }
    const { element } = work;
    const children = element === root || shouldSplit(element) ? splittableChildren(element) : undefined;
    if (!children) {
      parts.push((await write(element, false)).text);
      continue;
    }
    const empty = await write(element, element === root, { values: [] });
    const { text } = empty;
    if (!text.endsWith(' />')) throw new NeedsOnePiece();
    const openWithPreamble = text.slice(0, -3) + '>';
    const open = openWithPreamble.slice(empty.tagAt);
    const tag = /^<([^\s/>]+)/.exec(open)?.[1];
    if (!tag) throw new NeedsOnePiece();
    const close = `</${tag}>`;
    if (element === root) {
      rootOpen = { head: openWithPreamble.slice(0, empty.declarationsAt), rest: openWithPreamble.slice(empty.declarationsAt) };
      rootClose = close;
    } else {
      parts.push(open);
      stack.push({ text: close });
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const { property, values } = children[i]!;
      stack.push({ run: { container: element, property, values, index: 0, open, close } });
    }
  }
  if (!rootOpen) throw new NeedsOnePiece();
  const declarations = [...declared.keys()].filter((d) => used.has(d));
  const head = rootOpen.head + declarations.map((d) => ` ${d}`).join('');
  return head + rootOpen.rest + parts.join('') + rootClose;
}

/**
 * Removes the namespace declarations moddle-xml puts at the start of a piece's first
 * tag, notes them as used, and gives the position where they stood.
 */
function stripDeclarations(
  xml: string,
  declared: Map<Declaration, true>,
  used: Set<Declaration>
): { text: string; declarationsAt: number; tagAt: number } {
  const tagStart = xml.indexOf('<', xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0);
  const nameEnd = /[\s/>]/g;
  nameEnd.lastIndex = tagStart + 1;
  if (tagStart < 0 || !nameEnd.exec(xml)) throw new NeedsOnePiece();
  const at = nameEnd.lastIndex - 1;
  const declaration = / (xmlns(?::[^=\s]+)?="[^"]*")/y;
  declaration.lastIndex = at;
  let end = at;
  for (let m = declaration.exec(xml); m; m = declaration.exec(xml)) {
    if (!declared.has(m[1]!)) throw new NeedsOnePiece();
    used.add(m[1]!);
    end = declaration.lastIndex;
  }
  return { text: xml.slice(0, at) + xml.slice(end), declarationsAt: at, tagAt: tagStart };
}

/** Namespaces moddle-xml always knows besides the packages (its DEFAULT_NS_MAP). */
const BUILT_IN_NAMESPACES: Record<string, string> = {
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xml: 'http://www.w3.org/XML/1998/namespace'
};

/**
 * Whether moddle-xml lists a root declaration among the "well-known" namespaces
 * (written first) rather than the custom ones: a package's URI, or a prefix bound
 * to the URI it has by default.
 */
function isWellKnown(moddle: BpmnModdle, name: string, uri: string): boolean {
  const model = moddle as unknown as { getPackage(uri: string): unknown; getPackages(): { prefix: string; uri: string }[] };
  if (model.getPackage(uri)) return true;
  const prefix = name.slice('xmlns:'.length);
  if (!prefix) return false;
  const byDefault = BUILT_IN_NAMESPACES[prefix] ?? model.getPackages().find((p) => p.prefix === prefix)?.uri;
  return byDefault === uri;
}

/** moddle-xml's escaping of attribute values, for comparing declarations as written. */
function escapeAttr(value: string): string {
  const map: Record<string, string> = { '\n': '#10', '"': '#34', "'": '#39', '<': '#60', '>': '#62', '&': '#38' };
  return value.replace(/[<>"'&\n]/g, (c) => `&${map[c]};`);
}

/** The contained properties moddle-xml would write for `element`, in its order. */
function containedProperties(element: ModdleElement): PropertyDescriptor[] {
  const descriptor = element.$descriptor as Descriptor;
  return descriptor.properties.filter((p) => {
    if (p.isVirtual || p.isAttr || !Object.prototype.hasOwnProperty.call(element, p.name)) return false;
    const value = element[p.name];
    if (value === p.default || value === null) return false;
    return p.isMany ? (value as unknown[]).length > 0 : true;
  });
}

/** A child that moddle-xml writes as an element of its own type, with nothing taken from the property. */
function isSplittable(p: PropertyDescriptor): boolean {
  return !p.isBody && !p.isReference && !p.xml?.serialize && !SIMPLE_TYPES.has(p.type) && !p.type.includes('xsd:');
}

/** The children of a container whose contained properties can all be written piece by piece, by property; else undefined. */
function splittableChildren(element: ModdleElement): { property: PropertyDescriptor; values: ModdleElement[] }[] | undefined {
  if ((element.$descriptor as Descriptor).isGeneric) return undefined;
  const properties = containedProperties(element);
  if (!properties.length || !properties.every(isSplittable)) return undefined;
  return properties.map((property) => ({
    property,
    values: property.isMany ? [...(element[property.name] as ModdleElement[])] : [element[property.name] as ModdleElement]
  }));
}

/** Worth splitting: many children, or a few of which one is big (a diagram holding its plane). */
function shouldSplit(element: ModdleElement): boolean {
  const children = splittableChildren(element)?.flatMap((c) => c.values);
  if (!children) return false;
  return children.length >= SPLIT_MIN_CHILDREN || (children.length <= 2 && children.some(shouldSplit));
}

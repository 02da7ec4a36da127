import { diff } from 'bpmn-js-differ';
import { parseBpmn } from '../../../src/model/bpmn-io';
import type { ModdleElement } from '../../../src/model/moddle-types';
import { containedElements } from '../../../src/model/walk';

/*
 * Semantic comparison of two BPMN files, for the interchange tests. Two independent
 * views, because each misses something the other sees:
 * - bpmn-js-differ (bpmn.io's own differ) compares elements by id: added, removed,
 *   changed attributes and changed layout;
 * - a canonical listing of the whole semantic tree, which also covers what the differ
 *   skips: foreign extension elements and attributes, element bodies (documentation,
 *   conditions, scripts) and elements without id.
 * Prefixes, attribute order and formatting never count: only meaning does.
 */

interface PropertyDescriptor {
  name: string;
  isReference?: boolean;
  isAttr?: boolean;
  isMany?: boolean;
  isBody?: boolean;
}

/** What differs between two files; empty lists mean the second says what the first says. */
export interface SemanticDiff {
  /** Canonical entries of the first file that the second lacks. */
  lost: string[];
  /** Canonical entries the second file has and the first has not. */
  gained: string[];
  /** bpmn-js-differ: ids of elements added, removed or changed (layout changes are listed apart). */
  differ: { added: string[]; removed: string[]; changed: string[]; layoutChanged: string[] };
}

/** True when nothing of the model's meaning differs (layout may). */
export function sameMeaning(d: SemanticDiff): boolean {
  return d.lost.length === 0 && d.gained.length === 0 && d.differ.added.length === 0 && d.differ.removed.length === 0 && d.differ.changed.length === 0;
}

/** Compares two BPMN texts by meaning. */
export async function semanticDiff(before: string, after: string): Promise<SemanticDiff> {
  return compareDefinitions((await parseBpmn(before)).definitions, (await parseBpmn(after)).definitions);
}

/** Compares two BPMN texts by meaning and by drawing, reading each text once. */
export async function compareFiles(before: string, after: string): Promise<{ diff: SemanticDiff; layout: { before: string[]; after: string[] } }> {
  const a = (await parseBpmn(before)).definitions;
  const b = (await parseBpmn(after)).definitions;
  return { diff: compareDefinitions(a, b), layout: { before: diagramEntriesOf(a), after: diagramEntriesOf(b) } };
}

function compareDefinitions(a: ModdleElement, b: ModdleElement): SemanticDiff {
  const changes = diff(a, b) as Record<'_added' | '_removed' | '_changed' | '_layoutChanged', Record<string, unknown>>;
  const left = canonicalEntries(a, { diagrams: false });
  const right = canonicalEntries(b, { diagrams: false });
  return {
    ...multisetDifference(left, right),
    differ: {
      added: Object.keys(changes._added),
      removed: Object.keys(changes._removed),
      // The differ also lists an element whose namespace declarations moved, with no changed attribute.
      changed: Object.entries(changes._changed)
        .filter(([, change]) => Object.keys((change as { attrs?: object }).attrs ?? {}).length > 0)
        .map(([id]) => id),
      layoutChanged: Object.keys(changes._layoutChanged)
    }
  };
}

/** Shapes and edges of the diagrams, by the element they draw, with their geometry: to prove a layout was kept. */
export async function diagramEntries(xml: string): Promise<string[]> {
  return diagramEntriesOf((await parseBpmn(xml)).definitions);
}

function diagramEntriesOf(definitions: ModdleElement): string[] {
  const out: string[] = [];
  for (const diagram of definitions.diagrams ?? []) {
    for (const di of diagram.plane?.planeElement ?? []) {
      const target = di.bpmnElement?.id ?? '(none)';
      if (di.bounds) out.push(`shape ${target} ${['x', 'y', 'width', 'height'].map((k) => Number(di.bounds![k])).join(',')}`);
      else out.push(`edge ${target} ${(di.waypoint ?? []).map((p) => `${Number(p.x)},${Number(p.y)}`).join(' ')}`);
    }
  }
  return out.sort();
}

/**
 * One line per element of the semantic tree (DI left out unless asked): its place
 * (ids of its ancestors, or its position among id-less siblings), its type by
 * namespace URI, its attributes and references (references as ids), its foreign
 * attributes and its body text.
 */
export function canonicalEntries(definitions: ModdleElement, options: { diagrams: boolean }): string[] {
  const out: string[] = [];
  const stack: Array<{ element: ModdleElement; path: string }> = [{ element: definitions, path: '' }];
  while (stack.length > 0) {
    const { element, path } = stack.pop()!;
    const type = qualifiedType(element);
    if (!options.diagrams && /\{http:\/\/www\.omg\.org\/spec\/(BPMN\/20100524\/DI|DD\/20100524\/(DC|DI))\}/.test(type)) continue;
    const own = `${path}/${type}${element.id !== undefined ? `#${element.id}` : ''}`;
    out.push(`${own} ${describe(element)}`);
    const children = containedElements(element);
    const seen = new Map<string, number>();
    for (const child of children) {
      const key = qualifiedType(child);
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      stack.push({ element: child, path: child.id !== undefined ? own : `${own}[${key}:${n}]` });
    }
  }
  return out.sort();
}

function qualifiedType(element: ModdleElement): string {
  const descriptor = element.$descriptor as { isGeneric?: boolean; ns?: { uri?: string; localName?: string; prefix?: string } } | undefined;
  if (descriptor?.isGeneric) {
    const uri = descriptor.ns?.uri ?? (element.$model as { getPackage?(p: string): { uri: string } } | undefined)?.getPackage?.(descriptor.ns?.prefix ?? '')?.uri;
    return `{${uri ?? ''}}${descriptor.ns?.localName ?? element.$type}`;
  }
  const [prefix, local] = element.$type.split(':');
  const uri = (element.$model as { getPackage(p: string): { uri: string } | undefined } | undefined)?.getPackage(prefix!)?.uri ?? prefix;
  return `{${uri}}${local}`;
}

function describe(element: ModdleElement): string {
  const parts: string[] = [];
  const descriptor = element.$descriptor as { isGeneric?: boolean; properties?: PropertyDescriptor[] } | undefined;
  if (descriptor?.isGeneric) {
    for (const [key, value] of Object.entries(element)) {
      if (key.startsWith('$') || key.startsWith('xmlns')) continue;
      parts.push(`${key}=${String(value)}`);
    }
    if (element.$body !== undefined) parts.push(`body=${normalise(String(element.$body))}`);
  } else {
    for (const property of descriptor?.properties ?? []) {
      const value = element[property.name];
      // An empty list is the same as no list: writers leave it out.
      if (value === undefined || property.name === 'id' || (Array.isArray(value) && value.length === 0)) continue;
      if (property.isReference) {
        const ids = (Array.isArray(value) ? value : [value]).map((v: ModdleElement | undefined) => v?.id ?? '?');
        parts.push(`${property.name}->${ids.join(',')}`);
      } else if (property.isBody) {
        parts.push(`${property.name}=${normalise(String(value))}`);
      } else if (property.isAttr || typeof value !== 'object') {
        parts.push(`${property.name}=${String(value)}`);
      }
    }
  }
  for (const [key, value] of Object.entries((element.$attrs as Record<string, string> | undefined) ?? {})) {
    // Namespace declarations may move between elements; what they declare is part of the type names.
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    const name = attributeName(element, key);
    if (name === `{${XSI}}type`) {
      // xsi:type names a type (its prefix is only a spelling of the namespace); naming the
      // element's own type says nothing more (<expression xsi:type="tFormalExpression">
      // and <formalExpression> are the same).
      const type = qualifiedValue(element, value);
      if (type.replace(/\}t/, '}') !== qualifiedType(element)) parts.push(`@${name}=${type}`);
      continue;
    }
    parts.push(`@${name}=${value}`);
  }
  return parts.sort().join(' ');
}

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** The namespace a prefix (or, for '', the default namespace) stands for where `element` is written. */
function namespaceOf(element: ModdleElement, prefix: string): string | undefined {
  const declaration = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (let e: ModdleElement | undefined = element; e; e = e.$parent) {
    const uri = (e.$attrs as Record<string, string> | undefined)?.[declaration];
    if (uri) return uri;
  }
  return prefix === 'xsi' ? XSI : undefined;
}

/** A foreign attribute by namespace URI rather than by its prefix. */
function attributeName(element: ModdleElement, key: string): string {
  const colon = key.indexOf(':');
  if (colon < 0) return key;
  const uri = namespaceOf(element, key.slice(0, colon));
  return uri ? `{${uri}}${key.slice(colon + 1)}` : key;
}

/** A QName attribute value by namespace URI. */
function qualifiedValue(element: ModdleElement, value: string): string {
  const colon = value.indexOf(':');
  const prefix = colon < 0 ? '' : value.slice(0, colon);
  const uri = namespaceOf(element, prefix) ?? (prefix === '' ? 'http://www.omg.org/spec/BPMN/20100524/MODEL' : prefix);
  return `{${uri}}${value.slice(colon + 1)}`;
}

function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

function multisetDifference(left: string[], right: string[]): { lost: string[]; gained: string[] } {
  const counts = new Map<string, number>();
  for (const entry of left) counts.set(entry, (counts.get(entry) ?? 0) + 1);
  const gained: string[] = [];
  for (const entry of right) {
    const n = counts.get(entry) ?? 0;
    if (n > 0) counts.set(entry, n - 1);
    else gained.push(entry);
  }
  const lost: string[] = [];
  for (const [entry, n] of counts) for (let i = 0; i < n; i++) lost.push(entry);
  return { lost: lost.sort(), gained: gained.sort() };
}

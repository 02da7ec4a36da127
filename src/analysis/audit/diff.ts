import { ChangeHandler, diff } from 'bpmn-js-differ';
import type { ModdleElement } from '../../model/moddle-types';
import { ML_NAMESPACE } from '../../model/value-chain/extension';
import { walkModel, type IndexedWalk } from './model-walk';

/*
 * What changed between two versions of a model (the reviewed one and the current
 * one), element by element. bpmn-js-differ finds added, removed and moved elements
 * and changed BPMN attributes; it only notices *that* something inside an element's
 * extensionElements changed, so the value-chain data (ml:) is compared here field by
 * field. Before and after values are read from the two models themselves, because
 * bpmn-js-differ 3.2.0 reports them swapped for modified attributes.
 */

/** An element of either model. */
export interface DiffElement {
  id: string;
  type: string;
  name?: string;
}

/** One changed property: a BPMN attribute (`name`, `processRef.name`) or a value-chain field (`ml:step.kpi[Kpi_1].target`). */
export interface PropertyChange {
  property: string;
  before?: string;
  after?: string;
}

/** An element present in both models whose properties changed. */
export interface ChangedElement extends DiffElement {
  changes: PropertyChange[];
}

/** The semantic difference of two models. */
export interface ModelDiff {
  added: DiffElement[];
  removed: DiffElement[];
  changed: ChangedElement[];
  /** Elements that were only moved or resized in the diagram. */
  layoutChanged: DiffElement[];
  /** True when nothing at all changed. */
  identical: boolean;
}

/** Diffs two parsed models (both read with the ml: package, e.g. by parseBpmn). */
export function diffModels(before: ModdleElement, after: ModdleElement): ModelDiff {
  const handler = new ChangeHandler();
  // Remember properties that changed deeper inside (the differ records no values for them).
  const nested = new Map<string, Set<string>>();
  const changed = handler.changed.bind(handler);
  // A diagram shape whose element is gone (dangling DI, which moddle reads past) has
  // no id to report a layout change under; the differ would throw on it.
  const danglingDi = (model: unknown) => {
    const m = model as ModdleElement | undefined;
    return !!m?.$type?.startsWith('bpmndi:') && !m.bpmnElement;
  };
  for (const method of ['added', 'removed'] as const) {
    const original = handler[method].bind(handler);
    handler[method] = (model: unknown, property: string, element: unknown, index: number) => {
      if (!danglingDi(model)) original(model, property, element, index);
    };
  }
  handler.changed = (model: unknown, property: string, newValue?: unknown, oldValue?: unknown) => {
    if (danglingDi(model)) return;
    changed(model, property, newValue, oldValue);
    const tracked = handler._isTracked(model);
    if (tracked?.element.id && newValue === undefined && oldValue === undefined) {
      const set = nested.get(tracked.element.id) ?? new Set<string>();
      set.add(tracked.property + property);
      nested.set(tracked.element.id, set);
    }
  };
  diff(before, after, handler);

  const oldWalk = walkModel(before, { index: true });
  const newWalk = walkModel(after, { index: true });
  const describe = (element: ModdleElement | undefined, id: string): DiffElement => ({
    id,
    type: element?.$type ?? 'unknown',
    ...(element?.name ? { name: element.name as string } : {})
  });
  const find = (walk: IndexedWalk, id: string, fallback: unknown) => walk.byId.get(id) ?? (fallback as ModdleElement | undefined);

  const result: ModelDiff = { added: [], removed: [], changed: [], layoutChanged: [], identical: true };
  for (const [id, element] of Object.entries(handler._added)) result.added.push(describe(find(newWalk, id, element), id));
  for (const [id, element] of Object.entries(handler._removed)) result.removed.push(describe(find(oldWalk, id, element), id));
  for (const [id, element] of Object.entries(handler._layoutChanged)) {
    if (!handler._added[id] && !handler._removed[id]) result.layoutChanged.push(describe(find(newWalk, id, element), id));
  }

  const changes = new Map<string, PropertyChange[]>();
  const push = (id: string, change: PropertyChange) => {
    const list = changes.get(id) ?? [];
    list.push(change);
    changes.set(id, list);
  };
  for (const [id, entry] of Object.entries(handler._changed)) {
    const oldElement = oldWalk.byId.get(id);
    const newElement = newWalk.byId.get(id);
    if (!oldElement || !newElement) continue;
    for (const property of Object.keys(entry.attrs)) valueChange(push, id, property, oldElement, newElement);
    for (const property of nested.get(id) ?? []) {
      if (property === 'extensionElements') continue; // compared field by field below
      valueChange(push, id, property, oldElement, newElement);
    }
  }
  for (const [id, newElement] of newWalk.byId) {
    const oldElement = oldWalk.byId.get(id);
    if (!oldElement) continue;
    const a = flattenExtensions(oldElement);
    const b = flattenExtensions(newElement);
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      if (a.get(key) !== b.get(key)) push(id, { property: key, ...optional('before', a.get(key)), ...optional('after', b.get(key)) });
    }
  }
  for (const [id, list] of changes) {
    const element = newWalk.byId.get(id);
    result.changed.push({ ...describe(element, id), changes: list });
  }
  // Document order of the new model, for a stable report.
  const position = new Map([...newWalk.byId.keys()].map((id, i) => [id, i]));
  result.changed.sort((x, y) => (position.get(x.id) ?? 0) - (position.get(y.id) ?? 0));
  result.identical = result.added.length + result.removed.length + result.changed.length + result.layoutChanged.length === 0;
  return result;
}

function optional(key: 'before' | 'after', value: string | undefined): Partial<PropertyChange> {
  return value === undefined ? {} : { [key]: value };
}

function valueChange(push: (id: string, c: PropertyChange) => void, id: string, property: string, before: ModdleElement, after: ModdleElement): void {
  const a = summarize(readPath(before, property));
  const b = summarize(readPath(after, property));
  if (a === b && a !== undefined && !a.startsWith('(')) return;
  push(id, { property, ...optional('before', a), ...optional('after', b) });
}

/** Reads `processRef.name` or `laneSets[0]` from an element. */
function readPath(element: ModdleElement, path: string): unknown {
  let value: unknown = element;
  for (const part of path.split('.')) {
    const m = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(part);
    if (!m || value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[m[1]!];
    if (m[2] !== undefined) value = Array.isArray(value) ? value[Number(m[2])] : undefined;
  }
  return value;
}

/** A value as short text: primitives as they are, an element by its type and id or text body. */
function summarize(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `(${value.length} items)`;
  const element = value as ModdleElement;
  if (typeof element.body === 'string') return element.body;
  if (element.$type) return `(${element.$type}${element.id ? ` ${element.id}` : ''})`;
  return '(changed)';
}

/**
 * The ml: extension data of an element as path → stored text, named as in the XML,
 * e.g. `ml:step.kpi[Kpi_1].target` → "25". Repeated children are keyed by their `id` attribute when
 * they have one (roles, KPIs), else by position. Works for typed and generic elements.
 */
export function flattenExtensions(element: ModdleElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const value of element.extensionElements?.values ?? []) {
    if (namespaceOf(value) !== ML_NAMESPACE) continue;
    flatten(value, `ml:${localName(value)}`, out);
  }
  return out;
}

function namespaceOf(element: ModdleElement): string | undefined {
  const descriptor = element.$descriptor as { ns?: { uri?: string; prefix?: string } } | undefined;
  if (descriptor?.ns?.uri) return descriptor.ns.uri;
  return element.$type.startsWith('ml:') ? ML_NAMESPACE : undefined;
}

function localName(element: ModdleElement): string {
  const name = element.$type.slice(element.$type.indexOf(':') + 1);
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function flatten(element: ModdleElement, path: string, out: Map<string, string>): void {
  const descriptor = element.$descriptor as { isGeneric?: boolean; properties?: Array<{ name: string; isAttr?: boolean; isMany?: boolean }> } | undefined;
  const children: Array<{ name: string; items: ModdleElement[] }> = [];
  if (descriptor?.isGeneric || !descriptor?.properties) {
    for (const [key, value] of Object.entries(element)) {
      if (!key.startsWith('$') && value !== undefined && typeof value !== 'object') out.set(`${path}.${key}`, String(value));
    }
    const byName = new Map<string, ModdleElement[]>();
    for (const child of (element.$children as ModdleElement[] | undefined) ?? []) {
      const name = localName(child);
      byName.set(name, [...(byName.get(name) ?? []), child]);
    }
    for (const [name, items] of byName) children.push({ name, items });
  } else {
    for (const property of descriptor.properties) {
      const value: unknown = element[property.name];
      if (value === undefined || value === null) continue;
      if (property.isAttr) out.set(`${path}.${property.name}`, String(value));
      else if (Array.isArray(value) && value.length > 0) children.push({ name: localName(value[0] as ModdleElement), items: value as ModdleElement[] });
      else if (typeof value === 'object' && !Array.isArray(value)) children.push({ name: localName(value as ModdleElement), items: [value as ModdleElement] });
    }
  }
  for (const { name, items } of children) {
    items.forEach((child, i) => {
      const key = typeof child.id === 'string' && child.id !== '' ? child.id : String(i);
      flatten(child, `${path}.${name}[${key}]`, out);
    });
  }
}

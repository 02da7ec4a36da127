import type { ModdleElement } from '../moddle-types';

/** One property assignment on a moddle element, with what was there before it was applied. */
interface PropertyChange {
  target: ModdleElement;
  property: string;
  value: unknown;
  previous: unknown;
}

/**
 * The property assignments of one edit batch, planned first and applied later. While
 * a batch is planned nothing in the model changes: `set` only records, and `get`
 * answers with what the batch has set so far, so later edits of the batch see the
 * result of earlier ones. `apply` writes the batch into the model (execute and redo),
 * `revert` puts every property back (undo). Collections are never changed in place:
 * a changed list is a new array, so the old array object is exactly what revert puts
 * back.
 */
export class ChangeLog {
  private readonly changes: PropertyChange[] = [];
  /** What the batch has set so far, per element and property (the planned state). */
  private readonly planned = new Map<ModdleElement, Map<string, unknown>>();
  /** Elements the batch created; they are part of the model only through a changed property of an existing one. */
  private readonly fresh = new WeakSet<ModdleElement>();

  /** Records that `property` of `target` becomes `value` (undefined removes it); a no-op is not recorded. */
  set(target: ModdleElement, property: string, value: unknown): void {
    // A list that ends up with the items it had is the list it had: restoring it changes nothing.
    const stored = own(target, property);
    if (Array.isArray(value) && Array.isArray(stored) && sameItems(value, stored)) value = stored;
    const previous = this.get(target, property);
    if (previous === value) return;
    let props = this.planned.get(target);
    if (!props) this.planned.set(target, (props = new Map()));
    props.set(property, value);
    for (const child of moddleChildren(value)) {
      let childProps = this.planned.get(child);
      if (!childProps) this.planned.set(child, (childProps = new Map()));
      childProps.set('$parent', target);
    }
    this.changes.push({ target, property, value, previous });
  }

  /** The property as the batch leaves it: planned when the batch set it, else as it is in the model. */
  get(target: ModdleElement, property: string): unknown {
    const props = this.planned.get(target);
    if (props?.has(property)) return props.get(property);
    return target[property];
  }

  /** Reads through the planned state; pass it where a reader is expected. */
  readonly read = (target: ModdleElement, property: string): unknown => this.get(target, property);

  /** Marks an element the batch created: its own properties do not count as a change of the model. */
  created(element: ModdleElement): void {
    this.fresh.add(element);
  }

  /**
   * True when the batch leaves the model as it is: every property of an existing
   * element ends where it started (an element added and removed again, a setting
   * created and dropped in the same batch, changes nothing).
   */
  get empty(): boolean {
    for (const [target, props] of this.planned) {
      if (this.fresh.has(target)) continue;
      for (const [property, value] of props) if (property !== '$parent' && value !== own(target, property)) return false;
    }
    return true;
  }

  /** Writes the planned changes into the model, in order (execute and redo). */
  apply(): void {
    for (const change of this.changes) {
      change.previous = own(change.target, change.property);
      write(change.target, change.property, change.value);
    }
  }

  /** Puts every changed property back as it was, newest change first (undo). */
  revert(): void {
    for (let i = this.changes.length - 1; i >= 0; i--) {
      const change = this.changes[i]!;
      write(change.target, change.property, change.previous);
    }
  }
}

function own(target: ModdleElement, property: string): unknown {
  // Own value only: moddle's get() would create an empty list for isMany properties.
  return Object.prototype.hasOwnProperty.call(target, property) ? target[property] : undefined;
}

function sameItems(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function moddleChildren(value: unknown): ModdleElement[] {
  if (!value || typeof value !== 'object') return [];
  return (Array.isArray(value) ? value : [value]).filter(
    (child): child is ModdleElement => !!child && typeof child === 'object' && '$type' in child
  );
}

function write(target: ModdleElement, property: string, value: unknown): void {
  if (typeof target.set === 'function') {
    // moddle deletes the property when the value is undefined, so it is not serialized.
    target.set(property, value);
  } else if (value === undefined) {
    delete target[property];
  } else {
    target[property] = value;
  }
  for (const child of moddleChildren(value)) child.$parent = target;
}

import type { ModdleElement } from '../../../model/moddle-types';

/** One property assignment on a moddle element, with what was there before. */
interface PropertyChange {
  target: ModdleElement;
  property: string;
  value: unknown;
  previous: unknown;
}

/**
 * Records property assignments on moddle elements so that a command can revert
 * them and replay them on redo. Edits are applied the moment they are recorded, so
 * that later edits of the same batch see the result of earlier ones. Collections are
 * never changed in place: a changed list is a new array, so the old array object is
 * exactly what revert puts back.
 */
export class ChangeLog {
  private readonly changes: PropertyChange[] = [];

  /** Sets `property` of `target` (undefined removes it) and records the change; a no-op is not recorded. */
  set(target: ModdleElement, property: string, value: unknown): void {
    const previous = read(target, property);
    if (previous === value) return;
    write(target, property, value);
    this.changes.push({ target, property, value, previous });
  }

  /** True when nothing was changed. */
  get empty(): boolean {
    return this.changes.length === 0;
  }

  /** Applies the recorded changes again, in order (redo). */
  replay(): void {
    for (const change of this.changes) {
      change.previous = read(change.target, change.property);
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

function read(target: ModdleElement, property: string): unknown {
  // Own value only: moddle's get() would create an empty list for isMany properties.
  return Object.prototype.hasOwnProperty.call(target, property) ? target[property] : undefined;
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
  if (value && typeof value === 'object') {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && '$type' in child) (child as ModdleElement).$parent = target;
    }
  }
}

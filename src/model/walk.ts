import type { ModdleElement } from './moddle-types';

interface PropertyDescriptor {
  name: string;
  isReference?: boolean;
  isAttr?: boolean;
}

/**
 * Visits every element contained in `root` (root included), depth first, following
 * containment only: references such as sourceRef or bpmnElement are not followed,
 * so each element is visited once. Generic elements (foreign extensions) are
 * entered through their `$children`.
 */
export function forEachContained(root: ModdleElement, visit: (element: ModdleElement) => void): void {
  const stack: ModdleElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    visit(element);
    const children = containedElements(element);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** The elements directly contained in `element`, in document order. */
export function containedElements(element: ModdleElement): ModdleElement[] {
  const out: ModdleElement[] = [];
  const descriptor = element.$descriptor as { isGeneric?: boolean; properties?: PropertyDescriptor[] } | undefined;
  if (descriptor?.isGeneric) {
    for (const child of (element.$children as ModdleElement[] | undefined) ?? []) out.push(child);
    return out;
  }
  for (const property of descriptor?.properties ?? []) {
    if (property.isReference || property.isAttr) continue;
    const value: unknown = element[property.name];
    if (Array.isArray(value)) {
      for (const item of value) if (isElement(item)) out.push(item);
    } else if (isElement(value)) {
      out.push(value);
    }
  }
  return out;
}

function isElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as ModdleElement).$type === 'string';
}

/**
 * A loose view of a moddle element (bpmn-moddle gives untyped objects): enough
 * structure for the pure layers to walk definitions without `any` everywhere.
 */
export interface ModdleElement {
  $type: string;
  $parent?: ModdleElement;
  $attrs?: Record<string, string>;
  id?: string;
  name?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [key: string]: any;
}

/**
 * The type name of a moddle element, as `element.$type` gives it, read more cheaply.
 * moddle defines `$type` on every element as a getter of its own (a closure per
 * element), so on a large model each read costs several cache misses; the type's
 * descriptor on the shared prototype holds the same name (moddle sets `$type` from it)
 * and stays in cache. Generic elements of foreign extensions and plain objects have no
 * such prototype and answer with their `$type`.
 */
export function typeOf(element: ModdleElement): string {
  const descriptor = (Object.getPrototypeOf(element) as { $descriptor?: { name: string } } | null)?.$descriptor;
  return descriptor ? descriptor.name : element.$type;
}

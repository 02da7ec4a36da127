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

import type { ModdleElement } from '../moddle-types';

/*
 * Colours in a diagram (bpmn.io's `color:background-color`, `color:border-color`,
 * `color:color`, and the older `bioc:fill` / `bioc:stroke`) become SVG fill and stroke
 * styles on the canvas and in the SVG and PNG exports. A value such as
 * `url(https://…)` would make an exported SVG fetch that address when opened (a
 * tracking pixel), so only plain colour values are kept.
 */

/** A colour value MissingLink keeps: `#rgb`…`#rrggbbaa`, `rgb()`/`rgba()`/`hsl()`/`hsla()` of numbers, or a colour keyword. */
export function isPlainColour(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const v = value.trim();
  return /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(v) || /^(?:rgba?|hsla?)\(\s*[-+0-9.%\s,/deg]*\)$/i.test(v) || /^[a-z]{3,30}$/i.test(v);
}

/** The typed colour properties of bpmn-moddle's `color` and `bioc` packages. */
const TYPED = ['background-color', 'border-color', 'color', 'fill', 'stroke'];

/** Local names of colour attributes read from $attrs, whatever their prefix (`bioc:fill`, `color:background-color` …). */
const ATTRIBUTE = /(?:^|:)(?:fill|stroke|background-color|border-color|color)$/;

/**
 * Removes every colour of the diagram that is not a plain colour value; returns one
 * sentence per colour removed, for the import's warnings.
 */
export function removeUnsafeColours(definitions: ModdleElement): string[] {
  const removed: Array<[string, string]> = [];
  const check = (di: ModdleElement | undefined) => {
    if (!di) return;
    for (const key of TYPED) {
      const value = di[key];
      if (value !== undefined && !isPlainColour(value)) {
        delete di[key];
        removed.push([di.bpmnElement?.id ?? di.id ?? '?', String(value)]);
      }
    }
    const attrs = di.$attrs as Record<string, unknown> | undefined;
    for (const key of Object.keys(attrs ?? {})) {
      if (ATTRIBUTE.test(key) && !isPlainColour(attrs![key])) {
        removed.push([di.bpmnElement?.id ?? di.id ?? '?', String(attrs![key])]);
        delete attrs![key];
      }
    }
  };
  for (const diagram of (definitions.diagrams as ModdleElement[] | undefined) ?? []) {
    for (const di of (diagram?.plane?.planeElement as ModdleElement[] | undefined) ?? []) {
      check(di);
      check(di.label as ModdleElement | undefined);
    }
  }
  return removed.map(([id, value]) => `The colour "${truncate(value)}" of ${id} is not a plain colour value and was removed.`);
}

/**
 * An exported SVG without any reference outside itself: every `url(…)` that does not
 * point into the document (`url(#marker)`) becomes `none`, and `href`s to other
 * documents are dropped. The diagram needs neither.
 */
export function withoutRemoteReferences(svg: string): string {
  return svg
    .replace(/url\(\s*(?!(?:&quot;|["'])?\s*#)[^)]*\)/gi, 'none')
    .replace(/\s(?:xlink:)?href\s*=\s*(["'])(?!#)[^"']*\1/gi, '');
}

function truncate(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

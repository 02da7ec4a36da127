import type { ModdleElement } from '../moddle-types';

/** A width and height in diagram units (pixels at zoom 1). */
export interface Size {
  width: number;
  height: number;
}

/** A rectangle in diagram coordinates, as BPMN DI stores it (top-left corner plus size). */
export interface Bounds extends Size {
  x: number;
  y: number;
}

/** A point in diagram coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** True when a moddle element is of `type` or a subtype (bpmn:Task for a bpmn:UserTask). */
export function isA(element: ModdleElement | undefined, type: string): boolean {
  return !!element && typeof element.$instanceOf === 'function' && element.$instanceOf(type) === true;
}

/** True for the sub-process family: sub-processes, transactions, ad-hoc and event sub-processes. */
export function isSubProcess(element: ModdleElement | undefined): boolean {
  return isA(element, 'bpmn:SubProcess');
}

/**
 * The size bpmn-js gives a new element of this kind, so that laid-out diagrams look
 * like drawn ones (bpmn-js ElementFactory#getDefaultSize).
 */
export function defaultSize(element: ModdleElement): Size {
  if (isA(element, 'bpmn:Gateway')) return { width: 50, height: 50 };
  if (isA(element, 'bpmn:Event')) return { width: 36, height: 36 };
  if (isA(element, 'bpmn:DataObjectReference')) return { width: 36, height: 50 };
  if (isA(element, 'bpmn:DataStoreReference')) return { width: 50, height: 50 };
  if (isA(element, 'bpmn:TextAnnotation')) return { width: 100, height: 30 };
  return { width: 100, height: 80 };
}

/** The centre of a rectangle. */
export function centre(bounds: Bounds): Point {
  return { x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 2 };
}

/** True when two rectangles share some area (touching edges do not count). */
export function overlaps(a: Bounds, b: Bounds): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** True when `inner` lies inside `outer` (edges may touch). */
export function contains(outer: Bounds, inner: Bounds): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** True when a point lies on the border of a rectangle, within `tolerance`. */
export function onBorder(point: Point, bounds: Bounds, tolerance = 1): boolean {
  const { x, y, width, height } = bounds;
  const withinX = point.x >= x - tolerance && point.x <= x + width + tolerance;
  const withinY = point.y >= y - tolerance && point.y <= y + height + tolerance;
  const onVertical = withinY && (Math.abs(point.x - x) <= tolerance || Math.abs(point.x - x - width) <= tolerance);
  const onHorizontal = withinX && (Math.abs(point.y - y) <= tolerance || Math.abs(point.y - y - height) <= tolerance);
  return onVertical || onHorizontal;
}

/**
 * Where the line from the centre of `from` towards `towards` leaves `from`'s
 * rectangle: the docking point of a straight connection (associations, repairs).
 */
export function borderPoint(from: Bounds, towards: Point): Point {
  const c = centre(from);
  const dx = towards.x - c.x;
  const dy = towards.y - c.y;
  if (dx === 0 && dy === 0) return { x: c.x, y: from.y };
  const sx = dx === 0 ? Infinity : from.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : from.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

/** A straight connection between two shapes, docked on both borders. */
export function straightConnection(source: Bounds, target: Bounds): Point[] {
  return [borderPoint(source, centre(target)), borderPoint(target, centre(source))];
}

/** Rounds coordinates to whole units, as diagram tools write them. */
export function roundBounds(bounds: Bounds): Bounds {
  return { x: Math.round(bounds.x), y: Math.round(bounds.y), width: Math.round(bounds.width), height: Math.round(bounds.height) };
}

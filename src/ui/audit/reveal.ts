import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import type { Connection, Element, Shape } from 'diagram-js/lib/model/Types';
import type { Modeler } from '../../modeler/create-modeler';

/** Zoom at which a revealed element's label is comfortably readable. */
const READABLE_ZOOM = 1;

/**
 * Selects an element and zooms to it: shapes and flows are centred at a readable zoom
 * (on the sub-process plane they are drawn on); the process or collaboration itself,
 * which has no shape, is shown whole. Returns false when the element is not in the diagram.
 */
export function revealElement(modeler: Modeler, elementId: string): boolean {
  const registry = modeler.get<ElementRegistry>('elementRegistry');
  const canvas = modeler.get<Canvas>('canvas');
  const selection = modeler.get<Selection>('selection');
  const element = registry.get(elementId) as Element | undefined;
  if (!element) return false;

  if (!element.parent) {
    if (canvas.getRootElement() !== element) canvas.setRootElement(element as never);
    canvas.zoom('fit-viewport', 'auto' as never);
    selection.select(null);
    return true;
  }
  const root = canvas.findRoot(element);
  if (root && root !== canvas.getRootElement()) canvas.setRootElement(root);

  const box = boundsOf(element);
  const scale = Math.max(canvas.zoom(), READABLE_ZOOM);
  const outer = canvas.viewbox().outer;
  const width = outer.width / scale;
  const height = outer.height / scale;
  canvas.viewbox({ x: box.x + box.width / 2 - width / 2, y: box.y + box.height / 2 - height / 2, width, height });
  selection.select(element);
  return true;
}

function boundsOf(element: Element): { x: number; y: number; width: number; height: number } {
  const waypoints = (element as Connection).waypoints;
  if (Array.isArray(waypoints) && waypoints.length > 0) {
    const xs = waypoints.map((p) => p.x);
    const ys = waypoints.map((p) => p.y);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
  }
  const shape = element as Shape;
  return { x: shape.x, y: shape.y, width: shape.width, height: shape.height };
}

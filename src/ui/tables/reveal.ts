import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import type { Shape } from 'diagram-js/lib/model/Types';
import type { Modeler } from '../../modeler/create-modeler';

/** The smallest zoom at which a revealed activity's label is comfortably readable. */
const READABLE_ZOOM = 1;

/**
 * Selects a diagram element and brings it into view, readable: opens the sub-process
 * plane it is drawn on, zooms in when the view is zoomed out, and centres it.
 * Returns false when the element is not (or no longer) in the diagram.
 */
export function revealElement(modeler: Modeler, elementId: string): boolean {
  const registry = modeler.get<ElementRegistry>('elementRegistry');
  const canvas = modeler.get<Canvas>('canvas');
  const element = registry.get(elementId) as Shape | undefined;
  if (!element) return false;

  const root = canvas.findRoot(element);
  if (root && root !== canvas.getRootElement()) canvas.setRootElement(root);

  // The container may have changed size (a panel opened below it) since the viewbox was cached.
  canvas.resized();
  const scale = Math.max(canvas.zoom(), READABLE_ZOOM);
  const box = canvas.viewbox();
  const outer = box.outer;
  const centre = { x: element.x + element.width / 2, y: element.y + element.height / 2 };
  canvas.viewbox({
    x: centre.x - outer.width / scale / 2,
    y: centre.y - outer.height / scale / 2,
    width: outer.width / scale,
    height: outer.height / scale
  });
  modeler.get<Selection>('selection').select(element);
  return true;
}

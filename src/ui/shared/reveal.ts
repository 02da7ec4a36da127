import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import type { Connection, Element, Shape } from 'diagram-js/lib/model/Types';
import type { AppController } from '../../app/app-controller';
import type { Modeler } from '../../modeler/create-modeler';

/** Zoom at which a revealed element's label is comfortably readable. */
const READABLE_ZOOM = 1;

/**
 * Selects diagram elements and brings the first into view, readable: opens the
 * sub-process plane it is drawn on, zooms in when the view is zoomed out, and centres
 * it; the process or collaboration itself, which has no shape, is shown whole. Of the
 * rest, those drawn on the same plane are selected with it. Returns false when none
 * of them is in the diagram. The one place every panel reveals from.
 */
export function revealElements(modeler: Modeler, elementIds: readonly string[]): boolean {
  const registry = modeler.get<ElementRegistry>('elementRegistry');
  const canvas = modeler.get<Canvas>('canvas');
  const selection = modeler.get<Selection>('selection');
  const elements = elementIds.map((id) => registry.get(id) as Element | undefined).filter((e): e is Element => !!e);
  const first = elements[0];
  if (!first) return false;
  // A panel that just opened below or beside the canvas made it smaller; diagram-js only notices window resizes.
  canvas.resized();

  if (!first.parent) {
    if (canvas.getRootElement() !== first) canvas.setRootElement(first as never);
    canvas.zoom('fit-viewport', 'auto' as never);
    selection.select(null);
    return true;
  }
  const root = canvas.findRoot(first);
  if (root && root !== canvas.getRootElement()) canvas.setRootElement(root);

  const box = boundsOf(first);
  const scale = Math.max(canvas.zoom(), READABLE_ZOOM);
  const outer = canvas.viewbox().outer;
  const width = outer.width / scale;
  const height = outer.height / scale;
  canvas.viewbox({ x: box.x + box.width / 2 - width / 2, y: box.y + box.height / 2 - height / 2, width, height });
  // Only what is drawn on the shown plane can be selected together.
  selection.select(elements.filter((e) => e.parent && canvas.findRoot(e as Shape) === canvas.getRootElement()));
  return true;
}

/** Selects one element and brings it into view (see revealElements). */
export function revealElement(modeler: Modeler, elementId: string): boolean {
  return revealElements(modeler, [elementId]);
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

/** Waits until the controller has the process open and is idle again (after `controller.open`). */
function whenOpen(controller: AppController, processId: string, timeoutMs = 20_000): Promise<void> {
  const ready = () => controller.state.current?.id === processId && !controller.state.busy;
  if (ready()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      controller.removeEventListener('change', check);
      reject(new Error(`The process ${processId} did not open.`));
    }, timeoutMs);
    const check = () => {
      if (!ready()) return;
      clearTimeout(timer);
      controller.removeEventListener('change', check);
      resolve();
    };
    controller.addEventListener('change', check);
  });
}

/** Opens a process of the library (when it is not the open one) and then reveals elements in it. */
export async function openAndReveal(
  controller: AppController,
  modeler: Modeler,
  processId: string,
  elementIds: readonly string[]
): Promise<boolean> {
  await openProcess(controller, processId);
  return revealElements(modeler, elementIds);
}

/** Opens a process of the library and resolves once it is shown. */
export async function openProcess(controller: AppController, processId: string): Promise<void> {
  if (controller.state.current?.id === processId && !controller.state.busy) return;
  const opened = whenOpen(controller, processId);
  controller.open(processId);
  await opened;
}

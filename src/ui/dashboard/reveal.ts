import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import type { Element, Shape } from 'diagram-js/lib/model/Types';
import type { AppController } from '../../app/app-controller';
import type { Modeler } from '../../modeler/create-modeler';

/**
 * Selects diagram elements and scrolls the first into view (opening the sub-process
 * plane it is drawn on). Returns false when none of them is in the diagram.
 */
export function revealElements(modeler: Modeler, elementIds: readonly string[]): boolean {
  const registry = modeler.get<ElementRegistry>('elementRegistry');
  const canvas = modeler.get<Canvas>('canvas');
  const elements = elementIds.map((id) => registry.get(id)).filter((e): e is Element => !!e);
  const first = elements[0] as Shape | undefined;
  if (!first) return false;
  // A panel that just opened below or beside the canvas made it smaller; diagram-js only notices window resizes.
  canvas.resized();
  const root = canvas.findRoot(first);
  if (root && root !== canvas.getRootElement()) canvas.setRootElement(root);
  // Only what is drawn on the shown plane can be selected together.
  const shown = elements.filter((e) => canvas.findRoot(e as Shape) === canvas.getRootElement());
  canvas.scrollToElement(first, { top: 80, bottom: 80, left: 120, right: 80 });
  modeler.get<Selection>('selection').select(shown);
  return true;
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
export async function openAndReveal(controller: AppController, modeler: Modeler, processId: string, elementIds: readonly string[]): Promise<boolean> {
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

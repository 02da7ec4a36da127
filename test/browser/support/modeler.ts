import { afterEach } from 'vitest';
import { createModeler, type Modeler } from '../../../src/modeler/create-modeler';
import type { ModdleElement } from '../../../src/model/moddle-types';
import { VALUE_CHAIN_CHANGED, type ValueChainChangedEvent } from '../../../src/modeler/features/value-chain/ValueChainEditor';

/** A diagram element as the tests touch it. */
export interface Shape {
  id: string;
  type: string;
  businessObject: ModdleElement;
  parent?: Shape;
  x: number;
  y: number;
}

/** A real bpmn-js Modeler with our modules, mounted in the page, with what the tests look at. */
export interface MountedModeler {
  modeler: Modeler;
  /** A service of the modeler by name (commandStack, modeling, valueChainEditor, …). */
  get<T>(name: string): T;
  /** A shape or connection by id; throws when there is none. */
  shape(id: string): Shape;
  /** The model as BPMN XML now. */
  xml(): Promise<string>;
  /** Every `valueChain.changed` event since the import, element ids sorted. */
  changes: ValueChainChangedEvent[];
  /** Undo steps on the command stack. */
  undoSteps(): number;
}

const mounted: Array<{ modeler: Modeler; container: HTMLElement }> = [];

afterEach(() => {
  for (const { modeler, container } of mounted.splice(0)) {
    modeler.destroy();
    container.remove();
  }
});

/** Mounts a Modeler in a fresh container of the test page and imports `xml` (a fixture beside the test). */
export async function mountModeler(xml: string): Promise<MountedModeler> {
  const container = document.createElement('div');
  container.style.cssText = 'width: 1200px; height: 800px; position: relative;';
  document.body.appendChild(container);
  const modeler = createModeler(container);
  mounted.push({ modeler, container });
  const changes: ValueChainChangedEvent[] = [];
  await modeler.importXML(xml);
  const get = <T>(name: string) => modeler.get<T>(name);
  get<{ on(event: string, cb: (e: ValueChainChangedEvent) => void): void }>('eventBus').on(VALUE_CHAIN_CHANGED, (event) => {
    changes.push({ elementIds: [...event.elementIds].sort(), trigger: event.trigger });
  });
  // Nested commands share their parent's id: one id is one undo step.
  const stack = get<{ _stack: Array<{ id: number }>; _stackIdx: number }>('commandStack');
  return {
    modeler,
    get,
    shape(id) {
      const found = get<{ get(id: string): Shape | undefined }>('elementRegistry').get(id);
      if (!found) throw new Error(`no element ${id} in the diagram`);
      return found;
    },
    async xml() {
      return (await modeler.saveXML({ format: true })).xml ?? '';
    },
    changes,
    undoSteps: () => new Set(stack._stack.slice(0, stack._stackIdx + 1).map((action) => action.id)).size
  };
}

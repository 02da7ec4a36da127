import { msg } from '@lit/localize';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import type { Element, Shape } from 'diagram-js/lib/model/Types';
import { nextInDirection, type Direction } from './navigation';

interface KeyboardService {
  addListener(priority: number, listener: (context: { keyEvent: KeyboardEvent }) => boolean | void): void;
}
interface AutoPlace {
  append(source: Shape, shape: Shape): Shape;
}
interface ElementFactory {
  createShape(attrs: { type: string; eventDefinitionType?: string }): Shape;
}
interface Modeling {
  connect(source: Element, target: Element): Element;
}
interface Rules {
  allowed(action: string, context: unknown): unknown;
}

/** What a key appends to the selected element (Shift + the key). */
export const APPEND_KEYS: Readonly<Record<string, { type: string }>> = {
  T: { type: 'bpmn:Task' },
  G: { type: 'bpmn:ExclusiveGateway' },
  I: { type: 'bpmn:IntermediateThrowEvent' },
  E: { type: 'bpmn:EndEvent' }
};

const ARROWS: Readonly<Record<string, Direction>> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/**
 * Builds the diagram by keyboard, with bpmn-js's own services, while the canvas has
 * focus: Shift+T / G / I / E append a task, gateway, intermediate event or end event
 * to the selected element (autoPlace places and selects it, so keys chain), Shift+C
 * connects the first selected element to the second (modeling.connect picks sequence
 * or message flow by the BPMN rules), Alt+arrow selects the nearest element in that
 * direction and Alt+Shift+arrow adds it to the selection. An appended task opens its
 * label editor (bpmn-js), so its name is typed right away; Enter ends it and gives the
 * canvas its focus back. Every change is a command,
 * so Ctrl+Z undoes it. Fires `keyboardModeling.refused` ({ reason }) when a key cannot act.
 */
export default class KeyboardModeling {
  static $inject = ['keyboard', 'eventBus', 'selection', 'elementRegistry', 'elementFactory', 'autoPlace', 'modeling', 'rules', 'canvas'];

  constructor(
    keyboard: KeyboardService,
    private eventBus: EventBus,
    private selection: Selection,
    private elementRegistry: ElementRegistry,
    private elementFactory: ElementFactory,
    private autoPlace: AutoPlace,
    private modeling: Modeling,
    private rules: Rules,
    private canvas: Canvas
  ) {
    // Above diagram-js's KeyboardMoveSelection (1500), which takes every arrow key, Alt+arrow included.
    keyboard.addListener(2000, ({ keyEvent }) => this.onKey(keyEvent));
    // bpmn-js opens the label editor on an appended task, so its name can be typed at once;
    // Enter or Escape ends it, and the keys work again only if the canvas has focus back.
    // After the editor has closed: focusing the canvas inside its own event would blur it a second time.
    eventBus.on(['directEditing.complete', 'directEditing.cancel'], () =>
      setTimeout(() => {
        const active = document.activeElement;
        if (!active || active === document.body || !active.isConnected || active.closest('.djs-direct-editing-parent')) {
          (canvas as unknown as { focus(): void }).focus();
        }
      })
    );
  }

  private onKey(event: KeyboardEvent): boolean | void {
    if (event.ctrlKey || event.metaKey) return;
    const direction = ARROWS[event.key];
    if (direction && event.altKey) return this.move(direction, event.shiftKey);
    if (!event.shiftKey || event.altKey) return;
    const key = event.key.toUpperCase();
    if (key === 'C') return this.connectSelected();
    const append = APPEND_KEYS[key];
    if (append) return this.append(append.type);
  }

  /** Appends a new element of `type` after the one selected element; true when the key was handled. */
  append(type: string): boolean {
    const selected = this.selection.get() as Element[];
    const source = selected.length === 1 ? (selected[0] as Shape) : undefined;
    if (!source || !isFlowNode(source)) return this.refuse(msg('Select one step, event or gateway first, then append to it.'));
    if (type !== 'bpmn:EndEvent' && source.businessObject?.$type === 'bpmn:EndEvent') return this.refuse(msg('Nothing can follow an end event.'));
    this.autoPlace.append(source, this.elementFactory.createShape({ type }));
    return true;
  }

  /** Connects the first selected element to the second; true when the key was handled. */
  connectSelected(): boolean {
    const selected = (this.selection.get() as Element[]).filter(isFlowNode);
    if (selected.length !== 2) return this.refuse(msg('Select exactly two elements to connect (Alt+Shift+arrow adds one to the selection).'));
    const [source, target] = selected as [Element, Element];
    if (!this.rules.allowed('connection.create', { source, target })) return this.refuse(msg('BPMN does not allow a flow between these two elements.'));
    this.modeling.connect(source, target);
    this.selection.select(target);
    return true;
  }

  /** Selects (or adds to the selection) the nearest flow element in a direction from the last selected one. */
  move(direction: Direction, add: boolean): boolean {
    const selected = this.selection.get() as Element[];
    const from = selected.at(-1) as Shape | undefined;
    const candidates = this.elementRegistry.filter((e) => isFlowNode(e as Element) && !selected.includes(e as Element)) as Shape[];
    if (!from) {
      const first = [...candidates].sort((a, b) => a.x - b.x || a.y - b.y)[0];
      if (first) this.select(first, false);
      return true;
    }
    const next = nextInDirection(from, candidates, direction);
    if (next) this.select(next, add);
    return true;
  }

  private select(shape: Shape, add: boolean): void {
    this.selection.select(shape, add);
    this.canvas.scrollToElement(shape);
  }

  private refuse(reason: string): boolean {
    this.eventBus.fire('keyboardModeling.refused', { reason });
    return true;
  }
}

function isFlowNode(element: Element): boolean {
  const type = element.businessObject?.$type as string | undefined;
  if (!type || (element as { waypoints?: unknown }).waypoints || (element as { labelTarget?: unknown }).labelTarget) return false;
  return /Task$|Event$|Gateway$|^bpmn:SubProcess$|^bpmn:CallActivity$|^bpmn:Transaction$/.test(type) && type !== 'bpmn:BoundaryEvent';
}

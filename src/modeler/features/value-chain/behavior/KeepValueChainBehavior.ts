import CommandInterceptor from 'diagram-js/lib/command/CommandInterceptor';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type { ModdleElement } from '../../../../model/moddle-types';
import { findValueChain } from '../../../../model/value-chain/locate';
import type ValueChainEditor from '../ValueChainEditor';

interface Modeling {
  updateModdleProperties(element: unknown, moddleElement: ModdleElement, properties: Record<string, unknown>): void;
}

interface ModdleCopy {
  copyElement(source: ModdleElement, target: ModdleElement, propertyNames?: string[] | null, clone?: boolean): ModdleElement;
}

/**
 * Invariant: the value chain (owner, value proposition, customer promise, role
 * catalogue, rule settings) belongs to the model, not to one pool. When the user
 * deletes the last pool, bpmn-js turns the collaboration into a new, empty process
 * and the collaboration with its ml:ValueChain leaves the model; this behaviour puts
 * a copy (same role ids, so assignments still resolve) on the new process in the
 * same command, so undo and redo stay one step.
 */
export default class KeepValueChainBehavior extends CommandInterceptor {
  static override $inject = ['eventBus', 'bpmnjs', 'moddle', 'moddleCopy', 'modeling', 'valueChainEditor'];

  /** The value chain in effect when the command that changes the root started. */
  private before: ModdleElement | undefined;

  constructor(
    eventBus: EventBus,
    bpmnjs: { getDefinitions(): ModdleElement },
    moddle: { create(type: string, attrs?: Record<string, unknown>): ModdleElement },
    moddleCopy: ModdleCopy,
    modeling: Modeling,
    editor: ValueChainEditor
  ) {
    super(eventBus);
    this.preExecute('shape.delete', (event: { context: { shape: { businessObject: ModdleElement } } }) => {
      if (event.context.shape.businessObject.$type === 'bpmn:Participant') this.before ??= findValueChain(bpmnjs.getDefinitions());
    });
    this.preExecute('canvas.updateRoot', () => {
      this.before ??= findValueChain(bpmnjs.getDefinitions());
    });
    this.postExecute('canvas.updateRoot', (event: { context: { newRoot: { businessObject: ModdleElement } } }) => {
      const kept = this.before;
      if (!kept || findValueChain(bpmnjs.getDefinitions())) return;
      const newRoot = event.context.newRoot;
      const copy = moddleCopy.copyElement(kept, moddle.create('ml:ValueChain'), null, true);
      const container = moddle.create('bpmn:ExtensionElements', {
        values: [...(newRoot.businessObject.extensionElements?.values ?? []), copy]
      });
      copy.$parent = container;
      // Later edits find the value chain's carrier by walking up: the container needs its parent too.
      container.$parent = newRoot.businessObject;
      modeling.updateModdleProperties(newRoot, newRoot.businessObject, { extensionElements: container });
      if (newRoot.businessObject.id) editor.markChanged([newRoot.businessObject.id]);
    });
    eventBus.on('commandStack.changed', () => {
      this.before = undefined;
    });
  }
}

import CommandInterceptor from 'diagram-js/lib/command/CommandInterceptor';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type { ModdleElement } from '../../../../model/moddle-types';
import type ValueChainEditor from '../ValueChainEditor';

/**
 * Invariant: deleting an element removes its value-chain data, and undo brings it
 * back. The data lives in the element's own business object, which bpmn-js takes out
 * of the model on delete and puts back (the same object) on undo, so nothing has to
 * be copied; this behaviour makes the change visible by reporting the deleted or
 * restored elements that carry ml: data in `valueChain.changed`, so tables and
 * markers drop or show them again.
 */
export default class DeleteValueChainBehavior extends CommandInterceptor {
  static override $inject = ['eventBus', 'valueChainEditor'];

  constructor(eventBus: EventBus, editor: ValueChainEditor) {
    super(eventBus);
    const report = (event: { context: { shape?: { businessObject?: ModdleElement }; connection?: { businessObject?: ModdleElement } } }) => {
      const bo = (event.context.shape ?? event.context.connection)?.businessObject;
      if (bo?.id && hasValueChainData(bo)) editor.markChanged([bo.id]);
    };
    this.executed(['shape.delete', 'connection.delete'], report);
    this.reverted(['shape.delete', 'connection.delete'], report);
  }
}

/** True when a business object carries any ml: extension element. */
export function hasValueChainData(bo: ModdleElement): boolean {
  const values = bo.extensionElements?.values as ModdleElement[] | undefined;
  return !!values?.some((v) => typeof v.$type === 'string' && v.$type.startsWith('ml:'));
}

import CommandInterceptor from 'diagram-js/lib/command/CommandInterceptor';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type { ModdleElement } from '../../../../model/moddle-types';
import { roleRemovalEdits } from '../../../../model/value-chain/role-references';
import { UPDATE_COMMAND, type UpdateValueChainContext } from '../UpdateValueChainHandler';
import type ValueChainEditor from '../ValueChainEditor';

/**
 * Invariant: no value-chain data points at a role that is not in the catalogue.
 * When a command removes roles, the same command (so the same undo step) clears
 * their RACI assignments, the agreements' provider and receiver fields that name
 * them, and an owner that names them.
 */
export default class RemoveRoleBehavior extends CommandInterceptor {
  static override $inject = ['eventBus', 'valueChainEditor', 'bpmnjs'];

  constructor(eventBus: EventBus, editor: ValueChainEditor, bpmnjs: { getDefinitions(): ModdleElement }) {
    super(eventBus);
    this.postExecute(UPDATE_COMMAND, (event: { context: UpdateValueChainContext }) => {
      const removed = event.context.targets.flatMap((t) => t.edits.flatMap((e) => (e.kind === 'role.remove' ? [e.roleId] : [])));
      if (removed.length === 0) return;
      const definitions = bpmnjs.getDefinitions();
      const batch = removed.flatMap((roleId) => roleRemovalEdits(definitions, roleId));
      if (batch.length > 0) editor.updateMany(batch);
    });
  }
}

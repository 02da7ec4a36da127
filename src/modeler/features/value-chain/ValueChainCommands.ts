import type CommandStack from 'diagram-js/lib/command/CommandStack';
import UpdateValueChainHandler, { UPDATE_COMMAND } from './UpdateValueChainHandler';

/**
 * Registers the value-chain command family with the command stack, in one table as
 * bpmn-js's Modeling does: every edit of ml: data (Plan data, the value chain,
 * improvement actions and measurements, audit rule settings) is a `valueChain.update`.
 */
export default class ValueChainCommands {
  static $inject = ['commandStack'];

  constructor(commandStack: CommandStack) {
    for (const [id, handler] of Object.entries(ValueChainCommands.handlers())) commandStack.registerHandler(id, handler as never);
  }

  /** Command id → handler class. */
  static handlers(): Record<string, unknown> {
    return { [UPDATE_COMMAND]: UpdateValueChainHandler };
  }
}

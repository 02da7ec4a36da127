import type CommandStack from 'diagram-js/lib/command/CommandStack';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type { ModdleElement } from '../../../model/moddle-types';
import { ChangeLog } from '../value-chain/change-log';
import type { EditEnvironment } from '../value-chain/edits';
import type ValueChainEditor from '../value-chain/ValueChainEditor';
import { applyPdcaEdit, type PdcaEdit } from './pdca-edits';
import UpdatePdcaRecordsHandler, { PDCA_COMMAND, type UpdatePdcaRecordsContext } from './UpdatePdcaRecordsHandler';

interface BpmnJs {
  getDefinitions(): ModdleElement | undefined;
}

/**
 * Registers the `pdcaRecords.update` command and runs it for the two services of
 * this module. Its executions, undos and redos end in the value-chain editor's one
 * `valueChain.changed` event, so every panel that follows value-chain data sees
 * new actions and measurements without listening to a second event.
 */
export default class PdcaCommands {
  static $inject = ['eventBus', 'commandStack', 'valueChainEditor', 'moddle', 'bpmnjs'];

  constructor(
    eventBus: EventBus,
    private readonly commandStack: CommandStack,
    valueChainEditor: ValueChainEditor,
    private readonly moddle: EditEnvironment['moddle'],
    private readonly bpmnjs: BpmnJs
  ) {
    commandStack.registerHandler(PDCA_COMMAND, UpdatePdcaRecordsHandler as never);
    const collect = (event: { context: UpdatePdcaRecordsContext }) => valueChainEditor.markChanged(event.context.touched ?? []);
    eventBus.on(`commandStack.${PDCA_COMMAND}.executed`, collect);
    eventBus.on(`commandStack.${PDCA_COMMAND}.reverted`, collect);
  }

  /** Runs the edits as ONE undoable command; throws, without changing anything, when an edit is refused. */
  run(element: ModdleElement | null, edits: PdcaEdit[]): void {
    if (edits.length === 0) return;
    if (!this.dryRun(element, edits)) return;
    this.commandStack.execute(PDCA_COMMAND, { element, edits } satisfies UpdatePdcaRecordsContext);
  }

  /** The open model's definitions; throws when no model is open. */
  definitions(): ModdleElement {
    const definitions = this.bpmnjs.getDefinitions();
    if (!definitions) throw new Error('No model is open.');
    return definitions;
  }

  /** Applies the edits and reverts them at once, so a refused edit throws before the command stack is touched; true when they change something. */
  private dryRun(element: ModdleElement | null, edits: PdcaEdit[]): boolean {
    const log = new ChangeLog();
    try {
      const env: EditEnvironment = { moddle: this.moddle, definitions: this.definitions(), log, touched: new Set() };
      for (const edit of edits) applyPdcaEdit(env, element ?? undefined, edit);
    } finally {
      log.revert();
    }
    return !log.empty;
  }
}

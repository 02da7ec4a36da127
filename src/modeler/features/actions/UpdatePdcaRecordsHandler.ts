import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { ModdleElement } from '../../../model/moddle-types';
import type { ChangeLog } from '../value-chain/change-log';
import { recordEdits, type EditEnvironment } from '../value-chain/edits';
import { applyPdcaEdit, type PdcaEdit } from './pdca-edits';

/** The command id of every improvement-action and measurement edit. */
export const PDCA_COMMAND = 'pdcaRecords.update';

/** The context of a `pdcaRecords.update` command; `log` and `touched` are filled on execution. */
export interface UpdatePdcaRecordsContext {
  /** The activity a measurement edit is for (its business object); null for action edits. */
  element: ModdleElement | null;
  edits: PdcaEdit[];
  log?: ChangeLog;
  /** Ids of the BPMN elements whose value-chain data the command changed. */
  touched?: string[];
}

interface BpmnJs {
  getDefinitions(): ModdleElement;
}

/**
 * Applies a batch of action or measurement edits as one undoable command. The first
 * execution records every property it changes; redo replays that record and undo
 * reverts it, so a new action keeps its identity across undo and redo.
 */
export default class UpdatePdcaRecordsHandler {
  static $inject = ['bpmnjs', 'moddle', 'elementRegistry'];

  constructor(
    private readonly bpmnjs: BpmnJs,
    private readonly moddle: EditEnvironment['moddle'],
    private readonly elementRegistry: ElementRegistry
  ) {}

  execute(context: UpdatePdcaRecordsContext): unknown[] {
    if (!context.log) {
      const recorded = recordEdits(this.moddle, this.bpmnjs.getDefinitions(), [], (env) => {
        for (const edit of context.edits) applyPdcaEdit(env, context.element ?? undefined, edit);
      });
      context.log = recorded.log;
      context.touched = recorded.touched;
    } else {
      context.log.replay();
    }
    return this.changedShapes(context);
  }

  revert(context: UpdatePdcaRecordsContext): unknown[] {
    context.log?.revert();
    return this.changedShapes(context);
  }

  private changedShapes(context: UpdatePdcaRecordsContext): unknown[] {
    return (context.touched ?? []).map((id) => this.elementRegistry.get(id)).filter((shape) => !!shape);
  }
}

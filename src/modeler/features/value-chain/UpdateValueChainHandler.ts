import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { ModdleElement } from '../../../model/moddle-types';
import type { ChangeLog } from './change-log';
import { applyEdit, recordEdits, type EditEnvironment, type ValueChainEdit } from './edits';

/** The command id of every value-chain edit. */
export const UPDATE_COMMAND = 'valueChain.update';

/** One element's share of a batch: its business object (null for value-chain-only edits) and its edits. */
export interface EditTarget {
  element: ModdleElement | null;
  edits: ValueChainEdit[];
}

/** The context of a `valueChain.update` command; `log` and `touched` are filled on execution. */
export interface UpdateValueChainContext {
  targets: EditTarget[];
  log?: ChangeLog;
  /** Ids of the BPMN elements whose value-chain data the command changed. */
  touched?: string[];
}

interface Modeling {
  updateLabel(element: unknown, text: string | null): void;
}

interface BpmnJs {
  getDefinitions(): ModdleElement;
}

/**
 * Applies a batch of value-chain edits as one undoable command. The first execution
 * applies the edits one after another and records every property it changes; redo
 * replays that record and undo reverts it, so new elements (KPIs, roles) keep their
 * identity across undo and redo. Names of elements that have a label go through
 * bpmn-js's own label command (nested, so still one undo step), which also creates
 * or removes external labels.
 */
export default class UpdateValueChainHandler {
  static $inject = ['bpmnjs', 'moddle', 'elementRegistry', 'modeling'];

  constructor(
    private readonly bpmnjs: BpmnJs,
    private readonly moddle: EditEnvironment['moddle'],
    private readonly elementRegistry: ElementRegistry,
    private readonly modeling: Modeling
  ) {}

  preExecute(context: UpdateValueChainContext): void {
    const touched = new Set<string>();
    context.targets = context.targets.map((target) => {
      const shape = target.element?.id ? this.elementRegistry.get(target.element.id) : undefined;
      if (!shape || !hasLabel(shape) || !target.edits.some((e) => e.kind === 'name')) return target;
      for (const edit of target.edits) {
        if (edit.kind === 'name') this.modeling.updateLabel(shape, edit.value?.trim() ? edit.value : null);
      }
      touched.add(target.element!.id!);
      return { element: target.element, edits: target.edits.filter((e) => e.kind !== 'name') };
    });
    context.touched = [...touched];
  }

  execute(context: UpdateValueChainContext): unknown[] {
    if (!context.log) {
      const recorded = recordEdits(this.moddle, this.bpmnjs.getDefinitions(), context.touched ?? [], (env) => {
        for (const target of context.targets) {
          for (const edit of target.edits) applyEdit(env, target.element ?? undefined, edit);
        }
      });
      context.log = recorded.log;
      context.touched = recorded.touched;
    } else {
      context.log.replay();
    }
    return NO_SHAPE_CHANGED;
  }

  revert(context: UpdateValueChainContext): unknown[] {
    context.log?.revert();
    return NO_SHAPE_CHANGED;
  }
}

/**
 * Value-chain data does not change how bpmn-js draws a shape, so no shape is marked
 * changed: a changed shape makes diagram-js redraw it and re-check the order of all
 * its siblings (a pool's thousand children), and close the context pad. Listeners
 * learn about the change from `valueChain.changed`; a name change comes with
 * bpmn-js's own label command, which marks its shapes itself.
 */
const NO_SHAPE_CHANGED: unknown[] = [];

/** Elements whose name bpmn-js shows as a label (flow elements, pools, lanes, message flows), but not the diagram root. */
function hasLabel(shape: { parent?: unknown; type?: string; businessObject?: ModdleElement }): boolean {
  const bo = shape.businessObject;
  if (!shape.parent || shape.type === 'label' || !bo?.$instanceOf) return false;
  return ['bpmn:FlowElement', 'bpmn:Participant', 'bpmn:Lane', 'bpmn:MessageFlow'].some((t) => bo.$instanceOf(t));
}

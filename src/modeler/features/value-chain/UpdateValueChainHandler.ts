import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { ModdleElement } from '../../../model/moddle-types';
import { planEdits, type EditPlan, type EditTarget, type ElementFactory } from '../../../model/value-chain/edit';

/** The command id of every value-chain edit: Plan data, the value chain, PDCA records and rule settings. */
export const UPDATE_COMMAND = 'valueChain.update';

export type { EditTarget };

/** The context of a `valueChain.update` command; `plan` and `touched` are filled on execution. */
export interface UpdateValueChainContext {
  targets: EditTarget[];
  plan?: EditPlan;
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
 * plans the edits (src/model/value-chain/edit.ts) and applies the plan; redo applies
 * the same plan again and undo reverts it, so new elements (KPIs, roles, actions)
 * keep their identity across undo and redo. Names of elements that have a label go
 * through bpmn-js's own label command (nested, so still one undo step), which also
 * creates or removes external labels.
 */
export default class UpdateValueChainHandler {
  static $inject = ['bpmnjs', 'moddle', 'elementRegistry', 'modeling'];

  constructor(
    private readonly bpmnjs: BpmnJs,
    private readonly moddle: ElementFactory,
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
    if (!context.plan) {
      context.plan = planEdits(this.moddle, this.bpmnjs.getDefinitions(), context.targets, context.touched ?? []);
      context.touched = context.plan.touched;
    }
    context.plan.log.apply();
    return NO_SHAPE_CHANGED;
  }

  revert(context: UpdateValueChainContext): unknown[] {
    context.plan?.log.revert();
    return NO_SHAPE_CHANGED;
  }
}

/**
 * Value-chain data does not change how bpmn-js draws a shape, so the command marks
 * no shape changed: a changed shape makes diagram-js redraw it and re-check the
 * order of all its siblings (a pool's thousand children), and close the context
 * pad. Listeners learn about the change from `valueChain.changed`; a name change
 * comes with bpmn-js's own label command, which marks the shapes it changed itself.
 */
const NO_SHAPE_CHANGED: unknown[] = [];

/** Elements whose name bpmn-js shows as a label (flow elements, pools, lanes, message flows), but not the diagram root. */
function hasLabel(shape: { parent?: unknown; type?: string; businessObject?: ModdleElement }): boolean {
  const instanceOf = shape.businessObject?.$instanceOf?.bind(shape.businessObject);
  if (!shape.parent || shape.type === 'label' || !instanceOf) return false;
  return ['bpmn:FlowElement', 'bpmn:Participant', 'bpmn:Lane', 'bpmn:MessageFlow'].some((t) => instanceOf(t));
}

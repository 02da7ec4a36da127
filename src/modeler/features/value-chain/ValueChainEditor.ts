import type CommandStack from 'diagram-js/lib/command/CommandStack';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type { ModdleElement } from '../../../model/moddle-types';
import type { Responsibility } from '../../../model/value-chain/schema';
import { findValueChain } from '../../../model/value-chain/locate';
import {
  planEdits,
  type AgreementEdits,
  type CustomerPromiseEdits,
  type DepartmentEdits,
  type DurationEdits,
  type ExemptionEdits,
  type KpiEdits,
  type ResourcesEdits,
  type RoleEdits,
  type SimulationEdits,
  type StepEdits,
  type ValueChainEdit,
  type ValueChainEdits,
  type RuleSettingChange,
  type ElementFactory
} from '../../../model/value-chain/edit';
import { UPDATE_COMMAND, type EditTarget, type UpdateValueChainContext } from './UpdateValueChainHandler';

/** What the editor accepts as "the element": a diagram element, a BPMN business object, or an element id. */
export type ElementLike = string | { businessObject: ModdleElement } | ModdleElement;

/** Payload of the `valueChain.changed` event. */
export interface ValueChainChangedEvent {
  /** Ids of the BPMN elements whose value-chain data changed (the value chain's carrier for catalogue edits). */
  elementIds: string[];
  /** What caused it; after `import` every element may have changed and `elementIds` is empty. */
  trigger: 'execute' | 'undo' | 'redo' | 'import';
}

/** The name of the event fired after value-chain data changed (execute, undo, redo, import). */
export const VALUE_CHAIN_CHANGED = 'valueChain.changed';

interface BpmnJs {
  getDefinitions(): ModdleElement | undefined;
}

interface Ids {
  nextPrefixed(prefix: string, element?: unknown): string;
  assigned(id: string): unknown;
}

/**
 * The one way to change value-chain data in the modeler (Plan data, the value
 * chain, PDCA records, audit rule settings). Every method runs one
 * `valueChain.update` command, so undo and redo cover it and a batch undoes in one
 * step; every execution, undo and redo ends with one `valueChain.changed` event that
 * names the elements whose data changed. Values are stored as given (as text); the
 * caller validates first (see edit-check.ts), so that invalid input never reaches the
 * model while invalid data read from a file stays untouched until someone fixes it.
 */
export default class ValueChainEditor {
  static $inject = ['eventBus', 'commandStack', 'elementRegistry', 'moddle', 'bpmnjs'];

  private pending = new Set<string>();

  constructor(
    private readonly eventBus: EventBus,
    private readonly commandStack: CommandStack,
    private readonly elementRegistry: ElementRegistry,
    private readonly moddle: ElementFactory & { ids?: Ids },
    private readonly bpmnjs: BpmnJs
  ) {
    const collect = (event: { context: UpdateValueChainContext }) => {
      for (const id of event.context.touched ?? []) this.pending.add(id);
    };
    eventBus.on(`commandStack.${UPDATE_COMMAND}.executed`, collect);
    eventBus.on(`commandStack.${UPDATE_COMMAND}.reverted`, collect);
    eventBus.on('commandStack.changed', (event: { trigger: ValueChainChangedEvent['trigger'] | 'clear' | null }) => {
      if (this.pending.size === 0 || event.trigger === 'clear' || !event.trigger) return;
      const elementIds = [...this.pending];
      this.pending.clear();
      this.eventBus.fire(VALUE_CHAIN_CHANGED, { elementIds, trigger: event.trigger } satisfies ValueChainChangedEvent);
    });
    eventBus.on('import.done', () => {
      this.pending.clear();
      this.eventBus.fire(VALUE_CHAIN_CHANGED, { elementIds: [], trigger: 'import' } satisfies ValueChainChangedEvent);
    });
  }

  // ---- batches -----------------------------------------------------------------------------

  /**
   * Applies `edits` to one element as ONE undoable command. Value-chain edits
   * (`valueChain`, `customerPromise`, `role.*`) may be mixed in and go to the
   * process's value chain; pass null as element for a batch of only those.
   * Throws, without changing anything, when an edit refers to a missing KPI or role
   * or puts step data on an element that is no activity. A batch that would change
   * nothing executes no command.
   */
  update(element: ElementLike | null, edits: ValueChainEdit[]): void {
    this.updateMany([{ element, edits }]);
  }

  /** Applies edits to several elements as ONE undoable command (e.g. a table column, or related flows). */
  updateMany(batch: Array<{ element: ElementLike | null; edits: ValueChainEdit[] }>): void {
    const targets: EditTarget[] = batch
      .filter((b) => b.edits.length > 0)
      .map((b) => ({ element: b.element === null ? null : this.businessObject(b.element), edits: b.edits }));
    if (targets.length === 0) return;
    // Planned first, without touching the model: a refused edit throws before the
    // command stack is involved, and a batch that changes nothing leaves no empty undo step.
    if (this.plan(targets).log.empty) return;
    this.commandStack.execute(UPDATE_COMMAND, { targets } satisfies UpdateValueChainContext);
  }

  /** Marks elements as changed for the next `valueChain.changed` event (used by behaviours that react to other commands). */
  markChanged(elementIds: Iterable<string>): void {
    for (const id of elementIds) this.pending.add(id);
  }

  // ---- element data ------------------------------------------------------------------------

  /** Renames an element (its label follows); an empty name removes it. */
  setName(element: ElementLike, name: string): void {
    this.update(element, [{ kind: 'name', value: name }]);
  }

  /** Sets the element's documentation text (its first bpmn:documentation); empty removes it. */
  setDocumentation(element: ElementLike, text: string): void {
    this.update(element, [{ kind: 'documentation', value: text }]);
  }

  /** Sets an activity's activity group and/or level. */
  setStep(element: ElementLike, attrs: StepEdits): void {
    this.update(element, [{ kind: 'step', attrs }]);
  }

  /** Adds a performance measure to an activity and returns its new id. */
  addKpi(element: ElementLike, attrs: KpiEdits = {}): string {
    const id = this.freshId('Kpi');
    this.update(element, [{ kind: 'kpi.add', id, attrs }]);
    return id;
  }

  /** Changes fields of one performance measure of an activity. */
  updateKpi(element: ElementLike, kpiId: string, attrs: KpiEdits): void {
    this.update(element, [{ kind: 'kpi.update', kpiId, attrs }]);
  }

  /** Removes a performance measure (with its measurement history) from an activity. */
  removeKpi(element: ElementLike, kpiId: string): void {
    this.update(element, [{ kind: 'kpi.remove', kpiId }]);
  }

  /** Sets one RACI cell: the role's responsibility on this activity, or null to clear it. */
  setAssignment(element: ElementLike, roleId: string, responsibility: Responsibility | null): void {
    this.update(element, [{ kind: 'assignment', roleId, responsibility }]);
  }

  /** Sets an activity's planned/realised budget and hours, currency and budget group. */
  setResources(element: ElementLike, attrs: ResourcesEdits): void {
    this.update(element, [{ kind: 'resources', attrs }]);
  }

  /** Sets an activity's planned duration (fixed or min/most likely/max) and realised average, as ISO 8601 durations. */
  setDuration(element: ElementLike, attrs: DurationEdits): void {
    this.update(element, [{ kind: 'duration', attrs }]);
  }

  /** Sets the department of a lane or pool: kind (department or customer), name, head. */
  setDepartment(element: ElementLike, attrs: DepartmentEdits): void {
    this.update(element, [{ kind: 'department', attrs }]);
  }

  /** Records or changes the agreement on a flow (an empty object records an empty draft); null removes it. */
  setAgreement(flow: ElementLike, attrs: AgreementEdits | null): void {
    this.update(flow, [{ kind: 'agreement', attrs }]);
  }

  /** Sets simulation inputs: probability, repeat probability, arrival interval, delay. */
  setSimulation(element: ElementLike, attrs: SimulationEdits): void {
    this.update(element, [{ kind: 'simulation', attrs }]);
  }

  /** Exempts an element from an audit rule with a reason (and optionally by whom, when); null lifts the exemption. */
  setExemption(element: ElementLike, rule: string, reason: string | null, details: Omit<ExemptionEdits, 'reason'> = {}): void {
    this.update(element, [{ kind: 'exemption', rule, attrs: reason === null || !reason.trim() ? null : { ...details, reason } }]);
  }

  // ---- the process's value chain --------------------------------------------------------------

  /** Sets the value chain's owner and value proposition. */
  setValueChain(attrs: ValueChainEdits): void {
    this.update(null, [{ kind: 'valueChain', attrs }]);
  }

  /** Sets the customer promise (text, and optionally measure, target, unit, workingDays); null removes it. */
  setCustomerPromise(attrs: CustomerPromiseEdits | null): void {
    this.update(null, [{ kind: 'customerPromise', attrs }]);
  }

  /** Adds a role to the catalogue and returns its new id. */
  addRole(attrs: RoleEdits = {}): string {
    const id = this.freshId('Role');
    this.update(null, [{ kind: 'role.add', id, attrs }]);
    return id;
  }

  /** Changes a role's name, department or person. */
  updateRole(roleId: string, attrs: RoleEdits): void {
    this.update(null, [{ kind: 'role.update', roleId, attrs }]);
  }

  /**
   * Removes a role from the catalogue. In the same undo step every reference to it
   * goes too (RemoveRoleBehavior): its RACI assignments are removed, agreements that
   * name it as provider or receiver lose that field, and an owner naming it is cleared.
   */
  removeRole(roleId: string): void {
    this.update(null, [{ kind: 'role.remove', roleId }]);
  }

  /** Changes audit rule settings (enabled, severity, tolerance) in the value chain; null fields go back to the rule's default. */
  setRuleSettings(changes: RuleSettingChange[]): void {
    this.update(null, changes.map((change) => ({ kind: 'ruleSetting', change }) satisfies ValueChainEdit));
  }

  // ---- reading helpers -------------------------------------------------------------------------

  /** The ml:ValueChain holding owner, promise and roles (collaboration first, else a process), if any. */
  getValueChain(): ModdleElement | undefined {
    const definitions = this.bpmnjs.getDefinitions();
    return definitions ? findValueChain(definitions) : undefined;
  }

  /** A fresh id for a new KPI or role, unique in the open model (bpmn-js's id registry). */
  freshId(kind: 'Kpi' | 'Role'): string {
    const ids = this.moddle.ids;
    if (!ids) throw new Error('The modeler has no id registry; is this a bpmn-js Modeler?');
    return ids.nextPrefixed(`${kind}_`);
  }

  private businessObject(element: ElementLike): ModdleElement {
    if (typeof element === 'string') {
      const shape = this.elementRegistry.get(element) as { businessObject: ModdleElement } | undefined;
      const bo = shape?.businessObject ?? this.findInDefinitions(element);
      if (!bo) throw new Error(`There is no element "${element}" in the model.`);
      return bo;
    }
    return 'businessObject' in element && element.businessObject ? (element.businessObject as ModdleElement) : (element as ModdleElement);
  }

  private findInDefinitions(id: string): ModdleElement | undefined {
    const found = this.moddle.ids?.assigned(id);
    return found && typeof found === 'object' && '$type' in found ? (found as ModdleElement) : undefined;
  }

  /** Plans the batch on the open model without changing it. */
  private plan(targets: EditTarget[]) {
    const definitions = this.bpmnjs.getDefinitions();
    if (!definitions) throw new Error('No model is open.');
    return planEdits(this.moddle, definitions, targets);
  }
}

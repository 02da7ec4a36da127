import type { ModdleElement } from '../moddle-types';
import { ChangeLog } from './change-log';
import type { MlType } from './extension';
import { carrierOf, extensionOf, findValueChain, listOf, valueChainHost } from './locate';
import { attributeNames, type MlAttributes, type MlElementType, type Responsibility } from './schema';

/*
 * Every change of value-chain data as an edit, and how each one changes the moddle
 * tree: the Plan data of a step or flow, the process-wide value chain, the Check and
 * Act records of Plan–Do–Check–Act (measurements, improvement actions) and the audit
 * rule settings. Edits are planned on a ChangeLog without touching the model (a
 * refused edit throws before anything changes; a batch that changes nothing is seen
 * to be empty); the modeler's command applies the plan, undo reverts it. Plain moddle
 * elements only: no canvas, no DOM.
 */

/** A field value as callers pass it: text or a number; '', null and undefined remove the attribute. */
export type EditValue = string | number | boolean | null | undefined;

/** Attribute changes for one ml: type: keys present are written, keys absent are left alone. */
export type AttrEdits<T extends MlElementType> = { [K in Exclude<keyof MlAttributes<T>, 'id'> & string]?: EditValue };

export type StepEdits = AttrEdits<'ml:Step'>;
export type KpiEdits = AttrEdits<'ml:Kpi'>;
export type ResourcesEdits = AttrEdits<'ml:Resources'>;
export type DurationEdits = AttrEdits<'ml:Duration'>;
export type DepartmentEdits = AttrEdits<'ml:Department'>;
export type AgreementEdits = AttrEdits<'ml:Agreement'>;
export type SimulationEdits = AttrEdits<'ml:Simulation'>;
export type ValueChainEdits = AttrEdits<'ml:ValueChain'>;
export type CustomerPromiseEdits = AttrEdits<'ml:CustomerPromise'>;
export type RoleEdits = AttrEdits<'ml:Role'>;
export type ExemptionEdits = Omit<AttrEdits<'ml:Exemption'>, 'rule'>;
/** Attribute changes of an improvement action; the id is given on creation only. */
export type ActionEdits = AttrEdits<'ml:Action'>;
/** Attributes of a new measurement. */
export type MeasurementEdits = AttrEdits<'ml:Measurement'>;

/** One rule's new setting; a field left out stays as it is, null removes it (back to the rule's default). */
export interface RuleSettingChange {
  rule: string;
  enabled?: boolean | null;
  severity?: string | null;
  tolerance?: number | string | null;
}

/**
 * One change of value-chain data. Element edits apply to the element the batch is
 * for; the kinds in VALUE_CHAIN_KINDS apply to the process's value chain (the
 * ml:ValueChain of the collaboration, else of a process), whatever the element.
 */
export type ValueChainEdit =
  | { kind: 'name'; value: string | null }
  | { kind: 'documentation'; value: string | null }
  | { kind: 'step'; attrs: StepEdits }
  | { kind: 'kpi.add'; id: string; attrs: KpiEdits }
  | { kind: 'kpi.update'; kpiId: string; attrs: KpiEdits }
  | { kind: 'kpi.remove'; kpiId: string }
  | { kind: 'measurement.add'; kpiId: string; attrs: MeasurementEdits }
  | { kind: 'measurement.remove'; kpiId: string; index: number }
  | { kind: 'assignment'; roleId: string; responsibility: Responsibility | null }
  | { kind: 'resources'; attrs: ResourcesEdits }
  | { kind: 'duration'; attrs: DurationEdits }
  | { kind: 'department'; attrs: DepartmentEdits }
  | { kind: 'agreement'; attrs: AgreementEdits | null }
  | { kind: 'simulation'; attrs: SimulationEdits }
  | { kind: 'exemption'; rule: string; attrs: ExemptionEdits | null }
  | { kind: 'valueChain'; attrs: ValueChainEdits }
  | { kind: 'customerPromise'; attrs: CustomerPromiseEdits | null }
  | { kind: 'role.add'; id: string; attrs: RoleEdits }
  | { kind: 'role.update'; roleId: string; attrs: RoleEdits }
  | { kind: 'role.remove'; roleId: string }
  | { kind: 'action.add'; id: string; attrs: ActionEdits }
  | { kind: 'action.update'; actionId: string; attrs: ActionEdits }
  | { kind: 'action.remove'; actionId: string }
  | { kind: 'ruleSetting'; change: RuleSettingChange };

type ChainEdit = Extract<
  ValueChainEdit,
  {
    kind:
      | 'valueChain'
      | 'customerPromise'
      | 'role.add'
      | 'role.update'
      | 'role.remove'
      | 'action.add'
      | 'action.update'
      | 'action.remove'
      | 'ruleSetting';
  }
>;

/** Edit kinds that change the process-wide value chain rather than the element they are sent with. */
export const VALUE_CHAIN_KINDS: ReadonlySet<ValueChainEdit['kind']> = new Set<ChainEdit['kind']>([
  'valueChain',
  'customerPromise',
  'role.add',
  'role.update',
  'role.remove',
  'action.add',
  'action.update',
  'action.remove',
  'ruleSetting'
]);

/** Creates moddle elements (bpmn-moddle's `create`). */
export interface ElementFactory {
  create(type: string, attrs?: Record<string, unknown>): ModdleElement;
}

/** What edits need: a moddle to create elements with, the definitions, and the change log they are planned on. */
export interface EditEnvironment {
  moddle: ElementFactory;
  definitions: ModdleElement;
  log: ChangeLog;
  /** Collects the ids of the BPMN elements whose value-chain data changed. */
  touched: Set<string>;
}

/** One element's share of a batch: its business object (null for value-chain-only edits) and its edits. */
export interface EditTarget {
  element: ModdleElement | null;
  edits: ValueChainEdit[];
}

/** A planned batch: the changes to apply and the ids of the BPMN elements whose data they change. */
export interface EditPlan {
  log: ChangeLog;
  touched: string[];
}

/**
 * Plans a batch of edits without changing the model: the log holds every property
 * change (apply it to execute and redo, revert it to undo). Throws when an edit is
 * refused (unknown KPI, role or action, step data on a non-activity, editing an id);
 * nothing has changed then.
 */
export function planEdits(
  moddle: ElementFactory,
  definitions: ModdleElement,
  targets: readonly EditTarget[],
  touchedBefore: Iterable<string> = []
): EditPlan {
  const env: EditEnvironment = { moddle, definitions, log: new ChangeLog(), touched: new Set(touchedBefore) };
  for (const target of targets) for (const edit of target.edits) applyEdit(env, target.element ?? undefined, edit);
  return { log: env.log, touched: [...env.touched] };
}

/** Plans one edit on `host` (a BPMN business object; ignored by value-chain edits) in the environment's log. */
export function applyEdit(env: EditEnvironment, host: ModdleElement | undefined, edit: ValueChainEdit): void {
  if (isChainEdit(edit)) return applyValueChainEdit(env, edit);
  if (!host) throw new Error(`The edit "${edit.kind}" needs an element.`);
  if (host.id) env.touched.add(host.id);
  switch (edit.kind) {
    case 'name':
      return env.log.set(host, 'name', toStoredValue(edit.value));
    case 'documentation':
      return setDocumentation(env, host, edit.value);
    case 'step':
      return withStep(env, host, (step) => setAttributes(env, step, 'ml:Step', edit.attrs));
    case 'kpi.add':
      return withStep(env, host, (step) => {
        const kpi = create(env, 'ml:Kpi', { id: edit.id });
        setAttributes(env, kpi, 'ml:Kpi', edit.attrs);
        env.log.set(step, 'kpis', [...list(env, step, 'kpis'), kpi]);
      });
    case 'kpi.update':
      return withStep(env, host, (step) => setAttributes(env, findKpi(env, step, edit.kpiId, host), 'ml:Kpi', edit.attrs));
    case 'kpi.remove':
      return withStep(env, host, (step) => {
        const kpi = findKpi(env, step, edit.kpiId, host);
        env.log.set(step, 'kpis', listOrUndefined(list(env, step, 'kpis').filter((k) => k !== kpi)));
      });
    case 'measurement.add': {
      const kpi = findKpi(env, stepOf(env, host, edit.kpiId), edit.kpiId, host);
      const measurement = create(env, 'ml:Measurement', {});
      setAttributes(env, measurement, 'ml:Measurement', edit.attrs);
      return env.log.set(kpi, 'measurements', [...list(env, kpi, 'measurements'), measurement]);
    }
    case 'measurement.remove': {
      const kpi = findKpi(env, stepOf(env, host, edit.kpiId), edit.kpiId, host);
      const measurements = list(env, kpi, 'measurements');
      if (!measurements[edit.index]) throw new Error(`The KPI "${edit.kpiId}" has no measurement number ${edit.index + 1}.`);
      return env.log.set(kpi, 'measurements', listOrUndefined(measurements.filter((_, i) => i !== edit.index)));
    }
    case 'assignment':
      return withStep(env, host, (step) => setAssignment(env, step, edit.roleId, edit.responsibility));
    case 'resources':
      return withStep(env, host, (step) =>
        withChild(env, step, 'resources', 'ml:Resources', (r) => setAttributes(env, r, 'ml:Resources', edit.attrs))
      );
    case 'duration':
      return withStep(env, host, (step) =>
        withChild(env, step, 'duration', 'ml:Duration', (d) => setAttributes(env, d, 'ml:Duration', edit.attrs))
      );
    case 'department':
      return withExtension(env, host, 'ml:Department', (d) => setAttributes(env, d, 'ml:Department', edit.attrs));
    case 'agreement':
      if (edit.attrs === null) return removeExtensions(env, host, (v) => v.$type === 'ml:Agreement');
      return withExtension(env, host, 'ml:Agreement', (a) => setAttributes(env, a, 'ml:Agreement', edit.attrs!), { keepEmpty: true });
    case 'simulation':
      return withExtension(env, host, 'ml:Simulation', (s) => setAttributes(env, s, 'ml:Simulation', edit.attrs));
    case 'exemption':
      return setExemption(env, host, edit.rule, edit.attrs);
  }
}

function isChainEdit(edit: ValueChainEdit): edit is ChainEdit {
  return VALUE_CHAIN_KINDS.has(edit.kind);
}

// ---- value chain -----------------------------------------------------------------------

function applyValueChainEdit(env: EditEnvironment, edit: ChainEdit): void {
  const existing = findValueChain(env.definitions, env.log.read);
  const carrier = existing ? carrierOf(existing, env.log.read) : valueChainHost(env.definitions);
  if (!carrier) throw new Error('The model has no collaboration or process to hold the value chain.');
  if (carrier.id) env.touched.add(carrier.id);
  withExtension(env, carrier, 'ml:ValueChain', (vc) => {
    switch (edit.kind) {
      case 'valueChain':
        return setAttributes(env, vc, 'ml:ValueChain', edit.attrs);
      case 'customerPromise':
        if (edit.attrs === null) return env.log.set(vc, 'customerPromise', undefined);
        return withChild(env, vc, 'customerPromise', 'ml:CustomerPromise', (p) => setAttributes(env, p, 'ml:CustomerPromise', edit.attrs!));
      case 'role.add':
        return addWithId(env, vc, 'roles', 'ml:Role', edit.id, edit.attrs, 'role catalogue', 'role');
      case 'role.update':
        return setAttributes(env, findById(env, vc, 'roles', edit.roleId, 'role catalogue', 'role'), 'ml:Role', edit.attrs);
      case 'role.remove':
        return removeById(env, vc, 'roles', edit.roleId, 'role catalogue', 'role');
      case 'action.add':
        return addWithId(env, vc, 'actions', 'ml:Action', edit.id, edit.attrs, 'value chain', 'action');
      case 'action.update':
        return setAttributes(env, findById(env, vc, 'actions', edit.actionId, 'value chain', 'action'), 'ml:Action', edit.attrs);
      case 'action.remove':
        return removeById(env, vc, 'actions', edit.actionId, 'value chain', 'action');
      case 'ruleSetting':
        return setRuleSetting(env, vc, edit.change);
    }
  });
}

function addWithId(
  env: EditEnvironment,
  vc: ModdleElement,
  property: string,
  type: 'ml:Role' | 'ml:Action',
  id: string,
  attrs: RoleEdits | ActionEdits,
  owner: string,
  what: string
): void {
  if (list(env, vc, property).some((e) => e.id === id)) throw new Error(`The ${owner} already has ${article(what)} ${what} "${id}".`);
  const element = create(env, type, { id });
  setAttributes(env, element, type, attrs);
  env.log.set(vc, property, [...list(env, vc, property), element]);
}

function findById(env: EditEnvironment, vc: ModdleElement, property: string, id: string, owner: string, what: string): ModdleElement {
  const found = list(env, vc, property).find((e) => e.id === id);
  if (!found) throw new Error(`The ${owner} has no ${what} "${id}".`);
  return found;
}

function removeById(env: EditEnvironment, vc: ModdleElement, property: string, id: string, owner: string, what: string): void {
  const found = findById(env, vc, property, id, owner, what);
  env.log.set(vc, property, listOrUndefined(list(env, vc, property).filter((e) => e !== found)));
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

/** One rule's setting; a setting left with nothing but its rule id is removed, so the rule is back on its defaults. */
function setRuleSetting(env: EditEnvironment, vc: ModdleElement, change: RuleSettingChange): void {
  const { rule, ...fields } = change;
  if (!rule) throw new Error('A rule setting needs a rule id.');
  let setting = list(env, vc, 'ruleSettings').find((s) => env.log.get(s, 'rule') === rule);
  if (!setting) {
    setting = create(env, 'ml:RuleSetting', { rule });
    env.log.set(vc, 'ruleSettings', [...list(env, vc, 'ruleSettings'), setting]);
  }
  for (const [name, value] of Object.entries(attributeUpdate('ml:RuleSetting', fields))) env.log.set(setting, name, value);
  const saysNothing =
    ['enabled', 'severity', 'tolerance'].every((name) => env.log.get(setting!, name) === undefined) && !hasForeignAttrs(setting);
  if (saysNothing) env.log.set(vc, 'ruleSettings', listOrUndefined(list(env, vc, 'ruleSettings').filter((s) => s !== setting)));
}

// ---- steps -----------------------------------------------------------------------------

function withStep(env: EditEnvironment, host: ModdleElement, edit: (step: ModdleElement) => void): void {
  if (!isActivity(host))
    throw new Error(
      `${host.$type} "${host.id}" is no activity; value-chain step data belongs on tasks, sub-processes and call activities.`
    );
  withExtension(env, host, 'ml:Step', edit);
}

/** The step holding a KPI that a measurement edit names; measurements never create a step. */
function stepOf(env: EditEnvironment, host: ModdleElement, kpiId: string): ModdleElement {
  const step = extensionOf(host, 'ml:Step', env.log.read);
  if (!step) throw new Error(`"${host.id}" has no performance measure "${kpiId}".`);
  return step;
}

function isActivity(bo: ModdleElement): boolean {
  return typeof bo.$instanceOf === 'function'
    ? bo.$instanceOf('bpmn:Activity')
    : /Task$|SubProcess$|^bpmn:CallActivity$|^bpmn:Transaction$/.test(bo.$type);
}

function findKpi(env: EditEnvironment, step: ModdleElement, kpiId: string, host: ModdleElement): ModdleElement {
  const kpi = list(env, step, 'kpis').find((k) => k.id === kpiId);
  if (!kpi) throw new Error(`"${host.id}" has no performance measure "${kpiId}".`);
  return kpi;
}

/** One RACI cell: a role has at most one responsibility per step; null clears the cell. */
function setAssignment(env: EditEnvironment, step: ModdleElement, roleId: string, responsibility: Responsibility | null): void {
  const assignments = list(env, step, 'assignments');
  const own = assignments.filter((a) => a.role === roleId);
  if (responsibility === null) {
    if (own.length) env.log.set(step, 'assignments', listOrUndefined(assignments.filter((a) => a.role !== roleId)));
    return;
  }
  if (own.length === 0) {
    env.log.set(step, 'assignments', [...assignments, create(env, 'ml:Assignment', { role: roleId, responsibility })]);
    return;
  }
  env.log.set(own[0]!, 'responsibility', responsibility);
  // Duplicates of the same role (possible in imported files) would contradict the cell.
  if (own.length > 1)
    env.log.set(
      step,
      'assignments',
      assignments.filter((a) => a.role !== roleId || a === own[0])
    );
}

// ---- other element data -----------------------------------------------------------------

function setDocumentation(env: EditEnvironment, host: ModdleElement, value: string | null): void {
  const docs = list(env, host, 'documentation');
  const text = toStoredValue(value);
  if (text === undefined) {
    if (docs.length) env.log.set(host, 'documentation', listOrUndefined(docs.slice(1)));
  } else if (docs[0]) {
    env.log.set(docs[0], 'text', text);
  } else {
    env.log.set(host, 'documentation', [create(env, 'bpmn:Documentation', { text })]);
  }
}

function setExemption(env: EditEnvironment, host: ModdleElement, rule: string, attrs: ExemptionEdits | null): void {
  if (attrs === null) return removeExtensions(env, host, (v) => v.$type === 'ml:Exemption' && v.rule === rule);
  const existing = extensionValues(env, host).find((e) => e.$type === 'ml:Exemption' && e.rule === rule);
  const exemption = existing ?? create(env, 'ml:Exemption', { rule });
  setAttributes(env, exemption, 'ml:Exemption', attrs);
  if (!existing) addExtension(env, host, exemption);
}

// ---- stored values ----------------------------------------------------------------------

/** A typed or textual value as it is stored: numbers and booleans become text, blank text becomes absent. */
export function toStoredValue(value: EditValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value.trim() === '' ? undefined : value;
}

/**
 * The attribute changes of an ml: element as stored strings, with `undefined` for
 * cleared fields so that they are removed. Fields the type does not know are refused.
 */
export function attributeUpdate(type: MlElementType, changes: Record<string, EditValue>): Record<string, string | undefined> {
  const known = new Set(attributeNames(type));
  const update: Record<string, string | undefined> = {};
  for (const [field, value] of Object.entries(changes)) {
    if (!known.has(field)) throw new Error(`${type} has no attribute "${field}".`);
    update[field] = toStoredValue(value);
  }
  return update;
}

// ---- generic helpers --------------------------------------------------------------------

function create(env: EditEnvironment, type: string, attrs: Record<string, unknown>): ModdleElement {
  const element = env.moddle.create(type, attrs);
  env.log.created(element);
  return element;
}

/** Writes attribute edits as stored strings; blank values remove the attribute. */
function setAttributes<T extends MlElementType>(env: EditEnvironment, element: ModdleElement, type: T, attrs: AttrEdits<T>): void {
  const update = attributeUpdate(type, attrs as Record<string, EditValue>);
  if ('id' in update) throw new Error(`The id of ${type} cannot be edited.`);
  for (const [name, value] of Object.entries(update)) env.log.set(element, name, value);
}

/**
 * Runs `edit` on the host's extension of `type`, creating it when missing, and
 * removes it again when the edit leaves it empty (so clearing every field leaves no
 * empty element behind), unless `keepEmpty` is set.
 */
function withExtension(
  env: EditEnvironment,
  host: ModdleElement,
  type: MlType,
  edit: (extension: ModdleElement) => void,
  options: { keepEmpty?: boolean } = {}
): void {
  let extension = extensionOf(host, type, env.log.read);
  if (!extension) {
    extension = create(env, type, {});
    addExtension(env, host, extension);
  }
  edit(extension);
  if (!options.keepEmpty && isEmpty(env, extension, type)) {
    removeExtensions(env, host, (v) => v === extension);
  }
}

/** Runs `edit` on a single child element (resources, duration, customer promise), created when missing, removed when left empty. */
function withChild(
  env: EditEnvironment,
  parent: ModdleElement,
  property: string,
  type: MlElementType,
  edit: (child: ModdleElement) => void
): void {
  let child = env.log.get(parent, property) as ModdleElement | undefined;
  if (!child) {
    child = create(env, type, {});
    env.log.set(parent, property, child);
  }
  edit(child);
  if (isEmpty(env, child, type)) env.log.set(parent, property, undefined);
}

function extensionValues(env: EditEnvironment, host: ModdleElement): ModdleElement[] {
  return list(env, env.log.get(host, 'extensionElements') as ModdleElement | undefined, 'values');
}

function addExtension(env: EditEnvironment, host: ModdleElement, extension: ModdleElement): void {
  let container = env.log.get(host, 'extensionElements') as ModdleElement | undefined;
  if (!container) {
    container = create(env, 'bpmn:ExtensionElements', {});
    env.log.set(host, 'extensionElements', container);
  }
  env.log.set(container, 'values', [...list(env, container, 'values'), extension]);
}

function removeExtensions(env: EditEnvironment, host: ModdleElement, match: (value: ModdleElement) => boolean): void {
  const container = env.log.get(host, 'extensionElements') as ModdleElement | undefined;
  const values = list(env, container, 'values');
  if (!container || !values.some(match)) return;
  const kept = values.filter((v) => !match(v));
  if (kept.length === 0 && !hasForeignAttrs(container)) env.log.set(host, 'extensionElements', undefined);
  else env.log.set(container, 'values', kept);
}

/** An ml: element with no attribute, no child and no foreign attribute says nothing and can go. */
function isEmpty(env: EditEnvironment, element: ModdleElement, type: MlElementType | MlType): boolean {
  if (hasForeignAttrs(element)) return false;
  if (attributeNames(type as MlElementType).some((name) => env.log.get(element, name) !== undefined && env.log.get(element, name) !== ''))
    return false;
  const descriptor = element.$descriptor as { properties?: Array<{ name: string; isAttr?: boolean }> } | undefined;
  for (const property of descriptor?.properties ?? []) {
    if (property.isAttr) continue;
    const value = env.log.get(element, property.name);
    if (Array.isArray(value) ? value.length > 0 : value !== undefined) return false;
  }
  return true;
}

function hasForeignAttrs(element: ModdleElement): boolean {
  return !!element.$attrs && Object.keys(element.$attrs).length > 0;
}

function list(env: EditEnvironment, element: ModdleElement | undefined, property: string): ModdleElement[] {
  return listOf(element, property, env.log.read);
}

function listOrUndefined(values: ModdleElement[]): ModdleElement[] | undefined {
  return values.length ? values : undefined;
}

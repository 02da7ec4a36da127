import type { ModdleElement } from '../../../model/moddle-types';
import { getExtension, getExtensions, type MlType } from '../../../model/value-chain/extension';
import { attributeNames, type MlAttributes, type MlElementType, type Responsibility } from '../../../model/value-chain/schema';
import { attributeUpdate, toStoredValue } from '../../../model/value-chain/read';
import { ChangeLog } from './change-log';

/*
 * The edits the value-chain editor understands, and how each one changes the moddle
 * tree. Everything here works on plain moddle elements (no canvas, no DOM), so the
 * command handler can run it in the browser and the tests can run it in node.
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
export type CapacityEdits = AttrEdits<'ml:Capacity'>;
export type PoolEdits = AttrEdits<'ml:Pool'>;
export type CalendarEdits = AttrEdits<'ml:Calendar'>;
export type ArrivalsEdits = AttrEdits<'ml:Arrivals'>;
export type WorkEdits = AttrEdits<'ml:Work'>;
export type ScenarioEdits = AttrEdits<'ml:Scenario'>;
export type PoolChangeEdits = AttrEdits<'ml:PoolChange'> & { pool: string };

/**
 * One change of value-chain data. Element edits apply to the element the batch is
 * for; `valueChain`, `customerPromise` and `role.*` apply to the process's value
 * chain (the ml:ValueChain of the collaboration, else of a process), whatever the element.
 */
export type ValueChainEdit =
  | { kind: 'name'; value: string | null }
  | { kind: 'documentation'; value: string | null }
  | { kind: 'step'; attrs: StepEdits }
  | { kind: 'kpi.add'; id: string; attrs: KpiEdits }
  | { kind: 'kpi.update'; kpiId: string; attrs: KpiEdits }
  | { kind: 'kpi.remove'; kpiId: string }
  | { kind: 'assignment'; roleId: string; responsibility: Responsibility | null }
  | { kind: 'resources'; attrs: ResourcesEdits }
  | { kind: 'duration'; attrs: DurationEdits }
  | { kind: 'department'; attrs: DepartmentEdits }
  | { kind: 'agreement'; attrs: AgreementEdits | null }
  | { kind: 'simulation'; attrs: SimulationEdits }
  | { kind: 'work'; attrs: WorkEdits }
  | { kind: 'exemption'; rule: string; attrs: ExemptionEdits | null }
  | { kind: 'valueChain'; attrs: ValueChainEdits }
  | { kind: 'customerPromise'; attrs: CustomerPromiseEdits | null }
  | { kind: 'role.add'; id: string; attrs: RoleEdits }
  | { kind: 'role.update'; roleId: string; attrs: RoleEdits }
  | { kind: 'role.remove'; roleId: string }
  | { kind: 'capacity'; attrs: CapacityEdits }
  | { kind: 'pool.add'; id: string; attrs: PoolEdits }
  | { kind: 'pool.update'; poolId: string; attrs: PoolEdits }
  | { kind: 'pool.people'; poolId: string; names: readonly string[] }
  | { kind: 'pool.remove'; poolId: string }
  | { kind: 'calendar.add'; id: string; attrs: CalendarEdits }
  | { kind: 'calendar.update'; calendarId: string; attrs: CalendarEdits }
  | { kind: 'calendar.remove'; calendarId: string }
  | { kind: 'arrivals'; attrs: ArrivalsEdits | null }
  | { kind: 'scenario.add'; id: string; attrs: ScenarioEdits; poolChanges: readonly PoolChangeEdits[] }
  | { kind: 'scenario.remove'; scenarioId: string };

/** Edit kinds that change the process-wide value chain rather than the element they are sent with. */
export const VALUE_CHAIN_KINDS: ReadonlySet<ValueChainEdit['kind']> = new Set([
  'valueChain',
  'customerPromise',
  'role.add',
  'role.update',
  'role.remove',
  'capacity',
  'pool.add',
  'pool.update',
  'pool.people',
  'pool.remove',
  'calendar.add',
  'calendar.update',
  'calendar.remove',
  'arrivals',
  'scenario.add',
  'scenario.remove'
]);

/** What edits need: a moddle to create elements with, the definitions, and the change log. */
export interface EditEnvironment {
  moddle: { create(type: string, attrs?: Record<string, unknown>): ModdleElement };
  definitions: ModdleElement;
  log: ChangeLog;
  /** Collects the ids of the BPMN elements whose value-chain data changed. */
  touched: Set<string>;
}

/**
 * Runs a batch of edits once and records it: the log replays and reverts the batch
 * for redo and undo. A refused edit reverts what the batch did so far (it must not
 * half-apply) and is thrown on.
 */
export function recordEdits(
  moddle: EditEnvironment['moddle'],
  definitions: ModdleElement,
  touchedBefore: Iterable<string>,
  apply: (env: EditEnvironment) => void
): { log: ChangeLog; touched: string[] } {
  const env: EditEnvironment = { moddle, definitions, log: new ChangeLog(), touched: new Set(touchedBefore) };
  try {
    apply(env);
  } catch (error) {
    env.log.revert();
    throw error;
  }
  return { log: env.log, touched: [...env.touched] };
}

/** Applies one edit to `host` (a BPMN business object; ignored by value-chain edits) and records it in the log. */
export function applyEdit(env: EditEnvironment, host: ModdleElement | undefined, edit: ValueChainEdit): void {
  if (VALUE_CHAIN_KINDS.has(edit.kind)) return applyValueChainEdit(env, edit);
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
        env.log.set(step, 'kpis', [...list(step, 'kpis'), kpi]);
      });
    case 'kpi.update':
      return withStep(env, host, (step) => setAttributes(env, findKpi(step, edit.kpiId, host), 'ml:Kpi', edit.attrs));
    case 'kpi.remove':
      return withStep(env, host, (step) => {
        const kpi = findKpi(step, edit.kpiId, host);
        env.log.set(step, 'kpis', listOrUndefined(list(step, 'kpis').filter((k) => k !== kpi)));
      });
    case 'assignment':
      return withStep(env, host, (step) => setAssignment(env, step, edit.roleId, edit.responsibility));
    case 'resources':
      return withStep(env, host, (step) => withChild(env, step, 'resources', 'ml:Resources', (r) => setAttributes(env, r, 'ml:Resources', edit.attrs)));
    case 'duration':
      return withStep(env, host, (step) => withChild(env, step, 'duration', 'ml:Duration', (d) => setAttributes(env, d, 'ml:Duration', edit.attrs)));
    case 'department':
      return withExtension(env, host, 'ml:Department', (d) => setAttributes(env, d, 'ml:Department', edit.attrs));
    case 'agreement':
      if (edit.attrs === null) return removeExtensions(env, host, (v) => v.$type === 'ml:Agreement');
      return withExtension(env, host, 'ml:Agreement', (a) => setAttributes(env, a, 'ml:Agreement', edit.attrs!), { keepEmpty: true });
    case 'simulation':
      return withExtension(env, host, 'ml:Simulation', (s) => setAttributes(env, s, 'ml:Simulation', edit.attrs));
    case 'work':
      return withStep(env, host, (step) => withChild(env, step, 'work', 'ml:Work', (w) => setAttributes(env, w, 'ml:Work', edit.attrs)));
    case 'exemption':
      return setExemption(env, host, edit.rule, edit.attrs);
  }
}

/** The ml:ValueChain that holds the process's owner, promise and roles: the collaboration's, else the first process's. */
export function findValueChain(definitions: ModdleElement): ModdleElement | undefined {
  const roots = (definitions.rootElements as ModdleElement[] | undefined) ?? [];
  for (const type of ['bpmn:Collaboration', 'bpmn:Process']) {
    for (const root of roots) {
      if (root.$type !== type) continue;
      const valueChain = getExtension(root, 'ml:ValueChain');
      if (valueChain) return valueChain;
    }
  }
  return undefined;
}

/** The element a new ml:ValueChain goes on: the collaboration shown in the main diagram, else its process. */
export function valueChainHost(definitions: ModdleElement): ModdleElement | undefined {
  const shown = (definitions.diagrams as ModdleElement[] | undefined)?.[0]?.plane?.bpmnElement as ModdleElement | undefined;
  if (shown && (shown.$type === 'bpmn:Collaboration' || shown.$type === 'bpmn:Process')) return shown;
  const roots = (definitions.rootElements as ModdleElement[] | undefined) ?? [];
  return roots.find((r) => r.$type === 'bpmn:Collaboration') ?? roots.find((r) => r.$type === 'bpmn:Process');
}

/** The BPMN element that carries an ml: element (walks up past extensionElements and ml: parents). */
export function carrierOf(extension: ModdleElement): ModdleElement | undefined {
  let current = extension.$parent;
  while (current && (current.$type === 'bpmn:ExtensionElements' || current.$type.startsWith('ml:'))) current = current.$parent;
  return current;
}

/** The stored roles of the value chain's catalogue. */
export function catalogueRoles(definitions: ModdleElement): ModdleElement[] {
  return list(findValueChain(definitions), 'roles');
}

// ---- value chain -----------------------------------------------------------------------

function applyValueChainEdit(env: EditEnvironment, edit: ValueChainEdit): void {
  const existing = findValueChain(env.definitions);
  const carrier = existing ? carrierOf(existing) : valueChainHost(env.definitions);
  if (!carrier) throw new Error('The model has no collaboration or process to hold the value chain.');
  if (carrier.id) env.touched.add(carrier.id);
  withExtension(env, carrier, 'ml:ValueChain', (vc) => {
    switch (edit.kind) {
      case 'valueChain':
        return setAttributes(env, vc, 'ml:ValueChain', edit.attrs);
      case 'customerPromise':
        if (edit.attrs === null) return env.log.set(vc, 'customerPromise', undefined);
        return withChild(env, vc, 'customerPromise', 'ml:CustomerPromise', (p) => setAttributes(env, p, 'ml:CustomerPromise', edit.attrs!));
      case 'role.add': {
        if (list(vc, 'roles').some((r) => r.id === edit.id)) throw new Error(`The role catalogue already has a role "${edit.id}".`);
        const role = create(env, 'ml:Role', { id: edit.id });
        setAttributes(env, role, 'ml:Role', edit.attrs);
        return env.log.set(vc, 'roles', [...list(vc, 'roles'), role]);
      }
      case 'role.update':
        return setAttributes(env, findRole(vc, edit.roleId), 'ml:Role', edit.attrs);
      case 'role.remove': {
        const role = findRole(vc, edit.roleId);
        return env.log.set(vc, 'roles', listOrUndefined(list(vc, 'roles').filter((r) => r !== role)));
      }
      default:
        return withChild(env, vc, 'capacity', 'ml:Capacity', (capacity) => applyCapacityEdit(env, capacity, edit));
    }
  });
}

// ---- capacity: pools, calendars, arrivals, what-if scenarios ------------------------------

function applyCapacityEdit(env: EditEnvironment, capacity: ModdleElement, edit: ValueChainEdit): void {
  switch (edit.kind) {
    case 'capacity':
      return setAttributes(env, capacity, 'ml:Capacity', edit.attrs);
    case 'pool.add':
      addById(env, capacity, 'pools', 'ml:Pool', edit.id, edit.attrs, 'resource pool');
      return;
    case 'pool.update':
      return setAttributes(env, findById(capacity, 'pools', edit.poolId, 'resource pool'), 'ml:Pool', edit.attrs);
    case 'pool.people': {
      const pool = findById(capacity, 'pools', edit.poolId, 'resource pool');
      const names = edit.names.map((n) => n.trim()).filter(Boolean);
      const current = list(pool, 'people').map((p) => p.name as string);
      if (names.length === current.length && names.every((n, i) => n === current[i])) return;
      return env.log.set(pool, 'people', listOrUndefined(names.map((name) => create(env, 'ml:Person', { name }))));
    }
    case 'pool.remove':
      return removeById(env, capacity, 'pools', edit.poolId, 'resource pool');
    case 'calendar.add':
      addById(env, capacity, 'calendars', 'ml:Calendar', edit.id, edit.attrs, 'calendar');
      return;
    case 'calendar.update':
      return setAttributes(env, findById(capacity, 'calendars', edit.calendarId, 'calendar'), 'ml:Calendar', edit.attrs);
    case 'calendar.remove':
      return removeById(env, capacity, 'calendars', edit.calendarId, 'calendar');
    case 'arrivals':
      if (edit.attrs === null) return env.log.set(capacity, 'arrivals', undefined);
      return withChild(env, capacity, 'arrivals', 'ml:Arrivals', (a) => setAttributes(env, a, 'ml:Arrivals', edit.attrs!));
    case 'scenario.add': {
      const scenario = addById(env, capacity, 'scenarios', 'ml:Scenario', edit.id, edit.attrs, 'scenario');
      const changes = edit.poolChanges.map((change) => {
        const element = create(env, 'ml:PoolChange', {});
        setAttributes(env, element, 'ml:PoolChange', change);
        return element;
      });
      if (changes.length > 0) env.log.set(scenario, 'poolChanges', changes);
      return;
    }
    case 'scenario.remove':
      return removeById(env, capacity, 'scenarios', edit.scenarioId, 'scenario');
    default:
      throw new Error(`The edit "${edit.kind}" does not belong to the capacity data.`);
  }
}

/** Appends a new ml: element with `id` to a list of the capacity data; refuses a duplicate id. */
function addById<T extends MlElementType>(env: EditEnvironment, parent: ModdleElement, property: string, type: T, id: string, attrs: AttrEdits<T>, what: string): ModdleElement {
  if (list(parent, property).some((x) => x.id === id)) throw new Error(`There already is a ${what} "${id}".`);
  const element = create(env, type, { id });
  setAttributes(env, element, type, attrs);
  env.log.set(parent, property, [...list(parent, property), element]);
  return element;
}

/** Removes the ml: element with `id` from a list of the capacity data. */
function removeById(env: EditEnvironment, parent: ModdleElement, property: string, id: string, what: string): void {
  const found = findById(parent, property, id, what);
  env.log.set(parent, property, listOrUndefined(list(parent, property).filter((x) => x !== found)));
}

function findById(parent: ModdleElement, property: string, id: string, what: string): ModdleElement {
  const found = list(parent, property).find((x) => x.id === id);
  if (!found) throw new Error(`The model has no ${what} "${id}".`);
  return found;
}

function findRole(valueChain: ModdleElement, roleId: string): ModdleElement {
  const role = list(valueChain, 'roles').find((r) => r.id === roleId);
  if (!role) throw new Error(`The role catalogue has no role "${roleId}".`);
  return role;
}

// ---- steps -----------------------------------------------------------------------------

function withStep(env: EditEnvironment, host: ModdleElement, edit: (step: ModdleElement) => void): void {
  if (!isActivity(host)) throw new Error(`${host.$type} "${host.id}" is no activity; value-chain step data belongs on tasks, sub-processes and call activities.`);
  withExtension(env, host, 'ml:Step', edit);
}

function isActivity(bo: ModdleElement): boolean {
  return typeof bo.$instanceOf === 'function' ? bo.$instanceOf('bpmn:Activity') : /Task$|SubProcess$|^bpmn:CallActivity$|^bpmn:Transaction$/.test(bo.$type);
}

function findKpi(step: ModdleElement, kpiId: string, host: ModdleElement): ModdleElement {
  const kpi = list(step, 'kpis').find((k) => k.id === kpiId);
  if (!kpi) throw new Error(`"${host.id}" has no performance measure "${kpiId}".`);
  return kpi;
}

/** One RACI cell: a role has at most one responsibility per step; null clears the cell. */
function setAssignment(env: EditEnvironment, step: ModdleElement, roleId: string, responsibility: Responsibility | null): void {
  const assignments = list(step, 'assignments');
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
  if (own.length > 1) env.log.set(step, 'assignments', assignments.filter((a) => a.role !== roleId || a === own[0]));
}

// ---- other element data -----------------------------------------------------------------

function setDocumentation(env: EditEnvironment, host: ModdleElement, value: string | null): void {
  const docs = list(host, 'documentation');
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
  const existing = getExtensions(host, 'ml:Exemption').find((e) => e.rule === rule);
  const exemption = existing ?? create(env, 'ml:Exemption', { rule });
  setAttributes(env, exemption, 'ml:Exemption', attrs);
  if (!existing) addExtension(env, host, exemption);
}

// ---- generic helpers --------------------------------------------------------------------

function create(env: EditEnvironment, type: string, attrs: Record<string, unknown>): ModdleElement {
  return env.moddle.create(type, attrs);
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
  let extension = getExtension(host, type);
  if (!extension) {
    extension = create(env, type, {});
    addExtension(env, host, extension);
  }
  edit(extension);
  if (!options.keepEmpty && isEmpty(extension, type)) {
    removeExtensions(env, host, (v) => v === extension);
  }
}

/** Runs `edit` on a single child element (resources, duration, customer promise), created when missing, removed when left empty. */
function withChild(env: EditEnvironment, parent: ModdleElement, property: string, type: MlElementType, edit: (child: ModdleElement) => void): void {
  let child = parent[property] as ModdleElement | undefined;
  if (!child) {
    child = create(env, type, {});
    env.log.set(parent, property, child);
  }
  edit(child);
  if (isEmpty(child, type)) env.log.set(parent, property, undefined);
}

function addExtension(env: EditEnvironment, host: ModdleElement, extension: ModdleElement): void {
  let container = host.extensionElements as ModdleElement | undefined;
  if (!container) {
    container = create(env, 'bpmn:ExtensionElements', {});
    env.log.set(host, 'extensionElements', container);
  }
  env.log.set(container, 'values', [...list(container, 'values'), extension]);
}

function removeExtensions(env: EditEnvironment, host: ModdleElement, match: (value: ModdleElement) => boolean): void {
  const container = host.extensionElements as ModdleElement | undefined;
  const values = list(container, 'values');
  if (!container || !values.some(match)) return;
  const kept = values.filter((v) => !match(v));
  if (kept.length === 0 && !hasForeignContent(container)) env.log.set(host, 'extensionElements', undefined);
  else env.log.set(container, 'values', kept);
}

/** An ml: element with no attribute, no child and no foreign attribute says nothing and can go. */
function isEmpty(element: ModdleElement, type: MlElementType | MlType): boolean {
  if (element.$attrs && Object.keys(element.$attrs).length > 0) return false;
  if (attributeNames(type as MlElementType).some((name) => element[name] !== undefined && element[name] !== '')) return false;
  const descriptor = element.$descriptor as { properties?: Array<{ name: string; isAttr?: boolean }> } | undefined;
  for (const property of descriptor?.properties ?? []) {
    if (property.isAttr) continue;
    const value: unknown = element[property.name];
    if (Array.isArray(value) ? value.length > 0 : value !== undefined) return false;
  }
  return true;
}

function hasForeignContent(container: ModdleElement): boolean {
  return !!container.$attrs && Object.keys(container.$attrs).length > 0;
}

function list(element: ModdleElement | undefined, property: string): ModdleElement[] {
  const value: unknown = element?.[property];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

function listOrUndefined(values: ModdleElement[]): ModdleElement[] | undefined {
  return values.length ? values : undefined;
}

import type { ModdleElement } from '../moddle-types';
import { findHandovers, type Handover } from '../handovers';
import { indexLanes } from '../lanes';
import { forEachContained } from '../walk';
import { getExtension, getExtensions } from './extension';
import {
  type Action,
  attributeNames,
  budgetGroupRule,
  validateAttributes,
  type Agreement,
  type Arrivals,
  type Assignment,
  type Calendar,
  type CapacityScenario,
  type Pool,
  type PoolChange,
  type Work,
  type CustomerPromise,
  type Department,
  type Duration,
  type Exemption,
  type FieldProblem,
  type Kpi,
  type Measurement,
  type MlAttributes,
  type MlElementType,
  type Resources,
  type Role,
  type RuleSetting,
  type SchemaIssueCode,
  type Simulation,
  type Step
} from './schema';

/** A stored value that violates the schema; the value itself stays in the model untouched. */
export interface SchemaIssue {
  /** The BPMN element carrying the extension (activity, lane, flow, collaboration …). */
  elementId: string;
  elementName?: string;
  /** Path within the element's value-chain data, e.g. `kpis[0].target` or `resources.budgetGroup`. */
  field: string;
  code: SchemaIssueCode;
  message: string;
  /** The stored text, unchanged; undefined when a required value is missing. */
  value?: string;
}

/** Where a snapshot entry comes from. */
export interface ElementRef {
  elementId: string;
  elementName?: string;
  /** The BPMN type of the carrying element, e.g. `bpmn:Task` or `bpmn:Lane`. */
  elementType: string;
}

/** The value-chain root (ml:ValueChain) with the element that carries it. */
export interface ValueChainEntry extends ElementRef {
  owner?: string;
  valueProposition?: string;
  customerPromise?: CustomerPromise;
  /** Roles and rule settings as read: a required field that is missing stays absent (and is an issue). */
  roles: Array<Partial<Role>>;
  ruleSettings: Array<Partial<RuleSetting>>;
  /** Improvement actions (the Act of Plan–Do–Check–Act), as read: an action missing its id or text stays, with an issue. */
  actions: Array<Partial<Action>>;
  /** Capacity data (pools, calendars, arrivals, what-if scenarios); absent when the model has none. */
  capacity?: CapacityEntry;
}

/** ml:Capacity as read: every list keeps its entries, with fields that failed validation left out. */
export interface CapacityEntry {
  timeZone?: string;
  start?: string;
  calendars: Array<Partial<Calendar>>;
  pools: Array<Partial<Omit<Pool, 'people'>> & { people: Array<{ name?: string }> }>;
  arrivals?: Partial<Arrivals>;
  scenarios: Array<Partial<Omit<CapacityScenario, 'poolChanges'>> & { poolChanges: Array<Partial<PoolChange>> }>;
}

/** A step as read: like Step, but an assignment may lack its (required) role or responsibility. */
export type StepEntry = Omit<Step, 'assignments' | 'work'> & { assignments: Array<Partial<Assignment>>; work?: Partial<Work> } & ElementRef;

/** A typed snapshot of all value-chain data in a BPMN model: valid values typed, invalid ones in `issues`. */
export interface ValueChainSnapshot {
  /** From the collaboration if it has one, else from the first process that has one. */
  valueChain: ValueChainEntry | null;
  /** By lane or participant id. */
  departments: Record<string, Department & ElementRef>;
  /** By activity id. */
  steps: Record<string, StepEntry>;
  /** By flow id: every agreement, on a handover or not. */
  agreements: Record<string, Agreement & ElementRef>;
  handovers: Handover[];
  /** By element id (flows, gateways' outgoing flows, events, activities). */
  simulation: Record<string, Simulation & ElementRef>;
  /** By element id: the audit rules deliberately not applied there. */
  exemptions: Record<string, Array<Partial<Exemption> & ElementRef>>;
  issues: SchemaIssue[];
}

/**
 * Reads every value-chain extension of a parsed model into a typed snapshot. Never
 * changes the model: invalid values are reported as issues and left where they are,
 * so that serializing the model writes them back exactly as they were read.
 */
export function readValueChain(definitions: ModdleElement): ValueChainSnapshot {
  const snapshot: ValueChainSnapshot = {
    valueChain: null,
    departments: {},
    steps: {},
    agreements: {},
    handovers: [],
    simulation: {},
    exemptions: {},
    issues: []
  };
  const roleIdsChecks: Array<{ ref: ElementRef; field: string; roleId: string }> = [];
  const poolChecks: Array<{ ref: ElementRef; field: string; poolId: string }> = [];
  let processValueChain: ValueChainEntry | null = null;

  forEachContained(definitions, (element) => {
    if (!element.extensionElements || !element.id || element.$type.startsWith('ml:')) return;
    const ref: ElementRef = { elementId: element.id, elementName: element.name || undefined, elementType: element.$type };
    const report = (problems: FieldProblem[], prefix = '') => {
      for (const p of problems) snapshot.issues.push(toIssue(ref, p, prefix));
    };

    const valueChain = getExtension(element, 'ml:ValueChain');
    if (valueChain) {
      const entry = readValueChainElement(valueChain, ref, report);
      if (element.$type === 'bpmn:Collaboration' && !snapshot.valueChain) snapshot.valueChain = entry;
      else if (!processValueChain) processValueChain = entry;
    }

    const department = getExtension(element, 'ml:Department');
    if (department) snapshot.departments[ref.elementId] = { ...ref, ...readAttributes(department, 'ml:Department', report) };

    const step = getExtension(element, 'ml:Step');
    if (step) {
      const entry = readStep(step, ref, report);
      snapshot.steps[ref.elementId] = entry;
      entry.assignments.forEach((a, i) => {
        if (a.role) roleIdsChecks.push({ ref, field: `assignments[${i}].role`, roleId: a.role });
      });
      if (entry.work?.pool) poolChecks.push({ ref, field: 'work.pool', poolId: entry.work.pool });
    }

    const agreement = getExtension(element, 'ml:Agreement');
    if (agreement) {
      const entry = readAttributes(agreement, 'ml:Agreement', report);
      snapshot.agreements[ref.elementId] = { ...ref, ...entry };
      if (entry.providerRole) roleIdsChecks.push({ ref, field: 'providerRole', roleId: entry.providerRole });
      if (entry.receiverRole) roleIdsChecks.push({ ref, field: 'receiverRole', roleId: entry.receiverRole });
    }

    const simulation = getExtension(element, 'ml:Simulation');
    if (simulation) snapshot.simulation[ref.elementId] = { ...ref, ...readAttributes(simulation, 'ml:Simulation', report) };

    const exemptions = getExtensions(element, 'ml:Exemption');
    if (exemptions.length > 0) {
      snapshot.exemptions[ref.elementId] = exemptions.map((e, i) => ({
        ...ref,
        ...readAttributes(e, 'ml:Exemption', report, `exemptions[${i}].`)
      }));
    }
  });

  snapshot.valueChain ??= processValueChain;
  const chain = snapshot.valueChain as ValueChainEntry | null;
  // Role and KPI ids are plain attributes, not XML ids (moddle would drop an element
  // with a malformed or repeated XML id), so their uniqueness is checked here.
  const duplicates = (ids: Array<{ ref: ElementRef; field: string; id: string | undefined }>, what: string) => {
    const seen = new Set<string>();
    for (const { ref, field, id } of ids) {
      if (id === undefined) continue;
      if (seen.has(id)) {
        snapshot.issues.push({
          elementId: ref.elementId,
          ...(ref.elementName ? { elementName: ref.elementName } : {}),
          field,
          code: 'duplicate-id',
          message: `The ${what} id "${id}" is used more than once; each ${what} needs its own id.`,
          value: id
        });
      }
      seen.add(id);
    }
  };
  if (chain) duplicates(chain.roles.map((r, i) => ({ ref: chain, field: `roles[${i}].id`, id: r.id })), 'role');
  if (chain) duplicates(chain.actions.map((a, i) => ({ ref: chain, field: `actions[${i}].id`, id: a.id })), 'action');
  if (chain?.capacity) checkCapacityReferences(chain, chain.capacity, poolChecks, snapshot.issues);
  duplicates(
    Object.values(snapshot.steps).flatMap((step) => step.kpis.map((k, i) => ({ ref: step as ElementRef, field: `kpis[${i}].id`, id: k.id }))),
    'KPI'
  );
  const knownRoles = new Set((chain?.roles ?? []).map((r) => r.id).filter((id): id is string => !!id));
  for (const check of roleIdsChecks) {
    if (knownRoles.has(check.roleId)) continue;
    snapshot.issues.push({
      elementId: check.ref.elementId,
      ...(check.ref.elementName ? { elementName: check.ref.elementName } : {}),
      field: check.field,
      code: 'unknown-role',
      message: `The role "${check.roleId}" is not in the role catalogue of this value chain.`,
      value: check.roleId
    });
  }
  snapshot.handovers = findHandovers(definitions, indexLanes(definitions));
  return snapshot;
}

type Report = (problems: FieldProblem[], prefix?: string) => void;

/** The stored attribute strings of an ml: element, as moddle holds them. */
export function storedAttributes(extension: ModdleElement, type: MlElementType): Record<string, string | undefined> {
  const attrs: Record<string, string | undefined> = {};
  for (const name of attributeNames(type)) {
    const value: unknown = extension[name];
    if (value !== undefined) attrs[name] = String(value);
  }
  return attrs;
}

function readAttributes<T extends MlElementType>(
  extension: ModdleElement,
  type: T,
  report: Report,
  prefix = ''
): Partial<MlAttributes<T>> {
  const { value, problems } = validateAttributes(type, storedAttributes(extension, type));
  report(problems, prefix);
  return value;
}

function children(extension: ModdleElement | undefined, property: string): ModdleElement[] {
  const value: unknown = extension?.[property];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

function readValueChainElement(extension: ModdleElement, ref: ElementRef, report: Report): ValueChainEntry {
  const promise = extension.customerPromise as ModdleElement | undefined;
  return {
    ...ref,
    ...readAttributes(extension, 'ml:ValueChain', report),
    ...(promise ? { customerPromise: readAttributes(promise, 'ml:CustomerPromise', report, 'customerPromise.') } : {}),
    roles: children(extension, 'roles').map((r, i) => readAttributes(r, 'ml:Role', report, `roles[${i}].`)),
    ruleSettings: children(extension, 'ruleSettings').map((r, i) => readAttributes(r, 'ml:RuleSetting', report, `ruleSettings[${i}].`)),
    actions: children(extension, 'actions').map((a, i) => readAttributes(a, 'ml:Action', report, `actions[${i}].`)),
    ...(extension.capacity ? { capacity: readCapacity(extension.capacity as ModdleElement, report) } : {})
  };
}

function readCapacity(extension: ModdleElement, report: Report): CapacityEntry {
  const arrivals = extension.arrivals as ModdleElement | undefined;
  return {
    ...readAttributes(extension, 'ml:Capacity', report, 'capacity.'),
    calendars: children(extension, 'calendars').map((c, i) => readAttributes(c, 'ml:Calendar', report, `capacity.calendars[${i}].`)),
    pools: children(extension, 'pools').map((p, i) => ({
      ...readAttributes(p, 'ml:Pool', report, `capacity.pools[${i}].`),
      people: children(p, 'people').map((m, j) => readAttributes(m, 'ml:Person', report, `capacity.pools[${i}].people[${j}].`))
    })),
    ...(arrivals ? { arrivals: readAttributes(arrivals, 'ml:Arrivals', report, 'capacity.arrivals.') } : {}),
    scenarios: children(extension, 'scenarios').map((s, i) => ({
      ...readAttributes(s, 'ml:Scenario', report, `capacity.scenarios[${i}].`),
      poolChanges: children(s, 'poolChanges').map((c, j) => readAttributes(c, 'ml:PoolChange', report, `capacity.scenarios[${i}].poolChanges[${j}].`))
    }))
  };
}

/**
 * Pools, calendars and scenarios refer to each other by plain ids: each reference must
 * name an entry that exists, and each id must be unique within its list.
 */
function checkCapacityReferences(
  chain: ValueChainEntry,
  capacity: CapacityEntry,
  poolChecks: Array<{ ref: ElementRef; field: string; poolId: string }>,
  issues: SchemaIssue[]
): void {
  const issue = (ref: ElementRef, field: string, code: SchemaIssue['code'], message: string, value: string) =>
    issues.push({ elementId: ref.elementId, ...(ref.elementName ? { elementName: ref.elementName } : {}), field, code, message, value });
  const unique = (ids: Array<string | undefined>, list: string, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (id === undefined) return;
      if (seen.has(id)) issue(chain, `capacity.${list}[${i}].id`, 'duplicate-id', `The ${what} id "${id}" is used more than once; each ${what} needs its own id.`, id);
      seen.add(id);
    });
    return seen;
  };
  const calendars = unique(capacity.calendars.map((c) => c.id), 'calendars', 'calendar');
  const pools = unique(capacity.pools.map((p) => p.id), 'pools', 'pool');
  unique(capacity.scenarios.map((s) => s.id), 'scenarios', 'scenario');
  const roles = new Set(chain.roles.map((r) => r.id).filter((id): id is string => !!id));
  const calendar = (field: string, id: string | undefined) => {
    if (id !== undefined && !calendars.has(id)) issue(chain, field, 'unknown-reference', `The calendar "${id}" is not among the working calendars of this value chain.`, id);
  };
  const pool = (ref: ElementRef, field: string, id: string) => {
    if (!pools.has(id)) issue(ref, field, 'unknown-reference', `The pool "${id}" is not among the resource pools of this value chain.`, id);
  };
  capacity.pools.forEach((p, i) => {
    calendar(`capacity.pools[${i}].calendar`, p.calendar);
    if (p.role !== undefined && !roles.has(p.role)) {
      issue(chain, `capacity.pools[${i}].role`, 'unknown-role', `The role "${p.role}" is not in the role catalogue of this value chain.`, p.role);
    }
  });
  calendar('capacity.arrivals.calendar', capacity.arrivals?.calendar);
  capacity.scenarios.forEach((s, i) =>
    s.poolChanges.forEach((c, j) => {
      calendar(`capacity.scenarios[${i}].poolChanges[${j}].calendar`, c.calendar);
      if (c.pool !== undefined) pool(chain, `capacity.scenarios[${i}].poolChanges[${j}].pool`, c.pool);
    })
  );
  for (const check of poolChecks) pool(check.ref, check.field, check.poolId);
}

function readStep(extension: ModdleElement, ref: ElementRef, report: Report): StepEntry {
  const attrs = readAttributes(extension, 'ml:Step', report);
  const resourcesElement = extension.resources as ModdleElement | undefined;
  const durationElement = extension.duration as ModdleElement | undefined;
  const resources: Resources | undefined = resourcesElement ? readAttributes(resourcesElement, 'ml:Resources', report, 'resources.') : undefined;
  const duration: Duration | undefined = durationElement ? readAttributes(durationElement, 'ml:Duration', report, 'duration.') : undefined;
  const workElement = extension.work as ModdleElement | undefined;
  const work = workElement ? readAttributes(workElement, 'ml:Work', report, 'work.') : undefined;
  report(budgetGroupRule(attrs.activityGroup, resources?.budgetGroup));
  const assignments: Array<Partial<Assignment>> = children(extension, 'assignments').map((a, i) =>
    readAttributes(a, 'ml:Assignment', report, `assignments[${i}].`)
  );
  const kpis: Kpi[] = children(extension, 'kpis').map((k, i) => {
    const kpi = readAttributes(k, 'ml:Kpi', report, `kpis[${i}].`);
    const measurements: Measurement[] = children(k, 'measurements').map((m, j) =>
      readAttributes(m, 'ml:Measurement', report, `kpis[${i}].measurements[${j}].`)
    );
    return { ...kpi, measurements };
  });
  return {
    ...ref,
    ...attrs,
    assignments,
    kpis,
    ...(resources ? { resources } : {}),
    ...(duration ? { duration } : {}),
    ...(work ? { work } : {})
  };
}

function toIssue(ref: ElementRef, problem: FieldProblem, prefix: string): SchemaIssue {
  return {
    elementId: ref.elementId,
    ...(ref.elementName ? { elementName: ref.elementName } : {}),
    field: prefix + problem.field,
    code: problem.code,
    message: problem.message,
    ...(problem.value !== undefined ? { value: problem.value } : {})
  };
}

import { typeOf, type ModdleElement } from '../../model/moddle-types';
import { getExtension, getExtensions } from '../../model/value-chain/extension';
import { RESPONSIBILITIES, type Responsibility } from '../../model/value-chain/schema';
import type { InvalidValue } from './types';

/*
 * The few value-chain fields the audit rules look at, read straight from one
 * element's ml: extension. readValueChain validates every attribute of the whole
 * model with zod, which takes far longer than the whole audit may (about 0.3 s at
 * 10,000 flow nodes against a budget of 0.15 s), and the incremental session must
 * re-read a single element after an edit. So the audit reads per element, with the
 * value formats of docs/format.md §3 exactly as src/model/value-chain/schema.ts
 * checks them (test/unit/analysis/audit/facts.test.ts holds the two together).
 */

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A stored value parsed: the typed value when valid, the stored text when it breaks the format. */
export interface Parsed<T> {
  value?: T;
  invalid?: string;
}

/** Stored text as the schema sees it: blank means absent, surrounding spaces do not count. */
export function storedText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = (typeof value === 'string' ? value : String(value)).trim();
  return text === '' ? undefined : text;
}

/** A decimal number written with a point and no exponent (the schema's `decimal`). */
export function parseDecimal(value: unknown): Parsed<number> {
  const text = storedText(value);
  if (text === undefined) return {};
  return DECIMAL.test(text) ? { value: Number(text) } : { invalid: String(value) };
}

/** A decimal that is 0 or more (the schema's `amount`). */
export function parseAmount(value: unknown): Parsed<number> {
  const parsed = parseDecimal(value);
  return parsed.value !== undefined && parsed.value < 0 ? { invalid: String(value) } : parsed;
}

/** A calendar date YYYY-MM-DD (the schema's `date`). */
export function parseDate(value: unknown): Parsed<string> {
  const text = storedText(value);
  if (text === undefined) return {};
  const m = DATE.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { value: text };
  }
  return { invalid: String(value) };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The date `days` after a YYYY-MM-DD date (fractions of a day round up: a grace period is never shortened). */
export function addDays(date: string, days: number): string {
  if (days === 0) return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + Math.ceil(days))).toISOString().slice(0, 10);
}

/** Today's date in UTC, YYYY-MM-DD. */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** What the KPI rules need of one ml:kpi. */
export interface KpiFacts {
  /** Position among the step's KPIs (for a stable subject when the KPI has no id). */
  index: number;
  id?: string;
  name?: string;
  unit?: string;
  target?: number;
  realised?: number;
  /** Qualitative realised value of a soft KPI. */
  evidence?: string;
  periodStart?: string;
  periodEnd?: string;
  /** Realised values in the measurement history (with a value or qualitative evidence). */
  measurements: number;
  invalid: InvalidValue[];
}

/** What the resource rules need of one ml:resources. */
export interface ResourceFacts {
  currency: string;
  plannedBudget?: number;
  realisedBudget?: number;
  plannedHours?: number;
  realisedHours?: number;
  invalid: InvalidValue[];
}

/** One RACI assignment; a responsibility outside the vocabulary is left out. */
export interface AssignmentFacts {
  role?: string;
  responsibility?: Responsibility;
}

/** What the activity rules need of one activity's ml:step (absent parts stay empty). */
export interface StepFacts {
  hasStep: boolean;
  kpis: KpiFacts[];
  assignments: AssignmentFacts[];
  resources?: ResourceFacts;
}

function children(element: ModdleElement | undefined, property: string): ModdleElement[] {
  const value: unknown = element?.[property];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

/** Reads the audit's view of an activity's ml:step. */
export function readStepFacts(activity: ModdleElement): StepFacts {
  const step = stepOf(activity);
  if (!step) return { hasStep: false, kpis: [], assignments: [] };
  const kpis = children(step, 'kpis').map(readKpi);
  const assignments = children(step, 'assignments').map(readAssignment);
  const resourcesElement = step.resources as ModdleElement | undefined;
  return { hasStep: true, kpis, assignments, ...(resourcesElement ? { resources: readResources(resourcesElement) } : {}) };
}

/** The ml:step of an activity (as getExtension finds it, without a callback per activity). */
function stepOf(activity: ModdleElement): ModdleElement | undefined {
  const values = activity.extensionElements?.values as ModdleElement[] | undefined;
  if (!values) return undefined;
  for (let i = 0; i < values.length; i++) if (typeOf(values[i]!) === 'ml:Step') return values[i];
  return undefined;
}

// The readers below avoid closures on purpose: they run once per activity, and
// tsx (which runs the CLI and the benches) wraps every named closure at creation.

function readAssignment(a: ModdleElement): AssignmentFacts {
  const responsibility = storedText(a.responsibility);
  return {
    role: storedText(a.role),
    responsibility: (RESPONSIBILITIES as readonly string[]).includes(responsibility ?? '') ? (responsibility as Responsibility) : undefined
  };
}

/** The typed value of a parse; an unusable stored text is noted in `invalid` under `field`. */
function valid<T>(parsed: Parsed<T>, field: string, invalid: InvalidValue[]): T | undefined {
  if (parsed.invalid !== undefined) invalid.push({ field, value: parsed.invalid });
  return parsed.value;
}

function isRealisedMeasurement(m: ModdleElement): boolean {
  return parseDecimal(m.value).value !== undefined || storedText(m.evidence) !== undefined;
}

function readKpi(kpi: ModdleElement, index: number): KpiFacts {
  const invalid: InvalidValue[] = [];
  const prefix = `kpis[${index}].`;
  return {
    index,
    id: storedText(kpi.id),
    name: storedText(kpi.name),
    unit: storedText(kpi.unit),
    target: valid(parseDecimal(kpi.target), prefix + 'target', invalid),
    realised: valid(parseDecimal(kpi.realised), prefix + 'realised', invalid),
    evidence: storedText(kpi.evidence),
    periodStart: valid(parseDate(kpi.periodStart), prefix + 'periodStart', invalid),
    periodEnd: valid(parseDate(kpi.periodEnd), prefix + 'periodEnd', invalid),
    measurements: children(kpi, 'measurements').filter(isRealisedMeasurement).length,
    invalid
  };
}

function readResources(resources: ModdleElement): ResourceFacts {
  const invalid: InvalidValue[] = [];
  return {
    currency: storedText(resources.currency) ?? 'EUR',
    plannedBudget: valid(parseAmount(resources.plannedBudget), 'resources.plannedBudget', invalid),
    realisedBudget: valid(parseAmount(resources.realisedBudget), 'resources.realisedBudget', invalid),
    plannedHours: valid(parseAmount(resources.plannedHours), 'resources.plannedHours', invalid),
    realisedHours: valid(parseAmount(resources.realisedHours), 'resources.realisedHours', invalid),
    invalid
  };
}

/** The ml:department of a lane or pool: whether it is the customer, and its name. */
export interface DepartmentFacts {
  customer: boolean;
  name?: string;
}

/** Reads the ml:department of a lane or participant, if it has one. */
export function readDepartmentFacts(element: ModdleElement): DepartmentFacts | undefined {
  const department = getExtension(element, 'ml:Department');
  if (!department) return undefined;
  const name = storedText(department.name);
  return { customer: storedText(department.kind) === 'customer', ...(name !== undefined ? { name } : {}) };
}

/** An ml:exemption as stored (rule and reason are required by the format, but may be missing). */
export interface ExemptionFacts {
  rule?: string;
  reason?: string;
  by?: string;
  date?: string;
}

/** Reads the ml:exemption elements of any element. */
export function readExemptionFacts(element: ModdleElement): ExemptionFacts[] {
  return getExtensions(element, 'ml:Exemption').map((e) => {
    const facts: ExemptionFacts = { rule: storedText(e.rule), reason: storedText(e.reason), by: storedText(e.by), date: storedText(e.date) };
    return facts;
  });
}

/** An ml:ruleSetting as stored; config.ts validates it. */
export interface RuleSettingFacts {
  rule?: string;
  enabled?: string;
  severity?: string;
  tolerance?: string;
}

/** What the chain rules and messages need of ml:valueChain. */
export interface ValueChainFacts {
  /** The element that carries it: the collaboration, or a process when there is none. */
  elementId: string;
  customerPromise?: { text?: string; measure?: string; target?: string; unit?: string };
  /** Role id → role name (or the id when the role has no name). */
  roleNames: Map<string, string>;
  ruleSettings: RuleSettingFacts[];
}

/** Reads the ml:valueChain of a collaboration or process, if it has one. */
export function readValueChainFacts(carrier: ModdleElement): ValueChainFacts | undefined {
  const chain = getExtension(carrier, 'ml:ValueChain');
  if (!chain || !carrier.id) return undefined;
  const roleNames = new Map<string, string>();
  for (const role of children(chain, 'roles')) {
    const id = storedText(role.id);
    if (id !== undefined && !roleNames.has(id)) roleNames.set(id, storedText(role.name) ?? id);
  }
  const promise = chain.customerPromise as ModdleElement | undefined;
  const ruleSettings = children(chain, 'ruleSettings').map((s) => {
    const facts: RuleSettingFacts = {
      rule: storedText(s.rule),
      enabled: storedText(s.enabled),
      severity: storedText(s.severity),
      tolerance: storedText(s.tolerance)
    };
    return facts;
  });
  const customerPromise = promise
    ? Object.fromEntries(
        (['text', 'measure', 'target', 'unit'] as const).flatMap((k) => {
          const v = storedText(promise[k]);
          return v === undefined ? [] : [[k, v]];
        })
      )
    : undefined;
  return { elementId: carrier.id, ...(customerPromise ? { customerPromise } : {}), roleNames, ruleSettings };
}

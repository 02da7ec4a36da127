import { parseDecimal } from '../../model/decimal';
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
export function readDecimal(value: unknown): Parsed<number> {
  return parsedNumber(decimalOf(value), value);
}

/** A decimal that is 0 or more (the schema's `amount`). */
export function parseAmount(value: unknown): Parsed<number> {
  return parsedNumber(amountOf(value), value);
}

/** A calendar date YYYY-MM-DD (the schema's `date`). */
export function parseDate(value: unknown): Parsed<string> {
  const date = dateOf(value);
  if (date === undefined) return {};
  return date === false ? { invalid: String(value) } : { value: date };
}

function parsedNumber(number: number | undefined, value: unknown): Parsed<number> {
  if (number === undefined) return {};
  return Number.isNaN(number) ? { invalid: String(value) } : { value: number };
}

// The readers of a step use these forms, which allocate nothing: they run for every
// KPI and budget of a model. Absent is undefined; a stored text that breaks the format
// is NaN for numbers (a valid decimal never is) and false for dates.

function decimalOf(value: unknown): number | undefined {
  const text = storedText(value);
  if (text === undefined) return undefined;
  return parseDecimal(text) ?? NaN;
}

function amountOf(value: unknown): number | undefined {
  const number = decimalOf(value);
  return number !== undefined && number < 0 ? NaN : number;
}

function dateOf(value: unknown): string | false | undefined {
  const text = storedText(value);
  if (text === undefined) return undefined;
  const m = DATE.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return text;
  }
  return false;
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
  const kpiElements = children(step, 'kpis');
  const kpis = new Array<KpiFacts>(kpiElements.length);
  for (let i = 0; i < kpiElements.length; i++) kpis[i] = readKpi(kpiElements[i]!, i);
  const assignmentElements = children(step, 'assignments');
  const assignments = new Array<AssignmentFacts>(assignmentElements.length);
  for (let i = 0; i < assignmentElements.length; i++) assignments[i] = readAssignment(assignmentElements[i]!);
  const resourcesElement = step.resources as ModdleElement | undefined;
  return resourcesElement ? { hasStep: true, kpis, assignments, resources: readResources(resourcesElement) } : { hasStep: true, kpis, assignments };
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

/** Notes a stored value that breaks its format under `field` (in the order the fields are read). */
function noteInvalid(invalid: InvalidValue[], field: string, value: unknown): void {
  invalid.push({ field, value: String(value) });
}

/** The realised values in a KPI's measurement history (with a value or qualitative evidence). */
function realisedMeasurements(kpi: ModdleElement): number {
  const measurements = children(kpi, 'measurements');
  let count = 0;
  for (let i = 0; i < measurements.length; i++) {
    const m = measurements[i]!;
    const value = decimalOf(m.value);
    if ((value !== undefined && !Number.isNaN(value)) || storedText(m.evidence) !== undefined) count++;
  }
  return count;
}

function readKpi(kpi: ModdleElement, index: number): KpiFacts {
  const invalid: InvalidValue[] = [];
  const target = decimalOf(kpi.target);
  if (target !== undefined && Number.isNaN(target)) noteInvalid(invalid, `kpis[${index}].target`, kpi.target);
  const realised = decimalOf(kpi.realised);
  if (realised !== undefined && Number.isNaN(realised)) noteInvalid(invalid, `kpis[${index}].realised`, kpi.realised);
  const periodStart = dateOf(kpi.periodStart);
  if (periodStart === false) noteInvalid(invalid, `kpis[${index}].periodStart`, kpi.periodStart);
  const periodEnd = dateOf(kpi.periodEnd);
  if (periodEnd === false) noteInvalid(invalid, `kpis[${index}].periodEnd`, kpi.periodEnd);
  return {
    index,
    id: storedText(kpi.id),
    name: storedText(kpi.name),
    unit: storedText(kpi.unit),
    target: target !== undefined && !Number.isNaN(target) ? target : undefined,
    realised: realised !== undefined && !Number.isNaN(realised) ? realised : undefined,
    evidence: storedText(kpi.evidence),
    periodStart: periodStart || undefined,
    periodEnd: periodEnd || undefined,
    measurements: realisedMeasurements(kpi),
    invalid
  };
}

/** A stored amount: its value when valid, else undefined with the stored text noted in `invalid`. */
function amountField(resources: ModdleElement, name: string, invalid: InvalidValue[]): number | undefined {
  const value: unknown = resources[name];
  const amount = amountOf(value);
  if (amount === undefined || !Number.isNaN(amount)) return amount;
  noteInvalid(invalid, `resources.${name}`, value);
  return undefined;
}

function readResources(resources: ModdleElement): ResourceFacts {
  const invalid: InvalidValue[] = [];
  return {
    currency: storedText(resources.currency) ?? 'EUR',
    plannedBudget: amountField(resources, 'plannedBudget', invalid),
    realisedBudget: amountField(resources, 'realisedBudget', invalid),
    plannedHours: amountField(resources, 'plannedHours', invalid),
    realisedHours: amountField(resources, 'realisedHours', invalid),
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

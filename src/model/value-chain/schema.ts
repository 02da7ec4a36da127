import { z } from 'zod';
import { parseDecimal } from '../decimal';
import { isIsoDuration, parseIsoDuration } from '../duration';

/*
 * Validation of the value-chain extension. Every ml: attribute is stored as a string
 * (see missinglink.json), so that a value a user or another tool got wrong still
 * round-trips unchanged; this module decides what a valid value is and turns valid
 * text into typed values. Each ml: type is declared once, as a shape of per-attribute
 * validators plus cross-field rules, and offered two ways:
 *  - a strict zod schema (`KpiSchema.safeParse(attrs)`) for whole records, and
 *  - `validateAttributes('ml:Kpi', attrs)`, which checks field by field and keeps every
 *    valid field even when another one is wrong (what the reader and the UI need).
 * Issues carry a stable `code` for translation and a plain English `message`.
 */

/** The stored vocabulary, exactly as it appears in BPMN files. */
export const ACTIVITY_GROUPS = ['preparation', 'sowing', 'harvest', 'handling'] as const;
/** Levels of the marketing hierarchy, from concept down to task. */
export const STEP_LEVELS = ['concept', 'campaign', 'event', 'activity', 'task'] as const;
/** RACI responsibilities of a role on a step. */
export const RESPONSIBILITIES = ['accountable', 'responsible', 'consulted', 'informed'] as const;
/** The objective groups of the KPI taxonomy (DOMAIN.md section 2, plus hoeing). */
export const OBJECTIVE_GROUPS = ['input', 'throughput', 'customer', 'harvest-short', 'harvest-long', 'sowing', 'hoeing'] as const;
/** How a realised value is compared with its target. */
export const KPI_DIRECTIONS = ['at-most', 'at-least', 'exactly'] as const;
/** Whether a lane or pool is an internal department or the customer. */
export const DEPARTMENT_KINDS = ['department', 'customer'] as const;
/** The life cycle of a handover agreement. */
export const AGREEMENT_STATUSES = ['draft', 'agreed', 'under-review'] as const;
/** The life cycle of an improvement action (the Act of Plan–Do–Check–Act). */
export const ACTION_STATUSES = ['open', 'in-progress', 'done'] as const;
/** How serious an audit finding of a rule is. */
export const RULE_SEVERITIES = ['error', 'warning', 'info'] as const;
/** The customer-promise measure whose target is an ISO duration. */
export const LEAD_TIME_MEASURE = 'lead-time';
/** The currency assumed when ml:Resources names none. */
export const DEFAULT_CURRENCY = 'EUR';
/** Distributions of durations and of the time between arrivals (capacity simulation). */
export const DISTRIBUTIONS = ['fixed', 'exponential', 'uniform', 'normal', 'lognormal', 'gamma', 'triangular'] as const;
/** Weekdays of a working calendar, as stored in ml:Calendar days. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** The time zone of a capacity model when ml:Capacity names none. */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';
/** The working calendar when a pool names none: Monday to Friday, 09:00–17:00. */
export const DEFAULT_CALENDAR = { days: 'mon tue wed thu fri', hours: '09:00-17:00' } as const;

// One type per vocabulary above.
export type ActivityGroup = (typeof ACTIVITY_GROUPS)[number];
export type StepLevel = (typeof STEP_LEVELS)[number];
export type Responsibility = (typeof RESPONSIBILITIES)[number];
export type ObjectiveGroup = (typeof OBJECTIVE_GROUPS)[number];
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type DistributionKind = (typeof DISTRIBUTIONS)[number];
export type Weekday = (typeof WEEKDAYS)[number];

/** Stable codes of schema issues; the UI translates them, `message` is the English fallback. */
export type SchemaIssueCode =
  | 'required'
  | 'unknown-value'
  | 'not-a-number'
  | 'negative'
  | 'not-a-percentage'
  | 'not-a-date'
  | 'not-a-duration'
  | 'not-a-boolean'
  | 'not-a-currency'
  | 'period-reversed'
  | 'unit-missing'
  | 'triangle-incomplete'
  | 'triangle-order'
  | 'budget-group-mismatch'
  | 'unknown-role'
  | 'duplicate-id'
  | 'not-an-integer'
  | 'not-a-time-zone'
  | 'not-a-date-time'
  | 'not-weekdays'
  | 'not-working-hours'
  | 'not-a-date-list'
  | 'distribution-incomplete'
  | 'distribution-order'
  | 'unknown-reference';

/** One problem with one stored field, before it is tied to a BPMN element. */
export interface FieldProblem {
  /** Attribute name, or a path for nested data such as `resources.budgetGroup`. */
  field: string;
  code: SchemaIssueCode;
  message: string;
  /** The stored text, unchanged; undefined when the problem is a missing value. */
  value?: string;
}

// ---------------------------------------------------------------------------
// Field validators: each takes the stored string (or undefined) and yields the typed
// value, or undefined when absent. Empty or blank text counts as absent.

type Check<T> = (text: string, label: string) => { value: T } | { code: SchemaIssueCode; message: string };

/**
 * What a field's zod schema does, kept as plain data for validateAttributes' fast path:
 * the same check on the same trimmed text, without zod's per-call machinery.
 */
interface PlainField {
  label: string;
  check: Check<unknown>;
  required: boolean;
}

/** Field schema → its plain description; filled as the schemas below are built. */
const PLAIN_FIELDS = new WeakMap<z.ZodType, PlainField>();

/** Runs a check on stored text; blank text counts as absent (a problem only when required). */
function checkedText<T>(label: string, check: Check<T>, required: boolean) {
  const schema = z
    .string()
    .optional()
    .transform((text, ctx): T => {
      if (text === undefined || text.trim() === '') {
        if (required) {
          ctx.addIssue({ code: 'custom', message: `${capitalise(label)} is required.`, params: { code: 'required' }, input: text });
        }
        // For an optional field this is the "absent" value; for a required one the issue above fails the parse.
        return undefined as T;
      }
      const result = check(text.trim(), label);
      if ('value' in result) return result.value;
      ctx.addIssue({ code: 'custom', message: result.message, params: { code: result.code }, input: text });
      return z.NEVER;
    });
  PLAIN_FIELDS.set(schema, { label, check: check as Check<unknown>, required });
  return schema;
}

/** An optional attribute: typed when present and valid, absent otherwise. */
function fieldOf<T>(label: string, check: Check<T>) {
  const schema = checkedText<T | undefined>(label, check, false).optional();
  PLAIN_FIELDS.set(schema, { label, check: check as Check<unknown>, required: false });
  return schema;
}

/** A required attribute: a missing or blank value is a `required` problem. */
function requiredField<T>(label: string, check: Check<T>) {
  return checkedText<T>(label, check, true);
}

const asText: Check<string> = (text) => ({ value: text });

const asDecimal: Check<number> = (text, label) => {
  const value = parseDecimal(text);
  return value !== undefined
    ? { value }
    : {
        code: 'not-a-number',
        message: `${capitalise(label)} "${text}" is not a number; write digits with a decimal point, such as 1234.5.`
      };
};

const asAmount: Check<number> = (text, label) => {
  const parsed = asDecimal(text, label);
  if ('value' in parsed && parsed.value < 0) {
    return { code: 'negative', message: `${capitalise(label)} "${text}" is negative; it must be 0 or more.` };
  }
  return parsed;
};

const asPercentage: Check<number> = (text, label) => {
  const parsed = asDecimal(text, label);
  if ('value' in parsed && (parsed.value < 0 || parsed.value > 100)) {
    return { code: 'not-a-percentage', message: `${capitalise(label)} "${text}" is not a percentage from 0 to 100.` };
  }
  if (!('value' in parsed)) {
    return { code: 'not-a-percentage', message: `${capitalise(label)} "${text}" is not a percentage; write a number from 0 to 100.` };
  }
  return parsed;
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date YYYY-MM-DD from the year 100 on (the date as Date.UTC reads it, whose
 * two-digit years mean 19xx): checked by arithmetic, as every stored date of a model is.
 */
const asDate: Check<string> = (text, label) => {
  const m = DATE.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { value: text };
  }
  return { code: 'not-a-date', message: `${capitalise(label)} "${text}" is not a date; write it as YYYY-MM-DD, such as 2025-03-31.` };
};

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Durations stay ISO text in the typed value; hours are derived with parseIsoDuration. */
const asDuration: Check<string> = (text, label) =>
  isIsoDuration(text)
    ? { value: text }
    : {
        code: 'not-a-duration',
        message: `${capitalise(label)} "${text}" is not an ISO 8601 duration; write it like PT4H (4 hours), P2D (2 days) or P1W (1 week).`
      };

const asBoolean: Check<boolean> = (text, label) =>
  text === 'true' || text === 'false'
    ? { value: text === 'true' }
    : { code: 'not-a-boolean', message: `${capitalise(label)} "${text}" must be "true" or "false".` };

const asCurrency: Check<string> = (text, label) =>
  /^[A-Z]{3}$/.test(text)
    ? { value: text }
    : { code: 'not-a-currency', message: `${capitalise(label)} "${text}" is not an ISO 4217 currency code such as EUR or USD.` };

function asOneOf<const T extends readonly string[]>(values: T): Check<T[number]> {
  return (text, label) =>
    (values as readonly string[]).includes(text)
      ? { value: text as T[number] }
      : { code: 'unknown-value', message: `${capitalise(label)} "${text}" is not one of: ${values.join(', ')}.` };
}

const INTEGER = /^[+-]?\d+$/;

const asInteger: Check<number> = (text, label) =>
  INTEGER.test(text) ? { value: Number(text) } : { code: 'not-an-integer', message: `${capitalise(label)} "${text}" is not a whole number.` };

const asHeadcount: Check<number> = (text, label) =>
  /^\d+$/.test(text) && Number(text) >= 1
    ? { value: Number(text) }
    : { code: 'not-an-integer', message: `${capitalise(label)} "${text}" is not a whole number of people (1 or more).` };

/** An IANA time zone such as Europe/Amsterdam, as the platform's Intl knows it. */
const asTimeZone: Check<string> = (text, label) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: text });
    return { value: text };
  } catch {
    return { code: 'not-a-time-zone', message: `${capitalise(label)} "${text}" is not a time zone; write it like Europe/Amsterdam.` };
  }
};

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/;

/** A local date and time YYYY-MM-DDTHH:MM, read in the model's time zone. */
const asLocalDateTime: Check<string> = (text, label) => {
  const m = LOCAL_DATE_TIME.exec(text);
  if (m && 'value' in asDate(m[1]!, label)) return { value: text };
  return { code: 'not-a-date-time', message: `${capitalise(label)} "${text}" is not a date and time; write it like 2026-01-05T09:00.` };
};

/** Weekdays separated by spaces or commas, such as "mon tue wed thu fri". */
const asWeekdays: Check<Weekday[]> = (text, label) => {
  const days = text.toLowerCase().split(/[\s,]+/).filter((d) => d !== '');
  if (days.length > 0 && days.every((d) => (WEEKDAYS as readonly string[]).includes(d))) return { value: [...new Set(days)] as Weekday[] };
  return { code: 'not-weekdays', message: `${capitalise(label)} "${text}" are not weekdays; write them like "mon tue wed thu fri".` };
};

/** A working-hours range of one day, minutes from midnight. */
export interface HoursRange {
  from: number;
  to: number;
}

const HOURS_RANGE = /^([01]\d|2[0-3]):([0-5]\d)-(([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** Ranges such as "09:00-17:00" or "08:30-12:00 13:00-17:00", in order and not overlapping. */
const asWorkingHours: Check<HoursRange[]> = (text, label) => {
  const ranges: HoursRange[] = [];
  for (const part of text.split(/[\s,]+/).filter((p) => p !== '')) {
    const m = HOURS_RANGE.exec(part);
    const from = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
    const to = m ? (m[3] === '24:00' ? 1440 : Number(m[4]) * 60 + Number(m[5])) : NaN;
    const previous = ranges[ranges.length - 1];
    if (!m || !(from < to) || (previous && from < previous.to)) {
      return {
        code: 'not-working-hours',
        message: `${capitalise(label)} "${text}" are not working hours; write ranges in order like "09:00-17:00" or "08:30-12:00 13:00-17:00".`
      };
    }
    ranges.push({ from, to });
  }
  if (ranges.length === 0) return { code: 'not-working-hours', message: `${capitalise(label)} "${text}" are not working hours; write them like "09:00-17:00".` };
  return { value: ranges };
};

/** Dates separated by spaces or commas, such as "2026-12-25 2026-12-26". */
const asDateList: Check<string[]> = (text, label) => {
  const dates = text.split(/[\s,]+/).filter((d) => d !== '');
  if (dates.every((d) => 'value' in asDate(d, label))) return { value: dates };
  return { code: 'not-a-date-list', message: `${capitalise(label)} "${text}" are not dates; write them like "2026-12-25 2026-12-26".` };
};

const text = (label: string) => fieldOf(label, asText);
const requiredText = (label: string) => requiredField(label, asText);
const decimal = (label: string) => fieldOf(label, asDecimal);
const amount = (label: string) => fieldOf(label, asAmount);
const percentage = (label: string) => fieldOf(label, asPercentage);
const date = (label: string) => fieldOf(label, asDate);
const duration = (label: string) => fieldOf(label, asDuration);
const boolean = (label: string) => fieldOf(label, asBoolean);
const oneOf = <const T extends readonly string[]>(label: string, values: T) => fieldOf(label, asOneOf(values));
const requiredOneOf = <const T extends readonly string[]>(label: string, values: T) => requiredField(label, asOneOf(values));
const integer = (label: string) => fieldOf(label, asInteger);
const headcount = (label: string) => fieldOf(label, asHeadcount);
const timeZone = (label: string) => fieldOf(label, asTimeZone);

// ---------------------------------------------------------------------------
// Cross-field rules: they see only the fields that are valid on their own.

type Rule<T> = (value: Partial<T>) => FieldProblem[];

function periodRule(startField: string, endField: string): Rule<Record<string, unknown>> {
  return (v) => {
    const start = v[startField];
    const end = v[endField];
    if (typeof start === 'string' && typeof end === 'string' && end < start) {
      return [
        {
          field: endField,
          code: 'period-reversed',
          message: `The period ends (${end}) before it starts (${start}).`,
          value: end
        }
      ];
    }
    return [];
  };
}

// ---------------------------------------------------------------------------
// The ml: types. Shapes list attributes only; child elements are separate types.

const roleShape = {
  id: requiredText('role id'),
  name: text('name'),
  department: text('department'),
  person: text('person')
};

const ruleSettingShape = {
  rule: requiredText('rule'),
  enabled: boolean('enabled'),
  severity: oneOf('severity', RULE_SEVERITIES),
  tolerance: amount('tolerance')
};

const customerPromiseShape = {
  text: text('promise'),
  measure: text('measure'),
  // The target's format depends on the measure (a duration for lead-time, a number
  // otherwise), so it is checked by the rule below.
  target: text('target'),
  unit: text('unit'),
  workingDays: boolean('working days')
};

const customerPromiseRule: Rule<z.output<z.ZodObject<typeof customerPromiseShape>>> = (v) => {
  if (v.target === undefined) return [];
  if (v.measure === LEAD_TIME_MEASURE) {
    const check = asDuration(v.target, 'target');
    return 'value' in check ? [] : [{ field: 'target', ...check, value: v.target }];
  }
  const check = asDecimal(v.target, 'target');
  if (!('value' in check)) return [{ field: 'target', ...check, value: v.target }];
  if (v.unit === undefined) {
    return [{ field: 'unit', code: 'unit-missing', message: `The target ${v.target} has no unit; say what is counted, such as "%" or "customers".` }];
  }
  return [];
};

const departmentShape = {
  kind: oneOf('kind', DEPARTMENT_KINDS),
  name: text('name'),
  head: text('head')
};

const stepShape = {
  activityGroup: oneOf('activity group', ACTIVITY_GROUPS),
  level: oneOf('level', STEP_LEVELS)
};

const assignmentShape = {
  role: requiredText('role'),
  responsibility: requiredOneOf('responsibility', RESPONSIBILITIES)
};

const kpiShape = {
  id: text('KPI id'),
  name: text('name'),
  objectiveGroup: oneOf('objective group', OBJECTIVE_GROUPS),
  unit: text('unit'),
  direction: oneOf('direction', KPI_DIRECTIONS),
  target: decimal('target'),
  realised: decimal('realised value'),
  evidence: text('evidence'),
  periodStart: date('period start'),
  periodEnd: date('period end'),
  targetGroup: text('target group'),
  product: text('product'),
  channel: text('channel'),
  campaign: text('campaign')
};

const kpiRule: Rule<z.output<z.ZodObject<typeof kpiShape>>> = (v) => {
  const problems = periodRule('periodStart', 'periodEnd')(v);
  if (v.target !== undefined && v.unit === undefined) {
    problems.push({
      field: 'unit',
      code: 'unit-missing',
      message: `The target ${v.target} has no unit; say what is measured, such as "EUR", "%" or "customers".`
    });
  }
  return problems;
};

const measurementShape = {
  periodStart: date('period start'),
  periodEnd: date('period end'),
  value: decimal('value'),
  evidence: text('evidence'),
  recordedOn: date('recorded on')
};

const resourcesShape = {
  budgetGroup: oneOf('budget group', ACTIVITY_GROUPS),
  currency: fieldOf('currency', asCurrency),
  plannedBudget: amount('planned budget'),
  realisedBudget: amount('realised budget'),
  plannedHours: amount('planned hours'),
  realisedHours: amount('realised hours')
};

const durationShape = {
  planned: duration('planned duration'),
  min: duration('minimum duration'),
  mostLikely: duration('most likely duration'),
  max: duration('maximum duration'),
  realisedAverage: duration('realised average duration')
};

const durationRule: Rule<z.output<z.ZodObject<typeof durationShape>>> = (v) => {
  const points = (['min', 'mostLikely', 'max'] as const).filter((k) => v[k] !== undefined);
  if (points.length === 0) return [];
  if (points.length < 3) {
    const missing = (['min', 'mostLikely', 'max'] as const).find((k) => v[k] === undefined)!;
    return [
      {
        field: missing,
        code: 'triangle-incomplete',
        message: 'A triangular duration needs all three of minimum, most likely and maximum.'
      }
    ];
  }
  const [min, likely, max] = [parseIsoDuration(v.min)!, parseIsoDuration(v.mostLikely)!, parseIsoDuration(v.max)!];
  if (min <= likely && likely <= max) return [];
  const field = min > likely ? 'mostLikely' : 'max';
  return [
    {
      field,
      code: 'triangle-order',
      message: `Minimum (${v.min}), most likely (${v.mostLikely}) and maximum (${v.max}) must be in increasing order.`,
      value: v[field]
    }
  ];
};

const agreementShape = {
  deliverable: text('deliverable'),
  criteria: text('criteria'),
  dueWithin: duration('due within'),
  providerRole: text('provider role'),
  receiverRole: text('receiver role'),
  status: oneOf('status', AGREEMENT_STATUSES),
  agreedOn: date('agreed on'),
  reviewDate: date('review date'),
  notes: text('notes')
};

const simulationShape = {
  probability: percentage('probability'),
  repeatProbability: percentage('repeat probability'),
  arrivalInterval: duration('arrival interval'),
  delay: duration('delay')
};

const exemptionShape = {
  rule: requiredText('rule'),
  reason: requiredText('reason'),
  by: text('by'),
  date: date('date')
};

// An improvement action names the element it improves and what prompted it: an
// audit finding (its rule id) or a KPI (its id); the ids are plain text, like role ids.
const actionShape = {
  id: requiredText('action id'),
  elementId: text('element'),
  findingRule: text('finding rule'),
  kpiId: text('KPI id'),
  what: requiredText('what'),
  owner: text('owner'),
  due: date('due date'),
  status: oneOf('status', ACTION_STATUSES),
  createdOn: date('created on')
};

// ---- Capacity: resource pools, working calendars, arrivals, work per step, what-if scenarios.

/** The attributes of a distribution; durations are ISO 8601 (in working time of the performer for work). */
const distributionShape = {
  distribution: oneOf('distribution', DISTRIBUTIONS),
  mean: duration('mean'),
  sd: duration('standard deviation'),
  min: duration('minimum'),
  mostLikely: duration('most likely'),
  max: duration('maximum')
};

type DistributionFields = Partial<z.output<z.ZodObject<typeof distributionShape>>>;

/** Which parameters each distribution needs. */
export const DISTRIBUTION_PARAMETERS: Record<DistributionKind, ReadonlyArray<keyof typeof distributionShape>> = {
  fixed: ['mean'],
  exponential: ['mean'],
  uniform: ['min', 'max'],
  normal: ['mean', 'sd'],
  lognormal: ['mean', 'sd'],
  gamma: ['mean', 'sd'],
  triangular: ['min', 'mostLikely', 'max']
};

const DISTRIBUTION_LABELS: Record<string, string> = { mean: 'mean', sd: 'standard deviation', min: 'minimum', mostLikely: 'most likely', max: 'maximum' };

function distributionRule(v: DistributionFields): FieldProblem[] {
  if (v.distribution === undefined) return [];
  const missing = DISTRIBUTION_PARAMETERS[v.distribution].filter((k) => v[k] === undefined);
  if (missing.length > 0) {
    return [
      {
        field: missing[0]!,
        code: 'distribution-incomplete',
        message: `A ${v.distribution} distribution needs its ${missing.map((k) => DISTRIBUTION_LABELS[k]).join(' and ')}.`
      }
    ];
  }
  const ordered = (['min', 'mostLikely', 'max'] as const).filter((k) => v[k] !== undefined);
  for (let i = 1; i < ordered.length; i++) {
    const a = ordered[i - 1]!;
    const b = ordered[i]!;
    if (parseIsoDuration(v[a])! > parseIsoDuration(v[b])!) {
      return [{ field: b, code: 'distribution-order', message: `The ${DISTRIBUTION_LABELS[a]} (${v[a]}) is above the ${DISTRIBUTION_LABELS[b]} (${v[b]}).`, value: v[b] }];
    }
  }
  return [];
}

const capacityShape = {
  timeZone: timeZone('time zone'),
  start: fieldOf('start', asLocalDateTime)
};

const calendarShape = {
  id: requiredText('calendar id'),
  name: text('name'),
  days: fieldOf('days', asWeekdays),
  hours: fieldOf('working hours', asWorkingHours),
  holidays: fieldOf('holidays', asDateList),
  timeZone: timeZone('time zone')
};

const poolShape = {
  id: requiredText('pool id'),
  name: text('name'),
  role: text('role'),
  department: text('department'),
  capacity: headcount('capacity'),
  costPerHour: amount('cost per hour'),
  currency: fieldOf('currency', asCurrency),
  calendar: text('calendar')
};

const personShape = { name: requiredText('name') };

const arrivalsShape = {
  ...distributionShape,
  rate: amount('arrivals per period'),
  per: duration('period'),
  calendar: text('arrival calendar')
};

const arrivalsRule: Rule<z.output<z.ZodObject<typeof arrivalsShape>>> = (v) => distributionRule(v);

const workShape = {
  pool: text('pool'),
  priority: integer('priority'),
  fixedCost: amount('fixed cost per execution'),
  ...distributionShape
};

const workRule: Rule<z.output<z.ZodObject<typeof workShape>>> = (v) => distributionRule(v);

const scenarioShape = {
  id: requiredText('scenario id'),
  name: text('name'),
  arrivalRate: amount('arrivals per period'),
  arrivalChange: decimal('change in arrivals (percent)'),
  notes: text('notes')
};

const poolChangeShape = {
  pool: requiredText('pool'),
  capacity: headcount('capacity'),
  costPerHour: amount('cost per hour'),
  calendar: text('calendar')
};

const noRule: Rule<unknown> = () => [];

/** Per ml: type, the attribute validators and the cross-field rule. */
const ML_TYPES = {
  'ml:ValueChain': { shape: { owner: text('owner'), valueProposition: text('value proposition') }, rule: noRule },
  'ml:CustomerPromise': { shape: customerPromiseShape, rule: customerPromiseRule },
  'ml:Role': { shape: roleShape, rule: noRule },
  'ml:RuleSetting': { shape: ruleSettingShape, rule: noRule },
  'ml:Action': { shape: actionShape, rule: noRule },
  'ml:Department': { shape: departmentShape, rule: noRule },
  'ml:Step': { shape: stepShape, rule: noRule },
  'ml:Assignment': { shape: assignmentShape, rule: noRule },
  'ml:Kpi': { shape: kpiShape, rule: kpiRule },
  'ml:Measurement': { shape: measurementShape, rule: periodRule('periodStart', 'periodEnd') },
  'ml:Resources': { shape: resourcesShape, rule: noRule },
  'ml:Duration': { shape: durationShape, rule: durationRule },
  'ml:Agreement': { shape: agreementShape, rule: noRule },
  'ml:Simulation': { shape: simulationShape, rule: noRule },
  'ml:Exemption': { shape: exemptionShape, rule: noRule },
  'ml:Capacity': { shape: capacityShape, rule: noRule },
  'ml:Calendar': { shape: calendarShape, rule: noRule },
  'ml:Pool': { shape: poolShape, rule: noRule },
  'ml:Person': { shape: personShape, rule: noRule },
  'ml:Arrivals': { shape: arrivalsShape, rule: arrivalsRule },
  'ml:Work': { shape: workShape, rule: workRule },
  'ml:Scenario': { shape: scenarioShape, rule: noRule },
  'ml:PoolChange': { shape: poolChangeShape, rule: noRule }
} as const;

/** Every ml: element type, including the ones that only occur as children. */
export type MlElementType = keyof typeof ML_TYPES;

/** The typed attributes of one ml: element type (children not included). */
export type MlAttributes<T extends MlElementType> = z.output<z.ZodObject<(typeof ML_TYPES)[T]['shape']>>;

/** The attribute names of one ml: element type, in descriptor order. */
export function attributeNames(type: MlElementType): string[] {
  return Object.keys(ML_TYPES[type].shape);
}

/** One attribute of an ml: type: its name, its zod schema and the same check as plain data. */
type FieldEntry = readonly [name: string, schema: z.ZodType, plain: PlainField | undefined];

/** Per ml: type, its attributes in descriptor order; built on first use. */
const FIELD_ENTRIES = new Map<MlElementType, readonly FieldEntry[]>();

function fieldEntries(type: MlElementType): readonly FieldEntry[] {
  let entries = FIELD_ENTRIES.get(type);
  if (!entries) {
    entries = (Object.entries(ML_TYPES[type].shape) as Array<[string, z.ZodType]>).map(([name, schema]) => [name, schema, PLAIN_FIELDS.get(schema)] as const);
    FIELD_ENTRIES.set(type, entries);
  }
  return entries;
}

/**
 * Validates the stored attributes of one ml: element field by field: every valid
 * field is typed into `value`, every invalid one is left out of it and reported.
 *
 * Almost every stored value is valid, and the audit and the reader validate every
 * ml: element of a model, so the common case runs each field's check directly (the
 * check zod runs inside the field schema, on the same trimmed text). As soon as one
 * field is wrong, the element is validated again with zod, which words the problems:
 * the result is always validateAttributesWithZod's (test/unit/model/value-chain/schema.test.ts
 * compares the two on every type with valid, blank, padded, invalid and non-text values).
 */
export function validateAttributes<T extends MlElementType>(
  type: T,
  attrs: Record<string, string | undefined>
): { value: Partial<MlAttributes<T>>; problems: FieldProblem[] } {
  const value = validValues(type, attrs);
  if (!value) return validateAttributesWithZod(type, attrs);
  return { value: value as Partial<MlAttributes<T>>, problems: (ML_TYPES[type].rule as Rule<Record<string, unknown>>)(value) };
}

/**
 * The typed values of an element whose every stored attribute is valid on its own
 * (cross-field rules aside), or undefined when one is not.
 */
function validValues(type: MlElementType, attrs: Record<string, string | undefined>): Record<string, unknown> | undefined {
  const value: Record<string, unknown> = {};
  for (const [name, , plain] of fieldEntries(type)) {
    // A field built without checkedText has no plain form: zod decides.
    if (!plain) return undefined;
    const stored: unknown = attrs[name];
    if (stored === undefined) {
      if (plain.required) return undefined;
      continue;
    }
    if (typeof stored !== 'string') return undefined;
    const text = stored.trim();
    if (text === '') {
      if (plain.required) return undefined;
      continue;
    }
    const result = plain.check(text, plain.label);
    if (!('value' in result)) return undefined;
    if (result.value !== undefined) value[name] = result.value;
  }
  return value;
}

/** validateAttributes done wholly by the zod schemas: the reference its fast path is tested against. */
export function validateAttributesWithZod<T extends MlElementType>(
  type: T,
  attrs: Record<string, string | undefined>
): { value: Partial<MlAttributes<T>>; problems: FieldProblem[] } {
  const { shape, rule } = ML_TYPES[type];
  const value: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const [field, schema] of Object.entries(shape) as Array<[string, z.ZodType]>) {
    const stored = attrs[field];
    const result = schema.safeParse(stored);
    if (result.success) {
      if (result.data !== undefined) value[field] = result.data;
    } else {
      for (const issue of result.error.issues) problems.push(toProblem(issue, field, stored));
    }
  }
  problems.push(...(rule as Rule<Record<string, unknown>>)(value));
  return { value: value as Partial<MlAttributes<T>>, problems };
}

function toProblem(issue: z.core.$ZodIssue, field: string, stored: string | undefined): FieldProblem {
  const code = (issue.code === 'custom' && (issue.params?.code as SchemaIssueCode | undefined)) || 'unknown-value';
  return { field, code, message: issue.message, ...(stored !== undefined ? { value: stored } : {}) };
}

/** The schema issue code of a zod issue raised by these schemas (for the strict schemas' errors). */
export function issueCode(issue: z.core.$ZodIssue): SchemaIssueCode | undefined {
  return issue.code === 'custom' ? (issue.params?.code as SchemaIssueCode | undefined) : undefined;
}

// ---------------------------------------------------------------------------
// Strict schemas for whole records (attributes plus children), with inferred types.

function strict<S extends z.ZodRawShape>(shape: S, rule: Rule<z.output<z.ZodObject<S>>>) {
  return z.object(shape).superRefine((value, ctx) => {
    for (const p of rule(value as Partial<z.output<z.ZodObject<S>>>)) {
      ctx.addIssue({ code: 'custom', path: p.field.split('.'), message: p.message, params: { code: p.code }, input: p.value });
    }
  });
}

/** A role of the process's role catalogue. */
export const RoleSchema = strict(roleShape, noRule);
/** An audit rule's setting for this process. */
export const RuleSettingSchema = strict(ruleSettingShape, noRule);
/** ml:Action: an improvement action on an element, prompted by a finding or a KPI. */
export const ActionSchema = strict(actionShape, noRule);
/** The customer promise: a lead-time duration or a numeric target with a unit. */
export const CustomerPromiseSchema = strict(customerPromiseShape, customerPromiseRule);
/** ml:Department on a lane or pool. */
export const DepartmentSchema = strict(departmentShape, noRule);
/** ml:Assignment: a role's RACI responsibility on a step. */
export const AssignmentSchema = strict(assignmentShape, noRule);
/** ml:Measurement: one realised value of a KPI for one period. */
export const MeasurementSchema = strict(measurementShape, periodRule('periodStart', 'periodEnd'));
/** ml:Kpi: a SMART objective (measure, target, period) with its measurement history. */
export const KpiSchema = strict({ ...kpiShape, measurements: z.array(MeasurementSchema).default([]) }, kpiRule);
/** ml:Resources: planned and realised budget and hours of a step. */
export const ResourcesSchema = strict(resourcesShape, noRule);
/** ml:Duration: a fixed or triangular planned duration and the realised average. */
export const DurationSchema = strict(durationShape, durationRule);
/** ml:Agreement: the agreement recorded on a handover flow. */
export const AgreementSchema = strict(agreementShape, noRule);
/** ml:Simulation: probabilities, arrival interval and delay for the simulation. */
export const SimulationSchema = strict(simulationShape, noRule);
/** ml:Exemption: an audit rule deliberately not applied to one element. */
export const ExemptionSchema = strict(exemptionShape, noRule);

/** A budget group must be the activity group of the step it belongs to. */
export function budgetGroupRule(activityGroup: ActivityGroup | undefined, budgetGroup: ActivityGroup | undefined): FieldProblem[] {
  if (!activityGroup || !budgetGroup || activityGroup === budgetGroup) return [];
  return [
    {
      field: 'resources.budgetGroup',
      code: 'budget-group-mismatch',
      message: `The budget group "${budgetGroup}" differs from the step's activity group "${activityGroup}"; budgets are kept per activity group.`,
      value: budgetGroup
    }
  ];
}

/** ml:Calendar: working days, hours, holidays and time zone. */
export const CalendarSchema = strict(calendarShape, noRule);
/** ml:Person: a named member of a pool. */
export const PersonSchema = strict(personShape, noRule);
/** ml:Pool: people of a role (or a department's roles) with capacity, cost per hour and calendar. */
export const PoolSchema = strict({ ...poolShape, people: z.array(PersonSchema).default([]) }, noRule);
/** ml:Arrivals: how cases arrive, as a distribution of the time between them or as a rate ("200 per week"). */
export const ArrivalsSchema = strict(arrivalsShape, arrivalsRule);
/** ml:Work: who performs a step (pool), its priority, fixed cost and duration distribution in working time. */
export const WorkSchema = strict(workShape, workRule);
/** ml:PoolChange: a what-if change to one pool. */
export const PoolChangeSchema = strict(poolChangeShape, noRule);
/** ml:Scenario: a saved what-if scenario. */
export const ScenarioSchema = strict({ ...scenarioShape, poolChanges: z.array(PoolChangeSchema).default([]) }, noRule);
/** ml:Capacity: everything the capacity simulation reads besides the steps. */
export const CapacitySchema = strict(
  {
    ...capacityShape,
    calendars: z.array(CalendarSchema).default([]),
    pools: z.array(PoolSchema).default([]),
    arrivals: ArrivalsSchema.optional(),
    scenarios: z.array(ScenarioSchema).default([])
  },
  noRule
);

/** ml:Step: what a value-chain step records (group, level, RACI, KPIs, resources, duration, work). */
export const StepSchema = strict(
  {
    ...stepShape,
    assignments: z.array(AssignmentSchema).default([]),
    kpis: z.array(KpiSchema).default([]),
    resources: ResourcesSchema.optional(),
    duration: DurationSchema.optional(),
    work: WorkSchema.optional()
  },
  (v) => budgetGroupRule(v.activityGroup, v.resources?.budgetGroup)
);

/** ml:ValueChain: owner, value proposition, customer promise, role catalogue and rule settings. */
export const ValueChainSchema = strict(
  {
    ...ML_TYPES['ml:ValueChain'].shape,
    customerPromise: CustomerPromiseSchema.optional(),
    roles: z.array(RoleSchema).default([]),
    ruleSettings: z.array(RuleSettingSchema).default([]),
    actions: z.array(ActionSchema).default([]),
    capacity: CapacitySchema.optional()
  },
  noRule
);

// The typed records of valid data, as the strict schemas produce them.
export type Role = z.infer<typeof RoleSchema>;
export type RuleSetting = z.infer<typeof RuleSettingSchema>;
export type Action = z.infer<typeof ActionSchema>;
export type CustomerPromise = z.infer<typeof CustomerPromiseSchema>;
export type Department = z.infer<typeof DepartmentSchema>;
export type Assignment = z.infer<typeof AssignmentSchema>;
export type Measurement = z.infer<typeof MeasurementSchema>;
export type Kpi = z.infer<typeof KpiSchema>;
export type Resources = z.infer<typeof ResourcesSchema>;
export type Duration = z.infer<typeof DurationSchema>;
export type Agreement = z.infer<typeof AgreementSchema>;
export type Simulation = z.infer<typeof SimulationSchema>;
export type Exemption = z.infer<typeof ExemptionSchema>;
export type Step = z.infer<typeof StepSchema>;
export type Calendar = z.infer<typeof CalendarSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Pool = z.infer<typeof PoolSchema>;
export type Arrivals = z.infer<typeof ArrivalsSchema>;
export type Work = z.infer<typeof WorkSchema>;
export type PoolChange = z.infer<typeof PoolChangeSchema>;
export type CapacityScenario = z.infer<typeof ScenarioSchema>;
export type Capacity = z.infer<typeof CapacitySchema>;
export type ValueChain = z.infer<typeof ValueChainSchema>;

function capitalise(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

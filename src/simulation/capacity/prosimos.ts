/**
 * Prosimos simulation scenarios (the JSON the Prosimos simulator reads) to and from the
 * capacity model. Import validates the file with zod: unknown fields and distributions
 * are refused with a message naming where they are; fields Prosimos knows that this
 * simulation does not model are reported and ignored. Ids from the file only ever
 * become Map keys.
 *
 * Distributions, parameters in seconds: fix [value], expon [mean, min, max], uniform
 * [min, max], norm [mean, std, min, max], lognorm and gamma [mean, variance, min, max].
 */
import { z } from 'zod';
import { WEEKDAYS, type HoursRange } from '../../model/value-chain/schema';
import { NodeKind, SplitMode, type SimModel } from '../model';
import { defaultCalendar } from './input';
import type { CalendarSpec, CapacityInput, DistributionSpec, PoolSpec, TaskWorkSpec } from './types';

const SECONDS_PER_HOUR = 3600;
const DAY_NAMES = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
/** Prosimos distribution names and what they mean here. */
export const PROSIMOS_DISTRIBUTIONS = ['fix', 'expon', 'uniform', 'norm', 'lognorm', 'gamma'] as const;
/** Fields Prosimos reads that this simulation does not model: reported, then ignored. */
const NOT_SIMULATED = ['batch_processing', 'case_attributes', 'prioritisation_rules', 'event_distribution', 'model_type', 'multitask', 'granule_size', 'branch_rules', 'event_attributes', 'global_attributes'] as const;

/** Thrown when a scenario file cannot be used; `problems` lists every reason, each naming its place. */
export class ProsimosError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Prosimos scenario cannot be used: ${problems.join(' ')}`);
    this.name = 'ProsimosError';
  }
}

const numberLike = z.union([z.number(), z.string().trim().regex(/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/, 'not a number').transform(Number)]);
const param = z.strictObject({ value: numberLike });
const distribution = z.strictObject({ distribution_name: z.string(), distribution_params: z.array(param) });
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?$/, 'not a time of day such as 09:00:00.000');
const period = z.strictObject({ from: z.enum(DAY_NAMES), to: z.enum(DAY_NAMES), beginTime: time, endTime: time });
const resource = z.strictObject({
  id: z.string().min(1),
  name: z.string().optional(),
  cost_per_hour: numberLike.pipe(z.number().min(0)).optional(),
  amount: numberLike.pipe(z.number().int().min(1)).optional(),
  calendar: z.string().min(1),
  assignedTasks: z.array(z.string()).optional()
});

const scenarioShape = {
  resource_profiles: z.array(z.strictObject({ id: z.string().min(1), name: z.string().optional(), resource_list: z.array(resource).min(1) })),
  arrival_time_distribution: distribution,
  arrival_time_calendar: z.array(period),
  gateway_branching_probabilities: z.array(z.strictObject({ gateway_id: z.string(), probabilities: z.array(z.strictObject({ path_id: z.string(), value: numberLike })) })).default([]),
  task_resource_distribution: z.array(z.strictObject({ task_id: z.string(), resources: z.array(distribution.extend({ resource_id: z.string() }).strict()).min(1) })),
  resource_calendars: z.array(z.strictObject({ id: z.string().min(1), name: z.string().optional(), time_periods: z.array(period).min(1) }))
};

/** The part of a Prosimos scenario this simulation reads, as validated. */
export type ProsimosScenario = z.output<z.ZodObject<typeof scenarioShape>>;
type ProsimosDistribution = z.output<typeof distribution>;
type ProsimosPeriod = z.output<typeof period>;

const scenarioSchema = z.object({
  ...scenarioShape,
  ...Object.fromEntries(NOT_SIMULATED.map((k) => [k, z.unknown().optional()]))
}).strict();

function where(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? 'the file' : path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** Parses and validates scenario JSON text; throws ProsimosError with every problem. */
export function parseProsimos(text: string): { scenario: ProsimosScenario; notes: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ProsimosError([`The file is not JSON (${(e as Error).message}).`]);
  }
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    throw new ProsimosError(
      parsed.error.issues.map((i) => {
        if (i.code === 'unrecognized_keys') return `At ${where(i.path)}: unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}.`;
        if (i.code === 'invalid_type' && i.input === undefined) return `At ${where(i.path)}: this field is required.`;
        return `At ${where(i.path)}: ${i.message}.`;
      })
    );
  }
  const data = parsed.data as ProsimosScenario & Record<string, unknown>;
  const notes = NOT_SIMULATED.filter((k) => data[k] !== undefined && !(Array.isArray(data[k]) && (data[k] as unknown[]).length === 0)).map(
    (k) => `"${k}" is not simulated by MissingLink and was ignored.`
  );
  const problems: string[] = [];
  const check = (d: ProsimosDistribution, at: string) => {
    const p = distributionFromProsimos(d);
    if (typeof p === 'string') problems.push(`At ${at}: ${p}`);
  };
  check(data.arrival_time_distribution, 'arrival_time_distribution');
  data.task_resource_distribution.forEach((t, i) => t.resources.forEach((r, j) => check(r, `task_resource_distribution[${i}].resources[${j}]`)));
  if (problems.length > 0) throw new ProsimosError(problems);
  return { scenario: data, notes };
}

/** A Prosimos distribution in hours, or why it cannot be read. */
export function distributionFromProsimos(d: ProsimosDistribution): DistributionSpec | string {
  const v = d.distribution_params.map((p) => p.value / SECONDS_PER_HOUR);
  const need = (n: number, names: string) => (v.length < n ? `the distribution "${d.distribution_name}" needs ${names} (in seconds); it has ${v.length} value${v.length === 1 ? '' : 's'}.` : null);
  const bounds = (from: number): Pick<DistributionSpec, 'min' | 'max'> => ({
    ...(v[from] !== undefined && v[from]! > 0 ? { min: v[from]! } : {}),
    ...(v[from + 1] !== undefined && Number.isFinite(v[from + 1]!) && v[from + 1]! > 0 ? { max: v[from + 1]! } : {})
  });
  switch (d.distribution_name) {
    case 'fix':
      return need(1, '[value]') ?? { kind: 'fixed', mean: v[0]! };
    case 'expon':
      return need(1, '[mean, min, max]') ?? { kind: 'exponential', mean: v[0]!, ...bounds(1) };
    case 'uniform':
      return need(2, '[min, max]') ?? { kind: 'uniform', min: v[0]!, max: v[1]! };
    case 'norm':
      return need(2, '[mean, std, min, max]') ?? { kind: 'normal', mean: v[0]!, sd: v[1]!, ...bounds(2) };
    case 'lognorm':
    case 'gamma': {
      // The variance is in seconds², so its square root in seconds, then hours.
      const missing = need(2, '[mean, variance, min, max]');
      if (missing) return missing;
      const sd = Math.sqrt(Math.max(0, d.distribution_params[1]!.value)) / SECONDS_PER_HOUR;
      return { kind: d.distribution_name === 'gamma' ? 'gamma' : 'lognormal', mean: v[0]!, sd, ...bounds(2) };
    }
    default:
      return `the distribution "${d.distribution_name}" is not known; use one of ${PROSIMOS_DISTRIBUTIONS.join(', ')}.`;
  }
}

/** "09:00:00.000" → minutes from midnight; "23:59:59.999" counts as the end of the day. */
function minutesOf(t: string): number {
  const [h, m, s] = t.split(':');
  const minutes = Number(h) * 60 + Number(m) + Number(s ?? 0) / 60;
  return minutes >= 1439.98 ? 1440 : minutes;
}

/** Prosimos time periods as hours per weekday (index 0 = Monday). */
function weekOf(periods: ProsimosPeriod[], at: string, problems: string[]): HoursRange[][] {
  const week: HoursRange[][] = WEEKDAYS.map(() => []);
  periods.forEach((p, i) => {
    const from = minutesOf(p.beginTime);
    const to = minutesOf(p.endTime);
    if (!(to > from)) {
      problems.push(`At ${at}[${i}]: the period ends (${p.endTime}) before it begins (${p.beginTime}).`);
      return;
    }
    const a = DAY_NAMES.indexOf(p.from);
    const b = DAY_NAMES.indexOf(p.to);
    for (let d = a; ; d = (d + 1) % 7) {
      week[d]!.push({ from, to });
      if (d === b) break;
    }
  });
  for (const day of week) {
    day.sort((x, y) => x.from - y.from);
    // Overlapping periods of one day are one stretch of work.
    for (let i = day.length - 1; i > 0; i--) {
      if (day[i]!.from <= day[i - 1]!.to) {
        day[i - 1] = { from: day[i - 1]!.from, to: Math.max(day[i - 1]!.to, day[i]!.to) };
        day.splice(i, 1);
      }
    }
  }
  return week;
}

function calendarFromWeek(id: string, name: string, week: HoursRange[][], timeZone: string): CalendarSpec {
  return { id, name, days: WEEKDAYS.filter((_, i) => week[i]!.length > 0), hours: week.find((d) => d.length > 0) ?? [], holidays: [], timeZone, week };
}

/**
 * Applies a Prosimos scenario to a compiled model: its pools, calendars, arrivals,
 * durations and gateway probabilities replace the model's capacity data. Semantics as
 * Prosimos: a task takes the resource free earliest; work pauses outside its calendar;
 * an arrival outside the arrival calendar moves to the next opening.
 * Deviation: resources of one profile form one pool with one calendar and one rate
 * (the first resource's; a note says when they differ), and a task uses the duration
 * given for its first resource.
 */
export function importProsimos(text: string, model: SimModel, timeZone: string): { capacity: CapacityInput; notes: string[] } {
  const { scenario, notes } = parseProsimos(text);
  const problems: string[] = [];
  const calendars: CalendarSpec[] = scenario.resource_calendars.map((c, i) => calendarFromWeek(c.id, c.name ?? c.id, weekOf(c.time_periods, `resource_calendars[${i}].time_periods`, problems), timeZone));
  const calendarIds = new Set(calendars.map((c) => c.id));
  const activities = new Map(model.nodes.filter((n) => n.kind === NodeKind.Task || n.kind === NodeKind.SubProcess).map((n) => [n.id, n] as const));
  const resourcePool = new Map<string, number>();
  const pools: PoolSpec[] = [];
  const tasks = new Map<string, TaskWorkSpec>();
  scenario.resource_profiles.forEach((profile, i) => {
    const first = profile.resource_list[0]!;
    const differ = profile.resource_list.some((r) => r.calendar !== first.calendar || (r.cost_per_hour ?? 0) !== (first.cost_per_hour ?? 0));
    if (differ) notes.push(`The resources of "${profile.name ?? profile.id}" have different calendars or rates; the pool uses those of "${first.name ?? first.id}".`);
    profile.resource_list.forEach((r, j) => {
      if (!calendarIds.has(r.calendar)) problems.push(`At resource_profiles[${i}].resource_list[${j}]: the calendar "${r.calendar}" is not among resource_calendars.`);
      resourcePool.set(r.id, pools.length);
      for (const t of r.assignedTasks ?? []) {
        if (!activities.has(t)) notes.push(`The task "${t}" assigned to "${r.name ?? r.id}" is not in the model and was ignored.`);
        else if (!tasks.has(t)) tasks.set(t, { pool: profile.id });
      }
    });
    pools.push({
      id: profile.id,
      name: profile.name ?? profile.id,
      capacity: profile.resource_list.reduce((n, r) => n + (r.amount ?? 1), 0),
      people: [],
      costPerHour: first.cost_per_hour ?? 0,
      currency: model.currency,
      calendar: first.calendar,
      roles: []
    });
  });
  scenario.task_resource_distribution.forEach((t, i) => {
    if (!activities.has(t.task_id)) {
      problems.push(`At task_resource_distribution[${i}]: "${t.task_id}" is not a task of the model.`);
      return;
    }
    const r = t.resources[0]!;
    const p = resourcePool.get(r.resource_id);
    if (p === undefined) {
      problems.push(`At task_resource_distribution[${i}].resources[0]: the resource "${r.resource_id}" is not in resource_profiles.`);
      return;
    }
    const spec = tasks.get(t.task_id) ?? {};
    tasks.set(t.task_id, { ...spec, pool: spec.pool ?? pools[p]!.id, duration: distributionFromProsimos(r) as DistributionSpec });
  });
  const flows = new Set(model.flows.map((f) => f.id));
  const branching = new Map<string, number>();
  scenario.gateway_branching_probabilities.forEach((g, i) =>
    g.probabilities.forEach((p, j) => {
      if (!flows.has(p.path_id)) problems.push(`At gateway_branching_probabilities[${i}].probabilities[${j}]: "${p.path_id}" is not a sequence flow of the model.`);
      else if (!(p.value >= 0 && p.value <= 1)) problems.push(`At gateway_branching_probabilities[${i}].probabilities[${j}]: ${p.value} is not a probability from 0 to 1.`);
      else branching.set(p.path_id, p.value);
    })
  );
  const arrivalWeek = weekOf(scenario.arrival_time_calendar, 'arrival_time_calendar', problems);
  if (problems.length > 0) throw new ProsimosError(problems);
  const arrivalCalendar = calendarFromWeek('prosimos-arrivals', 'Arrivals', arrivalWeek, timeZone);
  calendars.push(arrivalCalendar);
  return {
    capacity: {
      timeZone,
      calendars,
      pools,
      arrival: { interval: distributionFromProsimos(scenario.arrival_time_distribution) as DistributionSpec, calendar: arrivalCalendar.id },
      tasks,
      branching,
      scenarios: [],
      source: 'prosimos'
    },
    notes
  };
}

/** A distribution in Prosimos's terms (seconds); triangular has no Prosimos form and becomes a bounded normal. */
function distributionToProsimos(d: DistributionSpec, notes: string[], what: string) {
  const s = (h: number | undefined) => ({ value: (h ?? 0) * SECONDS_PER_HOUR });
  const bounds = [s(d.min ?? 0), { value: d.max !== undefined ? d.max * SECONDS_PER_HOUR : 1e9 }];
  switch (d.kind) {
    case 'fixed':
      return { distribution_name: 'fix', distribution_params: [s(d.mean)] };
    case 'exponential':
      return { distribution_name: 'expon', distribution_params: [s(d.mean), ...bounds] };
    case 'uniform':
      return { distribution_name: 'uniform', distribution_params: [s(d.min), s(d.max)] };
    case 'normal':
      return { distribution_name: 'norm', distribution_params: [s(d.mean), s(d.sd), ...bounds] };
    case 'lognormal':
    case 'gamma':
      return { distribution_name: d.kind === 'gamma' ? 'gamma' : 'lognorm', distribution_params: [s(d.mean), { value: ((d.sd ?? 0) * SECONDS_PER_HOUR) ** 2 }, ...bounds] };
    case 'triangular': {
      const [a, c, b] = [d.min ?? 0, d.mode ?? 0, d.max ?? 0];
      const mean = (a + b + c) / 3;
      const sd = Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18);
      notes.push(`${what}: Prosimos has no triangular distribution; exported as a normal distribution with the same mean and standard deviation, kept within its minimum and maximum.`);
      return { distribution_name: 'norm', distribution_params: [s(mean), s(sd), s(a), s(b)] };
    }
  }
}

function periodsOf(spec: CalendarSpec): ProsimosPeriod[] {
  const out: ProsimosPeriod[] = [];
  const week = spec.week ?? WEEKDAYS.map((d) => (spec.days.includes(d) ? spec.hours : []));
  const time = (minutes: number) => {
    if (minutes >= 1440) return '23:59:59.999';
    const h = Math.floor(minutes / 60);
    const m = Math.floor(minutes % 60);
    return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00.000`;
  };
  week.forEach((ranges, i) => {
    for (const r of ranges) out.push({ from: DAY_NAMES[i]!, to: DAY_NAMES[i]!, beginTime: time(r.from), endTime: time(r.to) });
  });
  return out;
}

const ALL_WEEK: CalendarSpec = { id: 'round-the-clock', name: 'Round the clock', days: [...WEEKDAYS], hours: [{ from: 0, to: 1440 }], holidays: [], timeZone: 'UTC' };

/**
 * The model's scenario as Prosimos JSON: pools as resource profiles (one resource per
 * person), calendars, arrivals, durations per task and the gateways' probabilities.
 * Steps without a pool get an "Unlimited" profile round the clock, as they run here.
 */
export function exportProsimos(model: SimModel, capacity: CapacityInput): { scenario: ProsimosScenario; notes: string[] } {
  const notes: string[] = [];
  if (capacity.calendars.some((c) => c.holidays.length > 0)) notes.push('Prosimos calendars have no holidays; they were left out.');
  const calendarOf = (id: string | undefined) => (id === undefined ? defaultCalendar(capacity.timeZone) : capacity.calendars.find((c) => c.id === id)!);
  const usedCalendars = new Map<string, CalendarSpec>();
  const poolOfTask = new Map<string, string>();
  for (const node of model.nodes) {
    if (node.kind !== NodeKind.Task) continue;
    const spec = capacity.tasks.get(node.id);
    const pool = spec?.pool !== undefined ? capacity.pools.find((p) => p.id === spec.pool) : spec?.responsibleRole !== undefined ? capacity.pools.find((p) => p.roles.includes(spec.responsibleRole!)) : undefined;
    poolOfTask.set(node.id, pool?.id ?? 'unlimited');
  }
  const profiles = capacity.pools.map((p) => {
    const cal = calendarOf(p.calendar);
    const calId = cal.id || 'default';
    usedCalendars.set(calId, cal);
    const assigned = [...poolOfTask].filter(([, pool]) => pool === p.id).map(([t]) => t);
    return {
      id: p.id,
      name: p.name,
      resource_list: Array.from({ length: p.capacity }, (_, i) => ({
        id: `${p.id}_${i + 1}`,
        name: p.people[i] ?? `${p.name} ${i + 1}`,
        cost_per_hour: p.costPerHour,
        amount: 1,
        calendar: calId,
        assignedTasks: assigned
      }))
    };
  });
  const unassigned = [...poolOfTask].filter(([, pool]) => pool === 'unlimited').map(([t]) => t);
  if (unassigned.length > 0) {
    usedCalendars.set(ALL_WEEK.id, ALL_WEEK);
    profiles.push({
      id: 'unlimited',
      name: 'Unlimited (steps without a pool)',
      resource_list: [{ id: 'unlimited_1', name: 'Unlimited', cost_per_hour: 0, amount: 1000, calendar: ALL_WEEK.id, assignedTasks: unassigned }]
    });
    notes.push(`${unassigned.length} step${unassigned.length === 1 ? '' : 's'} without a pool run here without waiting; exported to a profile "unlimited" of 1000 resources round the clock.`);
  }
  const task_resource_distribution = [...poolOfTask].map(([taskId, poolId]) => {
    const node = model.nodes.find((n) => n.id === taskId)!;
    const own = capacity.tasks.get(taskId)?.duration;
    const d = node.duration[0];
    const duration: DistributionSpec = own ?? (d.min === d.max ? { kind: 'fixed', mean: d.min } : { kind: 'triangular', min: d.min, mode: d.mode, max: d.max });
    const profile = profiles.find((p) => p.id === poolId)!;
    return {
      task_id: taskId,
      resources: profile.resource_list.map((r) => ({ resource_id: r.id, ...distributionToProsimos(duration, notes, `"${node.name || node.id}"`) }))
    };
  });
  const gateway_branching_probabilities = model.nodes
    .filter((n) => (n.kind === NodeKind.Exclusive || n.kind === NodeKind.Inclusive) && n.outgoing.length > 1)
    .map((n) => ({
      gateway_id: n.id,
      probabilities: n.outgoing.map((f, i) => ({
        path_id: model.flows[f]!.id,
        // Cumulative probabilities back to one per flow, without the rounding noise of the subtraction.
        value: Math.round((n.split === SplitMode.One ? n.routing[i]! - (i > 0 ? n.routing[i - 1]! : 0) : n.routing[i]!) * 1e12) / 1e12
      }))
    }));
  const arrival = capacity.arrival;
  const interval: DistributionSpec = arrival?.interval ?? { kind: 'fixed', mean: Number.isFinite(model.arrivalIntervalHours) ? model.arrivalIntervalHours : 1 };
  const arrivalCalendar = arrival?.calendar !== undefined ? calendarOf(arrival.calendar) : ALL_WEEK;
  return {
    scenario: {
      resource_profiles: profiles,
      arrival_time_distribution: distributionToProsimos(interval, notes, 'Arrivals'),
      arrival_time_calendar: periodsOf(arrivalCalendar),
      gateway_branching_probabilities,
      task_resource_distribution,
      resource_calendars: [...usedCalendars].map(([id, c]) => ({ id, name: c.name, time_periods: periodsOf(c) }))
    },
    notes
  };
}

/**
 * The capacity simulation's public types: what the UI and the command line pass in
 * (options, what-if changes, capacity data from the model or from a Prosimos scenario)
 * and what they get back. All times in results are hours; dates are ISO 8601 text.
 */
import type { DistributionKind, HoursRange, Weekday } from '../../model/value-chain/schema';
import type { SimIssue, Scenario } from '../model';
import type { Random } from '../random';

export type { DistributionKind, HoursRange, Weekday };

/** A distribution in hours; which fields count depends on `kind` (see DISTRIBUTION_PARAMETERS). */
export interface DistributionSpec {
  kind: DistributionKind;
  /** fixed, exponential, normal, lognormal, gamma. */
  mean?: number;
  /** normal, lognormal, gamma. */
  sd?: number;
  /** uniform and triangular; for the others a lower bound draws are raised to. */
  min?: number;
  /** triangular. */
  mode?: number;
  /** uniform and triangular; for the others an upper bound draws are lowered to. */
  max?: number;
}

/** A working calendar: weekdays, hours and holidays in a time zone. */
export interface CalendarSpec {
  id: string;
  name: string;
  days: Weekday[];
  /** Working hours per working day, minutes from midnight, in order. */
  hours: HoursRange[];
  /** Dates (YYYY-MM-DD, local) without work. */
  holidays: string[];
  timeZone: string;
  /**
   * Hours per weekday (index 0 = Monday) when they differ between days, as Prosimos
   * calendars allow; overrides `days` and `hours`. ml:calendar has one set of hours.
   */
  week?: HoursRange[][];
}

/** A resource pool: people of one role (or a department's roles) who share one queue. */
export interface PoolSpec {
  id: string;
  name: string;
  /** Number of people; equals people.length when people are named. */
  capacity: number;
  people: string[];
  costPerHour: number;
  currency: string;
  /** Calendar id; the default calendar (Mon–Fri 09:00–17:00) when absent. */
  calendar?: string;
  /** Role ids whose steps this pool performs when a step names no pool itself. */
  roles: string[];
}

/** How cases arrive: the time between arrivals, optionally only while an arrival calendar is open. */
export interface ArrivalSpec {
  interval: DistributionSpec;
  /** Arrivals that fall outside this calendar move to its next opening. */
  calendar?: string;
}

/** Capacity data of one step (activity). */
export interface TaskWorkSpec {
  /** Pool id; else the pool of the step's Responsible role. */
  pool?: string;
  /** Higher goes first in the pool's queue; equal priorities keep the order in which steps were enabled. */
  priority?: number;
  /** Cost of one execution on top of hours × the pool's rate. */
  fixedCost?: number;
  /** Duration in working time of the performer; else the step's ml:duration (fixed or triangular). */
  duration?: DistributionSpec;
  /** The role with responsibility "responsible" on the step, whose pool performs it when `pool` is absent. */
  responsibleRole?: string;
}

/** A what-if change to one pool. */
export interface PoolChangeSpec {
  pool: string;
  capacity?: number;
  costPerHour?: number;
  calendar?: string;
}

/** A what-if scenario: saved in the model (ml:scenario) or made up in the panel. */
export interface WhatIf {
  id?: string;
  name?: string;
  /** Arrivals per arrival period (per week unless ml:arrivals per says otherwise). */
  arrivalRate?: number;
  /** Change in arrivals, percent: 20 means 20 % more cases. */
  arrivalChange?: number;
  pools?: PoolChangeSpec[];
}

/** Everything the capacity engine reads besides the BPMN graph, normalised (hours, ids). */
export interface CapacityInput {
  timeZone: string;
  /** Local date-time YYYY-MM-DDTHH:MM in timeZone, or an instant with offset. */
  start?: string;
  calendars: CalendarSpec[];
  pools: PoolSpec[];
  arrival?: ArrivalSpec;
  /** The friendly form the arrivals were given in ("200 per week"), for what-ifs and the report. */
  arrivalRate?: { rate: number; perHours: number };
  /** Per activity id. */
  tasks: Map<string, TaskWorkSpec>;
  /** Per sequence flow id: probability 0..1 (Prosimos gateway_branching_probabilities). */
  branching: Map<string, number>;
  scenarios: WhatIf[];
  /** Where the data came from, for the report. */
  source: 'model' | 'prosimos' | 'bpsim' | 'none';
}

/** Options of runCapacitySimulation. */
export interface CapacityRunOptions {
  /** Number of cases; default 1,000. */
  cases?: number;
  /** Same seed, same numbers; default 1. Ignored when `random` is given. */
  seed?: number | string;
  /** Injected random source (tests); default createRandom(seed). */
  random?: Random;
  /** Start of the simulated period: local YYYY-MM-DDTHH:MM in the model's time zone, or ISO with offset. */
  start?: string;
  /** planned (default) or realised durations where a step has no capacity duration. */
  scenario?: Scenario;
  /** A saved scenario's id, or changes made up in the panel. */
  whatIf?: string | WhatIf;
  /** Capacity data to use instead of the model's (a Prosimos or BPSim import). */
  capacity?: CapacityInput;
  /** Wall-clock budget in milliseconds; default 30 s. */
  timeBudgetMs?: number;
  clock?: () => number;
  stepLimit?: number;
}

/** A streaming summary of a time in hours. */
export interface TimeSummary {
  mean: number | null;
  p50: number | null;
  p90: number | null;
  max: number | null;
}

/** Per pool. */
export interface PoolResult {
  id: string;
  name: string;
  capacity: number;
  /** Busy working hours ÷ (capacity × open hours of the calendar) over the simulated period, 0..1. */
  utilisation: number;
  busyHours: number;
  availableHours: number;
  costPerHour: number;
  /** Mean hours a step waited in this pool's queue, per execution. */
  meanWaiting: number;
  /** Longest queue seen. */
  maxQueue: number;
  /** Cases per week this pool can handle at the simulated mix of work. */
  capacityPerWeek: number;
  /** Cases per week that arrive. */
  demandPerWeek: number;
  /** The work asked of the pool exceeds what it can do: its queue grows without end. */
  overloaded: boolean;
}

/** Per activity. */
export interface TaskResult {
  id: string;
  name: string;
  pool: string | null;
  /** Executions over all cases. */
  count: number;
  /** Hours per execution from enabled to start, waiting for a free person. */
  meanWaiting: number;
  /** Working hours per execution. */
  meanProcessing: number;
  /** Hours per execution the work was paused or not started because the performer was off duty. */
  meanOffCalendar: number;
  /** Cost per execution: hours × rate + fixed cost. */
  meanCost: number;
}

/** One place where cases wait, or one overloaded pool, ranked worst first. */
export interface Bottleneck {
  kind: 'task' | 'pool';
  id: string;
  name: string;
  /** Mean waiting hours per case caused here. */
  waitingPerCase: number;
  /** For pools. */
  utilisation?: number;
}

/** The customer promise, checked on the calendar. */
export interface CapacityPromise {
  text: string;
  target: string;
  workingDays: boolean;
  /** Share (0..1) of the cases that reached the customer's end within the promise. */
  keptShare: number;
  /** Mean lead time in working days (working hours ÷ hours of a working day) when the promise is in working days. */
  meanWorkingDays: number | null;
  /** The cases measured: those that reached `measuredTo`. */
  cases: number;
  /** The customer end event measured (the outcome with the longest mean lead time); null without a customer side. */
  measuredTo: string | null;
}

/** Codes of findings; the sentences are in messages.ts (en, nl). */
export type CapacityFindingCode =
  | 'unlimited-capacity'
  | 'overloaded'
  | 'waiting-most'
  | 'pool-busy'
  | 'promise-kept'
  | 'promise-broken'
  | 'split'
  | 'cost-per-case'
  | 'budget-not-divided'
  | 'time-budget';

/** One finding: a code and its parameters, turned into one plain sentence by describeFinding. */
export interface CapacityFinding {
  code: CapacityFindingCode;
  severity: 'info' | 'warning' | 'error';
  params: Record<string, string | number>;
  elementIds: string[];
}

/** What runCapacitySimulation returns. */
export interface CapacityResult {
  /** capacity: pools and calendars apply; unlimited: the model has no capacity data (unlimited people, round the clock). */
  mode: 'capacity' | 'unlimited';
  source: CapacityInput['source'];
  status: 'completed' | 'time-budget-exceeded';
  seed: number | string;
  whatIf: string | null;
  cases: number;
  completed: number;
  /** Start and end of the simulated period, ISO with offset, and its time zone. */
  start: string;
  end: string;
  timeZone: string;
  /** Wall-clock hours from arrival to the case's last completion. */
  cycleTime: TimeSummary;
  /** Mean hours per case of processing, of waiting for a free person and of off-calendar time. */
  split: { processing: number; waiting: number; offCalendar: number };
  /** Time per case that enabled steps waited for a resource. */
  waitingTime: { mean: number | null };
  pools: PoolResult[];
  tasks: TaskResult[];
  bottlenecks: Bottleneck[];
  promise: CapacityPromise | null;
  cost: { perCase: number | null; currency: string };
  arrivalsPerWeek: number;
  /** True when a pool is overloaded: averages then describe a queue still growing and are not a steady state. */
  unstable: boolean;
  /** Events processed (arrivals, starts, completions), for the benchmark. */
  events: number;
  findings: CapacityFinding[];
  issues: SimIssue[];
}

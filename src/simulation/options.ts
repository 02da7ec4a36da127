import type { Scenario, SimIssue, SimModel } from './model';

/** Settings shared by interactive runs and batches. */
export interface SimulationOptions {
  /** planned (default) reads planned durations and budgets; realised reads the realised ones. */
  scenario?: Scenario;
  /** Same seed, same numbers; default 1. */
  seed?: number | string;
  /** Hours between case arrivals; default the model's (start event), else 1 hour. */
  arrivalIntervalHours?: number;
  /** Token moves one case may make before it counts as an endless loop; default 100,000. */
  stepLimit?: number;
  /** Wall-clock budget in milliseconds (per batch, or per runUntil/runToEnd call). */
  timeBudgetMs?: number;
  /** Wall clock in milliseconds; injected so tests control time. Default performance.now. */
  clock?: () => number;
}

/** Default token moves per case before the step-limit flag. */
export const DEFAULT_STEP_LIMIT = 100_000;
/** Default hours between arrivals when neither the options nor the model give one. */
export const DEFAULT_ARRIVAL_HOURS = 1;

/** Thrown instead of starting a run on a model the engine would misread; carries the errors. */
export class SimulationInputError extends Error {
  readonly issues: SimIssue[];
  constructor(issues: SimIssue[]) {
    super(`The model cannot be simulated: ${issues.map((i) => i.message).join(' ')}`);
    this.name = 'SimulationInputError';
    this.issues = issues;
  }
}

/** Refuses a model with error-severity issues. */
export function assertRunnable(model: SimModel): void {
  if (model.hasErrors) throw new SimulationInputError(model.issues.filter((i) => i.severity === 'error'));
}

/** The default wall clock. */
export function defaultClock(): number {
  return globalThis.performance ? globalThis.performance.now() : Date.now();
}

/** Resolves the arrival interval: options, then the model, then the default. */
export function arrivalHours(model: SimModel, options: SimulationOptions): number {
  const given = options.arrivalIntervalHours;
  if (given !== undefined && Number.isFinite(given) && given >= 0) return given;
  return Number.isFinite(model.arrivalIntervalHours) ? model.arrivalIntervalHours : DEFAULT_ARRIVAL_HOURS;
}

/** Issues that concern the chosen scenario. */
export function issuesFor(model: SimModel, scenario: Scenario): SimIssue[] {
  return model.issues.filter((i) => !i.scenario || i.scenario === scenario);
}

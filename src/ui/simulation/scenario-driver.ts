import {
  createBatch,
  type BatchOptions,
  type BatchResult,
  type BatchRunner,
  type DriverProgress,
  type DriverStatus,
  type Scenario,
  type SimModel,
  type SimulationDriver
} from '../../simulation';

/** What the batch form asks for. */
export interface BatchRequest {
  cases: number;
  seed: string;
  /** Hours between arrivals; undefined takes the model's. */
  arrivalIntervalHours?: number;
  /** One scenario, or planned and realised for a side-by-side comparison. */
  scenarios: readonly Scenario[];
  /** Wall-clock budget of each scenario's batch, ms; default the engine's 30 s. */
  timeBudgetMs?: number;
}

/** A driver that runs the scenarios one after another and hands out their results. */
export interface ScenarioDriver extends SimulationDriver {
  readonly kind: 'batch';
  /** One result per scenario, in the order asked; with two, the lead-time bars share one range. */
  results(): BatchResult[];
}

/**
 * The panel's batch driver: the run machine advances it in slices of wall time, so the
 * page stays responsive and Pause gets through, however many cases and scenarios. The
 * numbers equal runBatch's (and the command line's) for the same seed: each scenario
 * is its own batch from the same options, and chunking does not change a batch's result.
 */
export function createScenarioDriver(model: SimModel, request: BatchRequest): ScenarioDriver {
  const optionsFor = (scenario: Scenario): BatchOptions => {
    const options: BatchOptions = { cases: request.cases, seed: request.seed, scenario };
    if (request.arrivalIntervalHours !== undefined) options.arrivalIntervalHours = request.arrivalIntervalHours;
    if (request.timeBudgetMs !== undefined) options.timeBudgetMs = request.timeBudgetMs;
    return options;
  };
  let batches: BatchRunner[] = [];
  const fresh = () => {
    batches = request.scenarios.map((s) => createBatch(model, optionsFor(s)));
  };
  fresh();
  const current = () => batches.find((b) => !b.finished);
  const status = (): DriverStatus => (current() ? 'more' : 'done');
  const total = () => batches.reduce((n, b) => n + b.total, 0);
  const done = () => batches.reduce((n, b) => n + (b.finished ? b.total : b.done), 0);

  return {
    kind: 'batch',
    advance(maxMs, maxSteps) {
      const end = performance.now() + maxMs;
      let left = maxSteps;
      for (let batch = current(); batch && left > 0; batch = current()) {
        const remaining = end - performance.now();
        if (remaining <= 0) break;
        left -= batch.advance(left, remaining);
      }
      return status();
    },
    step() {
      current()?.advance(1);
      return status();
    },
    pendingChoice: () => null,
    choose: () => status(),
    reset: fresh,
    progress: (): DriverProgress => ({ done: done(), total: total(), time: 0 }),
    results() {
      if (batches.length < 2) return batches.map((b) => b.result());
      const first = batches.map((b) => b.result());
      const lows = first.map((r) => r.leadTime.min).filter((v): v is number => v !== null);
      const highs = first.map((r) => r.leadTime.max).filter((v): v is number => v !== null);
      if (lows.length === 0) return first;
      const range = [Math.min(...lows), Math.max(...highs)] as const;
      return batches.map((b) => b.result(range));
    }
  };
}

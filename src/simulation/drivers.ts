/**
 * Drivers put a batch or an interactive run behind one small interface, so the run
 * machine (run-machine.ts) can start, pause, step and reset either without knowing
 * which it drives, and without an xstate event per token move.
 */
import { createBatch, type BatchOptions, type BatchResult, type BatchRunner } from './batch';
import type { ChoiceRequest } from './engine';
import type { SimModel } from './model';
import { defaultClock } from './options';
import { createRun, type RunOptions, type SimulationRun, type StepResult } from './run';

/** Where a driven run stands after a call: more to do, done, or waiting for a branch choice. */
export type DriverStatus = 'more' | 'done' | 'choice';

/** How far a driven run is. */
export interface DriverProgress {
  /** Cases finished (batch) or events processed (interactive). */
  done: number;
  /** Cases asked for (batch) or cases started (interactive). */
  total: number;
  /** Simulated hours (interactive) or 0 (batch). */
  time: number;
}

/** A run the machine can drive. */
export interface SimulationDriver {
  readonly kind: 'batch' | 'interactive';
  /** Works until `maxMs` of wall time passed or `maxSteps` steps ran (cases for a batch, events interactively). */
  advance(maxMs: number, maxSteps: number): DriverStatus;
  /** One step: one case of a batch, one event of an interactive run. */
  step(): DriverStatus;
  /** The gateway waiting for the user, if any. */
  pendingChoice(): ChoiceRequest | null;
  /** Takes a branch at the waiting gateway. */
  choose(flowId: string): DriverStatus;
  /** Starts over with the same model and options. */
  reset(): void;
  progress(): DriverProgress;
}

/** A batch driver also hands out its result. */
export interface BatchDriver extends SimulationDriver {
  readonly kind: 'batch';
  result(): BatchResult;
}

/** Drives a Monte Carlo batch in chunks of wall time. */
export function createBatchDriver(model: SimModel, options: BatchOptions = {}): BatchDriver {
  let batch: BatchRunner = createBatch(model, options);
  const status = (): DriverStatus => (batch.finished ? 'done' : 'more');
  return {
    kind: 'batch',
    advance(maxMs, maxSteps) {
      batch.advance(maxSteps, maxMs);
      return status();
    },
    step() {
      batch.advance(1);
      return status();
    },
    pendingChoice: () => null,
    choose: () => status(),
    reset() {
      batch = createBatch(model, options);
    },
    progress: () => ({ done: batch.done, total: batch.total, time: 0 }),
    result: () => batch.result()
  };
}

/** Options of an interactive driver. */
export interface InteractiveDriverOptions extends RunOptions {
  /** Called after every step with the token moves and flags, for the canvas animation. */
  onStep?: (step: StepResult, run: SimulationRun) => void;
}

/** An interactive driver also exposes its run (snapshots, flags). */
export interface InteractiveDriver extends SimulationDriver {
  readonly kind: 'interactive';
  readonly run: SimulationRun;
}

/**
 * Drives an interactive run. Exclusive gateways wait for choose() unless the
 * options pass their own `choose` callback.
 */
export function createInteractiveDriver(model: SimModel, options: InteractiveDriverOptions = {}): InteractiveDriver {
  const runOptions: RunOptions = { choose: () => null, ...options };
  let run = createRun(model, runOptions);
  let events = 0;
  const status = (): DriverStatus => {
    const s = run.status;
    return s === 'awaiting-choice' ? 'choice' : s === 'finished' || s === 'aborted' ? 'done' : 'more';
  };
  const once = (step: () => StepResult): DriverStatus => {
    const result = step();
    events++;
    options.onStep?.(result, run);
    return status();
  };
  return {
    kind: 'interactive',
    get run() {
      return run;
    },
    advance(maxMs, maxSteps) {
      const clock = options.clock ?? defaultClock;
      const end = clock() + maxMs;
      let s = status();
      for (let i = 0; i < maxSteps && s === 'more'; i++) {
        s = once(() => run.step());
        if (clock() >= end) break;
      }
      return s;
    },
    step() {
      return status() === 'more' ? once(() => run.step()) : status();
    },
    pendingChoice: () => run.pendingChoice,
    choose(flowId) {
      return once(() => run.choose(flowId));
    },
    reset() {
      run = createRun(model, runOptions);
      events = 0;
    },
    progress: () => ({ done: events, total: run.snapshot().cases.length, time: run.time })
  };
}

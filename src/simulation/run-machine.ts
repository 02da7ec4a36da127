/**
 * The life cycle of a simulation run as an xstate v5 machine:
 *
 *   idle ──START──▶ running ◀──RESUME── paused ◀──PAUSE── running
 *     │               │  ▲                 │ ▲
 *     └──STEP──▶ stepping ─(one step)──────┘ └─CHOOSE (branch picked)
 *                     running ──(all cases done)──▶ finished      any ──(failure)──▶ error
 *   RESET from anywhere returns to idle with a fresh run; SET_SPEED changes the pace.
 *
 * The machine holds a driver handle, never the BPMN document. While running, one
 * callback actor advances the driver in slices of wall time and yields to the event
 * loop between slices (so the browser repaints and PAUSE gets through); it sends one
 * PROGRESS event per slice, not one per token move.
 */
import { assign, fromCallback, setup } from 'xstate';
import type { ChoiceRequest } from './engine';
import type { DriverProgress, DriverStatus, SimulationDriver } from './drivers';

/** Schedules `fn` after `ms` milliseconds; returns a cancel function. */
export type Scheduler = (fn: () => void, ms: number) => () => void;

/** Input of the run machine. */
export interface RunMachineInput {
  driver: SimulationDriver;
  /** Steps per second while running; Infinity (default) runs flat out in slices. */
  speed?: number;
  /** Wall time per slice before yielding, in ms; default 12. */
  sliceMs?: number;
  /** Default: setImmediate / MessageChannel for 0 ms, setTimeout otherwise. */
  schedule?: Scheduler;
}

/** Input of the runChunks actor (swap it with .provide in tests or a worker-based runner). */
export interface RunChunksInput {
  driver: SimulationDriver;
  speed: number;
  sliceMs: number;
  schedule: Scheduler;
}

/** The machine's context: a handle and what the UI shows, no document. */
export interface RunMachineContext {
  driver: SimulationDriver;
  speed: number;
  sliceMs: number;
  schedule: Scheduler;
  progress: DriverProgress;
  pendingChoice: ChoiceRequest | null;
  /** Go on running after the user chose a branch (the choice interrupted a run, not a step). */
  resumeAfterChoice: boolean;
  error: string | null;
}

/** Events the UI sends, and the ones the runner sends back. */
export type RunMachineEvent =
  | { type: 'START' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'STEP' }
  | { type: 'RESET' }
  | { type: 'SET_SPEED'; speed: number }
  | { type: 'CHOOSE'; flowId: string }
  | { type: 'PROGRESS'; progress: DriverProgress }
  | { type: 'STEPPED'; progress: DriverProgress }
  | { type: 'FINISHED'; progress: DriverProgress }
  | { type: 'CHOICE_NEEDED'; progress: DriverProgress; choice: ChoiceRequest | null }
  | { type: 'FAILED'; error: string };

/** Yields to the event loop as soon as possible (setImmediate in node, a message port in browsers). */
export const defaultScheduler: Scheduler = (fn, ms) => {
  const g = globalThis as typeof globalThis & { setImmediate?: (f: () => void) => unknown; clearImmediate?: (h: unknown) => void };
  if (ms <= 0 && g.setImmediate && g.clearImmediate) {
    const h = g.setImmediate(fn);
    return () => g.clearImmediate!(h);
  }
  if (ms <= 0 && typeof MessageChannel !== 'undefined') {
    const channel = new MessageChannel();
    let live = true;
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (live) fn();
    };
    channel.port2.postMessage(null);
    return () => {
      live = false;
      channel.port1.close();
    };
  }
  const h = setTimeout(fn, Math.max(0, ms));
  return () => clearTimeout(h);
};

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The run machine; swap actors, actions or guards in tests with .provide(). */
export const runMachine = setup({
  types: {
    context: {} as RunMachineContext,
    events: {} as RunMachineEvent,
    input: {} as RunMachineInput
  },
  actors: {
    /** Advances the driver slice by slice until it is done, needs a choice, or is stopped. */
    runChunks: fromCallback<RunMachineEvent, RunChunksInput>(
      ({ sendBack, input }) => {
        const { driver, speed, sliceMs, schedule } = input;
        const paced = Number.isFinite(speed) && speed > 0;
        let cancel: (() => void) | null = null;
        let stopped = false;
        const tick = () => {
          if (stopped) return;
          let status: DriverStatus;
          try {
            status = paced ? driver.advance(sliceMs, 1) : driver.advance(sliceMs, Infinity);
          } catch (e) {
            sendBack({ type: 'FAILED', error: message(e) });
            return;
          }
          const progress = driver.progress();
          if (status === 'done') sendBack({ type: 'FINISHED', progress });
          else if (status === 'choice') sendBack({ type: 'CHOICE_NEEDED', progress, choice: driver.pendingChoice() });
          else {
            sendBack({ type: 'PROGRESS', progress });
            cancel = schedule(tick, paced ? 1000 / speed : 0);
          }
        };
        cancel = schedule(tick, 0);
        return () => {
          stopped = true;
          cancel?.();
        };
      }
    ),
    /** One step of the driver, reported back as STEPPED, FINISHED or CHOICE_NEEDED. */
    stepOnce: fromCallback<RunMachineEvent, { driver: SimulationDriver; schedule: Scheduler }>(({ sendBack, input }) => {
      const { driver, schedule } = input;
      return schedule(() => {
        let status: DriverStatus;
        try {
          status = driver.step();
        } catch (e) {
          sendBack({ type: 'FAILED', error: message(e) });
          return;
        }
        const progress = driver.progress();
        if (status === 'done') sendBack({ type: 'FINISHED', progress });
        else if (status === 'choice') sendBack({ type: 'CHOICE_NEEDED', progress, choice: driver.pendingChoice() });
        else sendBack({ type: 'STEPPED', progress });
      }, 0);
    })
  },
  actions: {
    assignProgress: assign({
      progress: ({ context, event }) => ('progress' in event ? event.progress : context.progress)
    }),
    /** A run stopped for a choice: after the pick it runs on. */
    assignChoice: assign({
      pendingChoice: ({ event }) => (event.type === 'CHOICE_NEEDED' ? event.choice : null),
      resumeAfterChoice: true
    }),
    /** A step stopped for a choice: after the pick it stays paused. */
    assignStepChoice: assign({
      pendingChoice: ({ event }) => (event.type === 'CHOICE_NEEDED' ? event.choice : null),
      resumeAfterChoice: false
    }),
    applyChoice: ({ context, event }) => {
      if (event.type === 'CHOOSE') context.driver.choose(event.flowId);
    },
    clearChoice: assign({ pendingChoice: null, resumeAfterChoice: false }),
    setSpeed: assign({
      speed: ({ context, event }) => (event.type === 'SET_SPEED' && (event.speed > 0 || event.speed === Infinity) ? event.speed : context.speed)
    }),
    /** Effect: the driver starts over (a fresh batch or run from the same model and options). */
    resetDriver: ({ context }) => context.driver.reset(),
    clearRunState: assign({
      progress: ({ context }) => ({ done: 0, total: context.progress.total, time: 0 }),
      pendingChoice: null,
      resumeAfterChoice: false,
      error: null
    }),
    assignError: assign({
      error: ({ event }) => ('error' in event ? event.error : 'The simulation failed.')
    })
  },
  guards: {
    hasPendingChoice: ({ context }) => context.pendingChoice !== null,
    noPendingChoice: ({ context }) => context.pendingChoice === null,
    resumesAfterChoice: ({ context }) => context.resumeAfterChoice
  }
}).createMachine({
  id: 'simulationRun',
  context: ({ input }) => ({
    driver: input.driver,
    speed: input.speed ?? Infinity,
    sliceMs: input.sliceMs ?? 12,
    schedule: input.schedule ?? defaultScheduler,
    progress: input.driver.progress(),
    pendingChoice: null,
    resumeAfterChoice: false,
    error: null
  }),
  initial: 'idle',
  on: {
    RESET: { target: '.idle', actions: ['resetDriver', 'clearRunState'] },
    SET_SPEED: { actions: 'setSpeed' }
  },
  states: {
    idle: {
      on: {
        START: 'running',
        STEP: 'stepping'
      }
    },
    running: {
      invoke: {
        src: 'runChunks',
        input: ({ context }) => ({ driver: context.driver, speed: context.speed, sliceMs: context.sliceMs, schedule: context.schedule })
      },
      on: {
        PAUSE: 'paused',
        PROGRESS: { actions: 'assignProgress' },
        FINISHED: { target: 'finished', actions: 'assignProgress' },
        CHOICE_NEEDED: { target: 'paused', actions: ['assignProgress', 'assignChoice'] },
        FAILED: { target: 'error', actions: 'assignError' },
        // A new pace restarts the runner with it.
        SET_SPEED: { target: 'running', reenter: true, actions: 'setSpeed' }
      }
    },
    paused: {
      on: {
        RESUME: { guard: 'noPendingChoice', target: 'running' },
        STEP: { guard: 'noPendingChoice', target: 'stepping' },
        CHOOSE: [
          { guard: 'resumesAfterChoice', target: 'running', actions: ['applyChoice', 'clearChoice'] },
          { guard: 'hasPendingChoice', target: 'paused', actions: ['applyChoice', 'clearChoice'] }
        ]
      }
    },
    stepping: {
      invoke: {
        src: 'stepOnce',
        input: ({ context }) => ({ driver: context.driver, schedule: context.schedule })
      },
      on: {
        STEPPED: { target: 'paused', actions: 'assignProgress' },
        FINISHED: { target: 'finished', actions: 'assignProgress' },
        CHOICE_NEEDED: { target: 'paused', actions: ['assignProgress', 'assignStepChoice'] },
        FAILED: { target: 'error', actions: 'assignError' }
      }
    },
    finished: {},
    error: {}
  }
});

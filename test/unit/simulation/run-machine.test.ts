import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, initialTransition, transition, waitFor } from 'xstate';
import { runBatch } from '../../../src/simulation/batch';
import type { ChoiceRequest } from '../../../src/simulation/engine';
import { createBatchDriver, createInteractiveDriver, type DriverStatus, type SimulationDriver } from '../../../src/simulation/drivers';
import { runMachine, type RunChunksInput, type RunMachineEvent, type Scheduler } from '../../../src/simulation/run-machine';
import type { StepResult } from '../../../src/simulation/run';
import { loadModel } from './support';

/** A driver that needs `steps` steps and records what the machine asked of it. */
function fakeDriver(steps: number): SimulationDriver & { calls: string[] } {
  let done = 0;
  const calls: string[] = [];
  const status = (): DriverStatus => (done >= steps ? 'done' : 'more');
  return {
    kind: 'batch',
    calls,
    advance: (_ms, max) => {
      calls.push('advance');
      done = Math.min(steps, done + Math.min(max, 1));
      return status();
    },
    step: () => {
      calls.push('step');
      done++;
      return status();
    },
    pendingChoice: () => null,
    choose: (flowId) => {
      calls.push(`choose ${flowId}`);
      return status();
    },
    reset: () => {
      calls.push('reset');
      done = 0;
    },
    progress: () => ({ done, total: steps, time: 0 })
  };
}

/** A scheduler the test advances by hand; it remembers the delays asked for. */
function manualScheduler(): { schedule: Scheduler; runNext(): boolean; pending(): number; delays: number[] } {
  const queue: Array<() => void> = [];
  const delays: number[] = [];
  return {
    delays,
    schedule: (fn, ms) => {
      delays.push(ms);
      queue.push(fn);
      return () => {
        const i = queue.indexOf(fn);
        if (i >= 0) queue.splice(i, 1);
      };
    },
    runNext: () => {
      const fn = queue.shift();
      fn?.();
      return fn !== undefined;
    },
    pending: () => queue.length
  };
}

const choice: ChoiceRequest = { caseIndex: 0, gatewayId: 'G', gatewayName: 'Route', time: 1, options: [] };
const progress = { done: 1, total: 4, time: 1 };

describe('run machine: transitions (pure, no effects run)', () => {
  const driver = fakeDriver(4);
  const [idle] = initialTransition(runMachine, { driver });
  const send = (snapshot: typeof idle, event: RunMachineEvent) => transition(runMachine, snapshot, event);

  it('starts idle with the driver as a handle and no document in its context', () => {
    expect(idle.value).toBe('idle');
    expect(Object.keys(idle.context).sort()).toEqual(['driver', 'error', 'pendingChoice', 'progress', 'resumeAfterChoice', 'schedule', 'sliceMs', 'speed']);
    expect(idle.context.speed).toBe(Infinity);
  });

  it('START runs, PAUSE pauses, RESUME runs again, FINISHED ends', () => {
    const [running] = send(idle, { type: 'START' });
    expect(running.value).toBe('running');
    const [paused] = send(running, { type: 'PAUSE' });
    expect(paused.value).toBe('paused');
    const [again] = send(paused, { type: 'RESUME' });
    expect(again.value).toBe('running');
    const [moved] = send(again, { type: 'PROGRESS', progress });
    expect(moved.context.progress).toEqual(progress);
    const [finished] = send(again, { type: 'FINISHED', progress: { done: 4, total: 4, time: 9 } });
    expect(finished.value).toBe('finished');
    expect(send(finished, { type: 'START' })[0].value).toBe('finished');
  });

  it('STEP steps once and pauses', () => {
    const [stepping] = send(idle, { type: 'STEP' });
    expect(stepping.value).toBe('stepping');
    const [paused] = send(stepping, { type: 'STEPPED', progress });
    expect(paused.value).toBe('paused');
    expect(send(paused, { type: 'STEP' })[0].value).toBe('stepping');
  });

  it('a choice pauses the run; RESUME waits for it; CHOOSE applies the pick and runs on', () => {
    const [running] = send(idle, { type: 'START' });
    const [waiting] = send(running, { type: 'CHOICE_NEEDED', progress, choice });
    expect(waiting.value).toBe('paused');
    expect(waiting.context.pendingChoice).toEqual(choice);
    expect(send(waiting, { type: 'RESUME' })[0].value).toBe('paused');
    expect(send(waiting, { type: 'STEP' })[0].value).toBe('paused');
    const [chosen, actions] = send(waiting, { type: 'CHOOSE', flowId: 'F2' });
    expect(chosen.value).toBe('running');
    expect(chosen.context.pendingChoice).toBeNull();
    expect(actions.map((a) => a.type)).toContain('applyChoice');
    // The pure transition did not call the driver.
    expect(driver.calls).toEqual([]);
  });

  it('a choice met while stepping stays paused after the pick', () => {
    const [stepping] = send(idle, { type: 'STEP' });
    const [waiting] = send(stepping, { type: 'CHOICE_NEEDED', progress, choice });
    expect(waiting.context.resumeAfterChoice).toBe(false);
    expect(send(waiting, { type: 'CHOOSE', flowId: 'F1' })[0].value).toBe('paused');
    expect(send(send(idle, { type: 'START' })[0], { type: 'PAUSE' })[0].value).toBe('paused');
  });

  it('SET_SPEED changes the pace everywhere and restarts the runner while running; invalid speeds are ignored', () => {
    const [slow] = send(idle, { type: 'SET_SPEED', speed: 2 });
    expect(slow.context.speed).toBe(2);
    expect(send(slow, { type: 'SET_SPEED', speed: -1 })[0].context.speed).toBe(2);
    const [running] = send(slow, { type: 'START' });
    const [faster, actions] = send(running, { type: 'SET_SPEED', speed: 10 });
    expect(faster.value).toBe('running');
    expect(faster.context.speed).toBe(10);
    // Re-entering stops the old runner and starts a new one.
    expect(actions.map((a) => a.type)).toEqual(expect.arrayContaining(['xstate.stopChild', 'xstate.spawnChild']));
  });

  it('a failure goes to error; RESET goes back to idle from anywhere and resets the driver', () => {
    const [running] = send(idle, { type: 'START' });
    const [failed] = send(running, { type: 'FAILED', error: 'boom' });
    expect(failed.value).toBe('error');
    expect(failed.context.error).toBe('boom');
    const [reset, actions] = send(failed, { type: 'RESET' });
    expect(reset.value).toBe('idle');
    expect(reset.context.error).toBeNull();
    expect(actions.map((a) => a.type)).toContain('resetDriver');
  });
});

describe('run machine: driving runs', () => {
  it('given swapped-in actors, when started, then the machine follows what they report', async () => {
    const machine = runMachine.provide({
      actors: { runChunks: fromCallback<RunMachineEvent, RunChunksInput>(({ sendBack }) => sendBack({ type: 'FINISHED', progress: { done: 4, total: 4, time: 0 } })) }
    });
    const actor = createActor(machine, { input: { driver: fakeDriver(4) } }).start();
    actor.send({ type: 'START' });
    await waitFor(actor, (s) => s.matches('finished'));
    expect(actor.getSnapshot().context.progress.done).toBe(4);
  });

  it('runs in slices, yields between them, and PAUSE stops the driver until RESUME', () => {
    const driver = fakeDriver(5);
    const scheduler = manualScheduler();
    const actor = createActor(runMachine, { input: { driver, schedule: scheduler.schedule } }).start();
    actor.send({ type: 'START' });
    expect(scheduler.runNext()).toBe(true);
    expect(scheduler.runNext()).toBe(true);
    expect(driver.calls).toEqual(['advance', 'advance']);
    expect(actor.getSnapshot().context.progress.done).toBe(2);

    actor.send({ type: 'PAUSE' });
    expect(scheduler.pending()).toBe(0);
    expect(driver.calls).toHaveLength(2);

    actor.send({ type: 'RESUME' });
    while (scheduler.runNext()) {
      /* until the driver is done */
    }
    expect(actor.getSnapshot().value).toBe('finished');
    expect(driver.calls.filter((c) => c === 'advance')).toHaveLength(5);

    actor.send({ type: 'RESET' });
    expect(actor.getSnapshot().value).toBe('idle');
    expect(driver.calls.at(-1)).toBe('reset');
  });

  it('given a speed, then it runs one step per tick at that pace, and a new speed takes effect at once', () => {
    const driver = fakeDriver(10);
    const scheduler = manualScheduler();
    const actor = createActor(runMachine, { input: { driver, schedule: scheduler.schedule, speed: 4 } }).start();
    actor.send({ type: 'START' });
    scheduler.runNext();
    scheduler.runNext();
    expect(actor.getSnapshot().context.progress.done).toBe(2);
    expect(scheduler.delays).toEqual([0, 250, 250]);
    actor.send({ type: 'SET_SPEED', speed: 10 });
    expect(scheduler.pending()).toBe(1);
    scheduler.runNext();
    expect(scheduler.delays.slice(3)).toEqual([0, 100]);
    expect(actor.getSnapshot().context.progress.done).toBe(3);
  });

  it('given a real batch, when driven by the machine, then the result equals the bare engine loop', async () => {
    const model = await loadModel('quote-collaboration.bpmn');
    const options = { cases: 3000, seed: 8 };
    const driver = createBatchDriver(model, options);
    const actor = createActor(runMachine, { input: { driver, sliceMs: 2 } }).start();
    const seen: number[] = [];
    actor.subscribe((s) => seen.push(s.context.progress.done));
    actor.send({ type: 'START' });
    await waitFor(actor, (s) => s.matches('finished'), { timeout: 10_000 });
    expect(driver.result()).toEqual(runBatch(model, options));
    // Progress came in several slices, not one event per token move.
    const distinct = new Set(seen).size;
    expect(distinct).toBeGreaterThan(1);
    expect(distinct).toBeLessThan(3000);
  });

  it('given an interactive run, STEP animates one event, a gateway asks the user, CHOOSE continues', async () => {
    const model = await loadModel('exclusive-split.bpmn');
    const steps: StepResult[] = [];
    const driver = createInteractiveDriver(model, { onStep: (s) => steps.push(s) });
    const actor = createActor(runMachine, { input: { driver } }).start();
    actor.send({ type: 'STEP' });
    await waitFor(actor, (s) => s.matches('paused'));
    expect(actor.getSnapshot().context.pendingChoice?.gatewayId).toBe('Split');
    expect(steps[0]!.moves.map((m) => m.to)).toEqual(['Start', 'Split']);

    actor.send({ type: 'CHOOSE', flowId: 'ToUpsell' });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(steps[1]!.moves.map((m) => m.via)).toEqual(['ToUpsell']);
    actor.send({ type: 'START' });
    expect(actor.getSnapshot().value).toBe('paused');
    actor.send({ type: 'RESUME' });
    await waitFor(actor, (s) => s.matches('finished'));
    expect(driver.run.snapshot().cases[0]!.end).toBe(1);
  });
});

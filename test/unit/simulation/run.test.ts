import { describe, expect, it } from 'vitest';
import { SimulationInputError } from '../../../src/simulation/options';
import { createRun } from '../../../src/simulation/run';
import { loadModel } from './support';

describe('interactive run', () => {
  it('given a chain of two steps, when stepping, then each step reports the token moves to animate and the time', async () => {
    const run = createRun(await loadModel('series.bpmn'));
    expect(run.status).toBe('ready');

    const first = run.step();
    expect(first.time).toBe(0);
    expect(first.moves.map((m) => [m.kind, m.via, m.to])).toEqual([
      ['create', null, 'Start'],
      ['flow', 'F1', 'Brief']
    ]);
    expect(run.snapshot().tokens).toEqual({ Brief: 1 });

    const second = run.step();
    expect(second.time).toBe(2);
    expect(second.moves.map((m) => [m.kind, m.from, m.to])).toEqual([['flow', 'Brief', 'Review']]);

    const third = run.step();
    expect(third.time).toBe(5);
    expect(third.moves.map((m) => m.kind)).toEqual(['flow', 'consume']);
    expect(third.status).toBe('finished');
    expect(run.snapshot()).toMatchObject({ tokens: {}, cases: [{ index: 0, status: 'completed', end: 5, cost: 250.5 }] });
    // A finished run stays put.
    expect(run.step().moves).toEqual([]);
  });

  it('given an exclusive gateway and a user who decides, then the run waits for the pick and follows it', async () => {
    const run = createRun(await loadModel('exclusive-split.bpmn'), { choose: () => null });
    const step = run.step();
    expect(step.status).toBe('awaiting-choice');
    expect(step.pendingChoice).toMatchObject({
      gatewayId: 'Split',
      gatewayName: 'Existing customer?',
      options: [
        { flowId: 'ToUpsell', name: 'yes', targetId: 'Upsell' },
        { flowId: 'ToWelcome', name: 'no', targetId: 'Welcome' }
      ]
    });
    expect(step.pendingChoice!.options.map((o) => Math.round(o.probability * 100))).toEqual([30, 70]);
    expect(run.snapshot().tokens).toEqual({ Split: 1 });
    // Nothing moves until the user picks.
    expect(run.step().moves).toEqual([]);

    const picked = run.choose('ToWelcome');
    expect(picked.moves.map((m) => m.via)).toEqual(['ToWelcome']);
    expect(picked.status).toBe('running');
    const end = run.runToEnd();
    expect(end.status).toBe('finished');
    expect(run.time).toBe(2);
  });

  it('given a callback that picks, then gateways follow it without pausing', async () => {
    const seen: string[] = [];
    const run = createRun(await loadModel('exclusive-split.bpmn'), {
      choose: (request) => {
        seen.push(request.gatewayId);
        return 'ToUpsell';
      }
    });
    run.runToEnd();
    expect(seen).toEqual(['Split']);
    expect(run.time).toBe(1);
  });

  it('given a value chain, when run to the end, then flags name the element, the case and the numbers', async () => {
    const run = createRun(await loadModel('quote-collaboration.bpmn'), { choose: (r) => (r.gatewayId === 'Accept' ? 'Yes' : undefined) });
    const result = run.runToEnd();
    expect(result.status).toBe('finished');
    const byKind = (kind: string) => run.flags.filter((f) => f.kind === kind).map((f) => f.elementId);
    expect(byKind('handover-without-agreement').sort()).toEqual(['AcceptFlow', 'BackToSales', 'QuoteFlow']);
    expect(byKind('missing-accountable')).toEqual(['PlanDelivery']);
    const overdue = run.flags.find((f) => f.kind === 'handover-overdue')!;
    expect(overdue).toMatchObject({ elementId: 'ToMarketing', caseIndex: 0, time: 31, data: { elapsedHours: 24, dueHours: 4 } });
    expect(overdue.message).toContain('"order to plan" (ToMarketing)');
    expect(run.exempted.map((f) => [f.kind, f.elementId])).toEqual([['missing-accountable', 'Invoice']]);
    // The message flows are animated too.
    expect(result.moves.some((m) => m.kind === 'message' && m.via === 'AcceptFlow')).toBe(true);
  });

  it('given a timer that lost an event-based race, then no step is empty and the run ends with the last real move', async () => {
    const run = createRun(await loadModel('quote-collaboration.bpmn'), { choose: (r) => (r.gatewayId === 'Accept' ? 'Yes' : undefined) });
    let steps = 0;
    while (run.status !== 'finished') {
      expect(run.step().moves.length).toBeGreaterThan(0);
      expect(++steps).toBeLessThan(100);
    }
    // Accepted at 7 h, planned after the weekly meeting (24 h) and 2 h of work, invoiced 1 h later;
    // the 7-day timer that lost the race at 7 h does not stretch the run to 173 h.
    expect(run.time).toBe(34);
  });

  it('given several cases, then they arrive one interval apart and runUntil stops at the requested time', async () => {
    const run = createRun(await loadModel('series.bpmn'), { cases: 3, arrivalIntervalHours: 1 });
    run.runUntil(2.5);
    expect(run.time).toBe(2.5);
    // Case 0 is in review (since 2 h), cases 1 and 2 still write their brief.
    expect(run.snapshot().tokens).toEqual({ Review: 1, Brief: 2 });
    run.runToEnd();
    expect(run.snapshot().cases.map((c) => c.end)).toEqual([5, 6, 7]);
  });

  it('given a deadlock, then the stuck token is flagged at the join and the case ends as a deadlock', async () => {
    const run = createRun(await loadModel('deadlock.bpmn'));
    const end = run.runToEnd();
    expect(end.status).toBe('finished');
    expect(run.flags.filter((f) => f.kind === 'deadlock').map((f) => f.elementId)).toEqual(['WaitBoth']);
    expect(run.snapshot().cases[0]!.status).toBe('deadlock');
  });

  it('lists unreachable elements and dead ends before the first step', async () => {
    const run = createRun(await loadModel('dead-end.bpmn'));
    expect(run.staticFlags.map((f) => [f.kind, f.elementId])).toEqual([
      ['unreachable', 'Forgotten'],
      ['dead-end', 'Archive']
    ]);
  });

  it('given an endless loop and a spent time budget, then the run is aborted instead of hanging', async () => {
    let now = 0;
    const run = createRun(await loadModel('endless-loop.bpmn'), { stepLimit: 1e9, timeBudgetMs: 50, clock: () => (now += 1) });
    const end = run.runToEnd();
    expect(end.status).toBe('aborted');
    expect(run.snapshot().cases[0]!.status).toBe('aborted');
  });

  it('refuses a model the engine would misread', async () => {
    const model = await loadModel('no-start.bpmn');
    expect(() => createRun(model)).toThrow(SimulationInputError);
  });
});

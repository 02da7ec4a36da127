import { describe, expect, it } from 'vitest';
import { createBatch, runBatch, runScenarios } from '../../../src/simulation/batch';
import { loadModel } from './support';

describe('Monte Carlo batch', () => {
  it('given the same seed, then every number is the same; given another seed, then the random ones differ', async () => {
    const model = await loadModel('quote-collaboration.bpmn');
    const a = runBatch(model, { cases: 3000, seed: 'audit-2025' });
    const b = runBatch(model, { cases: 3000, seed: 'audit-2025' });
    const c = runBatch(model, { cases: 3000, seed: 'audit-2026' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.visitsPerCase.PlanDelivery).not.toBe(a.visitsPerCase.PlanDelivery);
    const parallel = await loadModel('parallel.bpmn');
    expect(runBatch(parallel, { cases: 500, seed: 1 }).leadTime).toEqual(runBatch(parallel, { cases: 500, seed: 1 }).leadTime);
    expect(runBatch(parallel, { cases: 500, seed: 1 }).leadTime.mean).not.toBe(runBatch(parallel, { cases: 500, seed: 2 }).leadTime.mean);
  });

  it('given a batch run in small chunks, then the result is the same as in one go', async () => {
    const model = await loadModel('rework-loop.bpmn');
    const whole = runBatch(model, { cases: 1000, seed: 3 });
    const batch = createBatch(model, { cases: 1000, seed: 3 });
    let chunks = 0;
    while (!batch.finished) {
      batch.advance(7);
      chunks++;
    }
    expect(chunks).toBe(143);
    expect(batch.result()).toEqual(whole);
  });

  it('given a time budget that runs out, then the batch stops and says how many cases it covers', async () => {
    const model = await loadModel('series.bpmn');
    let now = 0;
    // Every clock reading is 1 ms later; 100 ms of budget cover far fewer than 10,000 cases.
    const result = runBatch(model, { cases: 10_000, timeBudgetMs: 100, clock: () => (now += 1) });
    expect(result.status).toBe('time-budget-exceeded');
    expect(result.simulatedCases).toBeGreaterThan(0);
    expect(result.simulatedCases).toBeLessThan(10_000);
    expect(result.leadTime.count).toBe(result.outcomes.completed);
  });

  it('spaces arrivals by the interval: the last of N fixed 5 h cases ends (N-1) intervals + 5 h after the first arrival', async () => {
    const model = await loadModel('series.bpmn');
    expect(runBatch(model, { cases: 10, arrivalIntervalHours: 2 }).makespanHours).toBe(23);
    expect(runBatch(model, { cases: 10 }).arrivalIntervalHours).toBe(1);
  });

  it('keeps cases independent: arrivals all at once give the same lead times as arrivals spread out', async () => {
    const model = await loadModel('quote-collaboration.bpmn');
    const together = runBatch(model, { cases: 2000, seed: 5, arrivalIntervalHours: 0 });
    const spread = runBatch(model, { cases: 2000, seed: 5, arrivalIntervalHours: 4 });
    expect(together.leadTime).toEqual(spread.leadTime);
    expect(together.visitsPerCase).toEqual(spread.visitsPerCase);
    expect(together.makespanHours).toBe(173);
  });

  it('given both scenarios, then the lead-time bars share one range so the charts line up', async () => {
    const model = await loadModel('quote-collaboration.bpmn');
    const { planned, realised } = runScenarios(model, { cases: 200, seed: 1, histogramBins: 4 });
    expect(planned.scenario).toBe('planned');
    expect(realised.scenario).toBe('realised');
    expect(planned.leadTimeHistogram.map((b) => b.from)).toEqual(realised.leadTimeHistogram.map((b) => b.from));
    expect(planned.leadTimeHistogram.map((b) => b.count)).toEqual([200, 0, 0, 0]);
    expect(realised.leadTimeHistogram.map((b) => b.count)).toEqual([0, 0, 0, 200]);
  });

  it('summarises flags per element with occurrences, cases and share', async () => {
    const model = await loadModel('rework-loop.bpmn');
    const result = runBatch(model, { cases: 2000, seed: 4 });
    const accountable = result.flags.find((f) => f.kind === 'missing-accountable' && f.elementId === 'Draft')!;
    // Every case runs the draft at least once; reworked cases run it again.
    expect(accountable.cases).toBe(2000);
    expect(accountable.occurrences / 2000).toBeCloseTo(result.visitsPerCase.Draft!, 9);
    expect(accountable).toMatchObject({ elementName: 'Draft copy', shareOfCases: 1, static: false });
  });
});

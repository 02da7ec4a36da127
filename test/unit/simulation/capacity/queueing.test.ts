import { describe, expect, it } from 'vitest';
import { runCapacitySimulation, type CaseRecord } from '../../../../src/simulation/capacity';
import { capacityXml, chain, definitionsOf, ROUND_THE_CLOCK } from './support';

/*
 * Queueing theory: one step, Poisson arrivals, exponential service, c people round the
 * clock. Waiting times at high load vary a lot between runs, so each check runs
 * 1,000,000 cases and compares within 3 % and within 3 standard errors (batch means).
 */

const CASES = 1_000_000;
const BATCHES = 50;

/** Mean, and its standard error from the means of consecutive batches of cases. */
function batchMeans(values: Float64Array): { mean: number; se: number } {
  const size = Math.floor(values.length / BATCHES);
  const means: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    let sum = 0;
    for (let i = b * size; i < (b + 1) * size; i++) sum += values[i]!;
    means.push(sum / size);
  }
  const mean = means.reduce((a, b) => a + b, 0) / BATCHES;
  const variance = means.reduce((a, m) => a + (m - mean) ** 2, 0) / (BATCHES - 1);
  return { mean, se: Math.sqrt(variance / BATCHES) };
}

async function queue(people: number, serviceMean: string) {
  const xml = capacityXml({
    calendars: ROUND_THE_CLOCK,
    pools: [{ id: 'desk', capacity: people, calendar: 'always' }],
    arrivals: '<ml:arrivals distribution="exponential" mean="PT1H" />',
    content: chain(['serve', `pool="desk" distribution="exponential" mean="${serviceMean}"`])
  });
  const cycle = new Float64Array(CASES);
  const waited = new Float64Array(CASES);
  const result = runCapacitySimulation(await definitionsOf(xml), {
    cases: CASES,
    seed: 2026,
    timeBudgetMs: 600_000,
    onCase: (c: CaseRecord) => {
      cycle[c.index] = c.end - c.arrival;
      waited[c.index] = c.waited;
    }
  });
  return { result, w: batchMeans(cycle), wq: batchMeans(waited) };
}

/** Erlang C: the chance that an arriving case has to wait, with offered load a = λ/μ and c servers. */
function erlangC(a: number, c: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = ((term * a) / c) * (c / (c - a));
  return last / (sum + last);
}

describe('capacity simulation against queueing theory', () => {
  it('M/M/1 at ρ = 0.8 gives W = 4.0 h, Wq = 3.2 h and utilisation 0.80', async () => {
    // given arrivals Exp(mean 1 h) and service Exp(mean 0.8 h) by one person
    const { result, w, wq } = await queue(1, 'PT48M');
    // then every case completed and the means match theory within 3 % and 3 standard errors
    expect(result.completed).toBe(CASES);
    expect(Math.abs(w.mean - 4.0) / 4.0).toBeLessThan(0.03);
    expect(Math.abs(w.mean - 4.0)).toBeLessThan(3 * w.se);
    expect(Math.abs(wq.mean - 3.2) / 3.2).toBeLessThan(0.03);
    expect(Math.abs(wq.mean - 3.2)).toBeLessThan(3 * wq.se);
    // and the reported figures are the same numbers
    expect(result.cycleTime.mean).toBeCloseTo(w.mean, 9);
    expect(result.waitingTime.mean).toBeCloseTo(wq.mean, 9);
    expect(Math.abs(result.pools[0]!.utilisation - 0.8)).toBeLessThan(0.01);
    expect(result.pools[0]!.overloaded).toBe(false);
    expect(result.unstable).toBe(false);
  }, 600_000);

  it('M/M/3 at ρ = 0.8 matches Erlang C', async () => {
    // given three people, arrivals Exp(1 h), service Exp(2.4 h): offered load 2.4, ρ = 0.8
    const { result, w, wq } = await queue(3, 'PT2H24M');
    const mu = 1 / 2.4;
    const expectedWq = erlangC(2.4, 3) / (3 * mu - 1);
    const expectedW = expectedWq + 2.4;
    // then waiting and cycle time are within 3 % (and 3 standard errors) of the Erlang C values
    expect(Math.abs(wq.mean - expectedWq) / expectedWq).toBeLessThan(0.03);
    expect(Math.abs(wq.mean - expectedWq)).toBeLessThan(3 * wq.se);
    expect(Math.abs(w.mean - expectedW) / expectedW).toBeLessThan(0.03);
    expect(Math.abs(result.pools[0]!.utilisation - 0.8)).toBeLessThan(0.01);
  }, 600_000);
});

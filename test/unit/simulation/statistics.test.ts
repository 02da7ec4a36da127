import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/simulation/random';
import { QUANTILE_RELATIVE_ERROR, QuantileSketch, RunningStats } from '../../../src/simulation/statistics';

function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

describe('running statistics', () => {
  it('gives the mean, spread and extremes of a stream', () => {
    const s = new RunningStats();
    for (const v of [2, 4, 4, 4, 5, 5, 7, 9]) s.add(v);
    expect(s.count).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.min).toBe(2);
    expect(s.max).toBe(9);
    expect(s.stdDev).toBeCloseTo(2.138, 3);
  });
});

describe('quantile sketch', () => {
  it('given few distinct values (fixed durations), then percentiles are exact', () => {
    const s = new QuantileSketch();
    for (let i = 0; i < 1000; i++) s.add(i % 10 < 3 ? 1 : 2);
    expect(s.isExact).toBe(true);
    expect(s.quantile(0.3)).toBe(1);
    expect(s.quantile(0.31)).toBe(2);
    expect(s.quantile(0.9)).toBe(2);
  });

  it('given 100,000 spread-out values, then P50 and P90 are within 0.1 % of the exact nearest-rank values', () => {
    const r = createRandom(11);
    const s = new QuantileSketch();
    const values: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const v = r.triangular(0.5, 20, 400) * (r.next() < 0.1 ? 10 : 1);
      values.push(v);
      s.add(v);
    }
    expect(s.isExact).toBe(false);
    values.sort((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.99]) {
      const exact = exactQuantile(values, q);
      expect(Math.abs(s.quantile(q) - exact) / exact).toBeLessThanOrEqual(QUANTILE_RELATIVE_ERROR + 1e-12);
    }
    expect(s.max).toBe(values[values.length - 1]);
    expect(s.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
  });

  it('handles zero values and reports NaN while empty', () => {
    const s = new QuantileSketch();
    expect(s.quantile(0.5)).toBeNaN();
    expect(s.histogram()).toEqual([]);
    for (let i = 0; i < 100; i++) s.add(0);
    expect(s.quantile(0.9)).toBe(0);
  });

  it('builds a histogram whose bars count every value, over its own or a given range', () => {
    const r = createRandom(2);
    const s = new QuantileSketch();
    for (let i = 0; i < 5000; i++) s.add(1 + r.next() * 9);
    const bars = s.histogram(10);
    expect(bars).toHaveLength(10);
    expect(bars.reduce((n, b) => n + b.count, 0)).toBe(5000);
    expect(bars[0]!.from).toBe(s.min);
    expect(bars[9]!.to).toBe(s.max);
    for (const b of bars) expect(b.count).toBeGreaterThan(350);
    const wide = s.histogram(4, [0, 20]);
    expect(wide.map((b) => b.from)).toEqual([0, 5, 10, 15]);
    expect(wide[2]!.count + wide[3]!.count).toBe(0);
  });
});

/**
 * Streaming statistics for batches: constant memory whatever the number of cases.
 * Mean and spread use Welford's update; percentiles come from a fixed log-scale
 * histogram (the DDSketch idea) with a guaranteed relative error of 0.1 %.
 */

/** Count, mean, standard deviation, minimum and maximum of a stream of numbers. */
export class RunningStats {
  count = 0;
  mean = 0;
  min = Infinity;
  max = -Infinity;
  private m2 = 0;

  /** Adds one observation. */
  add(value: number): void {
    this.count++;
    const delta = value - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (value - this.mean);
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  /** Sample standard deviation; 0 with fewer than two observations. */
  get stdDev(): number {
    return this.count > 1 ? Math.sqrt(this.m2 / (this.count - 1)) : 0;
  }
}

/** Relative accuracy of QuantileSketch percentiles. */
export const QUANTILE_RELATIVE_ERROR = 0.001;

const GAMMA = (1 + QUANTILE_RELATIVE_ERROR) / (1 - QUANTILE_RELATIVE_ERROR);
const LOG_GAMMA = Math.log(GAMMA);
/** Smallest value with its own bucket (hours: under 0.4 seconds); smaller values share one bucket. */
const MIN_TRACKED = 1e-4;
/** Largest value with its own bucket (hours: over a thousand years); larger values share the last bucket. */
const MAX_TRACKED = 1e7;
const FIRST_INDEX = Math.ceil(Math.log(MIN_TRACKED) / LOG_GAMMA);
const BUCKETS = Math.ceil(Math.log(MAX_TRACKED) / LOG_GAMMA) - FIRST_INDEX + 1;

/**
 * Each bucket's representative value, 2γ^i / (γ + 1), built by multiplication alone:
 * Math.pow may differ in its last bit between JavaScript engines (node's V8 and a newer
 * Chromium's did), multiplication never does, so percentiles stay the same everywhere.
 */
const REPRESENTATIVES = (() => {
  const out = new Float64Array(BUCKETS);
  let g = 1;
  for (let k = 0; k > FIRST_INDEX; k--) g /= GAMMA;
  for (let i = 0; i < BUCKETS; i++) {
    out[i] = (2 * g) / (GAMMA + 1);
    g *= GAMMA;
  }
  return out;
})();

/** One bar of a histogram: values in [from, to). */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/** Up to this many distinct values are also counted exactly. */
const EXACT_DISTINCT = 64;

/**
 * Percentiles of non-negative values in fixed memory (about 100 KB): every value
 * falls in a bucket (γ^(i-1), γ^i] and is represented by that bucket's midpoint, so
 * a reported percentile lies within 0.1 % of the exact nearest-rank percentile.
 * While no more than 64 distinct values have been seen (fixed durations and a few
 * branches) they are also counted exactly, and percentiles and histograms are exact.
 */
export class QuantileSketch {
  private readonly counts = new Float64Array(BUCKETS);
  private low = 0;
  private readonly stats = new RunningStats();
  private exact: Map<number, number> | null = new Map();

  /** Adds one observation (negative values count as zero). */
  add(value: number): void {
    const v = value > 0 ? value : 0;
    this.stats.add(v);
    if (this.exact) {
      this.exact.set(v, (this.exact.get(v) ?? 0) + 1);
      if (this.exact.size > EXACT_DISTINCT) this.exact = null;
    }
    if (v < MIN_TRACKED) {
      this.low++;
      return;
    }
    let i = Math.ceil(Math.log(v) / LOG_GAMMA) - FIRST_INDEX;
    if (i >= BUCKETS) i = BUCKETS - 1;
    else if (i < 0) i = 0;
    this.counts[i]!++;
  }

  /** Number of observations. */
  get count(): number {
    return this.stats.count;
  }
  /** Exact mean. */
  get mean(): number {
    return this.stats.count ? this.stats.mean : NaN;
  }
  /** Exact minimum. */
  get min(): number {
    return this.stats.count ? this.stats.min : NaN;
  }
  /** Exact maximum. */
  get max(): number {
    return this.stats.count ? this.stats.max : NaN;
  }
  /** Sample standard deviation. */
  get stdDev(): number {
    return this.stats.stdDev;
  }

  /** True while percentiles are exact (few distinct values so far). */
  get isExact(): boolean {
    return this.exact !== null;
  }

  /** The q-quantile (0 < q ≤ 1) by the nearest-rank method, within 0.1 %; NaN when empty. */
  quantile(q: number): number {
    const n = this.stats.count;
    if (n === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * n));
    if (this.exact) {
      let seenExact = 0;
      for (const [v, count] of [...this.exact].sort((a, b) => a[0] - b[0])) {
        seenExact += count;
        if (seenExact >= rank) return v;
      }
    }
    let seen = this.low;
    if (seen >= rank) return this.clamp(this.stats.min);
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return this.clamp(this.representative(i));
    }
    return this.stats.max;
  }

  /**
   * Equal-width histogram for charts, between the minimum and the maximum, or over
   * `range` (values outside it count in the first or last bar) so two batches can
   * share their bars.
   */
  histogram(bins = 20, range?: readonly [number, number]): HistogramBin[] {
    const n = this.stats.count;
    if (n === 0) return [];
    const min = range ? range[0] : this.stats.min;
    const max = range ? range[1] : this.stats.max;
    if (max <= min) return [{ from: min, to: max, count: n }];
    const width = (max - min) / bins;
    const out: HistogramBin[] = [];
    for (let b = 0; b < bins; b++) out.push({ from: min + b * width, to: b === bins - 1 ? max : min + (b + 1) * width, count: 0 });
    const place = (value: number, count: number) => {
      if (count === 0) return;
      const b = Math.min(bins - 1, Math.max(0, Math.floor((this.clamp(value) - min) / width)));
      out[b]!.count += count;
    };
    if (this.exact) for (const [v, count] of this.exact) place(v, count);
    else {
      place(min, this.low);
      for (let i = 0; i < BUCKETS; i++) place(this.representative(i), this.counts[i]!);
    }
    return out;
  }

  private representative(i: number): number {
    return REPRESENTATIVES[i]!;
  }

  private clamp(v: number): number {
    return v < this.stats.min ? this.stats.min : v > this.stats.max ? this.stats.max : v;
  }
}

/**
 * Sampling the distributions of durations and arrival intervals, in hours, from the
 * injected seeded random source. Only +, ×, Math.sqrt, Math.log, Math.exp and Math.cos
 * are used; node and Chromium share V8's implementations of these, so a seed gives the
 * same stream in both (test/unit/simulation/cross-runtime.test.ts).
 */
import type { Random } from '../random';
import type { DistributionSpec } from './types';

const FIXED = 0;
const EXPONENTIAL = 1;
const UNIFORM = 2;
const NORMAL = 3;
const LOGNORMAL = 4;
const GAMMA = 5;
const TRIANGULAR = 6;

const KIND_CODES = { fixed: FIXED, exponential: EXPONENTIAL, uniform: UNIFORM, normal: NORMAL, lognormal: LOGNORMAL, gamma: GAMMA, triangular: TRIANGULAR } as const;

/** A distribution prepared for fast sampling: parameters derived once. */
export interface Sampler {
  readonly code: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  /** Bounds every draw is kept within (0 and +∞ unless given). */
  readonly lo: number;
  readonly hi: number;
  /** The mean of the (unbounded) distribution, hours. */
  readonly mean: number;
}

/** Why a distribution cannot be sampled, or null when it can. */
export function distributionProblem(spec: DistributionSpec): string | null {
  const need = (v: number | undefined, what: string) => (v === undefined || !Number.isFinite(v) || v < 0 ? `a ${spec.kind} distribution needs a ${what} of 0 or more` : null);
  switch (spec.kind) {
    case 'fixed':
    case 'exponential':
      return need(spec.mean, 'mean');
    case 'normal':
    case 'lognormal':
    case 'gamma':
      return need(spec.mean, 'mean') ?? need(spec.sd, 'standard deviation');
    case 'uniform':
      return need(spec.min, 'minimum') ?? need(spec.max, 'maximum') ?? (spec.min! > spec.max! ? 'the minimum is above the maximum' : null);
    case 'triangular':
      return (
        need(spec.min, 'minimum') ??
        need(spec.mode, 'most likely value') ??
        need(spec.max, 'maximum') ??
        (spec.min! <= spec.mode! && spec.mode! <= spec.max! ? null : 'minimum, most likely and maximum are not in increasing order')
      );
  }
}

/** Prepares a distribution; call distributionProblem first (an unusable one samples 0). */
export function createSampler(spec: DistributionSpec): Sampler {
  const code = KIND_CODES[spec.kind];
  const mean = spec.mean ?? 0;
  const sd = spec.sd ?? 0;
  let lo = spec.min ?? 0;
  let hi = spec.max ?? Infinity;
  if (!(lo >= 0)) lo = 0;
  if (!(hi >= lo)) hi = Infinity;
  switch (code) {
    case EXPONENTIAL:
      return { code, a: mean, b: 0, c: 0, lo, hi, mean };
    case UNIFORM:
      return { code, a: lo, b: hi, c: 0, lo, hi, mean: (lo + hi) / 2 };
    case NORMAL:
      return { code, a: mean, b: sd, c: 0, lo, hi, mean };
    case LOGNORMAL: {
      if (mean <= 0) return { code: FIXED, a: 0, b: 0, c: 0, lo, hi, mean: 0 };
      const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
      return { code, a: Math.log(mean) - sigma2 / 2, b: Math.sqrt(sigma2), c: 0, lo, hi, mean };
    }
    case GAMMA: {
      if (mean <= 0 || sd <= 0) return { code: FIXED, a: mean, b: 0, c: 0, lo, hi, mean };
      // shape k = mean² / variance, scale θ = variance / mean.
      return { code, a: (mean * mean) / (sd * sd), b: (sd * sd) / mean, c: 0, lo, hi, mean };
    }
    case TRIANGULAR: {
      const min = spec.min ?? 0;
      const mode = spec.mode ?? min;
      const max = spec.max ?? mode;
      return { code, a: min, b: mode, c: max, lo: 0, hi: Infinity, mean: (min + mode + max) / 3 };
    }
    default:
      return { code: FIXED, a: mean, b: 0, c: 0, lo, hi, mean };
  }
}

/** One draw in hours, never negative, kept within the bounds. */
export function sample(s: Sampler, rnd: Random): number {
  let x: number;
  switch (s.code) {
    case FIXED:
      x = s.a;
      break;
    case EXPONENTIAL:
      x = -s.a * Math.log(1 - rnd.next());
      break;
    case UNIFORM:
      x = s.a + (s.b - s.a) * rnd.next();
      break;
    case NORMAL:
      x = s.a + s.b * standardNormal(rnd);
      break;
    case LOGNORMAL:
      x = Math.exp(s.a + s.b * standardNormal(rnd));
      break;
    case GAMMA:
      x = gamma(s.a, rnd) * s.b;
      break;
    default:
      x = rnd.triangular(s.a, s.b, s.c);
  }
  return x < s.lo ? s.lo : x > s.hi ? s.hi : x;
}

/** Box–Muller, one normal per pair of uniforms (no cached second value: state stays in the random source). */
function standardNormal(rnd: Random): number {
  const u1 = 1 - rnd.next();
  const u2 = rnd.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Marsaglia and Tsang's method for shape k ≥ 1; k < 1 through Gamma(k + 1) · U^(1/k). */
function gamma(k: number, rnd: Random): number {
  if (k < 1) return gamma(k + 1, rnd) * Math.exp(Math.log(1 - rnd.next()) / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rnd);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rnd.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

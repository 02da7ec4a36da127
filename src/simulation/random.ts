/**
 * Seeded random source for the simulation. xoshiro128** seeded through splitmix32:
 * only 32-bit integer arithmetic (Math.imul, shifts), so the same seed gives the
 * same stream in node and in every browser; Math.random is never used.
 */

/** The random numbers the engine draws: uniform in [0, 1), integers and triangular samples. */
export interface Random {
  /** A uniform number in [0, 1) with 32 bits of precision. */
  next(): number;
  /** A uniform integer in [0, n). */
  nextInt(n: number): number;
  /** A sample of the triangular distribution on [min, max] with its peak at mode. */
  triangular(min: number, mode: number, max: number): number;
}

/** Turns a seed (a number, or any text such as "campaign-2025") into a 32-bit integer. */
export function seedToInt(seed: number | string): number {
  if (typeof seed === 'number' && Number.isFinite(seed)) {
    // Keep the low 32 bits and fold in the high part so 2^32 + 1 differs from 1.
    const high = Math.floor(seed / 4294967296);
    return ((seed >>> 0) ^ Math.imul(high | 0, 0x9e3779b1)) >>> 0;
  }
  // FNV-1a over the UTF-16 code units of the text.
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Creates a deterministic random source; the same seed always yields the same numbers. */
export function createRandom(seed: number | string): Random {
  return new Xoshiro128(seedToInt(seed));
}

class Xoshiro128 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 fills the four state words; an all-zero state is impossible.
    let s = seed >>> 0;
    const split = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
  }

  next(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result / 4294967296;
  }

  nextInt(n: number): number {
    return Math.floor(this.next() * n);
  }

  triangular(min: number, mode: number, max: number): number {
    if (max <= min) return min;
    const u = this.next();
    const range = max - min;
    const split = (mode - min) / range;
    // Inverse of the triangular CDF; Math.sqrt is exact in IEEE 754, so results match across engines.
    return u < split ? min + Math.sqrt(u * range * (mode - min)) : max - Math.sqrt((1 - u) * range * (max - mode));
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

import { describe, expect, it } from 'vitest';
import { MUTATION_FAMILIES, Random, decodeAsBrowser, generateVariants } from '../../support/mutate';
import { HOSTILE_SEED, hostileSources } from './hostile-support';
import { HOSTILE_PER_SOURCE } from './hostile-families';

describe('the hostile-file generator (test/support/mutate.ts)', () => {
  const sources = hostileSources();

  it('makes more than 1,000 variants covering every kind of damage, each with its own id', { timeout: 60_000 }, () => {
    // given the sources and the committed seed
    const variants = generateVariants(sources, { seed: HOSTILE_SEED, perSource: HOSTILE_PER_SOURCE });
    // then there are enough, of every family, and ids are unique so a failure can be replayed
    expect(variants.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(variants.map((v) => v.family))).toEqual(new Set(MUTATION_FAMILIES));
    expect(new Set(variants.map((v) => v.id)).size).toBe(variants.length);
  });

  it('is deterministic for a seed, and a family chosen alone gives the same variants', () => {
    const families = ['truncation', 'byte-flip', 'duplicate-id', 'markup-injection'] as const;
    const fingerprint = (v: { id: string; bytes: Uint8Array }) => `${v.id}:${Buffer.from(v.bytes).toString('base64')}`;
    const all = generateVariants(sources.slice(0, 2), { seed: 7, perSource: 3, families });
    const again = generateVariants(sources.slice(0, 2), { seed: 7, perSource: 3, families });
    const flipsOnly = generateVariants(sources.slice(0, 2), { seed: 7, perSource: 3, families: ['byte-flip'] });
    expect(again.map(fingerprint)).toEqual(all.map(fingerprint));
    expect(flipsOnly.map(fingerprint)).toEqual(all.filter((v) => v.family === 'byte-flip').map(fingerprint));
    const otherSeed = generateVariants(sources.slice(0, 2), { seed: 8, perSource: 3, families: ['byte-flip'] });
    expect(otherSeed.map(fingerprint)).not.toEqual(flipsOnly.map(fingerprint));
  });

  it('damages what it says it damages', () => {
    const [source] = sources;
    const variants = generateVariants([source!], { seed: 1, perSource: 2, families: ['truncation', 'duplicate-id', 'dangling-reference', 'byte-order-mark', 'deep-nesting', 'entity-expansion', 'external-entity'] });
    const original = new TextEncoder().encode(source!.xml);
    const of = (family: string) => variants.filter((v) => v.family === family);
    for (const v of of('truncation')) expect(v.bytes.length).toBeLessThan(original.length);
    for (const v of of('duplicate-id')) {
      const ids = [...decodeAsBrowser(v.bytes).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBeLessThan(ids.length);
    }
    for (const v of of('dangling-reference')) expect(decodeAsBrowser(v.bytes)).toMatch(/="Nowhere_\d+"/);
    expect(of('byte-order-mark').map((v) => [...v.bytes.slice(0, 3)])).toContainEqual([0xef, 0xbb, 0xbf]);
    expect(of('deep-nesting')[0]!.bytes.length).toBeGreaterThan(10_000 * 20);
    expect(decodeAsBrowser(of('entity-expansion')[0]!.bytes)).toContain('<!ENTITY lol9');
    expect(decodeAsBrowser(of('external-entity')[0]!.bytes)).toContain('SYSTEM "file:///etc/passwd"');
  });

  it('draws uniform numbers from a seed', () => {
    const random = new Random(42);
    const draws = Array.from({ length: 10_000 }, () => random.next());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeCloseTo(0.5, 1);
  });
});

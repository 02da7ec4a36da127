import { describe, expect, it } from 'vitest';
import { formatIsoDuration, parseIsoDuration } from '../../../src/model/duration';

describe('ISO 8601 durations', () => {
  it('reads the forms people write in agreements and timers', () => {
    expect(parseIsoDuration('PT4H')).toBe(4);
    expect(parseIsoDuration('P2D')).toBe(48);
    expect(parseIsoDuration('P1W')).toBe(168);
    expect(parseIsoDuration('PT30M')).toBe(0.5);
    expect(parseIsoDuration('P1DT2H')).toBe(26);
    expect(parseIsoDuration('pt1,5h')).toBe(1.5);
  });
  it('rejects text that is not a duration', () => {
    for (const bad of ['', 'P', 'PT', '4 hours', 'P-1D', 'T4H', undefined]) expect(parseIsoDuration(bad)).toBeUndefined();
  });
  it('formats hours back into a duration that parses to the same value', () => {
    for (const h of [0.5, 4, 26, 48, 200.25]) expect(parseIsoDuration(formatIsoDuration(h))).toBeCloseTo(h, 5);
  });
});

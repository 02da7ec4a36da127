import { describe, expect, it } from 'vitest';
import { durationFromInput, durationToInput, normaliseDecimal, preferredDurationUnit } from '../../../../src/model/value-chain/input-values';

describe('typed numbers and durations', () => {
  it('accepts a Dutch decimal comma but leaves ambiguous text for the schema to reject', () => {
    expect(normaliseDecimal(' 12,5 ')).toBe('12.5');
    expect(normaliseDecimal('1.234,50')).toBe('1.234,50');
    expect(normaliseDecimal('twaalf')).toBe('twaalf');
  });

  it('stores an amount in hours, days or weeks as an ISO 8601 duration', () => {
    expect(durationFromInput('4', 'hours')).toBe('PT4H');
    expect(durationFromInput('2', 'days')).toBe('P2D');
    expect(durationFromInput('1,5', 'days')).toBe('P1DT12H');
    expect(durationFromInput('3', 'weeks')).toBe('P3W');
    expect(durationFromInput('', 'days')).toBe('');
    // text that is no amount is kept, so the check reports what was typed
    expect(durationFromInput('drie dagen', 'days')).toBe('drie dagen');
  });

  it('shows a stored duration in the chosen unit, and unreadable text as it is', () => {
    expect(durationToInput('P2D', 'hours')).toBe('48');
    expect(durationToInput('PT36H', 'days')).toBe('1.5');
    expect(durationToInput('3 dagen', 'days')).toBe('3 dagen');
    expect(preferredDurationUnit(['P2D', 'P1W'])).toBe('days');
    expect(preferredDurationUnit(['PT4H', 'P1D'])).toBe('hours');
    expect(preferredDurationUnit(['P2W'])).toBe('weeks');
  });
});

import { describe, expect, it } from 'vitest';
import { decimalToInput, durationFromInput, durationToInput, normaliseDecimal, preferredDurationUnit } from '../../../../src/model/value-chain/input-values';

describe('typed numbers and durations', () => {
  it('accepts a lone decimal comma in any language but leaves text that is no number for the schema to reject', () => {
    expect(normaliseDecimal(' 12,5 ', 'en')).toBe('12.5');
    expect(normaliseDecimal('1.234,50', 'en')).toBe('1.234,50');
    expect(normaliseDecimal('twaalf', 'nl')).toBe('twaalf');
    expect(normaliseDecimal('1.2.3', 'nl')).toBe('1.2.3');
  });

  it('reads numbers as Dutch people write them in the Dutch UI: thousands points and a decimal comma', () => {
    expect(normaliseDecimal('6.200,50', 'nl')).toBe('6200.50');
    expect(normaliseDecimal('95,5', 'nl')).toBe('95.5');
    expect(normaliseDecimal('1.250.000', 'nl')).toBe('1250000');
    expect(normaliseDecimal('-6.200', 'nl')).toBe('-6200');
    // a plain decimal with a point, as the file stores it, is no grouping (not three digits)
    expect(normaliseDecimal('95.5', 'nl')).toBe('95.5');
    // and English grouping in English
    expect(normaliseDecimal('6,200.50', 'en')).toBe('6200.50');
    expect(normaliseDecimal('1,500', 'en')).toBe('1500');
    // French-style spaces (also non-breaking) as group separators
    expect(normaliseDecimal('6\u202f200,5', 'fr')).toBe('6200.5');
  });

  it('shows a stored decimal back with the decimal sign of the UI language', () => {
    expect(decimalToInput('95.5', 'nl')).toBe('95,5');
    expect(decimalToInput('95.5', 'en')).toBe('95.5');
    expect(decimalToInput('6200', 'nl')).toBe('6200');
    expect(decimalToInput('abc', 'nl')).toBe('abc');
    expect(decimalToInput(undefined, 'nl')).toBe('');
    // what is shown reads back to what is stored
    expect(normaliseDecimal(decimalToInput('0.75', 'nl'), 'nl')).toBe('0.75');
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

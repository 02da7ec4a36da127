import { describe, expect, it } from 'vitest';
import { parseDecimal } from '../../../src/model/decimal';

describe('parseDecimal, the one reader of stored numbers', () => {
  it.each([
    ['12', 12],
    [' 12.5 ', 12.5],
    ['-3', -3],
    ['+0.25', 0.25],
    ['.5', 0.5],
    ['5.', 5]
  ])('reads %j as %d', (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it.each(['', '   ', 'abc', '1e3', '1,5', '1.234,5', '€ 10', '+', '.', '1.2.3'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });

  it('passes finite numbers and refuses everything else that is no text', () => {
    expect(parseDecimal(7)).toBe(7);
    expect(parseDecimal(Number.NaN)).toBeUndefined();
    expect(parseDecimal(Infinity)).toBeUndefined();
    expect(parseDecimal(undefined)).toBeUndefined();
    expect(parseDecimal(null)).toBeUndefined();
  });

  it('accepts one decimal comma only when asked to', () => {
    expect(parseDecimal('12,5', { comma: true })).toBe(12.5);
    expect(parseDecimal('12,5')).toBeUndefined();
    expect(parseDecimal('1,2,3', { comma: true })).toBeUndefined();
    expect(parseDecimal('1.2,3', { comma: true })).toBeUndefined();
  });
});

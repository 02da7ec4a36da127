import { describe, expect, it } from 'vitest';
import { columnGroups, cssString } from '../../../../src/ui/audit/report-layout';

describe('columnGroups', () => {
  it('keeps a table that fits as one group', () => {
    expect(columnGroups(['a', 'b', 'c'], 12)).toEqual([['a', 'b', 'c']]);
    expect(columnGroups([], 12)).toEqual([]);
  });

  it('splits wide tables into even groups in their order, none wider than the page allows', () => {
    const roles = Array.from({ length: 20 }, (_, i) => `r${i + 1}`);
    const groups = columnGroups(roles, 12);
    expect(groups.map((g) => g.length)).toEqual([10, 10]);
    expect(groups.flat()).toEqual(roles);
    const many = columnGroups(Array.from({ length: 25 }, (_, i) => i), 12);
    expect(many.map((g) => g.length)).toEqual([9, 9, 7]);
    expect(many.every((g) => g.length <= 12)).toBe(true);
  });
});

describe('cssString', () => {
  it('escapes quotes, backslashes, line breaks and markup so the text stays one CSS string', () => {
    const text = 'Klacht "x" \\ }\n<img> “Van lead”';
    const literal = cssString(text);
    expect(literal.slice(1, -1)).not.toMatch(/["\n<>{}“]/);
    // Decoding the escapes as CSS does gives the text back.
    const decoded = literal.slice(1, -1).replace(/\\([0-9a-f]+) /g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
    expect(decoded).toBe(text);
    expect(cssString('Van lead tot order')).toBe('"Van lead tot order"');
  });
});

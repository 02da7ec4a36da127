import { parseDecimal } from '../../model/decimal';
import type { NumericInput } from './schema';

/** True when the value is present but does not read as a decimal: worth telling the user. */
export function isUnreadableDecimal(value: NumericInput): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string' && value.trim() === '') return false;
  return parseDecimal(value) === undefined;
}

/** Returns the date when the text is a real calendar date in YYYY-MM-DD, else undefined. */
export function parseIsoDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.length === 10 ? text : text.trim();
  // Character arithmetic instead of a RegExp or Date: this runs for every measurement
  // of a library and must not allocate.
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return undefined;
  const y = digits(t, 0, 4);
  const mo = digits(t, 5, 2);
  const d = digits(t, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  return d <= days ? t : undefined;
}

/** The number written by `length` ASCII digits from `start`, or −1 when one is not a digit. */
function digits(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The text with surrounding blanks removed, or undefined when nothing is left. */
export function nonBlank(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t ? t : undefined;
}

/*
 * The one reader of decimal numbers. The file stores plain decimals (docs/format.md
 * §3): an optional sign, digits with at most one decimal point, no exponent, no
 * thousands separators. The schema, the audit, the performance figures and the
 * simulation all read numbers through parseDecimal, so they agree on what a number is.
 */

/** How parseDecimal reads text. */
export interface DecimalOptions {
  /** Also accept one decimal comma instead of the point ("12,5"): the simulation is lenient with hand-edited files. */
  comma?: boolean;
}

/**
 * Reads a decimal: a finite number as it is, or text such as "12.5", "-3", ".5" or
 * "5." (surrounding spaces ignored); undefined when absent, blank or unreadable.
 */
export function parseDecimal(value: unknown, options: DecimalOptions = {}): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const separator = scanDecimal(text, options.comma === true);
  if (separator < -1) return undefined;
  return Number(separator >= 0 && text.charCodeAt(separator) === COMMA ? text.slice(0, separator) + '.' + text.slice(separator + 1) : text);
}

const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const POINT = 46;

/**
 * Checks `[+-]digits[.digits]` (at least one digit) by character codes, which is
 * cheaper than a RegExp in the loops over a whole library. Returns the position of
 * the decimal separator, -1 when there is none, -2 when the text is no decimal.
 */
function scanDecimal(text: string, comma: boolean): number {
  let i = 0;
  const n = text.length;
  const first = text.charCodeAt(0);
  if (first === PLUS || first === MINUS) i++;
  let digits = 0;
  let separator = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (separator < 0 && (c === POINT || (comma && c === COMMA))) separator = i;
    else return -2;
  }
  return digits > 0 ? separator : -2;
}

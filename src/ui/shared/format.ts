import { currentLocale } from '../../i18n/localization';

/*
 * Numbers and dates as the user reads them: Dutch grouping and decimal comma in
 * Dutch, English otherwise. Formatters are cached per locale: the dashboard
 * formats thousands of cells.
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function tag(): string {
  return currentLocale() === 'nl' ? 'nl-NL' : 'en-GB';
}

function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${tag()}|${key}`;
  let f = cache.get(id) as Intl.NumberFormat | undefined;
  if (!f) cache.set(id, (f = new Intl.NumberFormat(tag(), options)));
  return f;
}

/** A plain number with at most two decimals. */
export function formatNumber(value: number | undefined): string {
  return value === undefined ? '' : numberFormat('n', { maximumFractionDigits: 2 }).format(value);
}

/** A number with its sign, for variances: +42, −3,5. */
export function formatSigned(value: number | undefined): string {
  return value === undefined ? '' : numberFormat('s', { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(value);
}

/** A share as a signed percentage: +14 %. */
export function formatSignedPercent(share: number | undefined): string {
  return share === undefined ? '' : numberFormat('sp', { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(share);
}

/** A share as a percentage: 64 %. */
export function formatPercent(share: number | undefined): string {
  return share === undefined ? '' : numberFormat('p', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** An amount of money in a currency, without cents: € 40.000. */
export function formatMoney(value: number | undefined, currency: string): string {
  if (value === undefined) return '';
  try {
    return numberFormat(`m${currency}`, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
  } catch {
    // not an ISO currency code: show the code beside the number
    return `${formatNumber(value)} ${currency}`;
  }
}

/** A YYYY-MM-DD date in words: 30 jun. 2026; text that is no date comes back unchanged. */
export function formatDate(date: string | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const id = `${tag()}|d`;
  let f = cache.get(id) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(id, (f = new Intl.DateTimeFormat(tag(), { day: 'numeric', month: 'short', year: 'numeric' })));
  return f.format(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** A period as "1 jan. 2026 – 30 jun. 2026", or one end when the other is open. */
export function formatPeriod(start: string | undefined, end: string | undefined): string {
  if (start && end) return `${formatDate(start)} – ${formatDate(end)}`;
  return formatDate(start ?? end);
}

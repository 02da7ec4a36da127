import { currentLocale } from './localization';

/*
 * Numbers and amounts as people of the UI language read them ("6.200,50" and
 * "€ 6.200,50" in Dutch). Formatters are cached per locale and style.
 */

const cache = new Map<string, Intl.NumberFormat>();

/** The BCP 47 tag the UI language formats with. */
export function localeTag(): string {
  return currentLocale() === 'nl' ? 'nl-NL' : 'en-GB';
}

function formatter(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${localeTag()}|${key}`;
  let f = cache.get(id);
  if (!f) cache.set(id, (f = new Intl.NumberFormat(localeTag(), options)));
  return f;
}

/** A number with grouping and at most two decimals: 6.200,5 in Dutch. */
export function formatDecimal(value: number): string {
  return formatter('d', { maximumFractionDigits: 2 }).format(value);
}

/** A percentage given in percent (19.4 → "19,4%" in Dutch), at most one decimal. */
export function formatPercentValue(percent: number): string {
  return formatter('p', { style: 'percent', maximumFractionDigits: 1 }).format(percent / 100);
}

/** An amount of money with cents when it has them: € 6.200,50 and € 6.200 in Dutch; an unknown currency code is written beside the number. */
export function formatAmount(value: number, currency: string): string {
  const cents = Math.round(value * 100) % 100 !== 0;
  try {
    return formatter(`m${currency}${cents}`, { style: 'currency', currency, minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 }).format(value);
  } catch {
    return `${currency} ${formatDecimal(value)}`;
  }
}

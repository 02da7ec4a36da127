import { formatIsoDuration, parseIsoDuration } from '../duration';

/*
 * Conversions between what a person types in a form and what the file stores. The
 * file keeps plain decimals with a point and ISO 8601 durations; people type "12,5"
 * and "3 days". Anything that cannot be converted is passed on unchanged, so the
 * schema check reports it with the text the person typed.
 */

/** Units a duration can be entered in. */
export const DURATION_UNITS = ['hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const HOURS_PER: Record<DurationUnit, number> = { hours: 1, days: 24, weeks: 24 * 7 };

/** The group and decimal separators of a locale ("." and "," in Dutch), read from Intl.NumberFormat. */
let inputLocale = 'en';

/** Sets the language whose number habits input fields follow (the UI calls it when its language changes). */
export function setInputLocale(locale: string): void {
  inputLocale = locale;
}

export function decimalSeparators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return { group: parts.find((p) => p.type === 'group')?.value ?? ',', decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.' };
}

const escape = (char: string) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A typed number as stored text (a plain decimal with a point), read the way people
 * of the UI language write numbers: in Dutch "6.200,50" and "95,5", in English
 * "6,200.50". Group separators count only in groups of three digits, so a plain
 * decimal with a point ("95.5", as the file stores it) is still read as such. A lone
 * decimal comma is accepted in every language. Text that is no number comes back
 * trimmed and otherwise unchanged, so the schema check reports what was typed.
 */
export function normaliseDecimal(text: string, locale: string = inputLocale): string {
  const trimmed = text.trim();
  const { group, decimal } = decimalSeparators(locale);
  // Spaces (also non-breaking and narrow ones) are group separators wherever they are used.
  const groups = group.trim() === '' ? '[\\s\\u00a0\\u202f]' : escape(group);
  const grouped = new RegExp(`^([+-]?)(\\d{1,3}(?:${groups}\\d{3})+)(?:${escape(decimal)}(\\d+))?$`).exec(trimmed);
  if (grouped) return `${grouped[1]}${grouped[2]!.replace(new RegExp(groups, 'g'), '')}${grouped[3] !== undefined ? `.${grouped[3]}` : ''}`;
  const local = new RegExp(`^([+-]?\\d*)${escape(decimal)}(\\d+)$`).exec(trimmed);
  if (local) return `${local[1]}.${local[2]}`;
  return /^[+-]?\d*,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
}

/** A stored decimal as the UI language writes it ("95.5" → "95,5" in Dutch), without grouping; other text comes back unchanged. */
export function decimalToInput(stored: string | undefined, locale: string = inputLocale): string {
  if (stored === undefined) return '';
  if (!/^[+-]?\d*\.\d+$/.test(stored)) return stored;
  return stored.replace('.', decimalSeparators(locale).decimal);
}

/** A typed amount in a unit as an ISO 8601 duration ("2" days → "P2D"); text that is no number comes back unchanged. */
export function durationFromInput(text: string, unit: DurationUnit): string {
  const normalised = normaliseDecimal(text);
  if (normalised === '') return '';
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return text.trim();
  const amount = Number(normalised);
  if (unit === 'days' && Number.isInteger(amount)) return `P${amount}D`;
  if (unit === 'weeks' && Number.isInteger(amount)) return `P${amount}W`;
  if (unit === 'hours' && Number.isInteger(amount)) return `PT${amount}H`;
  return formatIsoDuration(amount * HOURS_PER[unit]);
}

/** A stored ISO duration as an amount in `unit` ("P2D" in hours → "48"); text that is no duration comes back unchanged. */
export function durationToInput(stored: string | undefined, unit: DurationUnit): string {
  if (stored === undefined || stored === '') return '';
  const hours = parseIsoDuration(stored);
  if (hours === undefined) return stored;
  const amount = hours / HOURS_PER[unit];
  return decimalToInput(String(Math.round(amount * 1000) / 1000));
}

/** The unit that shows stored durations best: weeks or days when all are whole ones, else hours. */
export function preferredDurationUnit(stored: Array<string | undefined>): DurationUnit {
  const hours = stored.map((s) => parseIsoDuration(s)).filter((h): h is number => h !== undefined && h > 0);
  if (hours.length === 0) return 'days';
  if (hours.every((h) => h % (24 * 7) === 0)) return 'weeks';
  if (hours.every((h) => h % 24 === 0)) return 'days';
  return 'hours';
}

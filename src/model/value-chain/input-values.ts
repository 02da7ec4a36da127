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

/** A typed number as stored text: trims, and turns a lone decimal comma ("12,5") into a point. */
export function normaliseDecimal(text: string): string {
  const trimmed = text.trim();
  return /^[+-]?\d*,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
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
  return String(Math.round(amount * 1000) / 1000);
}

/** The unit that shows stored durations best: weeks or days when all are whole ones, else hours. */
export function preferredDurationUnit(stored: Array<string | undefined>): DurationUnit {
  const hours = stored.map((s) => parseIsoDuration(s)).filter((h): h is number => h !== undefined && h > 0);
  if (hours.length === 0) return 'days';
  if (hours.every((h) => h % (24 * 7) === 0)) return 'weeks';
  if (hours.every((h) => h % 24 === 0)) return 'days';
  return 'hours';
}

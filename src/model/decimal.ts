import { z } from 'zod';

const DECIMAL = z
  .string()
  .trim()
  .regex(/^[+-]?\d+(?:[.,]\d+)?$/)
  .transform((s) => Number(s.replace(',', '.')));

/** Reads a decimal number written as text ("12.5" or "12,5"); undefined when absent or unreadable. */
export function parseDecimal(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const r = DECIMAL.safeParse(text);
  return r.success ? r.data : undefined;
}

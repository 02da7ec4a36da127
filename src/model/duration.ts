/** Hours in each ISO 8601 duration unit; a day is 24 h, a month 30 days, a year 365 days. */
const HOURS = { Y: 24 * 365, M: 24 * 30, W: 24 * 7, D: 24, H: 1, MIN: 1 / 60, S: 1 / 3600 } as const;

const ISO_DURATION = /^P(?!$)(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** Parses an ISO 8601 duration (P2D, PT4H30M, P1W) into hours; undefined when it is not one. */
export function parseIsoDuration(text: string | undefined | null): number | undefined {
  if (text == null) return undefined;
  const m = ISO_DURATION.exec(text.trim().toUpperCase());
  if (!m) return undefined;
  return (
    part(m, 1) * HOURS.Y + part(m, 2) * HOURS.M + part(m, 3) * HOURS.W + part(m, 4) * HOURS.D + part(m, 5) * HOURS.H + part(m, 6) * HOURS.MIN + part(m, 7) * HOURS.S
  );
}

/** The number of one unit of a matched duration (0 when absent); a decimal comma counts as a point. */
function part(m: RegExpExecArray, i: number): number {
  const text = m[i];
  return text ? Number(text.replace(',', '.')) : 0;
}

/** Whether text is an ISO 8601 duration, exactly when parseIsoDuration gives hours for it. */
export function isIsoDuration(text: string): boolean {
  return ISO_DURATION.test(text.trim().toUpperCase());
}

/** Formats hours as a compact ISO 8601 duration (days, hours, minutes). */
export function formatIsoDuration(hours: number): string {
  if (!Number.isFinite(hours) || hours <= 0) return 'PT0H';
  const totalMinutes = Math.round(hours * 60);
  const days = Math.floor(totalMinutes / (24 * 60));
  const h = Math.floor((totalMinutes - days * 24 * 60) / 60);
  const min = totalMinutes % 60;
  let out = 'P';
  if (days) out += `${days}D`;
  if (h || min) out += 'T' + (h ? `${h}H` : '') + (min ? `${min}M` : '');
  return out === 'P' ? 'PT0H' : out;
}

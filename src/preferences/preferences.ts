/*
 * The small choices this browser remembers between visits, in one table: each with
 * its localStorage key and the values it may hold. They live in localStorage, not in
 * the database, because they are needed synchronously (the language before the first
 * render, the audit badges when the modeler starts). Reading or writing never throws:
 * with storage blocked, the choice simply is not remembered and the default applies.
 */

interface Preference<T> {
  key: string;
  parse(raw: string): T | undefined;
  format(value: T): string;
  /** Also kept per tab (sessionStorage), which wins over the value of the last tab that wrote it. */
  perTab?: boolean;
}

function oneOf<const V extends string>(...values: V[]): Pick<Preference<V>, 'parse' | 'format'> {
  return { parse: (raw) => (values.includes(raw as V) ? (raw as V) : undefined), format: (value) => value };
}

/** A yes/no choice stored as two words (kept as they were before this table, so old choices still count). */
function flag(yes: string, no: string): Pick<Preference<boolean>, 'parse' | 'format'> {
  return { parse: (raw) => (raw === yes ? true : raw === no ? false : undefined), format: (value) => (value ? yes : no) };
}

const text: Pick<Preference<string>, 'parse' | 'format'> = { parse: (raw) => (raw.length > 0 ? raw : undefined), format: (value) => value };

/** Every preference of the app. */
export const PREFERENCES = {
  /** The UI language the user chose. */
  locale: { key: 'missinglink.locale', ...oneOf('nl', 'en') },
  /** The process open last (in this tab, else in any tab), opened again on start. */
  lastProcess: { key: 'missinglink.lastProcess', ...text, perTab: true },
  /** The reviewer name last signed with, to prefill the sign-off form. */
  reviewer: { key: 'missinglink.reviewer', ...text },
  /** CSV downloads with decimal comma and ';' (else the language decides). */
  csvDecimalComma: { key: 'missinglink.csvDecimalComma', ...flag('true', 'false') },
  /** The handover legend on the canvas is unfolded. */
  handoverLegendOpen: { key: 'missinglink.handoverLegend', ...flag('open', 'closed') },
  /** The audit was switched on, so it comes back after a reload. */
  auditOn: { key: 'missinglink.audit', ...flag('on', 'off') },
  /** The audit badges on the canvas are shown. */
  auditMarkersVisible: { key: 'missinglink.auditMarkers', ...flag('1', '0') }
} as const satisfies Record<string, Preference<never> | Preference<string> | Preference<boolean>>;

/** The name of a preference. */
export type PreferenceName = keyof typeof PREFERENCES;
/** The value type of a preference. */
export type PreferenceValue<N extends PreferenceName> = NonNullable<ReturnType<(typeof PREFERENCES)[N]['parse']>>;

function storages(perTab: boolean | undefined): Storage[] {
  const found: Storage[] = [];
  try {
    if (perTab && typeof sessionStorage !== 'undefined') found.push(sessionStorage);
    if (typeof localStorage !== 'undefined') found.push(localStorage);
  } catch {
    // storage blocked (a sandboxed frame throws on access)
  }
  return found;
}

/** The remembered value; undefined when none is stored, the stored one is not a valid value, or storage is blocked. */
export function readPreference<N extends PreferenceName>(name: N): PreferenceValue<N> | undefined {
  const preference = PREFERENCES[name] as Preference<PreferenceValue<N>>;
  for (const storage of storages(preference.perTab)) {
    try {
      const raw = storage.getItem(preference.key);
      if (raw !== null) return preference.parse(raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Remembers a value (not remembered when storage is blocked; the choice still holds for this page). */
export function writePreference<N extends PreferenceName>(name: N, value: PreferenceValue<N>): void {
  const preference = PREFERENCES[name] as Preference<PreferenceValue<N>>;
  for (const storage of storages(preference.perTab)) {
    try {
      storage.setItem(preference.key, preference.format(value));
    } catch {
      // full or blocked: not remembered
    }
  }
}

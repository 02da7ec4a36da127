import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes';
import { readPreference, writePreference } from '../preferences/preferences';

/** The languages the product speaks, in the order the switch shows them. */
export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const { getLocale, setLocale: setLitLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => import(`./generated/${locale}.ts`)
});

/** The locale a returning user chose, else the browser's language (Dutch or English). */
export function initialLocale(): Locale {
  const stored = readPreference('locale');
  if (stored) return stored;
  return navigator.language?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** Switches the UI language, remembers it, and sets <html lang>. */
export async function setLocale(locale: Locale): Promise<void> {
  await setLitLocale(locale);
  document.documentElement.lang = locale;
  writePreference('locale', locale);
}

/** The active UI language. */
export function currentLocale(): Locale {
  return getLocale() as Locale;
}

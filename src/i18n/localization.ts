import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes';

/** The languages the product speaks, in the order the switch shows them. */
export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'missinglink.locale';

const { getLocale, setLocale: setLitLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => import(`./generated/${locale}.ts`)
});

/** The locale a returning user chose, else the browser's language (Dutch or English). */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'nl' || stored === 'en') return stored;
  } catch {
    // storage may be blocked; fall back to the browser language
  }
  return navigator.language?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** Switches the UI language, remembers it, and sets <html lang>. */
export async function setLocale(locale: Locale): Promise<void> {
  await setLitLocale(locale);
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembered when storage is blocked; the switch still works for this session
  }
}

/** The active UI language. */
export function currentLocale(): Locale {
  return getLocale() as Locale;
}

import { CSV_MIME_TYPE, writeCsv, type CsvCell } from '../../analysis/csv';
import { downloadBlob, safeFileName } from '../../app/download';
import { currentLocale } from '../../i18n/localization';

const STORAGE_KEY = 'missinglink.csvDecimalComma';

/**
 * Whether CSV exports use the decimal comma (and `;` between fields): what the user
 * last chose, else on for the Dutch UI, whose spreadsheets expect it.
 */
export function decimalCommaPreference(): boolean {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'true' || stored === 'false') return stored === 'true';
  } catch {
    // storage may be blocked: fall back to the language default
  }
  return currentLocale() === 'nl';
}

/** Remembers the user's decimal-comma choice for every table. */
export function setDecimalCommaPreference(value: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, String(value));
  } catch {
    // not remembered when storage is blocked; this export still uses it
  }
}

/** Offers table rows as a CSV download named after the process and the table. */
export function downloadCsv(rows: readonly (readonly CsvCell[])[], processName: string, table: string, decimalComma: boolean): void {
  const text = writeCsv(rows, { decimalComma });
  downloadBlob(new Blob([text], { type: CSV_MIME_TYPE }), safeFileName(`${processName} ${table}`, 'csv'));
}

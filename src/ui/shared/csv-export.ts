import { CSV_MIME_TYPE, writeCsv, type CsvCell } from '../../analysis/csv';
import { downloadBlob, safeFileName } from '../../app/download';
import { currentLocale } from '../../i18n/localization';
import { readPreference, writePreference } from '../../preferences/preferences';

/**
 * Whether CSV exports use the decimal comma (and `;` between fields): what the user
 * last chose, else on for the Dutch UI, whose spreadsheets expect it.
 */
export function decimalCommaPreference(): boolean {
  return readPreference('csvDecimalComma') ?? currentLocale() === 'nl';
}

/** Remembers the user's decimal-comma choice for every table. */
export function setDecimalCommaPreference(value: boolean): void {
  writePreference('csvDecimalComma', value);
}

/** Offers table rows as a CSV download named after the process and the table. */
export function downloadCsv(rows: readonly (readonly CsvCell[])[], processName: string, table: string, decimalComma: boolean): void {
  const text = writeCsv(rows, { decimalComma });
  downloadBlob(new Blob([text], { type: CSV_MIME_TYPE }), safeFileName(`${processName} ${table}`, 'csv'));
}

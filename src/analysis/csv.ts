// The browser build: the plain one uses Node's Buffer when it loads.
import { stringify } from 'csv-stringify/browser/esm/sync';

/*
 * The CSV writer for every table the product exports (KPI table, RACI matrix,
 * audit reports …). Spreadsheets are picky in ways that differ per locale:
 *  - Excel only reads UTF-8 (é, ë, →) when the file starts with a byte-order mark;
 *  - a Dutch Excel uses the comma as decimal sign, so it expects `;` between fields
 *    and `12,5` for twelve and a half; an English one expects `,` and `12.5`;
 *  - rows end with CRLF (RFC 4180).
 * Numbers are passed as numbers and written plainly (no thousands separators, no
 * exponent), so the spreadsheet reads them as numbers and can sum them.
 * Quoting is csv-stringify's (RFC 4180). A text cell is quoted when it holds either
 * separator (`,` or `;`, whichever the file uses, because the file may be opened in a
 * spreadsheet of the other locale), a quote, a line break or leading/trailing spaces.
 */

/** One cell: text is written as is (quoted when needed), numbers in the chosen decimal style, nothing as an empty cell. */
export type CsvCell = string | number | null | undefined;

/** How a CSV file is written. */
export interface CsvOptions {
  /** Write `12,5` and separate fields with `;` (Dutch spreadsheets); otherwise `12.5` and `,`. Default false. */
  readonly decimalComma?: boolean;
  /** Start with the UTF-8 byte-order mark so spreadsheets detect the encoding. Default true. */
  readonly bom?: boolean;
  /**
   * Prefix text cells that start with `=`, `+`, `-`, `@`, their full-width forms
   * (`＝`, `＋`, `－`, `＠`) or a tab/CR/LF, also after leading spaces, with an
   * apostrophe, so a spreadsheet shows them instead of running them as a formula. Default true.
   */
  readonly guardFormulas?: boolean;
}

/** The UTF-8 byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/** The MIME type to offer a CSV download with. */
export const CSV_MIME_TYPE = 'text/csv;charset=utf-8';

/** The field separator that goes with the decimal style: `;` with a decimal comma, `,` otherwise. */
export function csvSeparator(options: CsvOptions = {}): ';' | ',' {
  return options.decimalComma ? ';' : ',';
}

/** Writes a number plainly: all significant digits, no grouping, no exponent; empty for NaN and infinities. */
export function formatCsvNumber(value: number, decimalComma = false): string {
  if (!Number.isFinite(value)) return '';
  const plain = expandExponent(Object.is(value, -0) ? '0' : String(value));
  return decimalComma ? plain.replace('.', ',') : plain;
}

/** Characters that start a formula in some spreadsheet, after optional leading spaces. */
const FORMULA_START = /^[ \u00A0\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r\n]/;

/** Text cells are quoted when they hold a separator of either locale, a quote, a line break or outer spaces. */
const NEEDS_QUOTES = [',', ';', '"', '\r', '\n', /^\s|\s$/];

/** Quotes a text field when it holds either separator, a quote, a line break or leading/trailing spaces. */
export function quoteCsvField(text: string, separator: string): string {
  return stringify([[text]], { delimiter: separator, record_delimiter: '\n', eof: false, quoted_match: NEEDS_QUOTES });
}

/** Writes rows as CSV text: one line per row, CRLF line ends (also after the last row), BOM first unless disabled. */
export function writeCsv(rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const decimalComma = options.decimalComma ?? false;
  const guard = options.guardFormulas ?? true;
  const body = stringify(
    rows.map((row) => row.map((cell) => (typeof cell === 'string' && guard && FORMULA_START.test(cell) ? `'${cell}` : cell))),
    {
      delimiter: csvSeparator(options),
      record_delimiter: '\r\n',
      quoted_match: NEEDS_QUOTES,
      // Numbers are written by formatCsvNumber and never quoted: a spreadsheet reads them as numbers.
      cast: { number: (value) => ({ value: formatCsvNumber(value, decimalComma), quoted_match: null }) }
    }
  );
  return (options.bom === false ? '' : UTF8_BOM) + body;
}

/** Turns JavaScript's exponent notation (1e-7, 1.5e+21) into plain decimal digits. */
function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = '', exponentText] = match;
  const exponent = Number(exponentText);
  const digits = whole! + fraction;
  const point = whole!.length + exponent;
  let result: string;
  if (point <= 0) result = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) result = digits + '0'.repeat(point - digits.length);
  else result = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + result;
}

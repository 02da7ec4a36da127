/*
 * Minimal RFC 4180 reading, the counterpart of the shared writer in
 * src/analysis/csv.ts: Dutch spreadsheets save with `;` (the comma is their
 * decimal sign), files saved from Excel carry a byte-order mark, and a quoted
 * field may span lines.
 */

/** The field separators we recognise. */
export type CsvSeparator = ',' | ';' | '\t';

const BOM = '\uFEFF';

/** A parsed CSV record with its spreadsheet row number (the first record is row 1). */
export interface CsvRecord {
  readonly row: number;
  readonly fields: readonly string[];
}

/** The outcome of reading CSV text: records, or the row where the text stops being CSV. */
export type CsvReadResult = { readonly ok: true; readonly records: readonly CsvRecord[] } | { readonly ok: false; readonly row: number; readonly message: string };

/** Picks the separator that occurs most often, outside quotes, on the first line. */
export function detectSeparator(text: string): CsvSeparator {
  const counts: Record<CsvSeparator, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of stripBom(text)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.keys(counts) as CsvSeparator[]).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : ',';
}

function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** Parses CSV text; blank lines are skipped (but counted as rows), quoted fields may span lines. */
export function readCsv(text: string, separator: CsvSeparator): CsvReadResult {
  const src = stripBom(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let fieldTouched = false; // the current field has a character or quotes
  let recordTouched = false; // the current record has anything, even an empty field
  let row = 1;
  let i = 0;
  const endRecord = () => {
    if (recordTouched || fieldTouched) records.push({ row, fields: [...fields, field] });
    row++;
    fields = [];
    field = '';
    fieldTouched = false;
    recordTouched = false;
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '"' && !fieldTouched) {
      const quoteRow = row;
      fieldTouched = true;
      i++;
      for (;;) {
        if (i >= src.length) return { ok: false, row: quoteRow, message: 'a quoted field is not closed' };
        const c = src[i]!;
        i++;
        if (c !== '"') field += c;
        else if (src[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
      const next = src[i];
      if (next !== undefined && next !== separator && next !== '\r' && next !== '\n') {
        return { ok: false, row: quoteRow, message: 'unexpected text after a closing quote' };
      }
    } else if (ch === separator) {
      fields.push(field);
      field = '';
      fieldTouched = false;
      recordTouched = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      fieldTouched = true;
      i++;
    }
  }
  if (recordTouched || fieldTouched) endRecord();
  return { ok: true, records };
}

/** Undoes the shared writer's formula guard: `'=SUM(…)` was written for the text `=SUM(…)`. */
export function unguardFormula(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

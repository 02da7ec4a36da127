import { describe, expect, it } from 'vitest';
import { csvSeparator, formatCsvNumber, quoteCsvField, UTF8_BOM, writeCsv } from '../../../src/analysis/csv';
import { readCsv } from '../../../src/analysis/maturity/csv';

describe('CSV writer for spreadsheet exports', () => {
  it('starts the file with the UTF-8 byte-order mark so Excel reads accents, and can leave it out', () => {
    // given a table with Dutch text
    const rows = [['Afspraak', 'Geïnformeerd']];
    // when it is written with default options
    const csv = writeCsv(rows);
    // then the BOM comes first, once
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('Afspraak,Geïnformeerd\r\n');
    // and without it when asked
    expect(writeCsv(rows, { bom: false })).toBe('Afspraak,Geïnformeerd\r\n');
  });

  it('ends every row, the last one too, with CRLF', () => {
    const csv = writeCsv([['a', 'b'], ['c', 'd']], { bom: false });
    expect(csv).toBe('a,b\r\nc,d\r\n');
  });

  it('uses ; between fields and a decimal comma in numbers for Dutch spreadsheets', () => {
    // given a row with a text and numbers
    const rows = [['Omzet', 12.5, -3, 1234567.25]];
    // when written with a decimal comma
    const csv = writeCsv(rows, { decimalComma: true, bom: false });
    // then fields are separated by ; and numbers have a comma, no thousands separators
    expect(csv).toBe('Omzet;12,5;-3;1234567,25\r\n');
    expect(csvSeparator({ decimalComma: true })).toBe(';');
    // and in the English style by , with a decimal point
    expect(writeCsv(rows, { bom: false })).toBe('Omzet,12.5,-3,1234567.25\r\n');
  });

  it('quotes text that holds the separator, quotes or line breaks, and doubles inner quotes', () => {
    const rows = [['Marketing; Verkoop', 'de "lead" telt', 'regel 1\nregel 2', ' rand ', 'gewoon']];
    const csv = writeCsv(rows, { decimalComma: true, bom: false });
    expect(csv).toBe('"Marketing; Verkoop";"de ""lead"" telt";"regel 1\nregel 2";" rand ";gewoon\r\n');
    // either separator is quoted in both styles: the file may be opened in a spreadsheet of the other locale
    expect(quoteCsvField('12,5 %', ';')).toBe('"12,5 %"');
    expect(quoteCsvField('12,5 %', ',')).toBe('"12,5 %"');
    expect(quoteCsvField('a;b', ',')).toBe('"a;b"');
  });

  it('writes a number-looking text unchanged: only real numbers get the decimal comma', () => {
    const csv = writeCsv([['2025.1', 2025.1]], { decimalComma: true, bom: false });
    expect(csv).toBe('2025.1;2025,1\r\n');
  });

  it('leaves cells empty for missing values and for numbers that are not finite', () => {
    const csv = writeCsv([['x', null, undefined, Number.NaN, Number.POSITIVE_INFINITY, 0]], { bom: false });
    expect(csv).toBe('x,,,,,0\r\n');
  });

  it('writes very small and very large numbers as plain digits, never in exponent notation', () => {
    expect(formatCsvNumber(1e-7)).toBe('0.0000001');
    expect(formatCsvNumber(-2.5e-8, true)).toBe('-0,000000025');
    expect(formatCsvNumber(1.5e21)).toBe('1500000000000000000000');
    expect(formatCsvNumber(-0)).toBe('0');
  });

  it('keeps a spreadsheet from running text as a formula, and can be told not to', () => {
    const rows = [['=SUM(A1:A9)', '+31 20 123', '@team', '-korting', 'Marge -5']];
    expect(writeCsv(rows, { bom: false })).toBe("'=SUM(A1:A9),'+31 20 123,'@team,'-korting,Marge -5\r\n");
    // negative numbers are numbers, not formulas
    expect(writeCsv([[-5]], { bom: false })).toBe('-5\r\n');
    expect(writeCsv([['=1+1']], { bom: false, guardFormulas: false })).toBe('=1+1\r\n');
  });

  it('quotes a cell holding the other locale\'s separator, so a formula after it never becomes a cell of its own', () => {
    // given the attack of issue 12: a comma, then a formula, in the semicolon CSV
    const csv = writeCsv([["x,=cmd|' /C calc'!A0", 'ok']], { decimalComma: true, bom: false });
    // then the cell is quoted as a whole: a comma-locale spreadsheet finds no comma outside quotes to split at
    expect(csv).toBe('"x,=cmd|\' /C calc\'!A0";ok\r\n');
    const parsed = readCsv(csv, ';');
    expect(parsed.ok && parsed.records[0]!.fields).toEqual(["x,=cmd|' /C calc'!A0", 'ok']);
    // and numbers with a decimal comma stay numbers, unquoted
    expect(writeCsv([[12.5, 'a,b']], { decimalComma: true, bom: false })).toBe('12,5;"a,b"\r\n');
  });

  it('guards the full-width formula signs and formula signs after leading spaces', () => {
    const rows = [['\uFF1DSUM(A1)', '\uFF0B1', '\uFF0D1', '\uFF20x', '  =1+1', '\nregel']];
    expect(writeCsv(rows, { bom: false })).toBe(`'\uFF1DSUM(A1),'\uFF0B1,'\uFF0D1,'\uFF20x,'  =1+1,"'\nregel"\r\n`);
  });

  it('reads back to the same fields with a standard CSV reader in both styles', () => {
    // given a table with awkward content
    const rows = [
      ['Activiteit', 'Streefscore', 'Notitie'],
      ['Campagne "Voorjaar"; online', 1500.75, 'twee\r\nregels'],
      ['Leads, gekwalificeerd', -0.5, '']
    ];
    for (const decimalComma of [true, false]) {
      // when written and parsed again
      const csv = writeCsv(rows, { decimalComma });
      const parsed = readCsv(csv, csvSeparator({ decimalComma }));
      // then every field comes back, numbers in the chosen decimal style
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const fields = parsed.records.map((r) => r.fields);
      const number = (n: string) => (decimalComma ? n.replace('.', ',') : n);
      expect(fields).toEqual([
        ['Activiteit', 'Streefscore', 'Notitie'],
        ['Campagne "Voorjaar"; online', number('1500.75'), 'twee\r\nregels'],
        ['Leads, gekwalificeerd', number('-0.5'), '']
      ]);
    }
  });
});

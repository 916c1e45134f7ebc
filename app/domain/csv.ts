// Writing CSV that Excel opens correctly (UTF-8 with BOM, CRLF) and that cannot smuggle a formula into a spreadsheet.

/** Byte order mark: without it Excel reads UTF-8 as the local code page and Chinese names turn to mojibake. */
export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

export type CsvValue = string | number | boolean | null | undefined;

// A text cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets (OWASP:
// "CSV injection"). Tab and carriage return are included because some spreadsheets strip them and look again.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field. Text that a spreadsheet would treat as a formula gets a leading apostrophe, and every text field is
 * quoted, with quotes doubled (RFC 4180): where the list separator is `;` (Excel in many locales) an unquoted
 * `a;=1+2` would become two cells, the second a formula. Numbers are written as numbers (a negative number is data,
 * not a formula); empty for null, undefined and non-finite numbers.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/** One record, terminated by CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',') + CSV_EOL;
}

/** A whole document (for small files); large exports stream `csvRow`s after `CSV_BOM` instead. */
export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + rows.map(csvRow).join('');
}

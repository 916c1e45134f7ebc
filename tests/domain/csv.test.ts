import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvDocument, csvRow, type CsvValue } from '../../app/domain/csv';
import { parseCsv } from '../support/csv-reader';

describe('csvCell', () => {
  it.each<[CsvValue, string]>([
    ['plain', '"plain"'],
    ['', '""'],
    [null, ''],
    [undefined, ''],
    [42, '42'],
    [-42, '-42'],
    [12.5, '12.5'],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
    [true, 'true'],
    [false, 'false'],
    ['a,b', '"a,b"'],
    ['a;b', '"a;b"'],
    ['a;=1+2', '"a;=1+2"'],
    ['say "hi"', '"say ""hi"""'],
    ['line 1\nline 2', '"line 1\nline 2"'],
    ['cr\rhere', '"cr\rhere"'],
    ['好運麵家有限公司', '"好運麵家有限公司"'],
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['=1+2', `"'=1+2"`],
    ['+852 2345 6789', `"'+852 2345 6789"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['a=1', '"a=1"'],
    [' =1', '" =1"'],
  ])('%j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('csvRow and csvDocument', () => {
  it('join fields with commas, end records with CRLF and start the document with a BOM', () => {
    expect(csvRow(['a', 1, null, '好,運'])).toBe('"a",1,,"好,運"\r\n');
    const doc = csvDocument([
      ['reference', 'name'],
      ['DTS-2026-000001', '好運麵家'],
    ]);
    expect(doc.startsWith(CSV_BOM)).toBe(true);
    expect(doc).toBe('\uFEFF"reference","name"\r\n"DTS-2026-000001","好運麵家"\r\n');
  });

  it('any text reads back exactly, except a formula-looking start which gains an apostrophe', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary', maxLength: 20 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const parsed = parseCsv(rows.map(csvRow).join(''));
          const expected = rows.map((row) => row.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
          expect(parsed).toEqual(expected);
        },
      ),
    );
  });

  it('no written text field ever starts with a formula character', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (value) => {
        const cell = csvCell(value);
        const content = cell.startsWith('"') ? cell.slice(1) : cell;
        expect(/^[=+\-@\t\r]/.test(content)).toBe(false);
      }),
    );
  });

  it('every text field is quoted, so no separator (`,` or `;`) inside it can split it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (value) => {
        const cell = csvCell(value);
        expect(cell.startsWith('"') && cell.endsWith('"')).toBe(true);
        expect(cell.slice(1, -1).replace(/""/g, '')).not.toContain('"');
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument, MAX_DOCUMENT_BYTES, safeFilename, sniffDocumentType } from '../../app/domain/documents';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('sniffDocumentType', () => {
  it.each([
    ['PDF', bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37), 'application/pdf'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    ['HTML', new TextEncoder().encode('<html><script>alert(1)</script>'), null],
    ['GIF', new TextEncoder().encode('GIF89a'), null],
    ['a ZIP renamed .pdf', bytes(0x50, 0x4b, 0x03, 0x04), null],
    ['truncated PNG signature', bytes(0x89, 0x50, 0x4e), null],
    ['empty', bytes(), null],
  ])('%s → %s', (_name, input, expected) => {
    expect(sniffDocumentType(input)).toBe(expected);
  });
});

describe('checkDocument', () => {
  it('refuses a missing, oversized or unknown file with a reason code', () => {
    expect(checkDocument(null)).toEqual({ ok: false, code: 'document_missing' });
    expect(checkDocument(bytes())).toEqual({ ok: false, code: 'document_missing' });
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(checkDocument(big)).toEqual({ ok: false, code: 'document_too_large' });
    expect(checkDocument(bytes(1, 2, 3))).toEqual({ ok: false, code: 'document_type' });
  });

  it('accepts a PDF of exactly 10 MB', () => {
    const pdf = new Uint8Array(MAX_DOCUMENT_BYTES);
    pdf.set([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect(checkDocument(pdf)).toEqual({ ok: true, contentType: 'application/pdf' });
  });

  it('never accepts bytes that start with none of the three signatures', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), (data) => {
        const result = checkDocument(data);
        if (result.ok) expect(sniffDocumentType(data)).toBe(result.contentType);
        else expect(sniffDocumentType(data)).toBeNull();
      }),
    );
  });
});

describe('safeFilename', () => {
  it('keeps letters (Chinese too) and uses the sniffed type for the extension', () => {
    expect(safeFilename('報價單 2026.exe', 'application/pdf')).toBe('報價單 2026.pdf');
    expect(safeFilename('../../etc/passwd', 'image/png')).toBe('passwd.png');
    expect(safeFilename('"><img src=x>.jpg', 'image/jpeg')).toBe('___img src_x_.jpg');
    expect(safeFilename('', 'image/jpeg')).toBe('document.jpg');
  });
});

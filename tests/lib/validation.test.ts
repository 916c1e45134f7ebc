import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calendarDay,
  emailAddress,
  idSchema,
  isoInstant,
  moneyCents,
  optionalText,
  parseId,
  requiredText,
  searchText,
  wholeNumber,
} from '../../app/lib/validation';

const ok = (schema: { safeParse: (v: unknown) => { success: boolean } }, value: unknown) => schema.safeParse(value).success;

describe('text fields', () => {
  it.each([
    'a\u0000b',
    '\u0000',
    'a\u0007',
    'a\u001b[31m',
    'a\u007f',
    'a\u0085',
    'a\ud800b',
    'line\nbreak',
    'tab\there',
    'cr\rhere',
    'a\u2028b',
  ])('a single-line field refuses %j', (value) => {
    expect(ok(requiredText({ max: 100 }), value)).toBe(false);
    expect(ok(optionalText({ max: 100 }), value)).toBe(false);
  });

  it('a multiline field keeps line breaks and tabs (CRLF becomes LF) but refuses other controls', () => {
    expect(requiredText({ max: 100, multiline: true }).parse(' one\r\ntwo\tthree ')).toBe('one\ntwo\tthree');
    expect(ok(requiredText({ max: 100, multiline: true }), 'a\u0000b')).toBe(false);
    expect(ok(requiredText({ max: 100, multiline: true }), 'a\u000bb')).toBe(false);
  });

  it('keeps Chinese, emoji and typographic characters; counts the limit after trimming', () => {
    expect(requiredText({ max: 8 }).parse('  好運麵家👍「」  ')).toBe('好運麵家👍「」');
    expect(ok(requiredText({ max: 3 }), 'abcd')).toBe(false);
    expect(ok(requiredText({ max: 3 }), '   ')).toBe(false);
    expect(optionalText({ max: 3 }).parse('   ')).toBe('');
  });

  it('a search box with control characters is no filter', () => {
    expect(searchText(100).catch(undefined).parse('\u0000')).toBeUndefined();
    expect(searchText(5).parse('  POS system ')).toBe('POS s');
  });

  it('email addresses: no control characters, at most 254', () => {
    expect(ok(emailAddress, 'owner@example.com')).toBe(true);
    expect(ok(emailAddress, 'owner\u0000@example.com')).toBe(false);
    expect(ok(emailAddress, `${'a'.repeat(250)}@example.com`)).toBe(false);
  });
});

describe('numbers, money and days', () => {
  it.each([
    ['0', true],
    ['1000000', true],
    ['1000001', false],
    ['9999999', false],
    ['-1', false],
    ['1.5', false],
    ['1e3', false],
    ['', false],
    ['99999999999999999999', false],
  ])('wholeNumber 0..1,000,000: %j → %s', (value, expected) => {
    expect(ok(wholeNumber({ min: 0, max: 1_000_000 }), value)).toBe(expected);
  });

  it('money below the minimum is refused with a field message', () => {
    expect(moneyCents({ minCents: 1 }).safeParse('0').error?.issues[0]?.message).toBe('errors:too_small');
    expect(moneyCents({ minCents: 1 }).parse('0.01')).toBe(1);
    expect(moneyCents().parse('HK$12,000.50')).toBe(1_200_050);
    expect(ok(moneyCents(), '99999999999999999')).toBe(false);
  });

  it.each([
    ['2026-12-01T02:00:00.000Z', true],
    ['1970-01-01T00:00:00Z', true],
    ['-271821-04-20T00:00:00Z', false],
    ['275760-09-13T00:00:00Z', false],
    ['0001-01-01T00:00:00Z', false],
    ['2026-13-01T00:00:00Z', false],
    ['2026-12-01 02:00:00', false],
  ])('isoInstant %j → %s', (value, expected) => {
    expect(ok(isoInstant, value)).toBe(expected);
  });

  it.each([
    ['2026-02-28', true],
    [' 2026-02-28 ', true],
    ['2026-02-30', false],
    ['+002026-02-28', false],
    ['99999-01-01', false],
  ])('calendarDay %j → %s', (value, expected) => {
    expect(ok(calendarDay, value)).toBe(expected);
  });
});

describe('ids in URLs', () => {
  const read = (value: unknown): number | 'not found' => {
    try {
      return parseId(value);
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(Response);
      expect((thrown as Response).status).toBe(404);
      return 'not found';
    }
  };

  it('parseId takes exactly what idSchema takes, as the same number, and answers 404 to anything else', () => {
    const edges = fc.constantFrom(
      '1',
      '0',
      '01',
      '-1',
      '1.0',
      '1e3',
      ' 1',
      '1 ',
      '999999999999999',
      '1000000000000000',
      '',
      'abc',
      1,
      0,
      -3,
      1.5,
      NaN,
    );
    fc.assert(
      fc.property(fc.oneof(edges, fc.string(), fc.stringMatching(/^[0-9]{0,17}$/), fc.integer(), fc.double(), fc.anything()), (value) => {
        const parsed = idSchema.safeParse(value);
        expect(read(value)).toEqual(parsed.success ? parsed.data : 'not found');
      }),
      { numRuns: 2000 },
    );
    expect(read('42')).toBe(42);
    expect(read('042')).toBe('not found');
  });
});

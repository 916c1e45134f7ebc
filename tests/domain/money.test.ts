import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsToInput, parseMoneyToCents } from '../../app/domain/money';

describe('parseMoneyToCents', () => {
  it.each([
    ['12000', 1_200_000],
    ['12,000', 1_200_000],
    ['12,000.5', 1_200_050],
    ['12000.05', 1_200_005],
    ['HK$ 100,000.00', 10_000_000],
    ['0', 0],
    ['0.1', 10],
    ['.5', null],
    ['1.', 100],
  ])('%s → %s cents', (input, cents) => {
    const result = parseMoneyToCents(input);
    if (cents === null) expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, cents });
  });

  it.each([
    ['12.345', 'money_too_many_decimals'],
    ['-5', 'money_negative'],
    ['abc', 'money_invalid'],
    ['1e5', 'money_invalid'],
    ['99999999999999', 'money_too_large'],
    ['', 'money_invalid'],
  ])('refuses %s with %s', (input, code) => {
    expect(parseMoneyToCents(input)).toEqual({ ok: false, code });
  });

  it('round-trips every amount up to HK$100 million exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_00 }), (cents) => {
        expect(parseMoneyToCents(centsToInput(cents))).toEqual({ ok: true, cents });
      }),
    );
  });
});

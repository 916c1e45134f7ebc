import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankCodes, checkBankAccount, digitsOnly, hongKongBanks, isBankCode, maskAccount } from '../../app/domain/bank-account';

const account = (bankCode: string, branchCode: string | null, accountNumber: string, accountName = 'Lucky Noodle House Ltd') => ({
  bankCode,
  branchCode,
  accountNumber,
  accountName,
});

describe('Hong Kong bank codes', () => {
  it('are 3-digit codes, each with a format', () => {
    expect(bankCodes.length).toBeGreaterThanOrEqual(25);
    for (const code of bankCodes) {
      expect(code).toMatch(/^\d{3}$/);
      const [min, max] = hongKongBanks[code].digits;
      expect(min).toBeGreaterThanOrEqual(6);
      expect(max).toBeLessThanOrEqual(12);
      expect(min).toBeLessThanOrEqual(max);
    }
    expect(isBankCode('024')).toBe(true);
    expect(isBankCode('999')).toBe(false);
    expect(isBankCode('toString')).toBe(false);
  });
});

describe('checkBankAccount', () => {
  it.each([
    ['HSBC, branch and 9 digits', account('004', '123', '456789001'), {}],
    ['Hang Seng, 8 digits', account('024', '123', '45678900'), { accountNumber: 'account_number_invalid' }],
    ['Hang Seng without a branch', account('024', null, '456789001'), { branchCode: 'branch_required' }],
    ['a 2-digit branch', account('012', '12', '4567890'), { branchCode: 'branch_invalid' }],
    ['a virtual bank with no branch', account('387', null, '123456789012'), {}],
    ['a virtual bank given a branch', account('387', '123', '123456789012'), { branchCode: 'branch_not_used' }],
    ['letters in the number', account('012', '123', '45678A01'), { accountNumber: 'account_number_invalid' }],
    ['13 digits', account('012', '123', '1234567890123'), { accountNumber: 'account_number_invalid' }],
    ['a bank not on the list', account('999', '123', '456789001'), { bankCode: 'bank_unknown' }],
    ['no account name', account('004', '123', '456789001', '  '), { accountName: 'account_name_required' }],
  ] as const)('%s', (_label, input, expected) => {
    expect(checkBankAccount(input)).toEqual(expected);
  });

  it('every number of the lengths a bank uses passes, every other length fails (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bankCodes), fc.integer({ min: 1, max: 16 }), fc.nat(), (code, length, seed) => {
        const format = hongKongBanks[code];
        const number = String(seed).padStart(length, '7').slice(0, length);
        const errors = checkBankAccount(account(code, format.branch === 'required' ? '001' : null, number));
        const fits = length >= format.digits[0] && length <= format.digits[1];
        expect(errors.accountNumber === undefined).toBe(fits);
      }),
    );
  });
});

describe('maskAccount', () => {
  it('keeps the bank code and the last three digits only', () => {
    expect(maskAccount({ bankCode: '024', accountNumber: '456789012' })).toBe('024-***-***012');
  });

  it('never shows more than the last three digits of the number (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bankCodes), fc.stringMatching(/^\d{6,12}$/), (bankCode, accountNumber) => {
        const masked = maskAccount({ bankCode, accountNumber });
        expect(masked).toBe(`${bankCode}-***-***${accountNumber.slice(-3)}`);
        expect(masked.replace(/\D/g, '').length).toBe(6);
      }),
    );
  });

  it('digitsOnly drops the spaces and dashes people type', () => {
    expect(digitsOnly('123-456 789')).toBe('123456789');
  });
});

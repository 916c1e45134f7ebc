// Numbers are formatted by our own code so that the server's and the browser's text agree (hydration).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactMoney, formatMoney, formatNumber, formatPermille, formatSignedPercentFromBps } from '~/lib/format';

describe('formatMoney', () => {
  it.each([
    [0, 'HK$0.00'],
    [1, 'HK$0.01'],
    [5_000_000, 'HK$50,000.00'],
    [123_456_789_01, 'HK$123,456,789.01'],
    [-2_265_000, '-HK$22,650.00'],
  ])('%s cents → %s', (cents, text) => expect(formatMoney(cents)).toBe(text));

  it('agrees with Intl en-HK for any whole number of cents', () => {
    const intl = new Intl.NumberFormat('en-HK', { style: 'currency', currency: 'HKD' });
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => {
        expect(formatMoney(cents)).toBe(intl.format(cents / 100));
      }),
    );
  });

  it('takes bigint cents beyond the safe integer range', () => {
    expect(formatMoney(12_345_678_901_234_567_89n)).toBe('HK$12,345,678,901,234,567.89');
  });
});

describe('compactMoney', () => {
  it.each([
    [0, 'en', 'HK$0'],
    [0, 'zh-HK', 'HK$0'],
    [99_00, 'en', 'HK$99'],
    [250_000, 'en', 'HK$2.5K'],
    [100_000_000_00, 'en', 'HK$100M'],
    [500_000_000_00, 'en', 'HK$500M'],
    [99_996_000, 'en', 'HK$1M'],
    [1_250_000_000_00, 'en', 'HK$1.3B'],
    [100_000_000_00, 'zh-HK', 'HK$1億'],
    [500_000_000_00, 'zh-CN', 'HK$5亿'],
    [125_000_00, 'zh-HK', 'HK$12.5萬'],
    [9_999_00, 'zh-HK', 'HK$9,999'],
    [9_999_96, 'zh-HK', 'HK$1萬'],
    [999_96, 'en', 'HK$1K'],
    [9_940_00, 'zh-HK', 'HK$9,940'],
  ] as const)('%s cents in %s → %s', (cents, locale, text) => expect(compactMoney(cents, locale)).toBe(text));

  it('never shows a trailing ".0"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.constantFrom('en', 'zh-HK', 'zh-CN' as const), (cents, locale) => {
        expect(compactMoney(cents, locale)).not.toMatch(/\.0(?!\d)/);
      }),
    );
  });
});

describe('percentages and counts', () => {
  it.each([
    [0, '0%'],
    [125, '12.5%'],
    [1000, '100%'],
    [333, '33.3%'],
  ])('%s permille → %s', (permille, text) => expect(formatPermille(permille)).toBe(text));

  it.each([
    [0, '0%'],
    [1250, '+12.5%'],
    [-300, '-3%'],
    [4, '0%'],
  ])('%s bps → %s', (bps, text) => expect(formatSignedPercentFromBps(bps)).toBe(text));

  it.each([
    [0, '0'],
    [3.5, '3.5'],
    [3.04, '3'],
    [1234, '1,234'],
    [12.25, '12.3'],
  ])('%s → %s', (value, text) => expect(formatNumber(value)).toBe(text));
});

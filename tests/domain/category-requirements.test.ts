import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import enVetting from '../../locales/en/vetting.json';
import cnVetting from '../../locales/zh-CN/vetting.json';
import hkVetting from '../../locales/zh-HK/vetting.json';
import { categoryRequirements, missingRequirements, priceSignals, requirementsOf } from '../../app/domain/category-requirements';
import { categories } from '../../app/domain/programme';

describe('category requirements', () => {
  it.each(categories)('%s has 4–5 distinct requirement codes, each worded in all three languages', (category) => {
    const codes = categoryRequirements[category]!;
    expect(codes.length).toBeGreaterThanOrEqual(4);
    expect(codes.length).toBeLessThanOrEqual(5);
    expect(new Set(codes).size).toBe(codes.length);
    for (const locale of [enVetting, hkVetting, cnVetting]) {
      const texts = (locale.requirements as Record<string, Record<string, string>>)[category]!;
      expect(Object.keys(texts).sort()).toEqual([...codes].sort());
      for (const code of codes) expect(texts[code]!.trim()).not.toBe('');
    }
  });

  it.each([
    ['nothing ticked', 'online_promotion', [], ['business_listing_setup', 'social_media_setup', 'performance_report', 'bilingual_content']],
    [
      'all ticked, in any order',
      'online_promotion',
      ['bilingual_content', 'performance_report', 'social_media_setup', 'business_listing_setup'],
      [],
    ],
    [
      'one missing',
      'e_payment_pos',
      ['accepts_octopus_fps', 'issues_receipts', 'daily_sales_report', 'data_stored_securely'],
      ['local_support_hotline'],
    ],
    [
      'ticks of another category do not count',
      'customer_management',
      ['accepts_octopus_fps', 'issues_receipts', 'daily_sales_report'],
      ['member_registration', 'points_or_coupons', 'customer_data_privacy', 'campaign_reporting'],
    ],
    [
      'unknown extra ticks are ignored',
      'customer_management',
      ['member_registration', 'points_or_coupons', 'customer_data_privacy', 'campaign_reporting', 'bogus'],
      [],
    ],
    ['a category without a list has nothing to tick', 'new_category', [], []],
    ['a prototype key is not a category', 'constructor', [], []],
  ] as const)('%s', (_name, category, ticked, expected) => {
    expect(missingRequirements(category, ticked)).toEqual(expected);
  });

  it('what is missing plus what was ticked covers the whole list, whatever is ticked', () => {
    fc.assert(
      fc.property(fc.constantFrom(...categories), fc.array(fc.string()), (category, extra) => {
        const all = requirementsOf(category);
        const ticked = [...all.filter((_c, i) => i % 2 === 0), ...extra];
        const missing = missingRequirements(category, ticked);
        expect(new Set([...missing, ...ticked.filter((c) => all.includes(c))])).toEqual(new Set(all));
        expect(missing.every((code) => !ticked.includes(code))).toBe(true);
      }),
    );
  });
});

describe('price signals', () => {
  const ceiling = 100_000_00;
  it.each([
    [
      'exactly 5% below the ceiling is near it',
      95_000_00,
      50_000_00,
      { nearCeiling: true, wellAboveMedian: true, diffFromMedianBps: 9000 },
    ],
    ['one cent further below is not', 94_999_99, 94_999_99, { nearCeiling: false, wellAboveMedian: false, diffFromMedianBps: 0 }],
    ['at the ceiling is near it', 100_000_00, 100_000_00, { nearCeiling: true, wellAboveMedian: false, diffFromMedianBps: 0 }],
    [
      'exactly 50% above the median is not flagged',
      30_000_00,
      20_000_00,
      { nearCeiling: false, wellAboveMedian: false, diffFromMedianBps: 5000 },
    ],
    ['one cent more is', 30_000_01, 20_000_00, { nearCeiling: false, wellAboveMedian: true, diffFromMedianBps: 5000 }],
    ['below the median is negative', 15_000_00, 20_000_00, { nearCeiling: false, wellAboveMedian: false, diffFromMedianBps: -2500 }],
    ['no median to compare with', 99_000_00, null, { nearCeiling: true, wellAboveMedian: false, diffFromMedianBps: null }],
  ] as const)('%s', (_name, costCents, medianCents, expected) => {
    expect(priceSignals({ costCents, ceilingCents: ceiling, medianCents })).toEqual(expected);
  });

  it('never flags near the ceiling below 95% of it, always at or above it (up to the ceiling)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_00 }), fc.integer({ min: 1, max: 100_000_00 }), (ceilingCents, costCents) => {
        const { nearCeiling } = priceSignals({ costCents, ceilingCents, medianCents: null });
        const expected = costCents <= ceilingCents && BigInt(costCents) * 100n >= BigInt(ceilingCents) * 95n;
        expect(nearCeiling).toBe(expected);
      }),
    );
  });
});

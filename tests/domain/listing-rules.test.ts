import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkListing, maxDeploymentDays, medianCents, type ListingDraft, type ListingRules } from '../../app/domain/listing-rules';

const rules: ListingRules = { maxOneOffCents: 100_000_00, maxSubscriptionMonths: 24, maxSubscriptionTotalCents: 100_000_00, deploymentMonths: 6 };
const open = { openCategories: ['e_payment_pos', 'online_promotion', 'customer_management'], openSectors: ['fnb', 'retail'] };
const draft = (overrides: Partial<ListingDraft> = {}): ListingDraft => ({
  category: 'e_payment_pos',
  sector: 'fnb',
  pricingModel: 'one_off',
  priceCents: 50_000_00,
  deploymentDays: 30,
  features: [],
  ...overrides,
});
const check = (d: ListingDraft, otherListings: { solutionId: number; category: string; sector: string }[] = []) =>
  checkListing({ draft: d, rules, otherListings, ...open }).map((p) => `${p.field}:${p.code}`);

describe('price ceilings at the boundary', () => {
  it.each([
    ['one-off at exactly HK$100,000', { priceCents: 100_000_00 }, []],
    ['one-off one cent over', { priceCents: 100_000_01 }, ['price:one_off_over_ceiling']],
    ['monthly HK$4,166.66 (24 × = HK$99,999.84)', { pricingModel: 'monthly', priceCents: 4_166_66 }, []],
    ['monthly HK$4,166.67 (24 × = HK$100,000.08)', { pricingModel: 'monthly', priceCents: 4_166_67 }, ['price:subscription_over_ceiling']],
    ['monthly exactly 100,000 / 24 rounded down', { pricingModel: 'monthly', priceCents: Math.floor(100_000_00 / 24) }, []],
    ['zero price', { priceCents: 0 }, ['price:price_missing']],
    ['negative price', { priceCents: -100 }, ['price:price_missing']],
    ['fractional cents', { priceCents: 10.5 }, ['price:price_not_cents']],
  ] as const)('%s', (_name, overrides, expected) => {
    expect(check(draft(overrides as Partial<ListingDraft>))).toEqual(expected);
  });

  it('deployment within 6 months (180 days) and not later', () => {
    expect(maxDeploymentDays(rules)).toBe(180);
    expect(check(draft({ deploymentDays: 180 }))).toEqual([]);
    expect(check(draft({ deploymentDays: 181 }))).toEqual(['deploymentDays:deployment_too_long']);
    expect(check(draft({ deploymentDays: 0 }))).toEqual(['deploymentDays:deployment_invalid']);
  });

  it('every optional feature has an explicit price', () => {
    expect(check(draft({ features: [{ pricingModel: 'one_off', priceCents: 1_000_00 }, { pricingModel: 'monthly', priceCents: 0 }] }))).toEqual([
      'featurePrice1:feature_price_missing',
    ]);
  });

  it('one package per category and sector for each vendor (its own edit does not count)', () => {
    const others = [{ solutionId: 7, category: 'e_payment_pos', sector: 'fnb' }];
    expect(check(draft(), others)).toEqual(['category:category_sector_taken']);
    expect(check(draft({ solutionId: 7 }), others)).toEqual([]);
    expect(check(draft({ sector: 'retail' }), others)).toEqual([]);
  });

  it('only categories and sectors open in the round', () => {
    expect(check(draft({ category: 'cyber_security', sector: 'tourism' }))).toEqual(['category:category_not_open', 'sector:sector_not_open']);
  });
});

describe('listing rule properties', () => {
  it('a one-off price passes the ceiling exactly when it is at most HK$100,000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300_000_00 }), (priceCents) => {
        const ok = !check(draft({ priceCents })).includes('price:one_off_over_ceiling');
        expect(ok).toBe(priceCents <= 100_000_00);
      }),
    );
  });

  it('a monthly price passes exactly when 24 months of it is at most HK$100,000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000_00 }), (priceCents) => {
        const ok = !check(draft({ pricingModel: 'monthly', priceCents })).includes('price:subscription_over_ceiling');
        expect(ok).toBe(priceCents * 24 <= 100_000_00);
      }),
    );
  });
});

describe('medianCents', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[1, 2, 3, 4], 2],
    [[10, 30], 20],
  ])('median of %j is %s', (values, expected) => {
    expect(medianCents(values)).toBe(expected);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eligibleCostCents, fundingSplit } from '../../app/domain/funding';
import {
  checkListing,
  maxDeploymentDays,
  medianCents,
  MIN_ITEM_COST_CENTS,
  priceCeilingCents,
  type ListingDraft,
  type ListingRules,
} from '../../app/domain/listing-rules';

const rules: ListingRules = {
  maxOneOffCents: 100_000_00,
  maxSubscriptionMonths: 24,
  maxSubscriptionTotalCents: 100_000_00,
  deploymentMonths: 6,
};
const open = { openCategories: ['e_payment_pos', 'online_promotion', 'customer_management'], openSectors: ['fnb', 'retail'] };
// Monthly items state a contract: 24 months where a case does not say otherwise (what every figure assumed before).
const withContract = <T extends { pricingModel: string; minContractMonths?: number | null }>(item: T): T =>
  item.pricingModel === 'monthly' && !('minContractMonths' in item) ? { ...item, minContractMonths: 24 } : item;
const draft = (overrides: Partial<ListingDraft> = {}): ListingDraft =>
  withContract({
    category: 'e_payment_pos',
    sector: 'fnb',
    pricingModel: 'one_off',
    priceCents: 50_000_00,
    deploymentDays: 30,
    ...overrides,
    features: (overrides.features ?? []).map(withContract),
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
    expect(
      check(
        draft({
          features: [
            { pricingModel: 'one_off', priceCents: 1_000_00 },
            { pricingModel: 'monthly', priceCents: 0 },
          ],
        }),
      ),
    ).toEqual(['featurePrice1:feature_price_missing']);
  });

  it('one package per category and sector for each vendor (its own edit does not count)', () => {
    const others = [{ solutionId: 7, category: 'e_payment_pos', sector: 'fnb' }];
    expect(check(draft(), others)).toEqual(['category:category_sector_taken']);
    expect(check(draft({ solutionId: 7 }), others)).toEqual([]);
    expect(check(draft({ sector: 'retail' }), others)).toEqual([]);
  });

  it('only categories and sectors open in the round', () => {
    expect(check(draft({ category: 'cyber_security', sector: 'tourism' }))).toEqual([
      'category:category_not_open',
      'sector:sector_not_open',
    ]);
  });
});

describe('the minimum price: nothing the programme could not fund a share of', () => {
  it('is HK 100', () => {
    expect(MIN_ITEM_COST_CENTS).toBe(100_00);
  });

  it.each([
    ['one-off HK 0.01', { priceCents: 1 }, ['price:price_below_minimum']],
    ['one-off HK 99.99', { priceCents: 99_99 }, ['price:price_below_minimum']],
    ['one-off HK 100.00', { priceCents: 100_00 }, []],
    ['monthly HK 4.16 (24 × = HK 99.84)', { pricingModel: 'monthly', priceCents: 4_16 }, ['price:price_below_minimum']],
    ['monthly HK 4.17 (24 × = HK 100.08)', { pricingModel: 'monthly', priceCents: 4_17 }, []],
    [
      'a one-off feature of HK 99.99',
      { features: [{ pricingModel: 'one_off', priceCents: 99_99 }] },
      ['featurePrice0:feature_price_below_minimum'],
    ],
    ['a one-off feature of HK 100.00', { features: [{ pricingModel: 'one_off', priceCents: 100_00 }] }, []],
    [
      'a monthly feature of HK 4.16 (24 × = HK 99.84)',
      { features: [{ pricingModel: 'monthly', priceCents: 4_16 }] },
      ['featurePrice0:feature_price_below_minimum'],
    ],
  ] as const)('%s', (_name, overrides, expected) => {
    expect(check(draft(overrides as Partial<ListingDraft>))).toEqual(expected);
  });
});

describe('the ceiling covers what a shop can buy: the package with all of its optional features', () => {
  it.each([
    [
      'one-off HK 90,000 + HK 10,000 feature = HK 100,000',
      { priceCents: 90_000_00, features: [{ pricingModel: 'one_off', priceCents: 10_000_00 }] },
      [],
    ],
    [
      'one-off HK 90,000 + HK 10,000.01 feature',
      { priceCents: 90_000_00, features: [{ pricingModel: 'one_off', priceCents: 10_000_01 }] },
      ['features:features_over_ceiling'],
    ],
    [
      'one-off HK 99,000 + HK 100 a month over 24 months (HK 101,400)',
      { priceCents: 99_000_00, features: [{ pricingModel: 'monthly', priceCents: 100_00 }] },
      ['features:features_over_ceiling'],
    ],
    [
      'monthly HK 4,000 + HK 166.66 a month (24 × = HK 99,999.84)',
      { pricingModel: 'monthly', priceCents: 4_000_00, features: [{ pricingModel: 'monthly', priceCents: 166_66 }] },
      [],
    ],
    [
      'monthly HK 4,000 + HK 166.67 a month (24 × = HK 100,000.08)',
      { pricingModel: 'monthly', priceCents: 4_000_00, features: [{ pricingModel: 'monthly', priceCents: 166_67 }] },
      ['features:features_over_ceiling'],
    ],
    [
      'three features each within, together over',
      { priceCents: 70_000_00, features: [1, 2, 3].map(() => ({ pricingModel: 'one_off' as const, priceCents: 10_000_01 })) },
      ['features:features_over_ceiling'],
    ],
    [
      'a package already over says so once, on the price',
      { priceCents: 100_000_01, features: [{ pricingModel: 'one_off', priceCents: 100_00 }] },
      ['price:one_off_over_ceiling'],
    ],
  ] as const)('%s', (_name, overrides, expected) => {
    expect(check(draft(overrides as Partial<ListingDraft>))).toEqual(expected);
  });

  it('passes exactly when the counted cost of the package with every feature is within its kind of ceiling', () => {
    const item = fc.record({
      pricingModel: fc.constantFrom('one_off' as const, 'monthly' as const),
      priceCents: fc.integer({ min: 100_00, max: 60_000_00 }),
    });
    fc.assert(
      fc.property(item, fc.array(item, { maxLength: 4 }), (pkg, features) => {
        const problems = check(draft({ ...pkg, features }));
        const ceiling = pkg.pricingModel === 'one_off' ? rules.maxOneOffCents : rules.maxSubscriptionTotalCents;
        const packageAlone = eligibleCostCents([pkg], 24);
        const whole = eligibleCostCents([pkg, ...features], 24);
        const belowMinimum = [pkg, ...features].some((i) => eligibleCostCents([i], 24) < MIN_ITEM_COST_CENTS);
        fc.pre(!belowMinimum);
        const passes = !problems.some((p) => p.endsWith('over_ceiling'));
        expect(passes).toBe(whole <= ceiling);
        if (packageAlone > ceiling) expect(problems).not.toContain('features:features_over_ceiling');
      }),
    );
  });
});

describe('every package the rules let through gets a programme share', () => {
  it('at any match ratio from 0.01%, the share of its cheapest purchase is at least one cent', () => {
    const item = fc.record({
      pricingModel: fc.constantFrom('one_off' as const, 'monthly' as const),
      priceCents: fc.integer({ min: 1, max: 10_000_00 }),
    });
    fc.assert(
      fc.property(item, fc.integer({ min: 1, max: 10_000 }), (pkg, matchBps) => {
        fc.pre(check(draft(pkg)).length === 0);
        const split = fundingSplit({
          costCents: eligibleCostCents([pkg], 24),
          committedCents: 0,
          rules: { matchBps, capCents: 50_000_00 },
        });
        expect(split.programmeCents).toBeGreaterThan(0);
      }),
    );
  });
});

describe('the minimum contract of a monthly item', () => {
  it.each([
    [
      'a subscription without one',
      { pricingModel: 'monthly', priceCents: 500_00, minContractMonths: null },
      ['minContractMonths:contract_months_missing'],
    ],
    ['zero months', { pricingModel: 'monthly', priceCents: 500_00, minContractMonths: 0 }, ['minContractMonths:contract_months_invalid']],
    ['121 months', { pricingModel: 'monthly', priceCents: 500_00, minContractMonths: 121 }, ['minContractMonths:contract_months_invalid']],
    [
      'half a month',
      { pricingModel: 'monthly', priceCents: 500_00, minContractMonths: 1.5 },
      ['minContractMonths:contract_months_invalid'],
    ],
    ['120 months', { pricingModel: 'monthly', priceCents: 500_00, minContractMonths: 120 }, []],
    ['one month', { pricingModel: 'monthly', priceCents: 500_00, minContractMonths: 1 }, []],
    ['a one-off price needs none', { pricingModel: 'one_off', priceCents: 500_00, minContractMonths: null }, []],
    [
      'a monthly feature without one',
      { features: [{ pricingModel: 'monthly', priceCents: 100_00, minContractMonths: null }] },
      ['featureContract0:feature_contract_months_missing'],
    ],
    [
      'a monthly feature of 200 months',
      { features: [{ pricingModel: 'monthly', priceCents: 100_00, minContractMonths: 200 }] },
      ['featureContract0:feature_contract_months_invalid'],
    ],
  ] as const)('%s', (_name, overrides, expected) => {
    expect(check(draft(overrides as Partial<ListingDraft>))).toEqual(expected);
  });

  it.each([
    ['HK 8,000 a month on a 12-month contract counts HK 96,000: within', { priceCents: 8_000_00, minContractMonths: 12 }, []],
    [
      'HK 8,334 a month on a 12-month contract counts HK 100,008: over',
      { priceCents: 8_334_00, minContractMonths: 12 },
      ['price:subscription_over_ceiling'],
    ],
    [
      'HK 4,200 a month on a 36-month contract counts 24 months: over',
      { priceCents: 4_200_00, minContractMonths: 36 },
      ['price:subscription_over_ceiling'],
    ],
    [
      'HK 99 a month on a 1-month contract counts HK 99: under the minimum',
      { priceCents: 99_00, minContractMonths: 1 },
      ['price:price_below_minimum'],
    ],
    ['HK 100 a month on a 1-month contract: at the minimum', { priceCents: 100_00, minContractMonths: 1 }, []],
  ] as const)('%s', (_name, overrides, expected) => {
    expect(check(draft({ pricingModel: 'monthly', ...overrides }))).toEqual(expected);
  });

  it('a monthly package passes exactly when its counted months (contract, at most 24) of fees are within the ceiling', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_00, max: 20_000_00 }), fc.integer({ min: 1, max: 120 }), (priceCents, minContractMonths) => {
        const problems = check(draft({ pricingModel: 'monthly', priceCents, minContractMonths }));
        expect(problems.includes('price:subscription_over_ceiling')).toBe(priceCents * Math.min(minContractMonths, 24) > 100_000_00);
      }),
    );
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

describe('priceCeilingCents', () => {
  it('a monthly package is judged against the subscription ceiling, a one-off against the one-off ceiling', () => {
    const limits = { maxOneOffCents: 30_000_00, maxSubscriptionTotalCents: 25_000_00 };
    expect(priceCeilingCents('monthly', limits)).toBe(25_000_00);
    expect(priceCeilingCents('one_off', limits)).toBe(30_000_00);
  });

  it('checkListing refuses exactly above the ceiling priceCeilingCents gives', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('one_off' as const, 'monthly' as const),
        fc.integer({ min: MIN_ITEM_COST_CENTS, max: 10_000_000 }),
        fc.integer({ min: -2, max: 2 }),
        (pricingModel, ceiling, delta) => {
          const limits: ListingRules = { ...rules, maxOneOffCents: ceiling, maxSubscriptionTotalCents: ceiling + 7 };
          const target = priceCeilingCents(pricingModel, limits);
          const priceCents = pricingModel === 'monthly' ? Math.max(1, Math.floor(target / 24) + delta) : target + delta;
          const draft: ListingDraft = {
            category: 'e_payment_pos',
            sector: 'fnb',
            pricingModel,
            priceCents,
            minContractMonths: pricingModel === 'monthly' ? 24 : null,
            deploymentDays: 30,
            features: [],
          };
          const counted = eligibleCostCents([draft], limits.maxSubscriptionMonths);
          const over = checkListing({ draft, rules: limits, otherListings: [], ...open }).some((p) => p.code.endsWith('_over_ceiling'));
          expect(over).toBe(counted > target);
        },
      ),
    );
  });
});

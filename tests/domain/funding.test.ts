import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculatorCommittedCents,
  budgetCoversApproved,
  countedMonths,
  eligibleCostCents,
  fundingSplit,
  headroomCents,
  itemCostCents,
  nothingToFund,
  packageSplit,
  type FundingRules,
} from '../../app/domain/funding';

const rules: FundingRules = { matchBps: 5_000, capCents: 50_000_00, maxSubscriptionMonths: 24 };

describe('itemCostCents', () => {
  it.each([
    { item: { pricingModel: 'one_off', priceCents: 28_000_00 }, expected: 28_000_00 },
    { item: { pricingModel: 'monthly', priceCents: 450_00 }, expected: 10_800_00 },
    { item: { pricingModel: 'monthly', priceCents: 1 }, expected: 24 },
    { item: { pricingModel: 'one_off', priceCents: 0 }, expected: 0 },
  ] as const)('$item.pricingModel at $item.priceCents cents costs $expected', ({ item, expected }) => {
    expect(itemCostCents(item, 24)).toBe(expected);
  });

  it.each([-1, 0.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses %s cents', (priceCents) => {
    expect(() => itemCostCents({ pricingModel: 'one_off', priceCents }, 24)).toThrow(RangeError);
  });
});

describe("a subscription counts its minimum contract, at most the programme's months", () => {
  it.each([
    [12, 12, 450_00 * 12],
    [1, 1, 450_00],
    [24, 24, 450_00 * 24],
    [36, 24, 450_00 * 24],
    [120, 24, 450_00 * 24],
    [null, 24, 450_00 * 24],
    [undefined, 24, 450_00 * 24],
  ] as const)('a %s-month contract counts %i months', (minContractMonths, months, cost) => {
    const item = { pricingModel: 'monthly' as const, priceCents: 450_00, minContractMonths };
    expect(countedMonths(item, 24)).toBe(months);
    expect(itemCostCents(item, 24)).toBe(cost);
  });

  it('a one-off price ignores any contract length', () => {
    expect(itemCostCents({ pricingModel: 'one_off', priceCents: 28_000_00, minContractMonths: 12 }, 24)).toBe(28_000_00);
  });

  it('refuses a contract length that is not a whole number of months', () => {
    for (const minContractMonths of [0, -1, 1.5, Number.NaN]) {
      expect(() => itemCostCents({ pricingModel: 'monthly', priceCents: 100_00, minContractMonths }, 24)).toThrow(RangeError);
    }
  });

  it('the split of a 12-month subscription with a 36-month feature', () => {
    const split = packageSplit({
      items: [
        { pricingModel: 'monthly', priceCents: 980_00, minContractMonths: 12 },
        { pricingModel: 'monthly', priceCents: 100_00, minContractMonths: 36 },
      ],
      committedCents: 0,
      rules,
    });
    expect(split.costCents).toBe(980_00 * 12 + 100_00 * 24);
    expect(split.programmeCents).toBe((980_00 * 12 + 100_00 * 24) / 2);
  });
});

describe('nothingToFund', () => {
  it.each([
    [1, 0, 'no_programme_share'],
    [1, 50_000_00, 'cap_reached'],
    [10_000_00, 50_000_00, 'cap_reached'],
    [10_000_00, 0, null],
  ] as const)('cost %i with %i committed → %s', (costCents, committedCents, expected) => {
    expect(nothingToFund(fundingSplit({ costCents, committedCents, rules }))).toBe(expected);
  });
});

describe('fundingSplit', () => {
  it.each([
    // cost, already committed, programme pays, shop pays, limited by
    [28_000_00, 0, 14_000_00, 14_000_00, 'match'],
    [100_000_00, 0, 50_000_00, 50_000_00, 'match'],
    [120_000_00, 0, 50_000_00, 70_000_00, 'cap'],
    [40_000_00, 30_000_00, 20_000_00, 20_000_00, 'match'],
    [60_000_00, 30_000_00, 20_000_00, 40_000_00, 'cap'],
    [10_000_00, 50_000_00, 0, 10_000_00, 'cap'],
    [10_000_00, 70_000_00, 0, 10_000_00, 'cap'],
    [1, 0, 0, 1, 'match'],
    [3, 0, 1, 2, 'match'],
    [0, 0, 0, 0, 'match'],
  ] as const)('cost %i with %i committed: programme %i, shop %i (%s)', (costCents, committedCents, programme, shop, limitedBy) => {
    const split = fundingSplit({ costCents, committedCents, rules });
    expect(split.programmeCents).toBe(programme);
    expect(split.shopCents).toBe(shop);
    expect(split.limitedBy).toBe(limitedBy);
    expect(split.headroomAfterCents).toBe(headroomCents(rules.capCents, committedCents) - programme);
  });

  it('applies another match ratio from the settings', () => {
    expect(fundingSplit({ costCents: 10_000_00, committedCents: 0, rules: { matchBps: 7_500, capCents: 50_000_00 } }).programmeCents).toBe(
      7_500_00,
    );
  });

  it('refuses a match ratio over 100%', () => {
    expect(() => fundingSplit({ costCents: 100, committedCents: 0, rules: { matchBps: 10_001, capCents: 100 } })).toThrow(RangeError);
  });
});

describe('package split', () => {
  it('adds optional features and counts 24 months of a subscription', () => {
    const split = packageSplit({
      items: [
        { pricingModel: 'monthly', priceCents: 980_00 },
        { pricingModel: 'one_off', priceCents: 3_500_00 },
        { pricingModel: 'monthly', priceCents: 120_00 },
      ],
      committedCents: 0,
      rules,
    });
    expect(split.costCents).toBe(980_00 * 24 + 3_500_00 + 120_00 * 24);
    expect(split.programmeCents).toBe(split.costCents / 2);
  });
});

const cents = fc.integer({ min: 0, max: 10_000_000_00 });
const bps = fc.integer({ min: 0, max: 10_000 });

describe('fundingSplit properties', () => {
  it('never pays more than the match share or the headroom, and the shares add up to the cost exactly', () => {
    fc.assert(
      fc.property(cents, cents, cents, bps, (costCents, committedCents, capCents, matchBps) => {
        const split = fundingSplit({ costCents, committedCents, rules: { matchBps, capCents } });
        expect(Number.isSafeInteger(split.programmeCents)).toBe(true);
        expect(split.programmeCents).toBeGreaterThanOrEqual(0);
        expect(split.shopCents).toBeGreaterThanOrEqual(0);
        expect(split.programmeCents + split.shopCents).toBe(split.costCents);
        // programme ≤ cost × bps / 10000, checked in integers
        expect(BigInt(split.programmeCents) * 10_000n).toBeLessThanOrEqual(BigInt(costCents) * BigInt(matchBps));
        expect(split.programmeCents).toBeLessThanOrEqual(headroomCents(capCents, committedCents));
        expect(split.headroomAfterCents).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('at 1:1 the programme never pays more than half of the cost', () => {
    fc.assert(
      fc.property(cents, cents, (costCents, committedCents) => {
        const split = fundingSplit({ costCents, committedCents, rules });
        expect(split.programmeCents * 2).toBeLessThanOrEqual(costCents);
        expect(split.programmeCents).toBeLessThanOrEqual(rules.capCents);
      }),
    );
  });

  it('pays the full match (rounded down) whenever the headroom allows it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_00 }), (costCents) => {
        const split = fundingSplit({ costCents, committedCents: 0, rules });
        expect(split.programmeCents).toBe(Math.min(Math.floor(costCents / 2), rules.capCents));
      }),
    );
  });

  it('over any sequence of applications, the total paid never passes the cap', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200_000_00 }), { maxLength: 30 }), (costs) => {
        let committed = 0;
        for (const costCents of costs) {
          const split = fundingSplit({ costCents, committedCents: committed, rules });
          committed += split.programmeCents;
          expect(committed).toBeLessThanOrEqual(rules.capCents);
        }
      }),
    );
  });

  it('the eligible cost is the sum of the items, subscriptions counted for the set number of months', () => {
    const item = fc.record({
      pricingModel: fc.constantFrom('one_off' as const, 'monthly' as const),
      priceCents: fc.integer({ min: 0, max: 10_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), fc.integer({ min: 1, max: 60 }), (items, months) => {
        const expected = items.reduce((sum, i) => sum + (i.pricingModel === 'monthly' ? i.priceCents * months : i.priceCents), 0);
        expect(eligibleCostCents(items, months)).toBe(expected);
      }),
    );
  });
});

describe('a round budget against the money already approved', () => {
  it('is accepted exactly when it covers every cent approved', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 0, max: 1e13 }), (budgetCents, approvedCents) => {
        expect(budgetCoversApproved({ budgetCents, approvedCents })).toBe(approvedCents <= budgetCents);
        // Once approved money is covered, any larger budget is too; a cent less than the approved money never is.
        if (budgetCoversApproved({ budgetCents, approvedCents }))
          expect(budgetCoversApproved({ budgetCents: budgetCents + 1, approvedCents })).toBe(true);
        if (approvedCents > 0) expect(budgetCoversApproved({ budgetCents: approvedCents - 1, approvedCents })).toBe(false);
      }),
    );
  });
});

describe('calculatorCommittedCents', () => {
  it("counts the account's commitments when known, else the typed amount, else nothing; never more than the cap", () => {
    expect(calculatorCommittedCents({ capCents: 50_000_00, accountCommittedCents: 10_000_00, typedCents: 40_000_00 })).toBe(10_000_00);
    expect(calculatorCommittedCents({ capCents: 50_000_00, accountCommittedCents: null, typedCents: 40_000_00 })).toBe(40_000_00);
    expect(calculatorCommittedCents({ capCents: 50_000_00, accountCommittedCents: null, typedCents: undefined })).toBe(0);
    expect(calculatorCommittedCents({ capCents: 50_000_00, accountCommittedCents: null, typedCents: 90_000_00 })).toBe(50_000_00);
  });

  it('is the smaller of what is committed and the cap, and leaves headroomCents to spend', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_00 }),
        fc.option(fc.integer({ min: 0, max: 10_000_000_00 })),
        fc.option(fc.integer({ min: 0, max: 10_000_000_00 }), { nil: undefined }),
        (capCents, accountCommittedCents, typedCents) => {
          const used = accountCommittedCents ?? typedCents ?? 0;
          const committed = calculatorCommittedCents({ capCents, accountCommittedCents, typedCents });
          expect(committed).toBe(Math.min(used, capCents));
          expect(capCents - committed).toBe(headroomCents(capCents, used));
        },
      ),
    );
  });
});

// What a quotation comes to, line by line (issue 12 §5): the lines add up to the total, and the programme's share
// at its best is the 1:1 match within the cap, the shop paying exactly the rest.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fundingSplit, type PricedItem } from '../../app/domain/funding';
import { quotationSummary } from '../../app/domain/quotation';

const rules = { matchBps: 5000, capCents: 50_000_00, maxSubscriptionMonths: 24 };

describe('quotationSummary', () => {
  it.each<[string, PricedItem[], number, number]>([
    ['one-off package alone', [{ pricingModel: 'one_off' as const, priceCents: 38_800_00 }], 38_800_00, 19_400_00],
    [
      'monthly with a 12-month contract',
      [{ pricingModel: 'monthly' as const, priceCents: 500_00, minContractMonths: 12 }],
      6_000_00,
      3_000_00,
    ],
    ['monthly without a stated contract counts 24 months', [{ pricingModel: 'monthly' as const, priceCents: 500_00 }], 12_000_00, 6_000_00],
    [
      'over the cap',
      [
        { pricingModel: 'one_off' as const, priceCents: 99_000_00 },
        { pricingModel: 'one_off' as const, priceCents: 9_000_00 },
      ],
      108_000_00,
      50_000_00,
    ],
    ['odd cent rounds down for the programme', [{ pricingModel: 'one_off' as const, priceCents: 1_001 }], 1_001, 500],
  ])('%s', (_name, items, cost, programme) => {
    const summary = quotationSummary(items, rules);
    expect(summary.costCents).toBe(cost);
    expect(summary.programmeMaxCents).toBe(programme);
    expect(summary.shopMinCents).toBe(cost - programme);
    expect(summary.lines).toHaveLength(items.length);
  });

  it('lines add up to the total; the shares are the funding split with nothing committed yet', () => {
    const item = fc.record({
      pricingModel: fc.constantFrom('one_off' as const, 'monthly' as const),
      priceCents: fc.integer({ min: 0, max: 100_000_00 }),
      minContractMonths: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 200_000_00 }),
        (items, matchBps, capCents) => {
          const summary = quotationSummary(items, { matchBps, capCents, maxSubscriptionMonths: 24 });
          expect(summary.lines.reduce((sum, line) => sum + line.costCents, 0)).toBe(summary.costCents);
          const split = fundingSplit({ costCents: summary.costCents, committedCents: 0, rules: { matchBps, capCents } });
          expect(summary.programmeMaxCents).toBe(split.programmeCents);
          expect(summary.programmeMaxCents + summary.shopMinCents).toBe(summary.costCents);
          expect(summary.programmeMaxCents).toBeLessThanOrEqual(capCents);
          for (const line of summary.lines) expect(Number.isSafeInteger(line.costCents)).toBe(true);
        },
      ),
    );
  });
});

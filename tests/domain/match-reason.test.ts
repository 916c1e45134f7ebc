import { describe, expect, it } from 'vitest';
import { matchReasonFor, parseMatchReason, setKey } from '../../app/domain/match-reason';
import { matchPackages } from '../../app/domain/matcher';
import { noodleShop, seedMatchCatalogue } from '../support/matcher-catalogue';

const result = matchPackages({
  answers: { ...noodleShop, ownSpendLimitCents: 15_000_00 },
  catalogue: seedMatchCatalogue(),
  context: { headroomCents: 50_000_00, rules: { matchBps: 5_000, maxSubscriptionMonths: 24 } },
});

describe('the reason kept with an enquiry', () => {
  it("is the pick's explanation in codes and cents, and reads back unchanged through JSON", () => {
    const set = result.best;
    expect(set.picks.length).toBeGreaterThan(0);
    for (const pick of set.picks) {
      const reason = matchReasonFor({ set, pick, statedNeeds: noodleShop.needs });
      expect(reason).toMatchObject({
        objective: 'best',
        needsCovered: pick.needsCovered,
        statedNeeds: ['e_payments', 'till_stock', 'bring_back'],
        setSize: set.picks.length,
        programmeCents: pick.programmeCents,
        shopCents: pick.shopCents,
        headroomAfterCents: pick.headroomAfterCents,
      });
      const stored = JSON.stringify(reason);
      expect(stored.length).toBeLessThan(2000); // the column's check
      expect(parseMatchReason(JSON.parse(stored))).toEqual(reason);
    }
  });

  it.each([
    ['not an object', 'covers everything'],
    ['an array', []],
    [
      'an unknown need',
      { ...matchReasonFor({ set: result.best, pick: result.best.picks[0]!, statedNeeds: ['e_payments'] }), needsCovered: ['<script>'] },
    ],
    [
      'an unknown objective',
      { ...matchReasonFor({ set: result.best, pick: result.best.picks[0]!, statedNeeds: ['e_payments'] }), objective: 'cheapest' },
    ],
    [
      'fractional cents',
      { ...matchReasonFor({ set: result.best, pick: result.best.picks[0]!, statedNeeds: ['e_payments'] }), shopCents: 1.5 },
    ],
    [
      'negative cents',
      { ...matchReasonFor({ set: result.best, pick: result.best.picks[0]!, statedNeeds: ['e_payments'] }), programmeCents: -1 },
    ],
    ['no set size', { ...matchReasonFor({ set: result.best, pick: result.best.picks[0]!, statedNeeds: ['e_payments'] }), setSize: 0 }],
  ])('is no reason at all when it is %s', (_label, value) => {
    expect(parseMatchReason(value)).toBeNull();
  });

  it('names a set by its packages and features, so the same set always has the same key', () => {
    const key = setKey(result.best);
    expect(key).toMatch(/^\d+:[\d.]*(-\d+:[\d.]*)*$/);
    expect(setKey({ picks: [...result.best.picks] })).toBe(key);
    expect(setKey({ picks: result.best.picks.map((p) => ({ ...p, featureIds: [...p.featureIds].reverse() })) })).toBe(key);
    for (const alternative of result.alternatives) expect(setKey(alternative)).not.toBe(key);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eligibleCostCents, fundingSplit } from '../../app/domain/funding';
import {
  defaultNeedsByCategory,
  defaultPaymentMethodsByCategory,
  matchFor,
  matchPackages,
  needs as allNeeds,
  type MatchAnswers,
  type MatchContext,
  type MatchFeature,
  type MatchObjective,
  type MatchPackage,
  type MatchSet,
  type Need,
  type PaymentMethod,
} from '../../app/domain/matcher';
import { noodleShop, seedMatchCatalogue, seedName } from '../support/matcher-catalogue';

// ── the oracle: every set of at most one (package, feature subset) per category, judged straight from the rules ──

type BruteOption = { pkg: MatchPackage; features: MatchFeature[]; covered: Set<Need> };
type BruteSet = { options: BruteOption[]; covered: Set<Need>; costCents: number; shareCents: number; ownCents: number };

function pickable(pkg: MatchPackage, answers: MatchAnswers, context: MatchContext): boolean {
  if (pkg.status !== 'listed' || pkg.versionStatus !== 'approved' || pkg.sector !== answers.sector) return false;
  if ((answers.alreadyHas ?? []).includes(pkg.category) || (context.liveCategories ?? []).includes(pkg.category)) return false;
  if (context.openCategories && !context.openCategories.includes(pkg.category)) return false;
  if (pkg.maxOutlets != null && answers.outlets > pkg.maxOutlets) return false;
  if (answers.seats != null && pkg.minSeats != null && answers.seats < pkg.minSeats) return false;
  if (answers.seats != null && pkg.maxSeats != null && answers.seats > pkg.maxSeats) return false;
  if (answers.district != null && pkg.supportDistricts != null && !pkg.supportDistricts.includes(answers.district)) return false;
  return true;
}

function coveredBy(pkg: MatchPackage, features: MatchFeature[], answers: MatchAnswers): Set<Need> {
  const met = new Set<Need>([
    ...(pkg.needsMet ?? defaultNeedsByCategory[pkg.category] ?? []),
    ...features.flatMap((f) => f.needsMet ?? []),
  ]);
  const methods = new Set<PaymentMethod>([
    ...(pkg.paymentMethods ?? defaultPaymentMethodsByCategory[pkg.category] ?? []),
    ...features.flatMap((f) => f.paymentMethods ?? []),
  ]);
  if (met.has('e_payments') && !(answers.paymentMethods ?? []).every((m) => methods.has(m))) met.delete('e_payments');
  return new Set(answers.needs.filter((n) => met.has(n)));
}

function bruteOptions(pkg: MatchPackage, answers: MatchAnswers, style: 'any' | 'monthly' | 'one_off'): BruteOption[] {
  const out: BruteOption[] = [];
  const fs = pkg.features;
  for (let subset = 0; subset < 1 << fs.length; subset++) {
    const features = fs.filter((_, i) => subset & (1 << i));
    const models = [pkg.pricingModel, ...features.map((f) => f.pricingModel)];
    if (style !== 'any' && models.some((m) => m !== style)) continue;
    const covered = coveredBy(pkg, features, answers);
    if (covered.size === 0) continue;
    const everyFeatureNeeded = features.every(
      (f) =>
        coveredBy(
          pkg,
          features.filter((g) => g !== f),
          answers,
        ).size < covered.size,
    );
    if (!everyFeatureNeeded) continue;
    out.push({ pkg, features, covered });
  }
  return out;
}

function idOrder(a: number[], b: number[]): number {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return y.length - x.length; // the set that still has an id holds the smallest difference
}

function compareBrute(a: BruteSet, b: BruteSet, ranked: Need[], cheapest: boolean): number {
  const count = b.covered.size - a.covered.size;
  if (count !== 0) return count;
  for (const need of ranked) if (a.covered.has(need) !== b.covered.has(need)) return a.covered.has(need) ? -1 : 1;
  const share = b.shareCents - a.shareCents;
  const own = a.ownCents - b.ownCents;
  if (cheapest) {
    if (own !== 0) return own;
    if (share !== 0) return share;
  } else {
    if (share !== 0) return share;
    if (own !== 0) return own;
  }
  const items = (s: BruteSet) => s.options.reduce((n, o) => n + 1 + o.features.length, 0);
  if (items(a) !== items(b)) return items(a) - items(b);
  const byPkg = idOrder(
    a.options.map((o) => o.pkg.id),
    b.options.map((o) => o.pkg.id),
  );
  if (byPkg !== 0) return byPkg;
  return idOrder(
    a.options.flatMap((o) => o.features.map((f) => f.id)),
    b.options.flatMap((o) => o.features.map((f) => f.id)),
  );
}

function bruteForce(answers: MatchAnswers, catalogue: MatchPackage[], context: MatchContext, objective: MatchObjective): BruteSet {
  const ranked = [...new Set(answers.needs)];
  const style =
    objective === 'all_monthly'
      ? 'monthly'
      : objective === 'all_one_off'
        ? 'one_off'
        : answers.paymentPreference === 'none'
          ? 'any'
          : answers.paymentPreference;
  const byCategory = new Map<string, BruteOption[]>();
  for (const pkg of catalogue) {
    if (!pickable(pkg, answers, context)) continue;
    byCategory.set(pkg.category, [...(byCategory.get(pkg.category) ?? []), ...bruteOptions(pkg, { ...answers, needs: ranked }, style)]);
  }
  const lists = [...byCategory.values()];
  const rules = { matchBps: context.rules.matchBps, capCents: context.headroomCents };
  let best: BruteSet | null = null;
  const walk = (i: number, chosen: BruteOption[]) => {
    if (i === lists.length) {
      let remaining = context.headroomCents;
      let costCents = 0;
      for (const o of chosen) {
        const cost = eligibleCostCents([o.pkg, ...o.features], context.rules.maxSubscriptionMonths);
        const split = fundingSplit({ costCents: cost, committedCents: context.headroomCents - remaining, rules });
        remaining = split.headroomAfterCents;
        costCents += cost;
      }
      const shareCents = context.headroomCents - remaining;
      const set: BruteSet = {
        options: chosen,
        covered: new Set(chosen.flatMap((o) => [...o.covered])),
        costCents,
        shareCents,
        ownCents: costCents - shareCents,
      };
      if (answers.ownSpendLimitCents !== null && set.ownCents > answers.ownSpendLimitCents) return;
      if (!best || compareBrute(set, best, ranked, objective === 'cheapest_for_you') < 0) best = set;
      return;
    }
    walk(i + 1, chosen);
    for (const o of lists[i]!) walk(i + 1, [...chosen, o]);
  };
  walk(0, []);
  return best!;
}

const keyOfBrute = (s: BruteSet) =>
  s.options
    .map(
      (o) =>
        `${o.pkg.id}:${o.features
          .map((f) => f.id)
          .sort((a, b) => a - b)
          .join(',')}`,
    )
    .sort()
    .join('|');
const keyOfSet = (s: MatchSet) =>
  s.picks
    .map((p) => `${p.packageId}:${[...p.featureIds].sort((a, b) => a - b).join(',')}`)
    .sort()
    .join('|');

// ── random small catalogues, built to produce ties, caps that bite and limits that bind ──

const smallCategories = ['e_payment_pos', 'online_promotion', 'customer_management', 'fourth_category'] as const;
const someMethods = ['octopus', 'fps', 'payme'] as const satisfies readonly PaymentMethod[];
const priceArb = fc.constantFrom(1, 2, 3, 99, 100, 101, 200, 250, 333, 500, 1_000, 1_001);
/** Mostly `common`, sometimes `rare`: keeps most random packages pickable so that the sets are not trivially empty. */
const mostly = <A, B>(common: fc.Arbitrary<A>, rare: fc.Arbitrary<B>, weight = 3) =>
  fc.oneof({ arbitrary: common, weight }, { arbitrary: rare, weight: 1 });
const unset = fc.constant(undefined);
const needsArb = fc.subarray([...allNeeds], { minLength: 1, maxLength: 3 });

const featureArb = (price: fc.Arbitrary<number>) =>
  fc.record({
    pricingModel: fc.constantFrom('one_off' as const, 'monthly' as const),
    priceCents: price,
    needsMet: mostly(needsArb, unset, 2),
    paymentMethods: mostly(unset, fc.subarray([...someMethods], { minLength: 1 })),
  });

const packageArb = (price: fc.Arbitrary<number>) =>
  fc.record({
    category: fc.constantFrom(...smallCategories),
    sector: mostly(fc.constant('fnb'), fc.constant('retail'), 6),
    status: mostly(fc.constant('listed'), fc.constantFrom('delisted', 'pending_review', 'draft'), 8),
    versionStatus: mostly(fc.constant('approved'), fc.constantFrom('pending_review', 'superseded', 'rejected'), 8),
    pricingModel: fc.constantFrom('one_off' as const, 'monthly' as const),
    priceCents: price,
    features: fc.array(featureArb(price), { maxLength: 2 }),
    needsMet: mostly(unset, needsArb, 1),
    paymentMethods: mostly(unset, fc.subarray([...someMethods])),
    maxOutlets: mostly(unset, fc.integer({ min: 1, max: 3 }), 4),
    minSeats: mostly(unset, fc.integer({ min: 1, max: 20 }), 4),
    maxSeats: mostly(unset, fc.integer({ min: 10, max: 60 }), 4),
    supportDistricts: mostly(unset, fc.subarray(['sham_shui_po', 'kwun_tong', 'islands']), 4),
  });

// Package ids (1..11) and feature ids stay unique whatever the length.
const catalogueArb = (price: fc.Arbitrary<number>) =>
  fc.array(packageArb(price), { minLength: 3, maxLength: 9 }).map((packages) => {
    let featureId = 1;
    // Ids in a scrambled order so that "lowest id" is not "first in the input".
    return packages.map((p, i): MatchPackage => ({
      ...p,
      id: ((i * 7) % 11) + 1,
      versionId: 1_000 + i,
      features: p.features.map((f) => ({ ...f, id: 200 + ((featureId++ * 13) % 97) })),
    }));
  });

const answersArb = fc.record({
  sector: mostly(fc.constant('fnb'), fc.constant('retail'), 6),
  needs: fc.shuffledSubarray([...allNeeds], { minLength: 1, maxLength: 4 }),
  paymentMethods: mostly(unset, fc.subarray([...someMethods], { minLength: 1, maxLength: 2 }), 2),
  alreadyHas: mostly(unset, fc.subarray([...smallCategories], { minLength: 1, maxLength: 1 })),
  outlets: mostly(fc.constant(1), fc.integer({ min: 2, max: 3 })),
  seats: mostly(fc.constant(null), fc.integer({ min: 1, max: 70 }), 2),
  paymentPreference: fc.constantFrom('none' as const, 'none' as const, 'monthly' as const, 'one_off' as const),
  ownSpendLimitCents: mostly(fc.integer({ min: 0, max: 6_000 }), fc.constant(null), 2),
  district: mostly(fc.constant(null), fc.constantFrom('sham_shui_po', 'kwun_tong', 'wan_chai'), 2),
}) satisfies fc.Arbitrary<MatchAnswers>;

const contextArb = (headroom: fc.Arbitrary<number>) =>
  fc.record({
    headroomCents: headroom,
    rules: fc.record({
      matchBps: fc.constantFrom(0, 2_500, 5_000, 5_000, 5_000, 7_777, 10_000),
      maxSubscriptionMonths: fc.constantFrom(1, 1, 2, 3, 24),
    }),
    liveCategories: mostly(unset, fc.subarray([...smallCategories], { minLength: 1, maxLength: 1 }), 4),
    openCategories: mostly(unset, fc.subarray([...smallCategories], { minLength: 2 }), 4),
  }) satisfies fc.Arbitrary<MatchContext>;

const runs = { numRuns: Number(process.env.MATCHER_RUNS ?? 500) };

// Varied prices with odd cents (rounding, caps that bite mid-set), and tiny prices where many sets tie on money.
const regimes = [
  { regime: 'varied prices', price: priceArb, headroom: fc.oneof(fc.integer({ min: 0, max: 3_000 }), fc.constantFrom(0, 1_000)) },
  { regime: 'tie-heavy prices', price: fc.constantFrom(1, 2, 3), headroom: fc.integer({ min: 0, max: 12 }) },
];
const objectives = ['best', 'cheapest_for_you', 'all_monthly', 'all_one_off'] as const;

describe('matcher against a brute-force search over every set', () => {
  it.each(regimes.flatMap((r) => objectives.map((objective) => ({ ...r, objective }))))(
    '$objective, $regime: the same set, the same money',
    ({ objective, price, headroom }) => {
      fc.assert(
        fc.property(answersArb, catalogueArb(price), contextArb(headroom), (answers, catalogue, context) => {
          const expected = bruteForce(answers, catalogue, context, objective);
          const got = matchFor({ answers, catalogue, context, objective });
          expect(keyOfSet(got)).toBe(keyOfBrute(expected));
          expect(got.programmeCents).toBe(expected.shareCents);
          expect(got.shopCents).toBe(expected.ownCents);
          expect(new Set(got.needsCovered)).toEqual(expected.covered);
        }),
        runs,
      );
    },
  );
});

// ── invariants of the whole result (best + alternatives) ──

describe('matchPackages invariants', () => {
  it('never passes the headroom or the own-spend limit, one pick per category, only listed and vetted packages that fit the answers', () => {
    fc.assert(
      fc.property(answersArb, catalogueArb(priceArb), contextArb(fc.integer({ min: 0, max: 3_000 })), (answers, catalogue, context) => {
        const result = matchPackages({ answers, catalogue, context });
        expect(result.alternatives.length).toBeLessThanOrEqual(2);
        const sets = [result.best, ...result.alternatives];
        for (const set of sets) {
          expect(set.programmeCents).toBeLessThanOrEqual(context.headroomCents);
          expect(set.programmeCents + set.shopCents).toBe(set.costCents);
          expect(set.headroomAfterCents).toBe(context.headroomCents - set.programmeCents);
          if (answers.ownSpendLimitCents !== null) expect(set.shopCents).toBeLessThanOrEqual(answers.ownSpendLimitCents);
          expect(new Set(set.picks.map((p) => p.category)).size).toBe(set.picks.length);
          expect(set.picks.reduce((s, p) => s + p.programmeCents, 0)).toBe(set.programmeCents);
          expect(set.picks.reduce((s, p) => s + p.costCents, 0)).toBe(set.costCents);
          for (const pick of set.picks) {
            const pkg = catalogue.find((p) => p.id === pick.packageId)!;
            expect(pickable(pkg, answers, context)).toBe(true);
            expect(pick.versionId).toBe(pkg.versionId);
            expect(pick.needsCovered.length).toBeGreaterThan(0);
            expect(pick.featureIds.every((id) => pkg.features.some((f) => f.id === id))).toBe(true);
            expect(pick.programmeCents + pick.shopCents).toBe(pick.costCents);
          }
        }
        // Alternatives differ from the best and from each other, and each is exactly its own objective's answer.
        const keys = sets.map(keyOfSet);
        expect(new Set(keys).size).toBe(keys.length);
        for (const alternative of result.alternatives) {
          expect(alternative.objective).not.toBe('best');
          expect(alternative.picks.length).toBeGreaterThan(0);
          expect(keyOfSet(alternative)).toBe(keyOfSet(matchFor({ answers, catalogue, context, objective: alternative.objective })));
        }
        expect(keyOfSet(result.best)).toBe(keyOfSet(matchFor({ answers, catalogue, context, objective: 'best' })));
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the catalogue', () => {
    fc.assert(
      fc.property(
        answersArb,
        catalogueArb(fc.constantFrom(1, 2, 3, 100)),
        contextArb(fc.integer({ min: 0, max: 20 })),
        fc.func(fc.integer()),
        (answers, catalogue, context, order) => {
          const shuffled = [...catalogue].sort((a, b) => order(a.id) - order(b.id) || a.id - b.id);
          expect(matchPackages({ answers, catalogue: shuffled, context })).toEqual(matchPackages({ answers, catalogue, context }));
        },
      ),
      { numRuns: 200 },
    );
  });
});

// ── the seed catalogue: the example of issue 13 ──

const seedCatalogue = seedMatchCatalogue();
const seedRules = { matchBps: 5_000, maxSubscriptionMonths: 24 };
const visitor: MatchContext = { headroomCents: 50_000_00, rules: seedRules };
const committed20k: MatchContext = { headroomCents: 30_000_00, rules: seedRules }; // HK$50,000 cap, HK$20,000 committed
const names = (set: MatchSet) => set.picks.map((p) => seedName(p.packageId));

describe('a 12-seat noodle shop in Sham Shui Po that only takes cash (seed catalogue)', () => {
  const limited = { ...noodleShop, ownSpendLimitCents: 15_000_00 };

  it.each([
    { label: 'visitor, no own-spend limit', answers: noodleShop, context: visitor },
    { label: 'visitor, HK$15,000 own-spend limit', answers: limited, context: visitor },
    { label: 'HK$20,000 committed, no limit', answers: noodleShop, context: committed20k },
    { label: 'HK$20,000 committed, HK$15,000 limit', answers: limited, context: committed20k },
  ])('$label: every objective agrees with brute force', ({ answers, context }) => {
    for (const objective of objectives) {
      expect(keyOfSet(matchFor({ answers, catalogue: seedCatalogue, context, objective }))).toBe(
        keyOfBrute(bruteForce(answers, seedCatalogue, context, objective)),
      );
    }
  });

  it('with HK$15,000 of its own: a POS that takes Octopus, FPS, AlipayHK and WeChat Pay HK plus a stamp card, and the ways to pay less', () => {
    const result = matchPackages({ answers: limited, catalogue: seedCatalogue, context: visitor });
    expect(names(result.best)).toEqual(['Cloud POS for Restaurants', 'Café Stamp & Points Card']);
    expect(result.best.needsCovered).toEqual(['e_payments', 'till_stock', 'bring_back']);
    expect(result.best.needsUncovered).toEqual([]);
    // HK$880 × 24 + HK$360 × 24 = HK$29,760: the most the programme can pay while the shop pays at most HK$15,000.
    expect(result.best).toMatchObject({
      costCents: 29_760_00,
      programmeCents: 14_880_00,
      shopCents: 14_880_00,
      headroomAfterCents: 35_120_00,
    });
    expect(result.best.picks.map((p) => [p.needsCovered, p.programmeCents, p.shopCents, p.headroomAfterCents])).toEqual([
      [['e_payments', 'till_stock'], 10_560_00, 10_560_00, 39_440_00],
      [['bring_back'], 4_320_00, 4_320_00, 35_120_00],
    ]);
    expect(result.alternatives.map((a) => [a.objective, names(a), a.shopCents])).toEqual([
      ['cheapest_for_you', ['Takeaway Kiosk POS Lite', 'Neighbourhood Stamp Card'], 6_500_00],
      // The best set is already all monthly, so the other way of paying is offered.
      ['all_one_off', ['Takeaway Kiosk POS Lite', 'Restaurant Member & Stored-value Card'], 11_400_00],
    ]);
  });

  it('never offers a POS sized for 20 seats or more to a 12-seat shop', () => {
    const sized = (min: number) => seedCatalogue.filter((p) => p.sector === 'fnb' && (p.minSeats ?? 0) >= min).map((p) => seedName(p.id));
    expect(sized(20)).toEqual(['Restaurant POS Value Bundle', 'Restaurant POS with QR Self-ordering']);
    for (const context of [visitor, committed20k]) {
      for (const answers of [noodleShop, limited, { ...noodleShop, paymentPreference: 'one_off' as const }]) {
        const result = matchPackages({ answers, catalogue: seedCatalogue, context });
        for (const set of [result.best, ...result.alternatives])
          expect(names(set)).not.toEqual(expect.arrayContaining([expect.stringMatching(/Value Bundle|QR Self-ordering/)]));
      }
    }
    // A 30-seat shop may get the Value Bundle: it is the cheapest one-off POS that takes all four methods.
    const thirtySeats = matchFor({
      answers: { ...limited, seats: 30, paymentPreference: 'one_off' },
      catalogue: seedCatalogue,
      context: visitor,
      objective: 'best',
    });
    expect(names(thirtySeats)).toContain('Restaurant POS Value Bundle');
  });

  it('a visitor uses the whole HK$50,000; an owner with HK$20,000 committed gets a set that fits the remaining HK$30,000', () => {
    const asVisitor = matchPackages({ answers: noodleShop, catalogue: seedCatalogue, context: visitor });
    const asOwner = matchPackages({ answers: noodleShop, catalogue: seedCatalogue, context: committed20k });
    expect(asVisitor.best).toMatchObject({ programmeCents: 50_000_00, headroomBeforeCents: 50_000_00, headroomAfterCents: 0 });
    expect(asOwner.best).toMatchObject({ programmeCents: 30_000_00, headroomBeforeCents: 30_000_00, headroomAfterCents: 0 });
    for (const result of [asVisitor, asOwner]) expect(result.best.needsCovered).toEqual(['e_payments', 'till_stock', 'bring_back']);
    // The cap across the set: the last pick gets what is left, not its full half.
    const [first, last] = asOwner.best.picks;
    expect(first!.headroomAfterCents).toBe(last!.headroomBeforeCents);
    expect(last!.programmeCents).toBe(last!.headroomBeforeCents);
    expect(last!.programmeCents).toBeLessThan(Math.floor(last!.costCents / 2));
    // Less headroom, less reason to buy dear: the owner's set costs less than the visitor's.
    expect(asOwner.best.costCents).toBeLessThan(asVisitor.best.costCents);
    expect(names(asOwner.best)).toEqual(['Cloud POS for Restaurants', 'Fine Dining Guest Book & Loyalty']);
    for (const set of [asOwner.best, ...asOwner.alternatives]) expect(set.programmeCents).toBeLessThanOrEqual(30_000_00);
  });

  it('a POS already in use: no POS is recommended, and the e-payment need says why', () => {
    const result = matchPackages({ answers: { ...limited, alreadyHas: ['e_payment_pos'] }, catalogue: seedCatalogue, context: visitor });
    expect(result.excludedCategories).toEqual([{ category: 'e_payment_pos', reason: 'already_has' }]);
    expect(result.best.picks.map((p) => p.category)).toEqual(['customer_management']);
    expect(result.best.needsUncovered).toEqual([
      { need: 'e_payments', reason: 'category_excluded' },
      { need: 'till_stock', reason: 'category_excluded' },
    ]);
  });

  it('a live application in a category blocks it like a POS in use', () => {
    const result = matchPackages({
      answers: limited,
      catalogue: seedCatalogue,
      context: { ...visitor, liveCategories: ['customer_management'] },
    });
    expect(result.excludedCategories).toEqual([{ category: 'customer_management', reason: 'live_application' }]);
    expect(result.best.picks.map((p) => p.category)).toEqual(['e_payment_pos']);
  });
});

describe('why a need is left out', () => {
  const pkg = (over: Partial<MatchPackage> & Pick<MatchPackage, 'id' | 'category'>): MatchPackage => ({
    versionId: over.id + 100,
    sector: 'fnb',
    status: 'listed',
    versionStatus: 'approved',
    pricingModel: 'one_off',
    priceCents: 10_000_00,
    features: [],
    ...over,
  });
  const answers: MatchAnswers = {
    sector: 'fnb',
    needs: ['found_online', 'bring_back', 'online_orders'],
    outlets: 1,
    paymentPreference: 'none',
    ownSpendLimitCents: null,
  };

  it.each([
    {
      label: 'no package meets it',
      catalogue: [pkg({ id: 1, category: 'online_promotion' })],
      expected: [
        { need: 'bring_back', reason: 'none_available' },
        { need: 'online_orders', reason: 'none_available' },
      ],
    },
    {
      label: 'only past the own-spend limit',
      catalogue: [pkg({ id: 1, category: 'online_promotion' }), pkg({ id: 2, category: 'customer_management', priceCents: 90_000_00 })],
      limit: 6_000_00,
      expected: [
        { need: 'bring_back', reason: 'over_own_spend' },
        { need: 'online_orders', reason: 'none_available' },
      ],
    },
    {
      label: 'only by giving up a higher-ranked need (one package per category)',
      catalogue: [pkg({ id: 1, category: 'online_promotion' }), pkg({ id: 2, category: 'online_promotion', needsMet: ['online_orders'] })],
      expected: [
        { need: 'bring_back', reason: 'none_available' },
        { need: 'online_orders', reason: 'trade_off' },
      ],
    },
    {
      label: 'only in a category the shop already has',
      catalogue: [pkg({ id: 1, category: 'online_promotion' }), pkg({ id: 2, category: 'customer_management' })],
      alreadyHas: ['customer_management'],
      expected: [
        { need: 'bring_back', reason: 'category_excluded' },
        { need: 'online_orders', reason: 'none_available' },
      ],
    },
  ])('$label', ({ catalogue, limit, alreadyHas, expected }) => {
    const result = matchPackages({ answers: { ...answers, ownSpendLimitCents: limit ?? null, alreadyHas }, catalogue, context: visitor });
    expect(result.best.needsCovered).toEqual(['found_online']);
    expect(result.best.needsUncovered).toEqual(expected);
  });

  it('more needs beat fewer; among as many, the higher-ranked need wins', () => {
    const catalogue = [
      pkg({ id: 1, category: 'online_promotion', needsMet: ['online_orders'] }),
      pkg({ id: 2, category: 'online_promotion', needsMet: ['found_online'], priceCents: 1_00 }),
      pkg({ id: 3, category: 'customer_management', needsMet: ['online_orders', 'bring_back'] }),
    ];
    // {2, 3} meets all three; without 3, {2} (found_online, ranked first) beats {1} (online_orders, ranked last).
    expect(matchFor({ answers, catalogue, context: visitor, objective: 'best' }).picks.map((p) => p.packageId)).toEqual([2, 3]);
    const withoutThree = catalogue.slice(0, 2);
    expect(matchFor({ answers, catalogue: withoutThree, context: visitor, objective: 'best' }).picks.map((p) => p.packageId)).toEqual([2]);
  });
});

describe('inputs the matcher refuses', () => {
  const answers: MatchAnswers = { sector: 'fnb', needs: ['bring_back'], outlets: 1, paymentPreference: 'none', ownSpendLimitCents: null };
  it.each([
    { label: 'negative headroom', a: answers, c: { ...visitor, headroomCents: -1 } },
    { label: 'fractional own-spend limit', a: { ...answers, ownSpendLimitCents: 0.5 }, c: visitor },
    { label: 'no outlets', a: { ...answers, outlets: 0 }, c: visitor },
    { label: 'match over 100%', a: answers, c: { ...visitor, rules: { matchBps: 10_001, maxSubscriptionMonths: 24 } } },
  ])('$label', ({ a, c }) => {
    expect(() => matchPackages({ answers: a, catalogue: seedCatalogue, context: c })).toThrow(RangeError);
  });
});

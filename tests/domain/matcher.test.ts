import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eligibleCostCents, fundingSplit } from '../../app/domain/funding';
import {
  defaultNeedsByCategory,
  defaultPaymentMethodsByCategory,
  matchFor,
  matchPackages,
  needs as allNeeds,
  paymentMethods as allMethods,
  type MatchAnswers,
  type MatchContext,
  type MatchFeature,
  type MatchObjective,
  type MatchPackage,
  type MatchSet,
  type Need,
  type PaymentMethod,
} from '../../app/domain/matcher';

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
  const met = new Set<Need>([...(pkg.needsMet ?? defaultNeedsByCategory[pkg.category] ?? []), ...features.flatMap((f) => f.needsMet ?? [])]);
  const methods = new Set<PaymentMethod>([...(pkg.paymentMethods ?? defaultPaymentMethodsByCategory[pkg.category] ?? []), ...features.flatMap((f) => f.paymentMethods ?? [])]);
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
    const everyFeatureNeeded = features.every((f) => coveredBy(pkg, features.filter((g) => g !== f), answers).size < covered.size);
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
  const byPkg = idOrder(a.options.map((o) => o.pkg.id), b.options.map((o) => o.pkg.id));
  if (byPkg !== 0) return byPkg;
  return idOrder(a.options.flatMap((o) => o.features.map((f) => f.id)), b.options.flatMap((o) => o.features.map((f) => f.id)));
}

function bruteForce(answers: MatchAnswers, catalogue: MatchPackage[], context: MatchContext, objective: MatchObjective): BruteSet {
  const ranked = [...new Set(answers.needs)];
  const style = objective === 'all_monthly' ? 'monthly' : objective === 'all_one_off' ? 'one_off' : answers.paymentPreference === 'none' ? 'any' : answers.paymentPreference;
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
      const set: BruteSet = { options: chosen, covered: new Set(chosen.flatMap((o) => [...o.covered])), costCents, shareCents, ownCents: costCents - shareCents };
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

const keyOfBrute = (s: BruteSet) => s.options.map((o) => `${o.pkg.id}:${o.features.map((f) => f.id).sort((a, b) => a - b).join(',')}`).sort().join('|');
const keyOfSet = (s: MatchSet) => s.picks.map((p) => `${p.packageId}:${[...p.featureIds].sort((a, b) => a - b).join(',')}`).sort().join('|');

// ── random small catalogues, built to produce ties, caps that bite and limits that bind ──

const smallCategories = ['e_payment_pos', 'online_promotion', 'customer_management', 'fourth_category'] as const;
const someMethods = ['octopus', 'fps', 'payme'] as const satisfies readonly PaymentMethod[];
const priceArb = fc.constantFrom(1, 2, 3, 99, 100, 101, 200, 250, 333, 500, 1_000, 1_001);
/** Mostly `common`, sometimes `rare`: keeps most random packages pickable so that the sets are not trivially empty. */
const mostly = <A, B>(common: fc.Arbitrary<A>, rare: fc.Arbitrary<B>, weight = 3) =>
  fc.oneof({ arbitrary: common, weight }, { arbitrary: rare, weight: 1 });
const unset = fc.constant(undefined);
const needsArb = fc.subarray([...allNeeds], { minLength: 1, maxLength: 3 });

const featureArb = (price: fc.Arbitrary<number>) => fc.record({
  pricingModel: fc.constantFrom('one_off' as const, 'monthly' as const),
  priceCents: price,
  needsMet: mostly(needsArb, unset, 2),
  paymentMethods: mostly(unset, fc.subarray([...someMethods], { minLength: 1 })),
});

const packageArb = (price: fc.Arbitrary<number>) => fc.record({
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
const catalogueArb = (price: fc.Arbitrary<number>) => fc.array(packageArb(price), { minLength: 3, maxLength: 9 }).map((packages) => {
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

const contextArb = (headroom: fc.Arbitrary<number>) => fc.record({
  headroomCents: headroom,
  rules: fc.record({ matchBps: fc.constantFrom(0, 2_500, 5_000, 5_000, 5_000, 7_777, 10_000), maxSubscriptionMonths: fc.constantFrom(1, 1, 2, 3, 24) }),
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
  it.each(regimes.flatMap((r) => objectives.map((objective) => ({ ...r, objective }))))('$objective, $regime: the same set, the same money', ({ objective, price, headroom }) => {
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
  });
});

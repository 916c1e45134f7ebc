// The matcher: from a shop's answers, the vetted catalogue and its remaining headroom to the best set of packages (at
// most one per category, plus optional features) and up to two alternatives, each exactly optimal for its objective.
// Why it is exact and fast: docs/decisions/012-matcher.md.
import { fundingSplit, type FundingRules, type PricingModel } from './funding';
import { categories as programmeCategories } from './programme';

/** What a shop may want to achieve, as codes (the questionnaire's texts are i18n keys). */
export const needs = ['e_payments', 'till_stock', 'online_orders', 'found_online', 'bring_back', 'know_customers'] as const;
export type Need = (typeof needs)[number];

/** The payment methods shops ask for (shared glossary), as codes. `cards` = Visa / Mastercard / UnionPay. */
export const paymentMethods = ['octopus', 'fps', 'alipay_hk', 'wechat_pay_hk', 'payme', 'cards', 'apple_google_pay'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const paymentPreferences = ['one_off', 'monthly', 'none'] as const;
export type PaymentPreference = (typeof paymentPreferences)[number];

/**
 * What a package of each category meets when its listing states nothing: what vetting guarantees
 * (category-requirements.ts: a vetted POS accepts Octopus and FPS and reports daily sales; a vetted customer system
 * registers members and runs points or coupons; a vetted promotion sets up the business listing and social media).
 */
export const defaultNeedsByCategory: Readonly<Record<string, readonly Need[]>> = {
  e_payment_pos: ['e_payments', 'till_stock'],
  online_promotion: ['found_online'],
  customer_management: ['bring_back', 'know_customers'],
};
export const defaultPaymentMethodsByCategory: Readonly<Record<string, readonly PaymentMethod[]>> = {
  e_payment_pos: ['octopus', 'fps'],
};

export type MatchFeature = {
  id: number;
  pricingModel: PricingModel;
  priceCents: number;
  /** Needs this feature meets on top of its package; none when absent. */
  needsMet?: readonly Need[];
  /** Payment methods this feature adds; none when absent. */
  paymentMethods?: readonly PaymentMethod[];
};

/** One package of the catalogue as the matcher sees it; the service builds it from the listed version. */
export type MatchPackage = {
  /** The solution's id (stable across versions). */
  id: number;
  versionId: number;
  category: string;
  sector: string;
  /** The solution's status: only 'listed' may be picked. */
  status: string;
  /** The version's status: only 'approved' (vetted) may be picked. */
  versionStatus: string;
  pricingModel: PricingModel;
  priceCents: number;
  features: readonly MatchFeature[];
  /** Needs the package meets; when absent, its category's defaults (defaultNeedsByCategory). */
  needsMet?: readonly Need[];
  /** Payment methods it accepts; when absent, its category's defaults (defaultPaymentMethodsByCategory). */
  paymentMethods?: readonly PaymentMethod[];
  /** The most outlets (shops) it serves; null or absent = no limit stated. */
  maxOutlets?: number | null;
  /** The seats or counters it suits; null or absent = no bound stated. */
  minSeats?: number | null;
  maxSeats?: number | null;
  /** Districts with on-site support; null or absent = all of Hong Kong. */
  supportDistricts?: readonly string[] | null;
};

export type MatchAnswers = {
  sector: string;
  /** What the shop wants, most important first. Repeats are ignored. */
  needs: readonly Need[];
  /** Payment methods it wants to accept when it asks for e-payments; empty or absent = any e-payment solution. */
  paymentMethods?: readonly PaymentMethod[];
  /** Categories of solution already in use (a POS in use → no POS is recommended). */
  alreadyHas?: readonly string[];
  outlets: number;
  seats?: number | null;
  paymentPreference: PaymentPreference;
  /** The most the shop will pay itself for the whole set (subscriptions over the counted months); null = no limit. */
  ownSpendLimitCents: number | null;
  /** A district code (programme.ts); null or absent = not stated. */
  district?: string | null;
};

export type MatchContext = {
  /** What the enterprise can still get: the cap less its committed money (the full cap for a visitor). */
  headroomCents: number;
  rules: Pick<FundingRules, 'matchBps' | 'maxSubscriptionMonths'>;
  /** Categories in which the enterprise has a live application (one live application per category). */
  liveCategories?: readonly string[];
  /** The round's open categories; absent = all. */
  openCategories?: readonly string[];
};

export const matchObjectives = ['best', 'cheapest_for_you', 'all_monthly', 'all_one_off'] as const;
export type MatchObjective = (typeof matchObjectives)[number];

export type PickItem = { kind: 'package' | 'feature'; id: number; pricingModel: PricingModel; priceCents: number; costCents: number };

export type MatchPick = {
  packageId: number;
  versionId: number;
  category: string;
  featureIds: number[];
  items: PickItem[];
  /** The stated needs this pick meets, in the owner's order. */
  needsCovered: Need[];
  costCents: number;
  programmeCents: number;
  shopCents: number;
  headroomBeforeCents: number;
  headroomAfterCents: number;
};

/**
 * Why a stated need is not met: only by packages in categories excluded by the answers or the enterprise's live
 * applications; by no package that fits; only past the own-spend limit; or only by giving up a higher-ranked need.
 */
export type UncoveredReason = 'category_excluded' | 'none_available' | 'over_own_spend' | 'trade_off';

export type MatchSet = {
  objective: MatchObjective;
  /** In the programme's category order; the programme's share is applied in this order against the headroom. */
  picks: MatchPick[];
  needsCovered: Need[];
  needsUncovered: { need: Need; reason: UncoveredReason }[];
  costCents: number;
  programmeCents: number;
  shopCents: number;
  headroomBeforeCents: number;
  headroomAfterCents: number;
};

export type ExcludedCategory = { category: string; reason: 'already_has' | 'live_application' | 'not_open' };

export type MatchResult = { best: MatchSet; alternatives: MatchSet[]; excludedCategories: ExcludedCategory[] };

/** More relevant features than this on one package is refused (the listing form allows 5). */
export const MAX_RELEVANT_FEATURES = 12;

// ── internals ──────────────────────────────────────────────────────────────────────────────────────────────────

/** One way to buy a package: the package and a subset of its features, with what it costs and covers. */
type Opt = {
  pkg: MatchPackage;
  features: MatchFeature[];
  featureIds: number[];
  category: string;
  /** Bit i = the owner's i-th ranked need is met. */
  mask: number;
  costCents: number;
  /** The 1:1 match of this option's cost before the cap: what funding.ts pays on it with unlimited headroom. */
  matchCents: number;
  items: number;
  allMonthly: boolean;
  allOneOff: boolean;
};

type Prepared = {
  rankedNeeds: Need[];
  /** Categories in the programme's order, then any others alphabetically. */
  categories: string[];
  /** All options that pass every filter, per category (same order as `categories`). */
  options: Opt[][];
  /** Needs that packages in excluded categories would meet. */
  excludedMask: number;
  excludedCategories: ExcludedCategory[];
  headroomCents: number;
  limitCents: number;
  matchBps: number;
  maxSubscriptionMonths: number;
};

function assertCents(value: number, name: string) {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative whole number of cents, got ${value}`);
}

/** floor(cost × bps / 10000) in exact integer arithmetic (funding.ts's rounding, without BigInt in the hot path). */
function matchOf(costCents: number, matchBps: number): number {
  const product = costCents * matchBps;
  if (!Number.isSafeInteger(product)) return Number((BigInt(costCents) * BigInt(matchBps)) / 10_000n);
  return (product - (product % 10_000)) / 10_000;
}

function itemCost(item: { pricingModel: PricingModel; priceCents: number }, months: number): number {
  assertCents(item.priceCents, 'priceCents');
  return item.pricingModel === 'monthly' ? item.priceCents * months : item.priceCents;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

/** Needs met count first; among equal counts the owner's ranking decides (the higher-ranked need wins). */
export function coverageScore(mask: number, needCount: number): number {
  let rank = 0;
  for (let i = 0; i < needCount; i++) if (mask & (1 << i)) rank |= 1 << (needCount - 1 - i);
  return popcount(mask) * (1 << needCount) + rank;
}

const methodBit = new Map<string, number>(paymentMethods.map((method, i) => [method, 1 << i]));

function methodBits(list: readonly PaymentMethod[] | undefined): number {
  let bits = 0;
  if (list) for (const method of list) bits |= methodBit.get(method) ?? 0;
  return bits;
}

function categoryOrder(found: Iterable<string>): string[] {
  const all = new Set(found);
  const known = programmeCategories.filter((c) => all.has(c));
  const others = [...all].filter((c) => !(programmeCategories as readonly string[]).includes(c)).sort();
  return [...known, ...others];
}

const noFeatures: MatchFeature[] = [];
const noFeatureIds: number[] = [];

function optionOf(pkg: MatchPackage, features: MatchFeature[], mask: number, costCents: number, matchBps: number): Opt {
  assertCents(costCents, 'cost');
  let allMonthly = pkg.pricingModel === 'monthly';
  let allOneOff = pkg.pricingModel === 'one_off';
  for (const f of features) {
    if (f.pricingModel !== 'monthly') allMonthly = false;
    if (f.pricingModel !== 'one_off') allOneOff = false;
  }
  return {
    pkg,
    features,
    featureIds: features.length === 0 ? noFeatureIds : features.map((f) => f.id),
    category: pkg.category,
    mask,
    costCents,
    matchCents: matchOf(costCents, matchBps),
    items: 1 + features.length,
    allMonthly,
    allOneOff,
  };
}

function fits(pkg: MatchPackage, answers: MatchAnswers): boolean {
  if (pkg.maxOutlets != null && answers.outlets > pkg.maxOutlets) return false;
  if (answers.seats != null) {
    if (pkg.minSeats != null && answers.seats < pkg.minSeats) return false;
    if (pkg.maxSeats != null && answers.seats > pkg.maxSeats) return false;
  }
  if (pkg.supportDistricts != null && answers.district != null && !pkg.supportDistricts.includes(answers.district)) return false;
  return true;
}

function prepare({
  answers,
  catalogue,
  context,
}: {
  answers: MatchAnswers;
  catalogue: readonly MatchPackage[];
  context: MatchContext;
}): Prepared {
  assertCents(context.headroomCents, 'headroomCents');
  if (answers.ownSpendLimitCents !== null) assertCents(answers.ownSpendLimitCents, 'ownSpendLimitCents');
  if (!Number.isSafeInteger(answers.outlets) || answers.outlets < 1)
    throw new RangeError(`outlets must be a whole number ≥ 1, got ${answers.outlets}`);
  const { matchBps, maxSubscriptionMonths } = context.rules;
  if (!Number.isInteger(matchBps) || matchBps < 0 || matchBps > 10_000)
    throw new RangeError(`matchBps must be between 0 and 10000, got ${matchBps}`);
  if (!Number.isInteger(maxSubscriptionMonths) || maxSubscriptionMonths < 0)
    throw new RangeError(`maxSubscriptionMonths must be a whole number, got ${maxSubscriptionMonths}`);

  const rankedNeeds = [...new Set(answers.needs)].filter((n) => (needs as readonly string[]).includes(n));
  const needBit = new Map(rankedNeeds.map((need, i) => [need, 1 << i]));
  const ePaymentBit = needBit.get('e_payments') ?? 0;
  const wantedMethods = ePaymentBit ? methodBits(answers.paymentMethods) : 0;

  const excludedReason = new Map<string, ExcludedCategory['reason']>();
  for (const c of answers.alreadyHas ?? []) excludedReason.set(c, 'already_has');
  for (const c of context.liveCategories ?? []) if (!excludedReason.has(c)) excludedReason.set(c, 'live_application');

  const needMaskOf = (list: readonly Need[] | undefined) => {
    let mask = 0;
    for (const need of list ?? []) mask |= needBit.get(need) ?? 0;
    return mask;
  };
  // e_payments counts only when the package (with its features) takes every method the owner asked for.
  const coverOf = (needMask: number, methods: number) =>
    ePaymentBit && needMask & ePaymentBit && (methods & wantedMethods) !== wantedMethods ? needMask & ~ePaymentBit : needMask;

  const byCategory = new Map<string, Opt[]>();
  let excludedMask = 0;
  const notOpen = new Set<string>();
  for (const pkg of catalogue) {
    if (pkg.status !== 'listed' || pkg.versionStatus !== 'approved') continue;
    if (pkg.sector !== answers.sector || !fits(pkg, answers)) continue;
    const baseNeeds = needMaskOf(pkg.needsMet ?? defaultNeedsByCategory[pkg.category]);
    const baseMethods = methodBits(pkg.paymentMethods ?? defaultPaymentMethodsByCategory[pkg.category]);
    // Only features that could meet a stated need or add a wanted payment method are ever worth buying.
    const relevant: MatchFeature[] = [];
    for (const f of pkg.features) {
      if (needMaskOf(f.needsMet) !== 0 || (wantedMethods & methodBits(f.paymentMethods)) !== 0) relevant.push(f);
    }
    if (relevant.length > MAX_RELEVANT_FEATURES)
      throw new RangeError(`package ${pkg.id} has more than ${MAX_RELEVANT_FEATURES} relevant features`);
    if (relevant.length > 1) relevant.sort((a, b) => a.id - b.id);
    const excluded =
      excludedReason.has(pkg.category) || (context.openCategories !== undefined && !context.openCategories.includes(pkg.category));
    const baseCost = itemCost(pkg, maxSubscriptionMonths);
    let list = byCategory.get(pkg.category);
    if (!list && !excluded) byCategory.set(pkg.category, (list = []));

    if (relevant.length === 0) {
      // The common case: the package alone.
      const mask = coverOf(baseNeeds, baseMethods);
      if (excluded) {
        if (!excludedReason.has(pkg.category)) notOpen.add(pkg.category);
        excludedMask |= mask;
      } else if (mask !== 0) {
        list!.push(optionOf(pkg, noFeatures, mask, baseCost, matchBps));
      }
      continue;
    }

    const fNeeds = relevant.map((f) => needMaskOf(f.needsMet));
    const fMethods = relevant.map((f) => methodBits(f.paymentMethods));
    const maskOfSubset = (subset: number) => {
      let n = baseNeeds;
      let m = baseMethods;
      for (let i = 0; i < relevant.length; i++)
        if (subset & (1 << i)) {
          n |= fNeeds[i]!;
          m |= fMethods[i]!;
        }
      return coverOf(n, m);
    };
    if (excluded) {
      if (!excludedReason.has(pkg.category)) notOpen.add(pkg.category);
      excludedMask |= maskOfSubset((1 << relevant.length) - 1);
      continue;
    }
    const featureCosts = relevant.map((f) => itemCost(f, maxSubscriptionMonths));
    for (let subset = 0; subset < 1 << relevant.length; subset++) {
      const mask = maskOfSubset(subset);
      if (mask === 0) continue;
      // A feature is bought only when it meets a stated need its package (with the other chosen features) does not.
      let admissible = true;
      for (let i = 0; i < relevant.length && admissible; i++) {
        if (subset & (1 << i) && maskOfSubset(subset & ~(1 << i)) === mask) admissible = false;
      }
      if (!admissible) continue;
      const features: MatchFeature[] = [];
      let costCents = baseCost;
      for (let i = 0; i < relevant.length; i++) {
        if (!(subset & (1 << i))) continue;
        features.push(relevant[i]!);
        costCents += featureCosts[i]!;
      }
      list!.push(optionOf(pkg, features, mask, costCents, matchBps));
    }
  }

  const excludedCategories: ExcludedCategory[] = [
    ...categoryOrder(excludedReason.keys()).map((category) => ({ category, reason: excludedReason.get(category)! })),
    ...categoryOrder(notOpen).map((category) => ({ category, reason: 'not_open' as const })),
  ];
  const categories = categoryOrder(byCategory.keys());
  return {
    rankedNeeds,
    categories,
    // Sorted once: every list the search builds is a filtered, hence still sorted, subsequence.
    options: categories.map((c) => (byCategory.get(c) ?? []).sort(byCostThenTie)),
    excludedMask,
    excludedCategories,
    headroomCents: context.headroomCents,
    limitCents: answers.ownSpendLimitCents ?? Number.POSITIVE_INFINITY,
    matchBps,
    maxSubscriptionMonths,
  };
}

// ── tie-breaking: fewer items, then the lowest differing package id, then the lowest differing feature id ─────────

/** Orders two ascending id lists as sets: the one holding the smallest id that is not in the other comes first. */
function compareSortedIds(x: ArrayLike<number>, xn: number, y: ArrayLike<number>, yn: number): number {
  let i = 0;
  let j = 0;
  while (i < xn && j < yn) {
    if (x[i] === y[j]) {
      i++;
      j++;
      continue;
    }
    return x[i]! < y[j]! ? -1 : 1;
  }
  if (i < xn) return -1;
  if (j < yn) return 1;
  return 0;
}

const ascending = (p: number, q: number) => p - q;

function compareTies(a: readonly (Opt | null)[], b: readonly (Opt | null)[]): number {
  const items = (s: readonly (Opt | null)[]) => s.reduce((n, o) => n + (o ? o.items : 0), 0);
  const byItems = items(a) - items(b);
  if (byItems !== 0) return byItems;
  const pkgs = (s: readonly (Opt | null)[]) => s.flatMap((o) => (o ? [o.pkg.id] : [])).sort(ascending);
  const [pa, pb] = [pkgs(a), pkgs(b)];
  const byPackages = compareSortedIds(pa, pa.length, pb, pb.length);
  if (byPackages !== 0) return byPackages;
  const feats = (s: readonly (Opt | null)[]) => s.flatMap((o) => (o ? o.featureIds : [])).sort(ascending);
  const [fa, fb] = [feats(a), feats(b)];
  return compareSortedIds(fa, fa.length, fb, fb.length);
}

/** Two options of one category that cost the same: the one the set-level tie-break prefers (same order, one slot). */
function compareOptTies(a: Opt | null, b: Opt | null): number {
  const byItems = (a ? a.items : 0) - (b ? b.items : 0);
  if (byItems !== 0 || !a || !b) return byItems;
  if (a.pkg.id !== b.pkg.id) return a.pkg.id - b.pkg.id;
  return compareSortedIds(a.featureIds, a.featureIds.length, b.featureIds, b.featureIds.length);
}

// ── the search ─────────────────────────────────────────────────────────────────────────────────────────────────

function byCostThenTie(a: Opt, b: Opt): number {
  return a.costCents - b.costCents || compareOptTies(a, b);
}

/** Options sorted by cost, one per cost (the tie-break's favourite), as parallel arrays for the two-pointer scan. */
type List = {
  opts: (Opt | null)[];
  cost: Float64Array;
  match: Float64Array;
  /** cost − match: what the shop pays for it while the cap does not bite. */
  own: Float64Array;
  items: Int32Array;
  /** The first index with the same match as this one. */
  sameMatchStart: Int32Array;
};

/** `sorted` in byCostThenTie order; `withNone` puts "nothing from this category" first (cost 0, no items). */
function makeList(sorted: readonly Opt[], withNone: boolean): List {
  const opts: (Opt | null)[] = withNone ? [null] : [];
  let lastCost = withNone ? 0 : -1;
  for (const o of sorted) {
    if (o.costCents === lastCost) continue; // the first of equal costs is the tie-break's favourite
    lastCost = o.costCents;
    opts.push(o);
  }
  const n = opts.length;
  const list: List = {
    opts,
    cost: new Float64Array(n),
    match: new Float64Array(n),
    own: new Float64Array(n),
    items: new Int32Array(n),
    sameMatchStart: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const o = opts[i];
    list.cost[i] = o ? o.costCents : 0;
    list.match[i] = o ? o.matchCents : 0;
    list.own[i] = list.cost[i]! - list.match[i]!;
    list.items[i] = o ? o.items : 0;
    list.sameMatchStart[i] = i > 0 && list.match[i - 1] === list.match[i] ? list.sameMatchStart[i - 1]! : i;
  }
  return list;
}

/** The first index in [0, n) of a non-decreasing array whose value passes `test` (monotone), or n. */
function firstIndex(values: Float64Array, n: number, test: (v: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(values[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

type Solved = { picks: (Opt | null)[]; mask: number; shareCents: number; ownCents: number };
type Incumbent = Solved & { items: number; packageIds: number[] };

type Group = { mask: number; cost: number; match: number };

/**
 * The best coverage any feasible set reaches, and the least the shop can pay at that coverage. The shop's own
 * payment never falls when an option gets dearer (the match adds at most what the cost adds), so the cheapest option
 * per (category, needs met) decides feasibility.
 */
function bestCoverage(options: Opt[][], H: number, L: number, k: number): { mask: number; minOwn: number } {
  const groups: Group[][] = options.map((list) => {
    const cheapest = new Map<number, Opt>();
    for (const o of list) {
      const seen = cheapest.get(o.mask);
      if (!seen || o.costCents < seen.costCents) cheapest.set(o.mask, o);
    }
    const sorted = [...cheapest.values()].sort((a, b) => a.costCents - b.costCents);
    const kept: Group[] = [{ mask: 0, cost: 0, match: 0 }];
    for (const o of sorted) {
      // A group is useless when a no-dearer group already meets every need it meets.
      if (kept.some((g) => (g.mask & o.mask) === o.mask)) continue;
      kept.push({ mask: o.mask, cost: o.costCents, match: o.matchCents });
    }
    return kept;
  });
  let bestMask = 0;
  let bestScore = 0;
  let minOwn = 0;
  const walk = (index: number, mask: number, cost: number, match: number) => {
    if (index === groups.length) {
      const own = cost - Math.min(H, match);
      if (own > L) return;
      const score = coverageScore(mask, k);
      if (score > bestScore) {
        bestScore = score;
        bestMask = mask;
        minOwn = own;
      } else if (score === bestScore && own < minOwn) minOwn = own;
      return;
    }
    for (const g of groups[index]!) walk(index + 1, mask | g.mask, cost + g.cost, match + g.match);
  };
  walk(0, 0, 0, 0);
  return { mask: bestMask, minOwn };
}

/**
 * Lexicographic optimum over sets of at most one option per category: coverage score, then the programme's share
 * (min(H, Σ match)), then the least own payment (≤ L), then the tie-break. Exact: see ADR 012.
 */
function solve(optionsIn: Opt[][], H: number, L: number, k: number): Solved {
  // An option whose own payment alone passes the limit can be in no feasible set (own ≥ Σ (cost − match)).
  const options = optionsIn.map((list) => list.filter((o) => o.costCents - o.matchCents <= L));
  const target = bestCoverage(options, H, L, k).mask;
  const n = options.length;
  if (target === 0) return { picks: new Array(n).fill(null), mask: 0, shareCents: 0, ownCents: 0 };

  const within = options.map((list) => list.filter((o) => (o.mask & ~target) === 0));
  // The two largest categories are scanned together (two pointers); the others are enumerated around them.
  const order = within.map((_, i) => i).sort((a, b) => within[b]!.length - within[a]!.length || a - b);
  const innerB = order[0];
  const innerC = order[1];
  const outer = order.slice(2);

  // Same cost and same needs are interchangeable but for the tie-break: lists keep one option per (needs, cost).
  const dedupByMask = (list: Opt[]) => {
    const byMask = new Map<number, Opt[]>();
    for (const o of list) {
      const same = byMask.get(o.mask);
      if (same) same.push(o);
      else byMask.set(o.mask, [o]);
    }
    return byMask;
  };
  const outerLists = outer.map((c) => {
    const lastCostOfMask = new Map<number, number>();
    const kept: (Opt | null)[] = [null];
    for (const o of within[c]!) {
      if (lastCostOfMask.get(o.mask) === o.costCents) continue;
      lastCostOfMask.set(o.mask, o.costCents);
      kept.push(o);
    }
    return kept;
  });
  const bGroups: { mask: number; list: List }[] = [{ mask: 0, list: makeList([], true) }];
  if (innerB !== undefined) {
    for (const [mask, list] of dedupByMask(within[innerB]!)) bGroups.push({ mask, list: makeList(list, false) });
  }
  const cAll = innerC !== undefined ? within[innerC]! : [];
  const cByResidual = new Map<number, List>();
  const cListFor = (residual: number) => {
    let list = cByResidual.get(residual);
    if (!list) {
      list = makeList(residual === 0 ? cAll : cAll.filter((o) => (o.mask & residual) === residual), residual === 0);
      cByResidual.set(residual, list);
    }
    return list;
  };
  let innerMaxMatch = 0;
  for (const c of [innerB, innerC]) if (c !== undefined) innerMaxMatch += Math.max(0, ...within[c]!.map((o) => o.matchCents));
  const remainingMask = outer.map((_, i) => {
    let m = 0;
    for (const c of [...outer.slice(i), innerB, innerC]) if (c !== undefined) for (const o of within[c]!) m |= o.mask;
    return m;
  });

  let best = null as Incumbent | null;
  const picks: (Opt | null)[] = new Array(n).fill(null);
  let outerItems = 0;
  const scratchIds: number[] = new Array(n).fill(0);

  /** The candidate's package ids, ascending, into scratchIds (no allocation: ties on money are common). */
  const candidateIds = (b: Opt | null, c: Opt | null) => {
    let count = 0;
    for (let i = 0; i < n; i++) {
      const o = i === innerB ? b : i === innerC ? c : picks[i];
      if (!o) continue;
      let j = count++;
      while (j > 0 && scratchIds[j - 1]! > o.pkg.id) {
        scratchIds[j] = scratchIds[j - 1]!;
        j--;
      }
      scratchIds[j] = o.pkg.id;
    }
    return count;
  };

  const offer = (share: number, own: number, items: number, b: Opt | null, c: Opt | null) => {
    if (best) {
      if (share < best.shareCents) return;
      if (share === best.shareCents) {
        if (own > best.ownCents) return;
        if (own === best.ownCents) {
          if (items > best.items) return;
          if (items === best.items) {
            const count = candidateIds(b, c);
            const byPackages = compareSortedIds(scratchIds, count, best.packageIds, best.packageIds.length);
            if (byPackages > 0) return;
            if (byPackages === 0 && compareTies(withInner(b, c), best.picks) >= 0) return;
          }
        }
      }
    }
    const candidate = withInner(b, c);
    const count = candidateIds(b, c);
    best = { picks: candidate, mask: target, shareCents: share, ownCents: own, items, packageIds: scratchIds.slice(0, count) };
  };
  const withInner = (b: Opt | null, c: Opt | null) => {
    const candidate = [...picks];
    if (innerB !== undefined) candidate[innerB] = b;
    if (innerC !== undefined) candidate[innerC] = c;
    return candidate;
  };

  const scanInner = (acc: number, C0: number, F0: number) => {
    for (const { mask: mB, list: B } of bGroups) {
      const residual = target & ~(acc | mB);
      const C = cListFor(residual);
      const nC = C.cost.length;
      if (nC === 0) continue;
      // Both pointers only move down as b gets dearer; they start where the cheapest b puts them.
      let jCap = firstIndex(C.match, nC, (v) => v >= H - F0 - B.match[0]!); // first c whose match lifts the set to the cap
      let jOwn = firstIndex(C.own, nC, (v) => v > L - (C0 - F0) - B.own[0]!); // first c past the own-spend limit, uncapped
      for (let bi = 0; bi < B.cost.length; bi++) {
        const C1 = C0 + B.cost[bi]!;
        const F1 = F0 + B.match[bi]!;
        if (best && best.shareCents === H && C1 + C.cost[0]! - H > best.ownCents) break; // dearer b only costs more
        if (C1 - F1 + C.own[0]! > L) break; // own ≥ Σ(cost − match): past the limit even with the cheapest c
        const threshold = H - F1;
        while (jCap > 0 && C.match[jCap - 1]! >= threshold) jCap--;
        if (jCap < nC) {
          const own = C1 + C.cost[jCap]! - H;
          if (own <= L) {
            offer(H, own, outerItems + B.items[bi]! + C.items[jCap]!, B.opts[bi]!, C.opts[jCap]!);
            continue;
          }
        }
        if (best && best.shareCents === H) continue; // an uncapped set cannot beat a capped one
        const budget = L - (C1 - F1);
        while (jOwn > 0 && C.own[jOwn - 1]! > budget) jOwn--;
        let p = Math.min(jCap, jOwn) - 1;
        if (p < 0) continue;
        p = C.sameMatchStart[p]!; // the same share for less
        offer(F1 + C.match[p]!, C1 - F1 + C.own[p]!, outerItems + B.items[bi]! + C.items[p]!, B.opts[bi]!, C.opts[p]!);
      }
    }
  };

  const walk = (depth: number, acc: number, C0: number, F0: number) => {
    if (depth === outer.length) {
      scanInner(acc, C0, F0);
      return;
    }
    if (((acc | remainingMask[depth]!) & target) !== target) return; // the target needs can no longer all be met
    const category = outer[depth]!;
    const last = depth === outer.length - 1;
    for (const o of outerLists[depth]!) {
      const C1 = C0 + (o ? o.costCents : 0);
      const F1 = F0 + (o ? o.matchCents : 0);
      // Before the inner scan: the least the two inner categories must add to reach the target needs.
      const completion = last ? innerCompletion(acc | (o ? o.mask : 0)) : noCompletionBound;
      if (completion.cost === Number.POSITIVE_INFINITY) continue;
      if (best) {
        const shareBound = Math.min(H, F1 + innerMaxMatch + outerMaxMatch(depth + 1));
        // own = Σcost − min(H, Σmatch) ≥ Σcost − H, and ≥ Σ(cost − match).
        const ownBound = Math.max(C1 + completion.cost - H, C1 - F1 + completion.own);
        if (shareBound < best.shareCents || (shareBound === best.shareCents && ownBound > best.ownCents)) {
          if (o && best.shareCents === H && C1 - H > best.ownCents) break; // sorted by cost: the rest cost more
          continue;
        }
      }
      picks[category] = o;
      outerItems += o ? o.items : 0;
      walk(depth + 1, acc | (o ? o.mask : 0), C1, F1);
      outerItems -= o ? o.items : 0;
      picks[category] = null;
    }
  };
  const noCompletionBound = { cost: 0, own: 0 };
  const completions = new Map<number, { cost: number; own: number }>();
  const innerCompletion = (acc: number) => {
    let found = completions.get(acc);
    if (!found) {
      found = { cost: Number.POSITIVE_INFINITY, own: Number.POSITIVE_INFINITY };
      for (const { mask: mB, list: B } of bGroups) {
        const C = cListFor(target & ~(acc | mB));
        if (B.cost.length === 0 || C.cost.length === 0) continue;
        // Lists are sorted by cost, and own (cost − match) never falls as cost rises: index 0 is the least of both.
        found.cost = Math.min(found.cost, B.cost[0]! + C.cost[0]!);
        found.own = Math.min(found.own, B.own[0]! + C.own[0]!);
      }
      completions.set(acc, found);
    }
    return found;
  };
  const outerMax = outer.map((c) => Math.max(0, ...within[c]!.map((o) => o.matchCents)));
  const outerMaxMatch = (from: number) => outerMax.slice(from).reduce((s, v) => s + v, 0);

  walk(0, 0, 0, 0);
  if (!best) throw new Error('matcher: no set reaches the coverage found feasible'); // cannot happen: see bestCoverage
  return { picks: best.picks, mask: best.mask, shareCents: best.shareCents, ownCents: best.ownCents };
}

// ── explanation ────────────────────────────────────────────────────────────────────────────────────────────────

function needsOf(mask: number, ranked: readonly Need[]): Need[] {
  return ranked.filter((_, i) => mask & (1 << i));
}

function explain(prepared: Prepared, objective: MatchObjective, solved: Solved, pool: Opt[][]): MatchSet {
  const { rankedNeeds, headroomCents: H, matchBps, maxSubscriptionMonths } = prepared;
  let remaining = H;
  const picks: MatchPick[] = [];
  for (const o of solved.picks) {
    if (!o) continue;
    const split = fundingSplit({ costCents: o.costCents, committedCents: H - remaining, rules: { matchBps, capCents: H } });
    picks.push({
      packageId: o.pkg.id,
      versionId: o.pkg.versionId,
      category: o.category,
      featureIds: o.featureIds,
      items: [
        {
          kind: 'package',
          id: o.pkg.id,
          pricingModel: o.pkg.pricingModel,
          priceCents: o.pkg.priceCents,
          costCents: itemCost(o.pkg, maxSubscriptionMonths),
        },
        ...o.features.map((f) => ({
          kind: 'feature' as const,
          id: f.id,
          pricingModel: f.pricingModel,
          priceCents: f.priceCents,
          costCents: itemCost(f, maxSubscriptionMonths),
        })),
      ],
      needsCovered: needsOf(o.mask, rankedNeeds),
      costCents: split.costCents,
      programmeCents: split.programmeCents,
      shopCents: split.shopCents,
      headroomBeforeCents: split.headroomBeforeCents,
      headroomAfterCents: split.headroomAfterCents,
    });
    remaining = split.headroomAfterCents;
  }
  const costCents = picks.reduce((s, p) => s + p.costCents, 0);
  const programmeCents = H - remaining;
  if (programmeCents !== solved.shareCents || costCents - programmeCents !== solved.ownCents) {
    throw new Error('matcher: explanation disagrees with the search'); // cannot happen: same rounding as funding.ts
  }

  // Why the needs left out are left out.
  let poolMask = 0;
  for (const list of pool) for (const o of list) poolMask |= o.mask;
  const unlimited = bestCoverage(pool, H, Number.POSITIVE_INFINITY, rankedNeeds.length).mask;
  const needsUncovered = rankedNeeds.flatMap((need, i) => {
    const bit = 1 << i;
    if (solved.mask & bit) return [];
    const reason: UncoveredReason =
      poolMask & bit
        ? unlimited & bit
          ? 'over_own_spend'
          : 'trade_off'
        : prepared.excludedMask & bit
          ? 'category_excluded'
          : 'none_available';
    return [{ need, reason }];
  });
  return {
    objective,
    picks,
    needsCovered: needsOf(solved.mask, rankedNeeds),
    needsUncovered,
    costCents,
    programmeCents,
    shopCents: costCents - programmeCents,
    headroomBeforeCents: H,
    headroomAfterCents: remaining,
  };
}

// ── public API ─────────────────────────────────────────────────────────────────────────────────────────────────

function poolFor(prepared: Prepared, style: 'any' | 'monthly' | 'one_off'): Opt[][] {
  if (style === 'any') return prepared.options;
  return prepared.options.map((list) => list.filter((o) => (style === 'monthly' ? o.allMonthly : o.allOneOff)));
}

function styleOf(objective: MatchObjective, preference: PaymentPreference): 'any' | 'monthly' | 'one_off' {
  if (objective === 'all_monthly') return 'monthly';
  if (objective === 'all_one_off') return 'one_off';
  return preference === 'none' ? 'any' : preference;
}

function runObjective(prepared: Prepared, objective: MatchObjective, preference: PaymentPreference): MatchSet {
  const pool = poolFor(prepared, styleOf(objective, preference));
  const H = prepared.headroomCents;
  const k = prepared.rankedNeeds.length;
  let L = prepared.limitCents;
  if (objective === 'cheapest_for_you') {
    // Least own payment first, then the largest share: the best set under a limit equal to that least payment.
    const filtered = pool.map((list) => list.filter((o) => o.costCents - o.matchCents <= L));
    L = Math.min(L, bestCoverage(filtered, H, L, k).minOwn);
  }
  return explain(prepared, objective, solve(pool, H, L, k), pool);
}

/**
 * One objective on its own: 'best' (needs, then the programme's share, then the least own payment, within the stated
 * payment preference), 'cheapest_for_you' (needs, then the least own payment, then the share), 'all_monthly' and
 * 'all_one_off' (the best objective over sets paid only monthly / only one-off).
 */
export function matchFor({
  answers,
  catalogue,
  context,
  objective,
}: {
  answers: MatchAnswers;
  catalogue: readonly MatchPackage[];
  context: MatchContext;
  objective: MatchObjective;
}): MatchSet {
  return runObjective(prepare({ answers, catalogue, context }), objective, answers.paymentPreference);
}

function sameSet(a: MatchSet, b: MatchSet): boolean {
  const key = (s: MatchSet) => s.picks.map((p) => `${p.packageId}:${p.featureIds.join(',')}`).join('|');
  return key(a) === key(b);
}

/**
 * The best set and up to two alternatives that differ from it and from each other: the cheapest for the shop, then
 * the other way of paying (all monthly unless the shop prefers monthly; all one-off when the best is all monthly).
 */
export function matchPackages({
  answers,
  catalogue,
  context,
}: {
  answers: MatchAnswers;
  catalogue: readonly MatchPackage[];
  context: MatchContext;
}): MatchResult {
  const prepared = prepare({ answers, catalogue, context });
  const preference = answers.paymentPreference;
  const best = runObjective(prepared, 'best', preference);
  const candidates: MatchObjective[] =
    preference === 'monthly'
      ? ['cheapest_for_you', 'all_one_off']
      : preference === 'one_off'
        ? ['cheapest_for_you', 'all_monthly']
        : ['cheapest_for_you', 'all_monthly', 'all_one_off'];
  const alternatives: MatchSet[] = [];
  for (const objective of candidates) {
    if (alternatives.length === 2) break;
    const set = runObjective(prepared, objective, preference);
    if (set.picks.length === 0 || sameSet(set, best) || alternatives.some((a) => sameSet(a, set))) continue;
    alternatives.push(set);
  }
  return { best, alternatives, excludedCategories: prepared.excludedCategories };
}

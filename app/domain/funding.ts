// How much the programme pays: a 1:1 match of the eligible cost, never past what the enterprise has left under the cap.
export const pricingModels = ['one_off', 'monthly'] as const;
export type PricingModel = (typeof pricingModels)[number];

/**
 * A priced item: the package or an optional feature. A monthly item states its minimum contract length in months
 * (null or absent: not stated, as on listings from before contracts were recorded, counted at the programme's most).
 */
export type PricedItem = { pricingModel: PricingModel; priceCents: number; minContractMonths?: number | null };

export type FundingRules = {
  /** The programme's share of the eligible cost in basis points: 5000 = 50% (1:1 matching). */
  matchBps: number;
  /** The most the programme pays one enterprise across all of its live applications. */
  capCents: number;
  /** Subscriptions count their minimum contract, at most this many months of fees. */
  maxSubscriptionMonths: number;
};

export type FundingSplit = {
  costCents: number;
  programmeCents: number;
  shopCents: number;
  /** What the enterprise could still apply for before this package. */
  headroomBeforeCents: number;
  headroomAfterCents: number;
  /** 'match' when the programme pays its full share, 'cap' when the enterprise's remaining headroom limits it. */
  limitedBy: 'match' | 'cap';
};

function assertCents(value: number, name: string) {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative whole number of cents, got ${value}`);
  }
}

/**
 * The months of fees counted for a monthly item: its minimum contract, never more than the programme counts (a
 * 12-month contract counts 12 months, a 36-month one 24). The shop is only sure to pay for the contract it signs.
 */
export function countedMonths(item: Pick<PricedItem, 'minContractMonths'>, maxSubscriptionMonths: number): number {
  const contract = item.minContractMonths;
  if (contract === null || contract === undefined) return maxSubscriptionMonths;
  if (!Number.isSafeInteger(contract) || contract < 1)
    throw new RangeError(`minContractMonths must be a whole number of months, got ${contract}`);
  return Math.min(contract, maxSubscriptionMonths);
}

/** The eligible cost of one priced item: a one-off price, or monthly fees over the counted months. */
export function itemCostCents(item: PricedItem, maxSubscriptionMonths: number): number {
  assertCents(item.priceCents, 'priceCents');
  const cost = item.pricingModel === 'monthly' ? item.priceCents * countedMonths(item, maxSubscriptionMonths) : item.priceCents;
  assertCents(cost, 'cost');
  return cost;
}

/** The eligible cost of a package and the optional features chosen with it. */
export function eligibleCostCents(items: readonly PricedItem[], maxSubscriptionMonths: number): number {
  const total = items.reduce((sum, item) => sum + itemCostCents(item, maxSubscriptionMonths), 0);
  assertCents(total, 'total cost');
  return total;
}

/** The headroom an enterprise has left when `committedCents` is already committed across its live applications. */
export function headroomCents(capCents: number, committedCents: number): number {
  assertCents(capCents, 'capCents');
  assertCents(committedCents, 'committedCents');
  return Math.max(0, capCents - committedCents);
}

/**
 * What the subsidy calculator counts as already committed: the enterprise's real commitments when they are known (a
 * shop owner with one business), otherwise the amount typed in (none: nothing); never more than the cap, so the
 * headroom the calculator shows is `headroomCents(cap, committed)`.
 */
export function calculatorCommittedCents({
  capCents,
  accountCommittedCents,
  typedCents,
}: {
  capCents: number;
  accountCommittedCents: number | null;
  typedCents: number | undefined;
}): number {
  return capCents - headroomCents(capCents, accountCommittedCents ?? typedCents ?? 0);
}

/**
 * Splits a cost between the programme and the shop. The programme pays matchBps of the cost, rounded down to the
 * cent, and never more than the headroom; the shop pays exactly the rest.
 */
export function fundingSplit({
  costCents,
  committedCents,
  rules,
}: {
  costCents: number;
  committedCents: number;
  rules: Pick<FundingRules, 'matchBps' | 'capCents'>;
}): FundingSplit {
  assertCents(costCents, 'costCents');
  if (!Number.isInteger(rules.matchBps) || rules.matchBps < 0 || rules.matchBps > 10_000) {
    throw new RangeError(`matchBps must be between 0 and 10000, got ${rules.matchBps}`);
  }
  const headroomBeforeCents = headroomCents(rules.capCents, committedCents);
  // BigInt so that cost × bps cannot lose precision, however large the cost.
  const matchCents = Number((BigInt(costCents) * BigInt(rules.matchBps)) / 10_000n);
  const programmeCents = Math.min(matchCents, headroomBeforeCents);
  return {
    costCents,
    programmeCents,
    shopCents: costCents - programmeCents,
    headroomBeforeCents,
    headroomAfterCents: headroomBeforeCents - programmeCents,
    limitedBy: programmeCents < matchCents ? 'cap' : 'match',
  };
}

/** The split for a package with chosen features: the one calculation the catalogue, calculator and applications share. */
export function packageSplit({
  items,
  committedCents,
  rules,
}: {
  items: readonly PricedItem[];
  committedCents: number;
  rules: FundingRules;
}): FundingSplit {
  return fundingSplit({ costCents: eligibleCostCents(items, rules.maxSubscriptionMonths), committedCents, rules });
}

/**
 * Why a split gives the programme nothing to pay, if it does: the enterprise has no headroom left under the cap
 * ('cap_reached'), or there is headroom but the match of this cost rounds down to HK$0.00 — a tiny cost, or a match
 * of 0% ('no_programme_share'). The two must never be confused: the second is not "no funding left".
 */
export function nothingToFund(split: FundingSplit): 'cap_reached' | 'no_programme_share' | null {
  if (split.programmeCents > 0) return null;
  return split.headroomBeforeCents === 0 ? 'cap_reached' : 'no_programme_share';
}

/**
 * A round budget may not be set below the programme share already approved (approved and every status after it):
 * those are promises made to shops, so a cut must leave room for all of them. Equal is allowed (nothing more can be
 * approved until the budget rises again).
 */
export function budgetCoversApproved({ budgetCents, approvedCents }: { budgetCents: number; approvedCents: number }): boolean {
  return budgetCents >= approvedCents;
}

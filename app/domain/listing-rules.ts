// The programme's price rules for a vendor's package, checked field by field before it can go to vetting.
import { eligibleCostCents, itemCostCents, type PricingModel } from './funding';

/**
 * The least counted cost of any priced item (the package, each optional feature): HK$100. At HK$100 (10,000 cents)
 * the programme's share is at least one cent at any match ratio from 0.01% (1 basis point) up, so nothing the rules
 * let through can round to a share of HK$0.00; and below it no real digital solution is sold (see ADR 010).
 */
export const MIN_ITEM_COST_CENTS = 100_00;

/** The longest minimum contract a monthly item may state (as the database bounds it): ten years. */
export const MAX_CONTRACT_MONTHS = 120;

export type ListingRules = {
  maxOneOffCents: number;
  maxSubscriptionMonths: number;
  maxSubscriptionTotalCents: number;
  deploymentMonths: number;
};

export type ListingDraft = {
  solutionId?: number;
  category: string;
  sector: string;
  pricingModel: PricingModel;
  priceCents: number;
  /** A monthly package's minimum contract in months (ignored for a one-off price). */
  minContractMonths?: number | null;
  deploymentDays: number;
  features: { pricingModel: PricingModel; priceCents: number; minContractMonths?: number | null }[];
};

export type ListingCode =
  | 'price_missing'
  | 'price_not_cents'
  | 'price_below_minimum'
  | 'one_off_over_ceiling'
  | 'subscription_over_ceiling'
  | 'features_over_ceiling'
  | 'feature_price_missing'
  | 'feature_price_not_cents'
  | 'feature_price_below_minimum'
  | 'contract_months_missing'
  | 'contract_months_invalid'
  | 'feature_contract_months_missing'
  | 'feature_contract_months_invalid'
  | 'deployment_too_long'
  | 'deployment_invalid'
  | 'category_sector_taken'
  | 'category_not_open'
  | 'sector_not_open';

export type ListingProblem = { field: string; code: ListingCode };

/**
 * The price ceiling a package is judged against: a monthly package's counted total may reach the subscription
 * ceiling, any other its one-off ceiling. Vetting and the risk signals both compare with this one figure.
 */
export function priceCeilingCents(
  pricingModel: PricingModel,
  rules: Pick<ListingRules, 'maxOneOffCents' | 'maxSubscriptionTotalCents'>,
): number {
  return pricingModel === 'monthly' ? rules.maxSubscriptionTotalCents : rules.maxOneOffCents;
}

/** Days a solution may take to be deployed: the programme's months, counted as 30 days each. */
export function maxDeploymentDays(rules: ListingRules): number {
  return rules.deploymentMonths * 30;
}

export function checkListing({
  draft,
  rules,
  otherListings,
  openCategories,
  openSectors,
}: {
  draft: ListingDraft;
  rules: ListingRules;
  /** The vendor's other live packages (not delisted). */
  otherListings: readonly { solutionId: number; category: string; sector: string }[];
  openCategories: readonly string[];
  openSectors: readonly string[];
}): ListingProblem[] {
  const problems: ListingProblem[] = [];
  if (!openCategories.includes(draft.category)) problems.push({ field: 'category', code: 'category_not_open' });
  if (!openSectors.includes(draft.sector)) problems.push({ field: 'sector', code: 'sector_not_open' });
  if (otherListings.some((o) => o.solutionId !== draft.solutionId && o.category === draft.category && o.sector === draft.sector)) {
    problems.push({ field: 'category', code: 'category_sector_taken' });
  }

  const months = rules.maxSubscriptionMonths;
  // A monthly item states its minimum contract; a wrong one is reported on its field, and the prices are then
  // judged as if it were not stated (counted at the programme's most), so each problem is said once.
  const contractOf = (
    item: { pricingModel: PricingModel; minContractMonths?: number | null },
    field: string,
    codes: { missing: ListingCode; invalid: ListingCode },
  ): number | null => {
    if (item.pricingModel !== 'monthly') return null;
    const value = item.minContractMonths;
    if (value === null || value === undefined) {
      problems.push({ field, code: codes.missing });
      return null;
    }
    if (!Number.isSafeInteger(value) || value < 1 || value > MAX_CONTRACT_MONTHS) {
      problems.push({ field, code: codes.invalid });
      return null;
    }
    return value;
  };
  const pkg = {
    ...draft,
    minContractMonths: contractOf(draft, 'minContractMonths', { missing: 'contract_months_missing', invalid: 'contract_months_invalid' }),
  };
  const features = draft.features.map((feature, index) => ({
    ...feature,
    minContractMonths: contractOf(feature, `featureContract${index}`, {
      missing: 'feature_contract_months_missing',
      invalid: 'feature_contract_months_invalid',
    }),
  }));
  // The ceiling of the package's kind: a one-off package, or a subscription counted over its months.
  const ceiling = priceCeilingCents(draft.pricingModel, rules);
  let packageCounted: number | null = null;
  if (!Number.isSafeInteger(draft.priceCents)) problems.push({ field: 'price', code: 'price_not_cents' });
  else if (draft.priceCents <= 0) problems.push({ field: 'price', code: 'price_missing' });
  else {
    packageCounted = itemCostCents(pkg, months);
    if (packageCounted < MIN_ITEM_COST_CENTS) problems.push({ field: 'price', code: 'price_below_minimum' });
    else if (packageCounted > ceiling) {
      problems.push({ field: 'price', code: draft.pricingModel === 'one_off' ? 'one_off_over_ceiling' : 'subscription_over_ceiling' });
    }
  }

  let featuresPriced = true;
  features.forEach((feature, index) => {
    featuresPriced &&= Number.isSafeInteger(feature.priceCents) && feature.priceCents > 0;
    if (!Number.isSafeInteger(feature.priceCents)) problems.push({ field: `featurePrice${index}`, code: 'feature_price_not_cents' });
    else if (feature.priceCents <= 0) problems.push({ field: `featurePrice${index}`, code: 'feature_price_missing' });
    else if (itemCostCents(feature, months) < MIN_ITEM_COST_CENTS)
      problems.push({ field: `featurePrice${index}`, code: 'feature_price_below_minimum' });
  });
  // The ceiling holds for what a shop can actually buy: the package with every optional feature it offers. Said once:
  // a package already over its ceiling on its own is told so on its price.
  if (packageCounted !== null && packageCounted <= ceiling && featuresPriced && features.length > 0) {
    if (eligibleCostCents([pkg, ...features], months) > ceiling) problems.push({ field: 'features', code: 'features_over_ceiling' });
  }

  if (!Number.isInteger(draft.deploymentDays) || draft.deploymentDays < 1)
    problems.push({ field: 'deploymentDays', code: 'deployment_invalid' });
  else if (draft.deploymentDays > maxDeploymentDays(rules)) problems.push({ field: 'deploymentDays', code: 'deployment_too_long' });
  return problems;
}

/** The middle eligible cost of a category's listed packages (for officers comparing a new price). */
export function medianCents(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.floor((sorted[mid - 1]! + sorted[mid]!) / 2);
}

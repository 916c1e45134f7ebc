// The programme's price rules for a vendor's package, checked field by field before it can go to vetting.
import type { PricingModel } from './funding';

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
  deploymentDays: number;
  features: { pricingModel: PricingModel; priceCents: number }[];
};

export type ListingCode =
  | 'price_missing'
  | 'price_not_cents'
  | 'one_off_over_ceiling'
  | 'subscription_over_ceiling'
  | 'feature_price_missing'
  | 'feature_price_not_cents'
  | 'deployment_too_long'
  | 'deployment_invalid'
  | 'category_sector_taken'
  | 'category_not_open'
  | 'sector_not_open';

export type ListingProblem = { field: string; code: ListingCode };

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

  if (!Number.isSafeInteger(draft.priceCents)) problems.push({ field: 'price', code: 'price_not_cents' });
  else if (draft.priceCents <= 0) problems.push({ field: 'price', code: 'price_missing' });
  else if (draft.pricingModel === 'one_off' && draft.priceCents > rules.maxOneOffCents) {
    problems.push({ field: 'price', code: 'one_off_over_ceiling' });
  } else if (draft.pricingModel === 'monthly' && draft.priceCents * rules.maxSubscriptionMonths > rules.maxSubscriptionTotalCents) {
    problems.push({ field: 'price', code: 'subscription_over_ceiling' });
  }

  draft.features.forEach((feature, index) => {
    if (!Number.isSafeInteger(feature.priceCents)) problems.push({ field: `featurePrice${index}`, code: 'feature_price_not_cents' });
    else if (feature.priceCents <= 0) problems.push({ field: `featurePrice${index}`, code: 'feature_price_missing' });
  });

  if (!Number.isInteger(draft.deploymentDays) || draft.deploymentDays < 1) problems.push({ field: 'deploymentDays', code: 'deployment_invalid' });
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

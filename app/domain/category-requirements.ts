// What officers check when vetting a package: each category's basic requirements, and the price signals to look at.
import type { Category } from './programme';

/**
 * The basic requirements of each solution category, as codes (the texts are i18n keys
 * `vetting:requirements.<category>.<code>`). Officers tick every one before approving a package.
 */
export const categoryRequirements: Record<string, readonly string[]> = {
  e_payment_pos: ['accepts_octopus_fps', 'issues_receipts', 'daily_sales_report', 'local_support_hotline', 'data_stored_securely'],
  online_promotion: ['business_listing_setup', 'social_media_setup', 'performance_report', 'bilingual_content'],
  customer_management: ['member_registration', 'points_or_coupons', 'customer_data_privacy', 'campaign_reporting'],
} satisfies Record<Category, readonly string[]>;

/** The category's requirements, in display order; none for a category that has no list. */
export function requirementsOf(category: string): readonly string[] {
  return Object.hasOwn(categoryRequirements, category) ? categoryRequirements[category]! : [];
}

/** The category's requirements that were not ticked (in display order). Ticks that are not requirements are ignored. */
export function missingRequirements(category: string, ticked: Iterable<string>): string[] {
  const given = new Set(ticked);
  return requirementsOf(category).filter((code) => !given.has(code));
}

/** How close to the ceiling counts as "near": within 5% below it. */
export const NEAR_CEILING_BPS = 500;
/** How far above the category's median counts as "well above": more than 50%. */
export const ABOVE_MEDIAN_BPS = 5000;

export type PriceSignals = {
  /** (cost − median) / median in basis points, rounded to the nearest; null when there is no median to compare with. */
  diffFromMedianBps: number | null;
  /** Within 5% below the ceiling (or at it). */
  nearCeiling: boolean;
  /** More than 50% above the category's median. */
  wellAboveMedian: boolean;
};

/** Signals for an officer comparing a package's eligible cost with its ceiling and the category's listed packages. */
export function priceSignals({
  costCents,
  ceilingCents,
  medianCents,
}: {
  costCents: number;
  ceilingCents: number;
  medianCents: number | null;
}): PriceSignals {
  // Integer arithmetic only: cost ≥ ceiling × 95% ⇔ cost × 10000 ≥ ceiling × 9500.
  const nearCeiling = costCents <= ceilingCents && costCents * 10_000 >= ceilingCents * (10_000 - NEAR_CEILING_BPS);
  if (medianCents === null || medianCents <= 0) return { diffFromMedianBps: null, nearCeiling, wellAboveMedian: false };
  const diffFromMedianBps = Math.round(((costCents - medianCents) * 10_000) / medianCents);
  const wellAboveMedian = costCents * 10_000 > medianCents * (10_000 + ABOVE_MEDIAN_BPS);
  return { diffFromMedianBps, nearCeiling, wellAboveMedian };
}

// Catalogue limits shared by the server and the pages.
import { packageSplit, type FundingRules } from '../domain/funding';
export const CATALOGUE_PAGE_SIZE = 12;
export const COMPARE_MAX = 3;

/** A catalogue card's split for a shop with nothing committed yet (worked out where shown; the rules come once per page). */
export function cardSplit(item: Parameters<typeof packageSplit>[0]['items'][number], rules: FundingRules) {
  return packageSplit({ items: [item], committedCents: 0, rules });
}

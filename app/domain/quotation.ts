// What a quotation comes to, line by line, as the vendor reads it before confirming (issue 12 §5). Pure.
import { countedMonths, fundingSplit, itemCostCents, type FundingRules, type PricedItem } from './funding';

export type QuotationLine<T extends PricedItem> = T & { countedMonths: number | null; costCents: number };

export type QuotationSummary<T extends PricedItem> = {
  lines: QuotationLine<T>[];
  costCents: number;
  /**
   * The most the programme can pay towards this quotation: the match of its cost within the cap. What it finally pays
   * also depends on what the shop has committed elsewhere, which the vendor is not shown.
   */
  programmeMaxCents: number;
  /** What the shop pays at least: the rest of the cost. */
  shopMinCents: number;
};

/** Each item (package first, then the chosen features) with what it counts for, the total and the split at its best. */
export function quotationSummary<T extends PricedItem>(items: readonly T[], rules: FundingRules): QuotationSummary<T> {
  const lines = items.map((item) => ({
    ...item,
    countedMonths: item.pricingModel === 'monthly' ? countedMonths(item, rules.maxSubscriptionMonths) : null,
    costCents: itemCostCents(item, rules.maxSubscriptionMonths),
  }));
  const costCents = lines.reduce((sum, line) => sum + line.costCents, 0);
  const split = fundingSplit({ costCents, committedCents: 0, rules });
  return { lines, costCents, programmeMaxCents: split.programmeCents, shopMinCents: split.shopCents };
}

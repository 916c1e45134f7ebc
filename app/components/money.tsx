// Money and the programme/shop split, in plain words.
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { countedMonths, itemCostCents, type FundingSplit, type PricingModel } from '../domain/funding';
import { formatMoney } from '../lib/format';
import { pickText } from '../lib/i18n';
import { useRootData } from '../lib/root-data';

export function Money({ cents }: { cents: number }) {
  return <span className="money">{formatMoney(cents)}</span>;
}

type Price = { pricingModel: PricingModel; priceCents: number; months: number; contractMonths?: number | null };

/** What PriceLine says, with the caller's `t` (a list of cards looks its labels up once, not once per card). */
export function priceText(t: TFunction, { pricingModel, priceCents, months, contractMonths = null }: Price): string {
  if (pricingModel === 'one_off') return t('catalogue:priceOneOff', { price: formatMoney(priceCents) });
  const counted = countedMonths({ minContractMonths: contractMonths }, months);
  const total = formatMoney(itemCostCents({ pricingModel, priceCents, minContractMonths: contractMonths }, months));
  if (contractMonths === null) return t('catalogue:priceMonthly', { price: formatMoney(priceCents), months: counted, total });
  return t('catalogue:priceMonthlyContract', { price: formatMoney(priceCents), contract: contractMonths, months: counted, total });
}

/**
 * A price as the shop reads it. A monthly price with its minimum contract says how many months count (the contract,
 * at most the round's `months`) and what they come to; without one (older listings) all `months` count.
 */
export function PriceLine(props: Price) {
  const { t } = useTranslation();
  return <>{priceText(t, props)}</>;
}

export type SplitLabels = { eligibleCost: string; programmePays: string; youPay: string };

/** The split's three labels, looked up once for a page that shows many splits (SplitList). */
export function useSplitLabels(): SplitLabels {
  const { t } = useTranslation();
  return { eligibleCost: t('catalogue:eligibleCost'), programmePays: t('catalogue:programmePays'), youPay: t('catalogue:youPay') };
}

type SplitProps = {
  split: Pick<FundingSplit, 'costCents' | 'programmeCents' | 'shopCents'>;
  compact?: boolean;
  /** Further rows of the same list (each a <div><dt/><dd/></div>). */
  children?: ReactNode;
};

/** The split with labels the caller looked up (useSplitLabels): the catalogue's twelve cards share one set. */
export function SplitList({ split, compact = false, children, labels }: SplitProps & { labels: SplitLabels }) {
  return (
    <dl className={compact ? 'split split--compact' : 'split'}>
      <div>
        <dt>{labels.eligibleCost}</dt>
        <dd className="money">{formatMoney(split.costCents)}</dd>
      </div>
      <div className="split-programme">
        <dt>{labels.programmePays}</dt>
        <dd className="money">{formatMoney(split.programmeCents)}</dd>
      </div>
      <div className="split-shop">
        <dt>{labels.youPay}</dt>
        <dd className="money">{formatMoney(split.shopCents)}</dd>
      </div>
      {children}
    </dl>
  );
}

export function SplitSummary(props: SplitProps) {
  return <SplitList {...props} labels={useSplitLabels()} />;
}

/** A quotation's priced items (package and features), as locked when the vendor confirmed. */
export function QuotationItems({
  items,
  months,
}: {
  items: {
    nameEn: string;
    nameZhHk: string;
    nameZhCn: string;
    pricingModel: string;
    priceCents: number;
    minContractMonths?: number | null;
  }[];
  /** The round's most months, as recorded on the quotation. */
  months: number;
}) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <ul className="plain-list">
      {items.map((item, index) => {
        const contract = item.minContractMonths ?? null;
        const counted = countedMonths({ minContractMonths: contract }, months);
        return (
          <li key={index}>
            {pickText({ en: item.nameEn, zhHK: item.nameZhHk, zhCN: item.nameZhCn }, locale)} — <Money cents={item.priceCents} />
            {item.pricingModel !== 'monthly'
              ? ''
              : contract === null
                ? ` ${t('applications:perMonth', { months: counted })}`
                : ` ${t('applications:perMonthContract', { contract, months: counted })}`}
          </li>
        );
      })}
    </ul>
  );
}

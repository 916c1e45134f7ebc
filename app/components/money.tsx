// Money and the programme/shop split, in plain words.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FundingSplit, PricingModel } from '../domain/funding';
import { formatMoney } from '../lib/format';
import { pickText } from '../lib/i18n';
import { useRootData } from '../lib/root-data';

export function Money({ cents }: { cents: number }) {
  return <span className="money">{formatMoney(cents)}</span>;
}

export function PriceLine({ pricingModel, priceCents, months }: { pricingModel: PricingModel; priceCents: number; months: number }) {
  const { t } = useTranslation();
  if (pricingModel === 'one_off') return <>{t('catalogue:priceOneOff', { price: formatMoney(priceCents) })}</>;
  return (
    <>
      {t('catalogue:priceMonthly', {
        price: formatMoney(priceCents),
        months,
        total: formatMoney(priceCents * months),
      })}
    </>
  );
}

export function SplitSummary({
  split,
  compact = false,
  children,
}: {
  split: Pick<FundingSplit, 'costCents' | 'programmeCents' | 'shopCents'>;
  compact?: boolean;
  /** Further rows of the same list (each a <div><dt/><dd/></div>). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <dl className={compact ? 'split split--compact' : 'split'}>
      <div>
        <dt>{t('catalogue:eligibleCost')}</dt>
        <dd>
          <Money cents={split.costCents} />
        </dd>
      </div>
      <div className="split-programme">
        <dt>{t('catalogue:programmePays')}</dt>
        <dd>
          <Money cents={split.programmeCents} />
        </dd>
      </div>
      <div className="split-shop">
        <dt>{t('catalogue:youPay')}</dt>
        <dd>
          <Money cents={split.shopCents} />
        </dd>
      </div>
      {children}
    </dl>
  );
}

/** A quotation's priced items (package and features), as locked when the vendor confirmed. */
export function QuotationItems({
  items,
  months,
}: {
  items: { nameEn: string; nameZhHk: string; nameZhCn: string; pricingModel: string; priceCents: number }[];
  months: number;
}) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <ul className="plain-list">
      {items.map((item, index) => (
        <li key={index}>
          {pickText({ en: item.nameEn, zhHK: item.nameZhHk, zhCN: item.nameZhCn }, locale)} — <Money cents={item.priceCents} />
          {item.pricingModel === 'monthly' ? ` ${t('applications:perMonth', { months })}` : ''}
        </li>
      ))}
    </ul>
  );
}

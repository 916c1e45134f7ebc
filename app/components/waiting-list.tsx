// "Waiting for you" on a home page: each thing waiting with its count and a link to where it is done.
import { useTranslation } from 'react-i18next';
import type { WaitingItem } from '../domain/waiting-work';
import { formatMoney } from '../lib/format';
import { AppLink } from './app-link';

/** Warnings (a count of 1 meaning "yes") show a mark instead of a number. */
const warnings: ReadonlySet<WaitingItem['kind']> = new Set(['budget_low', 'holidays_missing']);

export function WaitingList({ items, id = 'waiting' }: { items: readonly WaitingItem[]; id?: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${id}-title`} className="waiting-work">
      <h2 id={`${id}-title`}>{t('notifications:waiting.title')}</h2>
      {items.length === 0 ? (
        <p>{t('notifications:waiting.nothing')}</p>
      ) : (
        <ul className="key-facts">
          {items.map((item) => {
            const values = {
              count: item.count,
              ...item.values,
              ...(item.values?.remainingCents !== undefined ? { remaining: formatMoney(Number(item.values.remainingCents)) } : {}),
              ...(item.values?.budgetCents !== undefined ? { budget: formatMoney(Number(item.values.budgetCents)) } : {}),
            };
            return (
              <li key={item.kind} data-waiting={item.kind}>
                <strong aria-hidden={warnings.has(item.kind) ? true : undefined}>{warnings.has(item.kind) ? '!' : item.count}</strong>
                <span>
                  {item.href ? (
                    <AppLink to={item.href}>{t(`notifications:waiting.${item.kind}`, values)}</AppLink>
                  ) : (
                    t(`notifications:waiting.${item.kind}`, values)
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

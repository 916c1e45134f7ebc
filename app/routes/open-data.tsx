// Public programme statistics: the dashboard's aggregates with no names, references or single businesses, and every
// group of fewer than 5 applications shown as "fewer than 5".
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { BarChart, BudgetChart, type ChartItem } from '../components/charts';
import { formatDateTime, formatMoney, formatNumber } from '../lib/format';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { openDataSummary, type OpenCell, type OpenGroup } from '../services/dashboard.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'dashboard:openData.title');

export async function loader({ context }: LoaderFunctionArgs) {
  const openData = await openDataSummary({ db: context.db });
  return json({ openData, asAt: new Date().toISOString() });
}

function cellItem(key: string, label: string, cell: OpenCell, text: (value: number) => string, hiddenText: string): ChartItem {
  return cell.suppressed
    ? { key, label, value: null, valueText: hiddenText }
    : { key, label, value: cell.value, valueText: text(cell.value) };
}

function groupItems(
  t: TFunction,
  groups: readonly OpenGroup[],
  labelOf: (key: string) => string,
  pick: (g: OpenGroup) => OpenCell,
  text: (value: number) => string,
  hiddenText: string,
) {
  return groups.map((g) => cellItem(g.key, t(labelOf(g.key)), pick(g), text, hiddenText));
}

export default function OpenData() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { openData, asAt } = useLoaderData<typeof loader>();
  const threshold = openData.threshold;
  const fewer = t('dashboard:openData.fewerThan', { threshold });
  const count = (n: number) => formatNumber(n);
  const days = (n: number) => t('dashboard:days', { count: n, days: formatNumber(n) });
  const show = (cell: OpenCell, text: (value: number) => string) => (cell.suppressed ? fewer : text(cell.value));
  const sector = (key: string) => `common:sectors.${key}`;
  const category = (key: string) => `common:categories.${key}`;
  const { money } = openData;

  const statusItems = openData.byStatus.map((s) => cellItem(s.status, t(`applications:statuses.${s.status}`), s.count, count, fewer));
  const countHeaders = { labelHeader: t('dashboard:table.group'), valueHeader: t('dashboard:table.applications') };
  const daysHeaders = { labelHeader: t('dashboard:table.group'), valueHeader: t('dashboard:table.medianDays') };

  // The budget bar needs every part; with any part hidden it would give the hidden one away by subtraction.
  const { committedCents: committed, approvedCents: approved, paidCents: paid } = money;
  const budgetParts =
    committed.suppressed || approved.suppressed || paid.suppressed
      ? null
      : { budgetCents: money.budgetCents, committedCents: committed.value, approvedCents: approved.value, paidCents: paid.value };

  return (
    <div>
      <h1>{t('dashboard:openData.title')}</h1>
      <p className="lead">{t('dashboard:openData.lead')}</p>
      <p className="hint">{t('dashboard:openData.asAt', { time: formatDateTime(asAt, locale) })}</p>
      <div className="notice">
        <h2 className="notice-title">{t('dashboard:openData.privacyTitle')}</h2>
        <p>{t('dashboard:openData.privacy', { threshold })}</p>
      </div>
      <p>
        <a href="/open-data.csv" download>
          {t('dashboard:openData.downloadCsv')}
        </a>
      </p>

      <ul className="key-facts dashboard-facts">
        <li>
          <strong>{show(openData.total, count)}</strong>
          <span>{t('dashboard:facts.total')}</span>
        </li>
        <li>
          <strong>{formatMoney(money.budgetCents)}</strong>
          <span>{t('dashboard:facts.budget')}</span>
        </li>
        <li>
          <strong>{show(money.committedCents, formatMoney)}</strong>
          <span>{t('dashboard:facts.committed')}</span>
        </li>
        <li>
          <strong>{show(money.approvedCents, formatMoney)}</strong>
          <span>{t('dashboard:facts.approved')}</span>
        </li>
        <li>
          <strong>{show(money.paidCents, formatMoney)}</strong>
          <span>{t('dashboard:facts.paid')}</span>
        </li>
        <li>
          <strong>{show(money.remainingCents, formatMoney)}</strong>
          <span>{t('dashboard:facts.remaining')}</span>
        </li>
        <li>
          <strong>{show(openData.overall.medianDaysToDecision, days)}</strong>
          <span>{t('dashboard:facts.medianDecision')}</span>
        </li>
        <li>
          <strong>{show(openData.overall.medianDaysToPayment, days)}</strong>
          <span>{t('dashboard:facts.medianPayment')}</span>
        </li>
      </ul>

      <h2>{t('dashboard:sections.applications')}</h2>
      <BarChart id="open-status" title={t('dashboard:charts.byStatus')} items={statusItems} tickText={count} {...countHeaders} />
      <div className="chart-pair">
        <BarChart
          id="open-sector"
          title={t('dashboard:charts.bySector')}
          items={groupItems(t, openData.bySector, sector, (g) => g.count, count, fewer)}
          tickText={count}
          {...countHeaders}
        />
        <BarChart
          id="open-category"
          title={t('dashboard:charts.byCategory')}
          items={groupItems(t, openData.byCategory, category, (g) => g.count, count, fewer)}
          tickText={count}
          {...countHeaders}
        />
      </div>

      <h2>{t('dashboard:sections.money')}</h2>
      {budgetParts ? (
        <BudgetChart id="open-budget" parts={budgetParts} locale={locale} />
      ) : (
        <p>{t('dashboard:openData.moneyHidden', { threshold })}</p>
      )}

      <h2>{t('dashboard:sections.times')}</h2>
      <p className="hint">{t('dashboard:calendarDaysNote')}</p>
      <div className="chart-pair">
        <BarChart
          id="open-decision-sector"
          title={t('dashboard:charts.decisionBySector')}
          items={groupItems(t, openData.bySector, sector, (g) => g.medianDaysToDecision, days, fewer)}
          tickText={count}
          {...daysHeaders}
        />
        <BarChart
          id="open-decision-category"
          title={t('dashboard:charts.decisionByCategory')}
          items={groupItems(t, openData.byCategory, category, (g) => g.medianDaysToDecision, days, fewer)}
          tickText={count}
          {...daysHeaders}
        />
        <BarChart
          id="open-payment-sector"
          title={t('dashboard:charts.paymentBySector')}
          items={groupItems(t, openData.bySector, sector, (g) => g.medianDaysToPayment, days, fewer)}
          tickText={count}
          {...daysHeaders}
        />
        <BarChart
          id="open-payment-category"
          title={t('dashboard:charts.paymentByCategory')}
          items={groupItems(t, openData.byCategory, category, (g) => g.medianDaysToPayment, days, fewer)}
          tickText={count}
          {...daysHeaders}
        />
      </div>
    </div>
  );
}

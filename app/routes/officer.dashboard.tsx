// The programme dashboard for officers and admins: applications by status, money against the budget and processing
// times, filtered by sector and category, with the matching queue as CSV.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { BarChart, BudgetChart, type ChartItem } from '../components/charts';
import { categories, sectors } from '../domain/programme';
import { requireRole } from '../services/session.server';
import { formatMoney, formatNumber } from '../lib/format';
import { bracketed } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { cachedDashboard, type GroupStats } from '../services/dashboard.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'dashboard:title');

const filtersSchema = z.object({
  sector: z.enum(sectors).optional().catch(undefined),
  category: z.enum(categories).optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'officer', 'admin');
  const filters = filtersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const dashboard = await cachedDashboard({ db: context.db, filters });
  return json({ dashboard });
}

/** The queue export with the dashboard's filters (the other queue filters keep their defaults). */
function csvHref(filters: { sector?: string; category?: string }): string {
  const params = new URLSearchParams();
  if (filters.sector) params.set('sector', filters.sector);
  if (filters.category) params.set('category', filters.category);
  const query = params.toString();
  return `/officer/export.csv${query ? `?${query}` : ''}`;
}

function medianItems(
  t: TFunction,
  groups: readonly GroupStats[],
  labelOf: (key: string) => string,
  kind: 'decision' | 'payment',
): ChartItem[] {
  return groups.map((group) => {
    const days = kind === 'decision' ? group.medianDaysToDecision : group.medianDaysToPayment;
    const basis = kind === 'decision' ? group.decidedCount : group.paidCount;
    const valueText =
      days === null
        ? t(kind === 'decision' ? 'dashboard:noDecisions' : 'dashboard:noPayments')
        : t(kind === 'decision' ? 'dashboard:basisDecided' : 'dashboard:basisPaid', {
            days: t('dashboard:days', { count: days, days: formatNumber(days) }),
            count: basis,
          });
    return { key: group.key, label: labelOf(group.key), value: days, valueText };
  });
}

export default function Dashboard() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { dashboard } = useLoaderData<typeof loader>();
  const { filters, money } = dashboard;
  const count = (n: number) => formatNumber(n);
  const days = (n: number | null) => (n === null ? '—' : t('dashboard:days', { count: n, days: formatNumber(n) }));
  const sectorLabel = (key: string) => t(`common:sectors.${key}`);
  const categoryLabel = (key: string) => t(`common:categories.${key}`);
  const filtered = Boolean(filters.sector || filters.category);

  const statusItems: ChartItem[] = dashboard.byStatus.map((s) => ({
    key: s.status,
    label: t(`applications:statuses.${s.status}`),
    value: s.count,
    valueText: count(s.count),
  }));
  const countItems = (groups: readonly GroupStats[], labelOf: (key: string) => string): ChartItem[] =>
    groups.map((g) => ({ key: g.key, label: labelOf(g.key), value: g.count, valueText: count(g.count) }));
  const tableHeaders = { labelHeader: t('dashboard:table.group'), valueHeader: t('dashboard:table.applications') };
  const daysHeaders = { labelHeader: t('dashboard:table.group'), valueHeader: t('dashboard:table.medianDays') };
  const noTicks = (n: number) => count(n);

  return (
    <div>
      <h1>{t('dashboard:title')}</h1>
      <p className="lead">{t('dashboard:lead')}</p>
      <p>{t('dashboard:freshness')}</p>
      <Form method="get" className="filters" aria-label={t('dashboard:filters')}>
        <div className="field">
          <label htmlFor="sector">{t('dashboard:sector')}</label>
          <select id="sector" name="sector" defaultValue={filters.sector ?? ''}>
            <option value="">{t('dashboard:allSectors')}</option>
            {sectors.map((s) => (
              <option key={s} value={s}>
                {sectorLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="category">{t('dashboard:category')}</label>
          <select id="category" name="category" defaultValue={filters.category ?? ''}>
            <option value="">{t('dashboard:allCategories')}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('dashboard:showButton')}
        </button>
        {filtered ? <AppLink to="/officer/dashboard">{t('dashboard:clearFilters')}</AppLink> : null}
      </Form>
      <div className="actions-row">
        <a href={csvHref(filters)} className="button button--secondary" download>
          {t('dashboard:downloadCsv')}
        </a>
        <span className="hint">{t('dashboard:downloadCsvHint')}</span>
      </div>

      <ul className="key-facts dashboard-facts">
        <li>
          <strong>{count(dashboard.total)}</strong>
          <span>{t('dashboard:facts.total')}</span>
        </li>
        <li>
          <strong>{formatMoney(money.committedCents)}</strong>
          <span>{t('dashboard:facts.committed')}</span>
        </li>
        <li>
          <strong>{formatMoney(money.approvedCents)}</strong>
          <span>{t('dashboard:facts.approved')}</span>
        </li>
        <li>
          <strong>{formatMoney(money.paidCents)}</strong>
          <span>{t('dashboard:facts.paid')}</span>
        </li>
        <li>
          <strong>{formatMoney(money.remainingCents)}</strong>
          <span>
            {t('dashboard:facts.remaining')}
            {bracketed(`${t('dashboard:facts.budget')} ${formatMoney(money.budgetCents)}`, locale)}
          </span>
        </li>
        <li>
          <strong>{days(dashboard.overall.medianDaysToDecision)}</strong>
          <span>{t('dashboard:facts.medianDecision')}</span>
        </li>
        <li>
          <strong>{days(dashboard.overall.medianDaysToPayment)}</strong>
          <span>{t('dashboard:facts.medianPayment')}</span>
        </li>
      </ul>
      {filtered ? <p className="hint">{t('dashboard:wholeProgramme')}</p> : null}

      <h2>{t('dashboard:sections.applications')}</h2>
      <BarChart id="chart-status" title={t('dashboard:charts.byStatus')} items={statusItems} tickText={noTicks} {...tableHeaders} />
      <div className="chart-pair">
        <BarChart
          id="chart-sector"
          title={t('dashboard:charts.bySector')}
          items={countItems(dashboard.bySector, sectorLabel)}
          tickText={noTicks}
          {...tableHeaders}
        />
        <BarChart
          id="chart-category"
          title={t('dashboard:charts.byCategory')}
          items={countItems(dashboard.byCategory, categoryLabel)}
          tickText={noTicks}
          {...tableHeaders}
        />
      </div>

      <h2>{t('dashboard:sections.money')}</h2>
      <BudgetChart id="chart-budget" parts={money} freeLabel={filtered ? t('dashboard:segments.rest') : undefined} locale={locale} />

      <h2>{t('dashboard:sections.times')}</h2>
      <p className="hint">{t('dashboard:calendarDaysNote')}</p>
      <div className="chart-pair">
        <BarChart
          id="chart-decision-sector"
          title={t('dashboard:charts.decisionBySector')}
          items={medianItems(t, dashboard.bySector, sectorLabel, 'decision')}
          tickText={noTicks}
          {...daysHeaders}
        />
        <BarChart
          id="chart-decision-category"
          title={t('dashboard:charts.decisionByCategory')}
          items={medianItems(t, dashboard.byCategory, categoryLabel, 'decision')}
          tickText={noTicks}
          {...daysHeaders}
        />
        <BarChart
          id="chart-payment-sector"
          title={t('dashboard:charts.paymentBySector')}
          items={medianItems(t, dashboard.bySector, sectorLabel, 'payment')}
          tickText={noTicks}
          {...daysHeaders}
        />
        <BarChart
          id="chart-payment-category"
          title={t('dashboard:charts.paymentByCategory')}
          items={medianItems(t, dashboard.byCategory, categoryLabel, 'payment')}
          tickText={noTicks}
          {...daysHeaders}
        />
      </div>
    </div>
  );
}

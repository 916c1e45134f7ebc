// The vetting queue: package versions waiting for an officer, oldest first, each linking to its vetting page.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PriceLine } from '../components/money';
import { requireRole } from '../services/session.server';
import { formatDate } from '../lib/format';
import { pickText } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { getCurrentSettings } from '../services/settings.server';
import { pagePendingVersions } from '../services/listings.server';
import { Pagination } from '../components/pagination';
import { pageNumber } from '../lib/pagination';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'vetting:queueTitle');

const searchSchema = z.object({
  done: z.enum(['approve', 'return', 'reject']).optional().catch(undefined),
  page: pageNumber(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'officer');
  const { done, page } = searchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [result, settings] = await Promise.all([pagePendingVersions({ db: context.db, page }), getCurrentSettings(context.db)]);
  return json({ ...result, done: done ?? null, months: settings.maxSubscriptionMonths });
}

export default function VettingQueue() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { rows, done, months, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t('vetting:queueTitle')}</h1>
      {done ? (
        <div className="notice notice--success" role="status">
          {t(`vetting:done.${done}`)}
        </div>
      ) : null}
      <p className="lead">{t('vetting:queueLead')}</p>
      {rows.length === 0 ? (
        <p>{t('vetting:queueEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table--reflow">
            <thead>
              <tr>
                <th scope="col">{t('vetting:col.package')}</th>
                <th scope="col">{t('vetting:col.vendor')}</th>
                <th scope="col">{t('vetting:col.kind')}</th>
                <th scope="col">{t('vetting:col.category')}</th>
                <th scope="col">{t('vetting:col.sector')}</th>
                <th scope="col">{t('vetting:col.price')}</th>
                <th scope="col">{t('vetting:col.submittedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td data-label={t('vetting:col.package')}>
                    {/* The service has no Simplified name for the queue; the Traditional one stands in for it. */}
                    <AppLink to={`/officer/listings/${row.id}`}>
                      {pickText({ en: row.nameEn, zhHK: row.nameZhHk, zhCN: row.nameZhHk }, locale)}
                    </AppLink>
                  </td>
                  <td data-label={t('vetting:col.vendor')}>
                    {pickText({ en: row.vendorNameEn, zhHK: row.vendorNameZhHk, zhCN: row.vendorNameZhHk }, locale)}
                  </td>
                  <td data-label={t('vetting:col.kind')}>
                    <span className={row.listedVersionId ? 'tag' : 'tag tag--muted'}>
                      {row.listedVersionId ? t('vetting:kind.update', { version: row.version }) : t('vetting:kind.new')}
                    </span>
                  </td>
                  <td data-label={t('vetting:col.category')}>{t(`common:categories.${row.category}`)}</td>
                  <td data-label={t('vetting:col.sector')}>{t(`common:sectors.${row.sector}`)}</td>
                  <td data-label={t('vetting:col.price')}>
                    <PriceLine
                      pricingModel={row.pricingModel}
                      priceCents={row.priceCents}
                      months={months}
                      contractMonths={row.minContractMonths}
                    />
                  </td>
                  <td data-label={t('vetting:col.submittedOn')}>{row.submittedAt ? formatDate(row.submittedAt, locale) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}

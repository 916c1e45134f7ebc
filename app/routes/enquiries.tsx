// The shop owner's enquiries: sent, confirmed with a quotation (then apply), or declined.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { MatchReasonNote } from '../components/match-set';
import { Money } from '../components/money';
import { Pagination } from '../components/pagination';
import { requireRole } from '../services/session.server';
import { formatDate } from '../lib/format';
import { pickText, withGap } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { listApplicantEnquiries } from '../services/enquiries.server';
import { readPage } from '../lib/pagination';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'enquiries:title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const page = readPage(request);
  return json(await listApplicantEnquiries({ db: context.db, userId: user.id, page }));
}

export default function Enquiries() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  // After "Start with this set" on the matcher's results: how many were sent, how many left out (counts only).
  const count = (name: string) => {
    const value = params.get(name);
    return value !== null && /^\d{1,3}$/.test(value) ? Number(value) : null;
  };
  const matched = count('matched');
  const skipped = count('skipped');
  return (
    <div>
      <h1>{t('enquiries:title')}</h1>
      {params.get('sent') ? (
        <div className="notice notice--success" role="status">
          {t('enquiries:sentNotice')}
        </div>
      ) : null}
      {matched !== null ? (
        <div className="notice notice--success" role="status">
          <p>{t('match:sent.created', { count: matched })}</p>
          {skipped ? <p>{t('match:sent.skipped', { count: skipped })}</p> : null}
          <p>{t('enquiries:sentNotice')}</p>
        </div>
      ) : null}
      {data.rows.length === 0 ? (
        <p>
          {withGap(t('enquiries:none'))}
          <AppLink to="/solutions">{t('auth:browseCatalogue')}</AppLink>
        </p>
      ) : (
        <table className="table table--reflow">
          <thead>
            <tr>
              <th scope="col">{t('catalogue:package')}</th>
              <th scope="col">{t('enquiries:business')}</th>
              <th scope="col">{t('enquiries:sentOn')}</th>
              <th scope="col">{t('enquiries:status')}</th>
              <th scope="col">{t('enquiries:quotation')}</th>
              <th scope="col">{t('enquiries:next')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.id}>
                <td data-label={t('catalogue:package')}>
                  <AppLink to={`/solutions/${row.solutionId}`}>
                    {pickText({ en: row.nameEn, zhHK: row.nameZhHk, zhCN: row.nameZhCn }, locale)}
                  </AppLink>
                  <MatchReasonNote reason={row.matchReason} audience="owner" />
                </td>
                <td data-label={t('enquiries:business')}>{locale === 'en' ? row.enterpriseNameEn : row.enterpriseNameZh}</td>
                <td data-label={t('enquiries:sentOn')}>{formatDate(row.createdAt, locale)}</td>
                <td data-label={t('enquiries:status')}>
                  {t(`enquiries:statuses.${row.status}`)}
                  {row.status === 'declined' && row.declineReason ? (
                    <>
                      <br />
                      <span className="hint">
                        {t(`enquiries:declineReasons.${row.declineReason}`, { defaultValue: row.declineReason })}
                      </span>
                    </>
                  ) : null}
                </td>
                <td data-label={t('enquiries:quotation')}>
                  {row.eligibleCostCents !== null ? <Money cents={row.eligibleCostCents} /> : '—'}
                </td>
                <td data-label={t('enquiries:next')}>
                  {row.applicationReference ? (
                    <AppLink to={`/applications/${row.applicationReference}`}>{row.applicationReference}</AppLink>
                  ) : row.quotationId ? (
                    <AppLink to={`/applications/new?quotation=${row.quotationId}`} className="button button--small">
                      {t('enquiries:applyButton')}
                    </AppLink>
                  ) : (
                    t('enquiries:waiting')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}

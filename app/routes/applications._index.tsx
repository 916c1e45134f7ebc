// "My applications": status, amounts and reference of every application of the user's businesses.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Money } from '../components/money';
import { Pagination } from '../components/pagination';
import { requireRole } from '../services/session.server';
import { formatDate } from '../lib/format';
import { pickText, withGap } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { listApplicantApplications } from '../services/applications.server';
import { readPage } from '../lib/pagination';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'applications:listTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const page = readPage(request);
  return json(await listApplicantApplications({ db: context.db, userId: user.id, page }));
}

export default function Applications() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t('applications:listTitle')}</h1>
      {data.rows.length === 0 ? (
        <p>
          {withGap(t('applications:none'))}
          <AppLink to="/enquiries">{t('enquiries:title')}</AppLink>
        </p>
      ) : (
        <table className="table table--reflow">
          <thead>
            <tr>
              <th scope="col">{t('applications:reference')}</th>
              <th scope="col">{t('catalogue:package')}</th>
              <th scope="col">{t('enquiries:business')}</th>
              <th scope="col">{t('applications:status')}</th>
              <th scope="col">{t('catalogue:programmePays')}</th>
              <th scope="col">{t('catalogue:youPay')}</th>
              <th scope="col">{t('applications:submittedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.reference}>
                <td data-label={t('applications:reference')}>
                  <AppLink to={`/applications/${row.reference}`}>{row.reference}</AppLink>
                </td>
                <td data-label={t('catalogue:package')}>{pickText({ en: row.nameEn, zhHK: row.nameZhHk, zhCN: row.nameZhCn }, locale)}</td>
                <td data-label={t('enquiries:business')}>{locale === 'en' ? row.legalNameEn : row.legalNameZh}</td>
                <td data-label={t('applications:status')}>{t(`applications:statuses.${row.status}`)}</td>
                <td data-label={t('catalogue:programmePays')}>{row.status === 'draft' ? '—' : <Money cents={row.programmeCents} />}</td>
                <td data-label={t('catalogue:youPay')}>{row.status === 'draft' ? '—' : <Money cents={row.shopCents} />}</td>
                <td data-label={t('applications:submittedOn')}>{row.submittedAt ? formatDate(row.submittedAt, locale) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}

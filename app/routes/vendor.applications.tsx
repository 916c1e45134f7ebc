// Applications that chose this vendor's packages: reference, package, status and amounts only.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Money } from '../components/money';
import { Pagination } from '../components/pagination';
import { requireRole } from '../lib/auth.server';
import { formatDate } from '../lib/format';
import { pickText } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { listVendorApplications } from '../services/vendors.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'vendor:applicationsTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'vendor');
  const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(new URL(request.url).searchParams.get('page'));
  return json(await listVendorApplications({ db: context.db, userId: user.id, page }));
}

export default function VendorApplications() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/vendor">{t('common:vendorHome.title')}</Link>
      </p>
      <h1>{t('vendor:applicationsTitle')}</h1>
      <p className="hint">{t('vendor:applicationsPrivacy')}</p>
      {data.rows.length === 0 ? (
        <p>{t('vendor:noApplications')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('applications:reference')}</th>
              <th scope="col">{t('catalogue:package')}</th>
              <th scope="col">{t('applications:status')}</th>
              <th scope="col">{t('catalogue:eligibleCost')}</th>
              <th scope="col">{t('catalogue:programmePays')}</th>
              <th scope="col">{t('applications:submittedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.reference}>
                <td>{row.reference}</td>
                <td>{pickText({ en: row.nameEn, zhHK: row.nameZhHk, zhCN: row.nameZhCn }, locale)}</td>
                <td>{t(`applications:statuses.${row.status}`)}</td>
                <td>
                  <Money cents={row.costCents} />
                </td>
                <td>
                  <Money cents={row.programmeCents} />
                </td>
                <td>{row.submittedAt ? formatDate(row.submittedAt, locale) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}

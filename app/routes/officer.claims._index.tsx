// Claims work for officers: claims to check, approved claims to prepare for payment, payments to release.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Money } from '../components/money';
import { requireRole } from '../lib/auth.server';
import { formatDate } from '../lib/format';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { listClaimsQueue } from '../services/claims.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'claims:queueTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const officer = await requireRole(request, context, 'officer');
  return json(await listClaimsQueue({ db: context.db, officerId: officer.id }));
}

type Row = { reference: string; programmeCents: number; updatedAt: string; legalNameEn: string; legalNameZh: string; preparedByName?: string | null; mine?: boolean };

function ClaimTable({ rows, caption, showPreparer = false }: { rows: Row[]; caption: string; showPreparer?: boolean }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  return (
    <section>
      <h2>{caption}</h2>
      {rows.length === 0 ? (
        <p>{t('claims:none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('applications:reference')}</th>
              <th scope="col">{t('enquiries:business')}</th>
              <th scope="col">{t('catalogue:programmePays')}</th>
              <th scope="col">{t('claims:since')}</th>
              {showPreparer ? <th scope="col">{t('claims:preparedBy')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.reference}>
                <td>
                  <Link to={`/officer/claims/${row.reference}`}>{row.reference}</Link>
                </td>
                <td>{locale === 'en' ? row.legalNameEn : row.legalNameZh}</td>
                <td>
                  <Money cents={row.programmeCents} />
                </td>
                <td>{formatDate(row.updatedAt, locale)}</td>
                {showPreparer ? (
                  <td>
                    {row.preparedByName}
                    {row.mine ? <span className="hint"> — {t('claims:preparedByYou')}</span> : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default function ClaimsQueue() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div>
      <h1>{t('claims:queueTitle')}</h1>
      {params.get('done') ? (
        <div className="notice notice--success" role="status">
          {t(`claims:done.${params.get('done')}`, { defaultValue: t('claims:done.saved') })}
        </div>
      ) : null}
      <ClaimTable rows={data.toCheck} caption={t('claims:toCheck')} />
      <ClaimTable rows={data.toPrepare} caption={t('claims:toPrepare')} />
      <ClaimTable rows={data.toRelease} caption={t('claims:toRelease')} showPreparer />
    </div>
  );
}

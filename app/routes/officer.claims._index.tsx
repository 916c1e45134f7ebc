// Claims work for officers: claims to check, approved claims to prepare for payment, payments to release — each list
// paged on its own.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Money } from '../components/money';
import { Pagination } from '../components/pagination';
import { requireRole } from '../services/session.server';
import { formatDate } from '../lib/format';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { claimLists, listClaims, type ClaimList } from '../services/claims.server';
import { readPage } from '../lib/pagination';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'claims:queueTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const officer = await requireRole(request, context, 'officer');
  const lists = await Promise.all(
    claimLists.map(async (list) => ({
      list,
      ...(await listClaims({ db: context.db, officerId: officer.id, list, page: readPage(request, { name: `${list}Page` }) })),
    })),
  );
  return json({ lists });
}

const captions: Record<ClaimList, string> = { check: 'claims:toCheck', prepare: 'claims:toPrepare', release: 'claims:toRelease' };

export default function ClaimsQueue() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { lists } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div>
      <h1>{t('claims:queueTitle')}</h1>
      {params.get('done') ? (
        <div className="notice notice--success" role="status">
          {t(`claims:done.${params.get('done')}`, { defaultValue: t('claims:done.saved') })}
        </div>
      ) : null}
      {lists.map((data) => (
        <section key={data.list}>
          <h2>{t(captions[data.list])}</h2>
          {data.rows.length === 0 ? (
            <p>{t('claims:none')}</p>
          ) : (
            <table className="table table--reflow">
              <thead>
                <tr>
                  <th scope="col">{t('applications:reference')}</th>
                  <th scope="col">{t('enquiries:business')}</th>
                  <th scope="col">{t('catalogue:programmePays')}</th>
                  <th scope="col">{t('claims:since')}</th>
                  {data.list === 'release' ? <th scope="col">{t('claims:preparedBy')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row.reference}>
                    <td data-label={t('applications:reference')}>
                      <AppLink to={`/officer/claims/${row.reference}`}>{row.reference}</AppLink>
                    </td>
                    <td data-label={t('enquiries:business')}>{locale === 'en' ? row.legalNameEn : row.legalNameZh}</td>
                    <td data-label={t('catalogue:programmePays')}>
                      <Money cents={row.programmeCents} />
                    </td>
                    <td data-label={t('claims:since')}>{formatDate(row.updatedAt, locale)}</td>
                    {data.list === 'release' ? (
                      <td data-label={t('claims:preparedBy')}>
                        {row.preparedByName}
                        {row.mine ? <span className="hint"> — {t('claims:preparedByYou')}</span> : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pagination page={data.page} pageCount={data.pageCount} param={`${data.list}Page`} />
        </section>
      ))}
    </div>
  );
}

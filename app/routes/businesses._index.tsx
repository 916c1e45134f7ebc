// The shop owner's businesses.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireRole } from '../services/session.server';
import { businessNames } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { listEnterprises } from '../services/enterprises.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'business:listTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  return json({ enterprises: await listEnterprises({ db: context.db, userId: user.id }) });
}

export default function Businesses() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { enterprises } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div>
      <h1>{t('business:listTitle')}</h1>
      {params.get('saved') ? (
        <div className="notice notice--success" role="status">
          {t('business:saved')}
        </div>
      ) : null}
      {enterprises.length === 0 ? (
        <p>{t('business:none')}</p>
      ) : (
        <table className="table table--reflow">
          <thead>
            <tr>
              <th scope="col">{t('business:legalName')}</th>
              <th scope="col">{t('business:registration')}</th>
              <th scope="col">{t('business:sector')}</th>
              <th scope="col">{t('business:actions')}</th>
            </tr>
          </thead>
          <tbody>
            {enterprises.map((enterprise) => (
              <tr key={enterprise.id}>
                <td data-label={t('business:legalName')}>
                  {businessNames({ en: enterprise.legalNameEn, zh: enterprise.legalNameZh }, locale).map((name, index) =>
                    index === 0 ? (
                      <AppLink key={index} to={`/businesses/${enterprise.id}`}>
                        {name}
                      </AppLink>
                    ) : (
                      <span key={index}>
                        <br />
                        {name}
                      </span>
                    ),
                  )}
                </td>
                <td data-label={t('business:registration')}>
                  {enterprise.registrationType === 'br'
                    ? t('business:brShort', { number: enterprise.brNumber })
                    : t('business:hawkerShort', { number: enterprise.hawkerLicenceNo })}
                </td>
                <td data-label={t('business:sector')}>{t(`common:sectors.${enterprise.sector}`)}</td>
                <td data-label={t('business:actions')}>
                  <AppLink to={`/businesses/${enterprise.id}/eligibility`}>{t('business:checkEligibility')}</AppLink>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <AppLink to="/businesses/new" className="button">
          {t('business:addButton')}
        </AppLink>
      </p>
    </div>
  );
}

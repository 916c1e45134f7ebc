// The vendor's packages and where each stands: listed, waiting for vetting, sent back, not approved, delisted.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PriceLine } from '../components/money';
import { requireRole } from '../services/session.server';
import { pickText } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { getCurrentSettings } from '../services/settings.server';
import { getVendorForUser, listVendorSolutions } from '../services/vendors.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'vendor:listingsTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'vendor');
  const vendor = await getVendorForUser({ db: context.db, userId: user.id });
  const solutions = vendor ? await listVendorSolutions({ db: context.db, vendorId: vendor.id }) : [];
  const settings = await getCurrentSettings(context.db);
  return json({ enrolled: vendor?.status === 'enrolled', solutions, months: settings.maxSubscriptionMonths });
}

export default function VendorListings() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { enrolled, solutions, months } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div>
      <p>
        <AppLink to="/vendor">{t('common:vendorHome.title')}</AppLink>
      </p>
      <h1>{t('vendor:listingsTitle')}</h1>
      {params.get('done') ? (
        <div className="notice notice--success" role="status">
          {t(`vendor:done.${params.get('done')}`, { defaultValue: t('vendor:done.saved') })}
        </div>
      ) : null}
      {!enrolled ? <p className="notice">{t('vendor:mustEnrol')}</p> : null}
      {solutions.length === 0 ? (
        <p>{t('vendor:noListings')}</p>
      ) : (
        <table className="table table--reflow">
          <thead>
            <tr>
              <th scope="col">{t('catalogue:package')}</th>
              <th scope="col">{t('catalogue:category')}</th>
              <th scope="col">{t('catalogue:sector')}</th>
              <th scope="col">{t('catalogue:price')}</th>
              <th scope="col">{t('vendor:catalogueState')}</th>
              <th scope="col">{t('vendor:changeState')}</th>
            </tr>
          </thead>
          <tbody>
            {solutions.map((s) => {
              const name = s.nameEn
                ? pickText({ en: s.nameEn, zhHK: s.nameZhHk ?? '', zhCN: s.nameZhCn ?? '' }, locale)
                : pickText({ en: s.openNameEn ?? '', zhHK: s.openNameZhHk ?? '', zhCN: s.openNameZhCn ?? '' }, locale);
              return (
                <tr key={s.id}>
                  <td data-label={t('catalogue:package')}>
                    <AppLink to={`/vendor/listings/${s.id}`}>{name}</AppLink>
                  </td>
                  <td data-label={t('catalogue:category')}>{t(`common:categories.${s.category}`)}</td>
                  <td data-label={t('catalogue:sector')}>{t(`common:sectors.${s.sector}`)}</td>
                  <td data-label={t('catalogue:price')}>
                    {s.pricingModel && s.priceCents ? (
                      <PriceLine
                        pricingModel={s.pricingModel}
                        priceCents={s.priceCents}
                        months={months}
                        contractMonths={s.minContractMonths}
                      />
                    ) : (
                      '—'
                    )}
                  </td>
                  <td data-label={t('vendor:catalogueState')}>{t(`common:solutionStatus.${s.status}`)}</td>
                  <td data-label={t('vendor:changeState')}>
                    {s.openVersionStatus ? t(`vendor:versionStatus.${s.openVersionStatus}`) : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {enrolled ? (
        <p>
          <AppLink to="/vendor/listings/new" className="button">
            {t('vendor:newListing')}
          </AppLink>
        </p>
      ) : null}
    </div>
  );
}

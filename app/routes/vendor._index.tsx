// The vendor's home: their enrolment and the packages they have listed.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PriceLine } from '../components/money';
import { requireRole } from '../lib/auth.server';
import { pickText } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { fundingRules, getCurrentSettings } from '../services/catalogue.server';
import { getVendorForUser, listVendorSolutions } from '../services/vendors.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'common:vendorHome.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'vendor');
  const vendor = await getVendorForUser({ db: context.db, userId: user.id });
  const solutions = vendor ? await listVendorSolutions({ db: context.db, vendorId: vendor.id }) : [];
  const rules = fundingRules(await getCurrentSettings(context.db));
  return json({ vendor, solutions, months: rules.maxSubscriptionMonths });
}

export default function VendorHome() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { vendor, solutions, months } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>{t('common:vendorHome.title')}</h1>
      {!vendor ? (
        <p>{t('common:vendorHome.notEnrolled')}</p>
      ) : (
        <>
          <dl className="summary-list">
            <div>
              <dt>{t('common:vendorHome.company')}</dt>
              <dd>{pickText({ en: vendor.nameEn, zhHK: vendor.nameZhHk, zhCN: vendor.nameZhCn }, locale)}</dd>
            </div>
            <div>
              <dt>{t('common:vendorHome.brNumber')}</dt>
              <dd>{vendor.brNumber}</dd>
            </div>
            <div>
              <dt>{t('common:vendorHome.status')}</dt>
              <dd>{t(`common:vendorStatus.${vendor.status}`)}</dd>
            </div>
          </dl>
          <h2>{t('common:vendorHome.listings')}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('catalogue:package')}</th>
                <th scope="col">{t('catalogue:category')}</th>
                <th scope="col">{t('catalogue:sector')}</th>
                <th scope="col">{t('catalogue:price')}</th>
                <th scope="col">{t('common:vendorHome.status')}</th>
              </tr>
            </thead>
            <tbody>
              {solutions.map((s) => (
                <tr key={s.id}>
                  <td>
                    {s.status === 'listed' ? (
                      <Link to={`/solutions/${s.id}`}>{pickText({ en: s.nameEn ?? '', zhHK: s.nameZhHk ?? '', zhCN: s.nameZhCn ?? '' }, locale)}</Link>
                    ) : (
                      pickText({ en: s.nameEn ?? '', zhHK: s.nameZhHk ?? '', zhCN: s.nameZhCn ?? '' }, locale)
                    )}
                  </td>
                  <td>{t(`common:categories.${s.category}`)}</td>
                  <td>{t(`common:sectors.${s.sector}`)}</td>
                  <td>{s.pricingModel && s.priceCents ? <PriceLine pricingModel={s.pricingModel} priceCents={s.priceCents} months={months} /> : null}</td>
                  <td>{t(`common:solutionStatus.${s.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

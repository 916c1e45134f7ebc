// What the shop gets: the basic package's price, contract, deployment and vendor, and the optional features.
import type { SerializeFrom } from '@remix-run/node';
import { useTranslation } from 'react-i18next';
import { Money, PriceLine } from '../../components/money';
import { pickText } from '../../lib/i18n';
import { useRootData } from '../../lib/root-data';
import type { loader } from './route';

export function PackageDetails({ data }: { data: SerializeFrom<typeof loader> }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { solution } = data;
  return (
    <>
      <h2 id="package-heading">{t('catalogue:basicPackage')}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t('catalogue:price')}</dt>
          <dd>
            <PriceLine
              pricingModel={solution.pricingModel}
              priceCents={solution.priceCents}
              months={data.months}
              contractMonths={solution.minContractMonths}
            />
          </dd>
        </div>
        {solution.pricingModel === 'monthly' && solution.minContractMonths !== null ? (
          <div>
            <dt>{t('catalogue:minContract')}</dt>
            <dd>{t('catalogue:minContractValue', { count: solution.minContractMonths, counted: data.countedMonths })}</dd>
          </div>
        ) : null}
        {solution.pricingModel === 'monthly' ? (
          <div>
            <dt>{t('catalogue:subscriptionTotal', { months: data.countedMonths })}</dt>
            <dd>
              <Money cents={data.basicCostCents} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('catalogue:deployment')}</dt>
          <dd>{t('catalogue:deploymentDays', { count: solution.deploymentDays })}</dd>
        </div>
        <div>
          <dt>{t('catalogue:vendor')}</dt>
          <dd>
            {pickText(solution.vendor.name, locale)}
            <br />
            {solution.vendor.phone} · {solution.vendor.contactEmail}
          </dd>
        </div>
      </dl>

      <h2>{t('catalogue:optionalFeatures')}</h2>
      {solution.features.length === 0 ? (
        <p>{t('catalogue:noFeatures')}</p>
      ) : (
        <table className="table table--reflow">
          <thead>
            <tr>
              <th scope="col">{t('catalogue:feature')}</th>
              <th scope="col">{t('catalogue:price')}</th>
            </tr>
          </thead>
          <tbody>
            {solution.features.map((feature) => (
              <tr key={feature.id}>
                <td data-label={t('catalogue:feature')}>{pickText(feature.name, locale)}</td>
                <td data-label={t('catalogue:price')}>
                  <PriceLine
                    pricingModel={feature.pricingModel}
                    priceCents={feature.priceCents}
                    months={data.months}
                    contractMonths={feature.minContractMonths}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

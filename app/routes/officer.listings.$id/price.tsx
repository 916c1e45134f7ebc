// The price as listed and its features, beside the eligible cost against the ceiling and the category's median.
import type { SerializeFrom } from '@remix-run/node';
import { useTranslation } from 'react-i18next';
import { Money, PriceLine } from '../../components/money';
import { formatMoney, formatSignedPercentFromBps } from '../../lib/format';
import type { loader } from './route';
import { TextOrNotGiven } from './texts';

export function VettingPrice({ data }: { data: SerializeFrom<typeof loader> }) {
  const { t } = useTranslation();
  const { detail, months } = data;
  return (
    <div className="two-columns">
      <section>
        <h2>{t('vetting:priceTitle')}</h2>
        <dl className="summary-list">
          <div>
            <dt>{t('vetting:basicPackage')}</dt>
            <dd>
              <PriceLine
                pricingModel={detail.pricingModel}
                priceCents={detail.priceCents}
                months={months}
                contractMonths={detail.minContractMonths}
              />
            </dd>
          </div>
          <div>
            <dt>{t('vetting:deployment')}</dt>
            <dd>{t('vetting:deploymentDays', { count: detail.deploymentDays })}</dd>
          </div>
        </dl>
        <h3>{t('vetting:featuresTitle')}</h3>
        {detail.features.length === 0 ? (
          <p>{t('vetting:noFeatures')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table table--reflow">
              <thead>
                <tr>
                  <th scope="col" lang="en">
                    {t('vetting:languages.en')}
                  </th>
                  <th scope="col">{t('vetting:languages.zhHK')}</th>
                  <th scope="col">{t('vetting:languages.zhCN')}</th>
                  <th scope="col">{t('vetting:featurePrice')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.features.map((feature) => (
                  <tr key={feature.id}>
                    <td data-label={t('vetting:languages.en')} lang="en">
                      <TextOrNotGiven value={feature.nameEn} />
                    </td>
                    <td data-label={t('vetting:languages.zhHK')} lang="zh-HK">
                      <TextOrNotGiven value={feature.nameZhHk} />
                    </td>
                    <td data-label={t('vetting:languages.zhCN')} lang="zh-CN">
                      <TextOrNotGiven value={feature.nameZhCn} />
                    </td>
                    <td data-label={t('vetting:featurePrice')}>
                      <PriceLine
                        pricingModel={feature.pricingModel}
                        priceCents={feature.priceCents}
                        months={months}
                        contractMonths={feature.minContractMonths}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel">
        <h2>{t('vetting:costTitle')}</h2>
        <dl className="split">
          <div>
            <dt>{t('vetting:eligibleCost')}</dt>
            <dd>
              <Money cents={data.costCents} />
            </dd>
          </div>
          <div>
            <dt>{t('vetting:ceiling')}</dt>
            <dd>
              <Money cents={data.ceilingCents} />
            </dd>
          </div>
          {data.categoryMedianCents !== null ? (
            <>
              <div>
                <dt>{t('vetting:categoryMedian')}</dt>
                <dd>
                  <Money cents={data.categoryMedianCents} />
                </dd>
              </div>
              <div>
                <dt>{t('vetting:diffFromMedian')}</dt>
                <dd>{data.signals.diffFromMedianBps !== null ? formatSignedPercentFromBps(data.signals.diffFromMedianBps) : '—'}</dd>
              </div>
            </>
          ) : null}
        </dl>
        {data.categoryMedianCents === null ? <p>{t('vetting:noMedian')}</p> : null}
        {data.signals.nearCeiling || data.signals.wellAboveMedian ? (
          <ul className="vetting-flags">
            {data.signals.nearCeiling ? (
              <li className="flag">{t('vetting:flags.nearCeiling', { ceiling: formatMoney(data.ceilingCents) })}</li>
            ) : null}
            {data.signals.wellAboveMedian ? <li className="flag">{t('vetting:flags.wellAboveMedian')}</li> : null}
          </ul>
        ) : (
          <p>{t('vetting:noFlags')}</p>
        )}
      </section>
    </div>
  );
}

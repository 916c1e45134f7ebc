// What a pending version changes from the listed one (or that it is a new package).
import type { SerializeFrom } from '@remix-run/node';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PriceLine } from '../../components/money';
import type { loader } from './route';
import { FeatureList, TextOrNotGiven, type Feature } from './texts';

function featureKey(features: readonly Feature[]): string {
  return JSON.stringify(features.map((f) => [f.nameEn, f.nameZhHk, f.nameZhCn, f.pricingModel, f.priceCents, f.minContractMonths]));
}

function ChangeRow({ label, listed, proposed, changed }: { label: string; listed: ReactNode; proposed: ReactNode; changed: boolean }) {
  const { t } = useTranslation();
  return (
    <tr className={changed ? 'row--changed' : undefined}>
      <th scope="row">{label}</th>
      <td>{listed}</td>
      <td>{proposed}</td>
      <td>{changed ? <strong className="flag">{t('vetting:changed')}</strong> : t('vetting:unchanged')}</td>
    </tr>
  );
}

export function VettingChanges({ data }: { data: SerializeFrom<typeof loader> }) {
  const { t } = useTranslation();
  const { detail, listed, months } = data;
  if (!listed) {
    return (
      <section>
        <h2>{t('vetting:changesTitleNew')}</h2>
        <p>{t('vetting:changesNewPackage')}</p>
      </section>
    );
  }
  const price = (v: typeof detail | typeof listed) => (
    <PriceLine pricingModel={v.pricingModel} priceCents={v.priceCents} months={months} contractMonths={v.minContractMonths} />
  );
  const text = (key: 'nameEn' | 'nameZhHk' | 'nameZhCn') => ({
    key,
    changed: listed[key] !== detail[key],
    listed: <TextOrNotGiven value={listed[key]} />,
    proposed: <TextOrNotGiven value={detail[key]} />,
  });
  const changes = [
    {
      key: 'price',
      changed:
        listed.pricingModel !== detail.pricingModel ||
        listed.priceCents !== detail.priceCents ||
        listed.minContractMonths !== detail.minContractMonths,
      listed: price(listed),
      proposed: price(detail),
    },
    {
      key: 'deploymentDays',
      changed: listed.deploymentDays !== detail.deploymentDays,
      listed: listed.deploymentDays,
      proposed: detail.deploymentDays,
    },
    text('nameEn'),
    text('nameZhHk'),
    text('nameZhCn'),
    {
      key: 'features',
      changed: featureKey(listed.features) !== featureKey(detail.features),
      listed: <FeatureList features={listed.features} months={months} />,
      proposed: <FeatureList features={detail.features} months={months} />,
    },
  ];
  return (
    <section>
      <h2>{t('vetting:changesTitle', { version: listed.version })}</h2>
      {changes.some((change) => change.changed) ? null : <p>{t('vetting:changesNone')}</p>}
      <div className="table-scroll">
        <table className="table table--reflow">
          <thead>
            <tr>
              <th scope="col">{t('vetting:changeCol.item')}</th>
              <th scope="col">{t('vetting:changeCol.listed')}</th>
              <th scope="col">{t('vetting:changeCol.proposed')}</th>
              <th scope="col">{t('vetting:changeCol.changed')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <ChangeRow
                key={change.key}
                label={t(`vetting:change.${change.key}`)}
                listed={change.listed}
                proposed={change.proposed}
                changed={change.changed}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

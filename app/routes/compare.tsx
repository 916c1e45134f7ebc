// Up to three packages side by side, with the same split the calculator gives.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Money, PriceLine } from '../components/money';
import { packageSplit } from '../domain/funding';
import { COMPARE_MAX } from '../lib/catalogue';
import { pickText } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { idSchema } from '../lib/validation';
import { fundingRules, getListedSolutions } from '../services/catalogue.server';
import { getCurrentSettings } from '../services/settings.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'catalogue:compareTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // Accept ?ids=1&ids=2 (the catalogue's form) and ?ids=1,2 (a shared link).
  const raw = url.searchParams
    .getAll('ids')
    .flatMap((value) => value.split(','))
    .slice(0, 20);
  // One bad id in a shared link is dropped; the others are still compared.
  const ids = [
    ...new Set(
      raw.flatMap((value) => {
        const id = idSchema.safeParse(value);
        return id.success ? [id.data] : [];
      }),
    ),
  ];
  const settings = await getCurrentSettings(context.db);
  const rules = fundingRules(settings);
  const solutions = await getListedSolutions({ db: context.db, ids: ids.slice(0, COMPARE_MAX) });
  return json({
    tooMany: ids.length > COMPARE_MAX,
    months: rules.maxSubscriptionMonths,
    items: solutions.map((solution) => ({
      ...solution,
      split: packageSplit({ items: [solution], committedCents: 0, rules }),
    })),
  });
}

export default function Compare() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <AppLink to="/solutions">{t('catalogue:backToCatalogue')}</AppLink>
      </p>
      <h1>{t('catalogue:compareTitle')}</h1>
      {data.tooMany ? (
        <p className="notice" role="status">
          {t('catalogue:compareTooMany', { max: COMPARE_MAX })}
        </p>
      ) : null}
      {data.items.length === 0 ? (
        <p>{t('catalogue:compareEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table compare-table">
            <thead>
              <tr>
                <td />
                {data.items.map((item) => (
                  <th scope="col" key={item.id}>
                    <AppLink to={`/solutions/${item.id}`}>{pickText(item.name, locale)}</AppLink>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('catalogue:vendor')}</th>
                {data.items.map((item) => (
                  <td key={item.id}>{pickText(item.vendorName, locale)}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('catalogue:category')}</th>
                {data.items.map((item) => (
                  <td key={item.id}>{t(`common:categories.${item.category}`)}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('catalogue:price')}</th>
                {data.items.map((item) => (
                  <td key={item.id}>
                    <PriceLine
                      pricingModel={item.pricingModel}
                      priceCents={item.priceCents}
                      months={data.months}
                      contractMonths={item.minContractMonths}
                    />
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('catalogue:eligibleCost')}</th>
                {data.items.map((item) => (
                  <td key={item.id}>
                    <Money cents={item.split.costCents} />
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('catalogue:programmePays')}</th>
                {data.items.map((item) => (
                  <td key={item.id}>
                    <Money cents={item.split.programmeCents} />
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('catalogue:youPay')}</th>
                {data.items.map((item) => (
                  <td key={item.id}>
                    <Money cents={item.split.shopCents} />
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('catalogue:deployment')}</th>
                {data.items.map((item) => (
                  <td key={item.id}>{t('catalogue:deploymentDays', { count: item.deploymentDays })}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('catalogue:optionalFeatures')}</th>
                {data.items.map((item) => (
                  <td key={item.id}>
                    {item.features.length === 0 ? (
                      t('catalogue:noFeatures')
                    ) : (
                      <ul className="plain-list">
                        {item.features.map((feature) => (
                          <li key={feature.id}>
                            {pickText(feature.name, locale)}
                            {locale === 'en' ? ' (' : '（'}
                            <PriceLine
                              pricingModel={feature.pricingModel}
                              priceCents={feature.priceCents}
                              months={data.months}
                              contractMonths={feature.minContractMonths}
                            />
                            {locale === 'en' ? ')' : '）'}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

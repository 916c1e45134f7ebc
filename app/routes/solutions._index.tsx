// The vetted catalogue: filter by category and sector, search in any language, sort by price, paginate.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AppLink } from '../components/app-link';
import { priceText, SplitList, useSplitLabels } from '../components/money';
import { Pagination } from '../components/pagination';
import { categories, sectors } from '../domain/programme';
import { cardSplit, COMPARE_MAX } from '../lib/catalogue';
import { pickText } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { searchText } from '../lib/validation';
import { getSessionState } from '../services/session.server';
import { detectLocale } from '../lib/i18n.server';
import { displaySettings, fundingRules, listSolutionsAt, publicVersionOf } from '../services/catalogue.server';
import { pageNumber } from '../lib/pagination';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'catalogue:title');

// Bad values in a shared link fall back to the defaults instead of failing the page.
const querySchema = z.object({
  category: z.enum(categories).optional().catch(undefined),
  sector: z.enum(sectors).optional().catch(undefined),
  q: searchText(100).catch(undefined),
  sort: z.enum(['price_asc', 'price_desc', 'name']).catch('price_asc'),
  page: pageNumber(10_000),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filters = querySchema.parse(Object.fromEntries(url.searchParams));
  // A signed-in reader's session lookup brings the public version along; the settings and the page's cards are then
  // taken from memory while that version stands (the same for every reader: data only, the page is rendered per reader).
  const session = await getSessionState(request, context);
  const version = await publicVersionOf(context.db, session?.publicVersion);
  const settings = await displaySettings(context.db, version);
  const locale = await detectLocale(request, session?.user.locale);
  const rules = fundingRules(settings);
  const result = await listSolutionsAt(version, { db: context.db, filters, maxSubscriptionMonths: rules.maxSubscriptionMonths });
  // Only what the cards show, in the reader's language: the page data is sent in the document too. Each card's split is
  // worked out where it is shown (cardSplit: a pure function of the price and the round's rules, sent once).
  const items = result.items.map((item) => {
    return {
      id: item.id,
      category: item.category,
      sector: item.sector,
      name: pickText(item.name, locale),
      vendorName: pickText(item.vendorName, locale),
      pricingModel: item.pricingModel,
      priceCents: item.priceCents,
      // Left out when there is none (most one-off packages): twelve `null`s fewer in the document.
      minContractMonths: item.minContractMonths ?? undefined,
    };
  });
  return json({ ...result, items, filters, rules, openSectors: settings.openSectors });
}

export default function Catalogue() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { filters } = data;
  // The labels every card repeats, looked up once for the page.
  const compareLabel = t('catalogue:addToCompare');
  const splitLabels = useSplitLabels();
  const categoryLabels = Object.fromEntries(categories.map((code) => [code, t(`common:categories.${code}`)]));
  const sectorLabels = Object.fromEntries(sectors.map((code) => [code, t(`common:sectors.${code}`)]));
  return (
    <div>
      <h1>{t('catalogue:title')}</h1>
      <p className="lead">{t('catalogue:lead')}</p>
      <Form method="get" className="filters" role="search" aria-label={t('catalogue:filtersLabel')}>
        <div className="field">
          <label htmlFor="q">{t('catalogue:search')}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q ?? ''} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="category">{t('catalogue:category')}</label>
          <select id="category" name="category" defaultValue={filters.category ?? ''}>
            <option value="">{t('catalogue:allCategories')}</option>
            {categories.map((code) => (
              <option key={code} value={code}>
                {categoryLabels[code]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sector">{t('catalogue:sector')}</label>
          <select id="sector" name="sector" defaultValue={filters.sector ?? ''}>
            <option value="">{t('catalogue:allSectors')}</option>
            {data.openSectors.map((code) => (
              <option key={code} value={code}>
                {sectorLabels[code]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sort">{t('catalogue:sort')}</label>
          <select id="sort" name="sort" defaultValue={filters.sort}>
            <option value="price_asc">{t('catalogue:sortPriceAsc')}</option>
            <option value="price_desc">{t('catalogue:sortPriceDesc')}</option>
            <option value="name">{t('catalogue:sortName')}</option>
          </select>
        </div>
        <button type="submit" className="button">
          {t('catalogue:apply')}
        </button>
      </Form>

      <p role="status" className="result-count">
        {t('catalogue:resultCount', { count: data.total })}
      </p>

      {data.items.length === 0 ? (
        <p>{t('catalogue:noResults')}</p>
      ) : (
        <Form method="get" action="/compare">
          <ul className="cards">
            {data.items.map((item) => (
              <li key={item.id} className="card">
                <p className="card-tags">
                  <span className="tag">{categoryLabels[item.category]}</span>
                  <span className="tag tag--muted">{sectorLabels[item.sector]}</span>
                </p>
                <h2 className="card-title">
                  <AppLink to={`/solutions/${item.id}`}>{item.name}</AppLink>
                </h2>
                <p className="card-vendor">{item.vendorName}</p>
                <p className="card-price">
                  {priceText(t, {
                    pricingModel: item.pricingModel,
                    priceCents: item.priceCents,
                    months: data.rules.maxSubscriptionMonths,
                    contractMonths: item.minContractMonths ?? null,
                  })}
                </p>
                <SplitList
                  split={cardSplit({ ...item, minContractMonths: item.minContractMonths ?? null }, data.rules)}
                  labels={splitLabels}
                  compact
                />
                <label className="compare-check">
                  <input type="checkbox" name="ids" value={item.id} />
                  {compareLabel}
                </label>
              </li>
            ))}
          </ul>
          <p className="hint">{t('catalogue:compareHint', { max: COMPARE_MAX })}</p>
          <button type="submit" className="button button--secondary">
            {t('catalogue:compareSelected')}
          </button>
        </Form>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}

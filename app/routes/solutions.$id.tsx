// One package: what the shop gets, its optional features, and the subsidy calculator.
import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useSubmit } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Money, PriceLine, SplitSummary } from '../components/money';
import { itemCostCents, packageSplit } from '../domain/funding';
import { formatMoney } from '../lib/format';
import { pickText } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { parseId } from '../lib/validation';
import { fundingRules, getCurrentSettings, getListedSolution } from '../services/catalogue.server';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'en' | 'zh-HK' | 'zh-CN' } | undefined;
  return data ? pageTitle(matches, 'catalogue:detailTitle', { name: pickText(data.solution.name, root?.locale ?? 'en') }) : [];
};

const calculatorSchema = z.object({
  features: z.array(z.coerce.number().int().positive()).max(50).catch([]),
  // Funding the enterprise already has committed elsewhere, in whole dollars.
  used: z.coerce.number().int().min(0).max(1_000_000_000).catch(0),
});

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  const solution = await getListedSolution({ db: context.db, id });
  if (!solution) throw new Response('not found', { status: 404 });
  const settings = await getCurrentSettings(context.db);
  const rules = fundingRules(settings);
  const url = new URL(request.url);
  const query = calculatorSchema.parse({ features: url.searchParams.getAll('features'), used: url.searchParams.get('used') ?? undefined });
  const chosen = solution.features.filter((feature) => query.features.includes(feature.id));
  const committedCents = Math.min(query.used * 100, rules.capCents);
  const split = packageSplit({ items: [solution, ...chosen], committedCents, rules });
  return json({
    solution,
    chosenIds: chosen.map((feature) => feature.id),
    usedDollars: committedCents / 100,
    split,
    basicCostCents: itemCostCents(solution, rules.maxSubscriptionMonths),
    months: rules.maxSubscriptionMonths,
    capCents: rules.capCents,
    matchBps: rules.matchBps,
  });
}

export default function SolutionPage() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const { solution, split } = data;
  return (
    <div>
      <p>
        <Link to="/solutions">{t('catalogue:backToCatalogue')}</Link>
      </p>
      <p className="card-tags">
        <span className="tag">{t(`common:categories.${solution.category}`)}</span>
        <span className="tag tag--muted">{t(`common:sectors.${solution.sector}`)}</span>
      </p>
      <h1>{pickText(solution.name, locale)}</h1>
      <p className="lead">{pickText(solution.description, locale)}</p>

      <div className="two-columns">
        <section aria-labelledby="package-heading">
          <h2 id="package-heading">{t('catalogue:basicPackage')}</h2>
          <dl className="summary-list">
            <div>
              <dt>{t('catalogue:price')}</dt>
              <dd>
                <PriceLine pricingModel={solution.pricingModel} priceCents={solution.priceCents} months={data.months} />
              </dd>
            </div>
            {solution.pricingModel === 'monthly' ? (
              <div>
                <dt>{t('catalogue:subscriptionTotal', { months: data.months })}</dt>
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
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('catalogue:feature')}</th>
                  <th scope="col">{t('catalogue:price')}</th>
                </tr>
              </thead>
              <tbody>
                {solution.features.map((feature) => (
                  <tr key={feature.id}>
                    <td>{pickText(feature.name, locale)}</td>
                    <td>
                      <PriceLine pricingModel={feature.pricingModel} priceCents={feature.priceCents} months={data.months} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section aria-labelledby="calculator-heading" className="panel">
          <h2 id="calculator-heading">{t('catalogue:calculatorTitle')}</h2>
          <p className="hint">
            {t('catalogue:calculatorLead', { percent: data.matchBps / 100, cap: formatMoney(data.capCents) })}
          </p>
          <Form
            method="get"
            replace
            preventScrollReset
            onChange={(event) => submit(event.currentTarget, { replace: true, preventScrollReset: true })}
          >
            {solution.features.length > 0 ? (
              <fieldset className="field">
                <legend>{t('catalogue:chooseFeatures')}</legend>
                {solution.features.map((feature) => (
                  <div className="checkbox" key={feature.id}>
                    <input
                      type="checkbox"
                      name="features"
                      value={feature.id}
                      id={`feature-${feature.id}`}
                      defaultChecked={data.chosenIds.includes(feature.id)}
                    />
                    <label htmlFor={`feature-${feature.id}`}>{pickText(feature.name, locale)}</label>
                  </div>
                ))}
              </fieldset>
            ) : null}
            <div className="field">
              <label htmlFor="used">{t('catalogue:alreadyGranted')}</label>
              <p className="hint" id="used-hint">
                {t('catalogue:alreadyGrantedHint')}
              </p>
              <input id="used" name="used" type="number" min={0} step={1} inputMode="numeric" defaultValue={data.usedDollars} aria-describedby="used-hint" />
            </div>
            <button type="submit" className="button button--secondary">
              {t('catalogue:calculate')}
            </button>
          </Form>
          <div aria-live="polite" data-testid="calculator-result">
            <SplitSummary split={split} />
            <p className="plain-words">
              {t('catalogue:plainSplit', {
                shop: formatMoney(split.shopCents),
                programme: formatMoney(split.programmeCents),
              })}
            </p>
            {split.limitedBy === 'cap' ? <p className="notice">{t('catalogue:cappedNotice')}</p> : null}
            <p>
              {t('catalogue:headroomAfter')} <Money cents={split.headroomAfterCents} />
            </p>
          </div>
        </section>
      </div>
    </div>
  );
}

// One package: what the shop gets, its optional features, and the subsidy calculator.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation, useSubmit } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput, ErrorSummary } from '../components/forms';
import { Money, PriceLine, SplitSummary } from '../components/money';
import { countedMonths, itemCostCents, packageSplit } from '../domain/funding';
import { formatMoney } from '../lib/format';
import { bracketed, businessNames, pickText, withGap } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { getUser, requireRole } from '../services/session.server';
import { parseForm, readForm } from '../lib/forms.server';
import { idSchema, optionalText, parseId } from '../lib/validation';
import { committedCents, listEnterprises } from '../services/enterprises.server';
import { sendEnquiry } from '../services/enquiries.server';
import { fundingRules, displaySettings, getListedSolution } from '../services/catalogue.server';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: 'en' | 'zh-HK' | 'zh-CN' } | undefined;
  return data ? pageTitle(matches, 'catalogue:detailTitle', { name: pickText(data.solution.name, root?.locale ?? 'en') }) : [];
};

const calculatorSchema = z.object({
  features: z.array(z.coerce.number().int().positive()).max(50).catch([]),
  // Funding the enterprise already has committed elsewhere, in dollars as typed ("45,000", "45000.50").
  used: z
    .string()
    .trim()
    .transform((value) => value.replace(/,/g, ''))
    .pipe(z.string().regex(/^\d{1,12}(\.\d{1,2})?$/))
    .transform((value) => Math.round(Number(value) * 100))
    .optional()
    .catch(undefined),
});

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  const solution = await getListedSolution({ db: context.db, id });
  if (!solution) throw new Response('not found', { status: 404 });
  const settings = await displaySettings(context.db);
  const rules = fundingRules(settings);
  const url = new URL(request.url);
  const usedParam = url.searchParams.get('used');
  const query = calculatorSchema.parse({ features: url.searchParams.getAll('features'), used: usedParam ?? undefined });
  const usedInvalid = Boolean(usedParam?.trim()) && query.used === undefined;
  const chosen = solution.features.filter((feature) => query.features.includes(feature.id));
  const user = await getUser(request, context);
  const enterprises = user?.role === 'applicant' ? await listEnterprises({ db: context.db, userId: user.id }) : [];
  // A shop owner with one business sees its real headroom; otherwise the amount typed in the calculator counts.
  const usedCents =
    enterprises.length === 1 ? await committedCents({ db: context.db, enterpriseId: enterprises[0]!.id }) : (query.used ?? 0);
  const alreadyCommitted = Math.min(usedCents, rules.capCents);
  const split = packageSplit({ items: [solution, ...chosen], committedCents: alreadyCommitted, rules });
  return json({
    isApplicant: user?.role === 'applicant',
    loggedIn: Boolean(user),
    enterprises: enterprises.map((e) => ({ id: e.id, name: e.legalNameEn, nameZh: e.legalNameZh })),
    headroomFromAccount: enterprises.length === 1,
    solution,
    chosenIds: chosen.map((feature) => feature.id),
    usedDollars: usedInvalid ? (usedParam ?? '') : String(alreadyCommitted / 100),
    usedInvalid,
    split,
    basicCostCents: itemCostCents(solution, rules.maxSubscriptionMonths),
    // The months of the package's fees that count: its minimum contract, at most the round's months.
    countedMonths: countedMonths(solution, rules.maxSubscriptionMonths),
    months: rules.maxSubscriptionMonths,
    capCents: rules.capCents,
    matchBps: rules.matchBps,
  });
}

const enquirySchema = z.object({
  enterpriseId: idSchema.catch(0).pipe(z.number().positive('errors:choose_business')),
  features: z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(idSchema).max(50)),
  message: optionalText({ max: 1000, multiline: true }).default(''),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const solutionId = parseId(params.id);
  const form = await readForm(request, context);
  const parsed = parseForm(enquirySchema, form);
  if (!parsed.ok) return json({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  const result = await sendEnquiry({
    db: context.db,
    userId: user.id,
    input: { enterpriseId: parsed.data.enterpriseId, solutionId, featureIds: parsed.data.features, message: parsed.data.message },
  });
  if (!result.ok) {
    if (result.code === 'not_found') throw new Response('not found', { status: 404 });
    return json({ fieldErrors: { form: [`enquiries:${result.code}`] } }, { status: 409 });
  }
  return redirect(`/enquiries?sent=${result.id}`);
}

function EnquiryPanel({
  data,
}: {
  data: { isApplicant: boolean; loggedIn: boolean; enterprises: { id: number; name: string; nameZh: string }[]; chosenIds: number[] };
}) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const location = useLocation();
  const { locale } = useRootData();
  if (!data.loggedIn) {
    // The login (or the registration it offers) comes back to this package, with the features chosen so far.
    return (
      <p>
        <Link to={`/login?${new URLSearchParams({ redirectTo: location.pathname + location.search })}`}>
          {t('enquiries:loginToEnquire')}
        </Link>
      </p>
    );
  }
  if (!data.isApplicant) return null;
  if (data.enterprises.length === 0) {
    return (
      <p>
        {withGap(t('enquiries:needBusiness'))}
        <Link to="/businesses/new">{t('business:addButton')}</Link>
      </p>
    );
  }
  return (
    <>
      <ErrorSummary errors={actionData?.fieldErrors} labels={{ enterpriseId: t('enquiries:business'), message: t('enquiries:message') }} />
      <Form method="post" className="narrow">
        <CsrfInput />
        {data.chosenIds.map((id) => (
          <input key={id} type="hidden" name="features" value={id} />
        ))}
        <div className="field">
          <label htmlFor="enterpriseId">{t('enquiries:business')}</label>
          <select id="enterpriseId" name="enterpriseId" defaultValue={data.enterprises.length === 1 ? data.enterprises[0]!.id : ''}>
            {data.enterprises.length > 1 ? <option value="">{t('enquiries:chooseBusiness')}</option> : null}
            {data.enterprises.map((e) => (
              <option key={e.id} value={e.id}>
                {businessNames({ en: e.name, zh: e.nameZh }, locale)
                  .map((name, index) => (index === 0 ? name : bracketed(name, locale)))
                  .join('')}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="message">{t('enquiries:message')}</label>
          <p className="hint" id="message-hint">
            {t('enquiries:messageHint')}
          </p>
          <textarea id="message" name="message" rows={3} maxLength={1000} aria-describedby="message-hint" />
        </div>
        <p className="hint">{t('enquiries:featuresNote', { count: data.chosenIds.length })}</p>
        <button type="submit" className="button" disabled={busy}>
          {t('enquiries:sendButton')}
        </button>
      </Form>
    </>
  );
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
        </section>

        <section aria-labelledby="calculator-heading" className="panel">
          <h2 id="calculator-heading">{t('catalogue:calculatorTitle')}</h2>
          <p className="hint">{t('catalogue:calculatorLead', { percent: data.matchBps / 100, cap: formatMoney(data.capCents) })}</p>
          <Form
            method="get"
            replace
            preventScrollReset
            onChange={(event) => {
              // Ticking a feature recalculates at once; a typed amount waits for "Calculate" (or Enter).
              if ((event.target as HTMLInputElement).type === 'checkbox') {
                submit(event.currentTarget, { replace: true, preventScrollReset: true });
              }
            }}
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
            <div className={data.usedInvalid ? 'field field--error' : 'field'}>
              <label htmlFor="used">{t('catalogue:alreadyGranted')}</label>
              <p className="hint" id="used-hint">
                {data.headroomFromAccount ? t('catalogue:alreadyGrantedFromAccount') : t('catalogue:alreadyGrantedHint')}
              </p>
              {data.usedInvalid ? (
                <p className="field-error" id="used-error">
                  {t('catalogue:usedInvalid')}
                </p>
              ) : null}
              <input
                id="used"
                name="used"
                type="text"
                inputMode="decimal"
                maxLength={16}
                defaultValue={data.usedDollars}
                readOnly={data.headroomFromAccount}
                aria-invalid={data.usedInvalid || undefined}
                aria-describedby={data.usedInvalid ? 'used-hint used-error' : 'used-hint'}
              />
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
              {withGap(t('catalogue:headroomAfter'))}
              <Money cents={split.headroomAfterCents} />
            </p>
          </div>
          <h2>{t('enquiries:panelTitle')}</h2>
          <EnquiryPanel data={data} />
        </section>
      </div>
    </div>
  );
}

// Check your answers before submitting (issue 13 §4): each answer with a "Change" link, the money the application
// would get now (cost, programme pays, you pay, the ceiling left after it), and the submit button. A refused submit
// comes back here with its reason in the address, so the error summary and the "Error:" title work without JavaScript.
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApplicantDocuments } from '../components/applicant-documents';
import { ErrorSummary } from '../components/error-summary';
import { CsrfInput } from '../components/forms';
import { Money, QuotationItems, SplitSummary } from '../components/money';
import type { EligibilityCode } from '../domain/eligibility';
import { applicantDeclarations } from '../domain/reasons';
import { requireRole } from '../services/session.server';
import { formatMoney } from '../lib/format';
import { notFound, readSubmission } from '../lib/forms.server';
import { pickText } from '../lib/i18n';
import { pageTitleWithErrors } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { getDraftToCheck } from '../services/application-check.server';
import { submitApplication } from '../services/applications.server';
import matchStyles from '../styles/match.css';
import { parseReference } from '../lib/validation';
import { AppLink } from '../components/app-link';
import type { SitePath } from '../domain/paths';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: matchStyles }];

const refusals = ['stale', 'cap_reached', 'no_programme_share', 'not_eligible', 'category_taken'] as const;
const failures = [
  'br_expired',
  'br_missing',
  'hawker_licence_to_verify',
  'hawker_licence_missing',
  'sector_not_open',
  'no_substantive_business',
  'too_many_employees',
  'listed_company',
  'statutory_body',
  'subvented_organisation',
  'round_not_open',
  'round_closed',
  'package_not_listed',
  'category_not_open',
] as const satisfies readonly EligibilityCode[];

// What a refused submit left in the address; anything else is ignored (never echoed).
const refusalQuery = z.object({
  error: z.enum(refusals).optional().catch(undefined),
  failed: z
    .string()
    .max(400)
    .optional()
    .catch(undefined)
    .transform((value) =>
      (value ?? '')
        .split(',')
        .filter((code): code is (typeof failures)[number] => (failures as readonly string[]).includes(code))
        .slice(0, failures.length),
    ),
});

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitleWithErrors(matches, 'applications:checkTitle', Boolean(data?.refusal));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const reference = parseReference(params.ref);
  const found = await getDraftToCheck({ db: context.db, userId: user.id, reference });
  if (!found) throw notFound();
  // Only a draft has answers to check; anything else is followed on its own page.
  if (found.application.status !== 'draft') throw redirect(`/applications/${reference}`);
  const query = refusalQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { declarations, events: _events, ...application } = found.application;
  return json({
    application,
    quotationId: found.quotationId,
    declared: applicantDeclarations.filter((d) => declarations[d] === true),
    split: found.split,
    matchBps: found.matchBps,
    refusal: query.error ? { code: query.error, failed: query.error === 'not_eligible' ? query.failed : [] } : null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const reference = parseReference(params.ref);
  // Nothing to read but the CSRF token: the draft is submitted as it was checked.
  await readSubmission(request, context, z.object({}));
  const result = await submitApplication({ db: context.db, userId: user.id, reference });
  if (result.ok) return redirect(`/applications/${reference}?submitted=1`);
  if (result.code === 'not_found') throw notFound();
  const code = result.code === 'invalid_transition' ? 'stale' : result.code;
  const failed =
    result.code === 'not_eligible' ? `&failed=${result.failures.filter((c) => (failures as readonly string[]).includes(c)).join(',')}` : '';
  return redirect(`/applications/${reference}/check?error=${code}${failed}`);
}

export default function CheckApplication() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { application, quotationId, declared, split, matchBps, refusal } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === 'submitting';
  const changeAnswers: SitePath = `/applications/new?quotation=${quotationId}&change=1`;
  const refusalText = refusal
    ? t(`applications:${refusal.code}`, {
        headroom: formatMoney(split.headroomBeforeCents),
        cost: formatMoney(application.costCents),
        percent: String(matchBps / 100),
      })
    : null;
  const change = (to: SitePath, what: string) => (
    <dd className="summary-list__actions">
      <AppLink to={to}>
        {t('applications:change')}
        <span className="visually-hidden"> {what}</span>
      </AppLink>
    </dd>
  );
  return (
    <div>
      <p>
        <AppLink to="/applications">{t('applications:listTitle')}</AppLink>
      </p>
      <ErrorSummary errors={refusalText ? { submit: refusalText } : undefined} />
      <h1>{t('applications:checkTitle')}</h1>
      {refusal && refusal.failed.length > 0 ? (
        <ul>
          {refusal.failed.map((code) => (
            <li key={code}>{t(`eligibility:codes.${code}`)}</li>
          ))}
        </ul>
      ) : null}

      <h2>{t('applications:answersTitle')}</h2>
      <dl className="summary-list summary-list--actions">
        <div>
          <dt>{t('applications:reference')}</dt>
          <dd>{application.reference}</dd>
          <dd />
        </div>
        <div>
          <dt>{t('applications:status')}</dt>
          <dd>
            <strong className={`status status--${application.status}`}>{t(`applications:statuses.${application.status}`)}</strong>
          </dd>
          <dd />
        </div>
        <div>
          <dt>{t('enquiries:business')}</dt>
          <dd>{locale === 'en' ? application.legalNameEn : application.legalNameZh}</dd>
          {change('/enquiries', t('enquiries:business'))}
        </div>
        <div>
          <dt>{t('catalogue:vendor')}</dt>
          <dd>{pickText({ en: application.vendorNameEn, zhHK: application.vendorNameZhHk, zhCN: application.vendorNameZhCn }, locale)}</dd>
          {change('/enquiries', t('catalogue:vendor'))}
        </div>
        <div>
          <dt>{t('catalogue:category')}</dt>
          <dd>{t(`common:categories.${application.category}`)}</dd>
          {change('/enquiries', t('catalogue:category'))}
        </div>
        <div>
          <dt>{t('applications:items')}</dt>
          <dd>
            <QuotationItems items={application.items} months={application.maxSubscriptionMonths} />
          </dd>
          {change('/enquiries', t('applications:items'))}
        </div>
        <div>
          <dt>{t('applications:declarationsTitle')}</dt>
          <dd>
            <ul className="plain-list">
              {declared.map((d) => (
                <li key={d}>{t(`applications:declarations.${d}`)}</li>
              ))}
            </ul>
          </dd>
          {change(`${changeAnswers}#${applicantDeclarations[0]}`, t('applications:declarationsTitle'))}
        </div>
        <div>
          <dt>{t('applications:documents')}</dt>
          <dd>
            <ApplicantDocuments reference={application.reference} documents={application.documents} />
          </dd>
          {change(`${changeAnswers}#document`, t('applications:documents'))}
        </div>
      </dl>

      <section aria-labelledby="money-title">
        <h2 id="money-title">{t('applications:moneyTitle')}</h2>
        <SplitSummary split={split}>
          <div>
            <dt>{t('applications:ceilingLeftAfter')}</dt>
            <dd>
              <Money cents={split.headroomAfterCents} />
            </dd>
          </div>
        </SplitSummary>
        <p className="hint">{t('applications:moneyHint')}</p>
        {split.programmeCents === 0 ? <p className="notice notice--error">{t('applications:noHeadroom')}</p> : null}
      </section>

      <section className="panel">
        <h2>{t('applications:submitTitle')}</h2>
        <p>{t('applications:submitExplains')}</p>
        <Form method="post">
          <CsrfInput />
          <button type="submit" className="button" disabled={busy}>
            {t('applications:submitButton')}
          </button>
        </Form>
      </section>
    </div>
  );
}

// One application: check your answers and submit (draft), or follow it — amounts, documents, timeline, withdraw.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput } from '../components/forms';
import { Money, QuotationItems } from '../components/money';
import { Timeline } from '../components/timeline';
import { allowedActions, type ApplicationStatus } from '../domain/application-lifecycle';
import { requireRole } from '../services/session.server';
import { parseReference } from '../lib/documents.server';
import { formatDate, formatMoney } from '../lib/format';
import { readForm } from '../lib/forms.server';
import { pickText } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { optionalText } from '../lib/validation';
import { useRootData } from '../lib/root-data';
import { ClaimAttempts } from '../components/claim-attempts';
import { ShopNextStep } from '../components/shop-next-step';
import { latestExchange } from '../domain/info-requests';
import { confirmDeployment, getShopClaims } from '../services/claims.server';
import { applicantDeclarations } from '../domain/reasons';
import { getApplicantApplication, submitApplication, withdrawApplication } from '../services/applications.server';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'applications:detailTitle', { reference: data?.application.reference ?? '' });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const reference = parseReference(params.ref);
  const [application, claims] = await Promise.all([
    getApplicantApplication({ db: context.db, userId: user.id, reference }),
    getShopClaims({ db: context.db, userId: user.id, reference }),
  ]);
  if (!application || !claims) throw new Response('not found', { status: 404 });
  const { declarations, ...rest } = application;
  return json({
    application: rest,
    question: latestExchange(application.events, application.documents)?.question.note ?? null,
    returned: claims.returned,
    payment: claims.payment,
    attempts: claims.attempts,
    declared: applicantDeclarations.filter((d) => declarations[d] === true),
    actions: allowedActions({ status: application.status as ApplicationStatus, role: 'applicant' }),
  });
}

const actionSchema = z.object({
  intent: z.enum(['submit', 'withdraw', 'confirm_deployment']),
  note: optionalText({ max: 2000, multiline: true }).optional(),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const reference = parseReference(params.ref);
  const form = await readForm(request, context);
  const parsed = actionSchema.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')));
  if (!parsed.success) throw new Response('bad request', { status: 400 });
  if (parsed.data.intent === 'confirm_deployment') {
    const result = await confirmDeployment({ db: context.db, userId: user.id, reference });
    if (!result.ok) {
      if (result.code === 'not_found') throw new Response('not found', { status: 404 });
      return json({ error: 'applications:stale', values: {} }, { status: 409 });
    }
    return redirect(`/applications/${reference}?confirmed=1`);
  }
  if (parsed.data.intent === 'withdraw') {
    const result = await withdrawApplication({ db: context.db, userId: user.id, reference, note: parsed.data.note });
    if (!result.ok) {
      if (result.code === 'not_found') throw new Response('not found', { status: 404 });
      return json({ error: 'applications:stale', values: {} as Record<string, string> }, { status: 409 });
    }
    return redirect(`/applications/${reference}?withdrawn=1`);
  }
  const result = await submitApplication({ db: context.db, userId: user.id, reference });
  if (result.ok) return redirect(`/applications/${reference}?submitted=1`);
  switch (result.code) {
    case 'not_found':
      throw new Response('not found', { status: 404 });
    case 'invalid_transition':
      return json({ error: 'applications:stale', values: {} }, { status: 409 });
    case 'cap_reached':
      return json({ error: 'applications:cap_reached', values: { headroom: formatMoney(result.headroomCents) } }, { status: 409 });
    case 'no_programme_share':
      return json(
        {
          error: 'applications:no_programme_share',
          values: { cost: formatMoney(result.costCents), percent: String(result.matchBps / 100) },
        },
        { status: 409 },
      );
    case 'not_eligible':
      return json({ error: 'applications:not_eligible', values: {}, failures: result.failures }, { status: 409 });
    default:
      return json({ error: `applications:${result.code}`, values: {} }, { status: 409 });
  }
}

export default function ApplicationPage() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { application, declared, actions, question, returned, payment, attempts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const [params] = useSearchParams();
  const isDraft = application.status === 'draft';
  const failures = actionData && 'failures' in actionData ? (actionData.failures as string[]) : undefined;
  return (
    <div>
      <p>
        <Link to="/applications">{t('applications:listTitle')}</Link>
      </p>
      {params.get('submitted') && application.status !== 'draft' ? (
        <div className="confirmation" role="status">
          <h2>{t('applications:submittedTitle')}</h2>
          <p>
            {t('applications:yourReference')} <strong className="reference">{application.reference}</strong>
          </p>
          <p>{t('applications:whatNext')}</p>
        </div>
      ) : null}
      {params.get('answered') ? (
        <div className="notice notice--success" role="status">
          {t('applications:answeredNotice')}
        </div>
      ) : null}
      {params.get('withdrawn') ? (
        <div className="notice" role="status">
          {t('applications:withdrawnNotice')}
        </div>
      ) : null}
      <h1>{isDraft ? t('applications:checkTitle') : t('applications:detailTitle', { reference: application.reference })}</h1>
      {application.status === 'approved' && application.deployBy ? (
        <p className="notice">{t('claims:deployBy', { date: formatDate(application.deployBy, locale) })}</p>
      ) : null}
      {params.get('confirmed') ? (
        <div className="notice notice--success" role="status">
          {t('claims:confirmedNotice')}
        </div>
      ) : null}
      {params.get('claimed') ? (
        <div className="notice notice--success" role="status">
          {t('claims:claimedNotice')}
        </div>
      ) : null}
      {actionData && 'error' in actionData && actionData.error ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>{t('common:errorSummaryTitle')}</h2>
          <p>{t(actionData.error as string, actionData.values as Record<string, string>)}</p>
          {failures ? (
            <ul>
              {failures.map((code) => (
                <li key={code}>{t(`eligibility:codes.${code}`)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <ShopNextStep
        reference={application.reference}
        actions={actions}
        question={question}
        returned={returned}
        payment={payment}
        busy={busy}
      />
      <dl className="summary-list">
        <div>
          <dt>{t('applications:reference')}</dt>
          <dd>{application.reference}</dd>
        </div>
        <div>
          <dt>{t('applications:status')}</dt>
          <dd>
            <strong className={`status status--${application.status}`}>
              {returned ? t('claims:statusReturned') : t(`applications:statuses.${application.status}`)}
            </strong>
          </dd>
        </div>
        <div>
          <dt>{t('enquiries:business')}</dt>
          <dd>{locale === 'en' ? application.legalNameEn : application.legalNameZh}</dd>
        </div>
        <div>
          <dt>{t('catalogue:vendor')}</dt>
          <dd>{pickText({ en: application.vendorNameEn, zhHK: application.vendorNameZhHk, zhCN: application.vendorNameZhCn }, locale)}</dd>
        </div>
        <div>
          <dt>{t('catalogue:category')}</dt>
          <dd>{t(`common:categories.${application.category}`)}</dd>
        </div>
        <div>
          <dt>{t('applications:items')}</dt>
          <dd>
            <QuotationItems items={application.items} months={application.maxSubscriptionMonths} />
          </dd>
        </div>
        <div>
          <dt>{t('catalogue:eligibleCost')}</dt>
          <dd>
            <Money cents={application.costCents} />
          </dd>
        </div>
        {!isDraft ? (
          <>
            <div>
              <dt>{t('catalogue:programmePays')}</dt>
              <dd>
                <Money cents={application.programmeCents} />
              </dd>
            </div>
            <div>
              <dt>{t('catalogue:youPay')}</dt>
              <dd>
                <Money cents={application.shopCents} />
              </dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>{t('applications:declarationsTitle')}</dt>
          <dd>
            <ul className="plain-list">
              {declared.map((d) => (
                <li key={d}>{t(`applications:declarations.${d}`)}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('applications:documents')}</dt>
          <dd>
            <ul className="plain-list">
              {application.documents.map((doc) => (
                <li key={doc.id}>
                  <a href={`/applications/${application.reference}/documents/${doc.id}`}>{doc.filename}</a> (
                  {t(`applications:documentKinds.${doc.kind}`)}, {Math.ceil(doc.sizeBytes / 1024)} KB)
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>

      {isDraft ? (
        <section className="panel">
          <h2>{t('applications:submitTitle')}</h2>
          <p>{t('applications:submitExplains')}</p>
          <Form method="post">
            <CsrfInput />
            <button type="submit" name="intent" value="submit" className="button" disabled={busy}>
              {t('applications:submitButton')}
            </button>
          </Form>
        </section>
      ) : null}

      {attempts.length > 0 ? (
        <ClaimAttempts
          reference={application.reference}
          attempts={attempts}
          documentBase={`/applications/${application.reference}/documents`}
        />
      ) : null}

      {actions.includes('withdraw') ? (
        <details className="withdraw">
          <summary>{isDraft ? t('applications:discardDraft') : t('applications:withdrawTitle')}</summary>
          <Form method="post" className="narrow">
            <CsrfInput />
            <div className="field">
              <label htmlFor="note">{t('applications:withdrawReason')}</label>
              <textarea id="note" name="note" rows={2} maxLength={1000} />
            </div>
            <p className="hint">{t('applications:withdrawExplains')}</p>
            <button type="submit" name="intent" value="withdraw" className="button button--warning" disabled={busy}>
              {t('applications:withdrawButton')}
            </button>
          </Form>
        </details>
      ) : null}

      <h2>{t('applications:timelineTitle')}</h2>
      <Timeline events={application.events} />
    </div>
  );
}

// One application: check your answers and submit (draft), or follow it — amounts, documents, timeline, withdraw.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ClaimAttempts } from '../../components/claim-attempts';
import { ErrorSummary } from '../../components/error-summary';
import { CsrfInput } from '../../components/forms';
import { ShopNextStep } from '../../components/shop-next-step';
import { Timeline } from '../../components/timeline';
import { allowedActions } from '../../domain/application-lifecycle';
import { latestExchange } from '../../domain/info-requests';
import { applicantDeclarations } from '../../domain/reasons';
import { formatDate, formatMoney } from '../../lib/format';
import { notFound, readSubmission, reply, type FormReply } from '../../lib/forms.server';
import { withGap } from '../../lib/i18n';
import { pageTitle } from '../../lib/meta';
import { useRootData } from '../../lib/root-data';
import { optionalText, parseReference } from '../../lib/validation';
import { getApplicantApplication, submitApplication, withdrawApplication } from '../../services/applications.server';
import { confirmDeployment, getShopClaims } from '../../services/claims.server';
import { requireRole } from '../../services/session.server';
import { ApplicationSummary } from './summary';
import { AppLink } from '../../components/app-link';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'applications:detailTitle', { reference: data?.application.reference ?? '' });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const reference = parseReference(params.ref);
  const [application, claims] = await Promise.all([
    getApplicantApplication({ db: context.db, userId: user.id, reference }),
    getShopClaims({ db: context.db, userId: user.id, reference }),
  ]);
  if (!application || !claims) throw notFound();
  const { declarations, ...rest } = application;
  return json({
    application: rest,
    question: latestExchange(application.events, application.documents)?.question.note ?? null,
    returned: claims.returned,
    payment: claims.payment,
    attempts: claims.attempts,
    declared: applicantDeclarations.filter((d) => declarations[d] === true),
    actions: allowedActions({ status: application.status, role: 'applicant' }),
  });
}

const actionSchema = z.object({
  intent: z.enum(['submit', 'withdraw', 'confirm_deployment']),
  note: optionalText({ max: 2000, multiline: true }).optional(),
});

/** The one reply shape, with the figures the refusal's message names and the eligibility rules that failed. */
type ApplicationReply = FormReply & { params?: Record<string, string>; failures?: string[] };

const stale = { status: 409, message: 'applications:stale' };
const refused = (message: string, params?: Record<string, string>, failures?: string[]) =>
  json<ApplicationReply>({ fieldErrors: {}, formErrors: [message], values: {}, params, failures }, { status: 409 });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const reference = parseReference(params.ref);
  const submission = await readSubmission(request, context, actionSchema);
  if (!submission.ok) return submission.reply;
  const { intent, note } = submission.data;
  if (intent === 'confirm_deployment') {
    const result = await confirmDeployment({ db: context.db, userId: user.id, reference });
    if (result.ok) return redirect(`/applications/${reference}?confirmed=1`);
    if (result.code === 'not_found') throw notFound();
    return reply(null, stale);
  }
  if (intent === 'withdraw') {
    const result = await withdrawApplication({ db: context.db, userId: user.id, reference, note });
    if (result.ok) return redirect(`/applications/${reference}?withdrawn=1`);
    if (result.code === 'not_found') throw notFound();
    return reply(null, stale);
  }
  const result = await submitApplication({ db: context.db, userId: user.id, reference });
  if (result.ok) return redirect(`/applications/${reference}?submitted=1`);
  switch (result.code) {
    case 'not_found':
      throw notFound();
    case 'invalid_transition':
      return reply(null, stale);
    case 'cap_reached':
      return refused('applications:cap_reached', { headroom: formatMoney(result.headroomCents) });
    case 'no_programme_share':
      return refused('applications:no_programme_share', { cost: formatMoney(result.costCents), percent: String(result.matchBps / 100) });
    case 'not_eligible':
      return refused('applications:not_eligible', {}, result.failures);
    default:
      return refused(`applications:${result.code}`);
  }
}

export default function ApplicationPage() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  const { application, actions, question, returned, payment, attempts } = data;
  const actionData = useActionData<typeof action>() as ApplicationReply | undefined;
  const busy = useNavigation().state === 'submitting';
  const [params] = useSearchParams();
  const isDraft = application.status === 'draft';
  return (
    <div>
      <p>
        <AppLink to="/applications">{t('applications:listTitle')}</AppLink>
      </p>
      {params.get('submitted') && application.status !== 'draft' ? (
        <div className="confirmation" role="status">
          <h2>{t('applications:submittedTitle')}</h2>
          <p>
            {withGap(t('applications:yourReference'))}
            <strong className="reference">{application.reference}</strong>
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
      <ErrorSummary errors={{ form: actionData?.formErrors[0] ? t(actionData.formErrors[0], actionData.params) : undefined }} />
      {actionData?.failures ? (
        <ul className="notice notice--error">
          {actionData.failures.map((code) => (
            <li key={code}>{t(`eligibility:codes.${code}`)}</li>
          ))}
        </ul>
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
      <ShopNextStep
        reference={application.reference}
        actions={actions}
        question={question}
        returned={returned}
        payment={payment}
        busy={busy}
      />
      <ApplicationSummary data={data} />

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

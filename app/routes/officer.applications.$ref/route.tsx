// The review page: the enterprise, eligibility now against submission time, quotation and documents, money,
// the enterprise's other applications, the timeline — and the decision forms.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { approveApplicationMessage } from '../../components/confirm-messages';
import { ErrorSummary, type ErrorMessages } from '../../components/error-summary';
import { CsrfInput } from '../../components/forms';
import { InfoExchange } from '../../components/info-exchange';
import { ReviewDecisions } from '../../components/review-decisions';
import { RiskSignals } from '../../components/risk-signals';
import { Timeline } from '../../components/timeline';
import { allowedActions, applicationStatuses, type ApplicationStatus } from '../../domain/application-lifecycle';
import { rejectionReasons } from '../../domain/reasons';
import { formValues, notFound, readSubmission, reply, type FormReply } from '../../lib/forms.server';
import { pageTitle } from '../../lib/meta';
import { optionalText, parseReference, requiredText } from '../../lib/validation';
import { assignToMe, budgetPosition, decideApplication, getReview } from '../../services/officer.server';
import { riskSignalsFor } from '../../services/risk.server';
import { requireRole } from '../../services/session.server';
import { EnterpriseSection } from './enterprise';
import { MoneySection } from './money';
import { AppLink } from '../../components/app-link';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'officer:reviewTitle', { reference: data?.application.reference ?? '' });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const officer = await requireRole(request, context, 'officer');
  const review = await getReview({ db: context.db, officerId: officer.id, reference: parseReference(params.ref) });
  if (!review) throw notFound();
  const { declarations: _d, eligibilityAtSubmit: _e, ...application } = review.application;
  return json({
    ...review,
    riskSignals: await riskSignalsFor({ db: context.db, reference: review.application.reference }),
    budgetRemainingCents: (await budgetPosition(context.db)).remainingCents,
    application,
    mine: review.application.assignedOfficerId === officer.id,
    // An answered case is decided by its officer as if under review (the service resumes the review first).
    actions: allowedActions({
      status: review.replyReceived ? 'under_review' : (review.application.status as ApplicationStatus),
      role: 'officer',
    }),
  });
}

const decisionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('assign'), expectedStatus: z.enum(applicationStatuses) }),
    z.object({
      intent: z.literal('approve'),
      expectedStatus: z.enum(applicationStatuses),
      note: optionalText({ max: 2000, multiline: true }).optional(),
    }),
    z.object({
      intent: z.literal('reject'),
      expectedStatus: z.enum(applicationStatuses),
      reasonCode: z.enum(rejectionReasons, { error: 'officer:reason_required' }),
      note: optionalText({ max: 2000, multiline: true }).optional(),
    }),
    z.object({
      intent: z.literal('request_info'),
      expectedStatus: z.enum(applicationStatuses),
      note: requiredText({ max: 2000, multiline: true, message: 'officer:message_required' }),
    }),
  ],
  { error: 'errors:invalid_value' },
);

/** The one reply shape, with the eligibility rules that failed when a decision is refused for them. */
type ReviewReply = FormReply & { failures?: string[] };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const officer = await requireRole(request, context, 'officer');
  const reference = parseReference(params.ref);
  const submission = await readSubmission(request, context, decisionSchema);
  if (!submission.ok) return submission.reply;
  const input = submission.data;
  if (input.intent === 'assign') {
    const result = await assignToMe({ db: context.db, officerId: officer.id, reference });
    if (result.ok) return redirect(`/officer/applications/${reference}?done=assign`);
    if (result.code === 'not_found') throw notFound();
    return reply(submission.form, { status: 409, message: `officer:${result.code}` });
  }
  const decision =
    input.intent === 'approve'
      ? { action: 'approve' as const, note: input.note }
      : input.intent === 'reject'
        ? { action: 'reject' as const, reasonCode: input.reasonCode, note: input.note }
        : { action: 'request_info' as const, note: input.note };
  const result = await decideApplication({
    db: context.db,
    officerId: officer.id,
    reference,
    expectedStatus: input.expectedStatus,
    decision,
  });
  if (result.ok) return redirect(`/officer/applications/${reference}?done=${input.intent}`);
  if (result.code === 'not_found') throw notFound();
  if (result.code !== 'not_eligible') return reply(submission.form, { status: 409, message: `officer:${result.code}` });
  const values = formValues(submission.form);
  return json<ReviewReply>({ fieldErrors: {}, formErrors: ['officer:not_eligible'], values, failures: result.failures }, { status: 409 });
}

export default function Review() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ReviewReply | undefined;
  const busy = useNavigation().state === 'submitting';
  const [params] = useSearchParams();
  const { application: app } = data;
  // Each form on the page has its own fields: the summary links to the field of the form that was sent.
  const intent = actionData?.values.intent ?? '';
  const [field, keys] = Object.entries(actionData?.fieldErrors ?? {})[0] ?? [];
  const error = field && keys?.[0] ? { intent, field, message: keys[0] } : undefined;
  const errors: ErrorMessages = {};
  if (error) errors[`${intent}-${error.field}`] = t(error.message);
  if (actionData?.formErrors[0]) errors.form = t(actionData.formErrors[0]);
  const can = (action: string) => data.mine && data.actions.includes(action as never);
  return (
    <div>
      <p>
        <AppLink to="/officer/applications">{t('officer:queueTitle')}</AppLink>
      </p>
      <ErrorSummary errors={errors} />
      {actionData?.failures ? (
        <ul className="notice notice--error">
          {actionData.failures.map((code) => (
            <li key={code}>{t(`eligibility:codes.${code}`)}</li>
          ))}
        </ul>
      ) : null}
      <h1>{t('officer:reviewTitle', { reference: app.reference })}</h1>
      {params.get('done') ? (
        <div className="notice notice--success" role="status">
          {t(`officer:done.${params.get('done')}`, { defaultValue: t('officer:done.saved') })}
        </div>
      ) : null}
      {data.conflicted ? <p className="notice notice--error">{t('officer:conflictNotice')}</p> : null}
      {data.replyReceived && data.exchange ? (
        <InfoExchange exchange={data.exchange} documentBase={`/officer/applications/${app.reference}/documents`} />
      ) : null}

      <dl className="summary-list">
        <div>
          <dt>{t('applications:status')}</dt>
          <dd>
            <strong className="status">{t(`applications:statuses.${app.status}`)}</strong>{' '}
            {app.assignedOfficerName ? t('officer:assignedTo', { name: app.assignedOfficerName }) : t('officer:unassigned')}
          </dd>
        </div>
        <div>
          <dt>{t('officer:daysWaiting')}</dt>
          <dd>
            {data.daysWaiting}
            {data.daysWaiting > data.slaWorkingDays ? <strong className="flag"> {t('officer:slaBreached')}</strong> : null}
          </dd>
        </div>
        <div>
          <dt>{t('officer:settingsVersion')}</dt>
          <dd>{app.settingsVersion ?? '—'}</dd>
        </div>
      </dl>

      {data.canTake ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="expectedStatus" value={app.status} />
          <button type="submit" name="intent" value="assign" className="button" disabled={busy}>
            {t('officer:assignToMe')}
          </button>
        </Form>
      ) : null}

      <div className="two-columns">
        <EnterpriseSection data={data} />
        <MoneySection data={data} />
      </div>

      <RiskSignals signals={data.riskSignals} />

      <ReviewDecisions
        reference={app.reference}
        status={app.status}
        can={can}
        busy={busy}
        approveMessage={approveApplicationMessage(t, { programmeCents: app.programmeCents, remainingCents: data.budgetRemainingCents })}
        error={error}
      />

      <h2>{t('applications:timelineTitle')}</h2>
      <Timeline events={data.events} />
    </div>
  );
}

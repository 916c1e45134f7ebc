// The review page: the enterprise, eligibility now against submission time, quotation and documents, money,
// the enterprise's other applications, the timeline — and the decision forms.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput } from '../components/forms';
import { approveApplicationMessage } from '../components/confirm-messages';
import { ReviewDecisions } from '../components/review-decisions';
import { InfoExchange } from '../components/info-exchange';
import { MatchReasonNote } from '../components/match-set';
import { Money, QuotationItems, SplitSummary } from '../components/money';
import { RiskSignals } from '../components/risk-signals';
import { Timeline } from '../components/timeline';
import { allowedActions, applicationStatuses, type ApplicationStatus } from '../domain/application-lifecycle';
import { requireRole } from '../services/session.server';
import { parseReference } from '../lib/documents.server';
import { formatDate } from '../lib/format';
import { readForm } from '../lib/forms.server';
import { pickText } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { optionalText, requiredText } from '../lib/validation';
import { useRootData } from '../lib/root-data';
import { rejectionReasons } from '../domain/reasons';
import { assignToMe, budgetPosition, decideApplication, getReview } from '../services/officer.server';
import { riskSignalsFor } from '../services/risk.server';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'officer:reviewTitle', { reference: data?.application.reference ?? '' });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const officer = await requireRole(request, context, 'officer');
  const review = await getReview({ db: context.db, officerId: officer.id, reference: parseReference(params.ref) });
  if (!review) throw new Response('not found', { status: 404 });
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

const decisionSchema = z.discriminatedUnion('intent', [
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
]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const officer = await requireRole(request, context, 'officer');
  const reference = parseReference(params.ref);
  const form = await readForm(request, context);
  const parsed = decisionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const message = issue?.message.includes(':') ? issue.message : 'errors:invalid_value';
    return json({ error: message, field: String(issue?.path[0] ?? ''), intent: String(form.get('intent') ?? '') }, { status: 400 });
  }
  const input = parsed.data;
  if (input.intent === 'assign') {
    const result = await assignToMe({ db: context.db, officerId: officer.id, reference });
    if (!result.ok) {
      if (result.code === 'not_found') throw new Response('not found', { status: 404 });
      return json({ error: `officer:${result.code}`, field: '', intent: input.intent }, { status: 409 });
    }
    return redirect(`/officer/applications/${reference}?done=assign`);
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
  if (result.code === 'not_found') throw new Response('not found', { status: 404 });
  const failures = result.code === 'not_eligible' ? result.failures : undefined;
  return json({ error: `officer:${result.code}`, field: '', intent: input.intent, failures }, { status: 409 });
}

export default function Review() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const [params] = useSearchParams();
  const { application: app, enterprise } = data;
  const failures = actionData && 'failures' in actionData ? (actionData.failures as string[] | undefined) : undefined;
  const can = (action: string) => data.mine && data.actions.includes(action as never);
  return (
    <div>
      <p>
        <Link to="/officer/applications">{t('officer:queueTitle')}</Link>
      </p>
      <h1>{t('officer:reviewTitle', { reference: app.reference })}</h1>
      {params.get('done') ? (
        <div className="notice notice--success" role="status">
          {t(`officer:done.${params.get('done')}`, { defaultValue: t('officer:done.saved') })}
        </div>
      ) : null}
      {actionData?.error ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>{t('common:errorSummaryTitle')}</h2>
          <p>{actionData.field ? <a href={`#${actionData.intent}-${actionData.field}`}>{t(actionData.error)}</a> : t(actionData.error)}</p>
          {failures ? (
            <ul>
              {failures.map((code) => (
                <li key={code}>{t(`eligibility:codes.${code}`)}</li>
              ))}
            </ul>
          ) : null}
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
        <section>
          <h2>{t('officer:enterprise')}</h2>
          <dl className="summary-list">
            <div>
              <dt>{t('business:legalName')}</dt>
              <dd>
                {enterprise.legalNameEn}
                <br />
                {enterprise.legalNameZh}
              </dd>
            </div>
            <div>
              <dt>{t('business:registration')}</dt>
              <dd>
                {enterprise.registrationType === 'br'
                  ? `${t('business:brShort', { number: enterprise.brNumber })} · ${enterprise.brExpiry ? formatDate(enterprise.brExpiry, locale) : ''}`
                  : t('business:hawkerShort', { number: enterprise.hawkerLicenceNo })}
              </dd>
            </div>
            <div>
              <dt>{t('business:sector')}</dt>
              <dd>{t(`common:sectors.${enterprise.sector}`)}</dd>
            </div>
            <div>
              <dt>{t('business:fullTimeEmployees')}</dt>
              <dd>
                {enterprise.fullTimeEmployees}
                {enterprise.isGroupMember ? ` (${t('business:groupFullTimeEmployees')}: ${enterprise.groupFullTimeEmployees})` : ''}
              </dd>
            </div>
            <div>
              <dt>{t('business:address')}</dt>
              <dd>
                {enterprise.address}, {t(`common:districts.${enterprise.district}`)} · {enterprise.phone}
              </dd>
            </div>
          </dl>

          <h2>{t('officer:eligibilityNow')}</h2>
          <ul className="rule-list">
            {data.eligibilityNow.map((rule) => (
              <li key={rule.rule} className={`rule rule--${rule.outcome}${data.changedRules.includes(rule.rule) ? ' rule--changed' : ''}`}>
                <span className="rule-outcome">{t(`eligibility:outcome.${rule.outcome}`)}</span>
                <div>
                  <strong>{t(`eligibility:rules.${rule.rule}`)}</strong>
                  <p>{t(`eligibility:codes.${rule.code}`)}</p>
                  {data.changedRules.includes(rule.rule) ? (
                    <p className="flag">
                      {t('officer:changedSinceSubmission', {
                        before: t(`eligibility:codes.${data.eligibilityAtSubmit.find((r) => r.rule === rule.rule)?.code ?? rule.code}`),
                      })}
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </section>

        <section className="panel">
          <h2>{t('officer:money')}</h2>
          <SplitSummary split={app}>
            <div>
              <dt>{t('officer:headroomLeft')}</dt>
              <dd>
                <Money cents={data.headroomCents} />
              </dd>
            </div>
          </SplitSummary>
          <h3>{t('enquiries:quotation')}</h3>
          <p>{pickText({ en: app.vendorNameEn, zhHK: app.vendorNameZhHk, zhCN: app.vendorNameZhCn }, locale)}</p>
          <QuotationItems items={app.items} months={app.maxSubscriptionMonths} />
          <MatchReasonNote reason={app.matchReason} audience="officer" />
          <h3>{t('applications:documents')}</h3>
          <ul className="plain-list">
            {data.documents.map((doc) => (
              <li key={doc.id}>
                <a href={`/officer/applications/${app.reference}/documents/${doc.id}`}>{doc.filename}</a> (
                {t(`applications:documentKinds.${doc.kind}`)})
              </li>
            ))}
          </ul>
          <h3>{t('officer:otherApplications')}</h3>
          {data.others.length === 0 ? (
            <p>{t('officer:noOtherApplications')}</p>
          ) : (
            <ul className="plain-list">
              {data.others.map((other) => (
                <li key={other.reference}>
                  <Link to={`/officer/applications/${other.reference}`}>{other.reference}</Link> ·{' '}
                  {t(`common:categories.${other.category}`)} · {t(`applications:statuses.${other.status}`)} ·{' '}
                  <Money cents={other.programmeCents} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <RiskSignals signals={data.riskSignals} />

      <ReviewDecisions
        reference={app.reference}
        status={app.status}
        can={can}
        busy={busy}
        approveMessage={approveApplicationMessage(t, { programmeCents: app.programmeCents, remainingCents: data.budgetRemainingCents })}
        error={actionData?.error ? { intent: actionData.intent, field: actionData.field, message: actionData.error } : undefined}
      />

      <h2>{t('applications:timelineTitle')}</h2>
      <Timeline events={data.events} />
    </div>
  );
}

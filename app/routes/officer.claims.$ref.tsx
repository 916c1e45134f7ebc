// One claim: the three-way match check by check, the documents, and the maker-checker payment steps.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ConfirmAction } from '../components/confirm-action';
import { approveClaimMessage, releasePaymentMessage } from '../components/confirm-messages';
import { ClaimDetails } from '../components/claim-details';
import { CsrfInput, FormErrorSummary, TextArea } from '../components/forms';
import { Money } from '../components/money';
import { allPassed } from '../domain/claims';
import { requireRole } from '../services/session.server';
import { formatDate, formatDateTime } from '../lib/format';
import { failureTable } from '../lib/failures';
import { notFound, readSubmission, reply } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { parseReference, requiredText } from '../lib/validation';
import { useRootData } from '../lib/root-data';
import { decideClaim, getClaimReview, preparePayment, releasePayment } from '../services/claims.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'claims:reviewTitle', { reference: data?.app.reference ?? '' });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const officer = await requireRole(request, context, 'officer');
  const review = await getClaimReview({ db: context.db, reference: parseReference(params.ref), officerId: officer.id });
  if (!review) throw notFound();
  return json({ ...review, officerId: officer.id });
}

const schema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve') }),
  z.object({ intent: z.literal('return'), note: requiredText({ max: 2000, multiline: true, message: 'claims:note_required' }) }),
  z.object({ intent: z.literal('prepare') }),
  z.object({ intent: z.literal('release') }),
]);

// Every refusal is the claim having moved on or a rule; the page shows its latest state beside the message.
const failure = failureTable<string>({ note_required: { status: 409, message: 'claims:note_required', field: 'note' } }, (code) => ({
  status: 409,
  message: `claims:${code}`,
}));

export async function action({ request, params, context }: ActionFunctionArgs) {
  const officer = await requireRole(request, context, 'officer');
  const reference = parseReference(params.ref);
  const submission = await readSubmission(request, context, schema);
  if (!submission.ok) return submission.reply;
  const input = submission.data;
  const result =
    input.intent === 'approve' || input.intent === 'return'
      ? await decideClaim({
          db: context.db,
          officerId: officer.id,
          reference,
          approve: input.intent === 'approve',
          note: input.intent === 'return' ? input.note : undefined,
        })
      : input.intent === 'prepare'
        ? await preparePayment({ db: context.db, officerId: officer.id, reference })
        : await releasePayment({ db: context.db, officerId: officer.id, reference });
  if (result.ok) return redirect(`/officer/claims?done=${input.intent}`);
  if (result.code === 'not_found') throw notFound();
  return reply(submission.form, failure(result.code));
}

export default function ClaimReview() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { app, claim, attempts, documents, payment, officerId, conflicted } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const allGreen = claim ? allPassed(claim.checks) : false;
  return (
    <div>
      <p>
        <AppLink to="/officer/claims">{t('claims:queueTitle')}</AppLink> ·{' '}
        <AppLink to={`/officer/applications/${app.reference}`}>{t('claims:openApplication')}</AppLink>
      </p>
      <FormErrorSummary errors={actionData?.fieldErrors} formErrors={actionData?.formErrors} />
      <h1>{t('claims:reviewTitle', { reference: app.reference })}</h1>
      {conflicted ? (
        <p className="notice" role="status">
          {t('claims:conflictNotice')}
        </p>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>{t('applications:status')}</dt>
          <dd>
            <strong className="status">{t(`applications:statuses.${app.status}`)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('enquiries:business')}</dt>
          <dd>
            {app.legalNameEn} · {app.legalNameZh}
          </dd>
        </div>
        <div>
          <dt>{t('catalogue:vendor')}</dt>
          <dd>
            {app.vendorNameEn} · {t('business:brShort', { number: app.vendorBr })}
          </dd>
        </div>
        <div>
          <dt>{t('claims:quoted')}</dt>
          <dd>
            <Money cents={app.quotedCents} />
          </dd>
        </div>
        <div>
          <dt>{t('claims:approvedAmount')}</dt>
          <dd>
            <Money cents={app.programmeCents} />
            {app.approvedAt ? ` · ${formatDate(app.approvedAt, locale)}` : ''}
          </dd>
        </div>
      </dl>

      {claim ? <ClaimDetails reference={app.reference} claim={claim} attempts={attempts} documents={documents} /> : null}

      {app.status === 'claim_submitted' && !conflicted ? (
        <section className="decisions">
          <div className="decision">
            <h3>{t('claims:approveTitle')}</h3>
            {!allGreen || !claim ? (
              <p className="flag">{t('claims:cannotApproveRed')}</p>
            ) : (
              <ConfirmAction
                id="approve-claim"
                confirmPath={`/officer/claims/${app.reference}/approve`}
                label={t('claims:approveButton')}
                action={`/officer/claims/${app.reference}`}
                title={t('claims:confirmApproveTitle', { reference: app.reference })}
                message={approveClaimMessage(t, {
                  payableCents: claim.payableCents,
                  business: locale === 'en' ? app.legalNameEn : app.legalNameZh,
                })}
                confirmLabel={t('claims:confirmApproveButton')}
                busy={busy}
              >
                <input type="hidden" name="intent" value="approve" />
              </ConfirmAction>
            )}
          </div>
          <Form method="post" className="decision">
            <CsrfInput />
            <h3>{t('claims:returnTitle')}</h3>
            <TextArea name="note" label={t('claims:returnNote')} errors={actionData?.fieldErrors} rows={3} maxLength={2000} />
            <button type="submit" name="intent" value="return" className="button button--secondary" disabled={busy}>
              {t('claims:returnButton')}
            </button>
          </Form>
        </section>
      ) : null}

      {app.status === 'claim_approved' && !payment && !conflicted ? (
        <Form method="post" className="panel">
          <CsrfInput />
          <h2>{t('claims:prepareTitle')}</h2>
          <p>{t('claims:prepareExplains')}</p>
          <button type="submit" name="intent" value="prepare" className="button" disabled={busy}>
            {t('claims:prepareButton')}
          </button>
        </Form>
      ) : null}

      {payment ? (
        <section className="panel">
          <h2>{t('claims:paymentTitle')}</h2>
          <p>
            <Money cents={payment.amountCents} /> ·{' '}
            {t('claims:preparedByOn', { name: payment.preparedByName, date: formatDateTime(payment.preparedAt, locale) })}
          </p>
          {payment.status === 'released' ? (
            <p>
              {t('claims:releasedByOn', {
                name: payment.releasedByName,
                date: payment.releasedAt ? formatDateTime(payment.releasedAt, locale) : '',
              })}
            </p>
          ) : payment.preparedBy === officerId ? (
            <p className="notice">{t('claims:makerCannotRelease')}</p>
          ) : conflicted ? null : (
            <div>
              <p>{t('claims:releaseExplains')}</p>
              <ConfirmAction
                id="release"
                confirmPath={`/officer/claims/${app.reference}/release`}
                label={t('claims:releaseButton')}
                action={`/officer/claims/${app.reference}`}
                title={t('claims:confirmReleaseTitle', { reference: app.reference })}
                message={releasePaymentMessage(t, { amountCents: payment.amountCents, account: payment.payeeAccount })}
                confirmLabel={t('claims:confirmReleaseButton')}
                busy={busy}
              >
                <input type="hidden" name="intent" value="release" />
              </ConfirmAction>
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}

// Solution providers' enrolments: the details officers check, and approve or reject (with a reason) while pending.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput, FormErrorSummary } from '../components/forms';
import { requireRole } from '../services/session.server';
import { formatDate } from '../lib/format';
import { notFound, readSubmission, reply, type Failure } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { parseId, requiredText } from '../lib/validation';
import { decideEnrolment, pageEnrolments } from '../services/vendors.server';
import { Pagination } from '../components/pagination';
import { pageNumber } from '../lib/pagination';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'vetting:vendorsTitle');

const enrolmentStatuses = ['pending', 'enrolled', 'rejected'] as const;
const searchSchema = z.object({
  status: z.enum(enrolmentStatuses).catch('pending'),
  done: z.enum(['approve', 'reject']).optional().catch(undefined),
  page: pageNumber(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'officer');
  const { status, done, page } = searchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await pageEnrolments({ db: context.db, status, page });
  return json({ status, done: done ?? null, ...result });
}

const decisionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('approve') }),
    z.object({
      intent: z.literal('reject'),
      reason: requiredText({ max: 2000, multiline: true, message: 'vetting:reason_required', tooLong: 'vetting:reason_too_long' }),
    }),
  ],
  { error: 'vetting:choose_decision' },
);

const failures = {
  stale: { status: 409, message: 'vetting:enrolment_stale' },
} satisfies Record<string, Failure>;

export async function action({ request, context }: ActionFunctionArgs) {
  const officer = await requireRole(request, context, 'officer');
  const submission = await readSubmission(request, context, decisionSchema);
  // A vendor that is not there is a 404 whatever else is wrong; its row shows the form's errors (the reply's values).
  const vendorId = parseId(submission.form.get('vendorId'));
  if (!submission.ok) return submission.reply;
  const input = submission.data;
  const result = await decideEnrolment({
    db: context.db,
    officerId: officer.id,
    vendorId,
    approve: input.intent === 'approve',
    reason: input.intent === 'reject' ? input.reason : null,
  });
  if (result.ok) return redirect(`/officer/vendors?done=${input.intent}`);
  if (result.code === 'not_found') throw notFound();
  return reply(submission.form, failures[result.code]);
}

export default function Enrolments() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { status, done, rows, page, pageCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const failedVendor = actionData ? Number(actionData.values.vendorId) : undefined;
  const reasonError = (vendorId: number) => (failedVendor === vendorId ? actionData?.fieldErrors.reason?.[0] : undefined);
  return (
    <div>
      <FormErrorSummary errors={actionData?.fieldErrors} formErrors={actionData?.formErrors} row={failedVendor} />
      <h1>{t('vetting:vendorsTitle')}</h1>
      {done ? (
        <div className="notice notice--success" role="status">
          {t(done === 'approve' ? 'vetting:done.enrolApprove' : 'vetting:done.enrolReject')}
        </div>
      ) : null}
      <p className="lead">{t('vetting:vendorsLead')}</p>

      <Form method="get" className="filters" aria-label={t('vetting:vendorsFilter')}>
        <div className="field">
          <label htmlFor="status">{t('vetting:statusFilter')}</label>
          <select id="status" name="status" defaultValue={status}>
            {enrolmentStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`vetting:enrolmentStatuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('vetting:showButton')}
        </button>
      </Form>

      {rows.length === 0 ? (
        <p>{t(`vetting:vendorsEmpty.${status}`)}</p>
      ) : (
        <ul className="inbox">
          {rows.map((vendor) => (
            <li key={vendor.id} className="inbox-item">
              <h2 className="card-title">
                <span lang="en">{vendor.nameEn}</span>
                <br />
                <span lang="zh-HK">{vendor.nameZhHk}</span>
              </h2>
              <dl className="summary-list">
                <div>
                  <dt>{t('vetting:brNumber')}</dt>
                  <dd>{vendor.brNumber}</dd>
                </div>
                <div>
                  <dt>{t('vetting:contact')}</dt>
                  <dd>
                    {vendor.contactName ? (
                      <>
                        {vendor.contactName}
                        <br />
                      </>
                    ) : null}
                    <a href={`mailto:${vendor.contactEmail}`}>{vendor.contactEmail}</a> · {vendor.phone}
                  </dd>
                </div>
                <div>
                  <dt>{t('vetting:trackRecord')}</dt>
                  <dd className="vetting-text">{vendor.trackRecord || t('vetting:notGiven')}</dd>
                </div>
                <div>
                  <dt>{t('vetting:referenceCustomers')}</dt>
                  <dd className="vetting-text">{vendor.referenceCustomers || t('vetting:notGiven')}</dd>
                </div>
                <div>
                  <dt>{t('vetting:netEquity')}</dt>
                  <dd>
                    {vendor.netEquityPositive ? t('vetting:netEquityYes') : <strong className="flag">{t('vetting:netEquityNo')}</strong>}
                  </dd>
                </div>
                <div>
                  <dt>{t('vetting:enrolmentSubmittedOn')}</dt>
                  <dd>{vendor.submittedAt ? formatDate(vendor.submittedAt, locale) : '—'}</dd>
                </div>
                {vendor.status === 'rejected' ? (
                  <div>
                    <dt>{t('vetting:decisionReason')}</dt>
                    <dd className="vetting-text">{vendor.decisionReason || t('vetting:notGiven')}</dd>
                  </div>
                ) : null}
              </dl>
              {failedVendor === vendor.id && actionData?.formErrors[0] ? (
                <p className="notice notice--error">{t(actionData.formErrors[0])}</p>
              ) : null}
              {vendor.status === 'pending' ? (
                <div className="inbox-actions">
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="vendorId" value={vendor.id} />
                    <button type="submit" name="intent" value="approve" className="button" disabled={busy}>
                      {t('vetting:approveEnrolButton')}
                    </button>
                  </Form>
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="vendorId" value={vendor.id} />
                    <div className={reasonError(vendor.id) ? 'field field--error' : 'field'}>
                      <label htmlFor={`reason-${vendor.id}`}>{t('vetting:rejectEnrolReason')}</label>
                      {reasonError(vendor.id) ? (
                        <p className="field-error" id={`reason-${vendor.id}-error`}>
                          {t(reasonError(vendor.id)!)}
                        </p>
                      ) : null}
                      <textarea
                        id={`reason-${vendor.id}`}
                        name="reason"
                        rows={2}
                        maxLength={2000}
                        aria-invalid={reasonError(vendor.id) ? true : undefined}
                        aria-describedby={reasonError(vendor.id) ? `reason-${vendor.id}-error` : undefined}
                        defaultValue={failedVendor === vendor.id ? actionData?.values.reason : undefined}
                      />
                    </div>
                    <button type="submit" name="intent" value="reject" className="button button--warning" disabled={busy}>
                      {t('vetting:rejectEnrolButton')}
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </div>
  );
}

// One application: check your answers and submit (draft), or follow it — amounts, documents, timeline, withdraw.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput } from '../components/forms';
import { Money, QuotationItems } from '../components/money';
import { Timeline } from '../components/timeline';
import { allowedActions, type ApplicationStatus } from '../domain/application-lifecycle';
import { requireRole } from '../lib/auth.server';
import { parseReference } from '../lib/documents.server';
import { formatDate, formatMoney } from '../lib/format';
import { readForm } from '../lib/forms.server';
import { pickText } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { optionalText } from '../lib/validation';
import { useRootData } from '../lib/root-data';
import { ClaimForm, claimSchema } from '../components/claim-form';
import { MAX_DOCUMENT_BYTES } from '../domain/documents';
import { confirmDeployment, submitClaim } from '../services/claims.server';
import { applicantDeclarations } from '../domain/reasons';
import {
  getApplicantApplication,
  respondToInfoRequest,
  submitApplication,
  withdrawApplication,
} from '../services/applications.server';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'applications:detailTitle', { reference: data?.application.reference ?? '' });


export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const application = await getApplicantApplication({ db: context.db, userId: user.id, reference: parseReference(params.ref) });
  if (!application) throw new Response('not found', { status: 404 });
  const { declarations, ...rest } = application;
  return json({
    application: rest,
    declared: applicantDeclarations.filter((d) => declarations[d] === true),
    actions: allowedActions({ status: application.status as ApplicationStatus, role: 'applicant' }),
  });
}

const actionSchema = z.object({
  intent: z.enum(['submit', 'withdraw', 'respond', 'confirm_deployment', 'claim']),
  note: optionalText({ max: 2000, multiline: true }).optional(),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const reference = parseReference(params.ref);
  const form = await readForm(request, context, { maxBytes: 2 * MAX_DOCUMENT_BYTES + 64 * 1024 });
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
  if (parsed.data.intent === 'claim') {
    const fields = claimSchema.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')));
    const fieldErrors: Record<string, string[]> = {};
    if (!fields.success) {
      for (const issue of fields.error.issues) fieldErrors[String(issue.path[0])] = [issue.message.includes(':') ? issue.message : 'errors:invalid_value'];
    }
    const files: Record<string, { bytes: Uint8Array; filename: string } | undefined> = {};
    for (const [name, missing] of [
      ['invoiceDocument', 'claims:invoice_missing'],
      ['paymentDocument', 'claims:payment_missing'],
    ] as const) {
      const file = form.get(name);
      if (file instanceof File && file.size > 0) files[name] = { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name };
      else fieldErrors[name] = [missing];
    }
    const values = Object.fromEntries([...form.entries()].filter(([k, v]) => typeof v === 'string' && !k.startsWith('_'))) as Record<string, string>;
    if (!fields.success || !files.invoiceDocument || !files.paymentDocument) return json({ claimErrors: fieldErrors, values }, { status: 400 });
    const result = await submitClaim({
      db: context.db,
      userId: user.id,
      reference,
      input: {
        invoiceNumber: fields.data.invoiceNumber,
        invoiceDate: fields.data.invoiceDate,
        invoicedCents: fields.data.invoiced,
        paidCents: fields.data.paid,
        paidOn: fields.data.paidOn,
        payerName: fields.data.payerName,
        payeeVendorBr: fields.data.payeeVendorBr,
        invoice: files.invoiceDocument,
        proofOfPayment: files.paymentDocument,
      },
    });
    if (!result.ok) {
      if (result.code === 'not_found') throw new Response('not found', { status: 404 });
      if (result.code === 'invalid_transition') return json({ error: 'applications:stale', values: {} }, { status: 409 });
      const field = result.code === 'invoice_document' ? 'invoiceDocument' : 'paymentDocument';
      return json({ claimErrors: { [field]: [`applications:${result.reason}`] }, values }, { status: 400 });
    }
    return redirect(`/applications/${reference}?claimed=1`);
  }
  if (parsed.data.intent === 'respond') {
    const note = parsed.data.note ?? '';
    if (!note) return json({ error: 'applications:answer_required', values: {} }, { status: 400 });
    const file = form.get('document');
    const bytes = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined;
    const result = await respondToInfoRequest({
      db: context.db,
      userId: user.id,
      reference,
      note,
      document: bytes ? { bytes, filename: file instanceof File ? file.name : 'document' } : undefined,
    });
    if (!result.ok) {
      if (result.code === 'not_found') throw new Response('not found', { status: 404 });
      const error = result.code === 'invalid_transition' ? 'applications:stale' : `applications:${result.code}`;
      return json({ error, values: {} }, { status: result.code === 'invalid_transition' ? 409 : 400 });
    }
    return redirect(`/applications/${reference}?answered=1`);
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
        { error: 'applications:no_programme_share', values: { cost: formatMoney(result.costCents), percent: String(result.matchBps / 100) } },
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
  const { application, declared, actions } = useLoaderData<typeof loader>();
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
      <dl className="summary-list">
        <div>
          <dt>{t('applications:reference')}</dt>
          <dd>{application.reference}</dd>
        </div>
        <div>
          <dt>{t('applications:status')}</dt>
          <dd>
            <strong className={`status status--${application.status}`}>{t(`applications:statuses.${application.status}`)}</strong>
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
                  <a href={`/applications/${application.reference}/documents/${doc.id}`}>{doc.filename}</a> ({t(`applications:documentKinds.${doc.kind}`)},{' '}
                  {Math.ceil(doc.sizeBytes / 1024)} KB)
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
      {actions.includes('confirm_deployment') ? (
        <section className="panel">
          <h2>{t('claims:confirmTitle')}</h2>
          <p>{t('claims:confirmExplains')}</p>
          <Form method="post">
            <CsrfInput />
            <button type="submit" name="intent" value="confirm_deployment" className="button" disabled={busy}>
              {t('claims:confirmButton')}
            </button>
          </Form>
        </section>
      ) : null}
      {actions.includes('submit_claim') ? (
        <section className="panel">
          <h2>{t('claims:claimTitle')}</h2>
          <p>{t('claims:claimExplains')}</p>
          <ClaimForm
            errors={actionData && 'claimErrors' in actionData ? (actionData.claimErrors as Record<string, string[]>) : undefined}
            values={actionData && 'claimErrors' in actionData ? (actionData.values as Record<string, string>) : undefined}
            busy={busy}
          />
        </section>
      ) : null}

      {actions.includes('resubmit') ? (
        <section className="panel">
          <h2>{t('applications:infoRequestedTitle')}</h2>
          <blockquote className="message">{application.events.filter((e) => e.action === 'request_info').at(-1)?.note}</blockquote>
          <Form method="post" encType="multipart/form-data" className="narrow">
            <CsrfInput />
            <div className="field">
              <label htmlFor="answer">{t('applications:yourAnswer')}</label>
              <textarea id="answer" name="note" rows={4} maxLength={2000} />
            </div>
            <div className="field">
              <label htmlFor="answer-document">{t('applications:extraDocument')}</label>
              <p className="hint">{t('applications:documentHint')}</p>
              <input type="file" id="answer-document" name="document" accept="application/pdf,image/jpeg,image/png" />
            </div>
            <button type="submit" name="intent" value="respond" className="button" disabled={busy}>
              {t('applications:sendAnswer')}
            </button>
          </Form>
        </section>
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

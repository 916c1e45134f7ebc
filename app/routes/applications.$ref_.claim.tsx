// Claiming the funding, on its own page: the rules first, a returned claim's reason on top with its values kept,
// the business's bank account, and every earlier attempt with its own documents.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ClaimAttempts, ReturnedClaim } from '../components/claim-attempts';
import { ClaimForm, ClaimRulesNote, claimSchema } from '../components/claim-form';
import { FormErrorSummary } from '../components/forms';
import { MAX_DOCUMENT_BYTES } from '../domain/documents';
import { requireRole } from '../services/session.server';
import { formatDate } from '../lib/format';
import { notFound, readSubmission, reply, replyFieldErrors, type Failure } from '../lib/forms.server';
import { documentBytes, documentUpload, parseReference } from '../lib/validation';
import { pickText } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { getShopClaims, submitClaim } from '../services/claims.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'claims:claimPageTitle', { reference: data?.app.reference ?? '' });

const amount = (cents: number) => (cents / 100).toFixed(2);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const reference = parseReference(params.ref);
  const state = await getShopClaims({ db: context.db, userId: user.id, reference });
  if (!state) throw notFound();
  if (state.app.status !== 'deployed') throw redirect(`/applications/${reference}`);
  const last = state.returned;
  // A returned claim's values stay in the form: the shop corrects what the officer named, not everything.
  const values: Record<string, string> = {
    ...(last
      ? {
          invoiceNumber: last.invoiceNumber,
          invoiceDate: last.invoiceDate,
          invoiced: amount(last.invoicedCents),
          paid: amount(last.paidCents),
          paidOn: last.paidOn,
          payerName: last.payerName,
        }
      : {}),
    ...(state.savedAccount
      ? {
          bankCode: state.savedAccount.bankCode,
          branchCode: state.savedAccount.branchCode ?? '',
          accountNumber: state.savedAccount.accountNumber,
          accountName: state.savedAccount.accountName,
        }
      : {}),
  };
  return json({ app: state.app, approvedOn: state.approvedOn, attempts: state.attempts, returned: state.returned, values });
}

const schema = claimSchema.extend({
  invoiceDocument: documentUpload('claims:invoice_missing'),
  paymentDocument: documentUpload('claims:payment_missing'),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const reference = parseReference(params.ref);
  const submission = await readSubmission(request, context, schema, { maxBytes: 2 * MAX_DOCUMENT_BYTES + 64 * 1024 });
  if (!submission.ok) return submission.reply;
  const { form, data: input } = submission;
  const result = await submitClaim({
    db: context.db,
    userId: user.id,
    reference,
    input: {
      invoiceNumber: input.invoiceNumber,
      invoiceDate: input.invoiceDate,
      invoicedCents: input.invoiced,
      paidCents: input.paid,
      paidOn: input.paidOn,
      payerName: input.payerName,
      bankAccount: {
        bankCode: input.bankCode,
        branchCode: input.branchCode || null,
        accountNumber: input.accountNumber,
        accountName: input.accountName,
      },
      invoice: await documentBytes(input.invoiceDocument),
      proofOfPayment: await documentBytes(input.paymentDocument),
    },
  });
  if (result.ok) return redirect(`/applications/${reference}?claimed=1`);
  if (result.code === 'not_found') throw notFound();
  if (result.code === 'bank_account') {
    // The bank account's own check names each field it refuses.
    const fieldErrors = Object.fromEntries(Object.entries(result.errors).map(([field, code]) => [field, [`claims:${code}`]]));
    return replyFieldErrors(form, fieldErrors);
  }
  const failures = {
    invalid_transition: { status: 409, message: 'applications:stale' },
    invoice_document: { status: 400, message: `applications:${'reason' in result ? result.reason : ''}`, field: 'invoiceDocument' },
    payment_document: { status: 400, message: `applications:${'reason' in result ? result.reason : ''}`, field: 'paymentDocument' },
  } satisfies Record<typeof result.code, Failure>;
  return reply(form, failures[result.code]);
}

export default function ClaimPage() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const vendorName = pickText({ en: data.app.vendorNameEn, zhHK: data.app.vendorNameZhHk, zhCN: data.app.vendorNameZhCn }, locale);
  return (
    <div>
      <p>
        <AppLink to={`/applications/${data.app.reference}`}>{t('applications:detailTitle', { reference: data.app.reference })}</AppLink>
      </p>
      <FormErrorSummary errors={actionData?.fieldErrors} formErrors={actionData?.formErrors} />
      <h1>{t('claims:claimTitle')}</h1>
      {data.returned ? <ReturnedClaim claim={data.returned} /> : null}
      <ClaimRulesNote rules={{ approvedOn: data.approvedOn ? formatDate(data.approvedOn, locale) : '—', vendorName }} />
      <p>{t('claims:claimExplains')}</p>
      <ClaimForm errors={actionData?.fieldErrors} values={actionData?.values ?? data.values} busy={busy} />
      {data.attempts.length > 0 ? (
        <ClaimAttempts
          reference={data.app.reference}
          attempts={data.attempts}
          documentBase={`/applications/${data.app.reference}/documents`}
        />
      ) : null}
    </div>
  );
}

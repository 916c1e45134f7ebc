// Claiming the funding, on its own page: the rules first, a returned claim's reason on top with its values kept,
// the business's bank account, and every earlier attempt with its own documents.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ClaimAttempts, ReturnedClaim } from '../components/claim-attempts';
import { ClaimForm, ClaimRulesNote, claimSchema } from '../components/claim-form';
import { MAX_DOCUMENT_BYTES } from '../domain/documents';
import { requireRole } from '../services/session.server';
import { parseReference } from '../lib/documents.server';
import { formatDate } from '../lib/format';
import { readForm, notFound } from '../lib/forms.server';
import { pickText } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { getShopClaims, submitClaim } from '../services/claims.server';

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

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const reference = parseReference(params.ref);
  const form = await readForm(request, context, { maxBytes: 2 * MAX_DOCUMENT_BYTES + 64 * 1024 });
  const text = Object.fromEntries([...form.entries()].filter(([k, v]) => typeof v === 'string' && !k.startsWith('_'))) as Record<
    string,
    string
  >;
  const fields = claimSchema.safeParse(text);
  const fieldErrors: Record<string, string[]> = {};
  if (!fields.success) {
    for (const issue of fields.error.issues)
      fieldErrors[String(issue.path[0])] ??= [issue.message.includes(':') ? issue.message : 'errors:invalid_value'];
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
  const values = Object.fromEntries(Object.entries(text).map(([k, v]) => [k, v.slice(0, 200)]));
  if (!fields.success || !files.invoiceDocument || !files.paymentDocument) return json({ errors: fieldErrors, values }, { status: 400 });
  const input = fields.data;
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
      invoice: files.invoiceDocument,
      proofOfPayment: files.paymentDocument,
    },
  });
  if (result.ok) return redirect(`/applications/${reference}?claimed=1`);
  if (result.code === 'not_found') throw notFound();
  if (result.code === 'invalid_transition') return json({ errors: { form: ['applications:stale'] }, values }, { status: 409 });
  if (result.code === 'bank_account') {
    return json(
      { errors: Object.fromEntries(Object.entries(result.errors).map(([field, code]) => [field, [`claims:${code}`]])), values },
      { status: 400 },
    );
  }
  const field = result.code === 'invoice_document' ? 'invoiceDocument' : 'paymentDocument';
  return json({ errors: { [field]: [`applications:${result.reason}`] }, values }, { status: 400 });
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
        <Link to={`/applications/${data.app.reference}`}>{t('applications:detailTitle', { reference: data.app.reference })}</Link>
      </p>
      <h1>{t('claims:claimTitle')}</h1>
      {data.returned ? <ReturnedClaim claim={data.returned} /> : null}
      <ClaimRulesNote rules={{ approvedOn: data.approvedOn ? formatDate(data.approvedOn, locale) : '—', vendorName }} />
      <p>{t('claims:claimExplains')}</p>
      <ClaimForm errors={actionData?.errors} values={actionData?.values ?? data.values} busy={busy} />
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

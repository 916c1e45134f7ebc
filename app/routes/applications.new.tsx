// Apply from a confirmed quotation: declarations and the quotation document, saved as a draft to check before submitting
// (applications.$ref_.check.tsx); with `change=1` the same form changes the draft's declarations and document.
import crypto from 'node:crypto';
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorSummary } from '../components/error-summary';
import { CsrfInput } from '../components/forms';
import { Money, QuotationItems, SplitSummary } from '../components/money';
import { MAX_DOCUMENT_BYTES } from '../domain/documents';
import { requireRole } from '../services/session.server';
import { failureTable } from '../lib/failures';
import { notFound, readSubmission, reply } from '../lib/forms.server';
import { pickText } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { documentBytes, documentUpload, parseId } from '../lib/validation';
import { applicantDeclarations } from '../domain/reasons';
import { changeDraftAnswers, getDraftToCheck } from '../services/application-check.server';
import { createDraftApplication, getQuotationForApplying } from '../services/applications.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'applications:newTitle');

async function loadQuotation(request: Request, context: LoaderFunctionArgs['context'], userId: number) {
  const quotationId = parseId(new URL(request.url).searchParams.get('quotation'));
  const quotation = await getQuotationForApplying({ db: context.db, userId, quotationId });
  if (!quotation) throw notFound();
  return quotation;
}

/** The draft already made from this quotation, if it is still a draft (its answers can then be changed). */
async function openDraft(context: LoaderFunctionArgs['context'], userId: number, reference: string | null) {
  if (!reference) return null;
  const found = await getDraftToCheck({ db: context.db, userId, reference });
  return found?.application.status === 'draft' ? found.application : null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const quotation = await loadQuotation(request, context, user.id);
  const draft = await openDraft(context, user.id, quotation.existingReference);
  if (quotation.existingReference) {
    if (!draft) throw redirect(`/applications/${quotation.existingReference}`);
    if (new URL(request.url).searchParams.get('change') !== '1') throw redirect(`/applications/${draft.reference}/check`);
  }
  const declared = draft ? Object.fromEntries(applicantDeclarations.map((d) => [d, draft.declarations[d] === true])) : null;
  // A fresh key per form: posting this form twice (double click, retry) makes one draft.
  return json({ quotation, idempotencyKey: crypto.randomUUID(), changing: Boolean(draft), declared });
}

const schema = z.object({
  idempotencyKey: z.uuid(),
  ...Object.fromEntries(applicantDeclarations.map((d) => [d, z.literal('yes', { error: 'applications:declaration_required' })])),
  document: documentUpload('applications:document_missing'),
});

// A refused document is the document field's error (400); anything else happened to the quotation meanwhile (409).
const failure = failureTable<string>({}, (code) =>
  code.startsWith('document')
    ? { status: 400, message: `applications:${code}`, field: 'document' }
    : { status: 409, message: `applications:${code}` },
);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const quotation = await loadQuotation(request, context, user.id);
  const submission = await readSubmission(request, context, schema, { maxBytes: MAX_DOCUMENT_BYTES + 64 * 1024 });
  if (!submission.ok) return submission.reply;
  const { form, data: parsed } = submission;
  const declarations = Object.fromEntries(applicantDeclarations.map((d) => [d, true])) as Record<
    (typeof applicantDeclarations)[number],
    true
  >;
  const document = await documentBytes(parsed.document);

  const result = await createDraftApplication({
    db: context.db,
    userId: user.id,
    input: {
      quotationId: quotation.id,
      idempotencyKey: parsed.idempotencyKey,
      declarations,
      document,
    },
  });
  // A replay of the same form gives the same draft; a new form for a quotation that has a draft changes that draft.
  if (!result.ok && result.code === 'quotation_used' && quotation.existingReference) {
    const changed = await changeDraftAnswers({ db: context.db, userId: user.id, quotationId: quotation.id, declarations, document });
    if (!changed.ok) {
      if (changed.code === 'not_found') throw notFound();
      return reply(form, failure(changed.code));
    }
    return redirect(`/applications/${changed.reference}/check`);
  }
  if (!result.ok) {
    if (result.code === 'not_found') throw notFound();
    return reply(form, failure(result.code));
  }
  return redirect(`/applications/${result.reference}/check`);
}

export default function NewApplication() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { quotation, idempotencyKey, changing, declared } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const labels: Record<string, string> = Object.fromEntries(applicantDeclarations.map((d) => [d, t(`applications:declarations.${d}`)]));
  labels.document = t('applications:document');
  const fieldErrors = actionData?.fieldErrors as Record<string, string[] | undefined> | undefined;
  // One entry for the declarations (linked to the first one not ticked), one for the document: the inline words.
  const missingDeclaration = applicantDeclarations.find((d) => fieldErrors?.[d]);
  const summary = {
    ...(actionData?.formErrors[0] ? { form: t(actionData.formErrors[0]) } : {}),
    ...(missingDeclaration ? { [missingDeclaration]: t('applications:declaration_required') } : {}),
    ...(fieldErrors?.document ? { document: t(fieldErrors.document[0]!) } : {}),
  };
  // What was ticked before the failed submit stays ticked.
  const checked = (d: string) => (actionData ? actionData.values[d] === 'yes' : (declared?.[d] ?? false));
  return (
    <div>
      <p>
        <AppLink to="/enquiries">{t('enquiries:title')}</AppLink>
      </p>
      <ErrorSummary errors={summary} />
      <h1>{changing ? t('applications:changeTitle') : t('applications:newTitle')}</h1>
      <p className="lead">{changing ? t('applications:changeLead') : t('applications:newLead')}</p>
      <section className="panel">
        <h2>{t('applications:quotationTitle')}</h2>
        <p>
          {locale === 'en' ? quotation.legalNameEn : quotation.legalNameZh} ·{' '}
          {pickText({ en: quotation.vendorNameEn, zhHK: quotation.vendorNameZhHk, zhCN: quotation.vendorNameZhCn }, locale)}
        </p>
        <QuotationItems items={quotation.items} months={quotation.maxSubscriptionMonths} />
        <SplitSummary split={quotation.split} />
        <p>
          {t('catalogue:headroomAfter')} <Money cents={quotation.split.headroomAfterCents} />
        </p>
        {quotation.split.programmeCents === 0 ? <p className="notice notice--error">{t('applications:noHeadroom')}</p> : null}
      </section>
      <Form method="post" encType="multipart/form-data" className="narrow" noValidate>
        <CsrfInput />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <fieldset className="field">
          <legend>{t('applications:declarationsTitle')}</legend>
          {missingDeclaration ? (
            <p className="field-error" id="declarations-error">
              <span className="visually-hidden">{t('common:errorPrefix')}</span> {t('applications:declaration_required')}
            </p>
          ) : null}
          {applicantDeclarations.map((d) => (
            <div className="checkbox" key={d}>
              <input type="checkbox" id={d} name={d} value="yes" defaultChecked={checked(d)} />
              <label htmlFor={d}>{labels[d]}</label>
            </div>
          ))}
        </fieldset>
        <div className={actionData?.fieldErrors?.document ? 'field field--error' : 'field'}>
          <label htmlFor="document">{labels.document}</label>
          <p className="hint" id="document-hint">
            {t('applications:documentHint')}
          </p>
          {fieldErrors?.document ? (
            <p className="field-error" id="document-error">
              <span className="visually-hidden">{t('common:errorPrefix')}</span> {t(fieldErrors.document[0]!)}
            </p>
          ) : null}
          <input
            type="file"
            id="document"
            name="document"
            accept="application/pdf,image/jpeg,image/png"
            aria-invalid={fieldErrors?.document ? true : undefined}
            aria-describedby={fieldErrors?.document ? 'document-hint document-error' : 'document-hint'}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('applications:continueButton')}
        </button>
      </Form>
    </div>
  );
}

// Answering the case officer's question, on its own page: the question, then the answer and an optional document.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput, FileField, FormErrorSummary, TextArea } from '../components/forms';
import { allowedActions, type ApplicationStatus } from '../domain/application-lifecycle';
import { MAX_DOCUMENT_BYTES } from '../domain/documents';
import { latestExchange } from '../domain/info-requests';
import { requireRole } from '../services/session.server';
import { formatDateTime } from '../lib/format';
import { notFound, readSubmission, reply, type Failure } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { documentBytes, optionalDocumentUpload, parseReference, requiredText } from '../lib/validation';
import { getApplicantApplication, respondToInfoRequest } from '../services/applications.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, 'applications:answerPageTitle', { reference: data?.reference ?? '' });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const reference = parseReference(params.ref);
  const application = await getApplicantApplication({ db: context.db, userId: user.id, reference });
  if (!application) throw notFound();
  if (!allowedActions({ status: application.status as ApplicationStatus, role: 'applicant' }).includes('resubmit'))
    throw redirect(`/applications/${reference}`);
  const question = latestExchange(application.events, application.documents)?.question;
  return json({ reference, question: question ? { note: question.note, createdAt: question.createdAt } : null });
}

const answerSchema = z.object({
  note: requiredText({ max: 2000, multiline: true, message: 'applications:answer_required' }),
  document: optionalDocumentUpload,
});

const failures = {
  invalid_transition: { status: 409, message: 'applications:stale' },
  document_too_large: { status: 400, message: 'applications:document_too_large', field: 'document' },
  document_type: { status: 400, message: 'applications:document_type', field: 'document' },
} satisfies Record<string, Failure>;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const reference = parseReference(params.ref);
  const submission = await readSubmission(request, context, answerSchema, { maxBytes: MAX_DOCUMENT_BYTES + 64 * 1024 });
  if (!submission.ok) return submission.reply;
  const { note, document } = submission.data;
  const result = await respondToInfoRequest({
    db: context.db,
    userId: user.id,
    reference,
    note,
    document: document ? await documentBytes(document) : undefined,
  });
  if (result.ok) return redirect(`/applications/${reference}?answered=1`);
  if (result.code === 'not_found') throw notFound();
  return reply(submission.form, failures[result.code]);
}

export default function AnswerPage() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { reference, question } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <div>
      <p>
        <AppLink to={`/applications/${reference}`}>{t('applications:detailTitle', { reference })}</AppLink>
      </p>
      <FormErrorSummary errors={actionData?.fieldErrors} formErrors={actionData?.formErrors} />
      <h1>{t('applications:infoRequestedTitle')}</h1>
      {question ? (
        <section className="panel">
          <h2>{t('applications:officerAsks', { date: formatDateTime(question.createdAt, locale) })}</h2>
          <blockquote className="message">{question.note}</blockquote>
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="narrow">
        <CsrfInput />
        <TextArea name="note" label={t('applications:yourAnswer')} errors={actionData?.fieldErrors} rows={5} maxLength={2000} />
        <FileField
          name="document"
          label={t('applications:extraDocument')}
          hint={t('applications:documentHint')}
          errors={actionData?.fieldErrors}
          accept="application/pdf,image/jpeg,image/png"
        />
        <button type="submit" className="button" disabled={busy}>
          {t('applications:sendAnswer')}
        </button>
      </Form>
    </div>
  );
}

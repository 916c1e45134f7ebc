// Answering the case officer's question, on its own page: the question, then the answer and an optional document.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput } from '../components/forms';
import { allowedActions, type ApplicationStatus } from '../domain/application-lifecycle';
import { MAX_DOCUMENT_BYTES } from '../domain/documents';
import { latestExchange } from '../domain/info-requests';
import { requireRole } from '../services/session.server';
import { parseReference } from '../lib/documents.server';
import { formatDateTime } from '../lib/format';
import { readForm, notFound } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { optionalText } from '../lib/validation';
import { getApplicantApplication, respondToInfoRequest } from '../services/applications.server';

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

const answerSchema = z.object({ note: optionalText({ max: 2000, multiline: true }).optional() });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'applicant');
  const reference = parseReference(params.ref);
  const form = await readForm(request, context, { maxBytes: MAX_DOCUMENT_BYTES + 64 * 1024 });
  const parsed = answerSchema.safeParse({ note: typeof form.get('note') === 'string' ? form.get('note') : undefined });
  const note = parsed.success ? (parsed.data.note ?? '') : '';
  if (!parsed.success || !note) {
    return json(
      { error: parsed.success ? 'applications:answer_required' : (parsed.error.issues[0]?.message ?? 'errors:invalid_value') },
      { status: 400 },
    );
  }
  const file = form.get('document');
  const bytes = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined;
  const result = await respondToInfoRequest({
    db: context.db,
    userId: user.id,
    reference,
    note,
    document: bytes && file instanceof File ? { bytes, filename: file.name } : undefined,
  });
  if (result.ok) return redirect(`/applications/${reference}?answered=1`);
  if (result.code === 'not_found') throw notFound();
  return json(
    { error: result.code === 'invalid_transition' ? 'applications:stale' : `applications:${result.code}` },
    { status: result.code === 'invalid_transition' ? 409 : 400 },
  );
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
        <Link to={`/applications/${reference}`}>{t('applications:detailTitle', { reference })}</Link>
      </p>
      <h1>{t('applications:infoRequestedTitle')}</h1>
      {actionData?.error ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>{t('common:errorSummaryTitle')}</h2>
          <p>
            <a href="#answer">{t(actionData.error)}</a>
          </p>
        </div>
      ) : null}
      {question ? (
        <section className="panel">
          <h2>{t('applications:officerAsks', { date: formatDateTime(question.createdAt, locale) })}</h2>
          <blockquote className="message">{question.note}</blockquote>
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="narrow">
        <CsrfInput />
        <div className={actionData?.error ? 'field field--error' : 'field'}>
          <label htmlFor="answer">{t('applications:yourAnswer')}</label>
          <textarea id="answer" name="note" rows={5} maxLength={2000} aria-invalid={actionData?.error ? true : undefined} />
        </div>
        <div className="field">
          <label htmlFor="answer-document">{t('applications:extraDocument')}</label>
          <p className="hint">{t('applications:documentHint')}</p>
          <input type="file" id="answer-document" name="document" accept="application/pdf,image/jpeg,image/png" />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('applications:sendAnswer')}
        </button>
      </Form>
    </div>
  );
}

// The officers' queue: filters, oldest first, keyset pagination, days waiting with the service standard flagged.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput } from '../components/forms';
import { Money } from '../components/money';
import { applicationStatuses } from '../domain/application-lifecycle';
import { categories, districts, sectors } from '../domain/programme';
import { requireRole } from '../services/session.server';
import { queueFiltersSchema } from '../lib/queue-filters';
import { formatDate } from '../lib/format';
import { readSubmission, reply, type Failure } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { isoInstant } from '../lib/validation';
import { useRootData } from '../lib/root-data';
import { listQueue, takeNextInQueue } from '../services/officer.server';
import { AppLink } from '../components/app-link';
import { hereWith } from '../domain/paths';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'officer:queueTitle');

// '<submitted at, ISO in UTC>_<id>' as the page wrote it; an instant PostgreSQL cannot hold is no cursor.
const cursorSchema = z
  .string()
  .regex(/^[^_]{10,40}_[1-9]\d{0,14}$/)
  .transform((value) => {
    const [submittedAt, id] = value.split('_') as [string, string];
    return { submittedAt, id: Number(id) };
  })
  .refine((cursor) => isoInstant.safeParse(cursor.submittedAt).success);

const filtersSchema = queueFiltersSchema.extend({ after: cursorSchema.optional().catch(undefined) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const officer = await requireRole(request, context, 'officer');
  const { after, ...filters } = filtersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await listQueue({ db: context.db, officerId: officer.id, filters, after });
  return json({ ...result, filters, next: result.next ? `${result.next.submittedAt}_${result.next.id}` : null });
}

// An empty queue is news, not an error (200); anything else, someone took the application first (409).
const failures = {
  queue_empty: { status: 200, message: 'officer:queue_empty' },
  not_found: { status: 409, message: 'officer:not_found' },
  conflict_of_interest: { status: 409, message: 'officer:conflict_of_interest' },
  assigned_to_other: { status: 409, message: 'officer:assigned_to_other' },
  invalid_transition: { status: 409, message: 'officer:invalid_transition' },
} satisfies Record<string, Failure>;

export async function action({ request, context }: ActionFunctionArgs) {
  const officer = await requireRole(request, context, 'officer');
  const submission = await readSubmission(request, context, z.object({}));
  if (!submission.ok) return submission.reply;
  const result = await takeNextInQueue({ db: context.db, officerId: officer.id });
  if (!result.ok) return reply(submission.form, failures[result.code]);
  return redirect(`/officer/applications/${result.reference}`);
}

export default function Queue() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  const f = data.filters;
  return (
    <div>
      <h1>{t('officer:queueTitle')}</h1>
      <Form method="post">
        <CsrfInput />
        <button type="submit" className="button">
          {t('officer:nextInQueue')}
        </button>
      </Form>
      {actionData?.formErrors[0] ? (
        <p className="notice" role="status">
          {t(actionData.formErrors[0])}
        </p>
      ) : null}
      {data.repliesReceived.length > 0 ? (
        <section className="panel panel--task" aria-labelledby="replies-title">
          <h2 id="replies-title">{t('officer:repliesTitle')}</h2>
          <ul className="plain-list">
            {data.repliesReceived.map((reply) => (
              <li key={reply.reference}>
                <strong className="flag">{t('officer:replyReceived')}</strong>{' '}
                <AppLink to={`/officer/applications/${reply.reference}`}>{reply.reference}</AppLink> ·{' '}
                {locale === 'en' ? reply.legalNameEn : reply.legalNameZh} · {formatDate(reply.updatedAt, locale)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="get" className="filters" aria-label={t('officer:filters')}>
        <div className="field">
          <label htmlFor="assigned">{t('officer:assigned')}</label>
          <select id="assigned" name="assigned" defaultValue={f.assigned}>
            <option value="any">{t('officer:assignedAny')}</option>
            <option value="me">{t('officer:assignedMe')}</option>
            <option value="unassigned">{t('officer:assignedNobody')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">{t('applications:status')}</label>
          <select id="status" name="status" defaultValue={f.status ?? ''}>
            <option value="">{t('officer:openStatuses')}</option>
            {applicationStatuses
              .filter((s) => s !== 'draft')
              .map((s) => (
                <option key={s} value={s}>
                  {t(`applications:statuses.${s}`)}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sector">{t('catalogue:sector')}</label>
          <select id="sector" name="sector" defaultValue={f.sector ?? ''}>
            <option value="">{t('catalogue:allSectors')}</option>
            {sectors.map((s) => (
              <option key={s} value={s}>
                {t(`common:sectors.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="district">{t('business:district')}</label>
          <select id="district" name="district" defaultValue={f.district ?? ''}>
            <option value="">{t('officer:allDistricts')}</option>
            {districts.map((d) => (
              <option key={d} value={d}>
                {t(`common:districts.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="category">{t('catalogue:category')}</label>
          <select id="category" name="category" defaultValue={f.category ?? ''}>
            <option value="">{t('catalogue:allCategories')}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {t(`common:categories.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="minDays">{t('officer:minDays')}</label>
          <input id="minDays" name="minDays" type="number" min={1} max={3650} inputMode="numeric" defaultValue={f.minDays ?? ''} />
        </div>
        <button type="submit" className="button button--secondary">
          {t('officer:filterButton')}
        </button>
      </Form>
      <p className="hint">{t('officer:slaNote', { days: data.slaWorkingDays })}</p>
      {data.rows.length === 0 ? (
        <p>{t('officer:queueEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table--reflow">
            <thead>
              <tr>
                <th scope="col">{t('applications:reference')}</th>
                <th scope="col">{t('enquiries:business')}</th>
                <th scope="col">{t('catalogue:category')}</th>
                <th scope="col">{t('applications:status')}</th>
                <th scope="col">{t('catalogue:programmePays')}</th>
                <th scope="col">{t('applications:submittedOn')}</th>
                <th scope="col">{t('officer:daysWaiting')}</th>
                <th scope="col">{t('officer:officer')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.id} className={row.slaBreached ? 'row--breach' : undefined}>
                  <td data-label={t('applications:reference')}>
                    <AppLink to={`/officer/applications/${row.reference}`}>{row.reference}</AppLink>
                  </td>
                  <td data-label={t('enquiries:business')}>
                    {locale === 'en' ? row.legalNameEn : row.legalNameZh}
                    <br />
                    <span className="hint">
                      {t(`common:sectors.${row.sector}`)} · {t(`common:districts.${row.district}`)}
                    </span>
                  </td>
                  <td data-label={t('catalogue:category')}>{t(`common:categories.${row.category}`)}</td>
                  <td data-label={t('applications:status')}>
                    {t(`applications:statuses.${row.status}`)}
                    {row.replyReceived ? <strong className="flag"> {t('officer:replyReceived')}</strong> : null}
                  </td>
                  <td data-label={t('catalogue:programmePays')}>
                    <Money cents={row.programmeCents} />
                  </td>
                  <td data-label={t('applications:submittedOn')}>{row.submittedAt ? formatDate(row.submittedAt, locale) : '—'}</td>
                  <td data-label={t('officer:daysWaiting')}>
                    {row.daysWaiting}
                    {row.slaBreached ? <strong className="flag"> {t('officer:slaBreached')}</strong> : null}
                  </td>
                  <td data-label={t('officer:officer')}>{row.assignedOfficerName ?? t('officer:unassigned')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pagination" aria-label={t('common:pagination.label')}>
        {location.search.includes('after=') ? <AppLink to={hereWith(location, 'after', null)}>{t('officer:firstPage')}</AppLink> : null}
        {data.next ? (
          <AppLink to={hereWith(location, 'after', data.next)} rel="next">
            {t('common:pagination.next')}
          </AppLink>
        ) : null}
      </nav>
    </div>
  );
}

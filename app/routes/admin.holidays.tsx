// Admin: Hong Kong general holidays, which the service standards skip when counting working days; add and remove.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput, FormErrorSummary, TextField } from '../components/forms';
import { isRealDay } from '../domain/dates';
import { requireRole } from '../services/session.server';
import { formatDate, formatDateTime } from '../lib/format';
import { notFound, readSubmission, reply } from '../lib/forms.server';
import { intlLocale } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { idSchema } from '../lib/validation';
import { addHoliday, holidayChanges, listHolidays, removeHoliday } from '../services/holidays.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'officer:holidays.title');

const hkYear = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
const yearSchema = z.coerce.number().int().min(1900).max(2199);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'admin');
  const year = yearSchema.catch(hkYear(new Date())).parse(new URL(request.url).searchParams.get('year') ?? undefined);
  const [{ rows, years }, changes] = await Promise.all([listHolidays({ db: context.db, year }), holidayChanges({ db: context.db })]);
  return json({ year, rows, years: [...new Set([...years, year])].sort((a, b) => a - b), changes });
}

// The database bounds each name at 100 characters; the day is a real Hong Kong calendar day.
const name = z.string({ error: 'errors:required' }).trim().min(1, 'errors:required').max(100, 'errors:too_long');
const schema = z.discriminatedUnion('intent', [
  // A junk id is a holiday that does not exist (404), not a form error.
  z.object({ intent: z.literal('remove'), id: idSchema.catch(0) }),
  z.object({
    intent: z.literal('add'),
    day: z.string({ error: 'errors:required' }).trim().refine(isRealDay, 'errors:date_invalid'),
    nameEn: name,
    nameZhHk: name,
    nameZhCn: name,
  }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, context, 'admin');
  const submission = await readSubmission(request, context, schema);
  if (!submission.ok) return submission.reply;
  const { data } = submission;
  if (data.intent === 'remove') {
    const removed = data.id > 0 ? await removeHoliday({ db: context.db, adminId: admin.id, id: data.id }) : { ok: false as const };
    if (!removed.ok) throw notFound();
    return redirect(`/admin/holidays?year=${removed.day.slice(0, 4)}&removed=${removed.day}`);
  }
  const { intent: _add, ...input } = data;
  const added = await addHoliday({ db: context.db, adminId: admin.id, input });
  if (!added.ok) return reply(submission.form, { status: 400, message: `officer:holidays.${added.code}`, field: 'day' });
  return redirect(`/admin/holidays?year=${data.day.slice(0, 4)}&added=${data.day}`);
}

export default function Holidays() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const { year, rows, years, changes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const [params] = useSearchParams();
  const errors = actionData?.fieldErrors;
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  const weekday = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: 'UTC', weekday: 'long' });
  const nameOf = (row: (typeof rows)[number]) => (locale === 'en' ? row.nameEn : locale === 'zh-HK' ? row.nameZhHk : row.nameZhCn);
  const labels = {
    day: t('officer:holidays.day'),
    nameEn: t('officer:holidays.nameEn'),
    nameZhHk: t('officer:holidays.nameZhHk'),
    nameZhCn: t('officer:holidays.nameZhCn'),
  };
  const added = params.get('added');
  const removed = params.get('removed');
  return (
    <div>
      <FormErrorSummary errors={errors} formErrors={actionData?.formErrors} />
      <h1>{t('officer:holidays.title')}</h1>
      {added ? (
        <div className="notice notice--success" role="status">
          {t('officer:holidays.added', { day: formatDate(added, locale) })}
        </div>
      ) : null}
      {removed ? (
        <div className="notice notice--success" role="status">
          {t('officer:holidays.removed', { day: formatDate(removed, locale) })}
        </div>
      ) : null}
      <p className="lead">{t('officer:holidays.lead')}</p>
      <nav aria-label={t('officer:holidays.years')}>
        <ul className="inline-list">
          {years.map((y) => (
            <li key={y}>
              {y === year ? <strong aria-current="page">{y}</strong> : <AppLink to={`/admin/holidays?year=${y}`}>{y}</AppLink>}
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t('officer:holidays.listTitle', { year })}</h2>
      {rows.length === 0 ? (
        <p>{t('officer:holidays.none', { year })}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{labels.day}</th>
              <th scope="col">{t('officer:holidays.weekday')}</th>
              <th scope="col">{t('officer:holidays.name')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('officer:holidays.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{formatDate(row.day, locale)}</td>
                <td>{weekday.format(new Date(`${row.day}T00:00:00Z`))}</td>
                <td>{nameOf(row)}</td>
                <td>
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="id" value={row.id} />
                    <button type="submit" name="intent" value="remove" className="link-button" disabled={busy}>
                      {t('officer:holidays.removeNamed', { day: formatDate(row.day, locale) })}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('officer:holidays.addTitle')}</h2>
      <Form method="post" noValidate className="narrow" key={added ?? 'form'}>
        <CsrfInput />
        <TextField
          name="day"
          type="date"
          label={labels.day}
          hint={t('officer:holidays.dayHint')}
          defaultValue={values.day}
          errors={errors}
          maxLength={10}
        />
        <TextField name="nameEn" label={labels.nameEn} defaultValue={values.nameEn} errors={errors} maxLength={100} />
        <TextField name="nameZhHk" label={labels.nameZhHk} defaultValue={values.nameZhHk} errors={errors} maxLength={100} />
        <TextField name="nameZhCn" label={labels.nameZhCn} defaultValue={values.nameZhCn} errors={errors} maxLength={100} />
        <button type="submit" name="intent" value="add" className="button" disabled={busy}>
          {t('officer:holidays.addButton')}
        </button>
      </Form>

      {changes.length > 0 ? (
        <>
          <h2>{t('officer:holidays.changesTitle')}</h2>
          <ul>
            {changes.map((change) => (
              <li key={change.id}>
                {formatDateTime(change.createdAt, locale)} · {change.displayName ?? '—'} ·{' '}
                {t(`officer:holidays.actions.${change.action}`, { defaultValue: change.action })} · {change.note}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

// The user's notifications: every change to their applications (the same messages the gateway sends).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput } from '../components/forms';
import { Pagination } from '../components/pagination';
import { requireUser } from '../lib/auth.server';
import { formatDateTime, formatMoney } from '../lib/format';
import { readForm } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { listNotifications, markAllRead } from '../services/notifications.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications:listTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(new URL(request.url).searchParams.get('page'));
  return json({ ...(await listNotifications({ db: context.db, userId: user.id, page })), role: user.role });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  await readForm(request, context);
  await markAllRead({ db: context.db, userId: user.id });
  return redirect('/notifications');
}

export default function Notifications() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  const linkFor = (reference: string) => (data.role === 'applicant' ? `/applications/${reference}` : data.role === 'vendor' ? '/vendor/applications' : `/officer/applications/${reference}`);
  return (
    <div>
      <h1>{t('notifications:listTitle')}</h1>
      {data.rows.length === 0 ? (
        <p>{t('notifications:none')}</p>
      ) : (
        <>
          <Form method="post">
            <CsrfInput />
            <button type="submit" className="button button--secondary">
              {t('notifications:markRead')}
            </button>
          </Form>
          <ul className="inbox">
            {data.rows.map((row) => {
              const params = row.params as Record<string, string | number>;
              const values = {
                ...params,
                amount: formatMoney(Number(params.programmeCents ?? 0)),
                reason: params.reasonCode ? t(`applications:reasons.${params.reasonCode}`, { defaultValue: String(params.reasonCode) }) : '',
                note: params.note ?? '',
              };
              return (
                <li key={row.id} className="inbox-item">
                  <p className="hint">
                    {formatDateTime(row.createdAt, locale)} {row.readAt ? null : <strong className="tag">{t('notifications:unread')}</strong>}
                  </p>
                  <h2 className="card-title">{t(`notifications:${row.template}.subject`, values)}</h2>
                  <p>{t(`notifications:${row.template}.body`, values)}</p>
                  {row.reference ? <Link to={linkFor(row.reference)}>{row.reference}</Link> : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} />
    </div>
  );
}

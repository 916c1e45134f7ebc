// The user's notifications: every hand-off that waits for them. Opening one marks it read and leads to where the work
// is (a form, so it works without JavaScript); "mark all as read" clears the rest.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput } from '../components/forms';
import { Pagination } from '../components/pagination';
import { requireUser, safeRedirect } from '../services/session.server';
import { formatDateTime } from '../lib/format';
import { notFound, readSubmission } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { useRootData } from '../lib/root-data';
import { idSchema } from '../lib/validation';
import { templateValues } from '../lib/notification-values';
import { listNotifications, markAllRead, openNotification } from '../services/notifications.server';
import { readPage } from '../lib/pagination';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications:listTitle');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const page = readPage(request);
  return json({ ...(await listNotifications({ db: context.db, userId: user.id, page })) });
}

// Opening one notification names it; any other post marks them all read.
const schema = z.preprocess(
  (raw) => (raw && typeof raw === 'object' && 'intent' in raw && raw.intent === 'open' ? raw : { intent: 'read_all' }),
  z.discriminatedUnion('intent', [z.object({ intent: z.literal('open'), id: idSchema }), z.object({ intent: z.literal('read_all') })]),
);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const submission = await readSubmission(request, context, schema);
  if (!submission.ok) return submission.reply;
  const { data } = submission;
  if (data.intent === 'open') {
    const opened = await openNotification({ db: context.db, userId: user.id, role: user.role, id: data.id });
    // Someone else's notification is as unknown as one that does not exist.
    if (!opened) throw notFound();
    return redirect(safeRedirect(opened.target, '/notifications'));
  }
  await markAllRead({ db: context.db, userId: user.id });
  return redirect('/notifications?read=all');
}

export default function Notifications() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const data = useLoaderData<typeof loader>();
  const anyUnread = data.rows.some((row) => !row.readAt);
  return (
    <div>
      <h1>{t('notifications:listTitle')}</h1>
      {data.rows.length === 0 ? (
        <p>{t('notifications:none')}</p>
      ) : (
        <>
          {anyUnread ? (
            <Form method="post">
              <CsrfInput />
              <button type="submit" name="intent" value="read_all" className="button button--secondary">
                {t('notifications:markRead')}
              </button>
            </Form>
          ) : null}
          <ul className="inbox">
            {data.rows.map((row) => {
              const values = templateValues(row.params as Record<string, string | number>, locale, t);
              const subject = t(`notifications:${row.template}.subject`, values);
              return (
                <li key={row.id} className={row.readAt ? 'inbox-item inbox-item--read' : 'inbox-item'} data-notification={row.template}>
                  <p className="hint">
                    {formatDateTime(row.createdAt, locale)}{' '}
                    {row.readAt ? null : <strong className="tag">{t('notifications:unread')}</strong>}
                  </p>
                  <h2 className="card-title">{subject}</h2>
                  <p>{t(`notifications:${row.template}.body`, values)}</p>
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="id" value={row.id} />
                    <button type="submit" name="intent" value="open" className="link-button">
                      {t('notifications:open', { subject })}
                    </button>
                  </Form>
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

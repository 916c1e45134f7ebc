// In-app notifications: writing one (with its outbox message, rendered in the receiver's language) at most once per
// (user, source event, template), and the user's own list, opening and marking read.
import type { Transaction } from 'kysely';
import type { DB } from '../../db/client';
import type { Database } from '../../db/schema';
import { notificationTarget, type NotificationRole, type NotificationTemplate } from '../domain/notifications';
import { formatMoney } from '../lib/format';
import { isLocale, type Locale } from '../lib/i18n';
import { serverT } from '../lib/i18n.server';

export const NOTIFICATION_PAGE_SIZE = 20;

type Trx = Transaction<Database>;
export type NotificationParams = Record<string, string | number>;

/**
 * The values a template is filled with, in the reader's language: the amount formatted, a reason code translated,
 * and the package's or business's name in that language when the params carry several.
 */
export function templateValues(params: NotificationParams, locale: Locale, t: (key: string, options?: Record<string, unknown>) => string) {
  const named = (base: string) => {
    const zh = locale === 'zh-CN' ? params[`${base}ZhCn`] ?? params[`${base}ZhHk`] : params[`${base}ZhHk`];
    return String((locale === 'en' ? params[`${base}En`] : zh || params[`${base}En`]) ?? '');
  };
  return {
    ...params,
    amount: formatMoney(Number(params.programmeCents ?? params.amountCents ?? 0)),
    reason: params.reasonCode ? t(`applications:reasons.${params.reasonCode}`, { defaultValue: String(params.reasonCode) }) : '',
    note: params.note ?? '',
    package: named('package'),
    shop: named('shop'),
  };
}

export type Notice = {
  userId: number;
  applicationId?: number | null;
  template: NotificationTemplate;
  params: NotificationParams;
  /** The event it comes from; unique with the user and the template. */
  sourceKey: string;
  to: { email: string; phone?: string | null };
  locale: string;
};

/**
 * Writes the in-app notification and its outbox message in the caller's transaction, unless this user already has
 * this template from this source (then nothing at all is written). Returns whether it was written.
 */
export async function notify(trx: Trx, notice: Notice): Promise<boolean> {
  const inserted = await trx
    .insertInto('notifications')
    .values({
      userId: notice.userId,
      applicationId: notice.applicationId ?? null,
      template: notice.template,
      params: JSON.stringify(notice.params),
      sourceKey: notice.sourceKey,
    })
    .onConflict((oc) => oc.columns(['userId', 'sourceKey', 'template']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  // Rendered now, in the recipient's language, so the worker only delivers.
  const locale: Locale = isLocale(notice.locale) ? notice.locale : 'zh-HK';
  const t = serverT(locale);
  const values = templateValues(notice.params, locale, t);
  await trx
    .insertInto('outbox')
    .values({
      topic: 'notification',
      idempotencyKey: `notification-${inserted.id}-${notice.sourceKey}`,
      payload: JSON.stringify({
        to: { email: notice.to.email, ...(notice.to.phone ? { phone: notice.to.phone } : {}) },
        locale,
        template: notice.template,
        subject: t(`notifications:${notice.template}.subject`, values),
        body: t(`notifications:${notice.template}.body`, values),
      }),
    })
    .execute();
  return true;
}

export async function listNotifications({ db, userId, page }: { db: DB; userId: number; page: number }) {
  const base = db.selectFrom('notifications as n').leftJoin('applications as a', 'a.id', 'n.applicationId').where('n.userId', '=', userId);
  const { total } = await base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const pageCount = Math.max(1, Math.ceil(Number(total) / NOTIFICATION_PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const rows = await base
    .select(['n.id', 'n.template', 'n.params', 'n.readAt', 'n.createdAt', 'a.reference'])
    .orderBy('n.id', 'desc')
    .limit(NOTIFICATION_PAGE_SIZE)
    .offset((current - 1) * NOTIFICATION_PAGE_SIZE)
    .execute();
  return { rows, page: current, pageCount };
}

/**
 * Opens one of the user's own notifications: marks it read and says where it leads. Another user's notification is
 * not found (null), the same as one that does not exist.
 */
export async function openNotification({ db, userId, role, id }: { db: DB; userId: number; role: NotificationRole; id: number }): Promise<{ target: string } | null> {
  const row = await db
    .updateTable('notifications as n')
    .set({ readAt: new Date() })
    .where('n.id', '=', id)
    .where('n.userId', '=', userId)
    .returning(['n.template', 'n.params', 'n.applicationId'])
    .executeTakeFirst();
  if (!row) return null;
  const application = row.applicationId === null ? undefined : await db.selectFrom('applications').select('reference').where('id', '=', row.applicationId).executeTakeFirst();
  return { target: notificationTarget({ template: row.template, role, reference: application?.reference ?? null, params: row.params }) };
}

export async function markAllRead({ db, userId }: { db: DB; userId: number }) {
  await db.updateTable('notifications').set({ readAt: new Date() }).where('userId', '=', userId).where('readAt', 'is', null).execute();
}

export async function unreadCount({ db, userId }: { db: DB; userId: number }): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

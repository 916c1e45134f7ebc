// The in-app notification list of a user (their own only).
import type { DB } from '../../db/client';

export const NOTIFICATION_PAGE_SIZE = 20;

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

// Every change of an application: the append-only event, the in-app notifications and the outbox messages, all
// written with the caller's transaction so that none exists without the others.
import type { Transaction } from 'kysely';
import type { DB } from '../../db/client';
import type { AuditLogTable, Database } from '../../db/schema';
import type { ActorRole, ApplicationAction, ApplicationStatus } from '../domain/application-lifecycle';
import { notificationsFor } from '../domain/notifications';
import { formatMoney } from '../lib/format';
import { isLocale } from '../lib/i18n';
import { serverT } from '../lib/i18n.server';

export type Trx = Transaction<Database>;

/** One entry of the audit log of vendors, packages, businesses, holidays and enquiries, in the caller's transaction. */
export async function writeAudit(
  trx: Trx | DB,
  entry: { entityType: AuditLogTable['entityType']; entityId: number; action: string; actorUserId: number | null; actorRole: string; note?: string | null },
): Promise<void> {
  await trx.insertInto('auditLog').values({ ...entry, note: entry.note ?? null }).execute();
}

export type TransitionEvent = {
  applicationId: number;
  actorUserId: number | null;
  actorRole: ActorRole;
  /** 'change_answers': the owner changed a draft's declarations or document (no status change, no notification). */
  action: ApplicationAction | 'create' | 'change_answers';
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  reasonCode?: string | null;
  note?: string | null;
};

export async function recordTransition(trx: Trx, event: TransitionEvent): Promise<void> {
  const row = await trx
    .insertInto('applicationEvents')
    .values({ ...event, reasonCode: event.reasonCode ?? null, note: event.note ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (event.action === 'create' || event.action === 'change_answers') return;
  const recipients = notificationsFor(event.action);
  if (recipients.length === 0) return;

  const application = await trx
    .selectFrom('applications as a')
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .innerJoin('users as owner', 'owner.id', 'ent.ownerUserId')
    .innerJoin('vendors as vd', 'vd.id', 'a.vendorId')
    .leftJoin('users as vendorUser', 'vendorUser.id', 'vd.userId')
    .select([
      'a.reference',
      'a.programmeCents',
      'owner.id as applicantId',
      'owner.email as applicantEmail',
      'owner.locale as applicantLocale',
      'ent.phone as applicantPhone',
      'vendorUser.id as vendorUserId',
      'vendorUser.email as vendorEmail',
      'vendorUser.locale as vendorLocale',
      'vd.phone as vendorPhone',
    ])
    .where('a.id', '=', event.applicationId)
    .executeTakeFirstOrThrow();

  for (const { to, template } of recipients) {
    const userId = to === 'applicant' ? application.applicantId : application.vendorUserId;
    if (userId === null) continue; // a vendor without a portal account is told by the officers directly
    const locale = to === 'applicant' ? application.applicantLocale : application.vendorLocale;
    const params: Record<string, string | number> = {
      reference: application.reference,
      programmeCents: application.programmeCents,
      ...(event.reasonCode ? { reasonCode: event.reasonCode } : {}),
      ...(event.note ? { note: event.note } : {}),
    };
    const notification = await trx
      .insertInto('notifications')
      .values({ userId, applicationId: event.applicationId, template, params: JSON.stringify(params) })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Rendered now, in the recipient's language, so the worker only delivers.
    const t = serverT(isLocale(locale) ? locale : 'zh-HK');
    const values = {
      ...params,
      amount: formatMoney(application.programmeCents),
      reason: event.reasonCode ? t(`applications:reasons.${event.reasonCode}`, { defaultValue: event.reasonCode }) : '',
    };
    await trx
      .insertInto('outbox')
      .values({
        topic: 'notification',
        idempotencyKey: `notification-${notification.id}-event-${row.id}`,
        payload: JSON.stringify({
          to: {
            email: to === 'applicant' ? application.applicantEmail : application.vendorEmail,
            phone: to === 'applicant' ? application.applicantPhone : application.vendorPhone,
          },
          locale,
          template,
          subject: t(`notifications:${template}.subject`, values),
          body: t(`notifications:${template}.body`, values),
        }),
      })
      .execute();
  }
}

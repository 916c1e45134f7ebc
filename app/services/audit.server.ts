// Every change of an application: the append-only event, the in-app notifications and the outbox messages, all
// written with the caller's transaction so that none exists without the others.
import type { DB, Trx } from '../../db/client';
import type { AuditLogTable } from '../../db/schema';
import type { ActorRole, ApplicationAction, ApplicationStatus } from '../domain/application-lifecycle';
import { applicationSourceKey, notificationsFor } from '../domain/notifications';
import { notify } from './notifications.server';

/** One entry of the audit log of vendors, packages, businesses, holidays and enquiries, in the caller's transaction. */
export async function writeAudit(
  trx: Trx | DB,
  entry: {
    entityType: AuditLogTable['entityType'];
    entityId: number;
    action: string;
    actorUserId: number | null;
    actorRole: string;
    note?: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('auditLog')
    .values({ ...entry, note: entry.note ?? null })
    .execute();
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
    .leftJoin('users as officer', 'officer.id', 'a.assignedOfficerId')
    .select([
      'a.reference',
      'a.programmeCents',
      'owner.id as applicantId',
      'owner.email as applicantEmail',
      'owner.locale as applicantLocale',
      'ent.phone as applicantPhone',
      'ent.legalNameEn as shopEn',
      'ent.legalNameZh as shopZhHk',
      'vendorUser.id as vendorUserId',
      'vendorUser.email as vendorEmail',
      'vendorUser.locale as vendorLocale',
      'vd.phone as vendorPhone',
      'officer.id as officerId',
      'officer.email as officerEmail',
      'officer.locale as officerLocale',
    ])
    .where('a.id', '=', event.applicationId)
    .executeTakeFirstOrThrow();

  const receivers = {
    applicant: {
      userId: application.applicantId,
      email: application.applicantEmail,
      locale: application.applicantLocale,
      phone: application.applicantPhone,
    },
    // A vendor without a portal account is told by the officers directly.
    vendor:
      application.vendorUserId === null
        ? null
        : {
            userId: application.vendorUserId,
            email: application.vendorEmail!,
            locale: application.vendorLocale!,
            phone: application.vendorPhone,
          },
    // Nobody when the case is in the unassigned pool: pooled work shows on the officers' home pages instead.
    assigned_officer:
      application.officerId === null
        ? null
        : { userId: application.officerId, email: application.officerEmail!, locale: application.officerLocale!, phone: null },
  };
  for (const { to, template } of recipients) {
    const receiver = receivers[to];
    if (!receiver) continue;
    await notify(trx, {
      userId: receiver.userId,
      applicationId: event.applicationId,
      template,
      sourceKey: applicationSourceKey({ template, applicationId: event.applicationId, eventId: row.id }),
      params: {
        reference: application.reference,
        programmeCents: application.programmeCents,
        shopEn: application.shopEn,
        shopZhHk: application.shopZhHk,
        ...(event.reasonCode ? { reasonCode: event.reasonCode } : {}),
        ...(event.note ? { note: event.note } : {}),
      },
      to: { email: receiver.email, phone: receiver.phone },
      locale: receiver.locale,
    });
  }
}

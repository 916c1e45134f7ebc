// In-app notifications: writing one (with its outbox message, rendered in the receiver's language) at most once per
// (user, source event, template), and the user's own list, opening and marking read.
import type { DB, Trx } from '../../db/client';
import { notificationTarget, paymentReleasers, type NotificationRole, type NotificationTemplate } from '../domain/notifications';
import { isLocale, type Locale } from '../lib/i18n';
import { serverT, writtenText } from '../lib/i18n.server';
import { templateValues, type NotificationParams } from '../lib/notification-values';
import { countRows, paginate } from './pagination.server';

export const NOTIFICATION_PAGE_SIZE = 20;

/** One translator per language for the process: building an i18next instance per message costs more than the insert. */
const translators = new Map<Locale, ReturnType<typeof serverT>>();
function translatorFor(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = serverT(locale)));
  return t;
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
  await trx
    .insertInto('outbox')
    .values({ topic: 'notification', idempotencyKey: outboxKey(inserted.id, notice.sourceKey), payload: noticeMessage(notice) })
    .execute();
  return true;
}

/** The outbox message's idempotency key for a written notification (unique: the notification's id is in it). */
export function outboxKey(notificationId: number, sourceKey: string): string {
  return `${OUTBOX_KEY_PREFIX}${notificationId}-${sourceKey}`;
}
export const OUTBOX_KEY_PREFIX = 'notification-';

/** The outbox message of a notice as JSON, rendered now in the recipient's language, so the worker only delivers. */
export function noticeMessage(notice: Notice): string {
  const locale: Locale = isLocale(notice.locale) ? notice.locale : 'zh-HK';
  const t = translatorFor(locale);
  const values = templateValues(notice.params, locale, t);
  return JSON.stringify({
    to: { email: notice.to.email, ...(notice.to.phone ? { phone: notice.to.phone } : {}) },
    locale,
    template: notice.template,
    subject: render(locale, `${notice.template}.subject`, values, t),
    body: render(locale, `${notice.template}.body`, values, t),
  });
}

/**
 * A notification text with its values put in. Each (language, text) is split once at its `{{name}}` placeholders and
 * then filled by concatenation — what i18next does with escaping off (ADR 027: a submit built an interpolation per
 * message, a third of its own work). A text i18next must do more with (plural forms, `$t(…)` nesting, formats) or a
 * value it would treat specially (missing, or itself holding `{{` or `$t(`) goes to i18next, as before.
 */
export function render(locale: Locale, key: string, values: Record<string, unknown>, t: ReturnType<typeof serverT>): string {
  const parts = textParts(locale, key);
  if (!parts) return t(`notifications:${key}`, values);
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const value = values[parts[i]!];
    if (typeof value !== 'string' && typeof value !== 'number') return t(`notifications:${key}`, values);
    const shown = String(value);
    if (shown.includes('{{') || shown.includes('$t(')) return t(`notifications:${key}`, values);
    text += shown + parts[i + 1]!;
  }
  return text;
}

/** A text's literal pieces and placeholder names, alternating (literal, name, literal, …); null when not that simple. */
const splitTexts = new Map<string, string[] | null>();
function textParts(locale: Locale, key: string): string[] | null {
  const cacheKey = `${locale}:${key}`;
  let parts = splitTexts.get(cacheKey);
  if (parts === undefined) {
    const written = writtenText(locale, 'notifications', key);
    parts = written === undefined ? null : written.split(/\{\{([A-Za-z][A-Za-z0-9]*)\}\}/);
    if (parts && parts.some((part, i) => i % 2 === 0 && (part.includes('{{') || part.includes('$t(')))) parts = null;
    splitTexts.set(cacheKey, parts);
  }
  return parts;
}

export async function listNotifications({ db, userId, page }: { db: DB; userId: number; page: number }) {
  const base = db.selectFrom('notifications as n').leftJoin('applications as a', 'a.id', 'n.applicationId').where('n.userId', '=', userId);
  return paginate({
    page,
    pageSize: NOTIFICATION_PAGE_SIZE,
    count: () => countRows(base),
    fetch: ({ limit, offset }) =>
      base
        .select(['n.id', 'n.template', 'n.params', 'n.readAt', 'n.createdAt', 'a.reference'])
        .orderBy('n.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
  });
}

/**
 * Opens one of the user's own notifications: marks it read and says where it leads. Another user's notification is
 * not found (null), the same as one that does not exist.
 */
export async function openNotification({
  db,
  userId,
  role,
  id,
}: {
  db: DB;
  userId: number;
  role: NotificationRole;
  id: number;
}): Promise<{ target: string } | null> {
  const row = await db
    .updateTable('notifications as n')
    .set({ readAt: new Date() })
    .where('n.id', '=', id)
    .where('n.userId', '=', userId)
    .returning(['n.template', 'n.params', 'n.applicationId'])
    .executeTakeFirst();
  if (!row) return null;
  const application =
    row.applicationId === null
      ? undefined
      : await db.selectFrom('applications').select('reference').where('id', '=', row.applicationId).executeTakeFirst();
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

// ——— The hand-offs outside an application's lifecycle: each called by its service inside its transaction ———

/** The enquiry's package (names in three languages) and shop, for the enquiry hand-offs. */
async function enquiryParties(trx: Trx, enquiryId: number) {
  return trx
    .selectFrom('enquiries as e')
    .innerJoin('solutionVersions as v', 'v.id', 'e.solutionVersionId')
    .innerJoin('solutions as s', 's.id', 'e.solutionId')
    .innerJoin('vendors as vd', 'vd.id', 's.vendorId')
    .leftJoin('users as vendorUser', 'vendorUser.id', 'vd.userId')
    .innerJoin('enterprises as ent', 'ent.id', 'e.enterpriseId')
    .innerJoin('users as owner', 'owner.id', 'ent.ownerUserId')
    .select([
      'e.id',
      'v.nameEn as packageEn',
      'v.nameZhHk as packageZhHk',
      'v.nameZhCn as packageZhCn',
      'ent.legalNameEn as shopEn',
      'ent.legalNameZh as shopZhHk',
      'ent.phone as shopPhone',
      'owner.id as ownerId',
      'owner.email as ownerEmail',
      'owner.locale as ownerLocale',
      'vendorUser.id as vendorUserId',
      'vendorUser.email as vendorEmail',
      'vendorUser.locale as vendorLocale',
      'vd.phone as vendorPhone',
    ])
    .where('e.id', '=', enquiryId)
    .executeTakeFirstOrThrow();
}

/** A shop sent an enquiry: its vendor is told (a vendor without a portal account is contacted by the officers). */
export async function notifyEnquiryReceived(trx: Trx, { enquiryId }: { enquiryId: number }): Promise<void> {
  const p = await enquiryParties(trx, enquiryId);
  if (p.vendorUserId === null) return;
  await notify(trx, {
    userId: p.vendorUserId,
    template: 'enquiry_received',
    sourceKey: `enquiry:${enquiryId}`,
    params: {
      enquiryId,
      packageEn: p.packageEn,
      packageZhHk: p.packageZhHk,
      packageZhCn: p.packageZhCn,
      shopEn: p.shopEn,
      shopZhHk: p.shopZhHk,
    },
    to: { email: p.vendorEmail!, phone: p.vendorPhone },
    locale: p.vendorLocale!,
  });
}

/** The vendor confirmed an enquiry with a locked quotation: the shop may now apply with it. */
export async function notifyQuotationArrived(
  trx: Trx,
  { enquiryId, quotationId, eligibleCostCents }: { enquiryId: number; quotationId: number; eligibleCostCents: number },
): Promise<void> {
  const p = await enquiryParties(trx, enquiryId);
  await notify(trx, {
    userId: p.ownerId,
    template: 'quotation_arrived',
    sourceKey: `enquiry:${enquiryId}`,
    params: {
      enquiryId,
      quotationId,
      amountCents: eligibleCostCents,
      packageEn: p.packageEn,
      packageZhHk: p.packageZhHk,
      packageZhCn: p.packageZhCn,
    },
    to: { email: p.ownerEmail, phone: p.shopPhone },
    locale: p.ownerLocale,
  });
}

/** An officer vetted a listing's version: its vendor is told the outcome (and the officer's note when returned). */
export async function notifyListingVetted(
  trx: Trx,
  { versionId, decision, note }: { versionId: number; decision: 'approve' | 'reject' | 'return'; note: string | null },
): Promise<void> {
  const p = await trx
    .selectFrom('solutionVersions as v')
    .innerJoin('solutions as s', 's.id', 'v.solutionId')
    .innerJoin('vendors as vd', 'vd.id', 's.vendorId')
    .innerJoin('users as u', 'u.id', 'vd.userId')
    .select(['s.id as solutionId', 'v.nameEn', 'v.nameZhHk', 'v.nameZhCn', 'u.id as userId', 'u.email', 'u.locale', 'vd.phone'])
    .where('v.id', '=', versionId)
    .executeTakeFirst();
  if (!p) return;
  const template = decision === 'approve' ? 'listing_approved' : decision === 'reject' ? 'listing_rejected' : 'listing_returned';
  await notify(trx, {
    userId: p.userId,
    template,
    sourceKey: `version:${versionId}`,
    params: { solutionId: p.solutionId, packageEn: p.nameEn, packageZhHk: p.nameZhHk, packageZhCn: p.nameZhCn, ...(note ? { note } : {}) },
    to: { email: p.email, phone: p.phone },
    locale: p.locale,
  });
}

/**
 * A payment was prepared: the officers who may release it are told (never its preparer, nor an officer linked to the
 * business). This is the one piece of officers' work that is announced to several: it has a named maker already
 * and waits only for a second pair of eyes.
 */
export async function notifyPaymentPrepared(trx: Trx, { paymentId }: { paymentId: number }): Promise<void> {
  const payment = await trx
    .selectFrom('payments as p')
    .innerJoin('applications as a', 'a.id', 'p.applicationId')
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .select([
      'p.id',
      'p.preparedBy',
      'p.amountCents',
      'a.id as applicationId',
      'a.reference',
      'a.enterpriseId',
      'ent.ownerUserId',
      'ent.legalNameEn',
      'ent.legalNameZh',
    ])
    .where('p.id', '=', paymentId)
    .executeTakeFirstOrThrow();
  const officers = await trx
    .selectFrom('users as u')
    .leftJoin('officerConflicts as c', (join) => join.onRef('c.officerId', '=', 'u.id').on('c.enterpriseId', '=', payment.enterpriseId))
    .select(['u.id', 'u.role', 'u.email', 'u.locale', 'c.officerId as conflictOfficer'])
    .where('u.role', '=', 'officer')
    .orderBy('u.id')
    .execute();
  const candidates = officers.map((o) => ({ ...o, conflicted: o.conflictOfficer !== null || o.id === payment.ownerUserId }));
  for (const officer of paymentReleasers({ candidates, preparedBy: payment.preparedBy })) {
    await notify(trx, {
      userId: officer.id,
      applicationId: payment.applicationId,
      template: 'payment_prepared',
      sourceKey: `payment:${payment.id}`,
      params: {
        reference: payment.reference,
        amountCents: payment.amountCents,
        shopEn: payment.legalNameEn,
        shopZhHk: payment.legalNameZh,
      },
      to: { email: officer.email },
      locale: officer.locale,
    });
  }
}

// The one way an application changes status (ADR 021): the lifecycle says where the action leads, a guarded UPDATE
// saves it only if the row is still in the status the caller read, and the event is written in the same transaction.
import { sql, type UpdateObject } from 'kysely';
import type { Trx } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import type { Database } from '../../db/schema';
import { transition, type ActorRole, type ApplicationAction, type ApplicationStatus } from '../domain/application-lifecycle';
import { applicationSourceKey, isOncePerApplication, notificationsFor } from '../domain/notifications';
import type { NotificationParams } from '../lib/notification-values';
import { recordTransition, type TransitionEvent } from './audit.server';
import { noticeMessage, OUTBOX_KEY_PREFIX, type Notice } from './notifications.server';

export type MoveResult =
  | { ok: true; from: ApplicationStatus; to: ApplicationStatus }
  /** The lifecycle has no such move from `status`, or the row was no longer in `status` when the update ran. */
  | { ok: false; code: 'wrong_state'; status: ApplicationStatus };

/** The shop owner, when the caller has already read who they are (lets a move that only tells them take one statement). */
export type OwnerNotice = { userId: number; email: string; locale: string; phone: string | null; params: NotificationParams };

/** Columns a move may set beside the status (updatedAt is set by the move itself unless given). */
export type MoveColumns = Omit<UpdateObject<Database, 'applications'>, 'status' | 'id'>;

/**
 * Moves one application from `from` by `action`, as `actor`. The caller has read `from` (usually under its own row
 * lock, in its own lock order); the UPDATE is guarded by `status = from` (and by `assignedOfficerId` when given), so a
 * move that lost a race changes nothing and answers `wrong_state`. On success the application event (with its
 * notifications) is written with the same transaction.
 */
export async function moveApplication(
  trx: Trx,
  {
    applicationId,
    from,
    action,
    actor,
    set = {},
    assignedOfficerId,
    event = {},
    ownerNotice,
    now = new Date(),
  }: {
    applicationId: number;
    from: ApplicationStatus;
    action: ApplicationAction;
    actor: { userId: number | null; role: ActorRole };
    set?: MoveColumns;
    /** Only while the application is still assigned to this officer. */
    assignedOfficerId?: number;
    event?: { reasonCode?: string | null; note?: string | null };
    /** Given: a move whose only notification is once to the owner is written in one statement (issue 15: submit). */
    ownerNotice?: OwnerNotice;
    now?: Date;
  },
): Promise<MoveResult> {
  const move = transition({ status: from, action, role: actor.role });
  if (!move.ok) return { ok: false, code: 'wrong_state', status: from };
  const changes = { updatedAt: now, ...set, status: move.next };
  const transitionEvent = {
    applicationId,
    actorUserId: actor.userId,
    actorRole: actor.role,
    action,
    fromStatus: from,
    toStatus: move.next,
    reasonCode: event.reasonCode ?? null,
    note: event.note ?? null,
  };
  if (ownerNotice && assignedOfficerId === undefined && tellsOnlyTheOwnerOnce(action)) {
    const moved = await moveTellingOwner(trx, { changes, event: transitionEvent, owner: ownerNotice });
    return moved ? { ok: true, from, to: move.next } : { ok: false, code: 'wrong_state', status: from };
  }
  let update = trx.updateTable('applications').set(changes).where('id', '=', applicationId).where('status', '=', from);
  if (assignedOfficerId !== undefined) update = update.where('assignedOfficerId', '=', assignedOfficerId);
  const updated = await update.returning('id').executeTakeFirst();
  if (!updated) return { ok: false, code: 'wrong_state', status: from };
  await recordTransition(trx, transitionEvent);
  return { ok: true, from, to: move.next };
}

function tellsOnlyTheOwnerOnce(action: ApplicationAction): boolean {
  const rules = notificationsFor(action);
  return rules.length === 1 && rules.every((rule) => rule.to === 'applicant' && isOncePerApplication(rule.template));
}

/**
 * The status change, its event and the owner's notification with its outbox message, in one statement (data-modifying
 * CTEs): what recordTransition and notify write, nothing unless the application was still in `fromStatus`; the
 * notification keeps its source key and is written at most once, its message only with it. Returns whether it moved.
 */
async function moveTellingOwner(
  trx: Trx,
  {
    changes,
    event,
    owner,
  }: { changes: MoveColumns & { status: ApplicationStatus }; event: TransitionEvent & { action: ApplicationAction }; owner: OwnerNotice },
): Promise<boolean> {
  const rule = notificationsFor(event.action)[0]!;
  const notice: Notice = {
    userId: owner.userId,
    applicationId: event.applicationId,
    template: rule.template,
    sourceKey: applicationSourceKey({ template: rule.template, applicationId: event.applicationId, eventId: 0 }),
    params: owner.params,
    to: { email: owner.email, phone: owner.phone },
    locale: owner.locale,
  };
  const columns = Object.keys(changes).filter((column) => changes[column as keyof typeof changes] !== undefined) as ChangedColumn[];
  const values: MoveValues = {
    ...Object.fromEntries(columns.map((column) => [`set_${column}`, changes[column]])),
    applicationId: event.applicationId,
    fromStatus: event.fromStatus,
    actorUserId: event.actorUserId,
    actorRole: event.actorRole,
    action: event.action,
    toStatus: event.toStatus,
    reasonCode: event.reasonCode ?? null,
    note: event.note ?? null,
    userId: notice.userId,
    template: notice.template,
    params: JSON.stringify(notice.params),
    sourceKey: notice.sourceKey,
    keySuffix: '-' + notice.sourceKey,
    payload: noticeMessage(notice),
  };
  const result = await moveTellingOwnerQuery(columns).executeTakeFirst(trx, values);
  return Number(result?.moved) === 1;
}

type ChangedColumn = keyof MoveColumns | 'status';
type MoveValues = Record<string, unknown>;

// One compiled statement per set of changed columns: a fixed, small number (the callers' `set` shapes; today submit's).
const moveTellingOwnerQueries = new Map<string, ReturnType<typeof buildMoveTellingOwner>>();
function moveTellingOwnerQuery(columns: ChangedColumn[]) {
  const shape = [...columns].sort().join(',');
  let query = moveTellingOwnerQueries.get(shape);
  if (!query)
    moveTellingOwnerQueries.set(shape, (query = buildMoveTellingOwner(shape.split(',') as ChangedColumn[], moveTellingOwnerQueries.size)));
  return query;
}

function buildMoveTellingOwner(columns: ChangedColumn[], index: number) {
  return preparedQuery(`move_telling_owner_${index}`, (db, v: MoveValues) =>
    db
      .with('moved', (qb) =>
        qb
          .updateTable('applications')
          .set(Object.fromEntries(columns.map((column) => [column, v[`set_${column}`]])) as MoveColumns)
          .where('id', '=', v.applicationId as number)
          .where('status', '=', v.fromStatus as ApplicationStatus)
          .returning('id'),
      )
      .with('event', (qb) =>
        qb
          .insertInto('applicationEvents')
          .columns(['applicationId', 'actorUserId', 'actorRole', 'action', 'fromStatus', 'toStatus', 'reasonCode', 'note'])
          .expression((eb) =>
            eb
              .selectFrom('moved')
              .select([
                'moved.id',
                eb.val(v.actorUserId).as('actorUserId'),
                eb.val(v.actorRole).as('actorRole'),
                eb.val(v.action).as('action'),
                eb.val(v.fromStatus).as('fromStatus'),
                eb.val(v.toStatus).as('toStatus'),
                eb.val(v.reasonCode).as('reasonCode'),
                eb.val(v.note).as('note'),
              ]),
          )
          .returning('id'),
      )
      .with('notice', (qb) =>
        qb
          .insertInto('notifications')
          .columns(['userId', 'applicationId', 'template', 'params', 'sourceKey'])
          .expression((eb) =>
            eb
              .selectFrom('moved')
              .select([
                eb.val(v.userId).as('userId'),
                'moved.id',
                eb.val(v.template).as('template'),
                eb.val(v.params).as('params'),
                eb.val(v.sourceKey).as('sourceKey'),
              ]),
          )
          .onConflict((oc) => oc.columns(['userId', 'sourceKey', 'template']).doNothing())
          .returning('id'),
      )
      .with('message', (qb) =>
        qb
          .insertInto('outbox')
          .columns(['topic', 'idempotencyKey', 'payload'])
          .expression((eb) =>
            eb
              .selectFrom('notice')
              .select([
                eb.val('notification').as('topic'),
                sql<string>`${OUTBOX_KEY_PREFIX} || notice.id || ${v.keySuffix}`.as('idempotencyKey'),
                eb.val(v.payload).as('payload'),
              ]),
          ),
      )
      .selectFrom('moved')
      .select((eb) => eb.fn.countAll<number>().as('moved')),
  );
}

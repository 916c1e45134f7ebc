// The one way an application changes status (ADR 021): the lifecycle says where the action leads, a guarded UPDATE
// saves it only if the row is still in the status the caller read, and the event is written in the same transaction.
import type { UpdateObject } from 'kysely';
import type { Trx } from '../../db/client';
import type { Database } from '../../db/schema';
import { transition, type ActorRole, type ApplicationAction, type ApplicationStatus } from '../domain/application-lifecycle';
import { recordTransition } from './audit.server';

export type MoveResult =
  | { ok: true; from: ApplicationStatus; to: ApplicationStatus }
  /** The lifecycle has no such move from `status`, or the row was no longer in `status` when the update ran. */
  | { ok: false; code: 'wrong_state'; status: ApplicationStatus };

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
    now?: Date;
  },
): Promise<MoveResult> {
  const move = transition({ status: from, action, role: actor.role });
  if (!move.ok) return { ok: false, code: 'wrong_state', status: from };
  let update = trx
    .updateTable('applications')
    .set({ updatedAt: now, ...set, status: move.next })
    .where('id', '=', applicationId)
    .where('status', '=', from);
  if (assignedOfficerId !== undefined) update = update.where('assignedOfficerId', '=', assignedOfficerId);
  const updated = await update.returning('id').executeTakeFirst();
  if (!updated) return { ok: false, code: 'wrong_state', status: from };
  await recordTransition(trx, {
    applicationId,
    actorUserId: actor.userId,
    actorRole: actor.role,
    action,
    fromStatus: from,
    toStatus: move.next,
    reasonCode: event.reasonCode ?? null,
    note: event.note ?? null,
  });
  return { ok: true, from, to: move.next };
}

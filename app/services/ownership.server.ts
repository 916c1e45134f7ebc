// Whose rows these are: the one way a query says "of the businesses this user owns" or "of this vendor user's firm".
// A record outside it is not found (404), never forbidden; adding a co-owner or a delegate later is one edit here.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/schema';

/** The query's `enterprises as ent` (joined or selected) is owned by `userId`. */
export function ownedByShop(eb: ExpressionBuilder<{ ent: Database['enterprises'] }, 'ent'>, userId: number): Expression<SqlBool> {
  return eb('ent.ownerUserId', '=', userId);
}

/** The query's `vendors as vd` (joined or selected) is the firm of the vendor user `userId`. */
export function ownedByVendor(eb: ExpressionBuilder<{ vd: Database['vendors'] }, 'vd'>, userId: number): Expression<SqlBool> {
  return eb('vd.userId', '=', userId);
}

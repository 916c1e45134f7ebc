// Hong Kong general holidays: the set the service standards count around, and the administrator's add/remove, each
// change written to audit_log in the same transaction.
import { sql } from 'kysely';
import type { DB } from '../../db/client';
import type { Holidays } from '../domain/working-days';
import { writeAudit } from './audit.server';

/** Every general holiday on record, as 'YYYY-MM-DD' days (a few dozen rows: read whole, per request). */
export async function holidaySet(db: DB): Promise<Holidays> {
  const rows = await db.selectFrom('publicHolidays').select('day').execute();
  return new Set(rows.map((row) => row.day));
}

export async function listHolidays({ db, year }: { db: DB; year: number }) {
  const [rows, years] = await Promise.all([
    db
      .selectFrom('publicHolidays')
      .select(['id', 'day', 'nameEn', 'nameZhHk', 'nameZhCn'])
      .where('day', '>=', `${year}-01-01`)
      .where('day', '<=', `${year}-12-31`)
      .orderBy('day')
      .execute(),
    db
      .selectFrom('publicHolidays')
      .select(sql<number>`extract(year from day)::int`.as('year'))
      .distinct()
      .orderBy('year')
      .execute(),
  ]);
  return { rows, years: years.map((row) => Number(row.year)) };
}

export type HolidayInput = { day: string; nameEn: string; nameZhHk: string; nameZhCn: string };
export type AddHolidayResult = { ok: true; id: number } | { ok: false; code: 'holiday_exists' };
export type RemoveHolidayResult = { ok: true; day: string } | { ok: false; code: 'not_found' };

export async function addHoliday({ db, adminId, input }: { db: DB; adminId: number; input: HolidayInput }): Promise<AddHolidayResult> {
  return db.transaction().execute(async (trx): Promise<AddHolidayResult> => {
    const row = await trx
      .insertInto('publicHolidays')
      .values(input)
      .onConflict((oc) => oc.column('day').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return { ok: false, code: 'holiday_exists' };
    await writeAudit(trx, {
      entityType: 'holiday',
      entityId: row.id,
      action: 'holiday_added',
      actorUserId: adminId,
      actorRole: 'admin',
      note: `${input.day} ${input.nameEn}`,
    });
    return { ok: true, id: row.id };
  });
}

export async function removeHoliday({ db, adminId, id }: { db: DB; adminId: number; id: number }): Promise<RemoveHolidayResult> {
  return db.transaction().execute(async (trx): Promise<RemoveHolidayResult> => {
    const row = await trx.deleteFrom('publicHolidays').where('id', '=', id).returning(['day', 'nameEn']).executeTakeFirst();
    if (!row) return { ok: false, code: 'not_found' };
    await writeAudit(trx, {
      entityType: 'holiday',
      entityId: id,
      action: 'holiday_removed',
      actorUserId: adminId,
      actorRole: 'admin',
      note: `${row.day} ${row.nameEn}`,
    });
    return { ok: true, day: row.day };
  });
}

/** The record of holiday changes, newest first, for the administrator's page. */
export async function holidayChanges({ db, limit = 20 }: { db: DB; limit?: number }) {
  return db
    .selectFrom('auditLog as l')
    .leftJoin('users as u', 'u.id', 'l.actorUserId')
    .select(['l.id', 'l.action', 'l.note', 'l.createdAt', 'u.displayName'])
    .where('l.entityType', '=', 'holiday')
    .orderBy('l.id', 'desc')
    .limit(limit)
    .execute();
}

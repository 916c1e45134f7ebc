// Programme and round settings: every change is a new version; applications keep the version they were judged under.
import { sql } from 'kysely';
import type { DB } from '../../db/client';

export type SettingsInput = {
  roundCode: string;
  budgetCents: number;
  capCents: number;
  matchBps: number;
  maxOneOffCents: number;
  maxSubscriptionMonths: number;
  maxSubscriptionTotalCents: number;
  deploymentMonths: number;
  maxEmployees: number;
  openSectors: string[];
  openCategories: string[];
  opensAt: Date;
  closesAt: Date;
  slaWorkingDays: number;
};

export async function listSettingsVersions({ db }: { db: DB }) {
  return db
    .selectFrom('programmeSettings as ps')
    .leftJoin('users as u', 'u.id', 'ps.createdBy')
    .selectAll('ps')
    .select('u.displayName as createdByName')
    .orderBy('ps.version', 'desc')
    .limit(50)
    .execute();
}

/** Adds the next version under a lock on the programme row, so two admins saving at once get versions n+1 and n+2. */
export async function createSettingsVersion({ db, adminId, input }: { db: DB; adminId: number; input: SettingsInput }): Promise<{ version: number }> {
  return db.transaction().execute(async (trx) => {
    const programme = await trx.selectFrom('programmes').select('id').orderBy('id').limit(1).forUpdate().executeTakeFirstOrThrow();
    const { version } = await trx
      .selectFrom('programmeSettings')
      .select(sql<number>`coalesce(max(version), 0) + 1`.as('version'))
      .where('programmeId', '=', programme.id)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('programmeSettings')
      .values({ ...input, programmeId: programme.id, version, createdBy: adminId })
      .execute();
    return { version };
  });
}

// Programme and round settings: every change is a new version; applications keep the version they were judged under.
import { sql } from 'kysely';
import type { DB, Trx } from '../../db/client';
import { budgetCoversApproved } from '../domain/funding';
import type { ProgrammeSettings } from '../../db/schema';
import { budgetStatuses } from '../domain/application-lifecycle';

/** The newest settings version (what a form shows and a display reads; money decisions use settingsInForce, ADR 010). */
export async function getCurrentSettings(db: DB): Promise<ProgrammeSettings> {
  return db.selectFrom('programmeSettings').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
}

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

/**
 * The programme row is the lock that orders settings saves against the decisions that use them. A save takes it
 * FOR UPDATE; an approval takes FOR NO KEY UPDATE (approvals queue behind each other for the budget, and wait for a
 * save in progress); a submission takes FOR KEY SHARE (submissions never wait for each other or for approvals, only
 * for a save). The settings are read after the lock, inside the caller's transaction, so a decision is judged by the
 * version in force when it commits: a save cannot slip in between the read and the commit.
 */
export async function settingsInForce(trx: Trx, { purpose }: { purpose: 'budget' | 'rules' }): Promise<ProgrammeSettings> {
  const query = trx.selectFrom('programmes').select('id').orderBy('id').limit(1);
  await (purpose === 'budget' ? query.forNoKeyUpdate() : query.forKeyShare()).executeTakeFirstOrThrow();
  return getCurrentSettings(trx);
}

export type SaveSettingsResult = { ok: true; version: number } | { ok: false; code: 'budget_below_approved'; approvedCents: number };

/**
 * Adds the next version under a lock on the programme row, so two admins saving at once get versions n+1 and n+2.
 * Refuses a budget below the programme share already approved: the sum is read after the lock (FOR UPDATE, which
 * waits for every approval in progress — they hold FOR NO KEY UPDATE — and makes later ones wait for this save), so
 * an approval and a cut racing can never end with more approved than the budget.
 */
export async function createSettingsVersion({
  db,
  adminId,
  input,
}: {
  db: DB;
  adminId: number;
  input: SettingsInput;
}): Promise<SaveSettingsResult> {
  return db.transaction().execute(async (trx) => {
    const programme = await trx.selectFrom('programmes').select('id').orderBy('id').limit(1).forUpdate().executeTakeFirstOrThrow();
    const approved = await trx
      .selectFrom('applications')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('programmeCents'), eb.lit(0)).as('total'))
      .where('status', 'in', [...budgetStatuses])
      .executeTakeFirstOrThrow();
    const approvedCents = Number(approved.total);
    if (!budgetCoversApproved({ budgetCents: input.budgetCents, approvedCents }))
      return { ok: false, code: 'budget_below_approved', approvedCents };
    const { version } = await trx
      .selectFrom('programmeSettings')
      .select(sql<number>`coalesce(max(version), 0) + 1`.as('version'))
      .where('programmeId', '=', programme.id)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('programmeSettings')
      .values({ ...input, programmeId: programme.id, version, createdBy: adminId })
      .execute();
    return { ok: true, version };
  });
}

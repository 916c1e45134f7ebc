// A shop owner's enterprises: create and edit the business profile, and read it (owner only) with its eligibility.
import type { DB, Trx } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import type { Selectable } from 'kysely';
import type { EnterprisesTable, ProgrammeSettings } from '../../db/schema';
import { committedStatuses } from '../domain/application-lifecycle';
import { hongKongDay } from '../domain/dates';
import { checkEligibility, type EnterpriseFacts, type PackageFacts, type RuleResult } from '../domain/eligibility';
import type { EnterpriseInput } from '../domain/enterprise';
import { identityChanges, identityEdit, type ProfileIdentity } from '../domain/identity';
import { getCurrentSettings } from './settings.server';
import { writeAudit } from './audit.server';
import { ownedByShop } from './ownership.server';

export type Enterprise = Selectable<EnterprisesTable>;

export type { EnterpriseInput };

export type SaveEnterpriseResult = { ok: true; id: number } | { ok: false; code: 'br_taken' | 'hawker_taken' };

/** An edit that would move a profile off an identity it applied under: refused, naming the field changed. */
export type IdentityLockedResult = { ok: false; code: 'identity_locked'; field: 'registrationType' | 'brNumber' | 'hawkerLicenceNo' };

function isUniqueViolation(error: unknown): error is { code: string; constraint?: string } {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/** Keeps only the fields of the chosen registration type, so a hidden field cannot smuggle in a second identity. */
function normalise(input: EnterpriseInput): EnterpriseInput {
  const br = input.registrationType === 'br';
  return {
    ...input,
    brNumber: br ? input.brNumber : null,
    brExpiry: br ? input.brExpiry : null,
    hawkerLicenceNo: br ? null : (input.hawkerLicenceNo?.trim().toUpperCase() ?? null),
    groupFullTimeEmployees: input.isGroupMember ? input.groupFullTimeEmployees : null,
  };
}

/** Who already holds this BR number or licence, if anyone (another account, or another enterprise of the same one). */
async function findHolder(db: DB, input: EnterpriseInput, exceptId?: number) {
  let query = db.selectFrom('enterprises').select(['id', 'ownerUserId', 'brNumber', 'hawkerLicenceNo']);
  query =
    input.registrationType === 'br'
      ? query.where('brNumber', '=', input.brNumber)
      : query.where((eb) => eb(eb.fn('upper', ['hawkerLicenceNo']), '=', input.hawkerLicenceNo));
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

/** Records that this account claimed a number another enterprise holds; officers see it on the holder's applications. */
async function recordConflict(db: DB, userId: number, input: EnterpriseInput, exceptId?: number): Promise<SaveEnterpriseResult> {
  const holder = await findHolder(db, input, exceptId);
  if (holder) {
    await db
      .insertInto('registrationConflicts')
      .values({
        brNumber: input.registrationType === 'br' ? input.brNumber : null,
        hawkerLicenceNo: input.registrationType === 'hawker' ? input.hawkerLicenceNo : null,
        claimedBy: userId,
        existingEnterpriseId: holder.id,
      })
      .execute();
  }
  return { ok: false, code: input.registrationType === 'br' ? 'br_taken' : 'hawker_taken' };
}

/** Writes the changed identity fields of a profile to the audit log (nothing when none changed). */
async function auditIdentity(
  trx: Trx,
  {
    enterpriseId,
    userId,
    action,
    before,
    after,
  }: { enterpriseId: number; userId: number; action: 'create' | 'identity_change'; before: ProfileIdentity | null; after: ProfileIdentity },
) {
  const changes = identityChanges(before, after);
  if (Object.keys(changes).length === 0) return;
  await writeAudit(trx, {
    entityType: 'enterprise',
    entityId: enterpriseId,
    action,
    actorUserId: userId,
    actorRole: 'applicant',
    note: JSON.stringify(changes),
  });
}

export async function createEnterprise({
  db,
  userId,
  input,
}: {
  db: DB;
  userId: number;
  input: EnterpriseInput;
}): Promise<SaveEnterpriseResult> {
  const values = normalise(input);
  if (await findHolder(db, values)) return recordConflict(db, userId, values);
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('enterprises')
        .values({ ...values, ownerUserId: userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await auditIdentity(trx, { enterpriseId: row.id, userId, action: 'create', before: null, after: values });
      return { ok: true, id: row.id } as const;
    });
  } catch (error) {
    // Two accounts registering the same number at the same moment: the unique index decides.
    if (isUniqueViolation(error)) return recordConflict(db, userId, values);
    throw error;
  }
}

/**
 * Edits a profile. Under the profile's row lock (the one submissions take): an edit that would move it off an
 * identity an application was submitted under is refused; a number another enterprise holds is recorded as a
 * registration conflict; every change to an identity field is written to the audit log with the edit.
 */
export async function updateEnterprise({
  db,
  userId,
  enterpriseId,
  input,
}: {
  db: DB;
  userId: number;
  enterpriseId: number;
  input: EnterpriseInput;
}): Promise<SaveEnterpriseResult | IdentityLockedResult | { ok: false; code: 'not_found' }> {
  const values = normalise(input);
  if (await findHolder(db, values, enterpriseId)) return recordConflict(db, userId, values, enterpriseId);
  try {
    return await db
      .transaction()
      .execute(async (trx): Promise<SaveEnterpriseResult | IdentityLockedResult | { ok: false; code: 'not_found' }> => {
        const before = await trx
          .selectFrom('enterprises as ent')
          .selectAll()
          .where('id', '=', enterpriseId)
          .where((eb) => ownedByShop(eb, userId))
          .forUpdate()
          .executeTakeFirst();
        if (!before) return { ok: false, code: 'not_found' };
        const edit = identityEdit({ before, after: values, submitted: await identityHasSubmissions(trx, before) });
        if (!edit.ok) return edit;
        await trx
          .updateTable('enterprises')
          .set({ ...values, updatedAt: new Date() })
          .where('id', '=', enterpriseId)
          .execute();
        await auditIdentity(trx, { enterpriseId, userId, action: 'identity_change', before, after: values });
        return { ok: true, id: enterpriseId };
      });
  } catch (error) {
    if (isUniqueViolation(error)) return recordConflict(db, userId, values, enterpriseId);
    throw error;
  }
}

/** Whether an application was ever submitted by this profile or under its identity (then the identity is fixed). */
async function identityHasSubmissions(db: DB, enterprise: Pick<Enterprise, 'id' | 'registrationKey'>): Promise<boolean> {
  const row = await db
    .selectFrom('applications')
    .select('id')
    .where((eb) => eb.or([eb('enterpriseId', '=', enterprise.id), eb('registrationKey', '=', enterprise.registrationKey)]))
    .where('submittedAt', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the owner may still change the profile's BR number, licence or registration type (for the edit page). */
export async function isIdentityLocked({ db, enterpriseId }: { db: DB; enterpriseId: number }): Promise<boolean> {
  const enterprise = await db.selectFrom('enterprises').select(['id', 'registrationKey']).where('id', '=', enterpriseId).executeTakeFirst();
  return enterprise ? identityHasSubmissions(db, enterprise) : false;
}

export async function listEnterprises({ db, userId }: { db: DB; userId: number }) {
  return db
    .selectFrom('enterprises as ent')
    .select(['id', 'legalNameEn', 'legalNameZh', 'registrationType', 'brNumber', 'hawkerLicenceNo', 'sector', 'district'])
    .where((eb) => ownedByShop(eb, userId))
    .orderBy('id')
    .execute();
}

// Read on every package page a shop owner opens: compiled once, a named statement (db/prepared.ts, ADR 027).
const enterprisesWithCommitted = preparedQuery('enterprises_with_committed', (db, v: { userId: number }) =>
  db
    .selectFrom('enterprises as ent')
    .select(['ent.id', 'ent.legalNameEn', 'ent.legalNameZh'])
    .select((eb) =>
      eb
        .selectFrom('applications as a')
        .whereRef('a.registrationKey', '=', 'ent.registrationKey')
        .where('a.status', 'in', [...committedStatuses])
        .select((inner) => inner.fn.coalesce(inner.fn.sum<number>('a.programmeCents'), inner.lit(0)).as('total'))
        .as('committedCents'),
    )
    .where('ent.ownerUserId', '=', v.userId)
    .orderBy('ent.id'),
);

/**
 * The user's businesses with what each has committed (as committedCents counts it: every application under its
 * registration, in a committed status), in one query: the package page's calculator needs both.
 */
export async function listEnterprisesWithCommitted({ db, userId }: { db: DB; userId: number }) {
  const rows = await enterprisesWithCommitted.execute(db, { userId });
  return rows.map((row) => ({ ...row, committedCents: Number(row.committedCents ?? 0) }));
}

/** Whether this user keeps any business profile yet (a new shop owner's next step is to add one). */
export async function ownsAnyEnterprise({ db, userId }: { db: DB; userId: number }): Promise<boolean> {
  const found = await db
    .selectFrom('enterprises as ent')
    .select('id')
    .where((eb) => ownedByShop(eb, userId))
    .limit(1)
    .executeTakeFirst();
  return found !== undefined;
}

/** The enterprise if this user owns it; anyone else gets nothing (the route answers 404). */
export async function getOwnEnterprise({ db, userId, enterpriseId }: { db: DB; userId: number; enterpriseId: number }) {
  return db
    .selectFrom('enterprises as ent')
    .selectAll()
    .where('id', '=', enterpriseId)
    .where((eb) => ownedByShop(eb, userId))
    .executeTakeFirst();
}

/** The columns of an enterprise the eligibility rules read. */
export const ENTERPRISE_FACT_COLUMNS = [
  'registrationType',
  'brNumber',
  'brExpiry',
  'hawkerLicenceNo',
  'sector',
  'fullTimeEmployees',
  'isGroupMember',
  'groupFullTimeEmployees',
  'hasSubstantiveBusiness',
  'isListedCompany',
  'isStatutoryBody',
  'isSubvented',
] as const satisfies readonly (keyof Enterprise)[];
export type EnterpriseFactColumns = Pick<Enterprise, (typeof ENTERPRISE_FACT_COLUMNS)[number]>;

/** The columns of the programme settings the eligibility rules read (the round). */
export const ROUND_COLUMNS = [
  'openSectors',
  'openCategories',
  'maxEmployees',
  'opensAt',
  'closesAt',
] as const satisfies readonly (keyof ProgrammeSettings)[];
export type RoundColumns = Pick<ProgrammeSettings, (typeof ROUND_COLUMNS)[number]>;

export function enterpriseFacts(enterprise: EnterpriseFactColumns): EnterpriseFacts {
  return {
    registrationType: enterprise.registrationType,
    brNumber: enterprise.brNumber,
    brExpiry: enterprise.brExpiry,
    hawkerLicenceNo: enterprise.hawkerLicenceNo,
    sector: enterprise.sector,
    fullTimeEmployees: enterprise.fullTimeEmployees,
    isGroupMember: enterprise.isGroupMember,
    groupFullTimeEmployees: enterprise.groupFullTimeEmployees,
    hasSubstantiveBusinessInHk: enterprise.hasSubstantiveBusiness,
    isListedCompany: enterprise.isListedCompany,
    isStatutoryBody: enterprise.isStatutoryBody,
    isSubventedOrganisation: enterprise.isSubvented,
  };
}

/** The eligibility check of an enterprise against a round already read, optionally for a chosen package. */
export function eligibility({
  enterprise,
  round,
  now,
  pkg,
}: {
  enterprise: EnterpriseFactColumns;
  round: RoundColumns;
  now: Date;
  pkg?: PackageFacts;
}): RuleResult[] {
  return checkEligibility({
    enterprise: enterpriseFacts(enterprise),
    round: {
      openSectors: round.openSectors,
      openCategories: round.openCategories,
      maxEmployees: round.maxEmployees,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
    },
    today: hongKongDay(now),
    now,
    ...(pkg ? { package: pkg } : {}),
  });
}

/** The eligibility check against the current round, optionally for a chosen package. */
export async function eligibilityOf({
  db,
  enterprise,
  now = new Date(),
  pkg,
  settings,
}: {
  db: DB;
  enterprise: EnterpriseFactColumns;
  now?: Date;
  pkg?: PackageFacts;
  /** The round settings the caller already read in this request; read here otherwise. */
  settings?: RoundColumns;
}): Promise<RuleResult[]> {
  return eligibility({ enterprise, round: settings ?? (await getCurrentSettings(db)), now, ...(pkg ? { pkg } : {}) });
}

/**
 * Money committed under the enterprise's identity (its BR number or hawker licence) across live applications, by
 * whichever profile submitted them (optionally leaving one application out). The ceiling follows the business, not
 * the profile row: see ADR 010.
 */
export async function committedCents({
  db,
  enterpriseId,
  excludeApplicationId,
}: {
  db: DB;
  enterpriseId: number;
  excludeApplicationId?: number;
}): Promise<number> {
  let query = db
    .selectFrom('applications as a')
    .innerJoin('enterprises as ent', 'ent.registrationKey', 'a.registrationKey')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('a.programmeCents'), eb.lit(0)).as('total'))
    .where('ent.id', '=', enterpriseId)
    .where('a.status', 'in', [...committedStatuses]);
  if (excludeApplicationId !== undefined) query = query.where('a.id', '<>', excludeApplicationId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.total);
}

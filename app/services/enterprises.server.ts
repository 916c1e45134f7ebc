// A shop owner's enterprises: create and edit the business profile, and read it (owner only) with its eligibility.
import type { DB } from '../../db/client';
import type { Selectable } from 'kysely';
import type { EnterprisesTable, ProgrammeSettings } from '../../db/schema';
import { committedStatuses } from '../domain/application-lifecycle';
import { checkEligibility, hongKongDay, type EnterpriseFacts, type PackageFacts, type RuleResult } from '../domain/eligibility';
import { getCurrentSettings } from './catalogue.server';

export type Enterprise = Selectable<EnterprisesTable>;

export type EnterpriseInput = {
  legalNameEn: string;
  legalNameZh: string;
  registrationType: 'br' | 'hawker';
  brNumber: string | null;
  brExpiry: string | null;
  hawkerLicenceNo: string | null;
  sector: string;
  fullTimeEmployees: number;
  isGroupMember: boolean;
  groupFullTimeEmployees: number | null;
  address: string;
  district: string;
  phone: string;
  hasSubstantiveBusiness: boolean;
  isListedCompany: boolean;
  isStatutoryBody: boolean;
  isSubvented: boolean;
};

export type SaveEnterpriseResult = { ok: true; id: number } | { ok: false; code: 'br_taken' | 'hawker_taken' };

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

export async function createEnterprise({ db, userId, input }: { db: DB; userId: number; input: EnterpriseInput }): Promise<SaveEnterpriseResult> {
  const values = normalise(input);
  if (await findHolder(db, values)) return recordConflict(db, userId, values);
  try {
    const row = await db
      .insertInto('enterprises')
      .values({ ...values, ownerUserId: userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ok: true, id: row.id };
  } catch (error) {
    // Two accounts registering the same number at the same moment: the unique index decides.
    if (isUniqueViolation(error)) return recordConflict(db, userId, values);
    throw error;
  }
}

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
}): Promise<SaveEnterpriseResult | { ok: false; code: 'not_found' }> {
  const values = normalise(input);
  if (await findHolder(db, values, enterpriseId)) return recordConflict(db, userId, values, enterpriseId);
  try {
    const row = await db
      .updateTable('enterprises')
      .set({ ...values, updatedAt: new Date() })
      .where('id', '=', enterpriseId)
      .where('ownerUserId', '=', userId)
      .returning('id')
      .executeTakeFirst();
    return row ? { ok: true, id: row.id } : { ok: false, code: 'not_found' };
  } catch (error) {
    if (isUniqueViolation(error)) return recordConflict(db, userId, values, enterpriseId);
    throw error;
  }
}

export async function listEnterprises({ db, userId }: { db: DB; userId: number }) {
  return db
    .selectFrom('enterprises')
    .select(['id', 'legalNameEn', 'legalNameZh', 'registrationType', 'brNumber', 'hawkerLicenceNo', 'sector', 'district'])
    .where('ownerUserId', '=', userId)
    .orderBy('id')
    .execute();
}

/** The enterprise if this user owns it; anyone else gets nothing (the route answers 404). */
export async function getOwnEnterprise({ db, userId, enterpriseId }: { db: DB; userId: number; enterpriseId: number }) {
  return db
    .selectFrom('enterprises')
    .selectAll()
    .where('id', '=', enterpriseId)
    .where('ownerUserId', '=', userId)
    .executeTakeFirst();
}

export function enterpriseFacts(enterprise: Enterprise): EnterpriseFacts {
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

/** The eligibility check against the current round, optionally for a chosen package. */
export async function eligibilityOf({
  db,
  enterprise,
  now = new Date(),
  pkg,
  settings,
}: {
  db: DB;
  enterprise: Enterprise;
  now?: Date;
  pkg?: PackageFacts;
  /** The round settings the caller already read in this request; read here otherwise. */
  settings?: ProgrammeSettings;
}): Promise<RuleResult[]> {
  const round = settings ?? (await getCurrentSettings(db));
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

/** Money the enterprise has committed across its live applications (optionally leaving one application out). */
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
    .selectFrom('applications')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('programmeCents'), eb.lit(0)).as('total'))
    .where('enterpriseId', '=', enterpriseId)
    .where('status', 'in', [...committedStatuses]);
  if (excludeApplicationId !== undefined) query = query.where('id', '<>', excludeApplicationId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.total);
}

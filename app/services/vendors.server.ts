// Vendors: their own profile and enrolment, officers' enrolment decisions, and the applications that chose them.
import type { DB } from '../../db/client';
import { writeAudit } from './audit.server';
import { countRows, paginate } from './pagination.server';
import { ownedByVendor } from './ownership.server';

export async function getVendorForUser({ db, userId }: { db: DB; userId: number }) {
  return db
    .selectFrom('vendors')
    .select([
      'id',
      'nameEn',
      'nameZhHk',
      'nameZhCn',
      'brNumber',
      'contactEmail',
      'contactName',
      'phone',
      'website',
      'district',
      'status',
      'trackRecord',
      'referenceCustomers',
      'netEquityPositive',
      'decisionReason',
      'submittedAt',
    ])
    .where('userId', '=', userId)
    .executeTakeFirst();
}

export async function listVendorSolutions({ db, vendorId }: { db: DB; vendorId: number }) {
  return db
    .selectFrom('solutions as s')
    .leftJoin('solutionVersions as v', 'v.id', 's.listedVersionId')
    .leftJoin('solutionVersions as open', (join) =>
      join.onRef('open.solutionId', '=', 's.id').on('open.status', 'in', ['draft', 'pending_review', 'returned']),
    )
    .select([
      's.id',
      's.category',
      's.sector',
      's.status',
      'v.nameEn',
      'v.nameZhHk',
      'v.nameZhCn',
      'v.pricingModel',
      'v.priceCents',
      'v.minContractMonths',
      'open.status as openVersionStatus',
      'open.nameEn as openNameEn',
      'open.nameZhHk as openNameZhHk',
      'open.nameZhCn as openNameZhCn',
    ])
    .where('s.vendorId', '=', vendorId)
    .orderBy('s.category')
    .orderBy('s.sector')
    .execute();
}

export type EnrolmentInput = {
  nameEn: string;
  nameZhHk: string;
  nameZhCn: string;
  brNumber: string;
  contactName: string;
  contactEmail: string;
  phone: string;
  website: string | null;
  district: string;
  trackRecord: string;
  referenceCustomers: string;
  netEquityPositive: true;
};

export type EnrolmentResult = { ok: true; vendorId: number } | { ok: false; code: 'br_taken' | 'already_decided' };

/** Saves the vendor's enrolment application and sends it to the officers (again, after a rejection). */
export async function submitEnrolment({ db, userId, input }: { db: DB; userId: number; input: EnrolmentInput }): Promise<EnrolmentResult> {
  try {
    return await db.transaction().execute(async (trx): Promise<EnrolmentResult> => {
      const existing = await trx
        .selectFrom('vendors as vd')
        .select(['id', 'status'])
        .where((eb) => ownedByVendor(eb, userId))
        .forUpdate()
        .executeTakeFirst();
      if (existing && (existing.status === 'enrolled' || existing.status === 'pending')) return { ok: false, code: 'already_decided' };
      const values = {
        ...input,
        status: 'pending' as const,
        submittedAt: new Date(),
        decisionReason: null,
        decidedAt: null,
        decidedBy: null,
      };
      const vendorId = existing
        ? (await trx.updateTable('vendors').set(values).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow()).id
        : (
            await trx
              .insertInto('vendors')
              .values({ ...values, userId })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
      await writeAudit(trx, {
        entityType: 'vendor',
        entityId: vendorId,
        action: 'submit_enrolment',
        actorUserId: userId,
        actorRole: 'vendor',
      });
      return { ok: true, vendorId };
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') return { ok: false, code: 'br_taken' };
    throw error;
  }
}

export const ENROLMENT_PAGE_SIZE = 25;

/** Vendors in one enrolment state, oldest application first, a page at a time. */
export async function pageEnrolments({ db, status, page }: { db: DB; status: 'pending' | 'enrolled' | 'rejected'; page: number }) {
  return paginate({
    page,
    pageSize: ENROLMENT_PAGE_SIZE,
    count: () => countRows(db.selectFrom('vendors').where('status', '=', status)),
    fetch: ({ limit, offset }) => listEnrolments({ db, status, limit, offset }),
  });
}

export async function listEnrolments({
  db,
  status,
  limit = 100,
  offset = 0,
}: {
  db: DB;
  status: 'pending' | 'enrolled' | 'rejected';
  limit?: number;
  offset?: number;
}) {
  return db
    .selectFrom('vendors')
    .select([
      'id',
      'nameEn',
      'nameZhHk',
      'brNumber',
      'contactName',
      'contactEmail',
      'phone',
      'trackRecord',
      'referenceCustomers',
      'netEquityPositive',
      'submittedAt',
      'status',
      'decisionReason',
    ])
    .where('status', '=', status)
    .orderBy('submittedAt')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export type EnrolmentDecision = { ok: true } | { ok: false; code: 'not_found' | 'stale' };

export async function decideEnrolment({
  db,
  officerId,
  vendorId,
  approve,
  reason,
}: {
  db: DB;
  officerId: number;
  vendorId: number;
  approve: boolean;
  reason: string | null;
}): Promise<EnrolmentDecision> {
  return db.transaction().execute(async (trx): Promise<EnrolmentDecision> => {
    const vendor = await trx.selectFrom('vendors').select(['id', 'status']).where('id', '=', vendorId).forUpdate().executeTakeFirst();
    if (!vendor) return { ok: false, code: 'not_found' };
    const updated = await trx
      .updateTable('vendors')
      .set({ status: approve ? 'enrolled' : 'rejected', decidedBy: officerId, decidedAt: new Date(), decisionReason: reason })
      .where('id', '=', vendorId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, code: 'stale' };
    await writeAudit(trx, {
      entityType: 'vendor',
      entityId: vendorId,
      action: approve ? 'approve_enrolment' : 'reject_enrolment',
      actorUserId: officerId,
      actorRole: 'officer',
      note: reason,
    });
    return { ok: true };
  });
}

/** Applications that chose this vendor's packages: reference, package, status and amounts — nothing about the shop. */
export async function listVendorApplications({
  db,
  userId,
  page,
  pageSize = 25,
}: {
  db: DB;
  userId: number;
  page: number;
  pageSize?: number;
}) {
  const base = db
    .selectFrom('applications as a')
    .innerJoin('vendors as vd', 'vd.id', 'a.vendorId')
    .innerJoin('quotations as q', 'q.id', 'a.quotationId')
    .innerJoin('solutionVersions as v', 'v.id', 'q.solutionVersionId')
    // The shop is a party to the deal: the vendor sees its name next to the reference (nothing else about it).
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .where((eb) => ownedByVendor(eb, userId))
    .where('a.status', '<>', 'draft');
  return paginate({
    page,
    pageSize,
    count: () => countRows(base),
    fetch: ({ limit, offset }) =>
      base
        .select(['a.reference', 'a.status', 'a.costCents', 'a.programmeCents', 'a.submittedAt', 'v.nameEn', 'v.nameZhHk', 'v.nameZhCn'])
        .select(['ent.legalNameEn as enterpriseNameEn', 'ent.legalNameZh as enterpriseNameZh'])
        .orderBy('a.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
  });
}

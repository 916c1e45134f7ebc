// Enquiries from a shop to a vendor, and the vendor's answer: a quotation at the catalogue price, locked once made.
import { sql } from 'kysely';
import type { DB } from '../../db/client';
import type { QuotationItem } from '../../db/schema';
import { eligibleCostCents } from '../domain/funding';
import { matchReasonFor, setKey } from '../domain/match-reason';
import type { MatchAnswers, MatchObjective } from '../domain/matcher';
import { writeAudit } from './audit.server';
import { getCurrentSettings } from './settings.server';
import { matchForShop } from './matcher.server';
import { notifyEnquiryReceived, notifyQuotationArrived } from './notifications.server';
import { countRows, paginate } from './pagination.server';
import { ownedByShop, ownedByVendor } from './ownership.server';

export const ENQUIRY_PAGE_SIZE = 20;

export type SendEnquiryResult =
  { ok: true; id: number; existing: boolean } | { ok: false; code: 'not_found' | 'package_not_listed' | 'invalid_feature' };

export async function sendEnquiry({
  db,
  userId,
  input,
}: {
  db: DB;
  userId: number;
  input: { enterpriseId: number; solutionId: number; featureIds: number[]; message: string };
}): Promise<SendEnquiryResult> {
  return db.transaction().execute(async (trx) => {
    const enterprise = await trx
      .selectFrom('enterprises as ent')
      .select('id')
      .where('id', '=', input.enterpriseId)
      .where((eb) => ownedByShop(eb, userId))
      .executeTakeFirst();
    if (!enterprise) return { ok: false, code: 'not_found' };
    const solution = await trx
      .selectFrom('solutions')
      .select(['id', 'listedVersionId'])
      .where('id', '=', input.solutionId)
      .where('status', '=', 'listed')
      .forShare()
      .executeTakeFirst();
    if (!solution?.listedVersionId) return { ok: false, code: 'package_not_listed' };
    const features = await trx.selectFrom('solutionFeatures').select('id').where('versionId', '=', solution.listedVersionId).execute();
    const known = new Set(features.map((f) => f.id));
    const featureIds = [...new Set(input.featureIds)].sort((a, b) => a - b);
    if (!featureIds.every((id) => known.has(id))) return { ok: false, code: 'invalid_feature' };

    const inserted = await trx
      .insertInto('enquiries')
      .values({
        enterpriseId: enterprise.id,
        solutionId: solution.id,
        solutionVersionId: solution.listedVersionId,
        featureIds,
        message: input.message,
        createdBy: userId,
      })
      .onConflict((oc) => oc.columns(['enterpriseId', 'solutionId']).where('status', '=', 'sent').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      await notifyEnquiryReceived(trx, { enquiryId: inserted.id });
      return { ok: true, id: inserted.id, existing: false };
    }
    // An open enquiry for this package already exists (a double click, or asked before): that one stands.
    const open = await trx
      .selectFrom('enquiries')
      .select('id')
      .where('enterpriseId', '=', enterprise.id)
      .where('solutionId', '=', solution.id)
      .where('status', '=', 'sent')
      .executeTakeFirstOrThrow();
    return { ok: true, id: open.id, existing: true };
  });
}

export type SendMatchedResult =
  | {
      ok: true;
      created: { enquiryId: number; solutionId: number }[];
      /** Packages left out: an enquiry is still waiting for its vendor, or a quotation is still usable or in use. */
      skipped: { solutionId: number; reason: 'already_sent' | 'already_quoted' }[];
    }
  | { ok: false; code: 'not_found' | 'sector_not_open' | 'sector_mismatch' | 'set_changed' | 'empty_set' };

/**
 * "Start with this set": one enquiry per package of a recommended set, in one transaction with an audit entry each,
 * each carrying the matcher's reason. The set is matched again here from the answers (never taken from the form):
 * when it is no longer the set the owner saw (`expectedKey`), nothing is sent. The enterprise row is locked first,
 * then each package's solution row (shared), so a double submit waits and then finds every enquiry already sent.
 */
export async function sendMatchedEnquiries({
  db,
  userId,
  input,
}: {
  db: DB;
  userId: number;
  input: { enterpriseId: number; answers: MatchAnswers; objective: MatchObjective; expectedKey: string };
}): Promise<SendMatchedResult> {
  const found = await matchForShop({ db, answers: input.answers, userId, enterpriseId: input.enterpriseId });
  if (!found.ok) return found;
  const set = [found.result.best, ...found.result.alternatives].find((s) => s.objective === input.objective);
  if (!set || setKey(set) !== input.expectedKey) return { ok: false, code: 'set_changed' };
  if (set.picks.length === 0) return { ok: false, code: 'empty_set' };

  return db.transaction().execute(async (trx): Promise<SendMatchedResult> => {
    const enterprise = await trx
      .selectFrom('enterprises as ent')
      .select(['id', 'sector'])
      .where('id', '=', input.enterpriseId)
      .where((eb) => ownedByShop(eb, userId))
      .forUpdate()
      .executeTakeFirst();
    if (!enterprise) return { ok: false, code: 'not_found' };
    if (enterprise.sector !== input.answers.sector) return { ok: false, code: 'sector_mismatch' };

    // Every package still listed at the version matched, before anything is written.
    for (const pick of set.picks) {
      const solution = await trx
        .selectFrom('solutions')
        .select(['id', 'listedVersionId'])
        .where('id', '=', pick.packageId)
        .where('status', '=', 'listed')
        .forShare()
        .executeTakeFirst();
      if (solution?.listedVersionId !== pick.versionId) return { ok: false, code: 'set_changed' };
    }

    const created: { enquiryId: number; solutionId: number }[] = [];
    const skipped: { solutionId: number; reason: 'already_sent' | 'already_quoted' }[] = [];
    for (const pick of set.picks) {
      const open = await trx
        .selectFrom('enquiries as e')
        .select('e.status')
        .where('e.enterpriseId', '=', enterprise.id)
        .where('e.solutionId', '=', pick.packageId)
        .where((eb) =>
          eb.or([
            eb('e.status', '=', 'sent'),
            eb.and([
              eb('e.status', '=', 'confirmed'),
              // A quotation is spent once its application was rejected, withdrawn or lapsed; otherwise it still counts.
              eb.not(
                eb.exists(
                  eb
                    .selectFrom('quotations as q')
                    .innerJoin('applications as a', 'a.quotationId', 'q.id')
                    .select('a.id')
                    .whereRef('q.enquiryId', '=', 'e.id')
                    .where('a.status', 'in', ['rejected', 'withdrawn', 'lapsed']),
                ),
              ),
            ]),
          ]),
        )
        .orderBy('e.id')
        .executeTakeFirst();
      if (open) {
        skipped.push({ solutionId: pick.packageId, reason: open.status === 'sent' ? 'already_sent' : 'already_quoted' });
        continue;
      }
      const reason = matchReasonFor({ set, pick, statedNeeds: input.answers.needs });
      const inserted = await trx
        .insertInto('enquiries')
        .values({
          enterpriseId: enterprise.id,
          solutionId: pick.packageId,
          solutionVersionId: pick.versionId,
          featureIds: [...pick.featureIds].sort((a, b) => a - b),
          message: '',
          createdBy: userId,
          matchReason: JSON.stringify(reason),
        })
        .onConflict((oc) => oc.columns(['enterpriseId', 'solutionId']).where('status', '=', 'sent').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        // Sent by hand from the package page a moment ago (that path does not lock the enterprise).
        skipped.push({ solutionId: pick.packageId, reason: 'already_sent' });
        continue;
      }
      await writeAudit(trx, {
        entityType: 'enquiry',
        entityId: inserted.id,
        action: 'sent_from_match',
        actorUserId: userId,
        actorRole: 'applicant',
        note: `${set.objective}; set ${setKey(set)}`,
      });
      await notifyEnquiryReceived(trx, { enquiryId: inserted.id });
      created.push({ enquiryId: inserted.id, solutionId: pick.packageId });
    }
    return { ok: true, created, skipped };
  });
}

async function vendorIdOf(db: DB, userId: number): Promise<number | undefined> {
  const vendor = await db
    .selectFrom('vendors as vd')
    .select('id')
    .where((eb) => ownedByVendor(eb, userId))
    .executeTakeFirst();
  return vendor?.id;
}

export type AnswerEnquiryResult =
  { ok: true; quotationId?: number } | { ok: false; code: 'not_found' | 'already_answered' | 'package_not_listed' };

/**
 * The vendor confirms it can supply: the quotation copies the catalogue prices (and each monthly item's minimum
 * contract) of the version the shop asked about, and its eligible cost counts each contract, at most the round's months.
 */
export async function confirmEnquiry({
  db,
  userId,
  enquiryId,
}: {
  db: DB;
  userId: number;
  enquiryId: number;
}): Promise<AnswerEnquiryResult> {
  const vendorId = await vendorIdOf(db, userId);
  if (vendorId === undefined) return { ok: false, code: 'not_found' };
  const settings = await getCurrentSettings(db);
  return db.transaction().execute(async (trx) => {
    const enquiry = await trx
      .selectFrom('enquiries as e')
      .innerJoin('solutions as s', 's.id', 'e.solutionId')
      .select(['e.id', 'e.status', 'e.solutionVersionId', 'e.featureIds', 's.status as solutionStatus'])
      .where('e.id', '=', enquiryId)
      .where('s.vendorId', '=', vendorId)
      .forUpdate('e')
      .executeTakeFirst();
    if (!enquiry) return { ok: false, code: 'not_found' };
    if (enquiry.status !== 'sent') return { ok: false, code: 'already_answered' };
    if (enquiry.solutionStatus !== 'listed') return { ok: false, code: 'package_not_listed' };

    const version = await trx
      .selectFrom('solutionVersions')
      .select(['nameEn', 'nameZhHk', 'nameZhCn', 'pricingModel', 'priceCents', 'minContractMonths'])
      .where('id', '=', enquiry.solutionVersionId)
      .executeTakeFirstOrThrow();
    const features =
      enquiry.featureIds.length === 0
        ? []
        : await trx
            .selectFrom('solutionFeatures')
            .select(['id', 'nameEn', 'nameZhHk', 'nameZhCn', 'pricingModel', 'priceCents', 'minContractMonths'])
            .where('versionId', '=', enquiry.solutionVersionId)
            .where('id', 'in', enquiry.featureIds)
            .orderBy('position')
            .execute();
    const items: QuotationItem[] = [
      { kind: 'package', featureId: null, ...version },
      ...features.map(({ id, ...feature }) => ({ kind: 'feature' as const, featureId: id, ...feature })),
    ];
    const quotation = await trx
      .insertInto('quotations')
      .values({
        enquiryId: enquiry.id,
        vendorId,
        solutionVersionId: enquiry.solutionVersionId,
        items: JSON.stringify(items),
        maxSubscriptionMonths: settings.maxSubscriptionMonths,
        eligibleCostCents: eligibleCostCents(items, settings.maxSubscriptionMonths),
        createdBy: userId,
      })
      .returning(['id', 'eligibleCostCents'])
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('enquiries')
      .set({ status: 'confirmed', respondedBy: userId, respondedAt: new Date() })
      .where('id', '=', enquiry.id)
      .where('status', '=', 'sent')
      .execute();
    await notifyQuotationArrived(trx, { enquiryId: enquiry.id, quotationId: quotation.id, eligibleCostCents: quotation.eligibleCostCents });
    return { ok: true, quotationId: quotation.id };
  });
}

export async function declineEnquiry({
  db,
  userId,
  enquiryId,
  reason,
}: {
  db: DB;
  userId: number;
  enquiryId: number;
  reason: string;
}): Promise<AnswerEnquiryResult> {
  const vendorId = await vendorIdOf(db, userId);
  if (vendorId === undefined) return { ok: false, code: 'not_found' };
  const updated = await db
    .updateTable('enquiries')
    .set({ status: 'declined', declineReason: reason, respondedBy: userId, respondedAt: new Date() })
    .where('id', '=', enquiryId)
    .where('status', '=', 'sent')
    .where('solutionId', 'in', (eb) => eb.selectFrom('solutions').select('id').where('vendorId', '=', vendorId))
    .returning('id')
    .executeTakeFirst();
  if (updated) return { ok: true };
  const exists = await db
    .selectFrom('enquiries as e')
    .innerJoin('solutions as s', 's.id', 'e.solutionId')
    .select('e.id')
    .where('e.id', '=', enquiryId)
    .where('s.vendorId', '=', vendorId)
    .executeTakeFirst();
  return { ok: false, code: exists ? 'already_answered' : 'not_found' };
}

const enquiryColumns = [
  'e.id',
  'e.status',
  'e.message',
  'e.declineReason',
  'e.createdAt',
  'e.respondedAt',
  'e.featureIds',
  'e.solutionId',
  'v.nameEn',
  'v.nameZhHk',
  'v.nameZhCn',
  'ent.legalNameEn as enterpriseNameEn',
  'ent.legalNameZh as enterpriseNameZh',
  'q.id as quotationId',
  'q.eligibleCostCents',
  'e.matchReason',
] as const;

function enquiryBase(db: DB) {
  return db
    .selectFrom('enquiries as e')
    .innerJoin('solutionVersions as v', 'v.id', 'e.solutionVersionId')
    .innerJoin('enterprises as ent', 'ent.id', 'e.enterpriseId')
    .innerJoin('solutions as s', 's.id', 'e.solutionId')
    .leftJoin('quotations as q', 'q.enquiryId', 'e.id');
}

export async function listApplicantEnquiries({ db, userId, page }: { db: DB; userId: number; page: number }) {
  const base = enquiryBase(db).where((eb) => ownedByShop(eb, userId));
  return paginate({
    page,
    pageSize: ENQUIRY_PAGE_SIZE,
    count: () => countRows(base),
    fetch: ({ limit, offset }) =>
      base
        .leftJoin('applications as a', 'a.quotationId', 'q.id')
        .select(enquiryColumns)
        .select(['a.reference as applicationReference'])
        .orderBy('e.createdAt', 'desc')
        .orderBy('e.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
  });
}

/** The vendor's inbox: enquiries about its own packages only, with the shop's name and message (nothing else). */
export async function listVendorEnquiries({
  db,
  userId,
  status,
  page,
}: {
  db: DB;
  userId: number;
  status?: 'sent' | 'confirmed' | 'declined';
  page: number;
}) {
  const vendorId = await vendorIdOf(db, userId);
  if (vendorId === undefined) return { rows: [], page: 1, pageCount: 1 };
  let base = enquiryBase(db).where('s.vendorId', '=', vendorId);
  if (status) base = base.where('e.status', '=', status);
  return paginate({
    page,
    pageSize: ENQUIRY_PAGE_SIZE,
    count: () => countRows(base),
    fetch: ({ limit, offset }) =>
      base
        .select(enquiryColumns)
        .orderBy(sql`case when e.status = 'sent' then 0 else 1 end`)
        .orderBy('e.createdAt', 'desc')
        .orderBy('e.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
  });
}

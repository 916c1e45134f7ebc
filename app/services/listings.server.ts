// Vendors' package listings: drafts and new versions under the price rules, submission for vetting, delisting;
// and the officers' vetting. A listed package keeps its listed version until a new one is approved.
import { sql } from 'kysely';
import type { DB, Trx } from '../../db/client';
import { eligibleCostCents, type PricingModel } from '../domain/funding';
import { checkListing, medianCents, type ListingProblem } from '../domain/listing-rules';
import { getCurrentSettings } from './settings.server';
import { writeAudit } from './audit.server';
import { notifyListingVetted } from './notifications.server';
import { countRows, paginate } from './pagination.server';
import { ownedByVendor } from './ownership.server';

export type ListingFeatureInput = {
  nameEn: string;
  nameZhHk: string;
  nameZhCn: string;
  pricingModel: PricingModel;
  priceCents: number;
  /** Required for a monthly feature (the listing rules refuse one without it); ignored for a one-off price. */
  minContractMonths?: number | null;
};

export type ListingInput = {
  category: string;
  sector: string;
  nameEn: string;
  nameZhHk: string;
  nameZhCn: string;
  descriptionEn: string;
  descriptionZhHk: string;
  descriptionZhCn: string;
  deliverablesEn: string;
  deliverablesZhHk: string;
  deliverablesZhCn: string;
  pricingModel: PricingModel;
  priceCents: number;
  /** Required for a monthly package (the listing rules refuse one without it); ignored for a one-off price. */
  minContractMonths?: number | null;
  deploymentDays: number;
  features: ListingFeatureInput[];
  /** What the version states for the matcher (issue 13 §1); absent or null = not stated. */
  needsMet?: readonly string[] | null;
  paymentMethods?: readonly string[] | null;
  maxOutlets?: number | null;
  minSeats?: number | null;
  maxSeats?: number | null;
  /** null = all of Hong Kong. */
  supportDistricts?: readonly string[] | null;
};

/** A contract length belongs to monthly items only: a one-off item keeps none, whatever the form sent. */
function contractOnlyIfMonthly<T extends { pricingModel: PricingModel; minContractMonths?: number | null }>(
  item: T,
): T & { minContractMonths: number | null } {
  return { ...item, minContractMonths: item.pricingModel === 'monthly' ? (item.minContractMonths ?? null) : null };
}

export type SaveListingResult =
  | { ok: true; solutionId: number }
  | { ok: false; code: 'not_enrolled' | 'not_found' | 'under_review' }
  | { ok: false; code: 'rules'; problems: ListingProblem[] };

async function enrolledVendor(db: DB | Trx, userId: number) {
  return db
    .selectFrom('vendors as vd')
    .select(['id', 'status'])
    .where((eb) => ownedByVendor(eb, userId))
    .executeTakeFirst();
}

async function rulesCheck(trx: Trx, vendorId: number, input: ListingInput, solutionId?: number): Promise<ListingProblem[]> {
  const settings = await getCurrentSettings(trx);
  const others = await trx
    .selectFrom('solutions')
    .select(['id as solutionId', 'category', 'sector'])
    .where('vendorId', '=', vendorId)
    .where('status', '<>', 'delisted')
    .execute();
  return checkListing({
    draft: { ...input, ...(solutionId ? { solutionId } : {}) },
    rules: settings,
    otherListings: others,
    openCategories: settings.openCategories,
    openSectors: settings.openSectors,
  });
}

function versionValues(input: ListingInput) {
  const { features: _f, category: _c, sector: _s, needsMet, paymentMethods, supportDistricts, ...version } = input;
  const list = (codes: readonly string[] | null | undefined) => (codes ? [...codes] : null);
  return {
    ...contractOnlyIfMonthly(version),
    needsMet: list(needsMet),
    paymentMethods: list(paymentMethods),
    supportDistricts: list(supportDistricts),
    maxOutlets: version.maxOutlets ?? null,
    minSeats: version.minSeats ?? null,
    maxSeats: version.maxSeats ?? null,
  };
}

async function writeFeatures(trx: Trx, versionId: number, features: ListingFeatureInput[]) {
  await trx.deleteFrom('solutionFeatures').where('versionId', '=', versionId).execute();
  if (features.length === 0) return;
  await trx
    .insertInto('solutionFeatures')
    .values(features.map((feature, position) => ({ ...contractOnlyIfMonthly(feature), versionId, position })))
    .execute();
}

export async function createListing({ db, userId, input }: { db: DB; userId: number; input: ListingInput }): Promise<SaveListingResult> {
  return db.transaction().execute(async (trx): Promise<SaveListingResult> => {
    const vendor = await enrolledVendor(trx, userId);
    if (!vendor || vendor.status !== 'enrolled') return { ok: false, code: 'not_enrolled' };
    // Serialise this vendor's listing changes so the one-per-category-and-sector rule holds under concurrency.
    await trx.selectFrom('vendors').select('id').where('id', '=', vendor.id).forUpdate().execute();
    const problems = await rulesCheck(trx, vendor.id, input);
    if (problems.length > 0) return { ok: false, code: 'rules', problems };
    const solution = await trx
      .insertInto('solutions')
      .values({ vendorId: vendor.id, category: input.category, sector: input.sector, status: 'draft' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const version = await trx
      .insertInto('solutionVersions')
      .values({ ...versionValues(input), solutionId: solution.id, version: 1, status: 'draft' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeFeatures(trx, version.id, input.features);
    await writeAudit(trx, {
      entityType: 'solution',
      entityId: solution.id,
      action: 'create_draft',
      actorUserId: userId,
      actorRole: 'vendor',
    });
    return { ok: true, solutionId: solution.id };
  });
}

/** Edits the open draft, or starts a new version of a listed package (the listed one stays in the catalogue). */
export async function updateListing({
  db,
  userId,
  solutionId,
  input,
}: {
  db: DB;
  userId: number;
  solutionId: number;
  input: ListingInput;
}): Promise<SaveListingResult> {
  return db.transaction().execute(async (trx): Promise<SaveListingResult> => {
    const vendor = await enrolledVendor(trx, userId);
    if (!vendor || vendor.status !== 'enrolled') return { ok: false, code: 'not_enrolled' };
    await trx.selectFrom('vendors').select('id').where('id', '=', vendor.id).forUpdate().execute();
    const solution = await trx
      .selectFrom('solutions')
      .select(['id', 'status', 'category', 'sector'])
      .where('id', '=', solutionId)
      .where('vendorId', '=', vendor.id)
      .forUpdate()
      .executeTakeFirst();
    if (!solution || solution.status === 'delisted') return { ok: false, code: 'not_found' };
    // Category and sector are the package's identity: a different one is a different package.
    const fixed = { ...input, category: solution.category, sector: solution.sector };
    const problems = await rulesCheck(trx, vendor.id, fixed, solution.id);
    if (problems.length > 0) return { ok: false, code: 'rules', problems };
    const open = await trx
      .selectFrom('solutionVersions')
      .select(['id', 'status'])
      .where('solutionId', '=', solution.id)
      .where('status', 'in', ['draft', 'pending_review', 'returned'])
      .executeTakeFirst();
    if (open?.status === 'pending_review') return { ok: false, code: 'under_review' };
    let versionId: number;
    if (open) {
      await trx
        .updateTable('solutionVersions')
        .set({ ...versionValues(fixed), status: 'draft' })
        .where('id', '=', open.id)
        .execute();
      versionId = open.id;
    } else {
      const next = await trx
        .selectFrom('solutionVersions')
        .select(sql<number>`coalesce(max(version), 0) + 1`.as('version'))
        .where('solutionId', '=', solution.id)
        .executeTakeFirstOrThrow();
      versionId = (
        await trx
          .insertInto('solutionVersions')
          .values({ ...versionValues(fixed), solutionId: solution.id, version: next.version, status: 'draft' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    await writeFeatures(trx, versionId, fixed.features);
    await writeAudit(trx, {
      entityType: 'solution',
      entityId: solution.id,
      action: 'edit_draft',
      actorUserId: userId,
      actorRole: 'vendor',
    });
    return { ok: true, solutionId: solution.id };
  });
}

export type ListingActionResult = { ok: true } | { ok: false; code: 'not_found' | 'nothing_to_submit' | 'not_enrolled' };

export async function submitListingForReview({
  db,
  userId,
  solutionId,
}: {
  db: DB;
  userId: number;
  solutionId: number;
}): Promise<ListingActionResult> {
  return db.transaction().execute(async (trx): Promise<ListingActionResult> => {
    const vendor = await enrolledVendor(trx, userId);
    if (!vendor || vendor.status !== 'enrolled') return { ok: false, code: 'not_enrolled' };
    const solution = await trx
      .selectFrom('solutions')
      .select(['id', 'status', 'listedVersionId'])
      .where('id', '=', solutionId)
      .where('vendorId', '=', vendor.id)
      .forUpdate()
      .executeTakeFirst();
    if (!solution || solution.status === 'delisted') return { ok: false, code: 'not_found' };
    const updated = await trx
      .updateTable('solutionVersions')
      .set({ status: 'pending_review', submittedAt: new Date() })
      .where('solutionId', '=', solution.id)
      .where('status', 'in', ['draft', 'returned'])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, code: 'nothing_to_submit' };
    if (!solution.listedVersionId)
      await trx.updateTable('solutions').set({ status: 'pending_review' }).where('id', '=', solution.id).execute();
    await writeAudit(trx, {
      entityType: 'solution',
      entityId: solution.id,
      action: 'submit_for_vetting',
      actorUserId: userId,
      actorRole: 'vendor',
    });
    return { ok: true };
  });
}

/** Hides the package from the catalogue and from new enquiries; applications already made are untouched. */
export async function delistListing({
  db,
  userId,
  solutionId,
}: {
  db: DB;
  userId: number;
  solutionId: number;
}): Promise<ListingActionResult> {
  return db.transaction().execute(async (trx): Promise<ListingActionResult> => {
    const vendor = await enrolledVendor(trx, userId);
    if (!vendor) return { ok: false, code: 'not_found' };
    const updated = await trx
      .updateTable('solutions')
      .set({ status: 'delisted' })
      .where('id', '=', solutionId)
      .where('vendorId', '=', vendor.id)
      .where('status', '<>', 'delisted')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, code: 'not_found' };
    await trx
      .updateTable('solutionVersions')
      .set({ status: 'superseded' })
      .where('solutionId', '=', solutionId)
      .where('status', 'in', ['draft', 'pending_review', 'returned'])
      .execute();
    await writeAudit(trx, { entityType: 'solution', entityId: solutionId, action: 'delist', actorUserId: userId, actorRole: 'vendor' });
    return { ok: true };
  });
}

async function versionWithFeatures(db: DB, versionId: number) {
  const version = await db.selectFrom('solutionVersions').selectAll().where('id', '=', versionId).executeTakeFirstOrThrow();
  const features = await db.selectFrom('solutionFeatures').selectAll().where('versionId', '=', versionId).orderBy('position').execute();
  return { ...version, features };
}

/** One of the vendor's own packages: the listed version, the open draft or review, and the trail. */
export async function getVendorListing({ db, userId, solutionId }: { db: DB; userId: number; solutionId: number }) {
  const solution = await db
    .selectFrom('solutions as s')
    .innerJoin('vendors as vd', 'vd.id', 's.vendorId')
    .select(['s.id', 's.category', 's.sector', 's.status', 's.listedVersionId'])
    .where('s.id', '=', solutionId)
    .where((eb) => ownedByVendor(eb, userId))
    .executeTakeFirst();
  if (!solution) return undefined;
  const open = await db
    .selectFrom('solutionVersions')
    .select('id')
    .where('solutionId', '=', solution.id)
    .where('status', 'in', ['draft', 'pending_review', 'returned'])
    .executeTakeFirst();
  const latestReviewed = await db
    .selectFrom('solutionVersions')
    .select(['status', 'reviewNote', 'reviewedAt'])
    .where('solutionId', '=', solution.id)
    .where('reviewedAt', 'is not', null)
    .orderBy('reviewedAt', 'desc')
    .executeTakeFirst();
  return {
    ...solution,
    listed: solution.listedVersionId ? await versionWithFeatures(db, solution.listedVersionId) : null,
    open: open ? await versionWithFeatures(db, open.id) : null,
    latestReviewed: latestReviewed ?? null,
    trail: await db
      .selectFrom('auditLog')
      .select(['id', 'action', 'actorRole', 'note', 'createdAt'])
      .where('entityType', '=', 'solution')
      .where('entityId', '=', solution.id)
      .orderBy('id')
      .execute(),
  };
}

export const VETTING_PAGE_SIZE = 50;

/** Versions waiting for vetting, oldest first, a page at a time. */
export async function pagePendingVersions({ db, page }: { db: DB; page: number }) {
  return paginate({
    page,
    pageSize: VETTING_PAGE_SIZE,
    count: () => countRows(db.selectFrom('solutionVersions').where('status', '=', 'pending_review')),
    fetch: ({ limit, offset }) => listPendingVersions({ db, limit, offset }),
  });
}

export async function listPendingVersions({ db, limit = 200, offset = 0 }: { db: DB; limit?: number; offset?: number }) {
  return db
    .selectFrom('solutionVersions as v')
    .innerJoin('solutions as s', 's.id', 'v.solutionId')
    .innerJoin('vendors as vd', 'vd.id', 's.vendorId')
    .select([
      'v.id',
      'v.version',
      'v.nameEn',
      'v.nameZhHk',
      'v.submittedAt',
      'v.pricingModel',
      'v.priceCents',
      'v.minContractMonths',
      's.category',
      's.sector',
      's.listedVersionId',
      'vd.nameEn as vendorNameEn',
      'vd.nameZhHk as vendorNameZhHk',
    ])
    .where('v.status', '=', 'pending_review')
    .orderBy('v.submittedAt')
    .orderBy('v.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** A version waiting for vetting, with the listed one it would replace and the category's median price. */
export async function getVersionForVetting({ db, versionId }: { db: DB; versionId: number }) {
  const version = await db
    .selectFrom('solutionVersions as v')
    .innerJoin('solutions as s', 's.id', 'v.solutionId')
    .innerJoin('vendors as vd', 'vd.id', 's.vendorId')
    .select([
      'v.id',
      'v.solutionId',
      'v.status',
      's.category',
      's.sector',
      's.listedVersionId',
      'vd.nameEn as vendorNameEn',
      'vd.nameZhHk as vendorNameZhHk',
      'vd.brNumber as vendorBrNumber',
      'vd.status as vendorStatus',
    ])
    .where('v.id', '=', versionId)
    .executeTakeFirst();
  if (!version) return undefined;
  const settings = await getCurrentSettings(db);
  const [detail, listed, peers] = await Promise.all([
    versionWithFeatures(db, version.id),
    version.listedVersionId ? versionWithFeatures(db, version.listedVersionId) : Promise.resolve(null),
    db
      .selectFrom('solutions as s')
      .innerJoin('solutionVersions as v', 'v.id', 's.listedVersionId')
      .select(['v.pricingModel', 'v.priceCents', 'v.minContractMonths'])
      .where('s.status', '=', 'listed')
      .where('s.category', '=', version.category)
      .execute(),
  ]);
  const months = settings.maxSubscriptionMonths;
  const cost = eligibleCostCents([detail], months);
  return {
    ...version,
    detail,
    listed,
    costCents: cost,
    categoryMedianCents: medianCents(peers.map((p) => eligibleCostCents([p], months))),
    months,
  };
}

export type VetDecision = 'approve' | 'reject' | 'return';
export type VetResult = { ok: true } | { ok: false; code: 'not_found' | 'stale' | 'note_required' };

export async function vetVersion({
  db,
  officerId,
  versionId,
  decision,
  note,
}: {
  db: DB;
  officerId: number;
  versionId: number;
  decision: VetDecision;
  note: string | null;
}): Promise<VetResult> {
  if (decision !== 'approve' && !note) return { ok: false, code: 'note_required' };
  return db.transaction().execute(async (trx): Promise<VetResult> => {
    const version = await trx
      .selectFrom('solutionVersions')
      .select(['id', 'solutionId', 'status'])
      .where('id', '=', versionId)
      .executeTakeFirst();
    if (!version) return { ok: false, code: 'not_found' };
    const solution = await trx
      .selectFrom('solutions')
      .select(['id', 'listedVersionId', 'status'])
      .where('id', '=', version.solutionId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const next = decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'returned';
    const updated = await trx
      .updateTable('solutionVersions')
      .set({ status: next, reviewedBy: officerId, reviewedAt: new Date(), reviewNote: note })
      .where('id', '=', version.id)
      .where('status', '=', 'pending_review')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, code: 'stale' };
    if (decision === 'approve') {
      if (solution.listedVersionId)
        await trx.updateTable('solutionVersions').set({ status: 'superseded' }).where('id', '=', solution.listedVersionId).execute();
      await trx
        .updateTable('solutions')
        .set({ listedVersionId: version.id, status: 'listed' })
        .where('id', '=', solution.id)
        .where('status', '<>', 'delisted')
        .execute();
    } else if (!solution.listedVersionId && solution.status !== 'delisted') {
      await trx
        .updateTable('solutions')
        .set({ status: decision === 'reject' ? 'rejected' : 'draft' })
        .where('id', '=', solution.id)
        .execute();
    }
    await writeAudit(trx, {
      entityType: 'solution',
      entityId: solution.id,
      action: `vet_${decision}`,
      actorUserId: officerId,
      actorRole: 'officer',
      note,
    });
    await notifyListingVetted(trx, { versionId: version.id, decision, note });
    return { ok: true };
  });
}

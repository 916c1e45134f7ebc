import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getListedSolution, listSolutions } from '../../app/services/catalogue.server';
import { submitApplication } from '../../app/services/applications.server';
import {
  createListing,
  delistListing,
  getVendorListing,
  getVersionForVetting,
  listPendingVersions,
  submitListingForReview,
  updateListing,
  vetVersion,
  type ListingInput,
} from '../../app/services/listings.server';
import { sendEnquiry } from '../../app/services/enquiries.server';
import { decideEnrolment, listVendorApplications, submitEnrolment, type EnrolmentInput } from '../../app/services/vendors.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeQuotation, makeUser, randomBrNumber } from '../support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const enrolment = (): EnrolmentInput => ({
  nameEn: 'Kowloon Smart Retail Ltd',
  nameZhHk: '九龍智能零售有限公司',
  nameZhCn: '九龙智能零售有限公司',
  brNumber: randomBrNumber(),
  contactName: 'Ms Ho',
  contactEmail: 'ho@ksr.example.hk',
  phone: '2777 8888',
  website: null,
  district: 'kwun_tong',
  trackRecord: 'POS for 40 shops since 2019',
  referenceCustomers: 'Tai Hing Bakery; Wing On Mart',
  netEquityPositive: true,
});

const listing = (overrides: Partial<ListingInput> = {}): ListingInput => ({
  category: 'e_payment_pos',
  sector: 'retail',
  nameEn: 'Smart Till',
  nameZhHk: '智能收銀機',
  nameZhCn: '智能收银机',
  descriptionEn: 'A till that takes Octopus and FPS.',
  descriptionZhHk: '支援八達通及轉數快的收銀機。',
  descriptionZhCn: '支援八达通及转数快的收银机。',
  deliverablesEn: 'One terminal, training',
  deliverablesZhHk: '一部終端機及培訓',
  deliverablesZhCn: '一部终端机及培训',
  pricingModel: 'one_off',
  priceCents: 30_000_00,
  deploymentDays: 30,
  features: [{ nameEn: 'Extra terminal', nameZhHk: '額外終端機', nameZhCn: '额外终端机', pricingModel: 'one_off', priceCents: 5_000_00 }],
  ...overrides,
});

async function enrolledVendor() {
  const user = await makeUser(t.db, 'vendor');
  const officer = await makeUser(t.db, 'officer');
  const submitted = await submitEnrolment({ db: t.db, userId: user.id, input: enrolment() });
  if (!submitted.ok) throw new Error('setup');
  expect(await decideEnrolment({ db: t.db, officerId: officer.id, vendorId: submitted.vendorId, approve: true, reason: null })).toEqual({
    ok: true,
  });
  return { user, officer, vendorId: submitted.vendorId };
}

async function listedPackage(input = listing()) {
  const v = await enrolledVendor();
  const created = await createListing({ db: t.db, userId: v.user.id, input });
  if (!created.ok) throw new Error(`setup: ${JSON.stringify(created)}`);
  expect(await submitListingForReview({ db: t.db, userId: v.user.id, solutionId: created.solutionId })).toEqual({ ok: true });
  const [pending] = (await listPendingVersions({ db: t.db })).filter((p) => p.nameEn === input.nameEn).slice(-1);
  expect(await vetVersion({ db: t.db, officerId: v.officer.id, versionId: pending!.id, decision: 'approve', note: null })).toEqual({
    ok: true,
  });
  return { ...v, solutionId: created.solutionId };
}

describe('enrolment', () => {
  it('only an enrolled vendor can list; a rejected one can apply again', async () => {
    const user = await makeUser(t.db, 'vendor');
    const officer = await makeUser(t.db, 'officer');
    expect(await createListing({ db: t.db, userId: user.id, input: listing() })).toEqual({ ok: false, code: 'not_enrolled' });
    const first = await submitEnrolment({ db: t.db, userId: user.id, input: enrolment() });
    if (!first.ok) throw new Error('setup');
    expect(await createListing({ db: t.db, userId: user.id, input: listing() })).toEqual({ ok: false, code: 'not_enrolled' });
    expect(
      await decideEnrolment({ db: t.db, officerId: officer.id, vendorId: first.vendorId, approve: false, reason: 'No track record' }),
    ).toEqual({ ok: true });
    expect(await decideEnrolment({ db: t.db, officerId: officer.id, vendorId: first.vendorId, approve: true, reason: null })).toEqual({
      ok: false,
      code: 'stale',
    });
    const again = await submitEnrolment({ db: t.db, userId: user.id, input: enrolment() });
    expect(again).toEqual({ ok: true, vendorId: first.vendorId });
    const trail = await t.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityType', '=', 'vendor')
      .where('entityId', '=', first.vendorId)
      .orderBy('id')
      .execute();
    expect(trail.map((r) => r.action)).toEqual(['submit_enrolment', 'reject_enrolment', 'submit_enrolment']);
  });

  it('refuses a BR number another vendor already has', async () => {
    const a = await makeUser(t.db, 'vendor');
    const b = await makeUser(t.db, 'vendor');
    const input = enrolment();
    expect((await submitEnrolment({ db: t.db, userId: a.id, input })).ok).toBe(true);
    expect(await submitEnrolment({ db: t.db, userId: b.id, input })).toEqual({ ok: false, code: 'br_taken' });
  });
});

describe('listings and the price rules', () => {
  it('refuses a second package in the same category and sector, and prices past the ceilings, writing nothing', async () => {
    const { user, vendorId } = await enrolledVendor();
    expect((await createListing({ db: t.db, userId: user.id, input: listing() })).ok).toBe(true);
    const again = await createListing({ db: t.db, userId: user.id, input: listing({ nameEn: 'Second till' }) });
    expect(again).toEqual({ ok: false, code: 'rules', problems: [{ field: 'category', code: 'category_sector_taken' }] });
    const pricey = await createListing({
      db: t.db,
      userId: user.id,
      input: listing({ sector: 'fnb', pricingModel: 'monthly', priceCents: 4_200_00, minContractMonths: 24 }),
    });
    expect(pricey).toEqual({ ok: false, code: 'rules', problems: [{ field: 'price', code: 'subscription_over_ceiling' }] });
    const count = await t.db.selectFrom('solutions').select('id').where('vendorId', '=', vendorId).execute();
    expect(count).toHaveLength(1);
  });

  it("a vendor never sees or changes another vendor's listing", async () => {
    const mine = await listedPackage(listing({ nameEn: 'Private till' }));
    const other = await enrolledVendor();
    expect(await getVendorListing({ db: t.db, userId: other.user.id, solutionId: mine.solutionId })).toBeUndefined();
    expect(await updateListing({ db: t.db, userId: other.user.id, solutionId: mine.solutionId, input: listing() })).toEqual({
      ok: false,
      code: 'not_found',
    });
    expect(await delistListing({ db: t.db, userId: other.user.id, solutionId: mine.solutionId })).toEqual({ ok: false, code: 'not_found' });
    expect(await submitListingForReview({ db: t.db, userId: other.user.id, solutionId: mine.solutionId })).toEqual({
      ok: false,
      code: 'not_found',
    });
  });

  it('text is stored as typed, HTML included (the pages escape it)', async () => {
    const { user } = await enrolledVendor();
    const created = await createListing({ db: t.db, userId: user.id, input: listing({ descriptionEn: '<script>alert(1)</script> POS' }) });
    if (!created.ok) throw new Error('setup');
    const detail = await getVendorListing({ db: t.db, userId: user.id, solutionId: created.solutionId });
    expect(detail?.open?.descriptionEn).toBe('<script>alert(1)</script> POS');
  });
});

describe('versions', () => {
  it('an edit goes through vetting while the old version stays listed; applications keep their price', async () => {
    const pkg = await listedPackage(listing({ nameEn: 'Versioned till' }));
    // A shop applies at the first price.
    const shop = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, shop.id, { sector: 'retail' });
    const quotationId = await makeQuotation(t.db, { userId: shop.id, enterpriseId, solutionId: pkg.solutionId, vendorUserId: pkg.user.id });
    const reference = await makeDraft(t.db, { userId: shop.id, quotationId });
    expect((await submitApplication({ db: t.db, userId: shop.id, reference })).ok).toBe(true);

    // The vendor raises the price: a new draft version, the listed one unchanged.
    expect(
      (
        await updateListing({
          db: t.db,
          userId: pkg.user.id,
          solutionId: pkg.solutionId,
          input: listing({ nameEn: 'Versioned till', priceCents: 40_000_00 }),
        })
      ).ok,
    ).toBe(true);
    expect((await getListedSolution({ db: t.db, id: pkg.solutionId }))?.priceCents).toBe(30_000_00);
    expect((await submitListingForReview({ db: t.db, userId: pkg.user.id, solutionId: pkg.solutionId })).ok).toBe(true);
    expect(await updateListing({ db: t.db, userId: pkg.user.id, solutionId: pkg.solutionId, input: listing() })).toEqual({
      ok: false,
      code: 'under_review',
    });
    expect((await getListedSolution({ db: t.db, id: pkg.solutionId }))?.priceCents).toBe(30_000_00);

    const pending = (await listPendingVersions({ db: t.db })).find((p) => p.nameEn === 'Versioned till')!;
    const vetting = await getVersionForVetting({ db: t.db, versionId: pending.id });
    expect(vetting?.listed?.priceCents).toBe(30_000_00);
    expect(vetting?.categoryMedianCents).toBeTypeOf('number');
    expect(await vetVersion({ db: t.db, officerId: pkg.officer.id, versionId: pending.id, decision: 'return', note: null })).toEqual({
      ok: false,
      code: 'note_required',
    });
    expect((await vetVersion({ db: t.db, officerId: pkg.officer.id, versionId: pending.id, decision: 'approve', note: null })).ok).toBe(
      true,
    );
    expect((await getListedSolution({ db: t.db, id: pkg.solutionId }))?.priceCents).toBe(40_000_00);

    // The application and its quotation keep the price they were made with.
    const app = await t.db
      .selectFrom('applications as a')
      .innerJoin('quotations as q', 'q.id', 'a.quotationId')
      .select(['a.costCents', 'q.eligibleCostCents'])
      .where('a.reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(app).toEqual({ costCents: 30_000_00, eligibleCostCents: 30_000_00 });
    const vendorView = await listVendorApplications({ db: t.db, userId: pkg.user.id, page: 1 });
    expect(vendorView.rows.map((r) => r.reference)).toEqual([reference]);
    // Limited fields: the shop's name (a party to the deal, issue 12 §5) and nothing else about it.
    expect(Object.keys(vendorView.rows[0]!).sort()).toEqual([
      'costCents',
      'enterpriseNameEn',
      'enterpriseNameZh',
      'nameEn',
      'nameZhCn',
      'nameZhHk',
      'programmeCents',
      'reference',
      'status',
      'submittedAt',
    ]);
  });

  it('delisting hides the package from the catalogue and new enquiries, not from existing applications', async () => {
    const pkg = await listedPackage(listing({ nameEn: 'Soon gone', category: 'online_promotion' }));
    const shop = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, shop.id, { sector: 'retail' });
    await makeQuotation(t.db, { userId: shop.id, enterpriseId, solutionId: pkg.solutionId, vendorUserId: pkg.user.id });
    expect(await delistListing({ db: t.db, userId: pkg.user.id, solutionId: pkg.solutionId })).toEqual({ ok: true });
    expect(await getListedSolution({ db: t.db, id: pkg.solutionId })).toBeUndefined();
    expect(
      (await listSolutions({ db: t.db, filters: { q: 'Soon gone', sort: 'price_asc', page: 1 }, maxSubscriptionMonths: 24 })).total,
    ).toBe(0);
    expect(
      await sendEnquiry({ db: t.db, userId: shop.id, input: { enterpriseId, solutionId: pkg.solutionId, featureIds: [], message: '' } }),
    ).toEqual({
      ok: false,
      code: 'package_not_listed',
    });
    const quotations = await t.db.selectFrom('quotations').select('id').where('vendorId', '=', pkg.vendorId).execute();
    expect(quotations).toHaveLength(1);
  });

  it('the audit log of a listing cannot be changed', async () => {
    await expect(sql`update audit_log set note = 'x'`.execute(t.db)).rejects.toThrow(/append-only/);
  });
});

describe('long lists page', () => {
  it('enrolments come a page at a time, oldest first, and a page past the end shows the last', async () => {
    const { pageEnrolments, ENROLMENT_PAGE_SIZE } = await import('../../app/services/vendors.server');
    const before = await pageEnrolments({ db: t.db, status: 'pending', page: 1 });
    const already = before.pageCount === 1 ? before.rows.length : (before.pageCount - 1) * ENROLMENT_PAGE_SIZE;
    for (let i = 0; i < ENROLMENT_PAGE_SIZE + 3; i++) {
      const user = await makeUser(t.db, 'vendor');
      await submitEnrolment({ db: t.db, userId: user.id, input: enrolment() });
    }
    const first = await pageEnrolments({ db: t.db, status: 'pending', page: 1 });
    expect(first.rows).toHaveLength(ENROLMENT_PAGE_SIZE);
    expect(first.pageCount).toBeGreaterThanOrEqual(2);
    const seen = new Set<number>();
    for (let page = 1; page <= first.pageCount; page++)
      for (const row of (await pageEnrolments({ db: t.db, status: 'pending', page })).rows) seen.add(row.id);
    expect(seen.size).toBeGreaterThanOrEqual(already + ENROLMENT_PAGE_SIZE + 3);
    const past = await pageEnrolments({ db: t.db, status: 'pending', page: 999 });
    expect(past.page).toBe(first.pageCount);
  });
});

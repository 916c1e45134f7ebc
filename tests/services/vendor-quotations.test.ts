// The vendor's inbox shows what each quotation holds before and after confirming (issue 12 §5): the package, each
// chosen feature with its price, the total, the programme's share and the shop's name — and only its own enquiries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmEnquiry, sendEnquiry } from '../../app/services/enquiries.server';
import { listVendorApplications } from '../../app/services/vendors.server';
import { listVendorEnquiriesWithQuotations } from '../../app/services/vendor-quotations.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeUser } from '../support/fixtures';
import { submitApplication } from '../../app/services/applications.server';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

async function shopAsks({ featureCount }: { featureCount: number }) {
  const listing = await makeListedSolution(t.db, {
    priceCents: 30_000_00,
    features: [
      { pricingModel: 'one_off', priceCents: 2_500_00 },
      { pricingModel: 'monthly', priceCents: 300_00, minContractMonths: 12 },
      { pricingModel: 'one_off', priceCents: 999_99 },
    ],
  });
  const owner = await makeUser(t.db);
  const enterpriseId = await makeEnterprise(t.db, owner.id, { legalNameEn: 'Kam Wah Cafe Limited', legalNameZh: '金華冰廳有限公司' });
  const chosen = listing.featureIds.slice(0, featureCount);
  const enquiry = await sendEnquiry({
    db: t.db,
    userId: owner.id,
    input: { enterpriseId, solutionId: listing.solutionId, featureIds: chosen, message: '' },
  });
  if (!enquiry.ok) throw new Error(enquiry.code);
  return { listing, owner, enterpriseId, enquiryId: enquiry.id };
}

describe('listVendorEnquiriesWithQuotations', () => {
  it('shows an open enquiry with the package, each chosen feature priced, the total and the programme share at most', async () => {
    const { listing, enquiryId } = await shopAsks({ featureCount: 2 });
    const inbox = await listVendorEnquiriesWithQuotations({ db: t.db, userId: listing.vendorUserId, page: 1 });
    const row = inbox.rows.find((r) => r.id === enquiryId)!;
    expect(row.enterpriseNameEn).toBe('Kam Wah Cafe Limited');
    expect(row.enterpriseNameZh).toBe('金華冰廳有限公司');
    expect(row.quotation.locked).toBe(false);
    expect(row.quotation.lines.map((l) => [l.kind, l.priceCents, l.costCents])).toEqual([
      ['package', 30_000_00, 30_000_00],
      ['feature', 2_500_00, 2_500_00],
      ['feature', 300_00, 3_600_00], // 12-month contract
    ]);
    expect(row.quotation.costCents).toBe(36_100_00);
    expect(row.quotation.programmeMaxCents).toBe(18_050_00);
    expect(row.quotation.shopMinCents).toBe(18_050_00);
  });

  it('after confirming shows the items locked in the quotation, the same amounts the shop will apply with', async () => {
    const { listing, enquiryId } = await shopAsks({ featureCount: 1 });
    const confirmed = await confirmEnquiry({ db: t.db, userId: listing.vendorUserId, enquiryId });
    expect(confirmed.ok).toBe(true);
    // The catalogue price changes afterwards: the locked quotation does not.
    await t.db.updateTable('solutionVersions').set({ priceCents: 45_000_00 }).where('id', '=', listing.versionId).execute();
    const inbox = await listVendorEnquiriesWithQuotations({ db: t.db, userId: listing.vendorUserId, page: 1 });
    const row = inbox.rows.find((r) => r.id === enquiryId)!;
    expect(row.quotation.locked).toBe(true);
    expect(row.quotation.costCents).toBe(32_500_00);
    expect(row.quotation.costCents).toBe(row.eligibleCostCents);
    expect(row.quotation.lines).toHaveLength(2);
  });

  it('caps the programme share at the ceiling and shows nothing of another vendor', async () => {
    const listing = await makeListedSolution(t.db, {
      priceCents: 100_000_00,
      features: [{ pricingModel: 'one_off', priceCents: 20_000_00 }],
    });
    const owner = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, owner.id);
    const enquiry = await sendEnquiry({
      db: t.db,
      userId: owner.id,
      input: { enterpriseId, solutionId: listing.solutionId, featureIds: listing.featureIds, message: '' },
    });
    if (!enquiry.ok) throw new Error(enquiry.code);
    const inbox = await listVendorEnquiriesWithQuotations({ db: t.db, userId: listing.vendorUserId, page: 1 });
    const row = inbox.rows.find((r) => r.id === enquiry.id)!;
    expect(row.quotation.costCents).toBe(120_000_00);
    expect(row.quotation.programmeMaxCents).toBe(50_000_00);
    expect(row.quotation.shopMinCents).toBe(70_000_00);

    const stranger = await makeUser(t.db, 'vendor');
    expect((await listVendorEnquiriesWithQuotations({ db: t.db, userId: stranger.id, page: 1 })).rows).toEqual([]);
    const other = await makeListedSolution(t.db, { priceCents: 1_000_00 });
    const theirs = await listVendorEnquiriesWithQuotations({ db: t.db, userId: other.vendorUserId, page: 1 });
    expect(theirs.rows.map((r) => r.id)).not.toContain(enquiry.id);
  });
});

describe('listVendorApplications', () => {
  it("names the shop next to each reference, for the vendor's own applications only", async () => {
    const { listing, owner, enquiryId } = await shopAsks({ featureCount: 0 });
    const confirmed = await confirmEnquiry({ db: t.db, userId: listing.vendorUserId, enquiryId });
    if (!confirmed.ok || !confirmed.quotationId) throw new Error('confirm failed');
    const reference = await makeDraft(t.db, { userId: owner.id, quotationId: confirmed.quotationId });
    const submitted = await submitApplication({ db: t.db, userId: owner.id, reference });
    expect(submitted.ok).toBe(true);
    const list = await listVendorApplications({ db: t.db, userId: listing.vendorUserId, page: 1 });
    expect(list.rows).toEqual([
      expect.objectContaining({ reference, enterpriseNameEn: 'Kam Wah Cafe Limited', enterpriseNameZh: '金華冰廳有限公司' }),
    ]);
    const stranger = await makeUser(t.db, 'vendor');
    expect((await listVendorApplications({ db: t.db, userId: stranger.id, page: 1 })).rows).toEqual([]);
  });
});

// Amounts the rules cannot fund, and what the shop and the officer are told about them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getQuotationForApplying, submitApplication } from '../../app/services/applications.server';
import { getListedSolution, listSolutions } from '../../app/services/catalogue.server';
import { createListing, type ListingInput } from '../../app/services/listings.server';
import { assignToMe, decideApplication } from '../../app/services/officer.server';
import { createSettingsVersion, type SettingsInput } from '../../app/services/settings.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

async function draftFor(priceCents: number, opts: { pricingModel?: 'one_off' | 'monthly' } = {}) {
  const user = await makeUser(t.db);
  const enterpriseId = await makeEnterprise(t.db, user.id);
  const pkg = await makeListedSolution(t.db, { priceCents, ...opts });
  const quotationId = await makeQuotation(t.db, {
    userId: user.id,
    enterpriseId,
    solutionId: pkg.solutionId,
    vendorUserId: pkg.vendorUserId,
  });
  return { user, enterpriseId, pkg, quotationId, reference: await makeDraft(t.db, { userId: user.id, quotationId }) };
}

async function currentInput(): Promise<SettingsInput> {
  const {
    id: _id,
    programmeId: _p,
    version: _v,
    createdBy: _c,
    createdAt: _a,
    ...input
  } = await t.db.selectFrom('programmeSettings').selectAll().orderBy('version', 'desc').executeTakeFirstOrThrow();
  return input;
}

describe('a cost whose programme share rounds to nothing', () => {
  it('is refused at submission for what it is, not as "no funding left"', async () => {
    // An old listing from before the minimum price: HK$0.01, whose 50% share rounds down to HK$0.00.
    const app = await draftFor(1);
    expect(await submitApplication({ db: t.db, userId: app.user.id, reference: app.reference })).toEqual({
      ok: false,
      code: 'no_programme_share',
      costCents: 1,
      matchBps: 5_000,
    });
    const row = await t.db
      .selectFrom('applications')
      .select(['status', 'programmeCents'])
      .where('reference', '=', app.reference)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'draft', programmeCents: 0 });
  });

  it('is refused at approval for what it is when the match has been set to 0%', async () => {
    const admin = await makeUser(t.db, 'admin');
    const officer = await makeUser(t.db, 'officer');
    const app = await draftFor(10_000_00);
    expect((await submitApplication({ db: t.db, userId: app.user.id, reference: app.reference })).ok).toBe(true);
    await assignToMe({ db: t.db, officerId: officer.id, reference: app.reference });
    const original = await currentInput();
    await createSettingsVersion({ db: t.db, adminId: admin.id, input: { ...original, matchBps: 0 } });
    try {
      expect(
        await decideApplication({
          db: t.db,
          officerId: officer.id,
          reference: app.reference,
          expectedStatus: 'under_review',
          decision: { action: 'approve' },
        }),
      ).toEqual({
        ok: false,
        code: 'no_programme_share',
      });
    } finally {
      await createSettingsVersion({ db: t.db, adminId: admin.id, input: original });
    }
  });
});

describe('the minimum contract of a subscription', () => {
  it('a 12-month contract counts 12 months of fees in the quotation and the split, a 36-month one counts 24', async () => {
    const user = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, user.id);
    const pkg = await makeListedSolution(t.db, {
      pricingModel: 'monthly',
      priceCents: 1_000_00,
      minContractMonths: 12,
      features: [{ pricingModel: 'monthly', priceCents: 200_00, minContractMonths: 36 }],
    });
    const quotationId = await makeQuotation(t.db, {
      userId: user.id,
      enterpriseId,
      solutionId: pkg.solutionId,
      vendorUserId: pkg.vendorUserId,
      featureIds: pkg.featureIds,
    });
    const quotation = await getQuotationForApplying({ db: t.db, userId: user.id, quotationId });
    expect(quotation?.eligibleCostCents).toBe(1_000_00 * 12 + 200_00 * 24);
    expect(quotation?.items.map((i) => [i.kind, i.minContractMonths])).toEqual([
      ['package', 12],
      ['feature', 36],
    ]);
    const reference = await makeDraft(t.db, { userId: user.id, quotationId });
    expect(await submitApplication({ db: t.db, userId: user.id, reference })).toMatchObject({
      ok: true,
      split: { costCents: 16_800_00, programmeCents: 8_400_00 },
    });
  });

  it('the catalogue sorts by the counted cost and shows the contract', async () => {
    const twelve = await makeListedSolution(t.db, {
      pricingModel: 'monthly',
      priceCents: 500_00,
      minContractMonths: 12,
      category: 'online_promotion',
    }); // 6,000
    const full = await makeListedSolution(t.db, {
      pricingModel: 'monthly',
      priceCents: 300_00,
      minContractMonths: 24,
      category: 'online_promotion',
    }); // 7,200
    await t.db.updateTable('solutionVersions').set({ nameEn: 'Contract sort test A' }).where('id', '=', twelve.versionId).execute();
    await t.db.updateTable('solutionVersions').set({ nameEn: 'Contract sort test B' }).where('id', '=', full.versionId).execute();
    const page = await listSolutions({
      db: t.db,
      filters: { q: 'Contract sort test', sort: 'price_asc', page: 1 },
      maxSubscriptionMonths: 24,
    });
    expect(page.items.map((i) => [i.id, i.minContractMonths])).toEqual([
      [twelve.solutionId, 12],
      [full.solutionId, 24],
    ]);
    expect((await getListedSolution({ db: t.db, id: twelve.solutionId }))?.minContractMonths).toBe(12);
  });

  it('a vendor must state it for a monthly package and each monthly feature; a one-off price keeps none', async () => {
    const { vendorUserId } = await makeListedSolution(t.db, { priceCents: 10_000_00 });
    const input = (overrides: Partial<ListingInput>): ListingInput => ({
      category: 'customer_management',
      sector: 'retail',
      nameEn: 'Stamp card',
      nameZhHk: '印花卡',
      nameZhCn: '印花卡',
      descriptionEn: 'Digital stamps.',
      descriptionZhHk: '電子印花。',
      descriptionZhCn: '电子印花。',
      deliverablesEn: '',
      deliverablesZhHk: '',
      deliverablesZhCn: '',
      pricingModel: 'monthly',
      priceCents: 8_000_00,
      deploymentDays: 14,
      features: [{ nameEn: 'Coupons', nameZhHk: '優惠券', nameZhCn: '优惠券', pricingModel: 'monthly', priceCents: 100_00 }],
      ...overrides,
    });
    expect(await createListing({ db: t.db, userId: vendorUserId, input: input({}) })).toEqual({
      ok: false,
      code: 'rules',
      problems: [
        { field: 'minContractMonths', code: 'contract_months_missing' },
        { field: 'featureContract0', code: 'feature_contract_months_missing' },
        // Without a contract all 24 months count: HK$192,000.
        { field: 'price', code: 'subscription_over_ceiling' },
      ],
    });
    const made = await createListing({
      db: t.db,
      userId: vendorUserId,
      input: input({
        minContractMonths: 12,
        features: [
          { nameEn: 'Coupons', nameZhHk: '優惠券', nameZhCn: '优惠券', pricingModel: 'monthly', priceCents: 100_00, minContractMonths: 6 },
        ],
      }),
    });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const version = await t.db
      .selectFrom('solutionVersions')
      .select(['id', 'minContractMonths'])
      .where('solutionId', '=', made.solutionId)
      .executeTakeFirstOrThrow();
    expect(version.minContractMonths).toBe(12);
    const feature = await t.db
      .selectFrom('solutionFeatures')
      .select('minContractMonths')
      .where('versionId', '=', version.id)
      .executeTakeFirstOrThrow();
    expect(feature.minContractMonths).toBe(6);

    const oneOff = await createListing({
      db: t.db,
      userId: vendorUserId,
      input: input({ category: 'e_payment_pos', pricingModel: 'one_off', priceCents: 20_000_00, minContractMonths: 12, features: [] }),
    });
    expect(oneOff.ok).toBe(true);
    if (!oneOff.ok) return;
    expect(
      (
        await t.db
          .selectFrom('solutionVersions')
          .select('minContractMonths')
          .where('solutionId', '=', oneOff.solutionId)
          .executeTakeFirstOrThrow()
      ).minContractMonths,
    ).toBeNull();
  });

  it('the database refuses a contract on a one-off price and one outside 1..120 months', async () => {
    const pkg = await makeListedSolution(t.db, { priceCents: 10_000_00 });
    await expect(
      t.db.updateTable('solutionVersions').set({ minContractMonths: 12 }).where('id', '=', pkg.versionId).execute(),
    ).rejects.toThrow(/contract_only_monthly/);
    const monthly = await makeListedSolution(t.db, { pricingModel: 'monthly', priceCents: 100_00, minContractMonths: 12 });
    await expect(
      t.db.updateTable('solutionVersions').set({ minContractMonths: 121 }).where('id', '=', monthly.versionId).execute(),
    ).rejects.toThrow(/check/);
  });
});

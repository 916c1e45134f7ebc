import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchPackages } from '../../app/domain/matcher';
import { submitApplication } from '../../app/services/applications.server';
import { committedCents } from '../../app/services/enterprises.server';
import { listedMatchCatalogue, matchForShop } from '../../app/services/matcher.server';
import { seedSolutions } from '../../db/seed-data';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';
import { noodleShop, seedMatchCatalogue, seedName } from '../support/matcher-catalogue';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const limited = { ...noodleShop, ownSpendLimitCents: 15_000_00 };

/** Names of the picked packages, read back from the database. */
async function namesOf(ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await t.db
    .selectFrom('solutions as s')
    .innerJoin('solutionVersions as v', 'v.id', 's.listedVersionId')
    .select(['s.id', 'v.nameEn'])
    .where('s.id', 'in', ids)
    .execute();
  return ids.map((id) => rows.find((r) => r.id === id)!.nameEn);
}

describe('listedMatchCatalogue', () => {
  it('reads the listed seed packages of a sector with their features and the attributes their texts give', async () => {
    const fnb = await listedMatchCatalogue({ db: t.db, sector: 'fnb' });
    expect(fnb).toHaveLength(seedSolutions.filter((s) => s.sector === 'fnb').length);
    expect(fnb.every((p) => p.sector === 'fnb' && p.status === 'listed' && p.versionStatus === 'approved')).toBe(true);
    // The same input the domain tests build from the seed file, but for the database's ids.
    const fromSeed = seedMatchCatalogue().filter((p) => p.sector === 'fnb');
    const strip = (p: (typeof fnb)[number]) => ({ ...p, id: 0, versionId: 0, features: p.features.map((f) => ({ ...f, id: 0 })) });
    expect(fnb.map(strip)).toEqual(expect.arrayContaining(fromSeed.map(strip)));
    const valueBundle = fnb.find((p) => p.minSeats === 20)!;
    expect(valueBundle).toMatchObject({ maxSeats: 60, category: 'e_payment_pos' });
  });

  it('takes what a version states over what its texts say, and the texts only for what it does not state', async () => {
    const { solutionId, versionId } = await makeListedSolution(t.db, { category: 'e_payment_pos', sector: 'retail', priceCents: 9_000_00 });
    await t.db
      .updateTable('solutionVersions')
      .set({ descriptionEn: 'For 20 to 60 seats; takes Octopus, FPS and PayMe.' })
      .where('id', '=', versionId)
      .execute();
    const read = async () => (await listedMatchCatalogue({ db: t.db, sector: 'retail' })).find((p) => p.id === solutionId)!;
    expect(await read()).toMatchObject({
      paymentMethods: ['octopus', 'fps', 'payme'],
      minSeats: 20,
      maxSeats: 60,
      maxOutlets: null,
      supportDistricts: null,
    });
    await t.db
      .updateTable('solutionVersions')
      .set({
        needsMet: ['e_payments', 'till_stock', 'online_orders'],
        paymentMethods: ['octopus', 'cards'],
        maxOutlets: 2,
        minSeats: 1,
        maxSeats: 12,
        supportDistricts: ['islands'],
      })
      .where('id', '=', versionId)
      .execute();
    expect(await read()).toMatchObject({
      needsMet: ['e_payments', 'till_stock', 'online_orders'],
      paymentMethods: ['octopus', 'cards'],
      maxOutlets: 2,
      minSeats: 1,
      maxSeats: 12,
      supportDistricts: ['islands'],
    });
    // Stated districts keep a shop elsewhere from being matched to it; in the district it is a candidate again.
    const shop = { ...noodleShop, sector: 'retail', needs: ['online_orders' as const], paymentMethods: [], seats: 10 };
    const picked = async (district: string) => {
      const found = await matchForShop({ db: t.db, answers: { ...shop, district } });
      if (!found.ok) throw new Error(found.code);
      return found.result.best.picks.map((p) => p.packageId);
    };
    expect(await picked('wan_chai')).not.toContain(solutionId);
    expect(await picked('islands')).toContain(solutionId);
  });

  it('leaves out delisted packages', async () => {
    const { solutionId } = await makeListedSolution(t.db, { category: 'customer_management', sector: 'retail', priceCents: 1_000_00 });
    expect((await listedMatchCatalogue({ db: t.db, sector: 'retail' })).map((p) => p.id)).toContain(solutionId);
    await t.db.updateTable('solutions').set({ status: 'delisted' }).where('id', '=', solutionId).execute();
    expect((await listedMatchCatalogue({ db: t.db, sector: 'retail' })).map((p) => p.id)).not.toContain(solutionId);
  });
});

describe('matchForShop', () => {
  it('gives a visitor the full cap and the same set as the domain on the seed catalogue', async () => {
    const found = await matchForShop({ db: t.db, answers: limited });
    if (!found.ok) throw new Error(found.code);
    expect(found.context.headroomCents).toBe(50_000_00);
    expect(found.context.liveCategories).toEqual([]);
    const expected = matchPackages({
      answers: limited,
      catalogue: seedMatchCatalogue(),
      context: { headroomCents: 50_000_00, rules: { matchBps: 5_000, maxSubscriptionMonths: 24 } },
    });
    expect(await namesOf(found.result.best.picks.map((p) => p.packageId))).toEqual(expected.best.picks.map((p) => seedName(p.packageId)));
    expect(found.result.best).toMatchObject({ programmeCents: expected.best.programmeCents, shopCents: expected.best.shopCents });
  });

  it('fits an owner with HK$20,000 committed into the remaining HK$30,000, outside the category already applied for', async () => {
    const user = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, user.id);
    const crm = await makeListedSolution(t.db, { category: 'customer_management', sector: 'fnb', priceCents: 40_000_00 });
    const quotationId = await makeQuotation(t.db, {
      userId: user.id,
      enterpriseId,
      solutionId: crm.solutionId,
      vendorUserId: crm.vendorUserId,
    });
    const reference = await makeDraft(t.db, { userId: user.id, quotationId });
    expect(await submitApplication({ db: t.db, userId: user.id, reference })).toMatchObject({
      ok: true,
      split: { programmeCents: 20_000_00 },
    });
    expect(await committedCents({ db: t.db, enterpriseId })).toBe(20_000_00);

    const found = await matchForShop({ db: t.db, answers: noodleShop, userId: user.id, enterpriseId });
    if (!found.ok) throw new Error(found.code);
    expect(found.context).toMatchObject({ headroomCents: 30_000_00, liveCategories: ['customer_management'] });
    expect(found.result.excludedCategories).toEqual([{ category: 'customer_management', reason: 'live_application' }]);
    for (const set of [found.result.best, ...found.result.alternatives]) {
      expect(set.programmeCents).toBeLessThanOrEqual(30_000_00);
      expect(set.picks.map((p) => p.category)).not.toContain('customer_management');
    }
    expect(found.result.best.programmeCents).toBe(30_000_00);
    expect(found.result.best.needsUncovered).toEqual([{ need: 'bring_back', reason: 'category_excluded' }]);
  });

  it("answers not_found for someone else's enterprise, and sector_not_open for a sector the round does not open", async () => {
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, owner.id);
    expect(await matchForShop({ db: t.db, answers: noodleShop, userId: other.id, enterpriseId })).toEqual({ ok: false, code: 'not_found' });
    expect(await matchForShop({ db: t.db, answers: noodleShop, enterpriseId })).toEqual({ ok: false, code: 'not_found' });
    expect(await matchForShop({ db: t.db, answers: { ...noodleShop, sector: 'tourism' } })).toEqual({ ok: false, code: 'sector_not_open' });
  });
});

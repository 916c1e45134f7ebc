import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownedByShop, ownedByVendor } from '../../app/services/ownership.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

async function application() {
  const shop = await makeUser(t.db);
  const enterpriseId = await makeEnterprise(t.db, shop.id);
  const pkg = await makeListedSolution(t.db, { priceCents: 10_000_00 });
  const quotationId = await makeQuotation(t.db, {
    userId: shop.id,
    enterpriseId,
    solutionId: pkg.solutionId,
    vendorUserId: pkg.vendorUserId,
  });
  const reference = await makeDraft(t.db, { userId: shop.id, quotationId });
  return { shopUserId: shop.id, vendorUserId: pkg.vendorUserId, reference };
}

const applications = () =>
  t.db
    .selectFrom('applications as a')
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .innerJoin('vendors as vd', 'vd.id', 'a.vendorId')
    .select('a.reference')
    .orderBy('a.id');

describe('owner filter', () => {
  it("a shop owner's rows are those of the businesses they own, a vendor user's those of their firm; nobody else's", async () => {
    const [one, two] = [await application(), await application()];
    const officer = await makeUser(t.db, 'officer');
    const refs = async (query: ReturnType<typeof applications>) => (await query.execute()).map((row) => row.reference);

    expect(await refs(applications().where((eb) => ownedByShop(eb, one.shopUserId)))).toEqual([one.reference]);
    expect(await refs(applications().where((eb) => ownedByShop(eb, two.shopUserId)))).toEqual([two.reference]);
    expect(await refs(applications().where((eb) => ownedByVendor(eb, one.vendorUserId)))).toEqual([one.reference]);
    expect(await refs(applications().where((eb) => ownedByVendor(eb, two.vendorUserId)))).toEqual([two.reference]);
    // Roles do not cross: a shop owner owns no vendor's rows, a vendor user no shop's, an officer neither.
    expect(await refs(applications().where((eb) => ownedByVendor(eb, one.shopUserId)))).toEqual([]);
    expect(await refs(applications().where((eb) => ownedByShop(eb, one.vendorUserId)))).toEqual([]);
    expect(await refs(applications().where((eb) => ownedByShop(eb, officer.id)))).toEqual([]);
    expect(await refs(applications().where((eb) => ownedByVendor(eb, officer.id)))).toEqual([]);
  });

  it('is a bound parameter, never SQL text', () => {
    const compiled = applications()
      .where((eb) => ownedByShop(eb, 42))
      .where((eb) => ownedByVendor(eb, 43))
      .compile();
    expect(compiled.sql).toContain('"ent"."owner_user_id" = $1');
    expect(compiled.sql).toContain('"vd"."user_id" = $2');
    expect(compiled.parameters).toEqual([42, 43]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as adminOfficers from '../../app/routes/admin.officers';
import * as compare from '../../app/routes/compare';
import * as health from '../../app/routes/healthz';
import * as officerHome from '../../app/routes/officer._index';
import * as detail from '../../app/routes/solutions.$id/route';
import * as catalogue from '../../app/routes/solutions._index';
import * as vendorHome from '../../app/routes/vendor._index';
import * as vendorListings from '../../app/routes/vendor.listings._index';
import type { FundingRules } from '../../app/domain/funding';
import { cardSplit } from '../../app/lib/catalogue';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { routeCalls } from '../support/requests';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const { callAction, callLoader } = routeCalls(() => t.db);
const detailPath = '/solutions/:id';

type CatalogueItem = { id: number; priceCents: number; pricingModel: 'monthly' | 'one_off'; minContractMonths: number | null };
type Catalogue = { total: number; items: CatalogueItem[]; rules: FundingRules };

describe('a subscription with a minimum contract', () => {
  it('the package page shows the contract, counts its months and splits on them', async () => {
    const { makeListedSolution } = await import('../support/fixtures');
    const pkg = await makeListedSolution(t.db, { pricingModel: 'monthly', priceCents: 1_000_00, minContractMonths: 12 });
    const id = String(pkg.solutionId);
    const body = (await (await callLoader(detail, { path: detailPath, params: { id } })).json()) as {
      solution: { minContractMonths: number | null };
      countedMonths: number;
      basicCostCents: number;
      split: { costCents: number; programmeCents: number };
    };
    expect(body.solution.minContractMonths).toBe(12);
    expect(body.countedMonths).toBe(12);
    expect(body.basicCostCents).toBe(12_000_00);
    expect(body.split).toMatchObject({ costCents: 12_000_00, programmeCents: 6_000_00 });
  });
});

describe('catalogue pages', () => {
  it('ignores nonsense in the query string instead of failing', async () => {
    const response = await callLoader(catalogue, {
      path: '/solutions',
      search: { page: '-5', category: 'nonsense', sort: 'evil', q: 'x'.repeat(500) },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Catalogue & { filters: Record<string, unknown> };
    expect(body.filters).toMatchObject({ page: 1, sort: 'price_asc' });
    expect(body.filters.category).toBeUndefined();
  });

  it('shows each card with the programme and shop shares of the basic package', async () => {
    const response = await callLoader(catalogue, { path: '/solutions' });
    const body = (await response.json()) as Catalogue;
    // The page sends the round's rules once and each card works its split out from them (cardSplit).
    expect(body.rules).toEqual({ matchBps: 5_000, capCents: 50_000_00, maxSubscriptionMonths: 24 });
    for (const item of body.items) {
      const split = cardSplit(item, body.rules);
      const cost = item.pricingModel === 'monthly' ? item.priceCents * 24 : item.priceCents;
      expect(split.costCents).toBe(cost);
      expect(split.programmeCents).toBe(Math.min(Math.floor(cost / 2), 50_000_00));
      expect(split.shopCents).toBe(cost - split.programmeCents);
    }
  });

  it.each(['abc', '0', '-1', '1.5', '999999', '99999999999999999999', '0x10', '1e1', ' 1', '01'])(
    'answers 404 for package id %s',
    async (id) => {
      const response = await callLoader(detail, { path: detailPath, params: { id } });
      expect(response.status).toBe(404);
    },
  );

  it('calculates with the chosen features only, and caps by the amount already granted', async () => {
    const list = (await (await callLoader(catalogue, { path: '/solutions', search: { sort: 'price_desc' } })).json()) as Catalogue;
    const id = String(list.items[0]!.id);
    const plain = (await (await callLoader(detail, { path: detailPath, params: { id } })).json()) as {
      solution: { features: { id: number }[] };
      split: { costCents: number; programmeCents: number; headroomAfterCents: number };
    };
    const featureIds = plain.solution.features.map((f) => f.id);
    const search = { features: [...featureIds, 999_999].map(String), used: '45000' };
    const withFeatures = (await (await callLoader(detail, { path: detailPath, params: { id }, search })).json()) as {
      chosenIds: number[];
      split: { costCents: number; programmeCents: number; limitedBy: string; headroomAfterCents: number };
    };
    expect(withFeatures.chosenIds).toEqual(featureIds);
    expect(withFeatures.split.programmeCents).toBe(Math.min(Math.floor(withFeatures.split.costCents / 2), 5_000_00));
    expect(withFeatures.split.headroomAfterCents).toBe(5_000_00 - withFeatures.split.programmeCents);
    expect(plain.split.programmeCents).toBeLessThanOrEqual(50_000_00);
  });

  it.each([
    ['2000000000', 0, false],
    ['45000.5', 4_999_50, false],
    ['45,000', 5_000_00, false],
    ['abc', 50_000_00, true],
    ['-5', 50_000_00, true],
  ] as const)('reads "already granted" %s as typed: headroom %i, invalid %s', async (used, headroomCents, invalid) => {
    const list = (await (await callLoader(catalogue, { path: '/solutions', search: { sort: 'price_desc' } })).json()) as Catalogue;
    const id = String(list.items[0]!.id);
    const body = (await (await callLoader(detail, { path: detailPath, params: { id }, search: { used } })).json()) as {
      usedInvalid: boolean;
      split: { headroomBeforeCents: number; programmeCents: number; costCents: number };
    };
    expect(body.usedInvalid).toBe(invalid);
    expect(body.split.headroomBeforeCents).toBe(headroomCents);
    expect(body.split.programmeCents).toBe(Math.min(Math.floor(body.split.costCents / 2), headroomCents));
  });

  it('compares up to three packages and says when more were asked', async () => {
    const list = (await (await callLoader(catalogue, { path: '/solutions' })).json()) as Catalogue;
    const ids = list.items.slice(0, 4).map((i) => i.id);
    const response = await callLoader(compare, { path: '/compare', search: { ids: [ids.join(','), 'junk'] } });
    const body = (await response.json()) as { tooMany: boolean; items: { id: number }[] };
    expect(body.tooMany).toBe(true);
    expect(body.items.map((i) => i.id)).toEqual(ids.slice(0, 3));
  });

  it('reports the database as up', async () => {
    const response = await callLoader(health, { path: '/healthz' });
    expect(await response.json()).toMatchObject({ app: 'up', database: 'up' });
  });
});

describe('role guards', () => {
  it.each([
    ['vendor portal', vendorHome, 'applicant'],
    ['officer home', officerHome, 'vendor'],
    ['admin officers', adminOfficers, 'officer'],
  ] as const)('%s refuses a %s with 403', async (_page, route, role) => {
    const response = await callLoader(route, { as: `${role}@demo.matchfund.hk` });
    expect(response.status).toBe(403);
  });

  it('only an admin creates officer accounts', async () => {
    const fields = { role: 'officer', displayName: 'Officer Ho', email: 'ho@example.gov.hk', password: 'initial password 1' };
    const refused = await callAction(adminOfficers, { as: 'officer@demo.matchfund.hk', form: fields });
    expect(refused.status).toBe(403);
    const created = await callAction(adminOfficers, { as: 'admin@demo.matchfund.hk', form: fields });
    expect(created.status).toBe(200);
    const row = await t.db
      .selectFrom('users')
      .select(['role', 'createdBy'])
      .where('email', '=', 'ho@example.gov.hk')
      .executeTakeFirstOrThrow();
    expect(row.role).toBe('officer');
    expect(row.createdBy).toBeTypeOf('number');
  });

  it('the vendor sees their own enrolment and listings', async () => {
    const vendor = 'vendor@demo.matchfund.hk';
    const response = await callLoader(vendorHome, { as: vendor, path: '/vendor' });
    const body = (await response.json()) as { vendor: { status: string } | null; waiting: { kind: string; count: number }[] };
    expect(body.vendor?.status).toBe('enrolled');
    // Nothing waits for a vendor no shop has asked yet: no item (not an item with 0).
    expect(body.waiting).toEqual([]);
    const listings = await callLoader(vendorListings, { as: vendor, path: '/vendor/listings' });
    const page = (await listings.json()) as { enrolled: boolean; solutions: { status: string }[] };
    expect(page.enrolled).toBe(true);
    expect(page.solutions.length).toBeGreaterThan(0);
    expect(page.solutions.every((s) => s.status === 'listed')).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageSplit } from '../../app/domain/funding';
import { CATALOGUE_PAGE_SIZE } from '../../app/lib/catalogue';
import { catalogueStats, fundingRules, getListedSolution, getListedSolutions, listSolutions } from '../../app/services/catalogue.server';
import { getCurrentSettings } from '../../app/services/settings.server';
import { seedSolutions } from '../../db/seed-data';
import { createTestDatabase, type TestDatabase } from '../support/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const months = 24;
const list = (filters: Partial<Parameters<typeof listSolutions>[0]['filters']>) =>
  listSolutions({ db: t.db, filters: { sort: 'price_asc', page: 1, ...filters }, maxSubscriptionMonths: months });

describe('programme settings', () => {
  it('seeds the first round: HK$500M budget, HK$50,000 cap, 1:1 match, F&B and retail open', async () => {
    const settings = await getCurrentSettings(t.db);
    expect(settings).toMatchObject({
      version: 1,
      budgetCents: 500_000_000_00,
      capCents: 50_000_00,
      matchBps: 5_000,
      maxSubscriptionMonths: 24,
      openSectors: ['fnb', 'retail'],
    });
    expect(fundingRules(settings)).toEqual({ matchBps: 5_000, capCents: 50_000_00, maxSubscriptionMonths: 24 });
  });
});

describe('catalogue listing', () => {
  it('lists every seeded package once across the pages', async () => {
    const first = await list({});
    expect(first.total).toBe(seedSolutions.length);
    expect(first.pageCount).toBe(Math.ceil(seedSolutions.length / CATALOGUE_PAGE_SIZE));
    const ids: number[] = [];
    for (let page = 1; page <= first.pageCount; page++) ids.push(...(await list({ page })).items.map((i) => i.id));
    expect(new Set(ids).size).toBe(seedSolutions.length);
  });

  it('filters by category and sector', async () => {
    const result = await list({ category: 'online_promotion', sector: 'retail' });
    const expected = seedSolutions.filter((s) => s.category === 'online_promotion' && s.sector === 'retail').length;
    expect(result.total).toBe(expected);
    expect(result.items.every((i) => i.category === 'online_promotion' && i.sector === 'retail')).toBe(true);
  });

  it('sorts by eligible cost, subscriptions counted over 24 months', async () => {
    const cost = (i: { pricingModel: string; priceCents: number }) => (i.pricingModel === 'monthly' ? i.priceCents * months : i.priceCents);
    const asc = await list({ sort: 'price_asc' });
    const costs = asc.items.map(cost);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    const desc = await list({ sort: 'price_desc' });
    const all = seedSolutions.map(cost).sort((a, b) => b - a);
    expect(cost(desc.items[0]!)).toBe(all[0]);
  });

  it('searches English and Chinese names, treating % and _ as plain characters', async () => {
    const sample = seedSolutions[0]!;
    const zh = sample.name.zhHK.slice(0, 3);
    const byZh = await list({ q: zh });
    expect(byZh.items.map((i) => i.name.zhHK)).toContain(sample.name.zhHK);
    const byEn = await list({ q: sample.name.en.toUpperCase() });
    expect(byEn.items.map((i) => i.name.en)).toContain(sample.name.en);
    expect((await list({ q: '%' })).total).toBe(seedSolutions.filter((s) => s.name.en.includes('%')).length);
    expect((await list({ q: 'no such package anywhere' })).total).toBe(0);
  });

  it('clamps a page past the end to the last page', async () => {
    const result = await list({ page: 999 });
    expect(result.page).toBe(result.pageCount);
    expect(result.items.length).toBeGreaterThan(0);
  });

  it('hides packages that are not listed', async () => {
    const [first] = (await list({})).items;
    await t.db.updateTable('solutions').set({ status: 'delisted' }).where('id', '=', first!.id).execute();
    expect(await getListedSolution({ db: t.db, id: first!.id })).toBeUndefined();
    expect((await list({})).total).toBe(seedSolutions.length - 1);
    await t.db.updateTable('solutions').set({ status: 'listed' }).where('id', '=', first!.id).execute();
  });
});

describe('package detail', () => {
  it('returns the package with its features in order and the vendor', async () => {
    const [card] = (await list({ sort: 'price_desc' })).items;
    const detail = await getListedSolution({ db: t.db, id: card!.id });
    const seeded = seedSolutions.find((s) => s.name.en === card!.name.en)!;
    expect(detail?.features.map((f) => f.name.en)).toEqual(seeded.features.map((f) => f.name.en));
    expect(detail?.vendor.name.en).toBeTruthy();
    expect(detail?.description.zhCN).toBe(seeded.description.zhCN);
  });

  it('keeps the asked order for comparison and drops unknown ids', async () => {
    const ids = (await list({})).items.slice(0, 3).map((i) => i.id);
    const found = await getListedSolutions({ db: t.db, ids: [ids[2]!, 999_999, ids[0]!] });
    expect(found.map((s) => s.id)).toEqual([ids[2], ids[0]]);
  });

  it('the split of every seeded package obeys the programme rules', async () => {
    const rules = fundingRules(await getCurrentSettings(t.db));
    const ids = (await list({})).items.map((i) => i.id);
    for (const solution of await getListedSolutions({ db: t.db, ids })) {
      const split = packageSplit({ items: [solution, ...solution.features], committedCents: 0, rules });
      expect(split.programmeCents + split.shopCents).toBe(split.costCents);
      expect(split.programmeCents).toBeLessThanOrEqual(rules.capCents);
    }
  });

  it('counts listed packages and vendors', async () => {
    const stats = await catalogueStats(t.db);
    expect(stats.listedCount).toBe(seedSolutions.length);
    expect(stats.vendorCount).toBe(new Set(seedSolutions.map((s) => s.vendorKey)).size);
  });
});

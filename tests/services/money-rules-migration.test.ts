// The money-rules migration on a database that already has listings: existing monthly items keep the months every
// figure already counted, one-off items get no contract.
import { Migrator, sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as initial from '../../db/migrations/2026-11-26T0800-initial';
import * as applications from '../../db/migrations/2026-11-26T0900-applications';
import * as officerWorkbench from '../../db/migrations/2026-11-26T1000-officer-workbench';
import * as vendorPortal from '../../db/migrations/2026-11-26T1100-vendor-portal';
import * as claimsPayments from '../../db/migrations/2026-11-26T1200-claims-payments';
import * as queueIndex from '../../db/migrations/2026-11-26T1300-queue-index';
import * as riskIndexes from '../../db/migrations/2026-11-26T1400-risk-indexes';
import * as moneyRules from '../../db/migrations/2026-12-01T0100-money-rules';
import { createTestDatabase, type TestDatabase } from '../support/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ empty: true });
});
afterAll(async () => {
  await t.drop();
});

const before: Record<string, Migration> = {
  '2026-11-26T0800-initial': initial,
  '2026-11-26T0900-applications': applications,
  '2026-11-26T1000-officer-workbench': officerWorkbench,
  '2026-11-26T1100-vendor-portal': vendorPortal,
  '2026-11-26T1200-claims-payments': claimsPayments,
  '2026-11-26T1300-queue-index': queueIndex,
  '2026-11-26T1400-risk-indexes': riskIndexes,
};

describe('2026-12-01T0100-money-rules', () => {
  it('gives existing monthly items the counted months as their contract and one-off items none', async () => {
    const migrate = (migrations: Record<string, Migration>) =>
      new Migrator({ db: t.db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
    expect((await migrate(before)).error).toBeUndefined();
    await sql`
      insert into programmes (code) values ('DTSPP');
      insert into programme_settings (programme_id, version, round_code, budget_cents, cap_cents, match_bps, max_one_off_cents,
        max_subscription_months, max_subscription_total_cents, deployment_months, max_employees, open_sectors, open_categories, opens_at, closes_at)
        values (1, 1, 'R1', 100, 100, 5000, 100, 24, 100, 6, 50, '{fnb}', '{e_payment_pos}', now(), now() + interval '1 year');
      insert into vendors (name_en, name_zh_hk, name_zh_cn, br_number, contact_email, phone, status)
        values ('V', 'V', 'V', '12345678', 'v@example.hk', '2222 3333', 'enrolled');
      insert into solution_categories (code, sort_order) values ('e_payment_pos', 1);
      insert into solutions (vendor_id, category, sector, status) values (1, 'e_payment_pos', 'fnb', 'listed');
      insert into solution_versions (solution_id, version, name_en, name_zh_hk, name_zh_cn, description_en, description_zh_hk,
        description_zh_cn, pricing_model, price_cents, deployment_days, status)
        values (1, 1, 'Monthly', 'M', 'M', 'd', 'd', 'd', 'monthly', 500, 30, 'approved'),
               (1, 2, 'One-off', 'O', 'O', 'd', 'd', 'd', 'one_off', 500, 30, 'superseded');
      insert into solution_features (version_id, position, name_en, name_zh_hk, name_zh_cn, pricing_model, price_cents)
        values (1, 0, 'F1', 'F', 'F', 'monthly', 100), (1, 1, 'F2', 'F', 'F', 'one_off', 100);
    `.execute(t.db);
    expect((await migrate({ ...before, '2026-12-01T0100-money-rules': moneyRules })).error).toBeUndefined();
    const versions = await t.db.selectFrom('solutionVersions').select(['pricingModel', 'minContractMonths']).orderBy('id').execute();
    expect(versions).toEqual([
      { pricingModel: 'monthly', minContractMonths: 24 },
      { pricingModel: 'one_off', minContractMonths: null },
    ]);
    const features = await t.db.selectFrom('solutionFeatures').select(['pricingModel', 'minContractMonths']).orderBy('id').execute();
    expect(features).toEqual([
      { pricingModel: 'monthly', minContractMonths: 24 },
      { pricingModel: 'one_off', minContractMonths: null },
    ]);
  });
});

// Money rules hardening (issue 10, ADR 010): the minimum contract of monthly items.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- A monthly item's minimum contract in months; funding counts it, at most the programme's months.
    alter table solution_versions
      add column min_contract_months integer check (min_contract_months between 1 and 120),
      add constraint solution_versions_contract_only_monthly check (pricing_model = 'monthly' or min_contract_months is null);
    alter table solution_features
      add column min_contract_months integer check (min_contract_months between 1 and 120),
      add constraint solution_features_contract_only_monthly check (pricing_model = 'monthly' or min_contract_months is null);
    -- Existing monthly items never stated a contract: they keep the months every figure already counted (the
    -- current settings' maximum, 24 at launch), so no price, quotation or share shown to anyone changes.
    update solution_versions
      set min_contract_months = coalesce((select max_subscription_months from programme_settings order by version desc limit 1), 24)
      where pricing_model = 'monthly';
    update solution_features
      set min_contract_months = coalesce((select max_subscription_months from programme_settings order by version desc limit 1), 24)
      where pricing_model = 'monthly';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table solution_features drop column min_contract_months;
    alter table solution_versions drop column min_contract_months;
  `.execute(db);
}

// What a package version states for the matcher (issue 13 §1): the needs it meets, the payment methods it takes, the
// most outlets it serves, the seats it suits and the districts with on-site support. Null = not stated (the matcher
// then reads what it can from the texts); support_districts null = all of Hong Kong. Bounded here as the form bounds it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table solution_versions
      add column needs_met text[],
      add column payment_methods text[],
      add column max_outlets integer,
      add column min_seats integer,
      add column max_seats integer,
      add column support_districts text[];

    alter table solution_versions
      add constraint solution_versions_needs_met_check check (
        needs_met is null or (cardinality(needs_met) between 1 and 6
          and needs_met <@ array['e_payments', 'till_stock', 'online_orders', 'found_online', 'bring_back', 'know_customers']::text[])),
      add constraint solution_versions_payment_methods_check check (
        payment_methods is null or (cardinality(payment_methods) between 1 and 7
          and payment_methods <@ array['octopus', 'fps', 'alipay_hk', 'wechat_pay_hk', 'payme', 'cards', 'apple_google_pay']::text[])),
      add constraint solution_versions_max_outlets_check check (max_outlets is null or max_outlets between 1 and 999),
      add constraint solution_versions_seats_check check (
        (min_seats is null or min_seats between 1 and 9999)
        and (max_seats is null or max_seats between 1 and 9999)
        and (min_seats is null or max_seats is null or min_seats <= max_seats)),
      add constraint solution_versions_support_districts_check check (
        support_districts is null or (cardinality(support_districts) between 1 and 18
          and support_districts <@ array['central_western', 'wan_chai', 'eastern', 'southern', 'yau_tsim_mong', 'sham_shui_po',
            'kowloon_city', 'wong_tai_sin', 'kwun_tong', 'kwai_tsing', 'tsuen_wan', 'tuen_mun', 'yuen_long', 'north', 'tai_po',
            'sha_tin', 'sai_kung', 'islands']::text[]));
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table solution_versions
      drop column needs_met,
      drop column payment_methods,
      drop column max_outlets,
      drop column min_seats,
      drop column max_seats,
      drop column support_districts;
  `.execute(db);
}

// Issue 12 §4: the business's bank account for payment (one per business, snapshotted on each claim and payment),
// and the match ratio the approval was judged under (so a claim pays by that ratio, not today's).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table enterprise_bank_accounts (
      enterprise_id bigint primary key references enterprises (id),
      bank_code text not null check (bank_code ~ '^[0-9]{3}$'),
      branch_code text check (branch_code is null or branch_code ~ '^[0-9]{3}$'),
      account_number text not null check (account_number ~ '^[0-9]{6,12}$'),
      account_name text not null check (char_length(account_name) between 1 and 140),
      updated_by bigint not null references users (id),
      updated_at timestamptz not null default now()
    );

    -- The payee as it was when the claim was made and when the payment was prepared: a later change of the
    -- business's account does not redirect money already on its way.
    alter table claims
      add column decision_note text check (decision_note is null or char_length(decision_note) <= 2000),
      add column payee_bank_code text check (payee_bank_code is null or payee_bank_code ~ '^[0-9]{3}$'),
      add column payee_branch_code text check (payee_branch_code is null or payee_branch_code ~ '^[0-9]{3}$'),
      add column payee_account_number text check (payee_account_number is null or payee_account_number ~ '^[0-9]{6,12}$'),
      add column payee_account_name text check (payee_account_name is null or char_length(payee_account_name) between 1 and 140);
    alter table payments
      add column payee_bank_code text check (payee_bank_code is null or payee_bank_code ~ '^[0-9]{3}$'),
      add column payee_branch_code text check (payee_branch_code is null or payee_branch_code ~ '^[0-9]{3}$'),
      add column payee_account_number text check (payee_account_number is null or payee_account_number ~ '^[0-9]{6,12}$'),
      add column payee_account_name text check (payee_account_name is null or char_length(payee_account_name) between 1 and 140);

    -- Basis points judged at approval; earlier approvals take the ratio of the settings they were recorded under.
    alter table applications add column approved_match_bps integer check (approved_match_bps is null or approved_match_bps between 0 and 10000);
    update applications a set approved_match_bps = ps.match_bps
      from programme_settings ps
      where ps.id = a.settings_id and a.approved_at is not null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table applications drop column approved_match_bps;
    alter table payments drop column payee_bank_code, drop column payee_branch_code, drop column payee_account_number, drop column payee_account_name;
    alter table claims drop column decision_note, drop column payee_bank_code, drop column payee_branch_code, drop column payee_account_number, drop column payee_account_name;
    drop table enterprise_bank_accounts;
  `.execute(db);
}

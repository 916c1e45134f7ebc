// After approval: deployment dates, claims with invoice and proof of payment, and maker-checker payments.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table applications
      add column approved_at timestamptz,
      add column deploy_by timestamptz,
      add column deployment_reported_at timestamptz,
      add column deployed_at timestamptz,
      add column lapsed_at timestamptz;
    create index applications_deploy_by_idx on applications (deploy_by) where status in ('approved', 'deployment_reported');

    create table claims (
      id bigint generated always as identity primary key,
      application_id bigint not null references applications (id),
      invoice_number text not null,
      invoice_date date not null,
      invoiced_cents bigint not null check (invoiced_cents > 0),
      paid_cents bigint not null check (paid_cents > 0),
      paid_on date not null,
      payer_name text not null,
      payee_vendor_br text not null,
      payable_cents bigint not null check (payable_cents >= 0),
      status text not null default 'submitted' check (status in ('submitted', 'approved', 'returned')),
      checks jsonb not null,
      submitted_by bigint not null references users (id),
      decided_by bigint references users (id),
      decided_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index claims_application_idx on claims (application_id, id desc);
    create unique index claims_one_open on claims (application_id) where status in ('submitted', 'approved');

    alter table documents add column claim_id bigint references claims (id);

    -- Maker-checker: one officer prepares, a different one releases. The database refuses the same person twice.
    create table payments (
      id bigint generated always as identity primary key,
      application_id bigint not null unique references applications (id),
      claim_id bigint not null references claims (id),
      amount_cents bigint not null check (amount_cents > 0),
      payee_name text not null,
      prepared_by bigint not null references users (id),
      prepared_at timestamptz not null default now(),
      released_by bigint references users (id),
      released_at timestamptz,
      status text not null default 'prepared' check (status in ('prepared', 'released')),
      check (released_by is null or released_by <> prepared_by)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table payments;
    alter table documents drop column claim_id;
    drop table claims;
    alter table applications drop column approved_at, drop column deploy_by, drop column deployment_reported_at,
      drop column deployed_at, drop column lapsed_at;
  `.execute(db);
}

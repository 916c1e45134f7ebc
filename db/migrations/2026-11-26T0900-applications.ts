// Enterprises, enquiries and locked quotations, applications with documents, and the append-only audit trail.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
    end;
    $$;

    create table enterprises (
      id bigint generated always as identity primary key,
      owner_user_id bigint not null references users (id),
      legal_name_en text not null,
      legal_name_zh text not null,
      registration_type text not null check (registration_type in ('br', 'hawker')),
      br_number text check (br_number ~ '^[0-9]{8}$'),
      br_expiry date,
      hawker_licence_no text,
      sector text not null,
      full_time_employees integer not null check (full_time_employees between 0 and 1000000),
      is_group_member boolean not null default false,
      group_full_time_employees integer check (group_full_time_employees between 0 and 1000000),
      address text not null,
      district text not null,
      phone text not null,
      has_substantive_business boolean not null,
      is_listed_company boolean not null,
      is_statutory_body boolean not null,
      is_subvented boolean not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (
        (registration_type = 'br' and br_number is not null and br_expiry is not null)
        or (registration_type = 'hawker' and hawker_licence_no is not null)
      )
    );
    create unique index enterprises_br_number_key on enterprises (br_number) where br_number is not null;
    create unique index enterprises_hawker_licence_key on enterprises (upper(hawker_licence_no)) where hawker_licence_no is not null;
    create index enterprises_owner_idx on enterprises (owner_user_id);

    -- Another account tried to register a BR number or licence that already belongs to an enterprise.
    create table registration_conflicts (
      id bigint generated always as identity primary key,
      br_number text,
      hawker_licence_no text,
      claimed_by bigint not null references users (id),
      existing_enterprise_id bigint not null references enterprises (id),
      created_at timestamptz not null default now()
    );

    create table enquiries (
      id bigint generated always as identity primary key,
      enterprise_id bigint not null references enterprises (id),
      solution_id bigint not null references solutions (id),
      solution_version_id bigint not null references solution_versions (id),
      feature_ids bigint[] not null default '{}',
      message text not null default '',
      status text not null default 'sent' check (status in ('sent', 'confirmed', 'declined')),
      decline_reason text,
      responded_by bigint references users (id),
      responded_at timestamptz,
      created_by bigint not null references users (id),
      created_at timestamptz not null default now()
    );
    create index enquiries_enterprise_idx on enquiries (enterprise_id, created_at desc);
    create index enquiries_solution_idx on enquiries (solution_id, status, created_at desc);
    -- One open enquiry per package per enterprise: a double click or a retry cannot send two.
    create unique index enquiries_one_open on enquiries (enterprise_id, solution_id) where status = 'sent';

    -- A vendor's quotation at the catalogue price: once written it never changes.
    create table quotations (
      id bigint generated always as identity primary key,
      enquiry_id bigint not null unique references enquiries (id),
      vendor_id bigint not null references vendors (id),
      solution_version_id bigint not null references solution_versions (id),
      items jsonb not null,
      max_subscription_months integer not null,
      eligible_cost_cents bigint not null check (eligible_cost_cents >= 0),
      created_by bigint not null references users (id),
      created_at timestamptz not null default now()
    );
    create trigger quotations_locked before update or delete on quotations
      for each row execute function refuse_change();

    create sequence application_reference_seq;

    create table applications (
      id bigint generated always as identity primary key,
      reference text not null unique,
      enterprise_id bigint not null references enterprises (id),
      quotation_id bigint not null unique references quotations (id),
      vendor_id bigint not null references vendors (id),
      category text not null,
      settings_id bigint references programme_settings (id),
      status text not null check (status in (
        'draft', 'submitted', 'under_review', 'info_requested', 'approved', 'rejected', 'withdrawn',
        'deployment_reported', 'deployed', 'claim_submitted', 'claim_approved', 'paid', 'lapsed'
      )),
      cost_cents bigint not null check (cost_cents >= 0),
      programme_cents bigint not null default 0 check (programme_cents >= 0),
      shop_cents bigint not null default 0 check (shop_cents >= 0),
      declarations jsonb not null,
      idempotency_key text not null unique,
      created_by bigint not null references users (id),
      submitted_at timestamptz,
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index applications_enterprise_idx on applications (enterprise_id, status);
    create index applications_status_idx on applications (status, submitted_at, id);

    create table documents (
      id bigint generated always as identity primary key,
      application_id bigint not null references applications (id),
      kind text not null check (kind in ('quotation', 'invoice', 'payment_proof', 'other')),
      filename text not null,
      content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
      size_bytes integer not null check (size_bytes > 0 and size_bytes <= 10485760),
      sha256 text not null,
      content bytea not null,
      uploaded_by bigint not null references users (id),
      created_at timestamptz not null default now()
    );
    create index documents_application_idx on documents (application_id);

    create table application_events (
      id bigint generated always as identity primary key,
      application_id bigint not null references applications (id),
      actor_user_id bigint references users (id),
      actor_role text not null,
      action text not null,
      from_status text,
      to_status text not null,
      reason_code text,
      note text,
      created_at timestamptz not null default now()
    );
    create index application_events_application_idx on application_events (application_id, id);
    create trigger application_events_append_only before update or delete on application_events
      for each row execute function refuse_change();
    create trigger application_events_no_truncate before truncate on application_events
      for each statement execute function refuse_change();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table application_events, documents, applications, quotations, enquiries, registration_conflicts,
      enterprises cascade;
    drop sequence application_reference_seq;
    drop function refuse_change();
  `.execute(db);
}

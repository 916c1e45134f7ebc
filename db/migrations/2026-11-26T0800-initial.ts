// Accounts, sessions, login throttling, programme settings and the vetted catalogue.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table users (
      id bigint generated always as identity primary key,
      email text not null,
      password_hash text not null,
      role text not null check (role in ('applicant', 'vendor', 'officer', 'admin')),
      display_name text not null,
      locale text not null default 'zh-HK' check (locale in ('en', 'zh-HK', 'zh-CN')),
      created_by bigint references users (id),
      created_at timestamptz not null default now(),
      password_changed_at timestamptz not null default now()
    );
    create unique index users_email_key on users (lower(email));

    create table sessions (
      id text primary key,
      user_id bigint not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index sessions_user_id_idx on sessions (user_id);

    create table login_attempts (
      id bigint generated always as identity primary key,
      email text not null,
      ip text not null,
      succeeded boolean not null,
      created_at timestamptz not null default now()
    );
    create index login_attempts_lookup_idx on login_attempts (email, ip, created_at);

    create table programmes (
      id bigint generated always as identity primary key,
      code text not null unique,
      created_at timestamptz not null default now()
    );

    create table programme_settings (
      id bigint generated always as identity primary key,
      programme_id bigint not null references programmes (id),
      version integer not null,
      round_code text not null,
      budget_cents bigint not null check (budget_cents >= 0),
      cap_cents bigint not null check (cap_cents >= 0),
      match_bps integer not null check (match_bps between 0 and 10000),
      max_one_off_cents bigint not null check (max_one_off_cents > 0),
      max_subscription_months integer not null check (max_subscription_months > 0),
      max_subscription_total_cents bigint not null check (max_subscription_total_cents > 0),
      deployment_months integer not null check (deployment_months > 0),
      max_employees integer not null check (max_employees > 0),
      open_sectors text[] not null,
      open_categories text[] not null,
      opens_at timestamptz not null,
      closes_at timestamptz not null,
      sla_working_days integer not null default 10,
      created_by bigint references users (id),
      created_at timestamptz not null default now(),
      unique (programme_id, version),
      check (closes_at > opens_at)
    );

    create table vendors (
      id bigint generated always as identity primary key,
      user_id bigint unique references users (id),
      name_en text not null,
      name_zh_hk text not null,
      name_zh_cn text not null,
      br_number text not null unique check (br_number ~ '^[0-9]{8}$'),
      contact_email text not null,
      phone text not null,
      website text,
      district text,
      status text not null default 'pending' check (status in ('pending', 'enrolled', 'rejected')),
      created_at timestamptz not null default now()
    );

    create table solution_categories (
      code text primary key,
      sort_order integer not null
    );

    create table solutions (
      id bigint generated always as identity primary key,
      vendor_id bigint not null references vendors (id),
      category text not null references solution_categories (code),
      sector text not null,
      status text not null default 'draft'
        check (status in ('draft', 'pending_review', 'listed', 'rejected', 'delisted')),
      listed_version_id bigint,
      created_at timestamptz not null default now()
    );
    create unique index solutions_one_per_category_sector
      on solutions (vendor_id, category, sector) where status <> 'delisted';

    create table solution_versions (
      id bigint generated always as identity primary key,
      solution_id bigint not null references solutions (id),
      version integer not null,
      name_en text not null,
      name_zh_hk text not null,
      name_zh_cn text not null,
      description_en text not null,
      description_zh_hk text not null,
      description_zh_cn text not null,
      pricing_model text not null check (pricing_model in ('one_off', 'monthly')),
      price_cents bigint not null check (price_cents > 0),
      deployment_days integer not null check (deployment_days > 0),
      status text not null default 'draft'
        check (status in ('draft', 'pending_review', 'approved', 'rejected', 'superseded')),
      reviewed_by bigint references users (id),
      reviewed_at timestamptz,
      created_at timestamptz not null default now(),
      unique (solution_id, version)
    );
    alter table solutions add constraint solutions_listed_version_fk
      foreign key (listed_version_id) references solution_versions (id);

    create table solution_features (
      id bigint generated always as identity primary key,
      version_id bigint not null references solution_versions (id),
      position integer not null,
      name_en text not null,
      name_zh_hk text not null,
      name_zh_cn text not null,
      pricing_model text not null check (pricing_model in ('one_off', 'monthly')),
      price_cents bigint not null check (price_cents > 0),
      unique (version_id, position)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table solution_features, solution_versions, solutions, solution_categories, vendors,
      programme_settings, programmes, login_attempts, sessions, users cascade
  `.execute(db);
}

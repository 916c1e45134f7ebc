// Case officers' workbench: assignment, eligibility as judged at submission, conflicts, notifications and the outbox.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table applications
      add column assigned_officer_id bigint references users (id),
      add column assigned_at timestamptz,
      add column eligibility_at_submit jsonb,
      add column decision_reason text,
      add column info_round integer not null default 0;
    create index applications_queue_idx on applications (status, submitted_at, id) where assigned_officer_id is null;
    create index applications_assigned_idx on applications (assigned_officer_id, status);

    -- An officer's declared link to an enterprise (family, shareholding, former employer): they may not decide on it.
    create table officer_conflicts (
      officer_id bigint not null references users (id),
      enterprise_id bigint not null references enterprises (id),
      declared_at timestamptz not null default now(),
      primary key (officer_id, enterprise_id)
    );

    -- What the user sees in the portal's notification list.
    create table notifications (
      id bigint generated always as identity primary key,
      user_id bigint not null references users (id),
      application_id bigint references applications (id),
      template text not null,
      params jsonb not null default '{}',
      read_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index notifications_user_idx on notifications (user_id, id desc);

    -- Messages for outside systems (e-mail/SMS gateway, payment service), written in the same transaction as the
    -- change they announce and delivered after commit by a worker, with retries and an idempotency key.
    create table outbox (
      id bigint generated always as identity primary key,
      topic text not null check (topic in ('notification', 'payment')),
      idempotency_key text not null unique,
      payload jsonb not null,
      status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'held')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      lease_until timestamptz,
      last_error text,
      sent_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index outbox_due_idx on outbox (topic, next_attempt_at) where status = 'pending';
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table outbox, notifications, officer_conflicts;
    alter table applications drop column assigned_officer_id, drop column assigned_at,
      drop column eligibility_at_submit, drop column decision_reason, drop column info_round;
  `.execute(db);
}

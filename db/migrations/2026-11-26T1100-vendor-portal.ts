// Vendor enrolment details, listing versions under review, and an append-only audit log for vendors and listings.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table vendors
      add column contact_name text,
      add column track_record text,
      add column reference_customers text,
      add column net_equity_positive boolean,
      add column submitted_at timestamptz,
      add column decided_by bigint references users (id),
      add column decided_at timestamptz,
      add column decision_reason text;
    alter table vendors alter column status set default 'draft';
    alter table vendors drop constraint vendors_status_check;
    alter table vendors add constraint vendors_status_check check (status in ('draft', 'pending', 'enrolled', 'rejected'));

    alter table solution_versions
      add column deliverables_en text not null default '',
      add column deliverables_zh_hk text not null default '',
      add column deliverables_zh_cn text not null default '',
      add column review_note text,
      add column submitted_at timestamptz;
    alter table solution_versions drop constraint solution_versions_status_check;
    alter table solution_versions add constraint solution_versions_status_check
      check (status in ('draft', 'pending_review', 'approved', 'rejected', 'superseded', 'returned'));
    create unique index solution_versions_one_open on solution_versions (solution_id)
      where status in ('draft', 'pending_review', 'returned');
    create index solution_versions_pending_idx on solution_versions (status, submitted_at) where status = 'pending_review';

    create table audit_log (
      id bigint generated always as identity primary key,
      entity_type text not null check (entity_type in ('vendor', 'solution')),
      entity_id bigint not null,
      action text not null,
      actor_user_id bigint references users (id),
      actor_role text not null,
      note text,
      created_at timestamptz not null default now()
    );
    create index audit_log_entity_idx on audit_log (entity_type, entity_id, id);
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function refuse_change();
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table audit_log;
    drop index solution_versions_one_open;
    alter table solution_versions drop column deliverables_en, drop column deliverables_zh_hk, drop column deliverables_zh_cn,
      drop column review_note, drop column submitted_at;
    alter table vendors drop column contact_name, drop column track_record, drop column reference_customers,
      drop column net_equity_positive, drop column submitted_at, drop column decided_by, drop column decided_at,
      drop column decision_reason;
  `.execute(db);
}

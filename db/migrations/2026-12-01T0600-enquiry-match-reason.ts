// Why the matcher recommended a package, kept with each enquiry sent from a recommended set (issue 13 §3), and an
// audit entry per such enquiry.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- Codes and whole cents only (rendered in the reader's language), so it stays small: bounded here as well.
    alter table enquiries add column match_reason jsonb
      constraint enquiries_match_reason_check
      check (match_reason is null or (jsonb_typeof(match_reason) = 'object' and octet_length(match_reason::text) <= 2000));

    alter table audit_log drop constraint audit_log_entity_type_check;
    alter table audit_log add constraint audit_log_entity_type_check check (entity_type in ('vendor', 'solution', 'enterprise', 'holiday', 'enquiry'));
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table audit_log drop constraint audit_log_entity_type_check;
    alter table audit_log add constraint audit_log_entity_type_check check (entity_type in ('vendor', 'solution', 'enterprise', 'holiday'));
    alter table enquiries drop column match_reason;
  `.execute(db);
}

// The officers' open queue, oldest first, read from an index in order instead of sorting every open application.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index applications_open_queue_idx on applications (submitted_at, id)
      where status in ('submitted', 'under_review', 'info_requested');
    create index enterprises_district_sector_idx on enterprises (district, sector);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index applications_open_queue_idx; drop index enterprises_district_sector_idx;`.execute(db);
}

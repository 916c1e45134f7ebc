// The officers' queue filtered by district alone, or to the cases nobody has taken, read in queue order from an index
// of exactly those rows (issue 15 §5; docs/PERFORMANCE.md, 2026-12-01 evening).
//
// Both filters walked the open queue's index (submitted_at, id) oldest first and tested each row: a district holds
// one open case in 18, so a page of 25 fetched ≈ 450 rows' heap pages (438 buffers at 1M, 41 at 1k); and since "next
// in queue" takes the oldest submission first, the head of the queue is the cases already under review, which the
// "unassigned" filter read through before its first row (512 buffers at 1M, growing with the cases under review). The
// place index (district, sector, submitted_at, id) serves district + sector only. Sector (4 values) and category (3)
// read at most four rows per row shown, bounded whatever the size: left to the queue's index.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index applications_open_district_idx on applications (ent_district, submitted_at, id)
      where status in ('submitted', 'under_review', 'info_requested');
    create index applications_open_unassigned_idx on applications (submitted_at, id)
      where status in ('submitted', 'under_review', 'info_requested') and assigned_officer_id is null;
    analyze applications;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index applications_open_unassigned_idx; drop index applications_open_district_idx;`.execute(db);
}

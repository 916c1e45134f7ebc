// Login throttling that counts checks still running, and per account from any address; purging old rows.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- null = the password is being checked right now: it counts as a failure until the check ends, so that parallel
    -- guesses cannot all pass the throttle before any of them is recorded.
    alter table login_attempts alter column succeeded drop not null;
    -- Failures of one account from any address (the per-account throttle) and the purge job.
    create index login_attempts_email_time_idx on login_attempts (email, created_at);
    create index login_attempts_created_idx on login_attempts (created_at);
    create index sessions_expires_idx on sessions (expires_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index sessions_expires_idx;
    drop index login_attempts_created_idx;
    drop index login_attempts_email_time_idx;
    delete from login_attempts where succeeded is null;
    alter table login_attempts alter column succeeded set not null;
  `.execute(db);
}

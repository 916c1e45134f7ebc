// The owner's browser (ADR 020): a device token handed out at a successful login exempts that browser from the
// account-wide login wait. Only the token's hash is stored, per account; expired rows are purged.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table login_devices (
      id text not null check (length(id) = 64),
      email text not null check (length(email) <= 254),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      primary key (id, email)
    );
    create index login_devices_expires_idx on login_devices (expires_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table login_devices`.execute(db);
}

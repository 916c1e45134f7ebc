// The version of what the public pages show (catalogue, vendors, programme settings): bumped by triggers in the same
// transaction as the change, so every process's page cache (app/lib/page-cache.server.ts) sees it at once.
// Deferred constraint triggers: the version row is locked at commit, after every other lock of the transaction, so it
// adds no lock-order deadlock to transactions that write several of these tables.
import { sql, type Kysely } from 'kysely';

const tables = [
  'programmes',
  'programme_settings',
  'vendors',
  'solution_categories',
  'solutions',
  'solution_versions',
  'solution_features',
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table public_version (
      id smallint primary key default 1 check (id = 1),
      version bigint not null default 1
    );
    insert into public_version (id, version) values (1, 1);
    create function bump_public_version() returns trigger language plpgsql as $$
    begin
      update public_version set version = version + 1 where id = 1;
      return null;
    end $$;
  `.execute(db);
  for (const table of tables) {
    await sql`create constraint trigger ${sql.raw(`${table}_public_version`)} after insert or update or delete on ${sql.table(table)}
      deferrable initially deferred for each row execute function bump_public_version()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of tables) await sql`drop trigger ${sql.raw(`${table}_public_version`)} on ${sql.table(table)}`.execute(db);
  await sql`drop function bump_public_version(); drop table public_version;`.execute(db);
}

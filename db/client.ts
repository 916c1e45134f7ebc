// The Kysely client factory: one pg pool per process, camelCase in TypeScript, snake_case in SQL.
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

// bigint columns hold cents and ids, always far below 2^53: read them as numbers, but never silently round.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${value} is outside the safe integer range`);
  return n;
});
// A date column is a calendar day, not an instant: keep it as 'YYYY-MM-DD'.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export type DB = Kysely<Database>;

// JSON columns (declarations, quotation items, payloads) keep their keys exactly as written.

export function createDb({ url, max = 10 }: { url: string; max?: number }): DB {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client can be dropped by the server (restart, embedded stop): log it, never crash the process.
  pool.on('error', (error) => console.warn(`[db] idle client error: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })] });
  pools.set(db, pool);
  return db;
}

const pools = new WeakMap<DB, pg.Pool>();

/** The pg pool behind a handle made by createDb: its size, idle and waiting counts are metrics. */
export const poolOf = (db: DB): pg.Pool | undefined => pools.get(db);

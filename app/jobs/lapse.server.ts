// The lapse job: every interval, approved applications past their deploy-by date lapse (app/services/claims.server.ts
// does the work under its locks; this loop only runs it and logs each run).
import type { DB } from '../../db/client';
import { lapseJobRun } from '../lib/logging.server';
import { lapseOverdue } from '../services/claims.server';

/** Runs the lapse job periodically (every process may run it; the locks keep it exactly-once). */
export function startLapseJob({ db, intervalMs = 60 * 60 * 1000 }: { db: DB; intervalMs?: number }): () => void {
  // One log line per run (lapseJobRun), with the references lapsed.
  const run = () => {
    const started = performance.now();
    return lapseOverdue({ db })
      .then(({ lapsed }) => lapseJobRun({ durationMs: performance.now() - started, lapsed }))
      .catch((error: unknown) => lapseJobRun({ durationMs: performance.now() - started, error }));
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}

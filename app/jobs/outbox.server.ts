// The outbox loop: delivers due messages every interval, one run at a time per process; several processes share the
// work through the leases that app/services/outbox.server.ts takes.
import type { DB } from '../../db/client';
import type { OutboxTopic } from '../../db/schema';
import { logJobRun } from '../lib/logging.server';
import { deliverDue, type Sender } from '../services/outbox.server';

/**
 * Runs deliverDue every interval until stopped; errors are logged, never thrown into the server. A run that found
 * work, or failed, is logged (one line); the empty polls every couple of seconds are not.
 */
export function startOutboxWorker({
  db,
  topic,
  send,
  intervalMs = 2000,
}: {
  db: DB;
  topic: OutboxTopic;
  send: Sender;
  intervalMs?: number;
}): () => Promise<void> {
  let run: Promise<void> | undefined;
  let stopped = false;
  const timer = setInterval(() => {
    if (run) return;
    const started = performance.now();
    run = deliverDue({ db, topic, send, stopping: () => stopped })
      .then(
        (report) => void (report.claimed > 0 && logJobRun({ job: `outbox.${topic}`, durationMs: performance.now() - started, ...report })),
      )
      .catch((error: unknown) => logJobRun({ job: `outbox.${topic}`, durationMs: performance.now() - started, error }))
      .finally(() => {
        run = undefined;
      });
  }, intervalMs);
  timer.unref();
  /**
   * Stops polling and waits for the run in progress: the message being sent is finished and marked, the rest of its
   * batch handed back. Closing the database under a run instead would leave its batch leased (up to a minute) and
   * could send a message again after it was delivered but before it was marked sent.
   */
  return async () => {
    stopped = true;
    clearInterval(timer);
    await run;
  };
}

// Delivers outbox messages after commit: claim a batch under a lease (safe with several app processes), send each
// with its idempotency key, then mark it sent or schedule a retry with backoff. Nothing is lost if a send fails,
// times out or the process dies mid-way: the lease runs out and the message is tried again under the same key.
import { sql } from 'kysely';
import type { DB } from '../../db/client';
import type { OutboxTopic } from '../../db/schema';
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from '../domain/notifications';
import { logDeliveryAttempt } from '../lib/logging.server';

export type OutboxMessage = { id: number; idempotencyKey: string; payload: Record<string, unknown>; attempts: number };
export type Sender = (message: OutboxMessage) => Promise<void>;

export type DeliveryReport = { claimed: number; sent: number; retrying: number; failed: number };

export async function deliverDue({
  db,
  topic,
  send,
  limit = 20,
  leaseSeconds = 60,
  maxAttempts = MAX_DELIVERY_ATTEMPTS,
  random = Math.random,
  stopping = () => false,
}: {
  db: DB;
  topic: OutboxTopic;
  send: Sender;
  limit?: number;
  leaseSeconds?: number;
  maxAttempts?: number;
  random?: () => number;
  /** Checked before each message: when the process is shutting down, the rest of the batch is handed back at once. */
  stopping?: () => boolean;
}): Promise<DeliveryReport> {
  const claimed = await db
    .updateTable('outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      leaseUntil: sql<Date>`now() + make_interval(secs => ${leaseSeconds})`,
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox')
        .select('id')
        .where('topic', '=', topic)
        .where('status', '=', 'pending')
        .where('nextAttemptAt', '<=', sql<Date>`now()`)
        .where((w) => w.or([w('leaseUntil', 'is', null), w('leaseUntil', '<', sql<Date>`now()`)]))
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'idempotencyKey', 'payload', 'attempts'])
    .execute();

  const report: DeliveryReport = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0 };
  for (const [index, message] of claimed.entries()) {
    if (stopping()) {
      // Shutting down: give back what this process claimed but has not tried (lease and attempt undone), so the other
      // processes deliver it now instead of after the lease runs out.
      const rest = claimed.slice(index).map((m) => m.id);
      await db
        .updateTable('outbox')
        .set((eb) => ({ leaseUntil: null, attempts: eb('attempts', '-', 1) }))
        .where('id', 'in', rest)
        .where('status', '=', 'pending')
        .execute();
      report.claimed -= rest.length;
      break;
    }
    const started = performance.now();
    try {
      await send(message);
      await db
        .updateTable('outbox')
        .set({ status: 'sent', sentAt: new Date(), leaseUntil: null, lastError: null })
        .where('id', '=', message.id)
        .where('status', '=', 'pending')
        .execute();
      report.sent++;
      logDeliveryAttempt({
        topic,
        messageId: message.id,
        attempt: message.attempts,
        outcome: 'sent',
        durationMs: performance.now() - started,
      });
    } catch (error) {
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const giveUp = message.attempts >= maxAttempts;
      await db
        .updateTable('outbox')
        .set({
          status: giveUp ? 'failed' : 'pending',
          leaseUntil: null,
          lastError,
          nextAttemptAt: new Date(Date.now() + retryDelayMs(message.attempts, random)),
        })
        .where('id', '=', message.id)
        .where('status', '=', 'pending')
        .execute();
      if (giveUp) report.failed++;
      else report.retrying++;
      logDeliveryAttempt({
        topic,
        messageId: message.id,
        attempt: message.attempts,
        outcome: giveUp ? 'failed' : 'retry',
        durationMs: performance.now() - started,
        error: lastError,
      });
    }
  }
  return report;
}

/** A sender that POSTs the message as JSON with an Idempotency-Key header; any non-2xx answer or a timeout throws. */
export function httpSender({ url, timeoutMs = 5000 }: { url: string; timeoutMs?: number }): Sender {
  return async (message) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': message.idempotencyKey },
      body: JSON.stringify(message.payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
    // 409 from a gateway that has seen this key: it was delivered before (our earlier try timed out after it landed).
    if (!response.ok && response.status !== 409) throw new Error(`gateway answered ${response.status}`);
  };
}

/** Messages that gave up after the last attempt, for staff to look into. */
export async function failedDeliveries({ db }: { db: DB }) {
  return db
    .selectFrom('outbox')
    .select(['id', 'topic', 'idempotencyKey', 'attempts', 'lastError', 'createdAt'])
    .where('status', '=', 'failed')
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
}

/** Puts a message that failed after every attempt back in line, under the same idempotency key (so never twice). */
export async function retryFailed({ db, id }: { db: DB; id: number }): Promise<boolean> {
  const updated = await db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date(), leaseUntil: null })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

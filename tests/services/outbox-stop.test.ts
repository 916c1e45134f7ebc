// Stopping a process's outbox worker (SIGTERM) while it is mid-batch: the message being sent is finished and marked
// sent, the rest of the batch is handed back at once (no lease left to run out, no attempt counted), and the stop
// resolves only then — so the database pool is never closed under a delivery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOutboxWorker } from '../../app/jobs/outbox.server';
import type { OutboxMessage } from '../../app/services/outbox.server';
import { createTestDatabase, type TestDatabase } from '../support/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ max: 4 });
});
afterAll(async () => {
  await t.drop();
});

describe('stopping an outbox worker', () => {
  it('finishes the message in flight, hands back the rest of its batch, then resolves', async () => {
    const keys = Array.from({ length: 8 }, (_, i) => `stop-test-${i}-${Date.now()}`);
    await t.db
      .insertInto('outbox')
      .values(keys.map((idempotencyKey) => ({ topic: 'notification' as const, idempotencyKey, payload: JSON.stringify({}) })))
      .execute();
    const sent: string[] = [];
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    const send = async (message: OutboxMessage) => {
      firstStarted();
      await new Promise((resolve) => setTimeout(resolve, 300));
      sent.push(message.idempotencyKey);
    };
    const stop = startOutboxWorker({ db: t.db, topic: 'notification', send, intervalMs: 100 });
    await started;
    await stop();
    // Resolved only after the send in flight completed and was recorded.
    expect(sent).toHaveLength(1);
    const rows = await t.db
      .selectFrom('outbox')
      .select(['idempotencyKey', 'status', 'attempts', 'leaseUntil'])
      .where('idempotencyKey', 'in', keys)
      .execute();
    expect(rows.filter((row) => row.status === 'sent')).toEqual([expect.objectContaining({ idempotencyKey: sent[0], attempts: 1 })]);
    const handedBack = rows.filter((row) => row.status !== 'sent');
    expect(handedBack).toHaveLength(7);
    for (const row of handedBack) expect(row).toMatchObject({ status: 'pending', attempts: 0, leaseUntil: null });
    // Nothing runs after the stop.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sent).toHaveLength(1);
  });
});

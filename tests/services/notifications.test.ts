import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { submitApplication, withdrawApplication } from '../../app/services/applications.server';
import { deliverDue, httpSender } from '../../app/services/outbox.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';
import { createGateway } from '../mocks/gateway';

const GATEWAY = 'http://gateway.test/messages';
const gateway = createGateway(GATEWAY);
const server = setupServer(gateway.handler);

let t: TestDatabase;
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  t = await createTestDatabase();
});
afterEach(() => {
  gateway.state.mode = 'ok';
});
afterAll(async () => {
  server.close();
  await t.drop();
});

/** Submits `count` applications for as many applicants; each submission queues one notification. */
async function queueNotifications(count: number, locale: 'en' | 'zh-HK' = 'en') {
  const refs: { userId: number; reference: string }[] = [];
  for (let i = 0; i < count; i++) {
    const user = await makeUser(t.db);
    await t.db.updateTable('users').set({ locale }).where('id', '=', user.id).execute();
    const enterpriseId = await makeEnterprise(t.db, user.id);
    const pkg = await makeListedSolution(t.db, { priceCents: 10_000_00 + i * 100 });
    const { mark } = await t.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)).as('mark'))
      .executeTakeFirstOrThrow();
    const quotationId = await makeQuotation(t.db, {
      userId: user.id,
      enterpriseId,
      solutionId: pkg.solutionId,
      vendorUserId: pkg.vendorUserId,
    });
    const reference = await makeDraft(t.db, { userId: user.id, quotationId });
    // The setup's own hand-offs (enquiry received, quotation arrived) are tested in notification-handoffs.test.ts:
    // these tests count the submissions' messages only.
    await t.db.deleteFrom('outbox').where('id', '>', mark).execute();
    const submitted = await submitApplication({ db: t.db, userId: user.id, reference });
    if (!submitted.ok) throw new Error('setup');
    refs.push({ userId: user.id, reference });
  }
  return refs;
}

/** Runs the worker until nothing is pending, skipping the backoff waits. */
async function drain(timeoutMs: number) {
  const send = httpSender({ url: GATEWAY, timeoutMs });
  for (let round = 0; round < 30; round++) {
    await deliverDue({ db: t.db, topic: 'notification', send, limit: 50 });
    const pending = await t.db.selectFrom('outbox').select('id').where('status', '=', 'pending').execute();
    if (pending.length === 0) return round + 1;
    await t.db
      .updateTable('outbox')
      .set({ nextAttemptAt: new Date(0), leaseUntil: null })
      .where('status', '=', 'pending')
      .execute();
  }
  throw new Error('outbox did not drain');
}

describe('notifications', () => {
  it('a status change writes the in-app notification and the outbox message in the same transaction, in the user’s language', async () => {
    const [{ userId, reference }] = (await queueNotifications(1, 'zh-HK')) as [{ userId: number; reference: string }];
    const inApp = await t.db
      .selectFrom('notifications')
      .selectAll()
      .where('userId', '=', userId)
      .where('template', '=', 'application_submitted')
      .execute();
    expect(inApp.map((n) => n.template)).toEqual(['application_submitted']);
    const outbox = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('idempotencyKey', 'like', `notification-${inApp[0]!.id}-%`)
      .executeTakeFirstOrThrow();
    expect(outbox.payload).toMatchObject({ locale: 'zh-HK', subject: `已收到申請 ${reference}` });
    expect(String(outbox.payload.body)).toContain('HK$');

    await withdrawApplication({ db: t.db, userId, reference });
    const after = await t.db.selectFrom('notifications').select('template').where('userId', '=', userId).orderBy('id').execute();
    expect(after.map((n) => n.template)).toEqual(['quotation_arrived', 'application_submitted', 'application_withdrawn']);
    await drain(1000);
  });

  it('delivers every message exactly once through a gateway that succeeds', async () => {
    const before = gateway.accepted.size;
    await queueNotifications(5);
    await drain(1000);
    expect(gateway.accepted.size - before).toBe(5);
    expect(gateway.state.duplicates).toBe(0);
  });

  it('a gateway failing half the time: retried with backoff until delivered, nothing lost, retries visible', async () => {
    gateway.state.mode = 'flaky';
    const before = gateway.accepted.size;
    await queueNotifications(8);
    const rounds = await drain(1000);
    expect(rounds).toBeGreaterThan(1);
    expect(gateway.accepted.size - before).toBe(8);
    const rows = await t.db.selectFrom('outbox').select(['status', 'attempts', 'lastError']).execute();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(rows.some((r) => r.attempts > 1)).toBe(true);
    expect(gateway.state.failures).toBeGreaterThan(0);
  });

  it('a gateway that times out after accepting: the retry is recognised by its key, the message is delivered once', async () => {
    gateway.state.mode = 'slow';
    const before = gateway.accepted.size;
    const duplicatesBefore = gateway.state.duplicates;
    await queueNotifications(6);
    await drain(150);
    expect(gateway.accepted.size - before).toBe(6);
    expect(gateway.state.timeouts).toBeGreaterThan(0);
    // Each timed-out message was sent again with the same key and not processed twice.
    expect(gateway.state.duplicates - duplicatesBefore).toBeGreaterThan(0);
    const rows = await t.db.selectFrom('outbox').select('status').execute();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });

  it('two workers draining at once never send the same message twice', async () => {
    const requestsBefore = gateway.state.requests;
    const before = gateway.accepted.size;
    await queueNotifications(10);
    const send = httpSender({ url: GATEWAY, timeoutMs: 1000 });
    await Promise.all([
      deliverDue({ db: t.db, topic: 'notification', send, limit: 10 }),
      deliverDue({ db: t.db, topic: 'notification', send, limit: 10 }),
      deliverDue({ db: t.db, topic: 'notification', send, limit: 10 }),
    ]);
    await drain(1000);
    expect(gateway.accepted.size - before).toBe(10);
    expect(gateway.state.requests - requestsBefore).toBe(10);
  });

  it('gives up after the last attempt and keeps the message as failed, visible for officers', async () => {
    gateway.state.mode = 'ok';
    const [{ userId }] = (await queueNotifications(1)) as [{ userId: number; reference: string }];
    const failing = async () => {
      throw new Error('connection refused');
    };
    for (let i = 0; i < 4; i++) {
      await deliverDue({ db: t.db, topic: 'notification', send: failing, maxAttempts: 3 });
      await t.db
        .updateTable('outbox')
        .set({ nextAttemptAt: new Date(0) })
        .where('status', '=', 'pending')
        .execute();
    }
    const row = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where(
        'idempotencyKey',
        'like',
        `notification-${(await t.db.selectFrom('notifications').select('id').where('userId', '=', userId).where('template', '=', 'application_submitted').executeTakeFirstOrThrow()).id}-%`,
      )
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: 3, lastError: 'connection refused' });
  });
});

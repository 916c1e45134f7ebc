// What one submit writes, now that the status change, its audit event, the owner's notification and its outbox
// message go to the database in one statement: each exactly once, together, or none of them.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitApplication } from '../../app/services/applications.server';
import { notify, outboxKey } from '../../app/services/notifications.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ max: 12 });
});
afterAll(async () => {
  await t.drop();
});

async function draft() {
  const user = await makeUser(t.db);
  await t.db.updateTable('users').set({ locale: 'zh-HK' }).where('id', '=', user.id).execute();
  const enterpriseId = await makeEnterprise(t.db, user.id);
  const pkg = await makeListedSolution(t.db, { priceCents: 30_000_00 });
  const quotationId = await makeQuotation(t.db, {
    userId: user.id,
    enterpriseId,
    solutionId: pkg.solutionId,
    vendorUserId: pkg.vendorUserId,
  });
  const reference = await makeDraft(t.db, { userId: user.id, quotationId });
  const { id } = await t.db.selectFrom('applications').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
  return { user, reference, id };
}

const written = async (applicationId: number) => ({
  events: await t.db.selectFrom('applicationEvents').selectAll().where('applicationId', '=', applicationId).orderBy('id').execute(),
  notices: await t.db.selectFrom('notifications').selectAll().where('applicationId', '=', applicationId).execute(),
});

describe('one submit', () => {
  it('writes the change, one event, the owner’s notification and its outbox message, as the general path would', async () => {
    const { user, reference, id } = await draft();
    const result = await submitApplication({ db: t.db, userId: user.id, reference });
    expect(result).toMatchObject({ ok: true, replayed: false, split: { programmeCents: 15_000_00, shopCents: 15_000_00 } });

    const application = await t.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(application).toMatchObject({ status: 'submitted', programmeCents: 15_000_00, shopCents: 15_000_00 });
    expect(application.settingsId).not.toBeNull();
    expect(application.registrationKey).toMatch(/^br:\d{8}$/);

    const { events, notices } = await written(id);
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorUserId, e.actorRole])).toEqual([
      ['create', null, 'draft', user.id, 'applicant'],
      ['submit', 'draft', 'submitted', user.id, 'applicant'],
    ]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ userId: user.id, template: 'application_submitted', sourceKey: `application:${id}` });
    expect(notices[0]!.params).toMatchObject({ reference, programmeCents: 15_000_00 });

    const message = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('idempotencyKey', '=', outboxKey(notices[0]!.id, `application:${id}`))
      .executeTakeFirstOrThrow();
    expect(message.topic).toBe('notification');
    // The same message notify() writes for the same notice (rendered in the owner's language).
    const payload = message.payload as { to: { email: string }; locale: string; subject: string; body: string };
    expect(payload).toMatchObject({ to: { email: user.email }, locale: 'zh-HK', template: 'application_submitted' });
    expect(payload.body).toContain(reference);
    await t.db.transaction().execute(async (trx) => {
      const other = await makeUser(t.db);
      const sourceKey = `test:${crypto.randomUUID()}`;
      await notify(trx, {
        userId: other.id,
        applicationId: id,
        template: 'application_submitted',
        params: notices[0]!.params as never,
        sourceKey,
        to: { email: user.email, phone: '2345 6789' },
        locale: 'zh-HK',
      });
      const viaNotify = await trx
        .selectFrom('outbox')
        .select('payload')
        .where('idempotencyKey', 'like', `%-${sourceKey}`)
        .executeTakeFirstOrThrow();
      expect(viaNotify.payload).toEqual(message.payload);
    });
  });

  it('a second submit, and ten at once, write nothing more', async () => {
    const { user, reference, id } = await draft();
    const results = await Promise.all(Array.from({ length: 10 }, () => submitApplication({ db: t.db, userId: user.id, reference })));
    expect(results.filter((r) => r.ok && !r.replayed)).toHaveLength(1);
    expect(results.filter((r) => r.ok && r.replayed)).toHaveLength(9);
    expect(await submitApplication({ db: t.db, userId: user.id, reference })).toEqual({ ok: true, reference, replayed: true });
    const { events, notices } = await written(id);
    expect(events.filter((e) => e.action === 'submit')).toHaveLength(1);
    expect(notices).toHaveLength(1);
    expect(await t.db.selectFrom('outbox').select('id').where('idempotencyKey', 'like', `%-application:${id}`).execute()).toHaveLength(1);
  });

  it('a refused submit (another user) writes nothing', async () => {
    const { reference, id } = await draft();
    const stranger = await makeUser(t.db);
    expect(await submitApplication({ db: t.db, userId: stranger.id, reference })).toEqual({ ok: false, code: 'not_found' });
    const { events, notices } = await written(id);
    expect(events.map((e) => e.action)).toEqual(['create']);
    expect(notices).toHaveLength(0);
  });
});

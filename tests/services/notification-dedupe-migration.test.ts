// The notification-dedupe migration on a database that already has notifications (duplicates among them): every
// earlier row keeps a key of its own, and from then on the same (user, source, template) cannot be written twice.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as dedupe from '../../db/migrations/2026-12-02T0300-notification-dedupe';
import { createTestDatabase, type TestDatabase } from '../support/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe('2026-12-02T0300-notification-dedupe', () => {
  it('keeps earlier duplicates as history, each with its own key, and refuses a new duplicate', async () => {
    await dedupe.down(t.db);
    const user = await t.db.selectFrom('users').select('id').where('email', '=', 'applicant@demo.matchfund.hk').executeTakeFirstOrThrow();
    // What the shop collected before: the same "under review" twice.
    await sql`insert into notifications (user_id, template, params) values (${user.id}, 'review_started', '{"reference":"X"}'), (${user.id}, 'review_started', '{"reference":"X"}')`.execute(
      t.db,
    );
    await dedupe.up(t.db);

    const rows = await t.db.selectFrom('notifications').select(['id', 'sourceKey']).execute();
    // The two duplicates (and any other earlier row) are all kept.
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.sourceKey.startsWith('notification:'))).toHaveLength(rows.length);
    expect(rows.every((r) => r.sourceKey === `notification:${r.id}`)).toBe(true);

    const write = () =>
      t.db
        .insertInto('notifications')
        .values({ userId: user.id, template: 'review_started', params: '{}', sourceKey: 'application:1' })
        .execute();
    await write();
    await expect(write()).rejects.toThrow(/notifications_once_idx/);
  });
});

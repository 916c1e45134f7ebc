import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../db/migrate';
import { seedDatabase } from '../../db/seed';
import { createTestDatabase, type TestDatabase } from '../support/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ empty: true, max: 12 });
});
afterAll(async () => {
  await t.drop();
});

describe('start-up on a shared database', () => {
  it('several processes migrating and seeding at once leave one programme and one catalogue', async () => {
    const starts = Array.from({ length: 4 }, async () => {
      await migrateToLatest(t.db);
      return seedDatabase(t.db, { demo: true });
    });
    const results = await Promise.all(starts);
    expect(results.filter((r) => r.seeded)).toHaveLength(1);
    const programmes = await t.db.selectFrom('programmes').select('id').execute();
    expect(programmes).toHaveLength(1);
    const users = await t.db.selectFrom('users').select('email').execute();
    expect(users).toHaveLength(5);
  });

  it('seeding again changes nothing', async () => {
    const before = await t.db
      .selectFrom('solutions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(await seedDatabase(t.db, { demo: true })).toEqual({ seeded: false });
    const after = await t.db
      .selectFrom('solutions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

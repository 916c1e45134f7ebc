// Prepared queries (db/prepared.ts, ADR 027): the same rows as the Kysely query they are built from, really prepared
// once per connection (pg_prepared_statements), only for registered texts, and refused when built wrongly.
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/client';
import { MAX_NAMED_STATEMENTS, nameStatement, statementName } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import { attemptLogin, registerUser } from '../../app/services/auth.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeUser } from '../support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  // One connection: every statement below runs on the session whose prepared statements are read.
  t = await createTestDatabase({ max: 1 });
});
afterAll(async () => {
  await t.drop();
});

const usersAfter = (db: DB, v: { role: 'applicant' | 'officer'; afterId: number; since: Date }) =>
  db
    .selectFrom('users')
    .select(['id', 'email', 'role', 'displayName', 'createdAt'])
    .where('role', '=', v.role)
    .where('id', '>', v.afterId)
    .where('createdAt', '>=', v.since)
    .orderBy('id')
    .limit(3);

const preparedUsersAfter = preparedQuery('test_users_after', (db, v: { role: 'applicant' | 'officer'; afterId: number; since: Date }) =>
  usersAfter(db as DB, v),
);

const prepared = async () =>
  (
    await sql<{ name: string; statement: string; runs: number }>`
      select name, statement, generic_plans + custom_plans as runs from pg_prepared_statements order by name`.execute(t.db)
  ).rows;

describe('a prepared query', () => {
  it('gives the rows the Kysely query gives, camelCase and typed, whatever the values', async () => {
    for (let i = 0; i < 4; i++) await makeUser(t.db, i % 2 ? 'officer' : 'applicant');
    const since = new Date(Date.now() - 3_600_000);
    for (const values of [
      { role: 'applicant' as const, afterId: 0, since },
      { role: 'officer' as const, afterId: 0, since },
      { role: 'applicant' as const, afterId: 1_000_000, since },
      { role: 'officer' as const, afterId: 0, since: new Date('2000-01-01') },
    ]) {
      const expected = await usersAfter(t.db, values).execute();
      expect(await preparedUsersAfter.execute(t.db, values)).toEqual(expected);
      expect(await preparedUsersAfter.executeTakeFirst(t.db, values)).toEqual(expected[0]);
    }
    const [row] = await preparedUsersAfter.execute(t.db, { role: 'applicant', afterId: 0, since });
    expect(row).toMatchObject({ id: expect.any(Number), displayName: expect.any(String), createdAt: expect.any(Date) });
  });

  it('is parsed once on the connection and run from then on by name (PostgreSQL counts every run against it)', async () => {
    const before = (await prepared()).find((p) => p.name === 'test_users_after');
    for (let i = 0; i < 7; i++) await preparedUsersAfter.execute(t.db, { role: 'officer', afterId: i, since: new Date(0) });
    const after = (await prepared()).find((p) => p.name === 'test_users_after');
    expect(after?.statement).toBe(preparedUsersAfter.sql);
    expect(Number(after!.runs) - Number(before?.runs ?? 0)).toBe(7);
  });

  it('works inside a transaction and after one that failed before its first run on the connection', async () => {
    const fresh = preparedQuery('test_user_by_id', (db, v: { id: number }) =>
      db.selectFrom('users').select('email').where('id', '=', v.id),
    );
    const user = await makeUser(t.db);
    await expect(
      t.db.transaction().execute(async (trx) => {
        await sql`select 1 / 0`.execute(trx).catch(() => undefined);
        // The transaction is aborted: the statement's first Parse fails, so pg must not count it as prepared.
        await fresh.execute(trx, { id: user.id });
      }),
    ).rejects.toThrow(/current transaction is aborted/);
    expect(await fresh.executeTakeFirst(t.db, { id: user.id })).toEqual({ email: user.email });
    expect(await t.db.transaction().execute((trx) => fresh.executeTakeFirst(trx, { id: user.id }))).toEqual({ email: user.email });
  });

  it('names only registered texts: an ordinary query with values leaves no prepared statement behind', async () => {
    const names = (await prepared()).map((p) => p.name);
    await t.db.selectFrom('users').select('id').where('email', '=', 'nobody@example.com').where('id', '>', 3).execute();
    await sql`select ${1}::int as one`.execute(t.db);
    expect((await prepared()).map((p) => p.name)).toEqual(names);
  });

  it('goes through pg.Client.prototype.query, so a wrapper installed there (the bench’s statement counter) sees it', async () => {
    const original = pg.Client.prototype.query;
    const seen: unknown[] = [];
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      seen.push(args[0]);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      await preparedUsersAfter.execute(t.db, { role: 'officer', afterId: 0, since: new Date(0) });
    } finally {
      pg.Client.prototype.query = original;
    }
    expect(seen).toEqual([expect.objectContaining({ name: 'test_users_after', text: preparedUsersAfter.sql })]);
  });
});

describe('building a prepared query', () => {
  it('writes the code’s constants into the text as literals (quotes doubled) and leaves only the run’s values as parameters', async () => {
    const query = preparedQuery('test_constants', (db, v: { id: number }) =>
      db
        .selectFrom('users')
        .select(['id', 'role'])
        .where('role', 'in', ['officer', 'admin'])
        .where('displayName', '<>', "O'Brien")
        .where('id', '>=', v.id)
        .orderBy('id')
        .limit(2),
    );
    expect(query.sql).toContain(`"role" in ('officer', 'admin')`);
    expect(query.sql).toContain(`"display_name" <> 'O''Brien'`);
    expect(query.sql).toContain('limit 2');
    expect(query.sql.match(/\$\d+/g)).toEqual(['$1']);
    const expected = await t.db
      .selectFrom('users')
      .select(['id', 'role'])
      .where('role', 'in', ['officer', 'admin'])
      .where('displayName', '<>', "O'Brien")
      .where('id', '>=', 0)
      .orderBy('id')
      .limit(2)
      .execute();
    expect(expected.length).toBeGreaterThan(0);
    // Known constants: PostgreSQL's own choice (plan_cache_mode auto) settles on the generic plan after five runs.
    for (let i = 0; i < 7; i++) expect(await query.execute(t.db, { id: 0 })).toEqual(expected);
    const stats = (
      await sql<{ generic: number }>`
      select generic_plans as generic from pg_prepared_statements where name = 'test_constants'`.execute(t.db)
    ).rows[0];
    expect(Number(stats?.generic)).toBeGreaterThan(0);
  });

  it('may be one sql`…` template: its values bound, its constants written into the text', async () => {
    const WINDOW_DAYS = 3;
    const query = preparedQuery(
      'test_raw',
      (_db, v: { role: string; afterId: number }) =>
        sql<{ id: number; displayName: string }>`
        select id, display_name from users
        where role = ${v.role} and id > ${v.afterId} and created_at > now() - make_interval(days => ${WINDOW_DAYS})
        order by id`,
    );
    expect(query.sql).toContain('make_interval(days => 3)');
    expect(query.sql.match(/\$\d+/g)).toEqual(['$1', '$2']);
    const expected = await t.db
      .selectFrom('users')
      .select(['id', 'displayName'])
      .where('role', '=', 'applicant')
      .where('id', '>', 0)
      .orderBy('id')
      .execute();
    expect(expected.length).toBeGreaterThan(0);
    expect(await query.execute(t.db, { role: 'applicant', afterId: 0 })).toEqual(expected);
    expect((await prepared()).map((p) => p.name)).toContain('test_raw');
  });

  it('runs every statement of a login but BEGIN and COMMIT by name', async () => {
    const email = 'prepared-login@example.com';
    const registered = await registerUser({
      db: t.db,
      input: { email, password: 'correct horse battery', displayName: 'Ms Chan', role: 'applicant', locale: 'en' },
    });
    expect(registered.ok).toBe(true);
    const login = (password: string) => attemptLogin({ db: t.db, email, password, ip: '203.0.113.9', startSession: true });
    expect(await login('wrong horse battery')).toMatchObject({ ok: false, code: 'invalid_credentials' });
    expect(await login('correct horse battery')).toMatchObject({ ok: true, sessionToken: expect.any(String) });
    const names = (await prepared()).map((p) => p.name);
    for (const name of ['login_lock', 'login_state', 'login_slot', 'login_failed', 'login_succeeded_session'])
      expect(names).toContain(name);
  });

  it('refuses a value used as text in JavaScript (it would be baked into the SQL)', () => {
    expect(() =>
      preparedQuery('test_as_text', (db, v: { email: string }) => db.selectFrom('users').select('id').where('email', '=', `${v.email}@x`)),
    ).toThrow(/used as text/);
  });

  it('refuses a value that never reaches the query as a parameter', () => {
    expect(() =>
      preparedQuery('test_unbound', (db, v: { limit: number }) => {
        if (v.limit) return db.selectFrom('users').select('id');
        return db.selectFrom('users').select('email');
      }),
    ).toThrow(/limit is not bound/);
  });

  it('refuses a name twice and one text under two names', () => {
    expect(() =>
      preparedQuery('test_users_after', (db, v: { id: number }) => db.selectFrom('users').select('id').where('id', '=', v.id)),
    ).toThrow(/already taken/);
    expect(() => preparedQuery('test_users_after_again', (db, v: Parameters<typeof usersAfter>[1]) => usersAfter(db as DB, v))).toThrow(
      /same text/,
    );
  });

  it(`names at most ${MAX_NAMED_STATEMENTS} texts in a process`, () => {
    let named = 0;
    expect(() => {
      for (let i = 0; i <= MAX_NAMED_STATEMENTS; i++) {
        nameStatement(`select ${i} as filler`, `test_filler_${i}`);
        named++;
      }
    }).toThrow(/more than 64 named statements/);
    expect(named).toBeLessThan(MAX_NAMED_STATEMENTS);
    expect(statementName('select 0 as filler')).toBe('test_filler_0');
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attemptLogin,
  changePassword,
  createSession,
  deleteSession,
  findSessionUser,
  LOGIN_MAX_FAILURES,
  LOGIN_ATTEMPTS_KEPT_DAYS,
  purgeExpired,
  registerUser,
} from '../../app/services/auth.server';
import { ACCOUNT_FREE_FAILURES, PAIR_MAX_FAILURES, accountDelaySeconds } from '../../app/domain/login-throttle';
import { DEMO_PASSWORD } from '../../db/seed';
import { createTestDatabase, type TestDatabase } from '../support/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const input = (email: string) => ({
  email,
  password: 'correct horse battery',
  displayName: 'Mrs Chan',
  role: 'applicant' as const,
  locale: 'zh-HK' as const,
});

describe('registration', () => {
  it('stores an argon2id hash, never the password', async () => {
    const result = await registerUser({ db: t.db, input: input('New.Owner@Example.com') });
    expect(result.ok).toBe(true);
    const row = await t.db.selectFrom('users').selectAll().where('email', '=', 'new.owner@example.com').executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.passwordHash).not.toContain('correct horse');
    expect(row.locale).toBe('zh-HK');
  });

  it('refuses a second account with the same email in any letter case', async () => {
    await registerUser({ db: t.db, input: input('dup@example.com') });
    const again = await registerUser({ db: t.db, input: input('DUP@example.com') });
    expect(again).toEqual({ ok: false, code: 'email_taken' });
  });
});

describe('login', () => {
  it('accepts the right password and refuses a wrong one or an unknown account alike', async () => {
    await registerUser({ db: t.db, input: input('login@example.com') });
    const ok = await attemptLogin({ db: t.db, email: ' LOGIN@example.com ', password: 'correct horse battery', ip: '10.0.0.1' });
    expect(ok.ok && ok.user.email).toBe('login@example.com');
    expect(await attemptLogin({ db: t.db, email: 'login@example.com', password: 'wrong', ip: '10.0.0.1' })).toEqual({
      ok: false,
      code: 'invalid_credentials',
    });
    expect(await attemptLogin({ db: t.db, email: 'nobody@example.com', password: 'x', ip: '10.0.0.1' })).toEqual({
      ok: false,
      code: 'invalid_credentials',
    });
  });

  it(`after ${LOGIN_MAX_FAILURES} failures from one address, refuses even the right password there, not elsewhere`, async () => {
    await registerUser({ db: t.db, input: input('throttle@example.com') });
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      const result = await attemptLogin({ db: t.db, email: 'throttle@example.com', password: `guess ${i}`, ip: '10.0.0.9' });
      expect(result).toEqual({ ok: false, code: 'invalid_credentials' });
    }
    const blocked = await attemptLogin({ db: t.db, email: 'throttle@example.com', password: 'correct horse battery', ip: '10.0.0.9' });
    expect(blocked).toEqual({ ok: false, code: 'too_many_attempts', retryAfterSeconds: expect.any(Number) });
    // No password check was made: the blocked attempt is not even recorded.
    const recorded = await t.db.selectFrom('loginAttempts').select('id').where('email', '=', 'throttle@example.com').execute();
    expect(recorded).toHaveLength(LOGIN_MAX_FAILURES);

    const elsewhere = await attemptLogin({ db: t.db, email: 'throttle@example.com', password: 'correct horse battery', ip: '10.0.0.10' });
    expect(elsewhere.ok).toBe(true);
  });

  it('lets the account in again once the failures are older than the window', async () => {
    await t.db
      .updateTable('loginAttempts')
      .set({ createdAt: new Date(Date.now() - 16 * 60 * 1000) } as never)
      .where('email', '=', 'throttle@example.com')
      .execute();
    const result = await attemptLogin({ db: t.db, email: 'throttle@example.com', password: 'correct horse battery', ip: '10.0.0.9' });
    expect(result.ok).toBe(true);
  });

  it('logs in every seeded demo account with the demo password', async () => {
    for (const email of ['applicant', 'vendor', 'officer', 'officer2', 'admin'].map((n) => `${n}@demo.matchfund.hk`)) {
      const result = await attemptLogin({ db: t.db, email, password: DEMO_PASSWORD, ip: '127.0.0.1' });
      expect(result.ok, email).toBe(true);
    }
  });
});

describe('throttling under attack', () => {
  const checked = async (email: string) =>
    (await t.db.selectFrom('loginAttempts').select('id').where('email', '=', email).where('succeeded', 'is not', null).execute()).length;
  /** Moves every recorded attempt of the account back in time, as if the clock had run on. */
  const age = async (email: string, seconds: number) => {
    await t.db
      .updateTable('loginAttempts')
      .set({ createdAt: sql`created_at - make_interval(secs => ${seconds})` } as never)
      .where('email', '=', email)
      .execute();
  };

  it(`40 parallel wrong guesses from one address check at most ${PAIR_MAX_FAILURES} passwords`, async () => {
    await registerUser({ db: t.db, input: input('parallel@example.com') });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        attemptLogin({ db: t.db, email: 'parallel@example.com', password: `guess ${i}`, ip: '10.2.0.1' }),
      ),
    );
    expect(await checked('parallel@example.com')).toBe(PAIR_MAX_FAILURES);
    expect(results.filter((r) => !r.ok && r.code === 'invalid_credentials')).toHaveLength(PAIR_MAX_FAILURES);
    expect(results.filter((r) => !r.ok && r.code === 'too_many_attempts')).toHaveLength(40 - PAIR_MAX_FAILURES);
  });

  it(`40 wrong guesses from 40 addresses: the account is throttled after ${ACCOUNT_FREE_FAILURES}, whatever the address`, async () => {
    await registerUser({ db: t.db, input: input('spread@example.com') });
    const results = [];
    for (let i = 0; i < 40; i++) {
      results.push(await attemptLogin({ db: t.db, email: 'spread@example.com', password: `guess ${i}`, ip: `10.3.0.${i}` }));
    }
    expect(await checked('spread@example.com')).toBe(ACCOUNT_FREE_FAILURES);
    expect(results.slice(ACCOUNT_FREE_FAILURES).every((r) => !r.ok && r.code === 'too_many_attempts')).toBe(true);
    // Even the right password waits: it is not checked while the account is locked.
    const owner = await attemptLogin({ db: t.db, email: 'spread@example.com', password: 'correct horse battery', ip: '10.3.1.1' });
    expect(owner).toMatchObject({ ok: false, code: 'too_many_attempts' });
  });

  it('the same, 40 at once from 40 addresses, still checks no more than the free failures', async () => {
    await registerUser({ db: t.db, input: input('spread-parallel@example.com') });
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        attemptLogin({ db: t.db, email: 'spread-parallel@example.com', password: `guess ${i}`, ip: `10.4.0.${i}` }),
      ),
    );
    expect(await checked('spread-parallel@example.com')).toBe(ACCOUNT_FREE_FAILURES);
  });

  it('the wait grows with each further failure, and the owner gets in once it has passed', async () => {
    const email = 'spread@example.com';
    const first = accountDelaySeconds(ACCOUNT_FREE_FAILURES);
    const second = accountDelaySeconds(ACCOUNT_FREE_FAILURES + 1);
    expect(second).toBeGreaterThan(first);

    await age(email, first + 1);
    expect(await attemptLogin({ db: t.db, email, password: 'another guess', ip: '10.3.2.1' })).toEqual({
      ok: false,
      code: 'invalid_credentials',
    });
    // Waiting as long as the first time is no longer enough.
    await age(email, first + 1);
    expect(await attemptLogin({ db: t.db, email, password: 'yet another', ip: '10.3.2.2' })).toMatchObject({
      ok: false,
      code: 'too_many_attempts',
    });
    await age(email, second - first);
    const owner = await attemptLogin({ db: t.db, email, password: 'correct horse battery', ip: '10.3.2.3' });
    expect(owner.ok).toBe(true);
    // A success starts the account's count again.
    expect((await attemptLogin({ db: t.db, email, password: 'typo', ip: '10.3.2.3' })).ok).toBe(false);
    expect((await attemptLogin({ db: t.db, email, password: 'correct horse battery', ip: '10.3.2.4' })).ok).toBe(true);
  });

  it('says how long to wait', async () => {
    const result = await attemptLogin({ db: t.db, email: 'parallel@example.com', password: 'x', ip: '10.2.0.1' });
    expect(result).toMatchObject({ ok: false, code: 'too_many_attempts' });
    if (!result.ok && result.code === 'too_many_attempts') {
      expect(result.retryAfterSeconds).toBeGreaterThan(0);
      expect(result.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    }
  });
});

describe('sessions', () => {
  it('finds the user by token, stores only a hash, and forgets it on logout', async () => {
    const registered = await registerUser({ db: t.db, input: input('session@example.com') });
    if (!registered.ok) throw new Error('setup failed');
    const token = await createSession({ db: t.db, userId: registered.user.id });
    const stored = await t.db.selectFrom('sessions').select('id').where('userId', '=', registered.user.id).execute();
    expect(stored.map((s) => s.id)).not.toContain(token);
    expect((await findSessionUser({ db: t.db, token }))?.email).toBe('session@example.com');
    await deleteSession({ db: t.db, token });
    expect(await findSessionUser({ db: t.db, token })).toBeUndefined();
  });

  it('ignores an expired session', async () => {
    const registered = await registerUser({ db: t.db, input: input('expired@example.com') });
    if (!registered.ok) throw new Error('setup failed');
    const token = await createSession({ db: t.db, userId: registered.user.id });
    await t.db
      .updateTable('sessions')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('userId', '=', registered.user.id)
      .execute();
    expect(await findSessionUser({ db: t.db, token })).toBeUndefined();
  });

  it('changing the password needs the current one and ends every other session', async () => {
    const registered = await registerUser({ db: t.db, input: input('change@example.com') });
    if (!registered.ok) throw new Error('setup failed');
    const userId = registered.user.id;
    const other = await createSession({ db: t.db, userId });
    expect(await changePassword({ db: t.db, userId, currentPassword: 'wrong', newPassword: 'a new long password' })).toEqual({
      ok: false,
      code: 'wrong_current_password',
    });
    const changed = await changePassword({
      db: t.db,
      userId,
      currentPassword: 'correct horse battery',
      newPassword: 'a new long password',
    });
    expect(changed.ok).toBe(true);
    expect(await findSessionUser({ db: t.db, token: other })).toBeUndefined();
    if (changed.ok) expect((await findSessionUser({ db: t.db, token: changed.token }))?.id).toBe(userId);
    const login = await attemptLogin({ db: t.db, email: 'change@example.com', password: 'a new long password', ip: '10.1.1.1' });
    expect(login.ok).toBe(true);
  });
});

describe('purging', () => {
  it('removes expired sessions and login attempts older than the kept days, nothing else', async () => {
    const registered = await registerUser({ db: t.db, input: input('purge@example.com') });
    if (!registered.ok) throw new Error('setup failed');
    const userId = registered.user.id;
    const live = await createSession({ db: t.db, userId });
    const expired = await createSession({ db: t.db, userId });
    await t.db
      .updateTable('sessions')
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where('id', '=', sql<string>`encode(sha256(${expired}::bytea), 'hex')`)
      .execute();
    await t.db
      .insertInto('loginAttempts')
      .values([
        {
          email: 'purge@example.com',
          ip: '10.9.9.9',
          succeeded: false,
          createdAt: new Date(Date.now() - (LOGIN_ATTEMPTS_KEPT_DAYS + 1) * 86_400_000),
        },
        {
          email: 'purge@example.com',
          ip: '10.9.9.9',
          succeeded: false,
          createdAt: new Date(Date.now() - (LOGIN_ATTEMPTS_KEPT_DAYS - 1) * 86_400_000),
        },
      ])
      .execute();

    const purged = await purgeExpired({ db: t.db });
    expect(purged.sessions).toBeGreaterThanOrEqual(1);
    expect(purged.loginAttempts).toBeGreaterThanOrEqual(1);
    expect(await findSessionUser({ db: t.db, token: live })).toBeDefined();
    const sessions = await t.db.selectFrom('sessions').select('id').where('userId', '=', userId).execute();
    expect(sessions).toHaveLength(1);
    const attempts = await t.db.selectFrom('loginAttempts').select('id').where('email', '=', 'purge@example.com').execute();
    expect(attempts).toHaveLength(1);
    expect(await t.db.selectFrom('sessions').select('id').where('expiresAt', '<', new Date()).execute()).toHaveLength(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attemptLogin,
  changePassword,
  createSession,
  deleteSession,
  findSessionUser,
  LOGIN_MAX_FAILURES,
  registerUser,
} from '../../app/services/auth.server';
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
    expect(blocked).toEqual({ ok: false, code: 'too_many_attempts' });
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
    await t.db.updateTable('sessions').set({ expiresAt: new Date(Date.now() - 1000) }).where('userId', '=', registered.user.id).execute();
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
    const changed = await changePassword({ db: t.db, userId, currentPassword: 'correct horse battery', newPassword: 'a new long password' });
    expect(changed.ok).toBe(true);
    expect(await findSessionUser({ db: t.db, token: other })).toBeUndefined();
    if (changed.ok) expect((await findSessionUser({ db: t.db, token: changed.token }))?.id).toBe(userId);
    const login = await attemptLogin({ db: t.db, email: 'change@example.com', password: 'a new long password', ip: '10.1.1.1' });
    expect(login.ok).toBe(true);
  });
});

// A successful login records its success, trusts the browser and creates the session in one statement after the
// password check; a failed one records the failure only.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptLogin, findSessionUser, registerUser } from '../../app/services/auth.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeEnterprise } from '../support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const PASSWORD = 'correct horse battery';
const sha = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

async function account() {
  const email = `login-${crypto.randomBytes(4).toString('hex')}@example.com`;
  const result = await registerUser({
    db: t.db,
    input: { email, password: PASSWORD, displayName: 'Mr Lee', role: 'applicant', locale: 'en' },
  });
  if (!result.ok) throw new Error('registration failed');
  return result.user;
}

describe('login with a session', () => {
  it('creates exactly one session for the token it returns, marks the attempt a success and trusts the device', async () => {
    const user = await account();
    const result = await attemptLogin({ db: t.db, email: user.email, password: PASSWORD, ip: '10.9.0.1', startSession: true });
    if (!result.ok || !result.sessionToken) throw new Error('login failed');
    expect(result.user).toEqual({ id: user.id, email: user.email, role: 'applicant', displayName: 'Mr Lee', locale: 'en' });
    expect(result.ownsEnterprise).toBe(false);
    expect(await findSessionUser({ db: t.db, token: result.sessionToken })).toEqual(result.user);
    expect(await t.db.selectFrom('sessions').select('id').where('userId', '=', user.id).execute()).toEqual([
      { id: sha(result.sessionToken) },
    ]);
    const attempts = await t.db.selectFrom('loginAttempts').select('succeeded').where('email', '=', user.email).execute();
    expect(attempts).toEqual([{ succeeded: true }]);
    const device = await t.db.selectFrom('loginDevices').selectAll().where('id', '=', sha(result.deviceToken)).executeTakeFirstOrThrow();
    expect(device.email).toBe(user.email);
  });

  it('knows whether the owner has a business (where the login lands) without asking again', async () => {
    const user = await account();
    await makeEnterprise(t.db, user.id);
    const result = await attemptLogin({
      db: t.db,
      email: user.email.toUpperCase(),
      password: PASSWORD,
      ip: '10.9.0.2',
      startSession: true,
    });
    expect(result).toMatchObject({ ok: true, ownsEnterprise: true });
  });

  it('a wrong password creates no session and trusts no device; without startSession none is created either', async () => {
    const user = await account();
    expect(await attemptLogin({ db: t.db, email: user.email, password: 'wrong', ip: '10.9.0.3', startSession: true })).toEqual({
      ok: false,
      code: 'invalid_credentials',
    });
    const plain = await attemptLogin({ db: t.db, email: user.email, password: PASSWORD, ip: '10.9.0.3' });
    expect(plain).toMatchObject({ ok: true });
    expect(plain).not.toHaveProperty('sessionToken');
    expect(await t.db.selectFrom('sessions').select('id').where('userId', '=', user.id).execute()).toEqual([]);
    const attempts = await t.db.selectFrom('loginAttempts').select('succeeded').where('email', '=', user.email).orderBy('id').execute();
    expect(attempts).toEqual([{ succeeded: false }, { succeeded: true }]);
    expect(await t.db.selectFrom('loginDevices').select('id').where('email', '=', user.email).execute()).toHaveLength(1);
  });
});

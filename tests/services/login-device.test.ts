// ADR 011's known gap, closed: someone hammering an account from many addresses makes every unknown browser wait (up to
// an hour), but the browser the owner signed in with before (a device token from a successful login, kept in an
// HttpOnly cookie) is exempt from that account-wide wait — never from the per-address limit.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_FREE_FAILURES, PAIR_MAX_FAILURES } from '../../app/domain/login-throttle';
import * as loginRoute from '../../app/routes/login';
import { attemptLogin, purgeExpired } from '../../app/services/auth.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeUser } from '../support/fixtures';
import { routeCalls } from '../support/requests';

const PASSWORD = 'test password 123'; // makeUser's
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});
const { callAction } = routeCalls(() => t.db);

async function attack(email: string, count: number) {
  for (let i = 0; i < count; i++) await attemptLogin({ db: t.db, email, password: `guess ${i}`, ip: `203.0.113.${i % 250}` });
}

describe('the owner’s browser', () => {
  it('a successful login hands out a device token; the same browser keeps its token', async () => {
    const { email } = await makeUser(t.db);
    const first = await attemptLogin({ db: t.db, email, password: PASSWORD, ip: '10.0.0.1' });
    expect(first.ok).toBe(true);
    const token = first.ok ? first.deviceToken : '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await attemptLogin({ db: t.db, email, password: PASSWORD, ip: '10.0.0.1', deviceToken: token });
    expect(again).toMatchObject({ ok: true, deviceToken: token });
    // Only its hash is stored.
    const stored = await t.db.selectFrom('loginDevices').select('id').where('email', '=', email.toLowerCase()).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).not.toContain(token);
  });

  it('is exempt from the account-wide wait while unknown browsers are held back', async () => {
    const { email } = await makeUser(t.db);
    const before = await attemptLogin({ db: t.db, email, password: PASSWORD, ip: '10.0.0.2' });
    const deviceToken = before.ok ? before.deviceToken : '';
    await attack(email, ACCOUNT_FREE_FAILURES + 3);
    // A new browser, even with the right password, waits.
    expect(await attemptLogin({ db: t.db, email, password: PASSWORD, ip: '10.0.0.3' })).toMatchObject({
      ok: false,
      code: 'too_many_attempts',
    });
    // A made-up token is no token.
    expect(await attemptLogin({ db: t.db, email, password: PASSWORD, ip: '10.0.0.3', deviceToken: 'x'.repeat(43) })).toMatchObject({
      ok: false,
      code: 'too_many_attempts',
    });
    // The owner's browser gets in, from wherever it is now.
    expect(await attemptLogin({ db: t.db, email, password: PASSWORD, ip: '10.0.0.4', deviceToken })).toMatchObject({
      ok: true,
      deviceToken,
    });
  });

  it('is trusted for its own account only', async () => {
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    const mine = await attemptLogin({ db: t.db, email: owner.email, password: PASSWORD, ip: '10.0.1.1' });
    const deviceToken = mine.ok ? mine.deviceToken : '';
    await attack(other.email, ACCOUNT_FREE_FAILURES + 3);
    expect(await attemptLogin({ db: t.db, email: other.email, password: PASSWORD, ip: '10.0.1.1', deviceToken })).toMatchObject({
      ok: false,
      code: 'too_many_attempts',
    });
    // Once the other account's owner signs in from that browser (after the wait), it gets a token of its own: a token
    // the browser brought along is never adopted for another account (someone may have planted it).
    await sql`update login_attempts set created_at = created_at - interval '2 hours' where email = ${other.email.toLowerCase()}`.execute(
      t.db,
    );
    const theirs = await attemptLogin({ db: t.db, email: other.email, password: PASSWORD, ip: '10.0.1.1', deviceToken });
    expect(theirs.ok).toBe(true);
    expect(theirs.ok && theirs.deviceToken).not.toBe(deviceToken);
    const planted = 'P'.repeat(43);
    const fresh = await attemptLogin({ db: t.db, email: owner.email, password: PASSWORD, ip: '10.0.1.1', deviceToken: planted });
    expect(fresh.ok && fresh.deviceToken).not.toBe(planted);
  });

  it('still counts against the per-address limit: guessing from the owner’s browser stops after the pair limit', async () => {
    const { email } = await makeUser(t.db);
    const first = await attemptLogin({ db: t.db, email, password: PASSWORD, ip: '10.0.2.1' });
    const deviceToken = first.ok ? first.deviceToken : '';
    for (let i = 0; i < PAIR_MAX_FAILURES; i++) {
      expect(await attemptLogin({ db: t.db, email, password: `wrong ${i}`, ip: '10.0.2.1', deviceToken })).toMatchObject({
        ok: false,
        code: 'invalid_credentials',
      });
    }
    expect(await attemptLogin({ db: t.db, email, password: PASSWORD, ip: '10.0.2.1', deviceToken })).toMatchObject({
      ok: false,
      code: 'too_many_attempts',
    });
  });

  it('expires, and expired tokens are purged', async () => {
    const { email } = await makeUser(t.db);
    const first = await attemptLogin({ db: t.db, email, password: PASSWORD, ip: '10.0.3.1' });
    const deviceToken = first.ok ? first.deviceToken : '';
    await t.db
      .updateTable('loginDevices')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where('email', '=', email.toLowerCase())
      .execute();
    await attack(email, ACCOUNT_FREE_FAILURES + 3);
    expect(await attemptLogin({ db: t.db, email, password: PASSWORD, ip: '10.0.3.1', deviceToken })).toMatchObject({
      ok: false,
      code: 'too_many_attempts',
    });
    expect((await purgeExpired({ db: t.db })).loginDevices).toBeGreaterThanOrEqual(1);
    expect(await t.db.selectFrom('loginDevices').select('id').where('email', '=', email.toLowerCase()).execute()).toEqual([]);
  });
});

describe('the login form', () => {
  const login = async (email: string, password: string, device?: string) => {
    return callAction(loginRoute, { form: { email, password }, cookies: device ? [device] : [], context: { clientIp: '10.0.9.9' } });
  };

  it('sets an HttpOnly device cookie with the session, and that browser gets in while the account is under attack', async () => {
    const { email } = await makeUser(t.db);
    const first = await login(email, PASSWORD);
    expect(first.status).toBe(302);
    const cookies = first.headers.getSetCookie();
    expect(cookies.map((c) => c.split('=')[0])).toEqual(['mf_session', 'mf_device']);
    const device = cookies[1]!;
    expect(device).toMatch(/HttpOnly/i);
    expect(device).toMatch(/SameSite=Lax/i);
    expect(device).toMatch(/Max-Age=7776000/); // 90 days
    await attack(email, ACCOUNT_FREE_FAILURES + 3);
    expect((await login(email, PASSWORD)).status).toBe(429);
    const owner = await login(email, PASSWORD, device.split(';')[0]!);
    expect(owner.status).toBe(302);
    expect(owner.headers.getSetCookie()[1]!.split(';')[0]).toBe(device.split(';')[0]);
  });
});

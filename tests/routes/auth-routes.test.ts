import { hash as argon2Hash } from '@node-rs/argon2';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as account from '../../app/routes/account';
import * as login from '../../app/routes/login';
import * as logout from '../../app/routes/logout';
import * as register from '../../app/routes/register';
import * as setLanguage from '../../app/routes/set-language';
import { languageCookie } from '../../app/lib/cookies.server';
import { PASSWORD_WORK, verifyPassword } from '../../app/lib/password.server';
import { DEMO_PASSWORD } from '../../db/seed';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { routeCalls, sessionFor } from '../support/requests';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const { callAction, callLoader } = routeCalls(() => t.db);

describe('CSRF', () => {
  it.each([
    ['missing', null],
    ['wrong', 'B'.repeat(43)],
    ['short', 'abc'],
  ])('refuses a login form with a %s token (403) and writes nothing', async (_label, csrf) => {
    const response = await callAction(login, { form: { email: 'applicant@demo.matchfund.hk', password: DEMO_PASSWORD }, csrf });
    expect(response.status).toBe(403);
    const attempts = await t.db.selectFrom('loginAttempts').select('id').execute();
    expect(attempts).toHaveLength(0);
  });

  it('refuses logout, language and register posts without the token', async () => {
    for (const route of [logout, setLanguage, register]) {
      const response = await callAction(route, { form: { lng: 'en' }, csrf: null });
      expect(response.status).toBe(403);
    }
  });
});

describe('login route', () => {
  it('logs in, sets an HttpOnly SameSite=Lax session cookie and goes to the role home', async () => {
    const response = await callAction(login, { form: { email: 'officer@demo.matchfund.hk', password: DEMO_PASSWORD } });
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/officer');
    const cookie = response.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/^mf_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('a language chosen before logging in is saved on the account', async () => {
    const chosen = (await languageCookie.serialize('zh-HK')).split(';')[0]!;
    const response = await callAction(login, { form: { email: 'officer2@demo.matchfund.hk', password: DEMO_PASSWORD }, cookies: [chosen] });
    expect(response.status).toBe(302);
    const user = await t.db
      .selectFrom('users')
      .select('locale')
      .where('email', '=', 'officer2@demo.matchfund.hk')
      .executeTakeFirstOrThrow();
    expect(user.locale).toBe('zh-HK');
  });

  it('never redirects off the site', async () => {
    for (const redirectTo of ['//evil.example', 'https://evil.example', '/\\evil.example']) {
      const response = await callAction(login, { form: { email: 'applicant@demo.matchfund.hk', password: DEMO_PASSWORD, redirectTo } });
      // The shop owner's landing: the task list, or adding the business when there is none yet (login-landing.test.ts).
      expect(response.headers.get('Location')).toMatch(/^\/(account|businesses\/new\?welcome=1)$/);
    }
  });

  it.each([
    ['a tab the browser would drop', '/\t/evil.example'],
    ['a newline', '/\n/evil.example'],
    ['CR LF', '/account\r\nSet-Cookie: x=1'],
    ['non-Latin-1 characters', '/解決方案'],
    ['a climb to a protocol-relative path', '/..//evil.example'],
  ])('a redirectTo with %s goes to the role home, and only one session is created', async (_label, redirectTo) => {
    const user = await t.db.selectFrom('users').select('id').where('email', '=', 'applicant@demo.matchfund.hk').executeTakeFirstOrThrow();
    const count = async () => (await t.db.selectFrom('sessions').select('id').where('userId', '=', user.id).execute()).length;
    const before = await count();
    const response = await callAction(login, { form: { email: 'applicant@demo.matchfund.hk', password: DEMO_PASSWORD, redirectTo } });
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toMatch(/^\/(account|businesses\/new\?welcome=1)$/);
    expect(await count()).toBe(before + 1);
  });

  it('when the password queue is full, says "busy, try again" (503) and counts no attempt', async () => {
    // Each of the crowd's checks takes ~4× a normal one (timeCost 8), so the queue is still full when the login, which
    // first reads its throttle from the database, asks for its turn — even on a busy machine.
    const hash = await argon2Hash('x', { algorithm: 2, memoryCost: 19_456, timeCost: 8, parallelism: 1 });
    const attempts = async () =>
      (await t.db.selectFrom('loginAttempts').select('id').where('email', '=', 'vendor@demo.matchfund.hk').execute()).length;
    const before = await attempts();
    const crowd = Array.from({ length: PASSWORD_WORK.concurrency + PASSWORD_WORK.maxQueue }, () =>
      verifyPassword({ hash, password: 'x' }).catch(() => false),
    );
    const response = await callAction(login, { form: { email: 'vendor@demo.matchfund.hk', password: 'whatever it is' } });
    await Promise.all(crowd);
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('5');
    expect(await response.json()).toMatchObject({ fieldErrors: {}, formErrors: ['auth:too_busy'] });
    expect(await attempts()).toBe(before);
  });

  it('answers a wrong password with a translated form error and keeps the email', async () => {
    const response = await callAction(login, { form: { email: 'applicant@demo.matchfund.hk', password: 'nope' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      fieldErrors: {},
      formErrors: ['auth:invalid_credentials'],
      values: { email: 'applicant@demo.matchfund.hk' },
    });
  });

  it('answers malformed input with field errors, never a 500', async () => {
    const response = await callAction(login, { form: { email: ['a', 'b'], password: 'x'.repeat(5000) } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['email', 'password']);
  });

  it('refuses a body larger than a form could be (413)', async () => {
    const response = await callAction(login, { form: { email: 'x'.repeat(300_000), password: 'x' } });
    expect(response.status).toBe(413);
  });
});

describe('register route', () => {
  it('creates an applicant, remembers their language and sends them to log in', async () => {
    const response = await callAction(register, {
      form: {
        role: 'applicant',
        displayName: '陳大文',
        email: 'tai.man@example.com',
        password: 'a long enough password',
        confirmPassword: 'a long enough password',
      },
      headers: { 'Accept-Language': 'zh-HK,zh;q=0.9' },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login?registered=1');
    expect(response.headers.get('Set-Cookie')).toBeNull();
    const user = await t.db.selectFrom('users').selectAll().where('email', '=', 'tai.man@example.com').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'applicant', displayName: '陳大文', locale: 'zh-HK' });
  });

  it.each(['1234567890', 'Password123', 'qwertyuiop', 'common.pw@example.com'])('refuses the common password %j', async (password) => {
    const response = await callAction(register, {
      form: { role: 'applicant', displayName: 'Common', email: 'common.pw@example.com', password, confirmPassword: password },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ fieldErrors: { password: ['errors:password_common'] } });
    expect(await t.db.selectFrom('users').select('id').where('email', '=', 'common.pw@example.com').executeTakeFirst()).toBeUndefined();
  });

  it('never creates staff accounts from the public form', async () => {
    const response = await callAction(register, {
      form: {
        role: 'officer',
        displayName: 'Sneaky',
        email: 'sneaky@example.com',
        password: 'a long enough password',
        confirmPassword: 'a long enough password',
      },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ fieldErrors: { role: ['errors:choose_role'] } });
    expect(await t.db.selectFrom('users').select('id').where('email', '=', 'sneaky@example.com').executeTakeFirst()).toBeUndefined();
  });

  it('shows every field error at once and gives back what was typed, without the passwords', async () => {
    const response = await callAction(register, {
      form: { role: 'vendor', displayName: '', email: 'not-an-email', password: 'short', confirmPassword: 'different' },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string[]>; values: Record<string, string> };
    expect(body.fieldErrors).toMatchObject({
      displayName: ['errors:required'],
      email: ['errors:email_invalid'],
      password: ['errors:password_too_short'],
    });
    expect(body.values).toEqual({ role: 'vendor', displayName: '', email: 'not-an-email' });
  });

  it('answers an email that already has an account exactly as a new one, makes no account, and tells the owner once a day', async () => {
    const registerAs = async (email: string) => {
      const response = await callAction(register, {
        form: {
          role: 'applicant',
          displayName: 'Copy',
          email,
          password: 'a long enough password',
          confirmPassword: 'a long enough password',
        },
      });
      return {
        status: response.status,
        location: response.headers.get('Location'),
        cookie: response.headers.get('Set-Cookie'),
        body: await response.text(),
      };
    };
    const owner = await t.db
      .selectFrom('users')
      .select(['id', 'displayName'])
      .where('email', '=', 'applicant@demo.matchfund.hk')
      .executeTakeFirstOrThrow();
    const fresh = await registerAs('someone.new@example.com');
    const taken = await registerAs('APPLICANT@demo.matchfund.hk');
    expect(taken).toEqual(fresh);
    const users = await t.db
      .selectFrom('users')
      .select(['id', 'displayName'])
      .where(sql`lower(email)`, '=', 'applicant@demo.matchfund.hk')
      .execute();
    expect(users).toEqual([owner]);
    await registerAs('applicant@demo.matchfund.hk');
    const told = await t.db
      .selectFrom('notifications')
      .select(['template', 'applicationId'])
      .where('userId', '=', owner.id)
      .where('template', '=', 'registration_attempt')
      .execute();
    expect(told).toEqual([{ template: 'registration_attempt', applicationId: null }]);
    const messages = await t.db.selectFrom('outbox').select('payload').where('idempotencyKey', 'like', 'notification-%').execute();
    const toOwner = messages.filter(
      (m) => (m.payload as { template?: string; to?: { email?: string } }).template === 'registration_attempt',
    );
    expect(toOwner).toHaveLength(1);
    expect(toOwner[0]!.payload).toMatchObject({ to: { email: 'applicant@demo.matchfund.hk' } });
  });
});

describe('account and language', () => {
  it('sends an anonymous visitor to log in, and back afterwards', async () => {
    const response = await callLoader(account, { path: '/account' });
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Faccount');
  });

  it('saves the language choice on the account and in a cookie', async () => {
    const session = await sessionFor(t.db, 'vendor@demo.matchfund.hk');
    const response = await callAction(setLanguage, { as: session, form: { lng: 'zh-CN', redirectTo: '/solutions?page=2' } });
    expect(response.headers.get('Location')).toBe('/solutions?page=2');
    expect(response.headers.get('Set-Cookie')).toMatch(/^mf_lng=/);
    const user = await t.db.selectFrom('users').select('locale').where('email', '=', 'vendor@demo.matchfund.hk').executeTakeFirstOrThrow();
    expect(user.locale).toBe('zh-CN');
  });

  it.each(['/\t/evil.example', '//evil.example', '/\\evil.example', '/a\r\nX: y', '/解決方案'])(
    'the language switch never leaves the site (redirectTo %j)',
    async (redirectTo) => {
      const response = await callAction(setLanguage, { form: { lng: 'en', redirectTo } });
      expect(response.status).toBe(302);
      expect(response.headers.get('Location')).toBe('/');
    },
  );

  it('refuses an unknown language', async () => {
    const response = await callAction(setLanguage, { form: { lng: 'fr' } });
    expect(response.status).toBe(400);
  });

  it('changes the password only with the current one', async () => {
    const session = await sessionFor(t.db, 'officer2@demo.matchfund.hk');
    const wrong = await callAction(account, {
      as: session,
      form: { currentPassword: 'nope', newPassword: 'brand new password', confirmPassword: 'brand new password' },
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ fieldErrors: { currentPassword: ['auth:wrong_current_password'] } });
    const right = await callAction(account, {
      as: session,
      form: { currentPassword: DEMO_PASSWORD, newPassword: 'brand new password', confirmPassword: 'brand new password' },
    });
    expect(right.status).toBe(302);
    expect(right.headers.get('Location')).toBe('/account?changed=1');
    expect(right.headers.get('Set-Cookie')).toMatch(/^mf_session=/);
  });

  it('logout deletes the session row', async () => {
    const session = await sessionFor(t.db, 'admin@demo.matchfund.hk');
    const before = await t.db.selectFrom('sessions').select('id').execute();
    const response = await callAction(logout, { as: session });
    expect(response.status).toBe(302);
    const after = await t.db.selectFrom('sessions').select('id').execute();
    expect(after).toHaveLength(before.length - 1);
    // The old cookie opens nothing any more.
    expect((await callLoader(account, { as: session, path: '/account' })).headers.get('Location')).toBe('/login?redirectTo=%2Faccount');
  });
});

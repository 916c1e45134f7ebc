import { hash as argon2Hash } from '@node-rs/argon2';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action as accountAction, loader as accountLoader } from '../../app/routes/account';
import { action as loginAction } from '../../app/routes/login';
import { action as logoutAction } from '../../app/routes/logout';
import { action as registerAction } from '../../app/routes/register';
import { action as languageAction } from '../../app/routes/set-language';
import { languageCookie } from '../../app/lib/cookies.server';
import { PASSWORD_WORK, verifyPassword } from '../../app/lib/password.server';
import { DEMO_PASSWORD } from '../../db/seed';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { contextFor, getRequest, postForm, respond, sessionFor } from '../support/requests';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const args = (request: Request) => ({ request, params: {}, context: contextFor(t.db) });

describe('CSRF', () => {
  it.each([
    ['missing', null],
    ['wrong', 'B'.repeat(43)],
    ['short', 'abc'],
  ])('refuses a login form with a %s token (403) and writes nothing', async (_label, csrf) => {
    const request = await postForm('/login', { email: 'applicant@demo.matchfund.hk', password: DEMO_PASSWORD }, { csrf });
    const response = await respond(() => loginAction(args(request)));
    expect(response.status).toBe(403);
    const attempts = await t.db.selectFrom('loginAttempts').select('id').execute();
    expect(attempts).toHaveLength(0);
  });

  it('refuses logout, language and register posts without the token', async () => {
    for (const run of [logoutAction, languageAction, registerAction]) {
      const response = await respond(async () => run(args(await postForm('/x', { lng: 'en' }, { csrf: null }))));
      expect(response.status).toBe(403);
    }
  });
});

describe('login route', () => {
  it('logs in, sets an HttpOnly SameSite=Lax session cookie and goes to the role home', async () => {
    const request = await postForm('/login', { email: 'officer@demo.matchfund.hk', password: DEMO_PASSWORD });
    const response = await respond(() => loginAction(args(request)));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/officer');
    const cookie = response.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/^mf_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('a language chosen before logging in is saved on the account', async () => {
    const request = await postForm('/login', { email: 'officer2@demo.matchfund.hk', password: DEMO_PASSWORD });
    request.headers.set('Cookie', `${request.headers.get('Cookie')}; ${(await languageCookie.serialize('zh-HK')).split(';')[0]}`);
    expect((await respond(() => loginAction(args(request)))).status).toBe(302);
    const user = await t.db
      .selectFrom('users')
      .select('locale')
      .where('email', '=', 'officer2@demo.matchfund.hk')
      .executeTakeFirstOrThrow();
    expect(user.locale).toBe('zh-HK');
  });

  it('never redirects off the site', async () => {
    for (const redirectTo of ['//evil.example', 'https://evil.example', '/\\evil.example']) {
      const request = await postForm('/login', { email: 'applicant@demo.matchfund.hk', password: DEMO_PASSWORD, redirectTo });
      const response = await respond(() => loginAction(args(request)));
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
    const request = await postForm('/login', { email: 'applicant@demo.matchfund.hk', password: DEMO_PASSWORD, redirectTo });
    const response = await respond(() => loginAction(args(request)));
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
    const request = await postForm('/login', { email: 'vendor@demo.matchfund.hk', password: 'whatever it is' });
    const crowd = Array.from({ length: PASSWORD_WORK.concurrency + PASSWORD_WORK.maxQueue }, () =>
      verifyPassword({ hash, password: 'x' }).catch(() => false),
    );
    const response = await respond(() => loginAction(args(request)));
    await Promise.all(crowd);
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('5');
    expect(await response.json()).toMatchObject({ fieldErrors: {}, formErrors: ['auth:too_busy'] });
    expect(await attempts()).toBe(before);
  });

  it('answers a wrong password with a translated form error and keeps the email', async () => {
    const request = await postForm('/login', { email: 'applicant@demo.matchfund.hk', password: 'nope' });
    const response = await respond(() => loginAction(args(request)));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      fieldErrors: {},
      formErrors: ['auth:invalid_credentials'],
      values: { email: 'applicant@demo.matchfund.hk' },
    });
  });

  it('answers malformed input with field errors, never a 500', async () => {
    const request = await postForm('/login', { email: ['a', 'b'], password: 'x'.repeat(5000) });
    const response = await respond(() => loginAction(args(request)));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['email', 'password']);
  });

  it('refuses a body larger than a form could be (413)', async () => {
    const request = await postForm('/login', { email: 'x'.repeat(300_000), password: 'x' });
    const response = await respond(() => loginAction(args(request)));
    expect(response.status).toBe(413);
  });
});

describe('register route', () => {
  it('creates an applicant, remembers their language and sends them to log in', async () => {
    const request = await postForm('/register', {
      role: 'applicant',
      displayName: '陳大文',
      email: 'tai.man@example.com',
      password: 'a long enough password',
      confirmPassword: 'a long enough password',
    });
    request.headers.set('Accept-Language', 'zh-HK,zh;q=0.9');
    const response = await respond(() => registerAction(args(request)));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login?registered=1');
    expect(response.headers.get('Set-Cookie')).toBeNull();
    const user = await t.db.selectFrom('users').selectAll().where('email', '=', 'tai.man@example.com').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'applicant', displayName: '陳大文', locale: 'zh-HK' });
  });

  it.each(['1234567890', 'Password123', 'qwertyuiop', 'common.pw@example.com'])('refuses the common password %j', async (password) => {
    const request = await postForm('/register', {
      role: 'applicant',
      displayName: 'Common',
      email: 'common.pw@example.com',
      password,
      confirmPassword: password,
    });
    const response = await respond(() => registerAction(args(request)));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ fieldErrors: { password: ['errors:password_common'] } });
    expect(await t.db.selectFrom('users').select('id').where('email', '=', 'common.pw@example.com').executeTakeFirst()).toBeUndefined();
  });

  it('never creates staff accounts from the public form', async () => {
    const request = await postForm('/register', {
      role: 'officer',
      displayName: 'Sneaky',
      email: 'sneaky@example.com',
      password: 'a long enough password',
      confirmPassword: 'a long enough password',
    });
    const response = await respond(() => registerAction(args(request)));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ fieldErrors: { role: ['errors:choose_role'] } });
    expect(await t.db.selectFrom('users').select('id').where('email', '=', 'sneaky@example.com').executeTakeFirst()).toBeUndefined();
  });

  it('shows every field error at once and gives back what was typed, without the passwords', async () => {
    const request = await postForm('/register', {
      role: 'vendor',
      displayName: '',
      email: 'not-an-email',
      password: 'short',
      confirmPassword: 'different',
    });
    const response = await respond(() => registerAction(args(request)));
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
    const register = async (email: string) => {
      const request = await postForm('/register', {
        role: 'applicant',
        displayName: 'Copy',
        email,
        password: 'a long enough password',
        confirmPassword: 'a long enough password',
      });
      const response = await respond(() => registerAction(args(request)));
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
    const fresh = await register('someone.new@example.com');
    const taken = await register('APPLICANT@demo.matchfund.hk');
    expect(taken).toEqual(fresh);
    const users = await t.db
      .selectFrom('users')
      .select(['id', 'displayName'])
      .where(sql`lower(email)`, '=', 'applicant@demo.matchfund.hk')
      .execute();
    expect(users).toEqual([owner]);
    await register('applicant@demo.matchfund.hk');
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
    const response = await respond(() => accountLoader(args(new Request('http://localhost/account'))));
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Faccount');
  });

  it('saves the language choice on the account and in a cookie', async () => {
    const session = await sessionFor(t.db, 'vendor@demo.matchfund.hk');
    const request = await postForm('/set-language', { lng: 'zh-CN', redirectTo: '/solutions?page=2' }, { session });
    const response = await respond(() => languageAction(args(request)));
    expect(response.headers.get('Location')).toBe('/solutions?page=2');
    expect(response.headers.get('Set-Cookie')).toMatch(/^mf_lng=/);
    const user = await t.db.selectFrom('users').select('locale').where('email', '=', 'vendor@demo.matchfund.hk').executeTakeFirstOrThrow();
    expect(user.locale).toBe('zh-CN');
  });

  it.each(['/\t/evil.example', '//evil.example', '/\\evil.example', '/a\r\nX: y', '/解決方案'])(
    'the language switch never leaves the site (redirectTo %j)',
    async (redirectTo) => {
      const response = await respond(async () => languageAction(args(await postForm('/set-language', { lng: 'en', redirectTo }))));
      expect(response.status).toBe(302);
      expect(response.headers.get('Location')).toBe('/');
    },
  );

  it('refuses an unknown language', async () => {
    const response = await respond(async () => languageAction(args(await postForm('/set-language', { lng: 'fr' }))));
    expect(response.status).toBe(400);
  });

  it('changes the password only with the current one', async () => {
    const session = await sessionFor(t.db, 'officer2@demo.matchfund.hk');
    const wrong = await respond(async () =>
      accountAction(
        args(
          await postForm(
            '/account',
            { currentPassword: 'nope', newPassword: 'brand new password', confirmPassword: 'brand new password' },
            { session },
          ),
        ),
      ),
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ fieldErrors: { currentPassword: ['auth:wrong_current_password'] } });
    const right = await respond(async () =>
      accountAction(
        args(
          await postForm(
            '/account',
            { currentPassword: DEMO_PASSWORD, newPassword: 'brand new password', confirmPassword: 'brand new password' },
            { session },
          ),
        ),
      ),
    );
    expect(right.status).toBe(302);
    expect(right.headers.get('Location')).toBe('/account?changed=1');
    expect(right.headers.get('Set-Cookie')).toMatch(/^mf_session=/);
  });

  it('logout deletes the session row', async () => {
    const session = await sessionFor(t.db, 'admin@demo.matchfund.hk');
    const before = await t.db.selectFrom('sessions').select('id').execute();
    const response = await respond(async () => logoutAction(args(await postForm('/logout', {}, { session }))));
    expect(response.status).toBe(302);
    const after = await t.db.selectFrom('sessions').select('id').execute();
    expect(after).toHaveLength(before.length - 1);
    expect(await getRequest('/')).toBeInstanceOf(Request);
  });
});

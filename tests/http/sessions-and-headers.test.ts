// Over HTTP against the built server with SECURE_COOKIES=true: sessions across a password change, and the headers
// every response needs (HSTS; no-store on whatever depends on the session).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed';
import { startBuiltServer, type BuiltServer } from '../support/built-server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { csrfCookiePair, logIn, postForm } from '../support/http';

let t: TestDatabase;
let server: BuiltServer;
beforeAll(async () => {
  t = await createTestDatabase({ max: 2 });
  server = await startBuiltServer({ env: { DATABASE_URL: t.url, SECURE_COOKIES: 'true' } });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await t?.drop();
});

const get = async (pathname: string, cookie?: string) =>
  fetch(server.url + pathname, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });

describe('changing the password from a plain HTML form (no JavaScript)', () => {
  it('keeps the user signed in with a new session, and ends the old one', async () => {
    const old = await logIn(server.url, 'officer2@demo.matchfund.hk');
    const response = await postForm(
      server.url,
      '/account',
      { currentPassword: DEMO_PASSWORD, newPassword: 'harbour lanterns at dusk', confirmPassword: 'harbour lanterns at dusk' },
      { session: old },
    );
    const fresh = /mf_session=[^;]+/.exec(response.headers.get('Set-Cookie') ?? '')?.[0];
    expect(fresh, `status ${response.status} → ${response.headers.get('Location')}`).toBeDefined();
    expect(fresh).not.toBe(old);
    const next = await get(response.headers.get('Location') ?? '/account', `${await csrfCookiePair()}; ${fresh}`);
    expect(next.status).toBe(200);
    expect(await next.text()).toContain('officer2@demo.matchfund.hk');
    expect((await get('/account', old)).headers.get('Location')).toMatch(/^\/login/);
  });
});

describe('headers', () => {
  it('HSTS on pages, data, static files and health checks when SECURE_COOKIES=true', async () => {
    for (const pathname of ['/', '/solutions?_data=routes%2Fsolutions._index', '/favicon.svg', '/healthz', '/no-such-page']) {
      const response = await get(pathname);
      expect(response.headers.get('Strict-Transport-Security'), pathname).toMatch(/max-age=\d{7,}/);
    }
  });

  it('page data of a signed-in user (?_data=) is never stored', async () => {
    const session = await logIn(server.url, 'applicant@demo.matchfund.hk');
    for (const [pathname, route] of [
      ['/account', 'root'],
      ['/account', 'routes/account'],
      ['/applications', 'routes/applications._index'],
      ['/notifications', 'routes/notifications'],
    ] as const) {
      const response = await get(`${pathname}?_data=${encodeURIComponent(route)}`, session);
      expect(response.status, `${pathname} ${route}`).toBe(200);
      expect(response.headers.get('Cache-Control'), `${pathname} ${route}`).toMatch(/no-store/);
    }
  });
});

// Where logging in leads (issue 12 §7): a safe page that asked for the login, else the role's home — and a new shop
// owner, who has no business yet, straight to adding it. Never off the site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as loginPage from '../../app/routes/login';
import * as register from '../../app/routes/register';
import { DEMO_PASSWORD } from '../../db/seed';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeEnterprise } from '../support/fixtures';
import { routeCalls } from '../support/requests';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  // The demo shop owner keeps a business, as in the demo.
  const owner = await t.db.selectFrom('users').select('id').where('email', '=', 'applicant@demo.matchfund.hk').executeTakeFirstOrThrow();
  const has = await t.db.selectFrom('enterprises').select('id').where('ownerUserId', '=', owner.id).executeTakeFirst();
  if (!has) await makeEnterprise(t.db, owner.id);
});
afterAll(async () => {
  await t.drop();
});

const { callAction, callLoader } = routeCalls(() => t.db);
const NEW_PASSWORD = 'a long enough password';

async function login(email: string, password: string, redirectTo?: string) {
  const response = await callAction(loginPage, { form: redirectTo === undefined ? { email, password } : { email, password, redirectTo } });
  expect(response.status).toBe(302);
  return response.headers.get('Location');
}

async function registerShopOwner(email: string) {
  const response = await callAction(register, {
    form: { role: 'applicant', displayName: 'New Owner', email, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
  });
  expect(response.headers.get('Location')).toBe('/login?registered=1');
}

describe('landing after login', () => {
  it.each([
    ['applicant@demo.matchfund.hk', '/account'],
    ['vendor@demo.matchfund.hk', '/vendor'],
    ['officer@demo.matchfund.hk', '/officer'],
    ['admin@demo.matchfund.hk', '/admin'],
  ])('%s lands on its home', async (email, home) => {
    expect(await login(email, DEMO_PASSWORD)).toBe(home);
  });

  it('a new shop owner lands on adding the business, until they have one; then on the task list', async () => {
    await registerShopOwner('first.steps@example.com');
    expect(await login('first.steps@example.com', NEW_PASSWORD)).toBe('/businesses/new?welcome=1');
    const user = await t.db.selectFrom('users').select('id').where('email', '=', 'first.steps@example.com').executeTakeFirstOrThrow();
    await makeEnterprise(t.db, user.id);
    expect(await login('first.steps@example.com', NEW_PASSWORD)).toBe('/account');
  });

  it('returns to the page that asked for the login (a package page with its chosen features)', async () => {
    await registerShopOwner('from.package@example.com');
    expect(await login('from.package@example.com', NEW_PASSWORD, '/solutions/3?features=7&features=9')).toBe(
      '/solutions/3?features=7&features=9',
    );
    expect(await login('vendor@demo.matchfund.hk', DEMO_PASSWORD, '/vendor/enquiries?status=sent')).toBe('/vendor/enquiries?status=sent');
  });

  it.each(['//evil.example/x', 'https://evil.example', '/\\evil.example', '/%2F%2Fevil.example', ''])(
    'ignores the unsafe or empty redirectTo %j',
    async (redirectTo) => {
      await registerShopOwner(`wary.${redirectTo.length}@example.com`);
      expect(await login(`wary.${redirectTo.length}@example.com`, NEW_PASSWORD, redirectTo)).toBe('/businesses/new?welcome=1');
      expect(await login('officer@demo.matchfund.hk', DEMO_PASSWORD, redirectTo)).toBe('/officer');
    },
  );

  it('the login page, opened when already signed in, goes on to where the login would have led', async () => {
    const vendor = 'vendor@demo.matchfund.hk';
    const onward = await callLoader(loginPage, { as: vendor, path: '/login', search: { redirectTo: '/vendor/applications' } });
    expect(onward.headers.get('Location')).toBe('/vendor/applications');
    const foreign = await callLoader(loginPage, { as: vendor, path: '/login', search: { redirectTo: '//evil.example' } });
    expect(foreign.headers.get('Location')).toBe('/vendor');
  });
});

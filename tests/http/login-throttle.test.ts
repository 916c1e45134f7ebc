// Over HTTP against the built server behind one (simulated) proxy: the client cannot choose its address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_FREE_FAILURES, PAIR_MAX_FAILURES } from '../../app/domain/login-throttle';
import { startBuiltServer, type BuiltServer } from '../support/built-server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { postForm } from '../support/http';

let t: TestDatabase;
let server: BuiltServer;
beforeAll(async () => {
  t = await createTestDatabase({ max: 2 });
  server = await startBuiltServer({ env: { DATABASE_URL: t.url, TRUST_PROXY: '1' } });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await t?.drop();
});

const guess = (email: string, i: number, forwardedFor: string) =>
  postForm(server.url, '/login', { email, password: `wrong guess ${i}` }, { headers: { 'X-Forwarded-For': forwardedFor } }).then(
    (r) => r.status,
  );

describe('login throttling behind one proxy (TRUST_PROXY=1)', () => {
  it('40 guesses each with a made-up X-Forwarded-For are counted against the address the proxy saw', async () => {
    const statuses: number[] = [];
    // The proxy appends the address it saw; whatever the client wrote before it is ignored.
    for (let i = 0; i < 40; i++) statuses.push(await guess('applicant@demo.matchfund.hk', i, `198.51.100.${i}, 203.0.113.7`));
    expect(statuses.filter((s) => s === 400)).toHaveLength(PAIR_MAX_FAILURES);
    expect(statuses.slice(PAIR_MAX_FAILURES).every((s) => s === 429)).toBe(true);
  });

  it('40 at once from one address check at most the allowed number of passwords', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => guess('vendor@demo.matchfund.hk', i, `198.51.100.${i}, 203.0.113.8`)),
    );
    expect(statuses.filter((s) => s === 400)).toHaveLength(PAIR_MAX_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - PAIR_MAX_FAILURES);
  });

  it('40 guesses from 40 real addresses: the account itself is throttled', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push(await guess('officer2@demo.matchfund.hk', i, `203.0.113.${100 + i}`));
    expect(statuses.filter((s) => s === 400)).toHaveLength(ACCOUNT_FREE_FAILURES);
    const refused = await postForm(
      server.url,
      '/login',
      { email: 'officer2@demo.matchfund.hk', password: 'x' },
      { headers: { 'X-Forwarded-For': '203.0.113.250' } },
    );
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
  });
});

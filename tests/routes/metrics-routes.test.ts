import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const TOKEN = vi.hoisted(() => {
  const token = 'scraper-token-0123456789abcdef';
  process.env.METRICS_TOKEN = token;
  return token;
});

import { mayReadMetrics, parseAllowList, type MetricsAccess } from '../../app/lib/metrics.server';
import { lapseJobRun, logDeliveryAttempt } from '../../app/lib/logging.server';
import * as metrics from '../../app/routes/metrics';
import { submitApplication } from '../../app/services/applications.server';
import { assignToMe, decideApplication } from '../../app/services/officer.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';
import { routeCalls } from '../support/requests';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const { callLoader } = routeCalls(() => t.db);
const scrape = (clientIp: string, headers: Record<string, string> = {}) =>
  callLoader(metrics, { path: '/metrics', headers, context: { clientIp } });

/** The value of one sample line, e.g. matchfund_applications{status="approved"}. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('who may read /metrics', () => {
  const access = (allow: string, token?: string, trustProxy = false): MetricsAccess => ({
    allow: parseAllowList(allow),
    token,
    trustProxy,
  });
  const headers = (init: Record<string, string> = {}) => new Headers(init);

  it('by default only the machine itself (loopback, IPv4, IPv6 and IPv4-mapped)', () => {
    const loopback = access('127.0.0.0/8,::1');
    for (const ip of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])
      expect(mayReadMetrics({ clientIp: ip, headers: headers(), access: loopback })).toBe(true);
    for (const ip of ['10.0.0.5', '::ffff:10.0.0.5', '2001:db8::1', 'unknown', ''])
      expect(mayReadMetrics({ clientIp: ip, headers: headers(), access: loopback })).toBe(false);
  });

  it('configured networks and single addresses', () => {
    const office = access('10.20.0.0/16, 192.0.2.7, 2001:db8::/32');
    expect(mayReadMetrics({ clientIp: '10.20.99.1', headers: headers(), access: office })).toBe(true);
    expect(mayReadMetrics({ clientIp: '10.21.0.1', headers: headers(), access: office })).toBe(false);
    expect(mayReadMetrics({ clientIp: '192.0.2.7', headers: headers(), access: office })).toBe(true);
    expect(mayReadMetrics({ clientIp: '192.0.2.8', headers: headers(), access: office })).toBe(false);
    expect(mayReadMetrics({ clientIp: '2001:db8:5::9', headers: headers(), access: office })).toBe(true);
    expect(() => parseAllowList('10.0.0.0/33')).toThrow(/METRICS_ALLOW/);
    expect(() => parseAllowList('example.com')).toThrow(/METRICS_ALLOW/);
  });

  it('a bearer token from anywhere; a wrong one from nowhere', () => {
    const withToken = access('127.0.0.1', 'a-long-enough-secret-token');
    expect(
      mayReadMetrics({
        clientIp: '203.0.113.9',
        headers: headers({ Authorization: 'Bearer a-long-enough-secret-token' }),
        access: withToken,
      }),
    ).toBe(true);
    expect(mayReadMetrics({ clientIp: '203.0.113.9', headers: headers({ Authorization: 'Bearer wrong' }), access: withToken })).toBe(false);
    expect(mayReadMetrics({ clientIp: '127.0.0.1', headers: headers({ Authorization: 'Bearer wrong' }), access: withToken })).toBe(false);
    expect(
      mayReadMetrics({
        clientIp: '203.0.113.9',
        headers: headers({ Authorization: 'Bearer a-long-enough-secret-token' }),
        access: access('127.0.0.1'),
      }),
    ).toBe(false);
  });

  it('a request through an untrusted proxy is not "from loopback" just because the proxy is', () => {
    const proxied = headers({ 'X-Forwarded-For': '203.0.113.9' });
    expect(mayReadMetrics({ clientIp: '127.0.0.1', headers: proxied, access: access('127.0.0.0/8') })).toBe(false);
    // With TRUST_PROXY the address already is the real client's: it decides.
    expect(mayReadMetrics({ clientIp: '127.0.0.1', headers: proxied, access: access('127.0.0.0/8', undefined, true) })).toBe(true);
  });

  it('the route answers 403 to others and 200 to loopback or the token', async () => {
    const denied = await scrape('203.0.113.9');
    expect(denied.status).toBe(403);
    expect(await denied.text()).toBe('forbidden\n');
    expect((await scrape('203.0.113.9', { Authorization: 'Bearer nope' })).status).toBe(403);
    expect((await scrape('203.0.113.9', { Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    const allowed = await scrape('127.0.0.1');
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('Content-Type')).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});

describe('what /metrics says', () => {
  it('requests, pool, outbox, jobs, applications by status and the budget, from the database at scrape time', async () => {
    // Three submitted applications, one of them approved.
    const officer = await makeUser(t.db, 'officer');
    const references: string[] = [];
    for (let i = 0; i < 3; i++) {
      const user = await makeUser(t.db);
      const enterpriseId = await makeEnterprise(t.db, user.id);
      const pkg = await makeListedSolution(t.db, { priceCents: 30_000_00 });
      const quotationId = await makeQuotation(t.db, {
        userId: user.id,
        enterpriseId,
        solutionId: pkg.solutionId,
        vendorUserId: pkg.vendorUserId,
      });
      const reference = await makeDraft(t.db, { userId: user.id, quotationId });
      expect((await submitApplication({ db: t.db, userId: user.id, reference })).ok).toBe(true);
      references.push(reference);
    }
    await assignToMe({ db: t.db, officerId: officer.id, reference: references[0]! });
    expect(
      (
        await decideApplication({
          db: t.db,
          officerId: officer.id,
          reference: references[0]!,
          expectedStatus: 'under_review',
          decision: { action: 'approve' },
        })
      ).ok,
    ).toBe(true);
    await t.db
      .updateTable('outbox')
      .set({ status: 'failed' })
      .where('id', '=', (eb) => eb.selectFrom('outbox').select((e) => e.fn.min('id').as('id')))
      .execute();
    logDeliveryAttempt({ topic: 'payment', messageId: 1, attempt: 3, outcome: 'failed', durationMs: 12, error: 'gateway answered 500' });
    lapseJobRun({ durationMs: 5, lapsed: ['MF-X'] });
    await new Promise((r) => setTimeout(r, 5_100)); // past the few seconds the database figures are kept

    const text = await (await scrape('::1')).text();
    const counts = await t.db
      .selectFrom('applications')
      .select((eb) => ['status', eb.fn.countAll<string>().as('n')])
      .where('status', '<>', 'draft')
      .groupBy('status')
      .execute();
    for (const { status, n } of counts) expect(sample(text, `matchfund_applications{status="${status}"}`)).toBe(Number(n));
    expect(sample(text, 'matchfund_applications{status="approved"}')).toBe(1);
    expect(sample(text, 'matchfund_programme_budget_cents')).toBe(500_000_000_00);
    expect(sample(text, 'matchfund_programme_approved_cents')).toBe(15_000_00);
    expect(sample(text, 'matchfund_programme_committed_cents')).toBe(45_000_00);
    expect(sample(text, 'matchfund_programme_remaining_cents')).toBe(500_000_000_00 - 15_000_00);
    const outbox = await t.db
      .selectFrom('outbox')
      .select((eb) => ['status', eb.fn.countAll<string>().as('n')])
      .where('topic', '=', 'notification')
      .groupBy('status')
      .execute();
    for (const { status, n } of outbox.filter((row) => row.status === 'pending' || row.status === 'failed')) {
      expect(sample(text, `matchfund_outbox_messages{topic="notification",status="${status}"}`)).toBe(Number(n));
    }
    expect(sample(text, 'matchfund_outbox_messages{topic="notification",status="failed"}')).toBe(1);
    expect(sample(text, 'matchfund_outbox_oldest_pending_seconds{topic="notification"}')).toBeGreaterThanOrEqual(5);
    expect(sample(text, 'matchfund_outbox_delivery_attempts_total{topic="payment",outcome="failed"}')).toBe(1);
    expect(sample(text, 'matchfund_job_runs_total{job="lapse",outcome="ok"}')).toBe(1);
    expect(sample(text, 'matchfund_applications_lapsed_total')).toBe(1);
    expect(sample(text, 'matchfund_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^# TYPE matchfund_db_pool_connections gauge$/m);
    expect(sample(text, 'matchfund_db_pool_connections{state="waiting"}')).toBe(0);
    // The scrapes above were requests too, but the histogram is fed by the HTTP layer; here nothing went through it.
    expect(text).toMatch(/^# TYPE http_request_duration_seconds histogram$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });
});

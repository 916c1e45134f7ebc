// The built server, started on a test database, logs one JSON line per request with the route's pattern, the user
// and the request id — and never a password, token, cookie, document or bank detail. Errors are logged once with
// their stack and the id, which the friendly 500 page shows.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfCookie } from '../../app/lib/cookies.server';
import { submitApplication } from '../../app/services/applications.server';
import { confirmDeployment, reportDeployment } from '../../app/services/claims.server';
import { assignToMe, decideApplication } from '../../app/services/officer.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';
import { sessionForUserId } from '../support/requests';

const PASSWORD = 'test password 123'; // what makeUser gives every account
const DOCUMENT_MARKER = `quotation-body-${crypto.randomBytes(6).toString('hex')}`;
const BANK_ACCOUNT = '012-345678-901';
// The business's account given with the claim (BOCHK, branch 875): its number must never reach a log line.
const CLAIM_ACCOUNT_NUMBER = '90817263';
const CSRF = crypto.randomBytes(32).toString('base64url');

let t: TestDatabase;
let server: ChildProcess;
let base: string;
let output = '';
let applicant: { id: number; email: string };
let quotationId: number;
let deployedReference: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  const build = spawnSync(process.execPath, ['node_modules/@remix-run/dev/dist/cli.js', 'build'], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error(`remix build failed:\n${build.stderr}`);

  const user = await makeUser(t.db);
  applicant = { id: user.id, email: user.email };
  const enterpriseId = await makeEnterprise(t.db, user.id);
  const pkg = await makeListedSolution(t.db, { priceCents: 20_000_00 });
  quotationId = await makeQuotation(t.db, { userId: user.id, enterpriseId, solutionId: pkg.solutionId, vendorUserId: pkg.vendorUserId });
  // A second application, approved and in use, ready for its claim.
  const other = await makeListedSolution(t.db, { priceCents: 20_000_00, category: 'online_promotion' });
  const otherQuotation = await makeQuotation(t.db, {
    userId: user.id,
    enterpriseId,
    solutionId: other.solutionId,
    vendorUserId: other.vendorUserId,
  });
  deployedReference = await makeDraft(t.db, { userId: user.id, quotationId: otherQuotation });
  expect((await submitApplication({ db: t.db, userId: user.id, reference: deployedReference })).ok).toBe(true);
  const officer = await makeUser(t.db, 'officer');
  await assignToMe({ db: t.db, officerId: officer.id, reference: deployedReference });
  expect(
    (
      await decideApplication({
        db: t.db,
        officerId: officer.id,
        reference: deployedReference,
        expectedStatus: 'under_review',
        decision: { action: 'approve' },
      })
    ).ok,
  ).toBe(true);
  expect((await reportDeployment({ db: t.db, vendorUserId: other.vendorUserId, reference: deployedReference })).ok).toBe(true);
  expect((await confirmDeployment({ db: t.db, userId: user.id, reference: deployedReference })).ok).toBe(true);

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['build/index.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: t.url,
      SEED_DEMO: 'false',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      TRUST_PROXY: '1',
      SECURE_COOKIES: 'true',
      LAPSE_INTERVAL_MS: '86400000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let i = 0; i < 300 && !output.includes('Serving on'); i++) await new Promise((r) => setTimeout(r, 100));
  if (!output.includes('Serving on')) throw new Error(`the server did not start:\n${output}`);
}, 120_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await t?.drop();
});

const csrfPair = async () => (await csrfCookie(true).serialize(CSRF)).split(';')[0]!;
const jsonLines = () =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const requestLine = (requestId: string) => jsonLines().find((line) => line.msg === 'request' && line.requestId === requestId);

async function waitForLine(requestId: string) {
  for (let i = 0; i < 50 && !requestLine(requestId); i++) await new Promise((r) => setTimeout(r, 20));
  return requestLine(requestId);
}

describe('request logs', () => {
  let session = '';

  it('a login logs the request (route, status, id, client) but never the password or the new session', async () => {
    const body = new URLSearchParams({ email: applicant.email, password: PASSWORD, _csrf: CSRF });
    const response = await fetch(`${base}/login?redirectTo=%2Fapplications`, {
      method: 'POST',
      body,
      headers: { Cookie: await csrfPair(), 'X-Forwarded-For': '203.0.113.7', 'X-Request-Id': 'proxy-req-0001' },
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    session = response.headers.get('Set-Cookie')!.split(';')[0]!;
    expect(session).toMatch(/^mf_session=/);
    // The proxy's id is trusted (TRUST_PROXY) and returned.
    expect(response.headers.get('X-Request-Id')).toBe('proxy-req-0001');
    const line = await waitForLine('proxy-req-0001');
    expect(line).toMatchObject({ level: 'info', method: 'POST', route: '/login', status: 302, clientIp: '203.0.113.7' });
    expect(typeof line!.durationMs).toBe('number');
    expect(typeof line!.time).toBe('string');
  });

  it('an upload logs the route pattern and the user, never the document', async () => {
    const page = await fetch(`${base}/applications/new?quotation=${quotationId}`, {
      headers: { Cookie: `${session}; ${await csrfPair()}` },
    });
    expect(page.status).toBe(200);
    const idempotencyKey = /name="idempotencyKey" value="([^"]+)"/.exec(await page.text())![1]!;
    const form = new FormData();
    form.set('_csrf', CSRF);
    form.set('idempotencyKey', idempotencyKey);
    for (const d of [
      'information_true',
      'no_other_public_funding',
      'not_related_to_vendor',
      'deploy_within_six_months',
      'consent_to_checks',
    ])
      form.set(d, 'yes');
    form.set('document', new Blob([`%PDF-1.7\n${DOCUMENT_MARKER}\n`], { type: 'application/pdf' }), `${DOCUMENT_MARKER}.pdf`);
    const response = await fetch(`${base}/applications/new?quotation=${quotationId}`, {
      method: 'POST',
      body: form,
      headers: { Cookie: `${session}; ${await csrfPair()}` },
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    const id = response.headers.get('X-Request-Id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await waitForLine(id)).toMatchObject({
      method: 'POST',
      route: '/applications/new',
      status: 302,
      userId: applicant.id,
      role: 'applicant',
    });
  });

  it("a claim with a bank slip and the business's bank account logs the pattern, not the reference, and none of the papers", async () => {
    const form = new FormData();
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const fields = {
      _csrf: CSRF,
      invoiceNumber: 'INV-7788',
      invoiceDate: today,
      invoiced: '20000',
      paid: '20000',
      paidOn: today,
      payerName: 'LUCKY NOODLE HOUSE LTD.',
      bankCode: '012',
      branchCode: '875',
      accountNumber: CLAIM_ACCOUNT_NUMBER,
      accountName: 'LUCKY NOODLE HOUSE LTD.',
    };
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    form.set('invoiceDocument', new Blob(['%PDF-1.7\ninvoice\n'], { type: 'application/pdf' }), 'invoice.pdf');
    form.set(
      'paymentDocument',
      new Blob([`%PDF-1.7\nBank transfer from account ${BANK_ACCOUNT}\n`], { type: 'application/pdf' }),
      'bank-slip.pdf',
    );
    const response = await fetch(`${base}/applications/${deployedReference}/claim`, {
      method: 'POST',
      body: form,
      headers: { Cookie: `${session}; ${await csrfPair()}` },
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(await waitForLine(response.headers.get('X-Request-Id')!)).toMatchObject({
      method: 'POST',
      route: '/applications/:ref/claim',
      status: 302,
      userId: applicant.id,
    });
  });

  it('an id offered by a client is only a plain token', async () => {
    const response = await fetch(`${base}/healthz`, { headers: { 'X-Request-Id': 'bad id with spaces <x>' } });
    expect(response.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('an unexpected error is logged once with its stack and request id, and the 500 page shows the id', async () => {
    const officer = await makeUser(t.db, 'officer');
    const cookie = await sessionForUserId(t.db, officer.id);
    // The database loses a table under the running app: the queue cannot be read.
    await t.db.schema.alterTable('public_holidays').renameTo('public_holidays_gone').execute();
    try {
      const response = await fetch(`${base}/officer/applications`, { headers: { Cookie: cookie } });
      expect(response.status).toBe(500);
      const id = response.headers.get('X-Request-Id')!;
      const html = await response.text();
      expect(html).toContain(`data-request-id="${id}"`);
      expect(html).not.toContain('public_holidays'); // no internals on the page
      await waitForLine(id);
      const errors = jsonLines().filter((line) => line.level === 'error' && line.requestId === id);
      expect(errors).toHaveLength(1);
      const err = errors[0]!.err as { message: string; stack: string };
      expect(err.message).toMatch(/public_holidays/);
      expect(err.stack).toMatch(/holidays\.server|at /);
      expect(requestLine(id)).toMatchObject({ route: '/officer/applications', status: 500, userId: officer.id, role: 'officer' });
    } finally {
      await t.db.schema.alterTable('public_holidays_gone').renameTo('public_holidays').execute();
    }
  });

  it('nothing secret or personal ever reached the log', () => {
    const token = session.split('=')[1]!;
    expect(token.length).toBeGreaterThan(20);
    for (const secret of [
      PASSWORD,
      token,
      CSRF,
      DOCUMENT_MARKER,
      BANK_ACCOUNT,
      CLAIM_ACCOUNT_NUMBER,
      'INV-7788',
      applicant.email,
      deployedReference,
      'mf_session',
      'mf_csrf',
    ]) {
      expect(output, `log output contains ${secret}`).not.toContain(secret);
    }
    // Every request line is one JSON object with the same fields.
    const requests = jsonLines().filter((line) => line.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(6);
    for (const line of requests)
      expect(Object.keys(line)).toEqual(
        expect.arrayContaining(['time', 'requestId', 'method', 'route', 'status', 'durationMs', 'clientIp']),
      );
  });
});

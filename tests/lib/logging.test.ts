import type { AddressInfo } from 'node:net';
import type { ServerBuild } from '@remix-run/node';
import express from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger, redirectLogs, serializeError } from '../../app/lib/logger.server';
import { lapseJobRun, logError, noteUser, requestLogging, requestStateOf, routeMatcher } from '../../app/lib/logging.server';
import { registry } from '../../app/lib/metrics.server';
import { deliverDue } from '../../app/services/outbox.server';
import { createTestDatabase, type TestDatabase } from '../support/db';

// The shape of Remix's build.routes for a few of the app's routes.
const route = (id: string, parentId: string | undefined, path: string | undefined, index = false) => ({
  id,
  parentId,
  path,
  index,
  caseSensitive: undefined,
  module: {},
});
const routes = Object.fromEntries(
  [
    route('root', undefined, ''),
    route('routes/_index', 'root', undefined, true),
    route('routes/solutions._index', 'root', 'solutions', true),
    route('routes/solutions.$id', 'root', 'solutions/:id'),
    route('routes/applications.new', 'root', 'applications/new'),
    route('routes/applications.$ref', 'root', 'applications/:ref'),
    route('routes/applications.$ref_.documents.$id', 'root', 'applications/:ref/documents/:id'),
    route('routes/officer.export[.]csv', 'root', 'officer/export.csv'),
    route('routes/healthz', 'root', 'healthz'),
  ].map((r) => [r.id, r]),
) as unknown as ServerBuild['routes'];

describe('route patterns', () => {
  const match = routeMatcher(routes);
  it.each([
    ['/', 'routes/_index', '/'],
    ['/solutions', 'routes/solutions._index', '/solutions'],
    ['/solutions/42', 'routes/solutions.$id', '/solutions/:id'],
    ['/applications/new', 'routes/applications.new', '/applications/new'],
    ['/applications/MF-2026-000123', 'routes/applications.$ref', '/applications/:ref'],
    ['/applications/MF-2026-000123/documents/7', 'routes/applications.$ref_.documents.$id', '/applications/:ref/documents/:id'],
    ['/officer/export.csv', 'routes/officer.export[.]csv', '/officer/export.csv'],
  ])('%s is %s (%s)', (path, id, pattern) => {
    expect(match(path)).toEqual({ id, pattern });
    expect(match(path)).toEqual({ id, pattern }); // and from the cache
  });

  it('a path no route matches has no pattern', () => {
    expect(match('/no/such/page')).toBeUndefined();
  });
});

function capture() {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, { write: (chunk: string) => lines.push(JSON.parse(chunk)) });
  return { lines, log };
}

describe('the request logging middleware', () => {
  const { lines, log } = capture();
  let base = '';
  let close = () => {};
  const seen: { route: string; status: number }[] = [];
  beforeAll(async () => {
    for (const trust of [false, true]) {
      const app = express();
      app.set('trust proxy', trust);
      app.use(requestLogging({ routes, trustProxy: trust, logger: log, onFinish: ({ route, status }) => seen.push({ route, status }) }));
      app.get('/applications/:ref', async (_req, res) => {
        await new Promise((r) => setTimeout(r, 5));
        // What the server hands Remix as the load context's request state.
        const context = { requestState: requestStateOf(res) };
        noteUser(context, { id: 41, role: 'applicant' });
        res.json({ requestId: context.requestState?.requestId });
      });
      app.get('/healthz', (_req, res) => res.status(503).end());
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (trust) base = url;
      else (globalThis as Record<string, unknown>).untrustedBase = url;
      const previous = close;
      close = () => {
        previous();
        server.close();
      };
    }
  });
  afterAll(() => close());

  it('gives each request an id, shares it with the handler, returns it, and logs one line with the pattern and the user', async () => {
    const response = await fetch(`${base}/applications/MF-2026-000999?x=secret`, { headers: { 'X-Forwarded-For': '198.51.100.4' } });
    const { requestId } = (await response.json()) as { requestId: string };
    expect(response.headers.get('X-Request-Id')).toBe(requestId);
    await new Promise((r) => setTimeout(r, 20));
    const line = lines.find((l) => l.requestId === requestId)!;
    expect(line).toMatchObject({
      msg: 'request',
      method: 'GET',
      route: '/applications/:ref',
      status: 200,
      userId: 41,
      role: 'applicant',
      clientIp: '198.51.100.4',
    });
    expect(line.durationMs).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(lines)).not.toContain('MF-2026-000999');
    expect(JSON.stringify(lines)).not.toContain('secret');
    expect(seen).toContainEqual({ route: '/applications/:ref', status: 200 });
    // The same observation feeds the request-duration histogram, by pattern and status.
    const histogram = await registry.getSingleMetricAsString('http_request_duration_seconds');
    expect(histogram).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/applications\/:ref",status="200"\} 1/);
  });

  it('takes a proxy’s X-Request-Id only when the proxy is trusted', async () => {
    const trusted = await fetch(`${base}/healthz`, { headers: { 'X-Request-Id': 'lb-7f3a9c21' } });
    expect(trusted.headers.get('X-Request-Id')).toBe('lb-7f3a9c21');
    expect(trusted.status).toBe(503);
    const untrusted = await fetch(`${(globalThis as Record<string, unknown>).untrustedBase as string}/healthz`, {
      headers: { 'X-Request-Id': 'lb-7f3a9c21' },
    });
    expect(untrusted.headers.get('X-Request-Id')).not.toBe('lb-7f3a9c21');
    await new Promise((r) => setTimeout(r, 20));
    expect(lines.filter((l) => l.requestId === 'lb-7f3a9c21')).toEqual([expect.objectContaining({ route: '/healthz', status: 503 })]);
  });
});

describe('errors and background jobs', () => {
  let t: TestDatabase;
  const lines: Record<string, unknown>[] = [];
  let restore = () => {};
  beforeAll(async () => {
    t = await createTestDatabase();
    logger.level = 'info';
    restore = redirectLogs({ write: (chunk: string) => lines.push(JSON.parse(chunk)) });
  });
  afterAll(async () => {
    restore();
    logger.level = 'silent';
    await t.drop();
  });

  it('an error is logged with its type, message, code and stack, but nothing else it carries', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
      code: '23505',
      detail: 'Key (email)=(someone@example.com) already exists.',
    });
    logError(new Error('wrapper', { cause: error }));
    const line = lines.at(-1)!;
    expect(line.level).toBe('error');
    const err = line.err as Record<string, unknown>;
    expect(err).toMatchObject({ type: 'Error', message: 'wrapper', cause: { code: '23505', type: 'Error' } });
    expect(String(err.stack)).toMatch(/logging\.test\.ts/);
    expect(JSON.stringify(line)).not.toContain('someone@example.com');
    expect(serializeError('plain')).toEqual({ message: 'plain' });
  });

  it("an error in a request carries that request's id and user, from the state the server put in the load context", () => {
    logError(new Error('in a loader'), { requestState: { requestId: 'req-0000-test', userId: 7, role: 'officer' } });
    expect(lines.at(-1)).toMatchObject({ level: 'error', requestId: 'req-0000-test', userId: 7, err: { message: 'in a loader' } });
  });

  it('one line per outbox delivery attempt, never the payload; one per lapse-job run', async () => {
    await t.db
      .insertInto('outbox')
      .values([
        {
          topic: 'payment',
          idempotencyKey: 'log-test-1',
          payload: JSON.stringify({ payee: 'Lucky Noodle House', account: '012-345678-901' }),
        },
        {
          topic: 'payment',
          idempotencyKey: 'log-test-2',
          payload: JSON.stringify({ payee: 'Lucky Noodle House', account: '012-345678-901' }),
        },
      ])
      .execute();
    let calls = 0;
    const report = await deliverDue({
      db: t.db,
      topic: 'payment',
      send: async () => {
        if (calls++ === 1) throw new Error('gateway answered 502');
      },
    });
    expect(report).toMatchObject({ claimed: 2, sent: 1, retrying: 1 });
    const attempts = lines.filter((l) => l.msg === 'outbox delivery');
    expect(attempts.map((l) => [l.topic, l.attempt, l.outcome, l.error])).toEqual([
      ['payment', 1, 'sent', undefined],
      ['payment', 1, 'retry', 'gateway answered 502'],
    ]);
    expect(attempts.every((l) => typeof l.messageId === 'number' && typeof l.durationMs === 'number')).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('012-345678-901');

    lapseJobRun({ durationMs: 12.345, lapsed: ['MF-1', 'MF-2'] });
    expect(lines.at(-1)).toMatchObject({ msg: 'job run', job: 'lapse', lapsed: 2, durationMs: 12.35, level: 'info' });
    lapseJobRun({ durationMs: 3, error: new Error('connection refused') });
    expect(lines.at(-1)).toMatchObject({ msg: 'job run failed', job: 'lapse', level: 'error', err: { message: 'connection refused' } });
  });
});

describe('bank details', () => {
  it('a bank account passed to the logger by mistake is censored, wherever it sits', () => {
    const lines: Record<string, unknown>[] = [];
    const level = logger.level;
    logger.level = 'info';
    const restore = redirectLogs({ write: (chunk: string) => lines.push(JSON.parse(chunk)) });
    try {
      logger.info(
        {
          accountNumber: '111222333',
          claim: { branchCode: '123', accountNumber: '444555666' },
          payment: { payeeAccount: { accountNumber: '777888999' } },
        },
        'oops',
      );
    } finally {
      restore();
      logger.level = level;
    }
    const text = JSON.stringify(lines);
    for (const number of ['111222333', '444555666', '777888999']) expect(text).not.toContain(number);
    expect(lines[0]).toMatchObject({
      accountNumber: '[redacted]',
      claim: { accountNumber: '[redacted]', branchCode: '[redacted]' },
      payment: { payeeAccount: '[redacted]' },
    });
  });
});

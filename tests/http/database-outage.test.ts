// Over HTTP against the built server: the database goes away and comes back; the process survives and recovers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfCookie } from '../../app/lib/cookies.server';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../db/embedded';
import { freePort, startBuiltServer, type BuiltServer } from '../support/built-server';

let root: string;
let dataDir: string;
let port: number;
let database: EmbeddedPostgres | undefined;
let server: BuiltServer;

const startDatabase = async () => {
  database = await startEmbeddedPostgres({ dataDir, port, ephemeral: true, database: 'matchfund' });
};

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'matchfund-outage-'));
  fs.chmodSync(root, 0o755);
  dataDir = path.join(root, 'pg');
  port = await freePort();
  await startDatabase();
  server = await startBuiltServer({ env: { DATABASE_URL: database!.url, DB_POOL_MAX: '4' } });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await database?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

const get = (pathname: string, init?: RequestInit) => fetch(server.url + pathname, { redirect: 'manual', ...init });

async function terminateAppConnections() {
  const admin = new pg.Client({ connectionString: database!.url });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      "select pg_terminate_backend(pid) as done from pg_stat_activity where datname = 'matchfund' and pid <> pg_backend_pid()",
    );
    return rows.length;
  } finally {
    await admin.end();
  }
}

describe('the database goes away', () => {
  it('connections killed with pg_terminate_backend, also during requests: the process lives and the next request works', async () => {
    expect((await get('/solutions')).status).toBe(200);
    for (let round = 0; round < 5; round++) {
      const inFlight = Array.from({ length: 12 }, (_, i) => get(i % 2 ? '/solutions?q=POS' : '/').then((r) => r.status));
      await new Promise((resolve) => setTimeout(resolve, 5 * round));
      expect(await terminateAppConnections()).toBeGreaterThanOrEqual(0);
      const statuses = await Promise.all(inFlight);
      // Each in-flight request either finished or was told to try again; never a 500, never a reset.
      expect(
        statuses.every((s) => s === 200 || s === 503),
        statuses.join(','),
      ).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(server.child.exitCode).toBeNull();
      expect((await get('/solutions')).status).toBe(200);
    }
  });

  it('while the server is stopped: 503 with a page in the visitor’s language, for pages, data requests and forms', async () => {
    await database!.stop();
    database = undefined;

    const page = await get('/solutions', { headers: { 'Accept-Language': 'zh-HK' } });
    expect(page.status).toBe(503);
    expect(page.headers.get('Retry-After')).toMatch(/^\d+$/);
    const html = await page.text();
    expect(html).toContain('服務暫時未能使用');
    expect(html).not.toMatch(/stack|at .*\.js/i);

    const data = await get('/solutions?_data=routes%2Fsolutions._index');
    expect(data.status).toBe(503);
    expect(data.headers.get('X-Remix-Catch')).toBe('yes');

    const login = await get('/login', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: (await csrfCookie(false).serialize('A'.repeat(43))).split(';')[0]!,
      },
      body: new URLSearchParams({ _csrf: 'A'.repeat(43), email: 'applicant@demo.matchfund.hk', password: 'x' }),
    });
    expect(login.status).toBe(503);
    expect((await get('/healthz')).status).toBe(503);
    expect(server.child.exitCode).toBeNull();
  });

  it('and when it is back, the same process serves again without a restart', async () => {
    await startDatabase();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await get('/solutions')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    expect((await get('/healthz')).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  });
});

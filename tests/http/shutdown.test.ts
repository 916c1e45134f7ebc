// Over HTTP against the built server: SIGTERM while requests are in flight — each gets its full response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed';
import { startBuiltServer, type BuiltServer } from '../support/built-server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { postForm } from '../support/http';

let t: TestDatabase;
let server: BuiltServer;
beforeAll(async () => {
  t = await createTestDatabase({ max: 2 });
  server = await startBuiltServer({ env: { DATABASE_URL: t.url } });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await t?.drop();
});

const accounts = ['applicant', 'vendor', 'officer', 'officer2', 'admin'].map((name) => `${name}@demo.matchfund.hk`);

describe('graceful shutdown', () => {
  it('SIGTERM during 40 requests (logins that write a session, pages): every one completes, then the process exits 0', async () => {
    const sessionsBefore = Number(
      (
        await t.db
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const logins = Array.from({ length: 24 }, async (_, i) => {
      const response = await postForm(server.url, '/login', { email: accounts[i % accounts.length]!, password: DEMO_PASSWORD });
      await response.arrayBuffer();
      return response.status;
    });
    const pages = Array.from({ length: 16 }, async (_, i) => {
      const response = await fetch(`${server.url}${i % 2 ? '/solutions' : '/open-data'}`);
      const body = await response.text();
      return response.status === 200 && body.trimEnd().endsWith('</html>') ? 'complete' : `${response.status}`;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    server.child.kill('SIGTERM');

    const loginStatuses = await Promise.allSettled(logins);
    const pageResults = await Promise.allSettled(pages);
    const failures = [...loginStatuses, ...pageResults].filter((r) => r.status === 'rejected');
    const why = (reason: { message?: string; cause?: { code?: string; message?: string } }) =>
      `${reason.message} ${reason.cause?.code ?? reason.cause?.message ?? ''}`;
    expect(failures.map((f) => why((f as PromiseRejectedResult).reason))).toEqual([]);
    expect(loginStatuses.map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual(Array(24).fill(302));
    expect(pageResults.map((r) => (r as PromiseFulfilledResult<string>).value)).toEqual(Array(16).fill('complete'));

    expect(await server.exited).toBe(0);
    // Every login the client saw succeed made its session, and no other.
    const sessionsAfter = Number(
      (
        await t.db
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(sessionsAfter - sessionsBefore).toBe(24);
    expect(server.output()).toMatch(/Shutting down/);
  });
});

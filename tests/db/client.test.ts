// The pool survives the server dropping its connections (restart, pg_terminate_backend, embedded stop).
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConnectionError } from '../../db/client';
import { createTestDatabase, type TestDatabase } from '../support/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ max: 4 });
});
afterAll(async () => {
  await t.drop();
});

async function terminate(pids: number[]) {
  const admin = new pg.Client({ connectionString: t.url });
  await admin.connect();
  try {
    await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [pids]);
  } finally {
    await admin.end();
  }
}

const backendPid = async (executor: Parameters<ReturnType<typeof sql>['execute']>[0]) =>
  Number((await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(executor)).rows[0]!.pid);

describe('a dropped connection', () => {
  it('killed while checked out and idle does not crash the process; the next query gets a new one', async () => {
    let killed = 0;
    await t.db.connection().execute(async (connection) => {
      killed = await backendPid(connection);
      await terminate([killed]);
      // The server's FATAL message reaches the client while it is checked out with no query running.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await expect(sql`select 1`.execute(connection)).rejects.toSatisfy(isConnectionError);
    });
    const again = await backendPid(t.db);
    expect(again).not.toBe(killed);
  });

  it('killed inside a transaction between two statements: the transaction fails, the pool recovers', async () => {
    const run = t.db.transaction().execute(async (trx) => {
      await terminate([await backendPid(trx)]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await sql`select 1`.execute(trx);
    });
    await expect(run).rejects.toSatisfy(isConnectionError);
    expect((await sql<{ one: number }>`select 1 as one`.execute(t.db)).rows).toEqual([{ one: 1 }]);
  });

  it('all idle connections killed at once: the next queries work', async () => {
    const pids = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.db.connection().execute(async (c) => {
          const pid = await backendPid(c);
          await new Promise((resolve) => setTimeout(resolve, 50));
          return pid;
        }),
      ),
    );
    await terminate(pids);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const results = await Promise.all(Array.from({ length: 8 }, () => sql<{ one: number }>`select 1 as one`.execute(t.db)));
    expect(results.every((r) => r.rows[0]?.one === 1)).toBe(true);
  });
});

describe('isConnectionError', () => {
  it.each([
    ['refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })],
    ['admin shutdown', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['starting up', Object.assign(new Error('the database system is starting up'), { code: '57P03' })],
    ['connection exception class', Object.assign(new Error('x'), { code: '08006' })],
    ['too many connections', Object.assign(new Error('sorry, too many clients already'), { code: '53300' })],
    ['terminated', new Error('Connection terminated unexpectedly')],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
    ['not queryable', new Error('Client has encountered a connection error and is not queryable')],
    ['both families refused', new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })], 'all failed')],
  ])('%s is a connection error', (_label, error) => {
    expect(isConnectionError(error)).toBe(true);
  });

  it.each([
    ['unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['check violation', Object.assign(new Error('violates check'), { code: '23514' })],
    ['plain error', new Error('boom')],
    ['a response', new Response('x', { status: 404 })],
    ['nothing', undefined],
  ])('%s is not', (_label, error) => {
    expect(isConnectionError(error)).toBe(false);
  });
});

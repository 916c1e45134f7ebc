import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseTool,
  clientConnection,
  describeTools,
  parseToolVersion,
  userObjectCount,
  withClient,
  type ClientTool,
} from '../../db/pg-tools';
import { createTestDatabase, type TestDatabase } from '../support/db';

const tool = (major: number, file = `/opt/pg${major}/bin/pg_dump`): ClientTool => ({
  name: 'pg_dump',
  path: file,
  major,
  version: `${major}.3`,
});

describe('finding pg_dump and pg_restore', () => {
  it.each([
    ['pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)', { major: 15, version: '15.18' }],
    ['pg_restore (PostgreSQL) 18.4', { major: 18, version: '18.4' }],
    ['pg_dump (PostgreSQL) 19devel', { major: 19, version: '19' }],
    ['something else 15.2', undefined],
  ])('reads the version of %j', (output, expected) => {
    expect(parseToolVersion(output)).toEqual(expected);
  });

  it('names Debian’s postgresql-client when there is no pg_dump at all', () => {
    const chosen = chooseTool({ name: 'pg_dump', tools: [], serverMajor: 18 });
    expect(chosen.ok).toBe(false);
    if (chosen.ok) return;
    expect(chosen.message).toMatch(/pg_dump was not found/);
    expect(chosen.message).toMatch(/embedded PostgreSQL package ships the server only/);
    expect(chosen.message).toMatch(/apt-get install postgresql-client/);
    expect(chosen.message).toMatch(/postgresql-client-18/);
  });

  it('refuses a client older than the server, and takes the newest that is new enough', () => {
    const old = chooseTool({ name: 'pg_dump', tools: [tool(15)], serverMajor: 18 });
    expect(old.ok).toBe(false);
    if (!old.ok)
      expect(old.message).toMatch(/pg_dump 15\.3 \(\/opt\/pg15\/bin\/pg_dump\) is older than the database server, PostgreSQL 18/);
    expect(chooseTool({ name: 'pg_dump', tools: [tool(15), tool(18), tool(17)], serverMajor: 15 })).toEqual({ ok: true, tool: tool(18) });
    expect(chooseTool({ name: 'pg_dump', tools: [tool(15)], serverMajor: 15 })).toEqual({ ok: true, tool: tool(15) });
  });

  it('looks in PG_BINDIR and on PATH, and runs each copy to learn its version', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matchfund-pgtools-'));
    try {
      const fake = path.join(dir, 'pg_dump');
      fs.writeFileSync(fake, '#!/bin/sh\necho "pg_dump (PostgreSQL) 99.1"\n', { mode: 0o755 });
      fs.writeFileSync(path.join(dir, 'pg_restore'), 'not executable', { mode: 0o644 });
      for (const env of [{ PG_BINDIR: dir, PATH: '' }, { PATH: dir }]) {
        expect(describeTools('pg_dump', env)).toContainEqual({ name: 'pg_dump', path: fake, major: 99, version: '99.1' });
        expect(describeTools('pg_restore', env).map((t) => t.path)).not.toContain(path.join(dir, 'pg_restore'));
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the password off the command line', () => {
    expect(clientConnection('postgres://app:s%40cret@db.internal:5432/matchfund?sslmode=require')).toEqual({
      dbname: 'postgres://app@db.internal:5432/matchfund?sslmode=require',
      env: { PGPASSWORD: 's@cret' },
    });
    expect(clientConnection('postgres://postgres@127.0.0.1:5432/matchfund').env).toEqual({});
  });
});

describe('restore only into an empty database', () => {
  let seeded: TestDatabase;
  let empty: TestDatabase;
  beforeAll(async () => {
    [seeded, empty] = await Promise.all([createTestDatabase({ max: 1 }), createTestDatabase({ max: 1, empty: true })]);
  });
  afterAll(async () => {
    await Promise.all([seeded.drop(), empty.drop()]);
  });

  it('counts what is in a database', async () => {
    expect(await withClient(empty.url, userObjectCount)).toBe(0);
    expect(await withClient(seeded.url, userObjectCount)).toBeGreaterThan(20);
  });

  it('npm run restore refuses a database that is not empty, and changes nothing', async () => {
    const file = path.join(os.tmpdir(), `matchfund-not-a-backup-${process.pid}.dump`);
    fs.writeFileSync(file, 'PGDMP');
    try {
      const result = spawnSync(process.execPath, ['node_modules/.bin/vite-node', '--script', 'db/restore.ts', file], {
        env: { ...process.env, DATABASE_URL: seeded.url },
        encoding: 'utf8',
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/Refusing to restore into .* it is not empty/);
      expect(result.stderr).not.toMatch(/password|secret/i);
    } finally {
      fs.rmSync(file, { force: true });
    }
    const users = await seeded.db.selectFrom('users').select('id').execute();
    expect(users.length).toBeGreaterThan(0);
  });
});

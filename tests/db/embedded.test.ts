// The embedded-PostgreSQL launcher: what it does with a postmaster.pid left behind by a killed process.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../db/embedded';

let root: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'matchfund-embedded-'));
  fs.chmodSync(root, 0o755);
});
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  fs.rmSync(root, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function selectOne(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('select 1 as one')).rows[0];
  } finally {
    await client.end();
  }
}

/** Rewrites the pid (first line) of the data dir's postmaster.pid, as a crash can leave it with a reused pid. */
function writeStalePid(dataDir: string, pid: number) {
  const file = path.join(dataDir, 'postmaster.pid');
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : ['', dataDir, '0', '5432', '', '127.0.0.1', ''];
  lines[0] = String(pid);
  fs.writeFileSync(file, lines.join('\n'));
}

describe('a stale postmaster.pid', () => {
  it('whose pid now belongs to another program: that program is left alone and PostgreSQL still starts', async () => {
    const dataDir = path.join(root, 'reused');
    const first = await startEmbeddedPostgres({ dataDir, ephemeral: true, database: 'postgres' });
    await first.stop();
    // Another program now has the pid, and even mentions the data dir on its command line.
    const bystander = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '--', dataDir, 'postgres'], { stdio: 'ignore' });
    children.push(bystander);
    await new Promise((resolve) => bystander.once('spawn', resolve));
    writeStalePid(dataDir, bystander.pid!);

    const second = await startEmbeddedPostgres({ dataDir, ephemeral: true, database: 'postgres' });
    try {
      expect(alive(bystander.pid!)).toBe(true);
      expect(bystander.signalCode).toBeNull();
      expect(await selectOne(second.url)).toEqual({ one: 1 });
    } finally {
      await second.stop();
    }
  });

  it('whose pid is still that data dir’s postmaster: it is stopped before a new one starts', async () => {
    const dataDir = path.join(root, 'leftover');
    // Started and never stopped, as when the Node process that owned it was killed.
    const leftover = await startEmbeddedPostgres({ dataDir, ephemeral: true, database: 'postgres' });
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(alive(pid)).toBe(true);

    const fresh = await startEmbeddedPostgres({ dataDir, ephemeral: true, database: 'postgres' });
    try {
      expect(alive(pid)).toBe(false);
      expect(await selectOne(fresh.url)).toEqual({ one: 1 });
      await expect(selectOne(leftover.url)).rejects.toThrow();
    } finally {
      await fresh.stop();
      await leftover.stop();
    }
  });

  it('a postmaster of another data dir is not this one’s', async () => {
    const mine = path.join(root, 'mine');
    const other = await startEmbeddedPostgres({ dataDir: path.join(root, 'other'), ephemeral: true, database: 'postgres' });
    const otherPid = Number(fs.readFileSync(path.join(root, 'other', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const first = await startEmbeddedPostgres({ dataDir: mine, ephemeral: true, database: 'postgres' });
    await first.stop();
    writeStalePid(mine, otherPid);
    const again = await startEmbeddedPostgres({ dataDir: mine, ephemeral: true, database: 'postgres' });
    try {
      expect(alive(otherPid)).toBe(true);
      expect(await selectOne(other.url)).toEqual({ one: 1 });
      expect(await selectOne(again.url)).toEqual({ one: 1 });
    } finally {
      await again.stop();
      await other.stop();
    }
  });
});

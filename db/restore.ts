// `npm run restore FILE`: loads a backup made by `npm run backup` into the configured database, which must be EMPTY
// (a freshly created database, or a new DATA_DIR): a restore never merges into or overwrites live data.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientConnection, findTool, openTarget, OpsError, seconds, serverMajor, userObjectCount, withClient } from './pg-tools';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.log(`[restore] ${line}`);

async function main(): Promise<number> {
  const started = performance.now();
  const arg = process.argv[2];
  if (!arg) throw new OpsError('Usage: npm run restore FILE   (FILE made by npm run backup)');
  const file = path.resolve(arg);
  if (!fs.existsSync(file)) throw new OpsError(`${file} does not exist.`);

  const target = await openTarget({ rootDir, create: true, log });
  try {
    const { major, objects } = await withClient(target.url, async (client) => ({ major: await serverMajor(client), objects: await userObjectCount(client) }));
    if (objects > 0) {
      throw new OpsError(
        `Refusing to restore into ${target.label}: it is not empty (${objects} tables, sequences or views). ` +
          'Create a new database (createdb, or a new DATA_DIR for the embedded one), point DATABASE_URL at it and run the restore again.',
      );
    }
    const pgRestore = findTool('pg_restore', major);
    // Reading the archive's table of contents first: a damaged or foreign file fails here, before anything is written.
    const list = spawnSync(pgRestore.path, ['--list', file], { encoding: 'utf8' });
    if (list.status !== 0) throw new OpsError(`${file} is not a backup pg_restore ${pgRestore.version} can read:\n${list.stderr.trim()}`);
    const dumpedFrom = /Dumped from database version: (\d+)/.exec(list.stdout)?.[1];
    if (dumpedFrom && Number(dumpedFrom) > major) {
      throw new OpsError(`The backup comes from PostgreSQL ${dumpedFrom}; restore it into PostgreSQL ${dumpedFrom} or newer, not ${major}.`);
    }
    log(`Restoring ${file} into ${target.label} (PostgreSQL ${major}) with ${pgRestore.path} ${pgRestore.version}`);
    const { dbname, env } = clientConnection(target.url);
    // All or nothing: one transaction, stopping at the first error. Owners and grants belong to the old server.
    const result = spawnSync(
      pgRestore.path,
      ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--no-password', `--dbname=${dbname}`, file],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (result.status !== 0) throw new OpsError(`pg_restore failed (exit ${result.status ?? result.signal}); the database was left as it was (empty).`);
    const tables = await withClient(target.url, userObjectCount);
    log(`Restored ${tables} tables, sequences and views in ${seconds(started)} s`);
    return 0;
  } finally {
    await target.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[restore] ${error instanceof OpsError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);

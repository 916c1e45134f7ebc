// `npm run restore FILE`: loads a backup made by `npm run backup` into the configured database, which must be EMPTY
// (a freshly created database, or a new DATA_DIR): a restore never merges into or overwrites live data.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findTool, OpsError, runOpsScript, seconds, userObjectCount, withClient, withDatabase } from './pg-tools';

runOpsScript('restore', async (log) => {
  const started = performance.now();
  const arg = process.argv[2];
  if (!arg) throw new OpsError('Usage: npm run restore FILE   (FILE made by npm run backup)');
  const file = path.resolve(arg);
  if (!fs.existsSync(file)) throw new OpsError(`${file} does not exist.`);

  await withDatabase({ create: true, log }, async ({ url, label, major, runTool }) => {
    const objects = await withClient(url, userObjectCount);
    if (objects > 0) {
      throw new OpsError(
        `Refusing to restore into ${label}: it is not empty (${objects} tables, sequences or views). ` +
          'Create a new database (createdb, or a new DATA_DIR for the embedded one), point DATABASE_URL at it and run the restore again.',
      );
    }
    const pgRestore = findTool('pg_restore', major);
    // Reading the archive's table of contents first: a damaged or foreign file fails here, before anything is written.
    const list = spawnSync(pgRestore.path, ['--list', file], { encoding: 'utf8' });
    if (list.status !== 0) throw new OpsError(`${file} is not a backup pg_restore ${pgRestore.version} can read:\n${list.stderr.trim()}`);
    const dumpedFrom = /Dumped from database version: (\d+)/.exec(list.stdout)?.[1];
    if (dumpedFrom && Number(dumpedFrom) > major) {
      throw new OpsError(
        `The backup comes from PostgreSQL ${dumpedFrom}; restore it into PostgreSQL ${dumpedFrom} or newer, not ${major}.`,
      );
    }
    log(`Restoring ${file} into ${label} (PostgreSQL ${major}) with ${pgRestore.path} ${pgRestore.version}`);
    // All or nothing: one transaction, stopping at the first error. Owners and grants belong to the old server.
    const result = runTool(pgRestore, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', file]);
    if (result.status !== 0)
      throw new OpsError(`pg_restore failed (exit ${result.status ?? result.signal}); the database was left as it was (empty).`);
    const tables = await withClient(url, userObjectCount);
    log(`Restored ${tables} tables, sequences and views in ${seconds(started)} s`);
  });
});

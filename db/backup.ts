// `npm run backup [FILE]`: a consistent pg_dump (custom format, one snapshot) of the configured database to FILE,
// by default backups/matchfund-<UTC time>.dump. Written to FILE.partial first and renamed when complete.
import fs from 'node:fs';
import path from 'node:path';
import { defaultRootDir, findTool, OpsError, runOpsScript, seconds, withDatabase } from './pg-tools';

runOpsScript('backup', async (log) => {
  const started = performance.now();
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const file = path.resolve(process.argv[2] ?? path.join(defaultRootDir, 'backups', `matchfund-${stamp}.dump`));
  if (fs.existsSync(file)) throw new OpsError(`${file} already exists: choose another name (a backup is never overwritten).`);

  await withDatabase({ create: false, log }, async ({ label, major, runTool }) => {
    const pgDump = findTool('pg_dump', major);
    log(`Dumping ${label} (PostgreSQL ${major}) with ${pgDump.path} ${pgDump.version}`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    // One transaction snapshot: the dump is consistent even while the app keeps writing.
    const result = runTool(pgDump, ['--format=custom', `--file=${partial}`]);
    if (result.status !== 0) {
      fs.rmSync(partial, { force: true });
      throw new OpsError(`pg_dump failed (exit ${result.status ?? result.signal}); no backup was written.`);
    }
    // It holds personal data and bank details: readable by its owner only.
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, file);
    log(`Wrote ${file} (${(fs.statSync(file).size / 1024).toFixed(0)} KiB) in ${seconds(started)} s`);
  });
});

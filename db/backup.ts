// `npm run backup [FILE]`: a consistent pg_dump (custom format, one snapshot) of the configured database to FILE,
// by default backups/matchfund-<UTC time>.dump. Written to FILE.partial first and renamed when complete.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientConnection, findTool, openTarget, OpsError, seconds, serverMajor, withClient } from './pg-tools';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.log(`[backup] ${line}`);

async function main(): Promise<number> {
  const started = performance.now();
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const file = path.resolve(process.argv[2] ?? path.join(rootDir, 'backups', `matchfund-${stamp}.dump`));
  if (fs.existsSync(file)) throw new OpsError(`${file} already exists: choose another name (a backup is never overwritten).`);

  const target = await openTarget({ rootDir, create: false, log });
  try {
    const major = await withClient(target.url, serverMajor);
    const pgDump = findTool('pg_dump', major);
    log(`Dumping ${target.label} (PostgreSQL ${major}) with ${pgDump.path} ${pgDump.version}`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    const { dbname, env } = clientConnection(target.url);
    // One transaction snapshot: the dump is consistent even while the app keeps writing.
    const result = spawnSync(pgDump.path, ['--format=custom', '--no-password', `--file=${partial}`, `--dbname=${dbname}`], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (result.status !== 0) {
      fs.rmSync(partial, { force: true });
      throw new OpsError(`pg_dump failed (exit ${result.status ?? result.signal}); no backup was written.`);
    }
    // It holds personal data and bank details: readable by its owner only.
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, file);
    log(`Wrote ${file} (${(fs.statSync(file).size / 1024).toFixed(0)} KiB) in ${seconds(started)} s`);
    return 0;
  } finally {
    await target.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[backup] ${error instanceof OpsError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);

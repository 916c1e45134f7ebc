// Starts the database side of the app: the embedded PostgreSQL when no DATABASE_URL is set, migrations, seed.
import path from 'node:path';
import { createDb, type DB } from '../../db/client';
import { seedDemoActivity, type DemoActivitySummary } from '../../db/demo-activity';
import { startEmbeddedPostgres } from '../../db/embedded';
import { migrateToLatest } from '../../db/migrate';
import { DEMO_PASSWORD, demoAccounts, seedDatabase } from '../../db/seed';
import type { Env } from './env.server';

export type Booted = { db: DB; stop: () => Promise<void> };

export async function bootDatabase({ env, rootDir, log }: { env: Env; rootDir: string; log: (line: string) => void }): Promise<Booted> {
  let url = env.DATABASE_URL;
  let stopEmbedded = async () => {};
  if (!url) {
    const embedded = await startEmbeddedPostgres({
      dataDir: env.DATA_DIR ? path.resolve(env.DATA_DIR) : path.join(rootDir, '.data', 'postgres'),
      log,
    });
    url = embedded.url;
    stopEmbedded = embedded.stop;
  }
  const db = createDb({ url, max: env.DB_POOL_MAX });
  await migrateToLatest(db);
  const started = Date.now();
  const demo: { activity: DemoActivitySummary | null } = { activity: null };
  // A new demo database also gets three months of programme history, in the seed's own transaction.
  const { seeded } = await seedDatabase(db, {
    demo: env.SEED_DEMO,
    afterSeed: env.SEED_DEMO
      ? async (trx) => {
          demo.activity = await seedDemoActivity(trx);
        }
      : undefined,
  });
  if (seeded) log('Seeded a new database with the programme, its first round and the vetted catalogue.');
  if (demo.activity) {
    const { enterprises, applications } = demo.activity;
    log(
      `Added three months of demo activity: ${enterprises} businesses and ${applications} applications (seeding took ${Date.now() - started} ms).`,
    );
  }
  if (env.SEED_DEMO) {
    log(`Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const account of demoAccounts) log(`  ${account.role.padEnd(10)} ${account.email}`);
  }
  return {
    db,
    stop: async () => {
      await db.destroy();
      await stopEmbedded();
    },
  };
}

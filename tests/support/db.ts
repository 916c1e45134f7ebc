// A fresh database per test file, cloned from the migrated and seeded template.
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type DB } from '../../db/client';

export type TestDatabase = { db: DB; url: string; drop: () => Promise<void> };

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase({ max = 10, empty = false }: { max?: number; empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `test_${crypto.randomBytes(6).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`create database ${name} template ${empty ? 'template0' : inject('templateDatabase')}`);
      break;
    } catch (error) {
      // Two files cloning at the same instant can see each other on the template: try again shortly.
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
  const url = new URL(inject('adminDatabaseUrl'));
  url.pathname = `/${name}`;
  const db = createDb({ url: url.toString(), max });
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.destroy();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

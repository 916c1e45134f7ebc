// The backup drill (run by .ci/run): seed a demo database with real activity, `npm run backup` it, `npm run restore`
// the file into a fresh database, check that a second restore into the now non-empty database is refused, then
// compare every table: row count, the sum of every *_cents column, and a digest of all rows. Exits 1 on any
// difference. DRILL_ADMIN_URL: a superuser URL on the server to use (the drill creates and drops its databases).
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDb, type DB } from '../../db/client';
import { migrateToLatest } from '../../db/migrate';
import { seedDatabase } from '../../db/seed';
import { submitApplication } from '../../app/services/applications.server';
import {
  confirmDeployment,
  decideClaim,
  preparePayment,
  releasePayment,
  reportDeployment,
  submitClaim,
} from '../../app/services/claims.server';
import { assignToMe, decideApplication } from '../../app/services/officer.server';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';

const adminUrl = process.env.DRILL_ADMIN_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.error('Set DRILL_ADMIN_URL to a superuser URL, e.g. postgres://postgres:secret@127.0.0.1:5432/postgres');
  process.exit(2);
}
const APPLICATIONS = Number(process.env.DRILL_APPLICATIONS ?? 60);

const urlFor = (name: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const pdf = (text: string) => ({ bytes: new TextEncoder().encode(`%PDF-1.4 ${text}`), filename: `${text}.pdf` });

/** Activity through the app's own services: submissions with documents, approvals, rejections, claims, payments. */
async function addActivity(db: DB) {
  const officer = await makeUser(db, 'officer');
  const checker = await makeUser(db, 'officer');
  for (let i = 0; i < APPLICATIONS; i++) {
    const user = await makeUser(db);
    const enterpriseId = await makeEnterprise(db, user.id);
    const pkg = await makeListedSolution(db, { priceCents: 10_000_00 + i * 1_234_56 });
    const quotationId = await makeQuotation(db, {
      userId: user.id,
      enterpriseId,
      solutionId: pkg.solutionId,
      vendorUserId: pkg.vendorUserId,
    });
    const reference = await makeDraft(db, { userId: user.id, quotationId });
    const submitted = await submitApplication({ db, userId: user.id, reference });
    if (!submitted.ok) throw new Error(`drill setup: submit ${submitted.code}`);
    if (i % 3 === 0) continue; // stays in the queue
    await assignToMe({ db, officerId: officer.id, reference });
    const decision = i % 3 === 1 ? ({ action: 'approve' } as const) : ({ action: 'reject', reasonCode: 'documents_incomplete' } as const);
    const decided = await decideApplication({ db, officerId: officer.id, reference, expectedStatus: 'under_review', decision });
    if (!decided.ok) throw new Error(`drill setup: decide ${decided.code}`);
    if (decision.action !== 'approve' || i % 2 === 0) continue;
    // Half the approvals go all the way: deployed, claimed, checked, paid by maker-checker.
    const priceCents = 10_000_00 + i * 1_234_56;
    const steps = [
      await reportDeployment({ db, vendorUserId: pkg.vendorUserId, reference }),
      await confirmDeployment({ db, userId: user.id, reference }),
      await submitClaim({
        db,
        userId: user.id,
        reference,
        input: {
          invoiceNumber: `INV-${i}`,
          invoiceDate: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
          invoicedCents: priceCents,
          paidCents: priceCents,
          paidOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
          payerName: 'LUCKY NOODLE HOUSE LTD.',
          bankAccount: { bankCode: '024', branchCode: '123', accountNumber: '456789012', accountName: 'Test Business Ltd' },
          invoice: pdf('invoice'),
          proofOfPayment: pdf('payment'),
        },
      }),
      await decideClaim({ db, officerId: officer.id, reference, approve: true }),
      await preparePayment({ db, officerId: officer.id, reference }),
      await releasePayment({ db, officerId: checker.id, reference }),
    ];
    const failed = steps.find((step) => !step.ok);
    if (failed) throw new Error(`drill setup: claim and payment ${JSON.stringify(failed)}`);
  }
}

type TableFacts = { rows: number; money: Record<string, string>; digest: string };

async function facts(url: string): Promise<{ tables: Map<string, TableFacts>; sequences: Map<string, string> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const result = new Map<string, TableFacts>();
    for (const { name } of tables) {
      const { rows: columns } = await client.query<{ name: string }>(
        `select column_name as name from information_schema.columns where table_schema = 'public' and table_name = $1 and column_name like '%\\_cents' order by 1`,
        [name],
      );
      const table = client.escapeIdentifier(name);
      const sums = columns.map((c) => `coalesce(sum(${client.escapeIdentifier(c.name)}), 0)::text as ${client.escapeIdentifier(c.name)}`);
      const { rows } = await client.query(
        `select count(*)::int as "#rows", md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as "#digest"${sums.length ? `, ${sums.join(', ')}` : ''} from ${table} t`,
      );
      const { '#rows': count, '#digest': digest, ...money } = rows[0] as Record<string, string | number>;
      result.set(name, { rows: Number(count), digest: String(digest), money: money as Record<string, string> });
    }
    const { rows: sequences } = await client.query<{ name: string; value: string | null }>(
      `select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public' order by 1`,
    );
    return { tables: result, sequences: new Map(sequences.map((s) => [s.name, s.value ?? 'unused'])) };
  } finally {
    await client.end();
  }
}

function npmRun(script: string, args: string[], databaseUrl: string) {
  const started = performance.now();
  const result = spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<number> {
  const key = crypto.randomBytes(4).toString('hex');
  const source = `drill_source_${key}`;
  const target = `drill_target_${key}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matchfund-drill-'));
  const file = path.join(dir, 'matchfund.dump');
  const problems: string[] = [];
  try {
    await admin(`create database ${source}`);
    await admin(`create database ${target}`);
    let started = performance.now();
    const db = createDb({ url: urlFor(source), max: 4 });
    try {
      await migrateToLatest(db);
      await seedDatabase(db, { demo: true });
      await addActivity(db);
    } finally {
      await db.destroy();
    }
    console.log(
      `[drill] seeded ${source}: demo data and ${APPLICATIONS} applications in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const backup = npmRun('backup', [file], urlFor(source));
    process.stdout.write(backup.output);
    if (backup.status !== 0) throw new Error('npm run backup failed');
    const restore = npmRun('restore', [file], urlFor(target));
    process.stdout.write(restore.output);
    if (restore.status !== 0) throw new Error('npm run restore failed');

    const again = npmRun('restore', [file], urlFor(target));
    if (again.status === 0 || !/not empty/.test(again.output))
      problems.push(`a restore into the non-empty ${target} was not refused:\n${again.output}`);
    else console.log('[drill] a second restore into the now non-empty database was refused, as it must be');

    started = performance.now();
    const [before, after] = await Promise.all([facts(urlFor(source)), facts(urlFor(target))]);
    const compareSeconds = (performance.now() - started) / 1000;
    const names = [...new Set([...before.tables.keys(), ...after.tables.keys()])].sort();
    console.log(`[drill] ${'table'.padEnd(28)} ${'rows'.padStart(7)}  money totals (cents)`);
    for (const name of names) {
      const a = before.tables.get(name);
      const b = after.tables.get(name);
      if (!a || !b) {
        problems.push(`table ${name} is missing ${a ? 'after' : 'before'} the restore`);
        continue;
      }
      const money = Object.entries(a.money)
        .map(([column, sum]) => `${column}=${sum}`)
        .join(' ');
      const same = a.rows === b.rows && a.digest === b.digest && JSON.stringify(a.money) === JSON.stringify(b.money);
      console.log(`[drill] ${name.padEnd(28)} ${String(a.rows).padStart(7)}  ${money}${same ? '' : '   <-- DIFFERS'}`);
      if (a.rows !== b.rows) problems.push(`${name}: ${a.rows} rows before, ${b.rows} after`);
      for (const [column, sum] of Object.entries(a.money))
        if (b.money[column] !== sum) problems.push(`${name}.${column}: total ${sum} before, ${b.money[column]} after`);
      if (a.rows === b.rows && a.digest !== b.digest) problems.push(`${name}: same row count but different contents`);
    }
    for (const [name, value] of before.sequences) {
      if (after.sequences.get(name) !== value) problems.push(`sequence ${name}: ${value} before, ${after.sequences.get(name)} after`);
    }
    // Self-check: the comparison must see a one-cent change (a drill that cannot fail proves nothing).
    const tamper = new pg.Client({ connectionString: urlFor(target) });
    await tamper.connect();
    await tamper.query(`update applications set programme_cents = programme_cents + 1 where id = (select min(id) from applications)`);
    await tamper.end();
    const tampered = (await facts(urlFor(target))).tables.get('applications');
    const original = before.tables.get('applications');
    if (
      !tampered ||
      !original ||
      tampered.money.programme_cents === original.money.programme_cents ||
      tampered.digest === original.digest
    ) {
      problems.push('self-check: a one-cent change in the restored applications went unnoticed');
    } else console.log('[drill] self-check: a one-cent change in the restored copy is detected');
    const size = fs.statSync(file).size;
    console.log(
      `[drill] backup ${backup.seconds.toFixed(2)} s (${(size / 1024).toFixed(0)} KiB), restore ${restore.seconds.toFixed(2)} s, ` +
        `comparison ${compareSeconds.toFixed(2)} s: restore drill (backup + restore) took ${(backup.seconds + restore.seconds).toFixed(2)} s`,
    );
  } finally {
    await admin(`drop database if exists ${source} with (force)`).catch(() => {});
    await admin(`drop database if exists ${target} with (force)`).catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (problems.length > 0) {
    console.error(`[drill] FAILED: the restored database differs:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    return 1;
  }
  console.log(`[drill] every table, money total and sequence matches`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[drill] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);

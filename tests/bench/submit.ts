// Submit against its floor (issue 15 goal 3): the service `submitApplication` called directly on prepared drafts,
// against a raw node-postgres transaction doing the same writes, both on one throwaway database, at concurrency 1 and
// 20, alternated. Ratio = subject throughput ÷ floor throughput (goal ≥ 0.5 at each concurrency).
// Alone: npx vite-node --script tests/bench/submit.ts
//
// What a submit writes (app/services/applications.server.ts, audit.server.ts, notifications.server.ts), and so what the
// floor does, in one transaction:
//   BEGIN
//   SELECT … FROM enterprises WHERE id = $1 FOR UPDATE          (the lock that serialises a business's submissions)
//   UPDATE applications SET status 'submitted', amounts, settings, registration key, eligibility, times
//   INSERT INTO application_events (the audit event)
//   INSERT INTO notifications … ON CONFLICT DO NOTHING RETURNING id   (the shop owner's "submitted" notice)
//   INSERT INTO outbox (the notice's message, rendered)
//   COMMIT
// = 7 statements. The floor skips everything a submit must also read and decide (ownership, programme lock and
// settings in force, the application and package under lock, eligibility, what the business already has committed).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { createDb, type DB } from '../../db/client';
import { startEmbeddedPostgres } from '../../db/embedded';
import { migrateToLatest } from '../../db/migrate';
import { seedDatabase } from '../../db/seed';
import { submitApplication } from '../../app/services/applications.server';

export type SubmitFigures = { concurrency: number; subject: number; floor: number; subjectStatements: number; floorStatements: number };

const PER_RUN = Number(process.env.BENCH_SUBMITS ?? 400);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

type Draft = { id: number; reference: string; enterpriseId: number };

/** `count` drafts, each of its own eligible business (one submit per business, so none waits on another's lock). */
export async function makeDrafts(db: DB, count: number, ownerId: number, solutionId: number): Promise<Draft[]> {
  const tag = crypto.randomBytes(4).toString('hex');
  const { rows } = await sql<Draft>`
    with ent as (
      insert into enterprises (owner_user_id, legal_name_en, legal_name_zh, registration_type, br_number, br_expiry, sector,
        full_time_employees, address, district, phone, has_substantive_business, is_listed_company, is_statutory_body, is_subvented)
      select ${ownerId}, 'Bench Shop ' || ${tag} || '-' || g, '測試店', 'br', lpad((nextval('bench_br') % 100000000)::text, 8, '0'),
        '2030-12-31', 'fnb', 5, g || ' Bench Street', 'sham_shui_po', '2345 6789', true, false, false, false
      from generate_series(1, ${count}) g
      returning id
    ), enq as (
      insert into enquiries (enterprise_id, solution_id, solution_version_id, status, created_by)
      select ent.id, s.id, s.listed_version_id, 'confirmed', ${ownerId} from ent cross join solutions s where s.id = ${solutionId}
      returning id, enterprise_id
    ), quo as (
      insert into quotations (enquiry_id, vendor_id, solution_version_id, items, max_subscription_months, eligible_cost_cents, created_by)
      select enq.id, s.vendor_id, s.listed_version_id, '[]', 24, 2000000, ${ownerId} from enq cross join solutions s where s.id = ${solutionId}
      returning id, enquiry_id
    )
    insert into applications (reference, enterprise_id, quotation_id, vendor_id, category, status, cost_cents, declarations,
      idempotency_key, created_by)
    select 'DTS-B' || ${tag} || '-' || quo.id, enq.enterprise_id, quo.id, s.vendor_id, s.category, 'draft', 2000000,
      '{"information_true":true,"no_other_public_funding":true,"not_related_to_vendor":true,"deploy_within_six_months":true,"consent_to_checks":true}',
      'bench-' || ${tag} || '-' || quo.id, ${ownerId}
    from quo join enq on enq.id = quo.enquiry_id cross join solutions s where s.id = ${solutionId}
    returning id, reference, enterprise_id as "enterpriseId"`.execute(db);
  return rows;
}

/** The floor: the same writes as a submit, in raw SQL on a node-postgres pool. */
async function floorSubmit(pool: pg.Pool, draft: Draft, settingsId: number, ownerId: number) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const ent = await client.query<{ registration_key: string }>('select registration_key from enterprises where id = $1 for update', [
      draft.enterpriseId,
    ]);
    const now = new Date();
    await client.query(
      `update applications set status = 'submitted', programme_cents = $2, shop_cents = $3, settings_id = $4, registration_key = $5,
         eligibility_at_submit = $6, submitted_at = $7, updated_at = $7 where id = $1 and status = 'draft'`,
      [draft.id, 1_000_000, 1_000_000, settingsId, ent.rows[0]!.registration_key, '[]', now],
    );
    await client.query(
      `insert into application_events (application_id, actor_user_id, actor_role, action, from_status, to_status)
       values ($1, $2, 'applicant', 'submit', 'draft', 'submitted')`,
      [draft.id, ownerId],
    );
    const notice = await client.query<{ id: number }>(
      `insert into notifications (user_id, application_id, template, params, source_key) values ($1, $2, 'application_submitted', $3, $4)
       on conflict (user_id, source_key, template) do nothing returning id`,
      [ownerId, draft.id, JSON.stringify({ reference: draft.reference, programmeCents: 1_000_000 }), `application:${draft.id}`],
    );
    if (notice.rows[0]) {
      await client.query(`insert into outbox (topic, idempotency_key, payload) values ('notification', $1, $2)`, [
        `notification-${notice.rows[0].id}-application:${draft.id}`,
        JSON.stringify({
          to: { email: 'applicant@demo.matchfund.hk' },
          locale: 'en',
          template: 'application_submitted',
          subject: 's',
          body: 'b',
        }),
      ]);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/** Runs `work` over the drafts with `concurrency` workers; returns submits per second. */
async function throughput(drafts: Draft[], concurrency: number, work: (draft: Draft) => Promise<void>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < drafts.length) await work(drafts[next++]!);
    }),
  );
  return drafts.length / (Number(process.hrtime.bigint() - started) / 1e9);
}

/** Statements sent to the server by `run` (every pg query, BEGIN and COMMIT included). */
async function countStatements(run: () => Promise<void>): Promise<number> {
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    count++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return count;
}

export async function benchSubmit(): Promise<SubmitFigures[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matchfund-bench-submit-'));
  fs.chmodSync(dir, 0o755);
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), ephemeral: true });
  const db = createDb({ url: embedded.url, max: 20 });
  const pool = new pg.Pool({ connectionString: embedded.url, max: 20 });
  pool.on('error', (error) => console.warn(`[bench] idle connection lost: ${error.message}`));
  try {
    await migrateToLatest(db);
    await seedDatabase(db, { demo: true });
    await sql`create sequence bench_br start 20000000`.execute(db);
    const owner = await db.selectFrom('users').select('id').where('email', '=', 'applicant@demo.matchfund.hk').executeTakeFirstOrThrow();
    const settings = await db.selectFrom('programmeSettings').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
    // A listed package in an open category.
    const solution = await db
      .selectFrom('solutions')
      .select('id')
      .where('status', '=', 'listed')
      .where('category', 'in', settings.openCategories)
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();

    const subject = async (draft: Draft) => {
      const result = await submitApplication({ db, userId: owner.id, reference: draft.reference });
      if (!result.ok || result.replayed) throw new Error(`submit of ${draft.reference} failed: ${JSON.stringify(result)}`);
    };
    const floor = (draft: Draft) => floorSubmit(pool, draft, settings.id, owner.id);

    // Warm both paths (connections, JIT, plans), and count the statements of one submit each.
    const warm = await makeDrafts(db, 42, owner.id, solution.id);
    for (const draft of warm.slice(0, 20)) await subject(draft);
    for (const draft of warm.slice(20, 40)) await floor(draft);
    const subjectStatements = await countStatements(() => subject(warm[40]!));
    const floorStatements = await countStatements(() => floor(warm[41]!));
    console.log(`statements per submit: service ${subjectStatements}, raw-pg floor ${floorStatements}`);

    const figures: SubmitFigures[] = [];
    for (const concurrency of (process.env.BENCH_SUBMIT_CONCURRENCY ?? '1,20').split(',').map(Number)) {
      const s: number[] = [];
      const f: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        s.push(await throughput(await makeDrafts(db, PER_RUN, owner.id, solution.id), concurrency, subject));
        f.push(await throughput(await makeDrafts(db, PER_RUN, owner.id, solution.id), concurrency, floor));
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      figures.push({ concurrency, subject: mean(s), floor: mean(f), subjectStatements, floorStatements });
    }
    return figures;
  } finally {
    await pool.end();
    await db.destroy();
    await embedded.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('tests/bench/submit.ts')) {
  for (const f of await benchSubmit()) {
    console.log(
      `submit at concurrency ${f.concurrency}: service ${f.subject.toFixed(0)}/s, floor ${f.floor.toFixed(0)}/s, ratio ${(f.subject / f.floor).toFixed(2)}`,
    );
  }
}

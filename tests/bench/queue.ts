// The officers' queue at scale: fills a throwaway database with N submitted applications (default one million) and
// times the queue's first page, a page deep in the keyset, a filtered page, and "next in queue".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createDb } from '../../db/client';
import { startEmbeddedPostgres } from '../../db/embedded';
import { migrateToLatest } from '../../db/migrate';
import { seedDatabase } from '../../db/seed';
import { listQueue, takeNextInQueue, workload } from '../../app/services/officer.server';

let medians: Record<string, number> = {};

async function time<T>(label: string, runs: number, fn: () => Promise<T>): Promise<T> {
  let result: T | undefined;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    result = await fn();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  medians[label] = samples[Math.floor(runs / 2)]!;
  console.log(
    `${label.padEnd(52)} median ${samples[Math.floor(runs / 2)]!.toFixed(1)} ms  (min ${samples[0]!.toFixed(1)}, max ${samples.at(-1)!.toFixed(1)})`,
  );
  return result!;
}

/** Fills a database with `rows` applications and returns the median milliseconds of each officer query. */
export async function benchQueue(rows: number): Promise<Record<string, number>> {
  medians = {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matchfund-bench-queue-'));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), ephemeral: true });
  const db = createDb({ url: pg.url, max: 4 });
  try {
    await migrateToLatest(db);
    await seedDatabase(db, { demo: true });
    const started = Date.now();
    // Synthetic but shaped like production: every application has its own enquiry and quotation.
    await sql`
      insert into enterprises (owner_user_id, legal_name_en, legal_name_zh, registration_type, br_number, br_expiry, sector,
        full_time_employees, address, district, phone, has_substantive_business, is_listed_company, is_statutory_body, is_subvented)
      select (select id from users where email = 'applicant@demo.matchfund.hk'), 'Bench Shop ' || g, '測試店 ' || g, 'br',
        lpad(g::text, 8, '0'), '2030-12-31', (array['fnb','retail'])[1 + g % 2], 5, g || ' Bench Street',
        (array['central_western','wan_chai','eastern','southern','yau_tsim_mong','sham_shui_po','kowloon_city','wong_tai_sin','kwun_tong','kwai_tsing','tsuen_wan','tuen_mun','yuen_long','north','tai_po','sha_tin','sai_kung','islands'])[1 + g % 18],
        '2345 6789', true, false, false, false
      from generate_series(1, ${Math.ceil(rows / 3)}) g`.execute(db);
    await sql`
      insert into enquiries (enterprise_id, solution_id, solution_version_id, status, created_by)
      select e.id, s.id, s.listed_version_id, 'confirmed', e.owner_user_id
      from generate_series(1, ${rows}) g
      join enterprises e on e.id = (select min(id) from enterprises where legal_name_en like 'Bench Shop %') + g % ${Math.ceil(rows / 3)}
      join solutions s on s.id = (select min(id) from solutions) + g % 50`.execute(db);
    console.log(`inserted ${rows} enquiries in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await sql`
      insert into quotations (enquiry_id, vendor_id, solution_version_id, items, max_subscription_months, eligible_cost_cents, created_by)
      select q.id, s.vendor_id, q.solution_version_id, '[]', 24, 2000000, q.created_by
      from enquiries q join solutions s on s.id = q.solution_id`.execute(db);
    await sql`
      insert into applications (reference, enterprise_id, quotation_id, vendor_id, category, status, cost_cents, programme_cents,
        shop_cents, declarations, idempotency_key, created_by, submitted_at)
      select 'DTS-2026-' || lpad(q.id::text, 7, '0'), e.enterprise_id, q.id, q.vendor_id, s.category,
        (array['submitted','submitted','under_review','info_requested','approved','rejected'])[1 + q.id % 6],
        2000000, 1000000, 1000000, '{}', 'bench-' || q.id, q.created_by,
        now() - make_interval(mins => (q.id % 200000)::int)
      from quotations q join enquiries e on e.id = q.enquiry_id join solutions s on s.id = e.solution_id`.execute(db);
    await sql`analyze`.execute(db);
    console.log(`${rows} applications ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    if (process.env.BENCH_EXPLAIN === '1') {
      const { rows: plan } = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers off)
        select a.id from applications a join enterprises ent on ent.id = a.enterprise_id
        where a.submitted_at is not null and a.status <> 'draft' and a.status in ('submitted', 'under_review', 'info_requested')
          and a.ent_sector = 'retail' and a.ent_district = 'sha_tin' order by a.submitted_at, a.id limit 26`.execute(db);
      console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
    }
    const officer = await db.selectFrom('users').select('id').where('email', '=', 'officer@demo.matchfund.hk').executeTakeFirstOrThrow();
    const first = await time('queue: first page (25, oldest first)', 15, () => listQueue({ db, officerId: officer.id, filters: {} }));
    let cursor = first.next!;
    const skip = Math.min(200, Math.floor(rows / 4000));
    for (let i = 0; i < skip; i++) cursor = (await listQueue({ db, officerId: officer.id, filters: {}, after: cursor, limit: 1000 })).next!;
    await time('queue: a page deep in the keyset', 15, () => listQueue({ db, officerId: officer.id, filters: {}, after: cursor }));
    console.log(`  (after ${(skip * 1000).toLocaleString('en')} rows)`);
    await time('queue: filtered by district + sector', 15, () =>
      listQueue({ db, officerId: officer.id, filters: { district: 'sha_tin', sector: 'retail' } }),
    );
    await time('queue: unassigned submitted only', 15, () =>
      listQueue({ db, officerId: officer.id, filters: { status: 'submitted', assigned: 'unassigned' } }),
    );
    // The queue-wide counts are kept up to WORKLOAD_STALE_MS (30 s): the median is what an officer waits for.
    await time('officer home counts (aggregate)', 5, () => workload({ db, officerId: officer.id }));
    await time('next in queue (SKIP LOCKED, assigns one)', 15, () => takeNextInQueue({ db, officerId: officer.id }));
    return medians;
  } finally {
    await db.destroy();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

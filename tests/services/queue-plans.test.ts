// The queue's filters read only the rows they show (migration 2026-12-03T0600-queue-filter-indexes): EXPLAIN ANALYZE of
// the exact query the queue sends, on a queue shaped like a running programme — the oldest cases already taken (next
// in queue takes the oldest first), the rest waiting — and the same rows as a plan without indexes. (On a queue this
// small PostgreSQL walks the queue's index for a district holding one case in 18, rightly: its heap is in queue
// order; at 1M it takes the district's index, docs/PERFORMANCE.md. Here Sha Tin holds one in a hundred.)
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQueue, queuePageQuery, type QueueFilters } from '../../app/services/officer.server';
import { holidaySet } from '../../app/services/holidays.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';

const APPLICATIONS = 18_000;
const TAKEN = 3_000; // the oldest, under review with one of the officers
const districts = ['central_western', 'wan_chai', 'eastern', 'southern', 'yau_tsim_mong', 'sham_shui_po', 'kowloon_city', 'wong_tai_sin', 'kwun_tong', 'kwai_tsing', 'tsuen_wan', 'tuen_mun', 'yuen_long', 'north', 'tai_po', 'sha_tin', 'sai_kung', 'islands']; // prettier-ignore

let t: TestDatabase;
let officerId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  const user = await makeUser(t.db);
  const officer = await makeUser(t.db, 'officer');
  officerId = officer.id;
  const pkg = await makeListedSolution(t.db, { priceCents: 20_000_00 });
  const enterpriseId = await makeEnterprise(t.db, user.id);
  await makeQuotation(t.db, { userId: user.id, enterpriseId, solutionId: pkg.solutionId, vendorUserId: pkg.vendorUserId });
  // A hundred enterprises; one in Sha Tin (a district with one open case in a hundred), the others over 15 districts.
  await sql`
    insert into enterprises (owner_user_id, legal_name_en, legal_name_zh, registration_type, br_number, br_expiry, sector,
      full_time_employees, address, district, phone, has_substantive_business, is_listed_company, is_statutory_body, is_subvented)
    select ${user.id}, 'Plan Shop ' || g, '測試店 ' || g, 'br', lpad((90000000 + g)::text, 8, '0'), '2030-12-31',
      (array['fnb','retail'])[1 + g % 2], 5, g || ' Plan Street', case when g = 0 then 'sha_tin' else (${sql.val(districts)}::text[])[1 + g % 15] end, '2345 6789',
      true, false, false, false
    from generate_series(0, 99) g`.execute(t.db);
  // Every application has its own enquiry and quotation (one application per quotation), as in the bench's fill.
  await sql`
    insert into enquiries (enterprise_id, solution_id, solution_version_id, status, created_by)
    select e.id, ${pkg.solutionId}, ${pkg.versionId}, 'confirmed', ${user.id}
    from generate_series(1, ${APPLICATIONS}) g join enterprises e on e.legal_name_en = 'Plan Shop ' || (g % 100)`.execute(t.db);
  await sql`
    insert into quotations (enquiry_id, vendor_id, solution_version_id, items, max_subscription_months, eligible_cost_cents, created_by)
    select q.id, ${pkg.vendorId}, q.solution_version_id, '[]', 24, 2000000, q.created_by
    from enquiries q where q.status = 'confirmed' and q.id not in (select enquiry_id from quotations)`.execute(t.db);
  await sql`
    insert into applications (reference, enterprise_id, quotation_id, vendor_id, category, status, cost_cents, programme_cents,
      shop_cents, declarations, idempotency_key, created_by, submitted_at, assigned_officer_id, assigned_at)
    select 'DTS-2026-P' || lpad(n::text, 6, '0'), e.enterprise_id, q.id, q.vendor_id, 'e_payment_pos',
      case when n <= ${TAKEN} then 'under_review' else 'submitted' end, 2000000, 1000000, 1000000, '{}', 'plan-' || n,
      ${user.id}, now() - make_interval(mins => ${APPLICATIONS} - n::int),
      case when n <= ${TAKEN} then ${officerId}::bigint end, case when n <= ${TAKEN} then now() end
    from (select q.*, row_number() over (order by q.id) n from quotations q where q.id not in (select quotation_id from applications)) q
    join enquiries e on e.id = q.enquiry_id`.execute(t.db);
  await sql`analyze`.execute(t.db);
}, 60_000);
afterAll(async () => {
  await t.drop();
});

async function plan(filters: QueueFilters) {
  const query = queuePageQuery({ db: t.db, officerId, filters, holidays: await holidaySet(t.db) }).compile();
  const result = await t.db.executeQuery<Record<string, string>>(
    CompiledQuery.raw(`explain (analyze, costs off, timing off, summary off) ${query.sql}`, [...query.parameters]),
  );
  return result.rows.map((row) => Object.values(row)[0]).join('\n');
}

/** The applications node of the plan: the index it reads and how many rows it read to find the page. */
function applicationsScan(text: string) {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => / on applications a\b/.test(line));
  const node = lines[at]!;
  const indent = node.search(/\S/);
  const details = lines.slice(at + 1).filter((line, i, rest) => rest.slice(0, i + 1).every((l) => l.search(/\S/) > indent));
  const removed = details.map((line) => /Rows Removed by Filter: (\d+)/.exec(line)?.[1]).find(Boolean);
  return { node, rowsRemoved: Number(removed ?? 0) };
}

describe('the queue filtered by district or to the cases nobody has taken', () => {
  it('reads the district from its own index in queue order, no row of another district', async () => {
    const scan = applicationsScan(await plan({ district: 'sha_tin' }));
    expect(scan.node).toContain('applications_open_district_idx');
    expect(scan.rowsRemoved).toBe(0);
  });

  it('reads the cases nobody has taken from their own index, not through the taken ones at the head of the queue', async () => {
    for (const filters of [{ assigned: 'unassigned' }, { assigned: 'unassigned', status: 'submitted' }] as QueueFilters[]) {
      const scan = applicationsScan(await plan(filters));
      expect(scan.node).toContain('applications_open_unassigned_idx');
      expect(scan.rowsRemoved).toBe(0);
    }
  });

  it('shows the same pages as a plan that reads no index', async () => {
    const all: QueueFilters[] = [{}, { district: 'sha_tin' }, { assigned: 'unassigned' }, { district: 'wan_chai', assigned: 'unassigned' }];
    for (const filters of all) {
      const pages = async () => {
        const first = await listQueue({ db: t.db, officerId, filters });
        const second = await listQueue({ db: t.db, officerId, filters, after: first.next! });
        return [...first.rows, ...second.rows].map((row) => row.reference);
      };
      const indexed = await pages();
      const walked = await t.db.connection().execute(async (conn) => {
        await sql`set enable_indexscan = off`.execute(conn);
        await sql`set enable_bitmapscan = off`.execute(conn);
        try {
          const first = await listQueue({ db: conn, officerId, filters });
          const second = await listQueue({ db: conn, officerId, filters, after: first.next! });
          return [...first.rows, ...second.rows].map((row) => row.reference);
        } finally {
          await sql`reset enable_indexscan`.execute(conn);
          await sql`reset enable_bitmapscan`.execute(conn);
        }
      });
      expect(indexed).toHaveLength(50);
      expect(indexed).toEqual(walked);
    }
  });
});

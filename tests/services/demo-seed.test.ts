// The lived-in demo: the same history every time, every status of the lifecycle, every rule the services enforce,
// and real work waiting for each demo account.
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationStatuses,
  committedStatuses,
  transition,
  type ApplicationAction,
  type ActorRole,
  type ApplicationStatus,
} from '../../app/domain/application-lifecycle';
import { riskCodes, type RiskCode } from '../../app/domain/risk-signals';
import { bootDatabase } from '../../app/lib/boot.server';
import { parseEnv } from '../../app/lib/env.server';
import { listApplicantApplications } from '../../app/services/applications.server';
import { checkBankAccount, maskAccount } from '../../app/domain/bank-account';
import { getClaimReview, getShopClaims, listClaims, releasePayment } from '../../app/services/claims.server';
import { openDataSummary, programmeDashboard } from '../../app/services/dashboard.server';
import { listApplicantEnquiries, listVendorEnquiries } from '../../app/services/enquiries.server';
import { listEnterprises } from '../../app/services/enterprises.server';
import { listPendingVersions } from '../../app/services/listings.server';
import { unreadCount } from '../../app/services/notifications.server';
import { budgetPosition, listQueue, workload } from '../../app/services/officer.server';
import { riskSignalsFor } from '../../app/services/risk.server';
import { listEnrolments, listVendorApplications } from '../../app/services/vendors.server';
import type { DB } from '../../db/client';
import { seedDemoActivity, type DemoActivitySummary } from '../../db/demo-activity';
import { demoPdf } from '../../db/demo-pdf';
import { planDemo, type CatalogueSolution, type DemoContext } from '../../db/demo-plan';
import { initialSettings, seedDatabase } from '../../db/seed';
import { seedSolutions, seedVendors } from '../../db/seed-data';
import { createTestDatabase, type TestDatabase } from '../support/db';

/** A Tuesday, 10:00 in Hong Kong. */
const NOW = new Date('2026-12-01T02:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

let first: TestDatabase;
let second: TestDatabase;
let summary: DemoActivitySummary | null;

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  summary = await seedDemoActivity(first.db, { now: NOW });
  await seedDemoActivity(second.db, { now: NOW });
}, 120_000);

afterAll(async () => {
  await Promise.all([first?.drop(), second?.drop()]);
});

async function userId(db: DB, email: string): Promise<number> {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

/** What a second run must reproduce: the size of every table and every application's story in brief. */
async function fingerprint(db: DB) {
  const tables = [
    'users',
    'enterprises',
    'enquiries',
    'quotations',
    'applications',
    'documents',
    'application_events',
    'notifications',
    'claims',
    'payments',
    'enterprise_bank_accounts',
    'vendors',
    'solution_versions',
    'audit_log',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables)
    counts[table] = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
  const applications = await db
    .selectFrom('applications')
    .select(['reference', 'status', 'programmeCents', 'submittedAt', 'decidedAt'])
    .orderBy('reference')
    .execute();
  const accounts = await db
    .selectFrom('enterpriseBankAccounts as b')
    .innerJoin('enterprises as e', 'e.id', 'b.enterpriseId')
    .select(['e.legalNameEn', 'b.bankCode', 'b.branchCode', 'b.accountNumber', 'b.updatedAt'])
    .orderBy('e.legalNameEn')
    .execute();
  return {
    counts,
    accounts: accounts.map((a) => `${a.legalNameEn} ${a.bankCode}-${a.branchCode}-${a.accountNumber} ${a.updatedAt.toISOString()}`),
    applications: applications.map(
      (a) => `${a.reference} ${a.status} ${a.programmeCents} ${a.submittedAt?.toISOString()} ${a.decidedAt?.toISOString()}`,
    ),
  };
}

describe('the lived-in demo', () => {
  it('is the same every time it is made from the same seed and clock', async () => {
    expect(summary).not.toBeNull();
    const [a, b] = await Promise.all([fingerprint(first.db), fingerprint(second.db)]);
    expect(a).toEqual(b);
    expect(a.counts.enterprises).toBeGreaterThanOrEqual(150);
    expect(a.counts.enterprises).toBeLessThanOrEqual(250);
  });

  it('is added once: a database with activity already is left alone', async () => {
    const before = await fingerprint(first.db);
    expect(await seedDemoActivity(first.db, { now: NOW })).toBeNull();
    expect(await fingerprint(first.db)).toEqual(before);
  });

  it('has applications in every status, claims in every state and payments both waiting and released', async () => {
    const statuses = await first.db.selectFrom('applications').select('status').distinct().execute();
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(applicationStatuses));
    const claims = await first.db.selectFrom('claims').select('status').distinct().execute();
    expect(new Set(claims.map((c) => c.status))).toEqual(new Set(['submitted', 'returned', 'approved']));
    const payments = await first.db.selectFrom('payments').select('status').distinct().execute();
    expect(new Set(payments.map((p) => p.status))).toEqual(new Set(['prepared', 'released']));
    // Questions answered, refusals with their reasons, districts and sectors spread out.
    const answered = await first.db.selectFrom('applicationEvents').select('id').where('action', '=', 'resubmit').execute();
    expect(answered.length).toBeGreaterThan(5);
    const rejected = await first.db.selectFrom('applications').select(['decisionReason']).where('status', '=', 'rejected').execute();
    expect(rejected.every((r) => r.decisionReason !== null)).toBe(true);
    expect(new Set(rejected.map((r) => r.decisionReason)).size).toBeGreaterThan(3);
    const districts = await first.db.selectFrom('enterprises').select('district').distinct().execute();
    expect(districts).toHaveLength(18);
    const sectors = await first.db.selectFrom('enterprises').select('sector').distinct().execute();
    expect(new Set(sectors.map((s) => s.sector))).toEqual(new Set(initialSettings.openSectors));
    // Open applications past the service standard.
    const officer = await userId(first.db, 'officer@demo.matchfund.hk');
    expect((await workload({ db: first.db, officerId: officer, now: NOW })).breached).toBeGreaterThan(3);
  });

  it('keeps the cap, the budget and one live application per category', async () => {
    const perEnterprise = await first.db
      .selectFrom('applications')
      .select((eb) => ['enterpriseId', eb.fn.sum<string>('programmeCents').as('committed')])
      .where('status', 'in', [...committedStatuses])
      .groupBy('enterpriseId')
      .execute();
    const committed = perEnterprise.map((row) => Number(row.committed));
    expect(committed.every((cents) => cents <= initialSettings.capCents)).toBe(true);
    expect(committed.filter((cents) => cents === initialSettings.capCents).length).toBeGreaterThanOrEqual(3);

    const budget = await budgetPosition(first.db);
    expect(budget.approvedCents).toBeGreaterThan(0);
    expect(budget.approvedCents).toBeLessThanOrEqual(budget.budgetCents);

    const twice = await first.db
      .selectFrom('applications')
      .select(['enterpriseId', 'category'])
      .where('status', 'in', [...committedStatuses])
      .groupBy(['enterpriseId', 'category'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(twice).toEqual([]);

    // Shares, once submitted, are the 1:1 match (or what headroom was left) and add up with the shop's part.
    const apps = await first.db
      .selectFrom('applications')
      .select(['reference', 'status', 'costCents', 'programmeCents', 'shopCents'])
      .where('submittedAt', 'is not', null)
      .execute();
    for (const app of apps) {
      expect(app.programmeCents + app.shopCents, app.reference).toBe(app.costCents);
      expect(app.programmeCents * 2, app.reference).toBeLessThanOrEqual(app.costCents);
    }
  });

  it('tells each story in order: events follow the lifecycle, and every time agrees with them', async () => {
    const apps = await first.db.selectFrom('applications').selectAll().execute();
    const events = await first.db.selectFrom('applicationEvents').selectAll().orderBy('id').execute();
    const byApp = new Map<number, typeof events>();
    for (const event of events) byApp.set(event.applicationId, [...(byApp.get(event.applicationId) ?? []), event]);
    const problems: string[] = [];
    const problem = (reference: string, what: string) => problems.push(`${reference}: ${what}`);
    for (const app of apps) {
      const trail = byApp.get(app.id) ?? [];
      const [created, ...moves] = trail;
      if (!created || created.action !== 'create' || created.fromStatus !== null || created.toStatus !== 'draft') {
        problem(app.reference, 'does not start with a draft');
        continue;
      }
      if (created.createdAt.getTime() !== app.createdAt.getTime()) problem(app.reference, 'created at another time than its first event');
      let previous = created;
      for (const event of moves) {
        const step = transition({
          status: event.fromStatus as ApplicationStatus,
          action: event.action as ApplicationAction,
          role: event.actorRole as ActorRole,
        });
        if (event.fromStatus !== previous.toStatus)
          problem(app.reference, `${event.action} starts from ${event.fromStatus}, not ${previous.toStatus}`);
        if (!step.ok || step.next !== event.toStatus)
          problem(app.reference, `${event.action} by ${event.actorRole} from ${event.fromStatus} is not a lifecycle move`);
        if (event.createdAt < previous.createdAt) problem(app.reference, `${event.action} dated before ${previous.action}`);
        previous = event;
      }
      if (previous.toStatus !== app.status) problem(app.reference, `ends at ${previous.toStatus} but is ${app.status}`);
      if (app.updatedAt.getTime() !== previous.createdAt.getTime()) problem(app.reference, 'updated at another time than its last event');
      if (previous.createdAt > NOW) problem(app.reference, 'has an event in the future');
      const at = (action: string) => trail.filter((e) => e.action === action).map((e) => e.createdAt.getTime());
      if ((app.submittedAt?.getTime() ?? null) !== (at('submit')[0] ?? null))
        problem(app.reference, 'submittedAt is not its first submission');
      if ((app.approvedAt?.getTime() ?? null) !== (at('approve')[0] ?? null)) problem(app.reference, 'approvedAt is not its approval');
      const decision = trail.filter((e) => e.action === 'approve' || e.action === 'reject').at(-1);
      if (decision && app.decidedAt?.getTime() !== decision.createdAt.getTime()) problem(app.reference, 'decidedAt is not its decision');
      if (app.approvedAt) {
        const deadline = new Date(app.approvedAt);
        deadline.setUTCMonth(deadline.getUTCMonth() + initialSettings.deploymentMonths);
        if (app.deployBy?.getTime() !== deadline.getTime()) problem(app.reference, 'deployBy is not six months after approval');
      }
      if (app.status === 'lapsed' && !(app.lapsedAt && app.deployBy && app.lapsedAt > app.deployBy))
        problem(app.reference, 'lapsed before its deadline');
      if (['approved', 'deployment_reported'].includes(app.status) && app.deployBy! <= NOW)
        problem(app.reference, 'is overdue but not lapsed');
    }
    expect(problems).toEqual([]);

    // Everything else with a time sits inside the story it belongs to.
    const late = await sql<Record<string, string>>`
      select
        (select count(*) from enquiries e join enterprises ent on ent.id = e.enterprise_id where e.created_at < ent.created_at) as enquiry_before_enterprise,
        (select count(*) from enterprises ent join users u on u.id = ent.owner_user_id where ent.created_at < u.created_at) as enterprise_before_owner,
        (select count(*) from quotations q join enquiries e on e.id = q.enquiry_id where q.created_at < e.created_at or q.created_at <> e.responded_at) as quotation_not_the_answer,
        (select count(*) from applications a join quotations q on q.id = a.quotation_id where a.created_at < q.created_at) as application_before_quotation,
        (select count(*) from claims c where not exists (select 1 from application_events ev where ev.application_id = c.application_id and ev.action = 'submit_claim' and ev.created_at = c.created_at)) as claim_without_event,
        (select count(*) from payments p where p.released_at < p.prepared_at or p.released_by = p.prepared_by) as payment_out_of_order,
        (select count(*) from payments p join applications a on a.id = p.application_id where (p.status = 'released') <> (a.status = 'paid')) as payment_not_paid,
        (select count(*) from notifications n where n.read_at < n.created_at or n.created_at > ${NOW} or n.read_at > ${NOW}) as notification_time,
        (select count(*) from users u where u.created_at > ${NOW}) as user_in_future,
        (select count(*) from documents d join applications a on a.id = d.application_id where d.created_at < a.created_at) as document_before_application`.execute(
      first.db,
    );
    expect(Object.entries(late.rows[0]!).filter(([, n]) => Number(n) > 0)).toEqual([]);
  });

  it('gives every demo account real work', async () => {
    const db = first.db;
    // The shop owner: a business, one application paid, one waiting on them, unread news, an enquiry out.
    const shop = await userId(db, 'applicant@demo.matchfund.hk');
    expect(await listEnterprises({ db, userId: shop })).toHaveLength(1);
    const mine = (await listApplicantApplications({ db, userId: shop, page: 1 })).rows.map((r) => r.status);
    expect(mine).toContain('paid');
    expect(mine).toContain('info_requested');
    expect(await unreadCount({ db, userId: shop })).toBeGreaterThan(0);
    expect((await listApplicantEnquiries({ db, userId: shop, page: 1 })).rows.some((e) => e.status === 'sent')).toBe(true);

    // The vendor: enquiries to answer, and (on its first page of applications) a deployment to report.
    const vendor = await userId(db, 'vendor@demo.matchfund.hk');
    expect((await listVendorEnquiries({ db, userId: vendor, status: 'sent', page: 1 })).rows.length).toBeGreaterThanOrEqual(3);
    expect((await listVendorApplications({ db, userId: vendor, page: 1 })).rows.some((r) => r.status === 'approved')).toBe(true);

    // Each officer: applications of their own (one past the service standard), and a payment the other prepared.
    const officers = [await userId(db, 'officer@demo.matchfund.hk'), await userId(db, 'officer2@demo.matchfund.hk')];
    for (const [i, officerId] of officers.entries()) {
      const assigned = await listQueue({ db, officerId, filters: { assigned: 'me' }, now: NOW, limit: 100 });
      expect(assigned.rows.length).toBeGreaterThanOrEqual(5);
      expect(assigned.rows.some((r) => r.slaBreached)).toBe(true);
      const release = await listClaims({ db, officerId, list: 'release', page: 1 });
      expect(release.rows.some((r) => r.preparedBy === officers[1 - i] && !r.mine)).toBe(true);
    }
    const queue = await listQueue({ db, officerId: officers[0]!, filters: {}, now: NOW, limit: 100 });
    expect(queue.rows.length).toBeGreaterThan(20);
    expect((await listClaims({ db, officerId: officers[0]!, list: 'check', page: 1 })).rows.length).toBeGreaterThan(0);
    expect((await listClaims({ db, officerId: officers[0]!, list: 'prepare', page: 1 })).rows.length).toBeGreaterThan(0);

    // Vetting: a new package and a new version of a listed one; an enrolment to decide.
    const pending = await listPendingVersions({ db });
    expect(pending.some((v) => v.listedVersionId === null)).toBe(true);
    expect(pending.some((v) => v.listedVersionId !== null && v.version === 2)).toBe(true);
    expect(await listEnrolments({ db, status: 'pending' })).toHaveLength(1);
  });

  it('gives every business that claimed a valid bank account, snapshotted on its claims and payments', async () => {
    const db = first.db;
    const claims = await db
      .selectFrom('claims as c')
      .innerJoin('applications as a', 'a.id', 'c.applicationId')
      .select([
        'c.id',
        'c.status',
        'c.decisionNote',
        'a.enterpriseId',
        'c.payeeBankCode',
        'c.payeeBranchCode',
        'c.payeeAccountNumber',
        'c.payeeAccountName',
      ])
      .orderBy('c.id')
      .execute();
    expect(claims.length).toBeGreaterThan(20);
    const accounts = new Map(
      (await db.selectFrom('enterpriseBankAccounts').selectAll().execute()).map((account) => [account.enterpriseId, account]),
    );
    // One account per business that claimed, and none for the others.
    expect(new Set(accounts.keys())).toEqual(new Set(claims.map((c) => c.enterpriseId)));
    for (const account of accounts.values()) expect(checkBankAccount(account)).toEqual({});
    for (const claim of claims) {
      const account = accounts.get(claim.enterpriseId)!;
      expect({
        bankCode: claim.payeeBankCode,
        branchCode: claim.payeeBranchCode,
        accountNumber: claim.payeeAccountNumber,
        accountName: claim.payeeAccountName,
      }).toEqual({
        bankCode: account.bankCode,
        branchCode: account.branchCode,
        accountNumber: account.accountNumber,
        accountName: account.accountName,
      });
      // A returned claim says why, as the officer's decision does in the portal.
      if (claim.status === 'returned') expect(claim.decisionNote).toBeTruthy();
      else expect(claim.decisionNote).toBeNull();
    }
    // Payments carry their claim's payee; each account's addition is in the audit trail, masked.
    const payments = await db
      .selectFrom('payments as p')
      .innerJoin('claims as c', 'c.id', 'p.claimId')
      .select([
        'p.payeeBankCode',
        'p.payeeBranchCode',
        'p.payeeAccountNumber',
        'p.payeeAccountName',
        'c.payeeBankCode as claimBank',
        'c.payeeAccountNumber as claimNumber',
      ])
      .execute();
    expect(payments.length).toBeGreaterThan(5);
    for (const p of payments) {
      expect(p.payeeAccountNumber).not.toBeNull();
      expect([p.payeeBankCode, p.payeeAccountNumber]).toEqual([p.claimBank, p.claimNumber]);
    }
    const audited = await db
      .selectFrom('auditLog')
      .select(['entityId', 'note'])
      .where('entityType', '=', 'enterprise')
      .where('action', '=', 'bank_account_added')
      .execute();
    expect(audited).toHaveLength(accounts.size);
    for (const entry of audited) expect(entry.note).toBe(maskAccount(accounts.get(entry.entityId)!));
  });

  it('shows the masked account to the officer and the shop, and puts the payee in the payment instruction', async () => {
    // The demo shop's paid application: the paid date and the masked account on its page.
    const shop = await userId(first.db, 'applicant@demo.matchfund.hk');
    const paid = (await listApplicantApplications({ db: first.db, userId: shop, page: 1 })).rows.find((r) => r.status === 'paid')!;
    const shopSide = await getShopClaims({ db: first.db, userId: shop, reference: paid.reference });
    expect(shopSide?.payment?.account).toMatch(/^\d{3}-\*\*\*-\*\*\*\d{3}$/);

    // A payment waiting for release: the officer sees the account masked; releasing it sends the payee along.
    const db = second.db;
    const waiting = await db
      .selectFrom('payments as p')
      .innerJoin('applications as a', 'a.id', 'p.applicationId')
      .innerJoin('users as u', 'u.id', 'p.preparedBy')
      .select(['a.reference', 'u.email', 'p.id', 'p.payeeBankCode', 'p.payeeBranchCode', 'p.payeeAccountNumber', 'p.payeeAccountName'])
      .where('p.status', '=', 'prepared')
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
    const checker = await userId(
      db,
      waiting.email === 'officer@demo.matchfund.hk' ? 'officer2@demo.matchfund.hk' : 'officer@demo.matchfund.hk',
    );
    const review = await getClaimReview({ db, reference: waiting.reference, officerId: checker });
    const masked = maskAccount({ bankCode: waiting.payeeBankCode!, accountNumber: waiting.payeeAccountNumber! });
    expect(review?.payment?.payeeAccount).toBe(masked);
    expect(review?.claim?.payeeAccount).toBe(masked);
    expect(JSON.stringify(review)).not.toContain(waiting.payeeAccountNumber!);
    expect(await releasePayment({ db, officerId: checker, reference: waiting.reference })).toEqual({ ok: true });
    const instruction = await db
      .selectFrom('outbox')
      .select('payload')
      .where('idempotencyKey', '=', `payment-${waiting.id}`)
      .executeTakeFirstOrThrow();
    const payload = (typeof instruction.payload === 'string' ? JSON.parse(instruction.payload) : instruction.payload) as Record<
      string,
      unknown
    >;
    expect(payload.payeeAccount).toEqual({
      bankCode: waiting.payeeBankCode,
      branchCode: waiting.payeeBranchCode,
      accountNumber: waiting.payeeAccountNumber,
      accountName: waiting.payeeAccountName,
    });
  });

  it('leaves no more than a page of each list that the browser journeys search for their own new rows', async () => {
    const officerId = await userId(first.db, 'officer@demo.matchfund.hk');
    const unassignedFnbPos = await listQueue({
      db: first.db,
      officerId,
      filters: { assigned: 'unassigned', status: 'submitted', sector: 'fnb', category: 'e_payment_pos' },
      now: NOW,
      limit: 100,
    });
    expect(unassignedFnbPos.rows.length).toBeLessThan(15);
    for (const list of ['check', 'prepare', 'release'] as const) {
      expect((await listClaims({ db: first.db, officerId, list, page: 1 })).pageCount).toBe(1);
    }
  });

  it('makes the officers\u2019 risk signals fire on a few cases', async () => {
    const open = await first.db
      .selectFrom('applications')
      .select('reference')
      .where('status', 'in', ['submitted', 'under_review', 'info_requested', 'claim_submitted'])
      .execute();
    const fired = new Map<RiskCode, number>();
    let flagged = 0;
    for (const { reference } of open) {
      const signals = await riskSignalsFor({ db: first.db, reference });
      if (signals.length > 0) flagged++;
      for (const signal of signals) fired.set(signal.code, (fired.get(signal.code) ?? 0) + 1);
    }
    expect(flagged).toBeGreaterThanOrEqual(3);
    expect(flagged).toBeLessThan(open.length / 2); // a few cases, not every case
    // Another profile's live money under the same BR number can only come from history before identities were locked
    // (ADR 010): a demo built under today's rules cannot show it, and must not fake it.
    const possibleToday = riskCodes.filter((code) => code !== 'same_identity');
    for (const code of possibleToday) expect(fired.get(code) ?? 0, code).toBeGreaterThan(0);
    expect(fired.get('same_identity') ?? 0).toBe(0);
  });

  it('gives the dashboard and the open data shape', async () => {
    const dashboard = await programmeDashboard({ db: first.db });
    expect(dashboard.byStatus.filter((s) => s.count > 0)).toHaveLength(dashboard.byStatus.length);
    expect(dashboard.money.paidCents).toBeGreaterThan(0);
    expect(dashboard.overall.medianDaysToDecision).toBeGreaterThan(0);
    expect(dashboard.overall.medianDaysToPayment).toBeGreaterThan(0);
    const open = await openDataSummary({ db: first.db });
    expect(open.total.suppressed).toBe(false);
    expect(open.byStatus.filter((s) => !s.count.suppressed).length).toBeGreaterThanOrEqual(8);
    for (const sector of initialSettings.openSectors)
      expect(open.bySector.find((g) => g.key === sector)?.count.suppressed, sector).toBe(false);
    expect(open.byCategory.every((g) => !g.count.suppressed)).toBe(true);
    expect(open.money.paidCents.suppressed).toBe(false);
    expect(open.overall.medianDaysToDecision.suppressed).toBe(false);
  });

  it('stores documents as real one-page PDFs', async () => {
    const doc = await first.db
      .selectFrom('documents')
      .select(['content', 'sizeBytes', 'contentType'])
      .where('kind', '=', 'invoice')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(doc.contentType).toBe('application/pdf');
    expect(doc.content.byteLength).toBe(doc.sizeBytes);
    const text = doc.content.toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    const xref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(xref, xref + 4)).toBe('xref');
    expect(new TextDecoder().decode(demoPdf(['(a) \\ b'])).includes('(\\(a\\) \\\\ b) Tj')).toBe(true);
  });
});

// ——— The plan alone, at other moments: no database needed ———————————————————————————————————————————————————

function catalogueContext(now: Date): DemoContext {
  const vendors = seedVendors.map((v, i) => ({
    id: i + 1,
    key: v.key,
    brNumber: v.brNumber,
    nameEn: v.name.en,
    contactEmail: v.contactEmail,
    userId: i === 0 ? 2 : null,
  }));
  let featureId = 1;
  const solutions: CatalogueSolution[] = seedSolutions.map((s, i) => ({
    id: i + 1,
    vendorId: vendors.find((v) => v.key === s.vendorKey)!.id,
    category: s.category,
    sector: s.sector,
    versionId: i + 1,
    version: 1,
    nameEn: s.name.en,
    nameZhHk: s.name.zhHK,
    nameZhCn: s.name.zhCN,
    descriptionEn: s.description.en,
    descriptionZhHk: s.description.zhHK,
    descriptionZhCn: s.description.zhCN,
    pricingModel: s.pricingModel,
    priceCents: s.priceCents,
    deploymentDays: s.deploymentDays,
    features: s.features.map((f, position) => ({
      id: featureId++,
      position,
      nameEn: f.name.en,
      nameZhHk: f.name.zhHK,
      nameZhCn: f.name.zhCN,
      pricingModel: f.pricingModel,
      priceCents: f.priceCents,
    })),
  }));
  const settings = { id: 1, ...initialSettings, opensAt: new Date(initialSettings.opensAt), closesAt: new Date(initialSettings.closesAt) };
  return { now, settings, vendors, solutions, people: { applicant: 1, vendor: 2, officer: 3, officer2: 4 } };
}

describe('the demo plan', () => {
  it.each([
    ['a Sunday night', '2026-12-06T15:30:00Z'],
    ['a Saturday noon', '2027-03-13T04:00:00Z'],
    ['a Monday before office hours', '2027-06-07T23:00:00Z'],
    ['the round’s last days', '2027-12-30T10:00:00Z'],
  ])('reaches every status on %s, with nothing in the future', (_when, iso) => {
    const now = new Date(iso);
    const plan = planDemo(catalogueContext(now));
    expect(new Set(plan.applications.map((a) => a.status))).toEqual(new Set(applicationStatuses));
    expect(plan.applications.length).toBeGreaterThan(200);
    // A script may only stop where a rule says no (a shop already at the cap), never for lack of time.
    expect(plan.stalled.filter((s) => !s.step.endsWith('cap_reached'))).toEqual([]);
    const times = [...plan.events, ...plan.notifications, ...plan.enquiries, ...plan.enterprises, ...plan.users].map((x) =>
      x.createdAt.getTime(),
    );
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(Math.min(...times)).toBeGreaterThan(new Date(initialSettings.opensAt).getTime());
    // Most of it happened in the last three months (the lapsed few were approved half a year ago).
    const recent = plan.applications.filter((a) => a.createdAt.getTime() > now.getTime() - 95 * DAY).length;
    expect(recent / plan.applications.length).toBeGreaterThan(0.9);
  });

  it('is a pure function of its context', () => {
    const plan = (seed?: number) => planDemo({ ...catalogueContext(NOW), ...(seed === undefined ? {} : { seed }) });
    const brief = (p: ReturnType<typeof plan>) =>
      p.applications.map((a) => `${a.enterprise.legalNameEn} ${a.status} ${a.programmeCents} ${a.createdAt.toISOString()}`);
    expect(brief(plan())).toEqual(brief(plan()));
    expect(brief(plan(7))).not.toEqual(brief(plan()));
  });
});

// ——— Start-up ———————————————————————————————————————————————————————————————————————————————————————————————

describe('start-up with SEED_DEMO', () => {
  const rootDir = path.resolve(__dirname, '../..');
  const quiet = () => {};

  it('off: only the programme, its round and the catalogue', async () => {
    const t = await createTestDatabase({ empty: true });
    try {
      const booted = await bootDatabase({ env: parseEnv({ DATABASE_URL: t.url, SEED_DEMO: 'false' }), rootDir, log: quiet });
      await booted.stop();
      const count = async (table: string) =>
        Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db)).rows[0]!.n);
      expect(await count('programmes')).toBe(1);
      expect(await count('programme_settings')).toBe(1);
      expect(await count('solutions')).toBe(seedSolutions.length);
      for (const table of ['users', 'enterprises', 'enquiries', 'applications', 'notifications']) expect(await count(table), table).toBe(0);
    } finally {
      await t.drop();
    }
  });

  it('on: several processes starting at once on an empty database add one lived-in demo', async () => {
    const t = await createTestDatabase({ empty: true, max: 4 });
    try {
      const lines: string[] = [];
      const boots = await Promise.all(
        Array.from({ length: 3 }, () =>
          bootDatabase({
            env: parseEnv({ DATABASE_URL: t.url, SEED_DEMO: 'true', DB_POOL_MAX: '3' }),
            rootDir,
            log: (line) => lines.push(line),
          }),
        ),
      );
      await Promise.all(boots.map((b) => b.stop()));
      expect(lines.filter((line) => line.startsWith('Added three months of demo activity'))).toHaveLength(1);
      const shops = await t.db
        .selectFrom('enterprises')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(shops.n)).toBe(summary!.enterprises);
      const demoShop = await t.db
        .selectFrom('enterprises as e')
        .innerJoin('users as u', 'u.id', 'e.ownerUserId')
        .select('e.id')
        .where('u.email', '=', 'applicant@demo.matchfund.hk')
        .execute();
      expect(demoShop).toHaveLength(1);
    } finally {
      await t.drop();
    }
  });

  it('rolls the whole seed back when the demo step fails, so the next start tries again', async () => {
    const t = await createTestDatabase({ empty: true });
    try {
      const { migrateToLatest } = await import('../../db/migrate');
      await migrateToLatest(t.db);
      await expect(
        seedDatabase(t.db, {
          demo: true,
          afterSeed: async () => {
            throw new Error('boom');
          },
        }),
      ).rejects.toThrow('boom');
      expect(await t.db.selectFrom('programmes').select('id').execute()).toEqual([]);
      expect(await seedDatabase(t.db, { demo: true, afterSeed: async (trx) => void (await seedDemoActivity(trx, { now: NOW })) })).toEqual({
        seeded: true,
      });
      expect((await t.db.selectFrom('applications').select('id').execute()).length).toBe(summary!.applications);
    } finally {
      await t.drop();
    }
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitApplication } from '../../app/services/applications.server';
import {
  confirmDeployment,
  decideClaim,
  preparePayment,
  releasePayment,
  reportDeployment,
  submitClaim,
} from '../../app/services/claims.server';
import { openDataSummary, programmeDashboard, suppressedGroups, type OpenCell } from '../../app/services/dashboard.server';
import { assignToMe, decideApplication } from '../../app/services/officer.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';

let t: TestDatabase;
let officerId: number;
let checkerId: number;
const references: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase({ max: 20 });
  officerId = (await makeUser(t.db, 'officer')).id;
  checkerId = (await makeUser(t.db, 'officer')).id;
});
afterAll(async () => {
  await t.drop();
});

const DAY = 86_400_000;
const start = new Date('2026-03-02T02:00:00Z');
const pdf = (text: string) => ({ bytes: new TextEncoder().encode(`%PDF-1.4 ${text}`), filename: `${text}.pdf` });

type Outcome = 'submitted' | 'under_review' | 'approved' | 'rejected' | 'paid';

/**
 * One application taken through the real services to `outcome`, then its timestamps moved to known instants:
 * submitted on `start`, decided `decideAfter` days later, paid `payAfter` days after approval.
 */
async function application({
  sector,
  category,
  priceCents,
  outcome,
  decideAfter = 0,
  payAfter = 0,
}: {
  sector: 'fnb' | 'retail';
  category: 'e_payment_pos' | 'online_promotion' | 'customer_management';
  priceCents: number;
  outcome: Outcome;
  decideAfter?: number;
  payAfter?: number;
}) {
  const user = await makeUser(t.db);
  const enterpriseId = await makeEnterprise(t.db, user.id, {
    sector,
    legalNameEn: 'Lucky Noodle House Ltd',
    legalNameZh: '好運麵家有限公司',
  });
  const pkg = await makeListedSolution(t.db, { priceCents, category, sector });
  const quotationId = await makeQuotation(t.db, {
    userId: user.id,
    enterpriseId,
    solutionId: pkg.solutionId,
    vendorUserId: pkg.vendorUserId,
  });
  const reference = await makeDraft(t.db, { userId: user.id, quotationId });
  references.push(reference);
  const submitted = await submitApplication({ db: t.db, userId: user.id, reference });
  if (!submitted.ok) throw new Error(`setup submit: ${submitted.code}`);
  if (outcome !== 'submitted') {
    const taken = await assignToMe({ db: t.db, officerId, reference });
    if (!taken.ok) throw new Error(`setup assign: ${taken.code}`);
  }
  if (outcome === 'approved' || outcome === 'paid' || outcome === 'rejected') {
    const decision = outcome === 'rejected' ? ({ action: 'reject', reasonCode: 'other' } as const) : ({ action: 'approve' } as const);
    const decided = await decideApplication({ db: t.db, officerId, reference, expectedStatus: 'under_review', decision });
    if (!decided.ok) throw new Error(`setup decide: ${decided.code}`);
  }
  if (outcome === 'paid') {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const steps = [
      await reportDeployment({ db: t.db, vendorUserId: pkg.vendorUserId, reference }),
      await confirmDeployment({ db: t.db, userId: user.id, reference }),
      await submitClaim({
        db: t.db,
        userId: user.id,
        reference,
        input: {
          invoiceNumber: 'INV-1',
          invoiceDate: today,
          invoicedCents: priceCents,
          paidCents: priceCents,
          paidOn: today,
          payerName: 'LUCKY NOODLE HOUSE LTD.',
          bankAccount: { bankCode: '024', branchCode: '123', accountNumber: '456789012', accountName: 'Test Business Ltd' },
          invoice: pdf('invoice'),
          proofOfPayment: pdf('payment'),
        },
      }),
      await decideClaim({ db: t.db, officerId, reference, approve: true }),
      await preparePayment({ db: t.db, officerId, reference }),
      await releasePayment({ db: t.db, officerId: checkerId, reference }),
    ];
    if (!steps.every((s) => s.ok)) throw new Error(`setup pay: ${JSON.stringify(steps)}`);
  }
  const decidedAt = new Date(start.getTime() + decideAfter * DAY);
  await t.db
    .updateTable('applications')
    .set({
      submittedAt: start,
      ...(outcome === 'approved' || outcome === 'paid' || outcome === 'rejected' ? { decidedAt } : {}),
      ...(outcome === 'approved' || outcome === 'paid' ? { approvedAt: decidedAt } : {}),
    })
    .where('reference', '=', reference)
    .execute();
  if (outcome === 'paid') {
    const app = await t.db.selectFrom('applications').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
    await t.db
      .updateTable('payments')
      .set({ releasedAt: new Date(decidedAt.getTime() + payAfter * DAY) })
      .where('applicationId', '=', app.id)
      .execute();
  }
  return reference;
}

const value = (cell: OpenCell) => (cell.suppressed ? 'hidden' : cell.value);

describe('suppressedGroups', () => {
  it.each<[number[], boolean[]]>([
    [[], []],
    [
      [10, 20],
      [false, false],
    ],
    [
      [10, 4],
      [true, true],
    ], // 4 would be total − 10
    // 3 hidden on its own would be total − 10 − 20: the smallest shown group goes too.
    [
      [10, 3, 20, 0],
      [true, true, false, true],
    ],
    [
      [10, 3, 2, 20],
      [false, true, true, false],
    ],
    [
      [0, 0, 12],
      [true, true, false],
    ],
    [
      [1, 5],
      [true, true],
    ],
    [[4], [true]],
    [[5], [false]],
  ])('%j → %j', (counts, expected) => {
    expect(suppressedGroups(counts)).toEqual(expected);
  });

  it('hidden groups together hold none or at least five applications, unless every group is hidden', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 500 })), { maxLength: 13 }), (counts) => {
        const hide = suppressedGroups(counts);
        const hiddenSum = counts.reduce((s, c, i) => s + (hide[i] ? c : 0), 0);
        if (!hide.every(Boolean)) expect(hiddenSum === 0 || hiddenSum >= 5).toBe(true);
        counts.forEach((c, i) => {
          if (c < 5) expect(hide[i]).toBe(true);
        });
      }),
    );
  });
});

describe('programme dashboard', () => {
  // programme share = half the price
  const apps = {
    a: { sector: 'fnb', category: 'e_payment_pos', priceCents: 20_000_00, outcome: 'approved', decideAfter: 2 },
    b: { sector: 'fnb', category: 'e_payment_pos', priceCents: 30_000_00, outcome: 'approved', decideAfter: 4 },
    c: { sector: 'fnb', category: 'e_payment_pos', priceCents: 24_000_00, outcome: 'rejected', decideAfter: 10 },
    d: { sector: 'fnb', category: 'e_payment_pos', priceCents: 16_000_00, outcome: 'submitted' },
    e: { sector: 'retail', category: 'online_promotion', priceCents: 40_000_00, outcome: 'paid', decideAfter: 6, payAfter: 20 },
    f: { sector: 'retail', category: 'online_promotion', priceCents: 12_000_00, outcome: 'under_review' },
    g: { sector: 'fnb', category: 'online_promotion', priceCents: 10_000_00, outcome: 'paid', decideAfter: 1, payAfter: 11 },
  } as const;

  beforeAll(async () => {
    for (const app of Object.values(apps)) await application(app);
  });

  it('counts applications by status, sector and category, leaving drafts out', async () => {
    const user = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, user.id);
    const pkg = await makeListedSolution(t.db, { priceCents: 8_000_00 });
    await makeDraft(t.db, {
      userId: user.id,
      quotationId: await makeQuotation(t.db, { userId: user.id, enterpriseId, solutionId: pkg.solutionId, vendorUserId: pkg.vendorUserId }),
    });

    const dashboard = await programmeDashboard({ db: t.db });
    expect(dashboard.total).toBe(7);
    const byStatus = Object.fromEntries(dashboard.byStatus.map((s) => [s.status, s.count]));
    expect(byStatus).toEqual({
      submitted: 1,
      under_review: 1,
      info_requested: 0,
      approved: 2,
      rejected: 1,
      withdrawn: 0,
      deployment_reported: 0,
      deployed: 0,
      claim_submitted: 0,
      claim_approved: 0,
      paid: 2,
      lapsed: 0,
    });
    expect(dashboard.bySector.map((g) => [g.key, g.count])).toEqual([
      ['fnb', 5],
      ['retail', 2],
      ['tourism', 0],
      ['personal_services', 0],
    ]);
    expect(dashboard.byCategory.map((g) => [g.key, g.count])).toEqual([
      ['e_payment_pos', 4],
      ['online_promotion', 3],
      ['customer_management', 0],
    ]);
  });

  it('adds up the money: committed, approved and after, paid, and what is left of the budget', async () => {
    const { money } = await programmeDashboard({ db: t.db });
    const share = (p: number) => p / 2;
    const { a, b, d, e, f, g } = apps;
    expect(money).toEqual({
      budgetCents: 500_000_000_00,
      committedCents: share(a.priceCents + b.priceCents + d.priceCents + e.priceCents + f.priceCents + g.priceCents),
      approvedCents: share(a.priceCents + b.priceCents + e.priceCents + g.priceCents),
      paidCents: share(e.priceCents + g.priceCents),
      remainingCents: 500_000_000_00 - share(a.priceCents + b.priceCents + e.priceCents + g.priceCents),
      committedCount: 6,
      approvedCount: 4,
      paidCount: 2,
    });
    // Cross-check against the rows themselves.
    const rows = await t.db.selectFrom('applications').select(['status', 'programmeCents']).where('status', '<>', 'draft').execute();
    expect(money.paidCents).toBe(rows.filter((r) => r.status === 'paid').reduce((s, r) => s + r.programmeCents, 0));
  });

  it('gives the median calendar days to decision and to payment, overall, by sector and by category', async () => {
    const dashboard = await programmeDashboard({ db: t.db });
    // Decisions after 2, 4, 10, 6 and 1 days; payments 20 and 11 days after approval.
    expect(dashboard.overall).toMatchObject({
      count: 7,
      decidedCount: 5,
      medianDaysToDecision: 4,
      paidCount: 2,
      medianDaysToPayment: 15.5,
    });
    const sector = Object.fromEntries(dashboard.bySector.map((g) => [g.key, [g.medianDaysToDecision, g.medianDaysToPayment]]));
    expect(sector).toEqual({ fnb: [3, 11], retail: [6, 20], tourism: [null, null], personal_services: [null, null] });
    const category = Object.fromEntries(dashboard.byCategory.map((g) => [g.key, [g.medianDaysToDecision, g.medianDaysToPayment]]));
    expect(category).toEqual({ e_payment_pos: [4, null], online_promotion: [3.5, 15.5], customer_management: [null, null] });
  });

  it('filters every figure by sector and by category, except the programme-wide budget left', async () => {
    const retail = await programmeDashboard({ db: t.db, filters: { sector: 'retail' } });
    expect(retail.total).toBe(2);
    expect(retail.byStatus.filter((s) => s.count > 0).map((s) => [s.status, s.count])).toEqual([
      ['under_review', 1],
      ['paid', 1],
    ]);
    expect(retail.money).toMatchObject({ committedCents: 26_000_00, approvedCents: 20_000_00, paidCents: 20_000_00 });
    expect(retail.money.remainingCents).toBe((await programmeDashboard({ db: t.db })).money.remainingCents);
    expect(retail.overall).toMatchObject({ medianDaysToDecision: 6, medianDaysToPayment: 20 });
    expect(retail.bySector.map((g) => g.count)).toEqual([0, 2, 0, 0]);

    const both = await programmeDashboard({ db: t.db, filters: { sector: 'fnb', category: 'online_promotion' } });
    expect(both.total).toBe(1);
    expect(both.overall).toMatchObject({ medianDaysToDecision: 1, medianDaysToPayment: 11 });
    expect(both.byCategory.map((g) => g.count)).toEqual([0, 1, 0]);
  });

  it('open data hides every group of fewer than 5 and gives away no reference or name', async () => {
    // Seven applications: the total shows, every status is under 5, and retail (2) would reveal itself through fnb.
    const small = await openDataSummary({ db: t.db });
    expect(value(small.total)).toBe(7);
    expect(small.byStatus.every((s) => s.count.suppressed)).toBe(true);
    expect(small.bySector.every((g) => g.count.suppressed && g.medianDaysToDecision.suppressed)).toBe(true);
    expect(value(small.overall.medianDaysToDecision)).toBe(4); // five decisions
    expect(value(small.overall.medianDaysToPayment)).toBe('hidden'); // two payments

    for (let i = 0; i < 8; i++)
      await application({ sector: 'fnb', category: 'e_payment_pos', priceCents: 20_000_00, outcome: 'submitted' });
    for (let i = 0; i < 4; i++)
      await application({ sector: 'retail', category: 'online_promotion', priceCents: 20_000_00, outcome: 'submitted' });
    const open = await openDataSummary({ db: t.db });
    expect(value(open.total)).toBe(19);
    expect(Object.fromEntries(open.byStatus.map((s) => [s.status, value(s.count)]))).toMatchObject({
      submitted: 13,
      approved: 'hidden',
      paid: 'hidden',
      rejected: 'hidden',
      lapsed: 'hidden',
    });
    expect(open.bySector.map((g) => [g.key, value(g.count), value(g.medianDaysToDecision)])).toEqual([
      ['fnb', 13, 'hidden'], // four decisions only
      ['retail', 6, 'hidden'],
      ['tourism', 'hidden', 'hidden'],
      ['personal_services', 'hidden', 'hidden'],
    ]);
    expect(open.byCategory.map((g) => value(g.count))).toEqual([12, 7, 'hidden']);
    expect(open.money.budgetCents).toBe(500_000_000_00);
    expect(value(open.money.committedCents)).toBe((await programmeDashboard({ db: t.db })).money.committedCents);
    expect(value(open.money.approvedCents)).toBe('hidden'); // four approvals
    expect(value(open.money.paidCents)).toBe('hidden');
    expect(value(open.money.remainingCents)).toBe('hidden'); // budget − remaining would give the approvals away

    const text = JSON.stringify(open);
    for (const reference of references) expect(text).not.toContain(reference);
    expect(text).not.toMatch(/DTS-|Lucky|好運|legalName|reference|brNumber|enterpriseId|email/i);
  });
});

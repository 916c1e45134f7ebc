// The per-status totals from approval on, kept by triggers (migration 2026-12-03T0400): whatever statements change
// applications, one or many rows at once, one after another or concurrently, the kept rows equal the counts and sums
// they replace (with the domain's list of budget statuses), and they are what the officer home and approvals read.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationStatuses, budgetStatuses } from '../../app/domain/application-lifecycle';
import { budgetPosition, countInBudgetStatus } from '../../app/services/officer.server';
import { listClaims } from '../../app/services/claims.server';
import { officerWaitingWork } from '../../app/services/waiting-work.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';

let t: TestDatabase;
let ids: number[] = [];
beforeAll(async () => {
  t = await createTestDatabase({ max: 12 });
  const pkg = await makeListedSolution(t.db, { priceCents: 20_000_00 });
  for (let i = 0; i < 8; i++) {
    const user = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, user.id);
    const quotationId = await makeQuotation(t.db, {
      userId: user.id,
      enterpriseId,
      solutionId: pkg.solutionId,
      vendorUserId: pkg.vendorUserId,
    });
    await makeDraft(t.db, { userId: user.id, quotationId });
  }
  ids = (await t.db.selectFrom('applications').select('id').orderBy('id').execute()).map((r) => r.id);
}, 60_000);
afterAll(async () => {
  await t.drop();
});

/** The kept rows, as { status: [applications, cents] }, every budget status present. */
async function kept(): Promise<Record<string, [number, number]>> {
  const rows = await t.db.selectFrom('budgetStatusTotals').select(['status', 'applications', 'programmeCents']).execute();
  return Object.fromEntries(rows.map((r) => [r.status, [Number(r.applications), Number(r.programmeCents)]]));
}
/** The same, counted from the applications with the domain's list of budget statuses. */
async function summed(): Promise<Record<string, [number, number]>> {
  const rows = await t.db.selectFrom('applications').select(['status', 'programmeCents']).execute();
  return Object.fromEntries(
    budgetStatuses.map((status) => {
      const mine = rows.filter((r) => r.status === status);
      return [status, [mine.length, mine.reduce((sum, r) => sum + Number(r.programmeCents), 0)]];
    }),
  );
}
const approvedTotal = (totals: Record<string, [number, number]>) => Object.values(totals).reduce((sum, [, cents]) => sum + cents, 0);

const change = fc.record({
  // Which applications one statement changes (one or several at once), to what status and share.
  rows: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
  status: fc.constantFrom(...applicationStatuses),
  programmeCents: fc.option(fc.integer({ min: 0, max: 50_000_00 }), { nil: undefined }),
});

describe('the kept approved total', () => {
  it('equals the sum over the budget statuses after any sequence of statements', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 6 }), async (changes) => {
        for (const c of changes) {
          await t.db
            .updateTable('applications')
            .set({ status: c.status, ...(c.programmeCents === undefined ? {} : { programmeCents: c.programmeCents }) })
            .where(
              'id',
              'in',
              c.rows.map((i) => ids[i]!),
            )
            .execute();
        }
        expect(await kept()).toEqual(await summed());
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('stays exact when many transactions change applications at once', async () => {
    await t.db.updateTable('applications').set({ status: 'under_review', programmeCents: 10_000_00 }).execute();
    const rounds = Array.from({ length: 24 }, (_, k) => k);
    await Promise.all(
      rounds.map((k) =>
        t.db.transaction().execute(async (trx) => {
          const id = ids[k % ids.length]!;
          const status = k % 3 === 0 ? 'approved' : k % 3 === 1 ? 'claim_approved' : 'lapsed';
          await trx
            .updateTable('applications')
            .set({ status, programmeCents: 1_000_00 * (1 + (k % 5)) })
            .where('id', '=', id)
            .execute();
          await sql`select pg_sleep(0.01)`.execute(trx);
        }),
      ),
    );
    expect(await kept()).toEqual(await summed());
    expect((await budgetPosition(t.db)).approvedCents).toBe(approvedTotal(await summed()));
    expect(await countInBudgetStatus(t.db, 'claim_approved')).toBe((await summed()).claim_approved![0]);
  }, 60_000);

  it('is left as it was by a rolled-back change', async () => {
    const before = await kept();
    await t.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('applications').set({ status: 'paid', programmeCents: 7_00 }).execute();
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await kept()).toEqual(before);
    const row = await t.db.selectFrom('applications').selectAll().where('id', '=', ids[0]!).executeTakeFirstOrThrow();
    await t.db.updateTable('applications').set({ status: 'approved', programmeCents: 3_00 }).where('id', '=', row.id).execute();
    expect(await kept()).toEqual(await summed());
  });

  it('gives the officer home and the claims lists the same counts as reading every claim', async () => {
    await t.db.updateTable('applications').set({ status: 'under_review', programmeCents: 10_000_00 }).execute();
    await t.db.updateTable('applications').set({ status: 'claim_submitted' }).where('id', 'in', ids.slice(0, 5)).execute();
    await t.db.updateTable('applications').set({ status: 'claim_approved' }).where('id', 'in', ids.slice(5, 8)).execute();
    const officer = await makeUser(t.db, 'officer');
    const other = await makeUser(t.db, 'officer');
    const linked = await t.db.selectFrom('applications').select('enterpriseId').where('id', '=', ids[1]!).executeTakeFirstOrThrow();
    await t.db.insertInto('officerConflicts').values({ officerId: officer.id, enterpriseId: linked.enterpriseId }).execute();
    const claim = await t.db
      .insertInto('claims')
      .values({
        applicationId: ids[5]!,
        invoiceNumber: 'INV-1',
        invoiceDate: '2026-11-01',
        invoicedCents: 20_000_00,
        paidCents: 20_000_00,
        paidOn: '2026-11-02',
        payerName: 'Shop',
        payeeVendorBr: '12345678',
        payableCents: 10_000_00,
        status: 'approved',
        checks: JSON.stringify([]),
        submittedBy: officer.id,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('payments')
      .values({ applicationId: ids[5]!, claimId: claim.id, amountCents: 10_000_00, payeeName: 'Vendor', preparedBy: other.id } as never)
      .execute();
    const count = (items: { kind: string; count: number }[], kind: string) => items.find((i) => i.kind === kind)?.count ?? 0;
    const mine = await officerWaitingWork({ db: t.db, officerId: officer.id });
    expect(count(mine, 'claims_to_check')).toBe(4); // five waiting, one of a business the officer declared a link to
    expect(count(mine, 'payments_to_release')).toBe(1);
    const preparer = await officerWaitingWork({ db: t.db, officerId: other.id });
    expect(count(preparer, 'claims_to_check')).toBe(5);
    expect(count(preparer, 'payments_to_release')).toBe(0); // prepared by this officer: another releases it
    for (const [list, rows] of [
      ['check', 5],
      ['prepare', 2],
      ['release', 1],
    ] as const) {
      const page = await listClaims({ db: t.db, officerId: officer.id, list, page: 1 });
      expect(page.rows).toHaveLength(rows);
      expect(page.pageCount).toBe(1);
    }
  });
});

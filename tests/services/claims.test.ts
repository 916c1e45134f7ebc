import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApplicantApplication, submitApplication } from '../../app/services/applications.server';
import {
  confirmDeployment,
  decideClaim,
  getClaimReview,
  getShopClaims,
  lapseOverdue,
  preparePayment,
  releasePayment,
  reportDeployment,
  submitClaim,
  type ClaimInput,
} from '../../app/services/claims.server';
import { committedCents } from '../../app/services/enterprises.server';
import { assignToMe, decideApplication, declareConflict } from '../../app/services/officer.server';
import { createSettingsVersion } from '../../app/services/settings.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ max: 20 });
});
afterAll(async () => {
  await t.drop();
});

const pdf = (text: string) => ({ bytes: new TextEncoder().encode(`%PDF-1.4 ${text}`), filename: `${text}.pdf` });

async function approved(priceCents = 28_000_00) {
  const user = await makeUser(t.db);
  const enterpriseId = await makeEnterprise(t.db, user.id, { legalNameEn: 'Lucky Noodle House Ltd' });
  const pkg = await makeListedSolution(t.db, { priceCents });
  const quotationId = await makeQuotation(t.db, {
    userId: user.id,
    enterpriseId,
    solutionId: pkg.solutionId,
    vendorUserId: pkg.vendorUserId,
  });
  const reference = await makeDraft(t.db, { userId: user.id, quotationId });
  await submitApplication({ db: t.db, userId: user.id, reference });
  const officer = await makeUser(t.db, 'officer');
  await assignToMe({ db: t.db, officerId: officer.id, reference });
  const decided = await decideApplication({
    db: t.db,
    officerId: officer.id,
    reference,
    expectedStatus: 'under_review',
    decision: { action: 'approve' },
  });
  if (!decided.ok) throw new Error('setup');
  const vendorBr = (await t.db.selectFrom('vendors').select('brNumber').where('id', '=', pkg.vendorId).executeTakeFirstOrThrow()).brNumber;
  return { user, enterpriseId, reference, pkg, officer, vendorBr, priceCents };
}

const claim = (vendorBr: string, amount: number, overrides: Partial<ClaimInput> = {}): ClaimInput => ({
  invoiceNumber: 'INV-001',
  invoiceDate: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
  invoicedCents: amount,
  paidCents: amount,
  paidOn: new Date().toISOString().slice(0, 10),
  payerName: 'LUCKY NOODLE HOUSE LTD.',
  bankAccount: { bankCode: '024', branchCode: '123', accountNumber: '456789012', accountName: 'Test Business Ltd' },
  invoice: pdf('invoice'),
  proofOfPayment: pdf('payment'),
  ...overrides,
});

async function deployed() {
  const a = await approved();
  expect(await reportDeployment({ db: t.db, vendorUserId: a.pkg.vendorUserId, reference: a.reference })).toEqual({ ok: true });
  expect(await confirmDeployment({ db: t.db, userId: a.user.id, reference: a.reference })).toEqual({ ok: true });
  return a;
}

describe('deployment', () => {
  it('only the quoted vendor reports, only the shop confirms', async () => {
    const a = await approved();
    const stranger = await makeListedSolution(t.db, { priceCents: 100 });
    expect(await reportDeployment({ db: t.db, vendorUserId: stranger.vendorUserId, reference: a.reference })).toEqual({
      ok: false,
      code: 'not_found',
    });
    expect(await confirmDeployment({ db: t.db, userId: a.user.id, reference: a.reference })).toEqual({
      ok: false,
      code: 'invalid_transition',
      status: 'approved',
    });
    expect((await reportDeployment({ db: t.db, vendorUserId: a.pkg.vendorUserId, reference: a.reference })).ok).toBe(true);
    expect((await confirmDeployment({ db: t.db, userId: a.user.id, reference: a.reference })).ok).toBe(true);
  });
});

describe('claims and payment', () => {
  it('a matching claim is approved, prepared by one officer and released by another, and pays once', async () => {
    const a = await deployed();
    expect(await submitClaim({ db: t.db, userId: a.user.id, reference: a.reference, input: claim(a.vendorBr, a.priceCents) })).toEqual({
      ok: true,
    });
    const stored = await t.db.selectFrom('claims').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(stored.checks.every((c) => c.passed)).toBe(true);
    expect(stored.payableCents).toBe(14_000_00);
    expect((await decideClaim({ db: t.db, officerId: a.officer.id, reference: a.reference, approve: true })).ok).toBe(true);

    const maker = await makeUser(t.db, 'officer');
    const checker = await makeUser(t.db, 'officer');
    expect(await preparePayment({ db: t.db, officerId: maker.id, reference: a.reference })).toEqual({ ok: true });
    expect(await preparePayment({ db: t.db, officerId: maker.id, reference: a.reference })).toEqual({
      ok: false,
      code: 'already_prepared',
    });
    expect(await releasePayment({ db: t.db, officerId: maker.id, reference: a.reference })).toEqual({ ok: false, code: 'same_officer' });

    const results = await Promise.all([1, 2, 3].map(() => releasePayment({ db: t.db, officerId: checker.id, reference: a.reference })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'already_released')).toBe(true);
    const instructions = await t.db
      .selectFrom('outbox')
      .selectAll()
      .where('topic', '=', 'payment')
      .where('payload', '@>', JSON.stringify({ reference: a.reference }) as never)
      .execute();
    expect(instructions).toHaveLength(1);
    expect(instructions[0]!.payload).toMatchObject({ amountCents: 14_000_00, currency: 'HKD' });
    const app = await t.db.selectFrom('applications').select('status').where('reference', '=', a.reference).executeTakeFirstOrThrow();
    expect(app.status).toBe('paid');
  });

  it('the database itself refuses the same officer preparing and releasing', async () => {
    const a = await deployed();
    await submitClaim({ db: t.db, userId: a.user.id, reference: a.reference, input: claim(a.vendorBr, a.priceCents) });
    await decideClaim({ db: t.db, officerId: a.officer.id, reference: a.reference, approve: true });
    await preparePayment({ db: t.db, officerId: a.officer.id, reference: a.reference });
    await expect(
      t.db.updateTable('payments').set({ releasedBy: a.officer.id, status: 'released' }).where('preparedBy', '=', a.officer.id).execute(),
    ).rejects.toThrow(/payments_check/);
  });

  it('a smaller invoice pays its share; a mismatching claim cannot be approved and is returned', async () => {
    const a = await deployed();
    await submitClaim({ db: t.db, userId: a.user.id, reference: a.reference, input: claim(a.vendorBr, 20_000_00) });
    const small = await t.db.selectFrom('claims').select('payableCents').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(small.payableCents).toBe(10_000_00);
    await decideClaim({ db: t.db, officerId: a.officer.id, reference: a.reference, approve: true });
    const app = await t.db
      .selectFrom('applications')
      .select(['programmeCents', 'shopCents', 'costCents'])
      .where('reference', '=', a.reference)
      .executeTakeFirstOrThrow();
    expect(app.programmeCents).toBe(10_000_00);
    expect(app.shopCents).toBe(app.costCents - 10_000_00);

    const b = await deployed();
    await submitClaim({
      db: t.db,
      userId: b.user.id,
      reference: b.reference,
      input: claim(b.vendorBr, b.priceCents, { payerName: 'Someone Else' }),
    });
    expect(await decideClaim({ db: t.db, officerId: b.officer.id, reference: b.reference, approve: true })).toEqual({
      ok: false,
      code: 'checks_failed',
    });
    expect(await decideClaim({ db: t.db, officerId: b.officer.id, reference: b.reference, approve: false })).toEqual({
      ok: false,
      code: 'note_required',
    });
    expect(
      (
        await decideClaim({
          db: t.db,
          officerId: b.officer.id,
          reference: b.reference,
          approve: false,
          note: 'Pay from the company account',
        })
      ).ok,
    ).toBe(true);
    const status = await t.db.selectFrom('applications').select('status').where('reference', '=', b.reference).executeTakeFirstOrThrow();
    expect(status.status).toBe('deployed');
  });

  it('pays by the match ratio judged at approval, not by a ratio changed since', async () => {
    const a = await deployed();
    const admin = await makeUser(t.db, 'admin');
    const {
      id: _id,
      programmeId: _p,
      version: _v,
      createdBy: _c,
      createdAt: _a,
      ...original
    } = await t.db.selectFrom('programmeSettings').selectAll().orderBy('version', 'desc').executeTakeFirstOrThrow();
    await createSettingsVersion({ db: t.db, adminId: admin.id, input: { ...original, matchBps: 3_000 } });
    try {
      expect(await submitClaim({ db: t.db, userId: a.user.id, reference: a.reference, input: claim(a.vendorBr, a.priceCents) })).toEqual({
        ok: true,
      });
    } finally {
      await createSettingsVersion({ db: t.db, adminId: admin.id, input: original });
    }
    const stored = await t.db.selectFrom('claims').select('payableCents').orderBy('id', 'desc').executeTakeFirstOrThrow();
    // Approved at 1:1 on HK$28,000: HK$14,000, not 30% (HK$8,400).
    expect(stored.payableCents).toBe(14_000_00);
  });

  it('a returned claim keeps its reason and documents apart; the account is saved, snapshotted, masked, and paid into', async () => {
    const a = await deployed();
    const first = { bankCode: '004', branchCode: '123', accountNumber: '111222333', accountName: 'Lucky Noodle House Ltd' };
    expect(
      await submitClaim({
        db: t.db,
        userId: a.user.id,
        reference: a.reference,
        input: claim(a.vendorBr, a.priceCents, { payerName: 'Mr Chan', bankAccount: first }),
      }),
    ).toEqual({ ok: true });
    await decideClaim({ db: t.db, officerId: a.officer.id, reference: a.reference, approve: false, note: 'Pay from the company account' });
    const returned = (await getShopClaims({ db: t.db, userId: a.user.id, reference: a.reference }))!;
    expect(returned.returned).toMatchObject({ decisionNote: 'Pay from the company account', payerName: 'Mr Chan', attempt: 1 });
    expect(returned.savedAccount).toEqual({ ...first });
    expect(await getShopClaims({ db: t.db, userId: (await makeUser(t.db)).id, reference: a.reference })).toBeUndefined();

    const second = { bankCode: '024', branchCode: '456', accountNumber: '987654321', accountName: 'Lucky Noodle House Ltd' };
    const again = claim(a.vendorBr, a.priceCents, { bankAccount: second, invoice: pdf('invoice-2'), proofOfPayment: pdf('payment-2') });
    expect(await submitClaim({ db: t.db, userId: a.user.id, reference: a.reference, input: again })).toEqual({ ok: true });
    const state = (await getShopClaims({ db: t.db, userId: a.user.id, reference: a.reference }))!;
    expect(state.returned).toBeNull();
    expect(state.attempts.map((c) => [c.status, c.documents.map((d) => d.filename)])).toEqual([
      ['returned', ['invoice.pdf', 'payment.pdf']],
      ['submitted', ['invoice-2.pdf', 'payment-2.pdf']],
    ]);
    const audit = await t.db
      .selectFrom('auditLog')
      .select(['action', 'note'])
      .where('entityType', '=', 'enterprise')
      .where('entityId', '=', a.enterpriseId)
      .where('action', 'like', 'bank_account%')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'bank_account_added', note: '004-***-***333' },
      { action: 'bank_account_changed', note: '024-***-***321' },
    ]);

    const review = (await getClaimReview({ db: t.db, reference: a.reference }))!;
    expect(review.claim?.payeeAccount).toBe('024-***-***321');
    expect(JSON.stringify(review)).not.toContain('987654321');
    // The officer sees the documents per claim attempt, as the shop does; the shop's application lists them only there.
    expect(review.attempts.map((c) => [c.attempt, c.status, c.decisionNote, c.documents.map((d) => d.filename)])).toEqual([
      [1, 'returned', 'Pay from the company account', ['invoice.pdf', 'payment.pdf']],
      [2, 'submitted', null, ['invoice-2.pdf', 'payment-2.pdf']],
    ]);
    const application = (await getApplicantApplication({ db: t.db, userId: a.user.id, reference: a.reference }))!;
    expect(application.documents.map((d) => d.kind)).not.toContain('invoice');
    expect(application.documents.map((d) => d.kind)).not.toContain('payment_proof');
    expect(application.documents.map((d) => d.kind)).toContain('quotation');
    await decideClaim({ db: t.db, officerId: a.officer.id, reference: a.reference, approve: true });
    const maker = await makeUser(t.db, 'officer');
    await preparePayment({ db: t.db, officerId: maker.id, reference: a.reference });
    // A later change of the business's account does not redirect the payment already prepared.
    await t.db
      .updateTable('enterpriseBankAccounts')
      .set({ accountNumber: '000000000' })
      .where('enterpriseId', '=', a.enterpriseId)
      .execute();
    expect(await releasePayment({ db: t.db, officerId: a.officer.id, reference: a.reference })).toEqual({ ok: true });
    const instruction = await t.db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', 'payment')
      .where('payload', '@>', JSON.stringify({ reference: a.reference }) as never)
      .executeTakeFirstOrThrow();
    expect(instruction.payload).toMatchObject({
      amountCents: 14_000_00,
      payeeAccount: { bankCode: '024', branchCode: '456', accountNumber: '987654321', accountName: 'Lucky Noodle House Ltd' },
    });
    const paid = (await getShopClaims({ db: t.db, userId: a.user.id, reference: a.reference }))!;
    expect(paid.payment).toMatchObject({ status: 'released', account: '024-***-***321', amountCents: 14_000_00 });
    expect(paid.payment?.releasedAt).toBeInstanceOf(Date);
  });

  it("refuses an account number that is not its bank's format, and writes nothing", async () => {
    const a = await deployed();
    const bad = claim(a.vendorBr, a.priceCents, {
      bankAccount: { bankCode: '004', branchCode: '12', accountNumber: '1234', accountName: ' ' },
    });
    expect(await submitClaim({ db: t.db, userId: a.user.id, reference: a.reference, input: bad })).toEqual({
      ok: false,
      code: 'bank_account',
      errors: { branchCode: 'branch_invalid', accountNumber: 'account_number_invalid', accountName: 'account_name_required' },
    });
    const row = await t.db.selectFrom('applications').select('status').where('reference', '=', a.reference).executeTakeFirstOrThrow();
    expect(row.status).toBe('deployed');
  });

  it('the same claim sent five times at once (double clicks, retries) makes one claim and one saved account', async () => {
    const a = await deployed();
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        submitClaim({
          db: t.db,
          userId: a.user.id,
          reference: a.reference,
          input: claim(a.vendorBr, a.priceCents, {
            bankAccount: { bankCode: '004', branchCode: '123', accountNumber: `12345678${n}`, accountName: 'Lucky Noodle House Ltd' },
          }),
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'invalid_transition')).toBe(true);
    const app = await t.db.selectFrom('applications').select('id').where('reference', '=', a.reference).executeTakeFirstOrThrow();
    const claims = await t.db.selectFrom('claims').select(['payeeAccountNumber']).where('applicationId', '=', app.id).execute();
    expect(claims).toHaveLength(1);
    const saved = await t.db
      .selectFrom('enterpriseBankAccounts')
      .select('accountNumber')
      .where('enterpriseId', '=', a.enterpriseId)
      .execute();
    expect(saved).toEqual([{ accountNumber: claims[0]!.payeeAccountNumber }]);
  });

  it('refuses claim documents that are not PDF, JPEG or PNG', async () => {
    const a = await deployed();
    const result = await submitClaim({
      db: t.db,
      userId: a.user.id,
      reference: a.reference,
      input: claim(a.vendorBr, a.priceCents, { invoice: { bytes: new TextEncoder().encode('<html>'), filename: 'x.pdf' } }),
    });
    expect(result).toEqual({ ok: false, code: 'invoice_document', reason: 'document_type' });
  });
});

describe('conflict of interest beyond the application', () => {
  async function claimed() {
    const a = await deployed();
    expect(await submitClaim({ db: t.db, userId: a.user.id, reference: a.reference, input: claim(a.vendorBr, a.priceCents) })).toEqual({
      ok: true,
    });
    const brNumber = (await t.db.selectFrom('enterprises').select('brNumber').where('id', '=', a.enterpriseId).executeTakeFirstOrThrow())
      .brNumber!;
    return { ...a, brNumber };
  }
  const statusOf = async (reference: string) =>
    (await t.db.selectFrom('applications').select('status').where('reference', '=', reference).executeTakeFirstOrThrow()).status;

  it('an officer with a declared link can neither approve nor return the claim, and nothing moves', async () => {
    const a = await claimed();
    const linked = await makeUser(t.db, 'officer');
    expect(await declareConflict({ db: t.db, officerId: linked.id, registrationNumber: a.brNumber })).toEqual({ ok: true });
    expect(await decideClaim({ db: t.db, officerId: linked.id, reference: a.reference, approve: true })).toEqual({
      ok: false,
      code: 'conflict_of_interest',
    });
    expect(await decideClaim({ db: t.db, officerId: linked.id, reference: a.reference, approve: false, note: 'Wrong payer' })).toEqual({
      ok: false,
      code: 'conflict_of_interest',
    });
    expect(await statusOf(a.reference)).toBe('claim_submitted');
    const claimRow = await t.db.selectFrom('claims').select(['status', 'decidedBy']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(claimRow).toEqual({ status: 'submitted', decidedBy: null });
  });

  it('an officer with a declared link can neither prepare nor release the payment', async () => {
    const a = await claimed();
    expect((await decideClaim({ db: t.db, officerId: a.officer.id, reference: a.reference, approve: true })).ok).toBe(true);
    const linked = await makeUser(t.db, 'officer');
    await declareConflict({ db: t.db, officerId: linked.id, registrationNumber: a.brNumber });
    expect(await preparePayment({ db: t.db, officerId: linked.id, reference: a.reference })).toEqual({
      ok: false,
      code: 'conflict_of_interest',
    });
    expect(await t.db.selectFrom('payments').select('id').where('preparedBy', '=', linked.id).execute()).toEqual([]);

    const maker = await makeUser(t.db, 'officer');
    expect(await preparePayment({ db: t.db, officerId: maker.id, reference: a.reference })).toEqual({ ok: true });
    expect(await releasePayment({ db: t.db, officerId: linked.id, reference: a.reference })).toEqual({
      ok: false,
      code: 'conflict_of_interest',
    });
    expect(await statusOf(a.reference)).toBe('claim_approved');
    const checker = await makeUser(t.db, 'officer');
    expect(await releasePayment({ db: t.db, officerId: checker.id, reference: a.reference })).toEqual({ ok: true });
  });

  it('an officer who owns the business is conflicted on its claim and payment too', async () => {
    const a = await claimed();
    // An officer account that also owns the enterprise (made directly: officers cannot register businesses).
    await t.db.updateTable('users').set({ role: 'officer' }).where('id', '=', a.user.id).execute();
    expect(await decideClaim({ db: t.db, officerId: a.user.id, reference: a.reference, approve: true })).toEqual({
      ok: false,
      code: 'conflict_of_interest',
    });
    await t.db.updateTable('users').set({ role: 'applicant' }).where('id', '=', a.user.id).execute();
  });
});

describe('lapse', () => {
  it('run twice at the same time, each overdue approval lapses once and its money is released once', async () => {
    const apps = [await approved(), await approved(), await approved()];
    await t.db
      .updateTable('applications')
      .set({ deployBy: new Date(Date.now() - 1000) })
      .where(
        'reference',
        'in',
        apps.map((a) => a.reference),
      )
      .execute();
    expect(await committedCents({ db: t.db, enterpriseId: apps[0]!.enterpriseId })).toBe(14_000_00);
    const [first, second] = await Promise.all([lapseOverdue({ db: t.db }), lapseOverdue({ db: t.db })]);
    const all = [...first.lapsed, ...second.lapsed].filter((r) => apps.some((a) => a.reference === r));
    expect(all.sort()).toEqual(apps.map((a) => a.reference).sort());
    for (const a of apps) expect(await committedCents({ db: t.db, enterpriseId: a.enterpriseId })).toBe(0);
    const events = await t.db
      .selectFrom('applicationEvents')
      .innerJoin('applications', 'applications.id', 'applicationEvents.applicationId')
      .select('reference')
      .where('action', '=', 'lapse')
      .where(
        'reference',
        'in',
        apps.map((a) => a.reference),
      )
      .execute();
    expect(events).toHaveLength(3);
    const notices = await t.db
      .selectFrom('notifications')
      .select('template')
      .where('template', 'in', ['application_lapsed', 'vendor_application_lapsed'])
      .where('userId', '=', apps[0]!.user.id)
      .execute();
    expect(notices.map((n) => n.template)).toEqual(['application_lapsed']);
  });

  it('does not touch approvals still within their six months', async () => {
    const a = await approved();
    const { lapsed } = await lapseOverdue({ db: t.db });
    expect(lapsed).not.toContain(a.reference);
  });
});

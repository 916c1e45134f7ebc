import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
import { deliverDue, httpSender } from '../../app/services/outbox.server';
import { createGateway } from '../mocks/gateway';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';

const PAYMENTS = 'http://payments.test/instructions';
const service = createGateway(PAYMENTS);
const server = setupServer(service.handler);

let t: TestDatabase;
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  t = await createTestDatabase();
});
afterEach(() => {
  service.state.mode = 'ok';
});
afterAll(async () => {
  server.close();
  await t.drop();
});

const pdf = (name: string) => ({ bytes: new TextEncoder().encode(`%PDF-1.4 ${name}`), filename: `${name}.pdf` });
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** An application taken all the way to a released payment, which leaves one payment instruction in the outbox. */
async function releasedPayment() {
  const user = await makeUser(t.db);
  const enterpriseId = await makeEnterprise(t.db, user.id, { legalNameEn: 'Sunrise Cafe Ltd' });
  const pkg = await makeListedSolution(t.db, { priceCents: 20_000_00 });
  const quotationId = await makeQuotation(t.db, {
    userId: user.id,
    enterpriseId,
    solutionId: pkg.solutionId,
    vendorUserId: pkg.vendorUserId,
  });
  const reference = await makeDraft(t.db, { userId: user.id, quotationId });
  await submitApplication({ db: t.db, userId: user.id, reference });
  const [maker, checker] = [await makeUser(t.db, 'officer'), await makeUser(t.db, 'officer')];
  await assignToMe({ db: t.db, officerId: maker.id, reference });
  await decideApplication({ db: t.db, officerId: maker.id, reference, expectedStatus: 'under_review', decision: { action: 'approve' } });
  await reportDeployment({ db: t.db, vendorUserId: pkg.vendorUserId, reference });
  await confirmDeployment({ db: t.db, userId: user.id, reference });
  const claimed = await submitClaim({
    db: t.db,
    userId: user.id,
    reference,
    input: {
      invoiceNumber: 'A1',
      invoiceDate: today(),
      invoicedCents: 20_000_00,
      paidCents: 20_000_00,
      paidOn: today(),
      payerName: 'Sunrise Cafe Limited',
      bankAccount: { bankCode: '024', branchCode: '123', accountNumber: '456789012', accountName: 'Test Business Ltd' },
      invoice: pdf('inv'),
      proofOfPayment: pdf('pay'),
    },
  });
  if (!claimed.ok) throw new Error(`setup: ${JSON.stringify(claimed)}`);
  await decideClaim({ db: t.db, officerId: maker.id, reference, approve: true });
  await preparePayment({ db: t.db, officerId: maker.id, reference });
  const released = await releasePayment({ db: t.db, officerId: checker.id, reference });
  if (!released.ok) throw new Error('setup');
  return reference;
}

async function drain(timeoutMs: number) {
  const send = httpSender({ url: PAYMENTS, timeoutMs });
  for (let round = 0; round < 30; round++) {
    await deliverDue({ db: t.db, topic: 'payment', send });
    const pending = await t.db.selectFrom('outbox').select('id').where('topic', '=', 'payment').where('status', '=', 'pending').execute();
    if (pending.length === 0) return;
    await t.db
      .updateTable('outbox')
      .set({ nextAttemptAt: new Date(0), leaseUntil: null })
      .where('status', '=', 'pending')
      .execute();
  }
  throw new Error('payment outbox did not drain');
}

describe('payment instructions', () => {
  it.each(['ok', 'flaky', 'slow'] as const)('the payment service %s: each payment is instructed exactly once', async (mode) => {
    service.state.mode = mode;
    const before = service.accepted.size;
    const refs = [await releasedPayment(), await releasedPayment(), await releasedPayment()];
    await drain(mode === 'slow' ? 150 : 1000);
    const accepted = [...service.accepted.values()].slice(before) as { reference: string; amountCents: number }[];
    expect(accepted.map((p) => p.reference).sort()).toEqual(refs.sort());
    expect(accepted.every((p) => p.amountCents === 10_000_00)).toBe(true);
    const rows = await t.db.selectFrom('outbox').select('status').where('topic', '=', 'payment').execute();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });
});

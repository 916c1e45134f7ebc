import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as applicationPage from '../../app/routes/applications.$ref/route';
import * as shopClaim from '../../app/routes/applications.$ref_.claim';
import * as claimPage from '../../app/routes/officer.claims.$ref';
import * as claimsQueue from '../../app/routes/officer.claims._index';
import * as vendorApplications from '../../app/routes/vendor.applications';
import { submitApplication } from '../../app/services/applications.server';
import { assignToMe, decideApplication } from '../../app/services/officer.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';
import { routeCalls, sessionForUserId } from '../support/requests';

let t: TestDatabase;
let reference: string;
let shop: string;
let vendor: string;
beforeAll(async () => {
  t = await createTestDatabase();
  const user = await makeUser(t.db);
  shop = await sessionForUserId(t.db, user.id);
  const enterpriseId = await makeEnterprise(t.db, user.id, { legalNameEn: 'Harbour Tea Ltd' });
  const pkg = await makeListedSolution(t.db, { priceCents: 10_000_00 });
  vendor = await sessionForUserId(t.db, pkg.vendorUserId);
  const quotationId = await makeQuotation(t.db, {
    userId: user.id,
    enterpriseId,
    solutionId: pkg.solutionId,
    vendorUserId: pkg.vendorUserId,
  });
  reference = await makeDraft(t.db, { userId: user.id, quotationId });
  await submitApplication({ db: t.db, userId: user.id, reference });
  const officer = await makeUser(t.db, 'officer');
  await assignToMe({ db: t.db, officerId: officer.id, reference });
  await decideApplication({ db: t.db, officerId: officer.id, reference, expectedStatus: 'under_review', decision: { action: 'approve' } });
});
afterAll(async () => {
  await t.drop();
});

const { callAction, callLoader } = routeCalls(() => t.db);

/** The shop owner's claim form (multipart, as the page sends it), with or without its two papers. */
const claim = (fields: Record<string, string>, files: boolean) =>
  callAction(shopClaim, {
    as: shop,
    path: '/applications/:ref/claim',
    params: { ref: reference },
    multipart: true,
    form: files
      ? {
          ...fields,
          invoiceDocument: new File([new TextEncoder().encode('%PDF-1.4 inv')], 'inv.pdf'),
          paymentDocument: new File([new TextEncoder().encode('%PDF-1.4 pay')], 'pay.pdf'),
        }
      : fields,
  });

describe('deployment and claim routes', () => {
  it('another vendor cannot report deployment (404); the quoted vendor can', async () => {
    const stranger = await sessionForUserId(t.db, (await makeListedSolution(t.db, { priceCents: 100 })).vendorUserId);
    expect((await callAction(vendorApplications, { as: stranger, form: { reference } })).status).toBe(404);
    const reported = await callAction(vendorApplications, { as: vendor, form: { reference } });
    expect(reported.headers.get('Location')).toBe(`/vendor/applications?reported=${reference}`);
    const confirmed = await callAction(applicationPage, { as: shop, params: { ref: reference }, form: { intent: 'confirm_deployment' } });
    expect(confirmed.headers.get('Location')).toBe(`/applications/${reference}?confirmed=1`);
  });

  const fields = () => ({
    invoiceNumber: 'INV-9',
    invoiceDate: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    invoiced: '10,000.00',
    paid: '10000',
    paidOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    payerName: 'Harbour Tea Limited',
    bankCode: '024',
    branchCode: '123',
    accountNumber: '456-789 012',
    accountName: 'Harbour Tea Limited',
  });

  it('an impossible date and missing documents are field errors, not a crash', async () => {
    const response = await claim({ ...fields(), invoiceDate: '2026-02-31' }, false);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fieldErrors: unknown }).fieldErrors).toEqual({
      invoiceDate: ['errors:date_invalid'],
      invoiceDocument: ['claims:invoice_missing'],
      paymentDocument: ['claims:payment_missing'],
    });
  });

  it("an account number that is not its bank's format is a field error; a bank not on the list too", async () => {
    const short = await claim({ ...fields(), accountNumber: '1234567' }, true);
    expect(short.status).toBe(400);
    expect(((await short.json()) as { fieldErrors: unknown }).fieldErrors).toEqual({ accountNumber: ['claims:account_number_invalid'] });
    const unknown = await claim({ ...fields(), bankCode: '999' }, true);
    expect(((await unknown.json()) as { fieldErrors: unknown }).fieldErrors).toEqual({ bankCode: ['claims:bank_unknown'] });
    const noBranch = await claim({ ...fields(), branchCode: '' }, true);
    expect(((await noBranch.json()) as { fieldErrors: unknown }).fieldErrors).toEqual({ branchCode: ['claims:branch_required'] });
  });

  it('a good claim goes to the officers; the preparer cannot release; shop owners cannot open claims pages', async () => {
    const sent = await claim(fields(), true);
    expect(sent.headers.get('Location')).toBe(`/applications/${reference}?claimed=1`);
    expect((await callLoader(claimsQueue, { as: shop, path: '/officer/claims' })).status).toBe(403);

    const maker = 'officer@demo.matchfund.hk';
    const page = (await (await callLoader(claimPage, { as: maker, params: { ref: reference } })).json()) as {
      claim: { checks: { passed: boolean }[]; payableCents: number };
    };
    expect(page.claim.checks.every((c) => c.passed)).toBe(true);
    expect(page.claim.payableCents).toBe(5_000_00);
    // Officers see the payee's account masked, never its number.
    expect((page.claim as unknown as { payeeAccount: string }).payeeAccount).toBe('024-***-***012');
    expect(JSON.stringify(page)).not.toContain('456789012');
    for (const intent of ['approve', 'prepare']) {
      const response = await callAction(claimPage, { as: maker, params: { ref: reference }, form: { intent } });
      expect(response.status).toBe(302);
    }
    const own = await callAction(claimPage, { as: maker, params: { ref: reference }, form: { intent: 'release' } });
    expect(own.status).toBe(409);
    expect(await own.json()).toMatchObject({ fieldErrors: {}, formErrors: ['claims:same_officer'] });
    const checker = 'officer2@demo.matchfund.hk';
    const released = await callAction(claimPage, { as: checker, params: { ref: reference }, form: { intent: 'release' } });
    expect(released.headers.get('Location')).toBe('/officer/claims?done=release');
  });
});

describe('conflict of interest on claims and payments', () => {
  it('an officer who declared a link to the business gets 409 on approve, return, prepare and release, and the page says why', async () => {
    const { declareConflict } = await import('../../app/services/officer.server');
    const user = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, user.id, { legalNameEn: 'Linked Bakery Ltd' });
    const pkg = await makeListedSolution(t.db, { priceCents: 10_000_00 });
    const quotationId = await makeQuotation(t.db, {
      userId: user.id,
      enterpriseId,
      solutionId: pkg.solutionId,
      vendorUserId: pkg.vendorUserId,
    });
    const ref = await makeDraft(t.db, { userId: user.id, quotationId });
    await submitApplication({ db: t.db, userId: user.id, reference: ref });
    const deciding = await makeUser(t.db, 'officer');
    await assignToMe({ db: t.db, officerId: deciding.id, reference: ref });
    await decideApplication({
      db: t.db,
      officerId: deciding.id,
      reference: ref,
      expectedStatus: 'under_review',
      decision: { action: 'approve' },
    });
    const { reportDeployment, confirmDeployment, submitClaim } = await import('../../app/services/claims.server');
    await reportDeployment({ db: t.db, vendorUserId: pkg.vendorUserId, reference: ref });
    await confirmDeployment({ db: t.db, userId: user.id, reference: ref });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const doc = (name: string) => ({ bytes: new TextEncoder().encode(`%PDF-1.4 ${name}`), filename: `${name}.pdf` });
    const sent = await submitClaim({
      db: t.db,
      userId: user.id,
      reference: ref,
      input: {
        invoiceNumber: 'INV-1',
        invoiceDate: today,
        invoicedCents: 10_000_00,
        paidCents: 10_000_00,
        paidOn: today,
        payerName: 'Linked Bakery Ltd',
        bankAccount: { bankCode: '024', branchCode: '123', accountNumber: '456789012', accountName: 'Test Business Ltd' },
        invoice: doc('i'),
        proofOfPayment: doc('p'),
      },
    });
    expect(sent).toEqual({ ok: true });
    const brNumber = (await t.db.selectFrom('enterprises').select('brNumber').where('id', '=', enterpriseId).executeTakeFirstOrThrow())
      .brNumber!;

    const linked = await makeUser(t.db, 'officer');
    await declareConflict({ db: t.db, officerId: linked.id, registrationNumber: brNumber });
    const session = await sessionForUserId(t.db, linked.id);
    const page = (await (await callLoader(claimPage, { as: session, params: { ref } })).json()) as { conflicted: boolean };
    expect(page.conflicted).toBe(true);
    for (const fields of [{ intent: 'approve' }, { intent: 'return', note: 'Check the payer' }] as Record<string, string>[]) {
      const response = await callAction(claimPage, { as: session, params: { ref }, form: fields });
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ fieldErrors: {}, formErrors: ['claims:conflict_of_interest'] });
    }
    expect((await callAction(claimPage, { as: deciding.id, params: { ref }, form: { intent: 'approve' } })).status).toBe(302);
    for (const intent of ['prepare', 'release']) {
      const response = await callAction(claimPage, { as: session, params: { ref }, form: { intent } });
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ fieldErrors: {}, formErrors: ['claims:conflict_of_interest'] });
    }
  });
});

describe('claims queue', () => {
  it('lists each kind of work on its own pages', async () => {
    const { listClaims, CLAIMS_PAGE_SIZE } = await import('../../app/services/claims.server');
    const officer = await makeUser(t.db, 'officer');
    const page = await listClaims({ db: t.db, officerId: officer.id, list: 'check', page: 5 });
    expect(page.page).toBe(1);
    expect(page.rows.length).toBeLessThanOrEqual(CLAIMS_PAGE_SIZE);
    const response = await callLoader(claimsQueue, {
      as: officer.id,
      path: '/officer/claims',
      search: { checkPage: 'abc', releasePage: '2' },
    });
    const body = (await response.json()) as { lists: { list: string; page: number }[] };
    expect(body.lists.map((l) => [l.list, l.page])).toEqual([
      ['check', 1],
      ['prepare', 1],
      ['release', 1],
    ]);
  });
});

import crypto from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDraftApplication,
  getApplicantApplication,
  submitApplication,
  withdrawApplication,
} from '../../app/services/applications.server';
import { committedCents, createEnterprise } from '../../app/services/enterprises.server';
import { confirmEnquiry, declineEnquiry, sendEnquiry } from '../../app/services/enquiries.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import {
  allDeclarations,
  enterpriseInput,
  makeDraft,
  makeEnterprise,
  makeListedSolution,
  makeQuotation,
  makeUser,
  pdf,
} from '../support/fixtures';

const CAP = 50_000_00;
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ max: 40 });
});
afterAll(async () => {
  await t.drop();
});

describe('business profile', () => {
  it('gives a BR number to one enterprise across all accounts and records the second claim for officers', async () => {
    const first = await makeUser(t.db);
    const second = await makeUser(t.db);
    const input = enterpriseInput();
    expect((await createEnterprise({ db: t.db, userId: first.id, input })).ok).toBe(true);
    expect(await createEnterprise({ db: t.db, userId: second.id, input: { ...input, legalNameEn: 'Copycat Ltd' } })).toEqual({
      ok: false,
      code: 'br_taken',
    });
    const conflicts = await t.db.selectFrom('registrationConflicts').selectAll().where('brNumber', '=', input.brNumber).execute();
    expect(conflicts).toEqual([expect.objectContaining({ claimedBy: second.id })]);
  });

  it('lets exactly one of many accounts registering the same BR number at once have it', async () => {
    const users = await Promise.all(Array.from({ length: 8 }, () => makeUser(t.db)));
    const input = enterpriseInput();
    const results = await Promise.all(users.map((user) => createEnterprise({ db: t.db, userId: user.id, input })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'br_taken')).toBe(true);
  });

  it('treats hawker licence numbers the same way, whatever the letter case', async () => {
    const a = await makeUser(t.db);
    const b = await makeUser(t.db);
    const hawker = { registrationType: 'hawker' as const, brNumber: null, brExpiry: null, hawkerLicenceNo: 'fp-123456' };
    expect((await createEnterprise({ db: t.db, userId: a.id, input: enterpriseInput(hawker) })).ok).toBe(true);
    expect(await createEnterprise({ db: t.db, userId: b.id, input: enterpriseInput({ ...hawker, hawkerLicenceNo: 'FP-123456' }) })).toEqual(
      {
        ok: false,
        code: 'hawker_taken',
      },
    );
  });
});

describe('enquiries and quotations', () => {
  it('a double-sent enquiry is one enquiry; features must belong to the package', async () => {
    const user = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, user.id);
    const pkg = await makeListedSolution(t.db, { priceCents: 20_000_00, features: [{ pricingModel: 'one_off', priceCents: 1_000_00 }] });
    const input = { enterpriseId, solutionId: pkg.solutionId, featureIds: pkg.featureIds, message: 'Two shops' };
    const [a, b] = await Promise.all([
      sendEnquiry({ db: t.db, userId: user.id, input }),
      sendEnquiry({ db: t.db, userId: user.id, input }),
    ]);
    expect(a.ok && b.ok && a.id === b.id).toBe(true);
    const other = await makeListedSolution(t.db, { priceCents: 5_000_00, features: [{ pricingModel: 'one_off', priceCents: 1 }] });
    expect(await sendEnquiry({ db: t.db, userId: user.id, input: { ...input, solutionId: other.solutionId } })).toEqual({
      ok: false,
      code: 'invalid_feature',
    });
  });

  it("refuses an enquiry for another account's enterprise or a delisted package", async () => {
    const owner = await makeUser(t.db);
    const intruder = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, owner.id);
    const pkg = await makeListedSolution(t.db, { priceCents: 9_000_00 });
    expect(
      await sendEnquiry({
        db: t.db,
        userId: intruder.id,
        input: { enterpriseId, solutionId: pkg.solutionId, featureIds: [], message: '' },
      }),
    ).toEqual({
      ok: false,
      code: 'not_found',
    });
    await t.db.updateTable('solutions').set({ status: 'delisted' }).where('id', '=', pkg.solutionId).execute();
    expect(
      await sendEnquiry({ db: t.db, userId: owner.id, input: { enterpriseId, solutionId: pkg.solutionId, featureIds: [], message: '' } }),
    ).toEqual({
      ok: false,
      code: 'package_not_listed',
    });
  });

  it('the quotation copies catalogue prices, counts 24 months of a subscription, and can never change', async () => {
    const user = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, user.id);
    const pkg = await makeListedSolution(t.db, {
      pricingModel: 'monthly',
      priceCents: 980_00,
      features: [
        { pricingModel: 'one_off', priceCents: 3_500_00 },
        { pricingModel: 'monthly', priceCents: 120_00 },
      ],
    });
    const quotationId = await makeQuotation(t.db, {
      userId: user.id,
      enterpriseId,
      solutionId: pkg.solutionId,
      vendorUserId: pkg.vendorUserId,
      featureIds: pkg.featureIds,
    });
    const quotation = await t.db.selectFrom('quotations').selectAll().where('id', '=', quotationId).executeTakeFirstOrThrow();
    expect(quotation.eligibleCostCents).toBe(980_00 * 24 + 3_500_00 + 120_00 * 24);
    expect(quotation.items.map((i) => i.priceCents)).toEqual([980_00, 3_500_00, 120_00]);
    await expect(sql`update quotations set eligible_cost_cents = 1 where id = ${quotationId}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from quotations where id = ${quotationId}`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('a vendor answers only enquiries about its own packages, once', async () => {
    const user = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, user.id);
    const pkg = await makeListedSolution(t.db, { priceCents: 12_000_00 });
    const stranger = await makeListedSolution(t.db, { priceCents: 1_000_00 });
    const enquiry = await sendEnquiry({
      db: t.db,
      userId: user.id,
      input: { enterpriseId, solutionId: pkg.solutionId, featureIds: [], message: '' },
    });
    if (!enquiry.ok) throw new Error('setup');
    expect(await confirmEnquiry({ db: t.db, userId: stranger.vendorUserId, enquiryId: enquiry.id })).toEqual({
      ok: false,
      code: 'not_found',
    });
    expect(await declineEnquiry({ db: t.db, userId: stranger.vendorUserId, enquiryId: enquiry.id, reason: 'x' })).toEqual({
      ok: false,
      code: 'not_found',
    });
    expect((await declineEnquiry({ db: t.db, userId: pkg.vendorUserId, enquiryId: enquiry.id, reason: 'no_capacity' })).ok).toBe(true);
    expect(await confirmEnquiry({ db: t.db, userId: pkg.vendorUserId, enquiryId: enquiry.id })).toEqual({
      ok: false,
      code: 'already_answered',
    });
  });
});

async function applicantWithQuotation(priceCents: number, category = 'e_payment_pos') {
  const user = await makeUser(t.db);
  const enterpriseId = await makeEnterprise(t.db, user.id);
  const pkg = await makeListedSolution(t.db, { priceCents, category });
  const quotationId = await makeQuotation(t.db, {
    userId: user.id,
    enterpriseId,
    solutionId: pkg.solutionId,
    vendorUserId: pkg.vendorUserId,
  });
  return { user, enterpriseId, pkg, quotationId };
}

describe('drafts', () => {
  it('the same idempotency key twice — even at the same moment — makes one application', async () => {
    const { user, quotationId } = await applicantWithQuotation(30_000_00);
    const idempotencyKey = crypto.randomUUID();
    const input = { quotationId, idempotencyKey, declarations: allDeclarations, document: pdf() };
    const results = await Promise.all(Array.from({ length: 6 }, () => createDraftApplication({ db: t.db, userId: user.id, input })));
    const references = new Set(results.map((r) => (r.ok ? r.reference : r.code)));
    expect(references.size).toBe(1);
    const rows = await t.db.selectFrom('applications').select('id').where('quotationId', '=', quotationId).execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a file that is not a PDF, JPEG or PNG by its content, and writes nothing', async () => {
    const { user, quotationId } = await applicantWithQuotation(30_000_00);
    const html = { bytes: new TextEncoder().encode('<html>not a pdf</html>'), filename: 'quotation.pdf' };
    const result = await createDraftApplication({
      db: t.db,
      userId: user.id,
      input: { quotationId, idempotencyKey: crypto.randomUUID(), declarations: allDeclarations, document: html },
    });
    expect(result).toEqual({ ok: false, code: 'document_type' });
    expect(await t.db.selectFrom('applications').select('id').where('quotationId', '=', quotationId).execute()).toHaveLength(0);
  });

  it("refuses someone else's quotation as not found", async () => {
    const { quotationId } = await applicantWithQuotation(30_000_00);
    const intruder = await makeUser(t.db);
    const result = await createDraftApplication({
      db: t.db,
      userId: intruder.id,
      input: { quotationId, idempotencyKey: crypto.randomUUID(), declarations: allDeclarations, document: pdf() },
    });
    expect(result).toEqual({ ok: false, code: 'not_found' });
  });
});

describe('submission', () => {
  it('commits half the cost, gives a DTS reference and writes the first audit events', async () => {
    const { user, enterpriseId, quotationId } = await applicantWithQuotation(28_000_00);
    const reference = await makeDraft(t.db, { userId: user.id, quotationId });
    expect(reference).toMatch(/^DTS-\d{4}-\d{6}$/);
    const result = await submitApplication({ db: t.db, userId: user.id, reference });
    expect(result).toMatchObject({ ok: true, split: { costCents: 28_000_00, programmeCents: 14_000_00, shopCents: 14_000_00 } });
    expect(await committedCents({ db: t.db, enterpriseId })).toBe(14_000_00);
    const detail = await getApplicantApplication({ db: t.db, userId: user.id, reference });
    expect(detail?.events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['create', null, 'draft'],
      ['submit', 'draft', 'submitted'],
    ]);
    // JSON columns keep their keys as written (not camel-cased on the way out).
    expect(detail?.declarations).toMatchObject({ information_true: true, consent_to_checks: true });
    const stored = await t.db.selectFrom('applications').select('settingsId').where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(stored.settingsId).toBeTypeOf('number');
    // A second click answers with the same application, committing nothing more.
    expect(await submitApplication({ db: t.db, userId: user.id, reference })).toMatchObject({ ok: true, replayed: true });
    expect(await committedCents({ db: t.db, enterpriseId })).toBe(14_000_00);
  });

  it('caps the second application at the remaining headroom and refuses a third with HK$0 left', async () => {
    const user = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, user.id);
    const refs: string[] = [];
    for (const category of ['e_payment_pos', 'online_promotion', 'customer_management']) {
      const pkg = await makeListedSolution(t.db, { priceCents: 80_000_00, category });
      const quotationId = await makeQuotation(t.db, {
        userId: user.id,
        enterpriseId,
        solutionId: pkg.solutionId,
        vendorUserId: pkg.vendorUserId,
      });
      refs.push(await makeDraft(t.db, { userId: user.id, quotationId }));
    }
    expect(await submitApplication({ db: t.db, userId: user.id, reference: refs[0]! })).toMatchObject({
      ok: true,
      split: { programmeCents: 40_000_00 },
    });
    expect(await submitApplication({ db: t.db, userId: user.id, reference: refs[1]! })).toMatchObject({
      ok: true,
      split: { programmeCents: 10_000_00, shopCents: 70_000_00, limitedBy: 'cap', headroomAfterCents: 0 },
    });
    expect(await submitApplication({ db: t.db, userId: user.id, reference: refs[2]! })).toEqual({
      ok: false,
      code: 'cap_reached',
      headroomCents: 0,
    });
    expect(await committedCents({ db: t.db, enterpriseId })).toBe(CAP);
  });

  it('three 80k submissions of one enterprise fired at once commit exactly HK$50,000 in total', async () => {
    const user = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, user.id);
    const refs: string[] = [];
    for (const category of ['e_payment_pos', 'online_promotion', 'customer_management']) {
      const pkg = await makeListedSolution(t.db, { priceCents: 80_000_00, category });
      const quotationId = await makeQuotation(t.db, {
        userId: user.id,
        enterpriseId,
        solutionId: pkg.solutionId,
        vendorUserId: pkg.vendorUserId,
      });
      refs.push(await makeDraft(t.db, { userId: user.id, quotationId }));
    }
    const results = await Promise.all(refs.map((reference) => submitApplication({ db: t.db, userId: user.id, reference })));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: 'cap_reached', headroomCents: 0 }]);
    expect(await committedCents({ db: t.db, enterpriseId })).toBe(CAP);
  });

  it('100 submissions of one enterprise with random amounts, at once: never past the cap, every refusal says why', async () => {
    const user = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, user.id);
    const categories = ['e_payment_pos', 'online_promotion', 'customer_management'];
    const amounts = fc.sample(fc.integer({ min: 1_000_00, max: 100_000_00 }), { numRuns: 100, seed: 20261126 });
    const refs: string[] = [];
    for (const [i, priceCents] of amounts.entries()) {
      const pkg = await makeListedSolution(t.db, { priceCents, category: categories[i % 3]! });
      const quotationId = await makeQuotation(t.db, {
        userId: user.id,
        enterpriseId,
        solutionId: pkg.solutionId,
        vendorUserId: pkg.vendorUserId,
      });
      refs.push(await makeDraft(t.db, { userId: user.id, quotationId }));
    }
    const results = await Promise.all(refs.map((reference) => submitApplication({ db: t.db, userId: user.id, reference })));
    const accepted = results.filter((r) => r.ok);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    expect(accepted.length).toBeLessThanOrEqual(3);
    for (const refused of results.filter((r) => !r.ok)) {
      expect(['category_taken', 'cap_reached']).toContain(refused.ok ? '' : refused.code);
    }
    const total = await committedCents({ db: t.db, enterpriseId });
    expect(total).toBeLessThanOrEqual(CAP);
    expect(total).toBe(accepted.reduce((sum, r) => sum + (r.ok && !r.replayed ? r.split.programmeCents : 0), 0));
  });

  it('withdrawing releases the money and gives the headroom back', async () => {
    const { user, enterpriseId, quotationId } = await applicantWithQuotation(60_000_00);
    const reference = await makeDraft(t.db, { userId: user.id, quotationId });
    await submitApplication({ db: t.db, userId: user.id, reference });
    expect(await committedCents({ db: t.db, enterpriseId })).toBe(30_000_00);
    expect(await withdrawApplication({ db: t.db, userId: user.id, reference, note: 'Changed my mind' })).toEqual({ ok: true });
    expect(await committedCents({ db: t.db, enterpriseId })).toBe(0);
    expect(await withdrawApplication({ db: t.db, userId: user.id, reference })).toEqual({
      ok: false,
      code: 'invalid_transition',
      status: 'withdrawn',
    });
    expect(await submitApplication({ db: t.db, userId: user.id, reference })).toEqual({
      ok: false,
      code: 'invalid_transition',
      status: 'withdrawn',
    });
  });

  it('refuses a second live application in the same category', async () => {
    const user = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, user.id);
    const refs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const pkg = await makeListedSolution(t.db, { priceCents: 10_000_00, category: 'online_promotion' });
      const quotationId = await makeQuotation(t.db, {
        userId: user.id,
        enterpriseId,
        solutionId: pkg.solutionId,
        vendorUserId: pkg.vendorUserId,
      });
      refs.push(await makeDraft(t.db, { userId: user.id, quotationId }));
    }
    expect((await submitApplication({ db: t.db, userId: user.id, reference: refs[0]! })).ok).toBe(true);
    expect(await submitApplication({ db: t.db, userId: user.id, reference: refs[1]! })).toEqual({ ok: false, code: 'category_taken' });
  });

  it('re-checks eligibility at submission: expired BR, closed round, package delisted a second ago', async () => {
    const { user, enterpriseId, pkg, quotationId } = await applicantWithQuotation(20_000_00);
    const reference = await makeDraft(t.db, { userId: user.id, quotationId });

    await t.db.updateTable('enterprises').set({ brExpiry: '2020-01-01' }).where('id', '=', enterpriseId).execute();
    expect(await submitApplication({ db: t.db, userId: user.id, reference })).toEqual({
      ok: false,
      code: 'not_eligible',
      failures: ['br_expired'],
    });
    await t.db.updateTable('enterprises').set({ brExpiry: '2035-01-01' }).where('id', '=', enterpriseId).execute();

    expect(await submitApplication({ db: t.db, userId: user.id, reference, now: new Date('2031-06-01T00:00:00Z') })).toEqual({
      ok: false,
      code: 'not_eligible',
      failures: ['round_closed'],
    });

    await t.db.updateTable('solutions').set({ status: 'delisted' }).where('id', '=', pkg.solutionId).execute();
    expect(await submitApplication({ db: t.db, userId: user.id, reference })).toEqual({
      ok: false,
      code: 'not_eligible',
      failures: ['package_not_listed'],
    });
    expect(await committedCents({ db: t.db, enterpriseId })).toBe(0);
    const events = await t.db
      .selectFrom('applicationEvents')
      .select('action')
      .innerJoin('applications', 'applications.id', 'applicationEvents.applicationId')
      .where('reference', '=', reference)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['create']);
  });

  it("answers another user's reference as not found, and writes nothing", async () => {
    const { user, quotationId } = await applicantWithQuotation(20_000_00);
    const reference = await makeDraft(t.db, { userId: user.id, quotationId });
    const intruder = await makeUser(t.db);
    expect(await submitApplication({ db: t.db, userId: intruder.id, reference })).toEqual({ ok: false, code: 'not_found' });
    expect(await withdrawApplication({ db: t.db, userId: intruder.id, reference })).toEqual({ ok: false, code: 'not_found' });
    expect(await getApplicantApplication({ db: t.db, userId: intruder.id, reference })).toBeUndefined();
  });
});

describe('audit trail', () => {
  it('the database refuses to change or delete an event', async () => {
    const { user, quotationId } = await applicantWithQuotation(20_000_00);
    await makeDraft(t.db, { userId: user.id, quotationId });
    await expect(sql`update application_events set note = 'edited'`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from application_events`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate application_events`.execute(t.db)).rejects.toThrow(/append-only/);
  });
});

// Issue 12 §2: every hand-off tells its receiver once, in the receiver's language; pooled work tells nobody; one
// source event can never notify the same person twice, even when submitted twice at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respondToInfoRequest, submitApplication } from '../../app/services/applications.server';
import {
  confirmDeployment,
  decideClaim,
  preparePayment,
  reportDeployment,
  submitClaim,
  type ClaimInput,
} from '../../app/services/claims.server';
import { createListing, submitListingForReview, vetVersion } from '../../app/services/listings.server';
import { listNotifications, notify, openNotification, unreadCount, markAllRead } from '../../app/services/notifications.server';
import { assignToMe, decideApplication, declareConflict } from '../../app/services/officer.server';
import { confirmEnquiry, sendEnquiry } from '../../app/services/enquiries.server';
import { decideEnrolment, submitEnrolment } from '../../app/services/vendors.server';
import { tellOwnerOfRegistrationAttempt } from '../../app/services/auth.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser, randomBrNumber } from '../support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ max: 20 });
});
afterAll(async () => {
  await t.drop();
});

const setLocale = (userId: number, locale: 'en' | 'zh-HK' | 'zh-CN') =>
  t.db.updateTable('users').set({ locale }).where('id', '=', userId).execute();

const notes = (userId: number) =>
  t.db
    .selectFrom('notifications')
    .select(['id', 'template', 'params', 'readAt', 'applicationId'])
    .where('userId', '=', userId)
    .orderBy('id')
    .execute();

/** The outbox message of one notification (its rendered subject is in the receiver's language). */
const messageOf = (notificationId: number) =>
  t.db.selectFrom('outbox').select('payload').where('idempotencyKey', 'like', `notification-${notificationId}-%`).executeTakeFirstOrThrow();

async function submitted({ shopLocale = 'en' as 'en' | 'zh-HK' | 'zh-CN' } = {}) {
  const user = await makeUser(t.db);
  await setLocale(user.id, shopLocale);
  const enterpriseId = await makeEnterprise(t.db, user.id, { legalNameEn: 'Lucky Noodle House Ltd', brNumber: randomBrNumber() });
  const pkg = await makeListedSolution(t.db, { priceCents: 28_000_00 });
  const quotationId = await makeQuotation(t.db, {
    userId: user.id,
    enterpriseId,
    solutionId: pkg.solutionId,
    vendorUserId: pkg.vendorUserId,
  });
  const reference = await makeDraft(t.db, { userId: user.id, quotationId });
  expect((await submitApplication({ db: t.db, userId: user.id, reference })).ok).toBe(true);
  return { user, enterpriseId, pkg, reference };
}

describe('hand-offs', () => {
  it('a new enquiry tells the vendor, the confirmed quotation tells the shop, each in their own language', async () => {
    const shop = await makeUser(t.db);
    await setLocale(shop.id, 'zh-HK');
    const enterpriseId = await makeEnterprise(t.db, shop.id);
    const pkg = await makeListedSolution(t.db, { priceCents: 12_000_00 });
    await setLocale(pkg.vendorUserId, 'zh-CN');
    const enquiry = await sendEnquiry({
      db: t.db,
      userId: shop.id,
      input: { enterpriseId, solutionId: pkg.solutionId, featureIds: [], message: '' },
    });
    if (!enquiry.ok) throw new Error('setup');
    const [received] = await notes(pkg.vendorUserId);
    expect(received).toMatchObject({ template: 'enquiry_received', params: { shopZhHk: '好運麵家有限公司' } });
    expect((await messageOf(received!.id)).payload).toMatchObject({ locale: 'zh-CN', subject: '「测试套餐」有新查询' });

    // Asked again for the same package (a double click): the open enquiry stands, the vendor is not told twice.
    await sendEnquiry({ db: t.db, userId: shop.id, input: { enterpriseId, solutionId: pkg.solutionId, featureIds: [], message: '' } });
    expect(await notes(pkg.vendorUserId)).toHaveLength(1);

    expect((await confirmEnquiry({ db: t.db, userId: pkg.vendorUserId, enquiryId: enquiry.id })).ok).toBe(true);
    const [arrived] = await notes(shop.id);
    expect(arrived).toMatchObject({ template: 'quotation_arrived' });
    const payload = (await messageOf(arrived!.id)).payload;
    expect(payload).toMatchObject({ locale: 'zh-HK', subject: '已收到「測試套餐」的報價單' });
    expect(String(payload.body)).toContain('HK$12,000.00');
  });

  it('the shop’s answer tells the case’s officer; the shop is told "under review" once, not again when the case is taken back', async () => {
    const a = await submitted();
    const officer = await makeUser(t.db, 'officer');
    await setLocale(officer.id, 'zh-HK');
    await assignToMe({ db: t.db, officerId: officer.id, reference: a.reference });
    expect(
      (
        await decideApplication({
          db: t.db,
          officerId: officer.id,
          reference: a.reference,
          expectedStatus: 'under_review',
          decision: { action: 'request_info', note: 'Please send the lease.' },
        })
      ).ok,
    ).toBe(true);
    expect(await notes(officer.id)).toEqual([]);

    expect(await respondToInfoRequest({ db: t.db, userId: a.user.id, reference: a.reference, note: 'Attached.' })).toEqual({ ok: true });
    const [reply] = await notes(officer.id);
    expect(reply).toMatchObject({ template: 'reply_received', params: { reference: a.reference, note: 'Attached.' } });
    expect((await messageOf(reply!.id)).payload).toMatchObject({ locale: 'zh-HK', subject: `申請 ${a.reference} 已收到回覆` });

    // Today the case goes back to 'submitted' and the officer takes it again: a second start_review event.
    await assignToMe({ db: t.db, officerId: officer.id, reference: a.reference });
    const events = await t.db
      .selectFrom('applicationEvents')
      .select('action')
      .where('action', '=', 'start_review')
      .where('applicationId', '=', reply!.applicationId!)
      .execute();
    const shopTemplates = (await notes(a.user.id)).map((n) => n.template);
    expect(shopTemplates.filter((tpl) => tpl === 'review_started')).toHaveLength(1);
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(shopTemplates).toEqual(['quotation_arrived', 'application_submitted', 'review_started', 'info_requested', 'info_received']);
  });

  it('pooled work tells nobody: an answer on an unassigned case notifies no officer', async () => {
    const a = await submitted();
    const before = await t.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('template', '=', 'reply_received')
      .executeTakeFirstOrThrow();
    const officer = await makeUser(t.db, 'officer');
    await assignToMe({ db: t.db, officerId: officer.id, reference: a.reference });
    await decideApplication({
      db: t.db,
      officerId: officer.id,
      reference: a.reference,
      expectedStatus: 'under_review',
      decision: { action: 'request_info', note: 'Lease?' },
    });
    await t.db.updateTable('applications').set({ assignedOfficerId: null }).where('reference', '=', a.reference).execute();
    await respondToInfoRequest({ db: t.db, userId: a.user.id, reference: a.reference, note: 'Here.' });
    const after = await t.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('template', '=', 'reply_received')
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('a prepared payment tells the other officers who may release it, never the preparer nor a linked officer; a returned claim tells the shop why', async () => {
    const a = await submitted();
    const officer = await makeUser(t.db, 'officer');
    await assignToMe({ db: t.db, officerId: officer.id, reference: a.reference });
    await decideApplication({
      db: t.db,
      officerId: officer.id,
      reference: a.reference,
      expectedStatus: 'under_review',
      decision: { action: 'approve' },
    });
    await reportDeployment({ db: t.db, vendorUserId: a.pkg.vendorUserId, reference: a.reference });
    await confirmDeployment({ db: t.db, userId: a.user.id, reference: a.reference });
    const pdf = (text: string) => ({ bytes: new TextEncoder().encode(`%PDF-1.4 ${text}`), filename: `${text}.pdf` });
    const claim: ClaimInput = {
      invoiceNumber: 'INV-9',
      invoiceDate: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
      invoicedCents: 28_000_00,
      paidCents: 28_000_00,
      paidOn: new Date().toISOString().slice(0, 10),
      payerName: 'LUCKY NOODLE HOUSE LTD.',
      bankAccount: { bankCode: '024', branchCode: '123', accountNumber: '456789012', accountName: 'Lucky Noodle House Limited' },
      invoice: pdf('invoice'),
      proofOfPayment: pdf('payment'),
    };
    expect(await submitClaim({ db: t.db, userId: a.user.id, reference: a.reference, input: claim })).toEqual({ ok: true });
    expect(
      (await decideClaim({ db: t.db, officerId: officer.id, reference: a.reference, approve: false, note: 'The invoice is not dated.' }))
        .ok,
    ).toBe(true);
    const returned = (await notes(a.user.id)).filter((n) => n.template === 'claim_returned');
    expect(returned).toHaveLength(1);
    expect(String((await messageOf(returned[0]!.id)).payload.body)).toContain('The invoice is not dated.');

    expect(await submitClaim({ db: t.db, userId: a.user.id, reference: a.reference, input: claim })).toEqual({ ok: true });
    expect((await decideClaim({ db: t.db, officerId: officer.id, reference: a.reference, approve: true })).ok).toBe(true);

    const maker = await makeUser(t.db, 'officer');
    const checker = await makeUser(t.db, 'officer');
    const linked = await makeUser(t.db, 'officer');
    const admin = await makeUser(t.db, 'admin');
    const br = (await t.db.selectFrom('enterprises').select('brNumber').where('id', '=', a.enterpriseId).executeTakeFirstOrThrow())
      .brNumber!;
    expect((await declareConflict({ db: t.db, officerId: linked.id, registrationNumber: br })).ok).toBe(true);
    expect(await preparePayment({ db: t.db, officerId: maker.id, reference: a.reference })).toEqual({ ok: true });
    const told = await t.db
      .selectFrom('notifications')
      .select('userId')
      .where('template', '=', 'payment_prepared')
      .where('applicationId', '=', returned[0]!.applicationId)
      .execute();
    const toldIds = told.map((n) => n.userId);
    expect(toldIds).toContain(checker.id);
    expect(toldIds).toContain(officer.id);
    expect(toldIds).not.toContain(maker.id);
    expect(toldIds).not.toContain(linked.id);
    expect(toldIds).not.toContain(admin.id);
    expect(new Set(toldIds).size).toBe(toldIds.length);
    const officers = await t.db.selectFrom('users').select('id').where('role', '=', 'officer').execute();
    expect(toldIds).toHaveLength(officers.length - 2);
  });

  it('a vetted listing tells its vendor the outcome, with the officer’s note when returned', async () => {
    const vendorUser = await makeUser(t.db, 'vendor');
    const officer = await makeUser(t.db, 'officer');
    const enrolled = await submitEnrolment({
      db: t.db,
      userId: vendorUser.id,
      input: {
        nameEn: 'Kowloon Smart Retail Ltd',
        nameZhHk: '九龍智能零售有限公司',
        nameZhCn: '九龙智能零售有限公司',
        brNumber: randomBrNumber(),
        contactName: 'Ms Ho',
        contactEmail: 'ho@ksr.example.hk',
        phone: '2777 8888',
        website: null,
        district: 'kwun_tong',
        trackRecord: 'POS for 40 shops',
        referenceCustomers: 'Tai Hing',
        netEquityPositive: true,
      },
    });
    if (!enrolled.ok) throw new Error('setup');
    await decideEnrolment({ db: t.db, officerId: officer.id, vendorId: enrolled.vendorId, approve: true, reason: null });
    await setLocale(vendorUser.id, 'zh-HK');
    const created = await createListing({
      db: t.db,
      userId: vendorUser.id,
      input: {
        category: 'e_payment_pos',
        sector: 'retail',
        nameEn: 'Smart Till',
        nameZhHk: '智能收銀機',
        nameZhCn: '智能收银机',
        descriptionEn: 'A till.',
        descriptionZhHk: '收銀機。',
        descriptionZhCn: '收银机。',
        deliverablesEn: 'One terminal',
        deliverablesZhHk: '一部終端機',
        deliverablesZhCn: '一部终端机',
        pricingModel: 'one_off',
        priceCents: 30_000_00,
        deploymentDays: 30,
        features: [],
      },
    });
    if (!created.ok) throw new Error(`setup ${JSON.stringify(created)}`);
    await submitListingForReview({ db: t.db, userId: vendorUser.id, solutionId: created.solutionId });
    const version = await t.db
      .selectFrom('solutionVersions')
      .select('id')
      .where('solutionId', '=', created.solutionId)
      .where('status', '=', 'pending_review')
      .executeTakeFirstOrThrow();
    expect(
      await vetVersion({ db: t.db, officerId: officer.id, versionId: version.id, decision: 'return', note: 'Add the training hours.' }),
    ).toEqual({ ok: true });
    const [returned] = await notes(vendorUser.id);
    expect(returned).toMatchObject({
      template: 'listing_returned',
      params: { solutionId: created.solutionId, note: 'Add the training hours.' },
    });
    expect((await messageOf(returned!.id)).payload).toMatchObject({ locale: 'zh-HK', subject: '「智能收銀機」已退回修改' });
    expect(await openNotification({ db: t.db, userId: vendorUser.id, role: 'vendor', id: returned!.id })).toEqual({
      target: `/vendor/listings/${created.solutionId}`,
    });
  });
});

describe('no duplicates, read once opened', () => {
  it('the same source event notifies a person once, however often it is written', async () => {
    const user = await makeUser(t.db);
    const write = () =>
      t.db.transaction().execute((trx) =>
        notify(trx, {
          userId: user.id,
          template: 'review_started',
          params: { reference: 'X' },
          sourceKey: 'application:999999',
          to: { email: user.email },
          locale: 'en',
        }),
      );
    expect(await write()).toBe(true);
    expect(await write()).toBe(false);
    // At once, from many connections: the unique index decides, not a check-then-insert.
    const results = await Promise.all(Array.from({ length: 8 }, write));
    expect(results.filter(Boolean)).toHaveLength(0);
    expect(await notes(user.id)).toHaveLength(1);
    const messages = await t.db
      .selectFrom('outbox')
      .select('id')
      .where('idempotencyKey', 'like', `notification-${(await notes(user.id))[0]!.id}-%`)
      .execute();
    expect(messages).toHaveLength(1);
  });

  it('a concurrent double submit of the shop’s answer produces one notification for the officer and one receipt', async () => {
    const a = await submitted();
    const officer = await makeUser(t.db, 'officer');
    await assignToMe({ db: t.db, officerId: officer.id, reference: a.reference });
    await decideApplication({
      db: t.db,
      officerId: officer.id,
      reference: a.reference,
      expectedStatus: 'under_review',
      decision: { action: 'request_info', note: 'Lease?' },
    });
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => respondToInfoRequest({ db: t.db, userId: a.user.id, reference: a.reference, note: 'Attached.' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await notes(officer.id)).map((n) => n.template)).toEqual(['reply_received']);
    expect((await notes(a.user.id)).filter((n) => n.template === 'info_received')).toHaveLength(1);
  });

  it('a concurrent double confirm of an enquiry tells the shop once', async () => {
    const shop = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, shop.id);
    const pkg = await makeListedSolution(t.db, { priceCents: 9_000_00 });
    const enquiry = await sendEnquiry({
      db: t.db,
      userId: shop.id,
      input: { enterpriseId, solutionId: pkg.solutionId, featureIds: [], message: '' },
    });
    if (!enquiry.ok) throw new Error('setup');
    const results = await Promise.all([1, 2, 3].map(() => confirmEnquiry({ db: t.db, userId: pkg.vendorUserId, enquiryId: enquiry.id })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await notes(shop.id)).map((n) => n.template)).toEqual(['quotation_arrived']);
  });

  it('two registration attempts at once tell the owner once', async () => {
    const owner = await makeUser(t.db);
    await Promise.all([1, 2, 3].map(() => tellOwnerOfRegistrationAttempt({ db: t.db, email: owner.email })));
    expect((await notes(owner.id)).map((n) => n.template)).toEqual(['registration_attempt']);
  });

  it('opening marks only that notification read, only the owner may open it, and mark-all clears the unread count', async () => {
    const a = await submitted();
    const other = await makeUser(t.db);
    const [first, second] = await notes(a.user.id);
    expect(await unreadCount({ db: t.db, userId: a.user.id })).toBe(2);
    expect(await openNotification({ db: t.db, userId: other.id, role: 'applicant', id: first!.id })).toBeNull();
    expect(await openNotification({ db: t.db, userId: a.user.id, role: 'applicant', id: second!.id })).toEqual({
      target: `/applications/${a.reference}`,
    });
    expect(await openNotification({ db: t.db, userId: a.user.id, role: 'applicant', id: first!.id })).toEqual({ target: '/enquiries' });
    expect(await unreadCount({ db: t.db, userId: a.user.id })).toBe(0);
    const page = await listNotifications({ db: t.db, userId: a.user.id, page: 1 });
    expect(page.rows.every((r) => r.readAt !== null)).toBe(true);
    await t.db.updateTable('notifications').set({ readAt: null }).where('userId', '=', a.user.id).execute();
    await markAllRead({ db: t.db, userId: a.user.id });
    expect(await unreadCount({ db: t.db, userId: a.user.id })).toBe(0);
  });
});

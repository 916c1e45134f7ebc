import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centsToInput } from '../../app/domain/money';
import { assignToMe, budgetPosition, decideApplication } from '../../app/services/officer.server';
import * as rounds from '../../app/routes/admin.rounds/route';
import * as notifications from '../../app/routes/notifications';
import { unreadCount } from '../../app/services/notifications.server';
import * as officerHome from '../../app/routes/officer._index';
import * as review from '../../app/routes/officer.applications.$ref/route';
import * as queue from '../../app/routes/officer.applications._index';
import * as officerDocument from '../../app/routes/officer.applications.$ref_.documents.$id';
import { submitApplication } from '../../app/services/applications.server';
import { getCurrentSettings } from '../../app/services/settings.server';
import { createSettingsVersion, type SettingsInput } from '../../app/services/settings.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';
import { routeCalls, sessionFor, sessionForUserId } from '../support/requests';

let t: TestDatabase;
let reference: string;
let applicantId: number;
beforeAll(async () => {
  t = await createTestDatabase();
  const user = await makeUser(t.db);
  applicantId = user.id;
  const enterpriseId = await makeEnterprise(t.db, user.id);
  const pkg = await makeListedSolution(t.db, { priceCents: 24_000_00 });
  const quotationId = await makeQuotation(t.db, {
    userId: user.id,
    enterpriseId,
    solutionId: pkg.solutionId,
    vendorUserId: pkg.vendorUserId,
  });
  reference = await makeDraft(t.db, { userId: user.id, quotationId });
  await submitApplication({ db: t.db, userId: user.id, reference });
});
afterAll(async () => {
  await t.drop();
});

const pick = (s: SettingsInput): SettingsInput => ({
  roundCode: s.roundCode,
  budgetCents: s.budgetCents,
  capCents: s.capCents,
  matchBps: s.matchBps,
  maxOneOffCents: s.maxOneOffCents,
  maxSubscriptionMonths: s.maxSubscriptionMonths,
  maxSubscriptionTotalCents: s.maxSubscriptionTotalCents,
  deploymentMonths: s.deploymentMonths,
  maxEmployees: s.maxEmployees,
  openSectors: s.openSectors,
  openCategories: s.openCategories,
  opensAt: s.opensAt,
  closesAt: s.closesAt,
  slaWorkingDays: s.slaWorkingDays,
});

const { callAction, callLoader } = routeCalls(() => t.db);

describe('officer routes', () => {
  it('refuse shop owners and vendors with 403, on pages and on posts', async () => {
    for (const email of ['applicant@demo.matchfund.hk', 'vendor@demo.matchfund.hk']) {
      const session = await sessionFor(t.db, email);
      expect((await callLoader(queue, { as: session, path: '/officer/applications' })).status).toBe(403);
      expect((await callAction(queue, { as: session, path: '/officer/applications' })).status).toBe(403);
      const post = { intent: 'approve', expectedStatus: 'under_review' };
      expect((await callAction(review, { as: session, params: { ref: reference }, form: post })).status).toBe(403);
    }
  });

  it('an administrator may neither open a review page nor download its documents: one rule for both', async () => {
    const session = await sessionFor(t.db, 'admin@demo.matchfund.hk');
    const application = await t.db.selectFrom('applications').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
    const document = await t.db.selectFrom('documents').select('id').where('applicationId', '=', application.id).executeTakeFirstOrThrow();
    const params = { ref: reference, id: String(document.id) };
    const reviewPage = await callLoader(review, { as: session, path: '/officer/applications/:ref', params });
    const download = await callLoader(officerDocument, { as: session, path: '/officer/applications/:ref/documents/:id', params });
    expect([reviewPage.status, download.status]).toEqual([403, 403]);
    // An officer may do both.
    const officerDownload = await callLoader(officerDocument, {
      as: 'officer2@demo.matchfund.hk',
      path: '/officer/applications/:ref/documents/:id',
      params,
    });
    expect(officerDownload.status).toBe(200);
  });

  it('next in queue takes the oldest and opens its review page; decisions need the right fields', async () => {
    const session = await sessionFor(t.db, 'officer@demo.matchfund.hk');
    const taken = await callAction(queue, { as: session, path: '/officer/applications' });
    expect(taken.headers.get('Location')).toBe(`/officer/applications/${reference}`);

    const decide = (form: Record<string, string>) => callAction(review, { as: session, params: { ref: reference }, form });
    const noReason = await decide({ intent: 'reject', expectedStatus: 'under_review' });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ fieldErrors: { reasonCode: ['officer:reason_required'] } });
    const noMessage = await decide({ intent: 'request_info', expectedStatus: 'under_review', note: ' ' });
    expect(noMessage.status).toBe(400);
    const forged = await decide({ intent: 'approve', expectedStatus: 'bogus' });
    expect(forged.status).toBe(400);

    const approved = await decide({ intent: 'approve', expectedStatus: 'under_review' });
    expect(approved.headers.get('Location')).toBe(`/officer/applications/${reference}?done=approve`);
    // The same form posted again (stale): 409 with a clear message, nothing changes.
    const stale = await decide({ intent: 'reject', reasonCode: 'other', expectedStatus: 'under_review' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ formErrors: ['officer:stale'] });

    const page = await callLoader(review, { as: session, params: { ref: reference } });
    const body = (await page.json()) as { application: { status: string }; events: { action: string }[] };
    expect(body.application.status).toBe('approved');
    expect(body.events.map((e) => e.action)).toEqual(['create', 'submit', 'start_review', 'approve']);
    expect((await callLoader(review, { as: session, params: { ref: 'DTS-2026-999999' } })).status).toBe(404);
  });

  it('the applicant sees the decision in their notifications', async () => {
    const session = await sessionForUserId(t.db, applicantId);
    const response = await callLoader(notifications, { as: session, path: '/notifications' });
    const body = (await response.json()) as { rows: { template: string; reference: string }[] };
    expect(body.rows.map((r) => r.template)).toEqual([
      'application_approved',
      'review_started',
      'application_submitted',
      'quotation_arrived',
    ]);
    expect(body.rows[0]!.reference).toBe(reference);
    expect(await unreadCount({ db: t.db, userId: applicantId })).toBe(4);
    // Opening one marks it read and leads to its application; another user's is not found.
    const approved = await t.db
      .selectFrom('notifications')
      .select('id')
      .where('userId', '=', applicantId)
      .where('template', '=', 'application_approved')
      .executeTakeFirstOrThrow();
    const stranger = (await makeUser(t.db)).id;
    const refused = await callAction(notifications, { as: stranger, form: { intent: 'open', id: String(approved.id) } });
    expect(refused.status).toBe(404);
    const opened = await callAction(notifications, { as: session, form: { intent: 'open', id: String(approved.id) } });
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toBe(`/applications/${reference}`);
    expect(await unreadCount({ db: t.db, userId: applicantId })).toBe(3);
    const malformed = await callAction(notifications, { as: session, form: { intent: 'open', id: 'x' } });
    expect(malformed.status).toBe(400);
    const read = await callAction(notifications, { as: session });
    expect(read.status).toBe(302);
    expect(await unreadCount({ db: t.db, userId: applicantId })).toBe(0);
  });
});

describe('officer home', () => {
  it('shows messages that were not delivered after every retry', async () => {
    await t.db
      .insertInto('outbox')
      .values({
        topic: 'payment',
        idempotencyKey: 'payment-test-failed',
        payload: '{}',
        status: 'failed',
        attempts: 10,
        lastError: 'gateway answered 500',
      })
      .execute();
    const session = await sessionFor(t.db, 'officer@demo.matchfund.hk');
    const body = (await (await callLoader(officerHome, { as: session, path: '/officer' })).json()) as {
      failed: { idempotencyKey: string; lastError: string }[];
    };
    expect(body.failed).toContainEqual(
      expect.objectContaining({ idempotencyKey: 'payment-test-failed', lastError: 'gateway answered 500' }),
    );

    const row = await t.db.selectFrom('outbox').select('id').where('idempotencyKey', '=', 'payment-test-failed').executeTakeFirstOrThrow();
    const retry = { intent: 'retry', messageId: String(row.id) };
    const refused = await callAction(officerHome, { as: 'applicant@demo.matchfund.hk', form: retry });
    expect(refused.status).toBe(403);
    const retried = await callAction(officerHome, { as: session, form: retry });
    expect(retried.headers.get('Location')).toBe('/officer?retried=1');
    const after = await t.db
      .selectFrom('outbox')
      .select(['status', 'attempts', 'idempotencyKey'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'pending', attempts: 0, idempotencyKey: 'payment-test-failed' });
  });
});

describe('declared links', () => {
  it('an officer declares a link by BR number and is then never given that enterprise', async () => {
    const user = await makeUser(t.db);
    const brNumber = String(90_000_000 + Math.floor(Math.random() * 9_999_999));
    const enterpriseId = await makeEnterprise(t.db, user.id, { brNumber });
    const pkg = await makeListedSolution(t.db, { priceCents: 8_000_00 });
    const quotationId = await makeQuotation(t.db, {
      userId: user.id,
      enterpriseId,
      solutionId: pkg.solutionId,
      vendorUserId: pkg.vendorUserId,
    });
    const ref = await makeDraft(t.db, { userId: user.id, quotationId });
    await submitApplication({ db: t.db, userId: user.id, reference: ref });

    const officer = await makeUser(t.db, 'officer');
    const session = await sessionForUserId(t.db, officer.id);
    const unknown = await callAction(officerHome, { as: session, form: { registrationNumber: '00000001' } });
    expect(await unknown.json()).toMatchObject({ fieldErrors: { registrationNumber: ['officer:enterprise_not_found'] }, formErrors: [] });
    const declared = await callAction(officerHome, { as: session, form: { registrationNumber: brNumber } });
    expect(declared.headers.get('Location')).toBe('/officer?declared=1');
    // Everything else in the queue is taken by someone else first: only the linked one is left.
    const colleague = await makeUser(t.db, 'officer');
    await t.db
      .updateTable('applications')
      .set({ assignedOfficerId: colleague.id })
      .where('status', '=', 'submitted')
      .where('reference', '<>', ref)
      .where('assignedOfficerId', 'is', null)
      .execute();
    const next = await callAction(queue, { as: session, path: '/officer/applications' });
    expect(await next.json()).toMatchObject({ fieldErrors: {}, formErrors: ['officer:queue_empty'] });
  });
});

describe('programme settings', () => {
  const fields = {
    roundCode: '2027-R2',
    budget: '600,000,000',
    cap: '50000',
    matchPercent: '50',
    maxOneOff: '100000',
    maxSubscriptionMonths: '24',
    maxSubscriptionTotal: '100000',
    deploymentMonths: '6',
    maxEmployees: '50',
    openSectors: ['fnb', 'retail', 'tourism'],
    openCategories: ['e_payment_pos', 'online_promotion', 'customer_management'],
    opensOn: '2027-01-01',
    closesOn: '2027-12-31',
    slaWorkingDays: '10',
  };

  it('only an admin changes them, and each save is a new version', async () => {
    expect((await callLoader(rounds, { as: 'officer@demo.matchfund.hk', path: '/admin/rounds' })).status).toBe(403);
    const admin = await sessionFor(t.db, 'admin@demo.matchfund.hk');
    const before = await getCurrentSettings(t.db);
    const saved = await callAction(rounds, { as: admin, form: fields });
    expect(saved.status).toBe(302);
    const after = await getCurrentSettings(t.db);
    expect(after).toMatchObject({
      version: before.version + 1,
      roundCode: '2027-R2',
      budgetCents: 600_000_000_00,
      openSectors: ['fnb', 'retail', 'tourism'],
    });
    expect(after.opensAt.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    // The submitted application keeps the version it was judged under.
    const app = await t.db.selectFrom('applications').select('settingsId').where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(app.settingsId).toBe(before.id);
  });

  it('refuses a budget below the money already approved, with a field error in every language', async () => {
    const admin = await sessionFor(t.db, 'admin@demo.matchfund.hk');
    // The previous test saved a round that opens in 2027: open it now, so that an application can be approved.
    const s = await getCurrentSettings(t.db);
    const reopened = await createSettingsVersion({
      db: t.db,
      adminId: (await makeUser(t.db, 'admin')).id,
      input: { ...pick(s), opensAt: new Date('2026-01-01T00:00:00+08:00'), closesAt: new Date('2027-12-31T23:59:59+08:00') },
    });
    expect(reopened.ok).toBe(true);
    const officer = await makeUser(t.db, 'officer');
    const user = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, user.id);
    const pkg = await makeListedSolution(t.db, { priceCents: 20_000_00 });
    const quotationId = await makeQuotation(t.db, {
      userId: user.id,
      enterpriseId,
      solutionId: pkg.solutionId,
      vendorUserId: pkg.vendorUserId,
    });
    const own = await makeDraft(t.db, { userId: user.id, quotationId });
    expect((await submitApplication({ db: t.db, userId: user.id, reference: own })).ok).toBe(true);
    const taken = await assignToMe({ db: t.db, officerId: officer.id, reference: own });
    expect(taken.ok).toBe(true);
    const decided = await decideApplication({
      db: t.db,
      officerId: officer.id,
      reference: own,
      expectedStatus: 'under_review',
      decision: { action: 'approve' },
    });
    expect(decided.ok).toBe(true);
    const { approvedCents } = await budgetPosition(t.db);
    expect(approvedCents).toBeGreaterThan(0);
    const before = await getCurrentSettings(t.db);
    const below = { ...fields, budget: centsToInput(approvedCents - 1) };
    const response = await callAction(rounds, { as: admin, form: below });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string[]>; values: Record<string, string> };
    expect(body.fieldErrors).toEqual({ budget: ['officer:budget_below_approved'] });
    expect(body.values.budget).toBe(centsToInput(approvedCents - 1));
    expect((await getCurrentSettings(t.db)).version).toBe(before.version);
    for (const lang of ['en', 'zh-HK', 'zh-CN']) {
      const texts = JSON.parse(fs.readFileSync(path.join(__dirname, '../../locales', lang, 'officer.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(typeof texts.budget_below_approved).toBe('string');
    }
    // Exactly the approved money is accepted.
    const at = await callAction(rounds, { as: admin, form: { ...fields, budget: centsToInput(approvedCents) } });
    expect(at.status).toBe(302);
    const page = await callLoader(rounds, { as: admin, path: '/admin/rounds' });
    expect(((await page.json()) as { approvedCents: number }).approvedCents).toBe(approvedCents);
  });

  it('shows every mistake at once and keeps what was typed', async () => {
    const admin = await sessionFor(t.db, 'admin@demo.matchfund.hk');
    const bad = { ...fields, budget: '12.345', cap: '-1', matchPercent: '150', openSectors: [], closesOn: '2026-01-01' };
    const response = await callAction(rounds, { as: admin, form: bad });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string[]>; values: Record<string, string> };
    expect(body.fieldErrors).toMatchObject({
      budget: ['errors:money_too_many_decimals'],
      cap: ['errors:money_negative'],
      matchPercent: ['errors:too_big'],
      openSectors: ['officer:choose_one_sector'],
      closesOn: ['officer:closes_before_opens'],
    });
    expect(body.values.roundCode).toBe('2027-R2');
  });
});

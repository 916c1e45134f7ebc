import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryRequirements } from '../../app/domain/category-requirements';
import * as vetPage from '../../app/routes/officer.listings.$id/route';
import * as queue from '../../app/routes/officer.listings._index';
import * as vendors from '../../app/routes/officer.vendors';
import { getListedSolution } from '../../app/services/catalogue.server';
import { createListing, submitListingForReview, updateListing, type ListingInput } from '../../app/services/listings.server';
import { decideEnrolment, submitEnrolment, type EnrolmentInput } from '../../app/services/vendors.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeUser, randomBrNumber } from '../support/fixtures';
import { routeCalls, sessionFor } from '../support/requests';

let t: TestDatabase;
let officer: string;
let officerId: number;
beforeAll(async () => {
  t = await createTestDatabase();
  officer = await sessionFor(t.db, 'officer@demo.matchfund.hk');
  officerId = (await makeUser(t.db, 'officer')).id;
});
afterAll(async () => {
  await t.drop();
});

const { callAction, callLoader } = routeCalls(() => t.db);
const vetPath = '/officer/listings/:id';

const enrolment = (overrides: Partial<EnrolmentInput> = {}): EnrolmentInput => ({
  nameEn: 'Harbour POS Ltd',
  nameZhHk: '海港收銀系統有限公司',
  nameZhCn: '海港收银系统有限公司',
  brNumber: randomBrNumber(),
  contactName: 'Mr Chan',
  contactEmail: 'chan@harbourpos.example.hk',
  phone: '2888 9999',
  website: null,
  district: 'wan_chai',
  trackRecord: 'POS for 60 restaurants since 2018',
  referenceCustomers: 'Kam Kee Cafe; Sun Hing Bakery',
  netEquityPositive: true,
  ...overrides,
});

const listing = (overrides: Partial<ListingInput> = {}): ListingInput => ({
  category: 'e_payment_pos',
  sector: 'fnb',
  nameEn: 'Harbour Till',
  nameZhHk: '海港收銀機',
  nameZhCn: '海港收银机',
  descriptionEn: '<b>Takes</b> Octopus and FPS.',
  descriptionZhHk: '支援八達通及轉數快。',
  descriptionZhCn: '支援八达通及转数快。',
  deliverablesEn: 'One terminal and training',
  deliverablesZhHk: '一部終端機及培訓',
  deliverablesZhCn: '一部终端机及培训',
  pricingModel: 'one_off',
  priceCents: 30_000_00,
  deploymentDays: 30,
  features: [{ nameEn: 'Extra terminal', nameZhHk: '額外終端機', nameZhCn: '额外终端机', pricingModel: 'one_off', priceCents: 5_000_00 }],
  ...overrides,
});

/** A vendor enrolled through the services, with its own user. */
async function enrolledVendor() {
  const user = await makeUser(t.db, 'vendor');
  const submitted = await submitEnrolment({ db: t.db, userId: user.id, input: enrolment() });
  if (!submitted.ok) throw new Error('setup: enrolment');
  expect(await decideEnrolment({ db: t.db, officerId, vendorId: submitted.vendorId, approve: true, reason: null })).toEqual({ ok: true });
  return { user, vendorId: submitted.vendorId };
}

/** A new package sent for vetting: returns the solution, its pending version and the vendor's user id. */
async function pendingPackage(input: ListingInput = listing()) {
  const { user } = await enrolledVendor();
  const created = await createListing({ db: t.db, userId: user.id, input });
  if (!created.ok) throw new Error(`setup: ${JSON.stringify(created)}`);
  expect(await submitListingForReview({ db: t.db, userId: user.id, solutionId: created.solutionId })).toEqual({ ok: true });
  return { solutionId: created.solutionId, versionId: await openVersionId(created.solutionId), vendorUserId: user.id };
}

async function openVersionId(solutionId: number) {
  const row = await t.db
    .selectFrom('solutionVersions')
    .select('id')
    .where('solutionId', '=', solutionId)
    .where('status', 'in', ['draft', 'pending_review'])
    .executeTakeFirstOrThrow();
  return row.id;
}

const versionStatus = async (id: number) =>
  (await t.db.selectFrom('solutionVersions').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const vet = async (versionId: number, form: Record<string, string | string[]>, options: { session?: string; csrf?: string | null } = {}) =>
  callAction(vetPage, { as: options.session ?? officer, path: vetPath, params: { id: String(versionId) }, form, csrf: options.csrf });
const allTicks = (category: string) => [...categoryRequirements[category]!];

describe('who may vet', () => {
  it('refuses shop owners and vendors with 403 on every page and post, and sends visitors to log in', async () => {
    const pkg = await pendingPackage(listing({ sector: 'retail' }));
    for (const email of ['applicant@demo.matchfund.hk', 'vendor@demo.matchfund.hk']) {
      const session = await sessionFor(t.db, email);
      expect((await callLoader(queue, { as: session, path: '/officer/listings' })).status).toBe(403);
      expect((await callLoader(vetPage, { as: session, path: vetPath, params: { id: String(pkg.versionId) } })).status).toBe(403);
      expect((await vet(pkg.versionId, { intent: 'approve', requirement: allTicks('e_payment_pos') }, { session })).status).toBe(403);
      expect((await callLoader(vendors, { as: session, path: '/officer/vendors' })).status).toBe(403);
      expect((await callAction(vendors, { as: session, form: { intent: 'approve', vendorId: '1' } })).status).toBe(403);
    }
    const anonymous = await callLoader(queue, { path: '/officer/listings' });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('Location')).toMatch(/^\/login\?redirectTo=/);
    expect(await versionStatus(pkg.versionId)).toBe('pending_review');
  });

  it('refuses a post without the CSRF token with 403, writing nothing', async () => {
    const pkg = await pendingPackage(listing({ category: 'online_promotion' }));
    const response = await vet(pkg.versionId, { intent: 'approve', requirement: allTicks('online_promotion') }, { csrf: null });
    expect(response.status).toBe(403);
    const wrong = await vet(pkg.versionId, { intent: 'reject', note: 'No' }, { csrf: 'B'.repeat(43) });
    expect(wrong.status).toBe(403);
    expect(await versionStatus(pkg.versionId)).toBe('pending_review');
    expect((await callAction(vendors, { as: officer, form: { intent: 'approve', vendorId: '1' }, csrf: null })).status).toBe(403);
  });
});

describe('the vetting queue and page', () => {
  it('lists pending versions oldest first, new packages and new versions told apart', async () => {
    const first = await pendingPackage(listing({ nameEn: 'Queue first', sector: 'fnb' }));
    const second = await pendingPackage(listing({ nameEn: 'Queue second', sector: 'fnb' }));
    const response = await callLoader(queue, { as: officer, path: '/officer/listings', search: { done: 'approve' } });
    const body = (await response.json()) as {
      rows: { id: number; nameEn: string; listedVersionId: number | null }[];
      done: string;
      months: number;
    };
    const ids = body.rows.map((r) => r.id);
    expect(ids.indexOf(first.versionId)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(first.versionId)).toBeLessThan(ids.indexOf(second.versionId));
    expect(body.rows.find((r) => r.id === first.versionId)?.listedVersionId).toBeNull();
    expect(body).toMatchObject({ done: 'approve', months: 24 });
    const forged = await callLoader(queue, { as: officer, path: '/officer/listings', search: { done: '<script>' } });
    expect(((await forged.json()) as { done: unknown }).done).toBeNull();
  });

  it("shows the version with its category's requirements and price signals; a vendor's unsent draft and unknown ids are 404", async () => {
    // With its feature it comes to exactly the HK$100,000 ceiling: what a shop can buy stays within it.
    const pkg = await pendingPackage(
      listing({
        nameEn: 'Near the ceiling',
        category: 'customer_management',
        priceCents: 96_000_00,
        features: [
          { nameEn: 'Extra terminal', nameZhHk: '額外終端機', nameZhCn: '额外终端机', pricingModel: 'one_off', priceCents: 4_000_00 },
        ],
      }),
    );
    const response = await callLoader(vetPage, { as: officer, path: vetPath, params: { id: String(pkg.versionId) } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      pending: boolean;
      requirements: string[];
      costCents: number;
      ceilingCents: number;
      signals: { nearCeiling: boolean };
      detail: { descriptionEn: string; features: unknown[] };
      listed: unknown;
    };
    expect(body).toMatchObject({
      pending: true,
      requirements: allTicks('customer_management'),
      costCents: 96_000_00,
      ceilingCents: 100_000_00,
      listed: null,
    });
    expect(body.signals.nearCeiling).toBe(true);
    expect(body.detail.descriptionEn).toBe('<b>Takes</b> Octopus and FPS.');
    expect(body.detail.features).toHaveLength(1);

    const { user } = await enrolledVendor();
    const draft = await createListing({ db: t.db, userId: user.id, input: listing() });
    if (!draft.ok) throw new Error('setup');
    const draftVersion = await openVersionId(draft.solutionId);
    for (const id of [String(draftVersion), '999999999', 'abc', '0']) {
      expect((await callLoader(vetPage, { as: officer, path: vetPath, params: { id } })).status).toBe(404);
      expect((await callAction(vetPage, { as: officer, params: { id }, form: { intent: 'reject', note: 'No' } })).status).toBe(404);
    }
    const malformed = await callAction(vetPage, { as: officer, params: { id: '1; drop table' }, form: { intent: 'reject', note: 'No' } });
    expect(malformed.status).toBe(404);
    expect(await versionStatus(draftVersion)).toBe('draft');
  });
});

describe('vetting decisions', () => {
  it('approving needs every requirement ticked: otherwise 400 with a field error and nothing is written', async () => {
    const pkg = await pendingPackage(listing({ nameEn: 'Half checked', sector: 'retail' }));
    const codes = allTicks('e_payment_pos');
    for (const ticked of [[], codes.slice(1), [...codes.slice(0, -1), 'bogus', 'daily_sales_report']]) {
      const response = await vet(pkg.versionId, { intent: 'approve', requirement: ticked, note: 'Looks fine' });
      expect(response.status).toBe(400);
      const body = (await response.json()) as {
        fieldErrors: Record<string, string[]>;
        missing: string[];
        ticked: string[];
        values: { note: string };
      };
      expect(body.fieldErrors).toEqual({ requirement: ['vetting:requirements_incomplete'] });
      expect(body.missing.length).toBeGreaterThan(0);
      expect(body.ticked).toEqual(ticked);
      expect(body.values.note).toBe('Looks fine');
    }
    // Ticks of another category's list do not stand in for this one's.
    const other = await vet(pkg.versionId, { intent: 'approve', requirement: allTicks('online_promotion') });
    expect(other.status).toBe(400);
    expect(await versionStatus(pkg.versionId)).toBe('pending_review');
    expect(await getListedSolution({ db: t.db, id: pkg.solutionId })).toBeUndefined();
    const trail = await t.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityType', '=', 'solution')
      .where('entityId', '=', pkg.solutionId)
      .execute();
    expect(trail.map((r) => r.action)).toEqual(['create_draft', 'submit_for_vetting']);
  });

  it.each(['return', 'reject'] as const)('%s needs a note: 400 on an empty or blank one', async (intent) => {
    const pkg = await pendingPackage(listing({ nameEn: `Needs a note ${intent}`, category: 'online_promotion', sector: 'retail' }));
    for (const fields of [{ intent }, { intent, note: '   ' }] as Record<string, string>[]) {
      const response = await vet(pkg.versionId, fields);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { fieldErrors: unknown }).fieldErrors).toEqual({ note: [`vetting:${intent}_note_required`] });
    }
    const tooLong = await vet(pkg.versionId, { intent, note: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { fieldErrors: unknown }).fieldErrors).toEqual({ note: ['vetting:note_too_long'] });
    const bogus = await vet(pkg.versionId, { intent: 'delete', note: 'x' });
    expect(bogus.status).toBe(400);
    expect(((await bogus.json()) as { fieldErrors: unknown }).fieldErrors).toEqual({ intent: ['vetting:choose_decision'] });
    expect(await versionStatus(pkg.versionId)).toBe('pending_review');

    const decided = await vet(pkg.versionId, { intent, note: 'Add the Chinese description of the report.' });
    expect(decided.status).toBe(302);
    expect(decided.headers.get('Location')).toBe(`/officer/listings?done=${intent}`);
    const row = await t.db
      .selectFrom('solutionVersions')
      .select(['status', 'reviewNote'])
      .where('id', '=', pkg.versionId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: intent === 'return' ? 'returned' : 'rejected',
      reviewNote: 'Add the Chinese description of the report.',
    });
  });

  it('approving with every box ticked lists the package; a second decision is 409 and changes nothing', async () => {
    const pkg = await pendingPackage(listing({ nameEn: 'Fully checked', category: 'customer_management', sector: 'fnb' }));
    const approved = await vet(pkg.versionId, { intent: 'approve', requirement: allTicks('customer_management'), note: '' });
    expect(approved.status).toBe(302);
    expect(approved.headers.get('Location')).toBe('/officer/listings?done=approve');
    expect(await versionStatus(pkg.versionId)).toBe('approved');
    const listed = await getListedSolution({ db: t.db, id: pkg.solutionId });
    expect(listed).toMatchObject({ versionId: pkg.versionId, priceCents: 30_000_00, name: { en: 'Fully checked' } });

    for (const fields of [
      { intent: 'reject', note: 'Changed my mind' },
      { intent: 'approve', requirement: allTicks('customer_management') },
    ] as Record<string, string | string[]>[]) {
      const stale = await vet(pkg.versionId, fields);
      expect(stale.status).toBe(409);
      expect(await stale.json()).toEqual({ fieldErrors: {}, formErrors: ['vetting:stale'], values: {} });
    }
    expect(await versionStatus(pkg.versionId)).toBe('approved');
    // The decided version is still there to read, without decision forms.
    const page = await callLoader(vetPage, { as: officer, path: vetPath, params: { id: String(pkg.versionId) } });
    expect(await page.json()).toMatchObject({ pending: false, status: 'approved', listed: null });
  });

  it('a new version of a listed package is compared with the listed one, which stays listed until approval', async () => {
    const pkg = await pendingPackage(listing({ nameEn: 'Two versions', sector: 'retail' }));
    expect((await vet(pkg.versionId, { intent: 'approve', requirement: allTicks('e_payment_pos') })).status).toBe(302);
    const changed = listing({ nameEn: 'Two versions Plus', sector: 'retail', priceCents: 45_000_00, deploymentDays: 45, features: [] });
    expect((await updateListing({ db: t.db, userId: pkg.vendorUserId, solutionId: pkg.solutionId, input: changed })).ok).toBe(true);
    expect((await submitListingForReview({ db: t.db, userId: pkg.vendorUserId, solutionId: pkg.solutionId })).ok).toBe(true);
    const second = await openVersionId(pkg.solutionId);

    const page = await callLoader(vetPage, { as: officer, path: vetPath, params: { id: String(second) } });
    const body = (await page.json()) as {
      listed: { id: number; priceCents: number; deploymentDays: number; features: unknown[] };
      detail: { version: number };
    };
    expect(body.listed).toMatchObject({ id: pkg.versionId, priceCents: 30_000_00, deploymentDays: 30 });
    expect(body.listed.features).toHaveLength(1);
    expect(body.detail.version).toBe(2);
    const queuePage = await callLoader(queue, { as: officer, path: '/officer/listings' });
    const rows = ((await queuePage.json()) as { rows: { id: number; listedVersionId: number | null }[] }).rows;
    expect(rows.find((r) => r.id === second)?.listedVersionId).toBe(pkg.versionId);

    expect((await getListedSolution({ db: t.db, id: pkg.solutionId }))?.priceCents).toBe(30_000_00);
    expect((await vet(second, { intent: 'approve', requirement: allTicks('e_payment_pos') })).status).toBe(302);
    expect((await getListedSolution({ db: t.db, id: pkg.solutionId }))?.priceCents).toBe(45_000_00);
  });
});

describe('vendor enrolments', () => {
  async function pendingEnrolment(overrides: Partial<EnrolmentInput> = {}) {
    const user = await makeUser(t.db, 'vendor');
    const submitted = await submitEnrolment({ db: t.db, userId: user.id, input: enrolment(overrides) });
    if (!submitted.ok) throw new Error('setup');
    return submitted.vendorId;
  }
  const decide = async (form: Record<string, string>, options: { csrf?: string | null } = {}) =>
    callAction(vendors, { as: officer, path: '/officer/vendors', form, csrf: options.csrf });
  const vendorStatus = async (id: number) =>
    await t.db.selectFrom('vendors').select(['status', 'decisionReason']).where('id', '=', id).executeTakeFirstOrThrow();

  it('lists pending enrolments with what officers check, filtered by status', async () => {
    const vendorId = await pendingEnrolment({ nameEn: 'Listed For Check Ltd' });
    const response = await callLoader(vendors, { as: officer, path: '/officer/vendors' });
    const body = (await response.json()) as { status: string; rows: Record<string, unknown>[] };
    expect(body.status).toBe('pending');
    expect(body.rows.find((r) => r.id === vendorId)).toMatchObject({
      nameEn: 'Listed For Check Ltd',
      nameZhHk: '海港收銀系統有限公司',
      contactName: 'Mr Chan',
      trackRecord: 'POS for 60 restaurants since 2018',
      referenceCustomers: 'Kam Kee Cafe; Sun Hing Bakery',
      netEquityPositive: true,
    });
    const enrolled = await callLoader(vendors, { as: officer, path: '/officer/vendors', search: { status: 'enrolled' } });
    const enrolledBody = (await enrolled.json()) as { status: string; rows: { id: number; status: string }[] };
    expect(enrolledBody.status).toBe('enrolled');
    expect(enrolledBody.rows.every((r) => r.status === 'enrolled')).toBe(true);
    expect(enrolledBody.rows.some((r) => r.id === vendorId)).toBe(false);
    const bogus = await callLoader(vendors, { as: officer, path: '/officer/vendors', search: { status: 'everything' } });
    expect(((await bogus.json()) as { status: string }).status).toBe('pending');
  });

  it('approves an enrolment once; the second decision is 409', async () => {
    const vendorId = await pendingEnrolment();
    const approved = await decide({ intent: 'approve', vendorId: String(vendorId) });
    expect(approved.status).toBe(302);
    expect(approved.headers.get('Location')).toBe('/officer/vendors?done=approve');
    expect(await vendorStatus(vendorId)).toEqual({ status: 'enrolled', decisionReason: null });
    const again = await decide({ intent: 'reject', vendorId: String(vendorId), reason: 'Too late' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ formErrors: ['vetting:enrolment_stale'], values: { vendorId: String(vendorId) } });
    expect((await vendorStatus(vendorId)).status).toBe('enrolled');
  });

  it('rejecting needs a reason, which is kept', async () => {
    const vendorId = await pendingEnrolment();
    for (const fields of [
      { intent: 'reject', vendorId: String(vendorId) },
      { intent: 'reject', vendorId: String(vendorId), reason: '  ' },
    ] as Record<string, string>[]) {
      const response = await decide(fields);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        fieldErrors: { reason: ['vetting:reason_required'] },
        values: { vendorId: String(vendorId) },
      });
    }
    expect((await vendorStatus(vendorId)).status).toBe('pending');
    const rejected = await decide({ intent: 'reject', vendorId: String(vendorId), reason: 'No reference customers could be reached.' });
    expect(rejected.headers.get('Location')).toBe('/officer/vendors?done=reject');
    expect(await vendorStatus(vendorId)).toEqual({ status: 'rejected', decisionReason: 'No reference customers could be reached.' });
    const list = await callLoader(vendors, { as: officer, path: '/officer/vendors', search: { status: 'rejected' } });
    expect(
      ((await list.json()) as { rows: { id: number; decisionReason: string }[] }).rows.find((r) => r.id === vendorId)?.decisionReason,
    ).toBe('No reference customers could be reached.');
  });

  it('unknown or malformed vendor ids are 404; missing CSRF is 403; nothing changes', async () => {
    const vendorId = await pendingEnrolment();
    expect((await decide({ intent: 'approve', vendorId: '999999999' })).status).toBe(404);
    expect((await decide({ intent: 'approve', vendorId: 'abc' })).status).toBe(404);
    expect((await decide({ intent: 'approve' })).status).toBe(404);
    expect((await decide({ intent: 'approve', vendorId: String(vendorId) }, { csrf: null })).status).toBe(403);
    expect((await decide({ intent: 'maybe', vendorId: String(vendorId) })).status).toBe(400);
    expect((await vendorStatus(vendorId)).status).toBe('pending');
  });
});

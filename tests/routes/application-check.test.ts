// Check your answers (issue 13 §4): the money before submitting, a refused submit back on the page with its reason
// (no JavaScript needed), changing a draft's declarations and document, and who may see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as check from '../../app/routes/applications.$ref_.check';
import * as newApplication from '../../app/routes/applications.new';
import { submitApplication } from '../../app/services/applications.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';
import { routeCalls, sessionForUserId } from '../support/requests';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const { callAction, callLoader } = routeCalls(() => t.db);
const checkPath = '/applications/:ref/check';

/** An owner whose business has a draft for a package of the given price (and category). */
async function ownerWithDraft(priceCents: number, category = 'e_payment_pos') {
  const user = await makeUser(t.db);
  const enterpriseId = await makeEnterprise(t.db, user.id);
  const pkg = await makeListedSolution(t.db, { category, priceCents });
  const quotationId = await makeQuotation(t.db, {
    userId: user.id,
    enterpriseId,
    solutionId: pkg.solutionId,
    vendorUserId: pkg.vendorUserId,
  });
  const reference = await makeDraft(t.db, { userId: user.id, quotationId });
  return { user, enterpriseId, quotationId, reference, session: await sessionForUserId(t.db, user.id) };
}

type CheckPage = {
  split: { costCents: number; programmeCents: number; shopCents: number; headroomAfterCents: number };
  refusal: { code: string; failed: string[] } | null;
  quotationId: number;
};

describe('check your answers', () => {
  it('shows the money as it would be now: cost, programme pays, you pay, and the ceiling left after', async () => {
    const owner = await ownerWithDraft(30_000_00);
    // HK$20,000 committed elsewhere first: the draft's share is then capped by the HK$30,000 left.
    const other = await makeListedSolution(t.db, { category: 'customer_management', priceCents: 40_000_00 });
    const otherQuotation = await makeQuotation(t.db, {
      userId: owner.user.id,
      enterpriseId: owner.enterpriseId,
      solutionId: other.solutionId,
      vendorUserId: other.vendorUserId,
    });
    const otherRef = await makeDraft(t.db, { userId: owner.user.id, quotationId: otherQuotation });
    expect(await submitApplication({ db: t.db, userId: owner.user.id, reference: otherRef })).toMatchObject({ ok: true });

    const page = (await (
      await callLoader(check, { as: owner.session, path: checkPath, params: { ref: owner.reference } })
    ).json()) as CheckPage;
    expect(page.split).toMatchObject({
      costCents: 30_000_00,
      programmeCents: 15_000_00,
      shopCents: 15_000_00,
      headroomAfterCents: 15_000_00,
    });
    expect(page.refusal).toBeNull();
  });

  it('submits, and a refused submit comes back to the page with its reason in the address', async () => {
    const owner = await ownerWithDraft(80_000_00);
    // Someone else's draft is not found; a visitor is sent to log in.
    const stranger = await sessionForUserId(t.db, (await makeUser(t.db)).id);
    const params = { ref: owner.reference };
    expect((await callLoader(check, { as: stranger, path: checkPath, params })).status).toBe(404);
    expect((await callAction(check, { as: stranger, path: checkPath, params })).status).toBe(404);
    // Without the CSRF token nothing is submitted.
    expect((await callAction(check, { as: owner.session, path: checkPath, params, csrf: null })).status).toBe(403);

    // Use up the ceiling with another submitted application: this one is then refused, with the reason on the page.
    const big = await makeListedSolution(t.db, { category: 'online_promotion', priceCents: 100_000_00 });
    const bigQuotation = await makeQuotation(t.db, {
      userId: owner.user.id,
      enterpriseId: owner.enterpriseId,
      solutionId: big.solutionId,
      vendorUserId: big.vendorUserId,
    });
    const bigRef = await makeDraft(t.db, { userId: owner.user.id, quotationId: bigQuotation });
    expect(await submitApplication({ db: t.db, userId: owner.user.id, reference: bigRef })).toMatchObject({ ok: true });
    const refused = await callAction(check, { as: owner.session, path: checkPath, params });
    expect(refused.status).toBe(302);
    expect(refused.headers.get('Location')).toBe(`/applications/${owner.reference}/check?error=cap_reached`);
    const page = (await (
      await callLoader(check, { as: owner.session, path: refused.headers.get('Location')!, params })
    ).json()) as CheckPage;
    expect(page.refusal).toEqual({ code: 'cap_reached', failed: [] });
    expect(page.split.programmeCents).toBe(0);

    // An error that is no refusal code is ignored, not echoed.
    const odd = (await (
      await callLoader(check, { as: owner.session, path: checkPath, params, search: { error: '<script>', failed: 'x' } })
    ).json()) as CheckPage;
    expect(odd.refusal).toBeNull();
  });

  it('a submitted application is followed on its own page, not checked', async () => {
    const owner = await ownerWithDraft(10_000_00);
    const params = { ref: owner.reference };
    const submitted = await callAction(check, { as: owner.session, path: checkPath, params });
    expect(submitted.headers.get('Location')).toBe(`/applications/${owner.reference}?submitted=1`);
    const again = await callLoader(check, { as: owner.session, path: checkPath, params });
    expect(again.headers.get('Location')).toBe(`/applications/${owner.reference}`);
    // Its answers can no longer be changed.
    const { quotationId } = await t.db
      .selectFrom('applications')
      .select('quotationId')
      .where('reference', '=', owner.reference)
      .executeTakeFirstOrThrow();
    const change = await callLoader(newApplication, {
      as: owner.session,
      path: '/applications/new',
      search: { quotation: String(quotationId), change: '1' },
    });
    expect(change.headers.get('Location')).toBe(`/applications/${owner.reference}`);
  });

  it('"Change" opens the form again for the draft, and saving it replaces the declarations and the document', async () => {
    const owner = await ownerWithDraft(12_000_00);
    const url = { path: '/applications/new', search: { quotation: String(owner.quotationId), change: '1' } };
    // Without change=1 the form for a quotation with a draft leads to checking that draft.
    const plain = await callLoader(newApplication, {
      as: owner.session,
      path: '/applications/new',
      search: { quotation: String(owner.quotationId) },
    });
    expect(plain.headers.get('Location')).toBe(`/applications/${owner.reference}/check`);
    const form = (await (await callLoader(newApplication, { as: owner.session, ...url })).json()) as {
      changing: boolean;
      declared: Record<string, boolean>;
      idempotencyKey: string;
    };
    expect(form.changing).toBe(true);
    expect(Object.values(form.declared).every(Boolean)).toBe(true);

    const declarations = {
      information_true: 'yes',
      no_other_public_funding: 'yes',
      not_related_to_vendor: 'yes',
      deploy_within_six_months: 'yes',
      consent_to_checks: 'yes',
    };
    const missing = await callAction(newApplication, {
      as: owner.session,
      ...url,
      form: { idempotencyKey: form.idempotencyKey, ...declarations, consent_to_checks: '' },
      multipart: true,
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      fieldErrors: { consent_to_checks: ['applications:declaration_required'], document: ['applications:document_missing'] },
    });

    const saved = await callAction(newApplication, {
      as: owner.session,
      ...url,
      form: {
        idempotencyKey: form.idempotencyKey,
        ...declarations,
        document: new File([new TextEncoder().encode('%PDF-1.4 new quotation')], 'new.pdf'),
      },
    });
    expect(saved.headers.get('Location')).toBe(`/applications/${owner.reference}/check`);
    const application = await t.db
      .selectFrom('applications')
      .select(['id', 'status'])
      .where('reference', '=', owner.reference)
      .executeTakeFirstOrThrow();
    expect(application.status).toBe('draft');
    const documents = await t.db.selectFrom('documents').select(['filename', 'kind']).where('applicationId', '=', application.id).execute();
    expect(documents).toEqual([{ filename: 'new.pdf', kind: 'quotation' }]);
    const events = await t.db
      .selectFrom('applicationEvents')
      .select('action')
      .where('applicationId', '=', application.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'change_answers']);
  });
});

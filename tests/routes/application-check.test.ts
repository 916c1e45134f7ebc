// Check your answers (issue 13 §4): the money before submitting, a refused submit back on the page with its reason
// (no JavaScript needed), changing a draft's declarations and document, and who may see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action as checkAction, loader as checkLoader } from '../../app/routes/applications.$ref_.check';
import { action as newApplicationAction, loader as newApplicationLoader } from '../../app/routes/applications.new';
import { csrfCookie } from '../../app/lib/cookies.server';
import { submitApplication } from '../../app/services/applications.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';
import { contextFor, CSRF, getRequest, postForm, respond, sessionForUserId } from '../support/requests';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: contextFor(t.db) });

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

async function multipart(path: string, fields: Record<string, string>, file: { bytes: Uint8Array; name: string } | null, session: string) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('_csrf', CSRF);
  if (file) form.append('document', new File([new Uint8Array(file.bytes)], file.name));
  const cookie = (await csrfCookie(false).serialize(CSRF)).split(';')[0];
  return new Request(`http://localhost${path}`, { method: 'POST', body: form, headers: { Cookie: `${cookie}; ${session}` } });
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
      await respond(async () =>
        checkLoader(args(await getRequest(`/applications/${owner.reference}/check`, { session: owner.session }), { ref: owner.reference })),
      )
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
    expect(
      (
        await respond(async () =>
          checkLoader(args(await getRequest(`/applications/${owner.reference}/check`, { session: stranger }), { ref: owner.reference })),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await respond(async () =>
          checkAction(args(await postForm(`/applications/${owner.reference}/check`, {}, { session: stranger }), { ref: owner.reference })),
        )
      ).status,
    ).toBe(404);
    // Without the CSRF token nothing is submitted.
    expect(
      (
        await respond(async () =>
          checkAction(
            args(await postForm(`/applications/${owner.reference}/check`, {}, { session: owner.session, csrf: null }), {
              ref: owner.reference,
            }),
          ),
        )
      ).status,
    ).toBe(403);

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
    const refused = await respond(async () =>
      checkAction(args(await postForm(`/applications/${owner.reference}/check`, {}, { session: owner.session }), { ref: owner.reference })),
    );
    expect(refused.status).toBe(302);
    expect(refused.headers.get('Location')).toBe(`/applications/${owner.reference}/check?error=cap_reached`);
    const page = (await (
      await respond(async () =>
        checkLoader(args(await getRequest(refused.headers.get('Location')!, { session: owner.session }), { ref: owner.reference })),
      )
    ).json()) as CheckPage;
    expect(page.refusal).toEqual({ code: 'cap_reached', failed: [] });
    expect(page.split.programmeCents).toBe(0);

    // An error that is no refusal code is ignored, not echoed.
    const odd = (await (
      await respond(async () =>
        checkLoader(
          args(await getRequest(`/applications/${owner.reference}/check?error=<script>&failed=x`, { session: owner.session }), {
            ref: owner.reference,
          }),
        ),
      )
    ).json()) as CheckPage;
    expect(odd.refusal).toBeNull();
  });

  it('a submitted application is followed on its own page, not checked', async () => {
    const owner = await ownerWithDraft(10_000_00);
    const submitted = await respond(async () =>
      checkAction(args(await postForm(`/applications/${owner.reference}/check`, {}, { session: owner.session }), { ref: owner.reference })),
    );
    expect(submitted.headers.get('Location')).toBe(`/applications/${owner.reference}?submitted=1`);
    const again = await respond(async () =>
      checkLoader(args(await getRequest(`/applications/${owner.reference}/check`, { session: owner.session }), { ref: owner.reference })),
    );
    expect(again.headers.get('Location')).toBe(`/applications/${owner.reference}`);
    // Its answers can no longer be changed.
    const change = await respond(async () =>
      newApplicationLoader(
        args(
          await getRequest(
            `/applications/new?quotation=1&change=1`.replace(
              '1&',
              `${(await t.db.selectFrom('applications').select('quotationId').where('reference', '=', owner.reference).executeTakeFirstOrThrow()).quotationId}&`,
            ),
            { session: owner.session },
          ),
        ),
      ),
    );
    expect(change.headers.get('Location')).toBe(`/applications/${owner.reference}`);
  });

  it('"Change" opens the form again for the draft, and saving it replaces the declarations and the document', async () => {
    const owner = await ownerWithDraft(12_000_00);
    const url = `/applications/new?quotation=${owner.quotationId}&change=1`;
    // Without change=1 the form for a quotation with a draft leads to checking that draft.
    const plain = await respond(async () =>
      newApplicationLoader(args(await getRequest(`/applications/new?quotation=${owner.quotationId}`, { session: owner.session }))),
    );
    expect(plain.headers.get('Location')).toBe(`/applications/${owner.reference}/check`);
    const form = (await (
      await respond(async () => newApplicationLoader(args(await getRequest(url, { session: owner.session }))))
    ).json()) as { changing: boolean; declared: Record<string, boolean>; idempotencyKey: string };
    expect(form.changing).toBe(true);
    expect(Object.values(form.declared).every(Boolean)).toBe(true);

    const declarations = {
      information_true: 'yes',
      no_other_public_funding: 'yes',
      not_related_to_vendor: 'yes',
      deploy_within_six_months: 'yes',
      consent_to_checks: 'yes',
    };
    const missing = await respond(async () =>
      newApplicationAction(
        args(await multipart(url, { idempotencyKey: form.idempotencyKey, ...declarations, consent_to_checks: '' }, null, owner.session)),
      ),
    );
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      fieldErrors: { consent_to_checks: ['applications:declaration_required'], document: ['applications:document_missing'] },
    });

    const saved = await respond(async () =>
      newApplicationAction(
        args(
          await multipart(
            url,
            { idempotencyKey: form.idempotencyKey, ...declarations },
            { bytes: new TextEncoder().encode('%PDF-1.4 new quotation'), name: 'new.pdf' },
            owner.session,
          ),
        ),
      ),
    );
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

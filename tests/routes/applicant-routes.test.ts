import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action as applicationAction, loader as applicationLoader } from '../../app/routes/applications.$ref/route';
import { loader as documentLoader } from '../../app/routes/applications.$ref_.documents.$id';
import { action as newApplicationAction, loader as newApplicationLoader } from '../../app/routes/applications.new';
import { loader as eligibilityLoader } from '../../app/routes/businesses.$id.eligibility';
import { action as editBusinessAction } from '../../app/routes/businesses.$id._index';
import { action as newBusinessAction } from '../../app/routes/businesses.new';
import { action as solutionAction } from '../../app/routes/solutions.$id/route';
import { action as vendorEnquiriesAction } from '../../app/routes/vendor.enquiries';
import { csrfCookie } from '../../app/lib/cookies.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeListedSolution, makeUser, randomBrNumber } from '../support/fixtures';
import { contextFor, CSRF, getRequest, postForm, respond, sessionFor, sessionForUserId } from '../support/requests';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: contextFor(t.db) });

const business = (overrides: Record<string, string> = {}) => ({
  legalNameEn: 'Golden Bakery Ltd',
  legalNameZh: '金記餅店有限公司',
  registrationType: 'br',
  brNumber: randomBrNumber(),
  brExpiry: '2030-06-30',
  sector: 'fnb',
  fullTimeEmployees: '6',
  isGroupMember: 'no',
  address: '88 Nathan Road',
  district: 'yau_tsim_mong',
  phone: '2388 1234',
  hasSubstantiveBusiness: 'yes',
  isListedCompany: 'no',
  isStatutoryBody: 'no',
  isSubvented: 'no',
  ...overrides,
});

async function multipart(path: string, fields: Record<string, string>, file: { bytes: Uint8Array; name: string } | null, session: string) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('_csrf', CSRF);
  if (file) form.append('document', new File([new Uint8Array(file.bytes)], file.name));
  const cookie = (await csrfCookie(false).serialize(CSRF)).split(';')[0];
  return new Request(`http://localhost${path}`, { method: 'POST', body: form, headers: { Cookie: `${cookie}; ${session}` } });
}

describe('business profile routes', () => {
  it('keeps what was typed and says what is wrong field by field', async () => {
    const session = await sessionFor(t.db, 'applicant@demo.matchfund.hk');
    const request = await postForm(
      '/businesses/new',
      business({ brNumber: '1234', fullTimeEmployees: '', phone: '12', isListedCompany: '' }),
      { session },
    );
    const response = await respond(() => newBusinessAction(args(request)));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string[]>; values: Record<string, string> };
    expect(body.fieldErrors).toMatchObject({
      brNumber: ['errors:br_number_invalid'],
      fullTimeEmployees: ['errors:whole_number'],
      phone: ['errors:phone_invalid'],
      isListedCompany: ['errors:choose_yes_no'],
    });
    expect(body.values.legalNameZh).toBe('金記餅店有限公司');
  });

  it("answers another account's business with 404 on read and on write", async () => {
    const owner = await sessionFor(t.db, 'applicant@demo.matchfund.hk');
    const created = await respond(async () => newBusinessAction(args(await postForm('/businesses/new', business(), { session: owner }))));
    expect(created.status).toBe(302);
    const id = /\/businesses\/(\d+)\//.exec(created.headers.get('Location') ?? '')![1]!;
    const stranger = await sessionFor(t.db, 'vendor@demo.matchfund.hk');
    expect(
      (await respond(async () => eligibilityLoader(args(await getRequest(`/businesses/${id}/eligibility`, { session: stranger }), { id }))))
        .status,
    ).toBe(403);
    const otherSession = await sessionForUserId(t.db, (await makeUser(t.db)).id);
    expect((await respond(async () => eligibilityLoader(args(await getRequest('/x', { session: otherSession }), { id })))).status).toBe(
      404,
    );
    const edit = await respond(async () => editBusinessAction(args(await postForm('/x', business(), { session: otherSession }), { id })));
    expect(edit.status).toBe(404);
  });
});

describe('enquiry → quotation → application through the routes', () => {
  it('runs the whole journey, refusing forged input on the way', async () => {
    const session = await sessionFor(t.db, 'applicant@demo.matchfund.hk');
    const created = await respond(async () => newBusinessAction(args(await postForm('/businesses/new', business(), { session }))));
    const enterpriseId = /\/businesses\/(\d+)\//.exec(created.headers.get('Location') ?? '')![1]!;
    const pkg = await makeListedSolution(t.db, { priceCents: 36_000_00, category: 'online_promotion' });
    const id = String(pkg.solutionId);

    // A forged feature id is refused with a reason, nothing written.
    const forged = await respond(async () =>
      solutionAction(args(await postForm(`/solutions/${id}`, { enterpriseId, features: '999999', message: '' }, { session }), { id })),
    );
    expect(forged.status).toBe(409);
    const sent = await respond(async () =>
      solutionAction(args(await postForm(`/solutions/${id}`, { enterpriseId, message: 'Hi' }, { session }), { id })),
    );
    expect(sent.status).toBe(302);
    const enquiryId = new URL(`http://x${sent.headers.get('Location')}`).searchParams.get('sent')!;

    // The vendor confirms from its inbox.
    const vendorSession = await sessionForUserId(t.db, pkg.vendorUserId);
    const confirmed = await respond(async () =>
      vendorEnquiriesAction(args(await postForm('/vendor/enquiries', { intent: 'confirm', enquiryId }, { session: vendorSession }))),
    );
    expect(confirmed.status).toBe(302);
    const quotation = await t.db.selectFrom('quotations').select('id').where('enquiryId', '=', Number(enquiryId)).executeTakeFirstOrThrow();

    const page = await respond(async () =>
      newApplicationLoader(args(await getRequest(`/applications/new?quotation=${quotation.id}`, { session }))),
    );
    const { idempotencyKey } = (await page.json()) as { idempotencyKey: string };
    const declarations = {
      information_true: 'yes',
      no_other_public_funding: 'yes',
      not_related_to_vendor: 'yes',
      deploy_within_six_months: 'yes',
      consent_to_checks: 'yes',
    };
    const url = `/applications/new?quotation=${quotation.id}`;
    // A missing declaration and an HTML file named .pdf are both refused.
    const bad = await respond(async () =>
      newApplicationAction(
        args(
          await multipart(
            url,
            { idempotencyKey, ...declarations, consent_to_checks: '' },
            { bytes: new TextEncoder().encode('<html>'), name: 'q.pdf' },
            session,
          ),
        ),
      ),
    );
    expect(bad.status).toBe(400);
    const html = await respond(async () =>
      newApplicationAction(
        args(
          await multipart(url, { idempotencyKey, ...declarations }, { bytes: new TextEncoder().encode('<html>'), name: 'q.pdf' }, session),
        ),
      ),
    );
    expect(await html.json()).toMatchObject({ fieldErrors: { document: ['applications:document_type'] } });

    const pdf = { bytes: new TextEncoder().encode('%PDF-1.4 quotation'), name: '報價單.pdf' };
    const [first, second] = await Promise.all([
      respond(async () => newApplicationAction(args(await multipart(url, { idempotencyKey, ...declarations }, pdf, session)))),
      respond(async () => newApplicationAction(args(await multipart(url, { idempotencyKey, ...declarations }, pdf, session)))),
    ]);
    expect(first.headers.get('Location')).toMatch(/^\/applications\/DTS-\d{4}-\d{6}\/check$/);
    expect(second.headers.get('Location')).toBe(first.headers.get('Location'));
    const ref = first.headers.get('Location')!.split('/')[2]!;

    const submitted = await respond(async () =>
      applicationAction(args(await postForm(`/applications/${ref}`, { intent: 'submit' }, { session }), { ref })),
    );
    expect(submitted.headers.get('Location')).toBe(`/applications/${ref}?submitted=1`);
    const detail = (await (
      await respond(async () => applicationLoader(args(await getRequest(`/applications/${ref}`, { session }), { ref })))
    ).json()) as {
      application: {
        status: string;
        programmeCents: number;
        shopCents: number;
        documents: { id: number; filename: string }[];
        events: { action: string }[];
      };
    };
    expect(detail.application).toMatchObject({ status: 'submitted', programmeCents: 18_000_00, shopCents: 18_000_00 });
    expect(detail.application.events.map((e) => e.action)).toEqual(['create', 'submit']);

    const doc = detail.application.documents[0]!;
    expect(doc.filename).toBe('報價單.pdf');
    const download = await respond(async () => documentLoader(args(await getRequest('/x', { session }), { ref, id: String(doc.id) })));
    expect(download.headers.get('Content-Type')).toBe('application/pdf');
    expect(new TextDecoder().decode(await download.arrayBuffer())).toBe('%PDF-1.4 quotation');

    // Someone else guessing the reference or the document gets 404.
    const otherSession = await sessionForUserId(t.db, (await makeUser(t.db)).id);
    expect((await respond(async () => applicationLoader(args(await getRequest('/x', { session: otherSession }), { ref })))).status).toBe(
      404,
    );
    expect(
      (await respond(async () => documentLoader(args(await getRequest('/x', { session: otherSession }), { ref, id: String(doc.id) }))))
        .status,
    ).toBe(404);
    expect((await respond(async () => applicationLoader(args(await getRequest('/x', { session }), { ref: 'not-a-ref' })))).status).toBe(
      404,
    );

    // Withdraw, then a stale second withdraw answers 409.
    const withdrawn = await respond(async () =>
      applicationAction(args(await postForm(`/applications/${ref}`, { intent: 'withdraw' }, { session }), { ref })),
    );
    expect(withdrawn.status).toBe(302);
    const stale = await respond(async () =>
      applicationAction(args(await postForm(`/applications/${ref}`, { intent: 'withdraw' }, { session }), { ref })),
    );
    expect(stale.status).toBe(409);
  });
});

describe('a quotation the programme cannot pay a share of', () => {
  it('is answered with what is wrong, not "no funding left"', async () => {
    const { makeDraft, makeEnterprise, makeQuotation } = await import('../support/fixtures');
    const user = await makeUser(t.db);
    const session = await sessionForUserId(t.db, user.id);
    const enterpriseId = await makeEnterprise(t.db, user.id);
    // A listing from before the minimum price: HK$0.01.
    const pkg = await makeListedSolution(t.db, { priceCents: 1 });
    const quotationId = await makeQuotation(t.db, {
      userId: user.id,
      enterpriseId,
      solutionId: pkg.solutionId,
      vendorUserId: pkg.vendorUserId,
    });
    const ref = await makeDraft(t.db, { userId: user.id, quotationId });
    const response = await respond(async () =>
      applicationAction(args(await postForm(`/applications/${ref}`, { intent: 'submit' }, { session }), { ref })),
    );
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      fieldErrors: {},
      formErrors: ['applications:no_programme_share'],
      values: {},
      params: { cost: 'HK$0.01', percent: '50' },
    });
  });
});

describe('the registration of a business that has applied', () => {
  it('can be corrected before any submission, and is refused field by field after one', async () => {
    const { makeDraft, makeQuotation } = await import('../support/fixtures');
    const { submitApplication } = await import('../../app/services/applications.server');
    const { loader: editBusinessLoader } = await import('../../app/routes/businesses.$id._index');
    const user = await makeUser(t.db);
    const session = await sessionForUserId(t.db, user.id);
    const fields = business();
    const created = await respond(async () => newBusinessAction(args(await postForm('/businesses/new', fields, { session }))));
    const id = /\/businesses\/(\d+)\//.exec(created.headers.get('Location') ?? '')![1]!;
    const corrected = { ...fields, brNumber: randomBrNumber() };
    expect((await respond(async () => editBusinessAction(args(await postForm('/x', corrected, { session }), { id })))).status).toBe(302);

    const pkg = await makeListedSolution(t.db, { priceCents: 10_000_00 });
    const quotationId = await makeQuotation(t.db, {
      userId: user.id,
      enterpriseId: Number(id),
      solutionId: pkg.solutionId,
      vendorUserId: pkg.vendorUserId,
    });
    const reference = await makeDraft(t.db, { userId: user.id, quotationId });
    expect((await submitApplication({ db: t.db, userId: user.id, reference })).ok).toBe(true);

    const page = (await (await respond(async () => editBusinessLoader(args(await getRequest('/x', { session }), { id })))).json()) as {
      identityLocked: boolean;
    };
    expect(page.identityLocked).toBe(true);
    for (const [change, field] of [
      [{ brNumber: randomBrNumber() }, 'brNumber'],
      [{ registrationType: 'hawker', hawkerLicenceNo: 'FP-20261201' }, 'registrationType'],
    ] as const) {
      const refused = await respond(async () =>
        editBusinessAction(args(await postForm('/x', { ...corrected, ...change }, { session }), { id })),
      );
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { fieldErrors: unknown }).fieldErrors).toEqual({ [field]: ['business:identity_locked'] });
    }
    // Everything else about the business may still be kept up to date.
    expect(
      (await respond(async () => editBusinessAction(args(await postForm('/x', { ...corrected, phone: '2399 8877' }, { session }), { id }))))
        .status,
    ).toBe(302);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as applicationPage from '../../app/routes/applications.$ref/route';
import * as documentDownload from '../../app/routes/applications.$ref_.documents.$id';
import * as newApplication from '../../app/routes/applications.new';
import * as eligibility from '../../app/routes/businesses.$id.eligibility';
import * as editBusiness from '../../app/routes/businesses.$id._index';
import * as newBusiness from '../../app/routes/businesses.new';
import * as solutionPage from '../../app/routes/solutions.$id/route';
import * as vendorEnquiries from '../../app/routes/vendor.enquiries';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeListedSolution, makeUser, randomBrNumber } from '../support/fixtures';
import { routeCalls, sessionFor, sessionForUserId } from '../support/requests';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const { callAction, callLoader } = routeCalls(() => t.db);

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

/** A file as the browser uploads it. */
const upload = (text: string, name: string) => new File([new TextEncoder().encode(text)], name);

describe('business profile routes', () => {
  it('keeps what was typed and says what is wrong field by field', async () => {
    const session = await sessionFor(t.db, 'applicant@demo.matchfund.hk');
    const response = await callAction(newBusiness, {
      as: session,
      form: business({ brNumber: '1234', fullTimeEmployees: '', phone: '12', isListedCompany: '' }),
    });
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
    const created = await callAction(newBusiness, { as: owner, form: business() });
    expect(created.status).toBe(302);
    const id = /\/businesses\/(\d+)\//.exec(created.headers.get('Location') ?? '')![1]!;
    const stranger = 'vendor@demo.matchfund.hk';
    expect((await callLoader(eligibility, { as: stranger, path: '/businesses/:id/eligibility', params: { id } })).status).toBe(403);
    const otherSession = await sessionForUserId(t.db, (await makeUser(t.db)).id);
    expect((await callLoader(eligibility, { as: otherSession, params: { id } })).status).toBe(404);
    const edit = await callAction(editBusiness, { as: otherSession, params: { id }, form: business() });
    expect(edit.status).toBe(404);
  });
});

describe('enquiry → quotation → application through the routes', () => {
  it('runs the whole journey, refusing forged input on the way', async () => {
    const session = await sessionFor(t.db, 'applicant@demo.matchfund.hk');
    const created = await callAction(newBusiness, { as: session, form: business() });
    const enterpriseId = /\/businesses\/(\d+)\//.exec(created.headers.get('Location') ?? '')![1]!;
    const pkg = await makeListedSolution(t.db, { priceCents: 36_000_00, category: 'online_promotion' });
    const id = String(pkg.solutionId);

    // A forged feature id is refused with a reason, nothing written.
    const forged = await callAction(solutionPage, {
      as: session,
      path: '/solutions/:id',
      params: { id },
      form: { enterpriseId, features: '999999', message: '' },
    });
    expect(forged.status).toBe(409);
    const sent = await callAction(solutionPage, {
      as: session,
      path: '/solutions/:id',
      params: { id },
      form: { enterpriseId, message: 'Hi' },
    });
    expect(sent.status).toBe(302);
    const enquiryId = new URL(`http://x${sent.headers.get('Location')}`).searchParams.get('sent')!;

    // The vendor confirms from its inbox.
    const confirmed = await callAction(vendorEnquiries, { as: pkg.vendorUserId, form: { intent: 'confirm', enquiryId } });
    expect(confirmed.status).toBe(302);
    const quotation = await t.db.selectFrom('quotations').select('id').where('enquiryId', '=', Number(enquiryId)).executeTakeFirstOrThrow();

    const url = { path: '/applications/new', search: { quotation: String(quotation.id) } };
    const page = await callLoader(newApplication, { as: session, ...url });
    const { idempotencyKey } = (await page.json()) as { idempotencyKey: string };
    const declarations = {
      information_true: 'yes',
      no_other_public_funding: 'yes',
      not_related_to_vendor: 'yes',
      deploy_within_six_months: 'yes',
      consent_to_checks: 'yes',
    };
    // A missing declaration and an HTML file named .pdf are both refused.
    const bad = await callAction(newApplication, {
      as: session,
      ...url,
      form: { idempotencyKey, ...declarations, consent_to_checks: '', document: upload('<html>', 'q.pdf') },
    });
    expect(bad.status).toBe(400);
    const html = await callAction(newApplication, {
      as: session,
      ...url,
      form: { idempotencyKey, ...declarations, document: upload('<html>', 'q.pdf') },
    });
    expect(await html.json()).toMatchObject({ fieldErrors: { document: ['applications:document_type'] } });

    const submit = () =>
      callAction(newApplication, {
        as: session,
        ...url,
        form: { idempotencyKey, ...declarations, document: upload('%PDF-1.4 quotation', '報價單.pdf') },
      });
    const [first, second] = await Promise.all([submit(), submit()]);
    expect(first.headers.get('Location')).toMatch(/^\/applications\/DTS-\d{4}-\d{6}\/check$/);
    expect(second.headers.get('Location')).toBe(first.headers.get('Location'));
    const ref = first.headers.get('Location')!.split('/')[2]!;

    const submitted = await callAction(applicationPage, { as: session, params: { ref }, form: { intent: 'submit' } });
    expect(submitted.headers.get('Location')).toBe(`/applications/${ref}?submitted=1`);
    const detail = (await (await callLoader(applicationPage, { as: session, path: '/applications/:ref', params: { ref } })).json()) as {
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
    const download = await callLoader(documentDownload, { as: session, params: { ref, id: String(doc.id) } });
    expect(download.headers.get('Content-Type')).toBe('application/pdf');
    expect(new TextDecoder().decode(await download.arrayBuffer())).toBe('%PDF-1.4 quotation');

    // Someone else guessing the reference or the document gets 404.
    const otherSession = await sessionForUserId(t.db, (await makeUser(t.db)).id);
    expect((await callLoader(applicationPage, { as: otherSession, params: { ref } })).status).toBe(404);
    expect((await callLoader(documentDownload, { as: otherSession, params: { ref, id: String(doc.id) } })).status).toBe(404);
    expect((await callLoader(applicationPage, { as: session, params: { ref: 'not-a-ref' } })).status).toBe(404);

    // Withdraw, then a stale second withdraw answers 409.
    const withdraw = () => callAction(applicationPage, { as: session, params: { ref }, form: { intent: 'withdraw' } });
    const withdrawn = await withdraw();
    expect(withdrawn.status).toBe(302);
    const stale = await withdraw();
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
    const response = await callAction(applicationPage, { as: session, params: { ref }, form: { intent: 'submit' } });
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
    const user = await makeUser(t.db);
    const session = await sessionForUserId(t.db, user.id);
    const fields = business();
    const created = await callAction(newBusiness, { as: session, form: fields });
    const id = /\/businesses\/(\d+)\//.exec(created.headers.get('Location') ?? '')![1]!;
    const corrected = { ...fields, brNumber: randomBrNumber() };
    expect((await callAction(editBusiness, { as: session, params: { id }, form: corrected })).status).toBe(302);

    const pkg = await makeListedSolution(t.db, { priceCents: 10_000_00 });
    const quotationId = await makeQuotation(t.db, {
      userId: user.id,
      enterpriseId: Number(id),
      solutionId: pkg.solutionId,
      vendorUserId: pkg.vendorUserId,
    });
    const reference = await makeDraft(t.db, { userId: user.id, quotationId });
    expect((await submitApplication({ db: t.db, userId: user.id, reference })).ok).toBe(true);

    const page = (await (await callLoader(editBusiness, { as: session, params: { id } })).json()) as {
      identityLocked: boolean;
    };
    expect(page.identityLocked).toBe(true);
    for (const [change, field] of [
      [{ brNumber: randomBrNumber() }, 'brNumber'],
      [{ registrationType: 'hawker', hawkerLicenceNo: 'FP-20261201' }, 'registrationType'],
    ] as const) {
      const refused = await callAction(editBusiness, { as: session, params: { id }, form: { ...corrected, ...change } });
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { fieldErrors: unknown }).fieldErrors).toEqual({ [field]: ['business:identity_locked'] });
    }
    // Everything else about the business may still be kept up to date.
    expect((await callAction(editBusiness, { as: session, params: { id }, form: { ...corrected, phone: '2399 8877' } })).status).toBe(302);
  });
});

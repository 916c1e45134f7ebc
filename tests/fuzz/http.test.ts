// Fuzz over HTTP against the built server (own embedded PostgreSQL): every form action and every GET filter gets at
// least 200 malformed variants, signed in as the role the page is for, with a valid CSRF token. No answer may be a 5xx.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppLoadContext } from '@remix-run/node';
import { sessionCookieHeader } from '../../app/services/session.server';
import { applicantDeclarations } from '../../app/domain/reasons';
import { submitApplication } from '../../app/services/applications.server';
import { createSession } from '../../app/services/auth.server';
import { createDb, type DB } from '../../db/client';
import { startBuiltServer, type BuiltServer } from '../support/built-server';
import {
  enterpriseInput,
  makeDraft,
  makeEnterprise,
  makeListedSolution,
  makeQuotation,
  makeUser,
  pdf,
  randomBrNumber,
} from '../support/fixtures';
import { CSRF_TOKEN, csrfCookiePair } from '../support/http';
import { bodyVariants, queryVariants, type Fields, type FileField } from './variants';

const VARIANTS = 200;
const PARALLEL = 12;
/** How many variants of each target are also sent as a document request (page rendered), not only `?_data=`. */
const AS_DOCUMENT = 6;

let server: BuiltServer;
let db: DB;
const sessions: Record<'applicant' | 'vendor' | 'officer' | 'admin' | 'account', string> = {
  applicant: '',
  vendor: '',
  officer: '',
  admin: '',
  account: '',
};
const only: RegExp | undefined = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
const ids = {
  enterpriseId: 0,
  solutionId: 0,
  featureIds: [] as number[],
  quotationId: 0,
  draftRef: '',
  submittedRef: '',
  documentId: 0,
  vendorSolutionId: 0,
  enquiryId: 0,
  versionId: 0,
  vendorId: 0,
};

async function sessionOf(userId: number): Promise<string> {
  const token = await createSession({ db, userId });
  return (await sessionCookieHeader({ secureCookies: false } as AppLoadContext, token)).split(';')[0]!;
}

const userId = async (email: string) => (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  server = await startBuiltServer({ env: { OUTBOX_INTERVAL_MS: '600000', LAPSE_INTERVAL_MS: '86400000' } });
  const port = /PostgreSQL is up on 127\.0\.0\.1:(\d+)/.exec(server.output())?.[1];
  if (!port) throw new Error(`no database port in the server log:\n${server.output()}`);
  db = createDb({ url: `postgres://postgres@127.0.0.1:${port}/matchfund`, max: 4 });

  const applicant = await userId('applicant@demo.matchfund.hk');
  ids.enterpriseId = await makeEnterprise(db, applicant);
  const pos = await makeListedSolution(db, { priceCents: 20_000_00, features: [{ pricingModel: 'one_off', priceCents: 1_000_00 }] });
  const promotion = await makeListedSolution(db, { category: 'online_promotion', priceCents: 30_000_00 });
  const loyalty = await makeListedSolution(db, { category: 'customer_management', priceCents: 10_000_00 });
  ids.solutionId = pos.solutionId;
  ids.featureIds = pos.featureIds;
  ids.vendorSolutionId = pos.solutionId;
  ids.versionId = pos.versionId;
  ids.vendorId = pos.vendorId;
  const draftQuotation = await makeQuotation(db, {
    userId: applicant,
    enterpriseId: ids.enterpriseId,
    solutionId: pos.solutionId,
    vendorUserId: pos.vendorUserId,
  });
  ids.draftRef = await makeDraft(db, { userId: applicant, quotationId: draftQuotation });
  const submittedQuotation = await makeQuotation(db, {
    userId: applicant,
    enterpriseId: ids.enterpriseId,
    solutionId: promotion.solutionId,
    vendorUserId: promotion.vendorUserId,
  });
  ids.submittedRef = await makeDraft(db, { userId: applicant, quotationId: submittedQuotation });
  await submitApplication({ db, userId: applicant, reference: ids.submittedRef });
  ids.quotationId = await makeQuotation(db, {
    userId: applicant,
    enterpriseId: ids.enterpriseId,
    solutionId: loyalty.solutionId,
    vendorUserId: loyalty.vendorUserId,
  });
  const submitted = await db.selectFrom('applications').select('id').where('reference', '=', ids.submittedRef).executeTakeFirstOrThrow();
  ids.documentId = (await db.selectFrom('documents').select('id').where('applicationId', '=', submitted.id).executeTakeFirstOrThrow()).id;
  ids.enquiryId = (await db.selectFrom('enquiries').select('id').where('solutionId', '=', pos.solutionId).executeTakeFirstOrThrow()).id;

  sessions.applicant = await sessionOf(applicant);
  sessions.vendor = await sessionOf(pos.vendorUserId);
  sessions.officer = await sessionOf(await userId('officer@demo.matchfund.hk'));
  sessions.admin = await sessionOf(await userId('admin@demo.matchfund.hk'));
  sessions.account = await sessionOf((await makeUser(db)).id);
}, 120_000);

afterAll(async () => {
  await db?.destroy();
  await server?.stop();
});

type Role = keyof typeof sessions | 'anonymous';
type Failure = { target: string; variant: string; status: number; body: string };

async function send(role: Role, method: 'GET' | 'POST', url: string, body?: BodyInit | null, contentType?: string): Promise<Response> {
  const cookie = [await csrfCookiePair(), ...(role === 'anonymous' ? [] : [sessions[role]])].join('; ');
  const headers: Record<string, string> = { Cookie: cookie };
  if (contentType) headers['Content-Type'] = contentType;
  return fetch(url, { method, headers, body: method === 'POST' ? body : undefined, redirect: 'manual' });
}

/** Runs the jobs PARALLEL at a time; returns every answer of 500 or above. */
async function run(target: string, jobs: { variant: string; request: () => Promise<Response> }[]): Promise<Failure[]> {
  const failures: Failure[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        try {
          const response = await job.request();
          const text = await response.text();
          if (response.status >= 500) failures.push({ target, variant: job.variant, status: response.status, body: text.slice(0, 300) });
        } catch (error) {
          const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
          failures.push({ target, variant: job.variant, status: 0, body: `no answer: ${cause}` });
        }
      }
    }),
  );
  return failures;
}

const withData = (path: string, routeId: string | null) =>
  routeId ? `${path}${path.includes('?') ? '&' : '?'}_data=${encodeURIComponent(routeId)}` : path;

const enterpriseFields = (): Fields => {
  const e = enterpriseInput();
  return {
    legalNameEn: e.legalNameEn,
    legalNameZh: e.legalNameZh,
    registrationType: 'br',
    brNumber: randomBrNumber(),
    brExpiry: '2030-12-31',
    hawkerLicenceNo: '',
    sector: 'fnb',
    fullTimeEmployees: '8',
    isGroupMember: 'yes',
    groupFullTimeEmployees: '12',
    address: e.address,
    district: e.district,
    phone: e.phone,
    hasSubstantiveBusiness: 'yes',
    isListedCompany: 'no',
    isStatutoryBody: 'no',
    isSubvented: 'no',
  };
};

const listingFields = (): Fields => ({
  category: 'online_promotion',
  sector: 'retail',
  nameEn: 'Fuzz package',
  nameZhHk: '測試套餐',
  nameZhCn: '',
  descriptionEn: 'A package.\nTwo lines.',
  descriptionZhHk: '套餐。',
  descriptionZhCn: '',
  deliverablesEn: '',
  deliverablesZhHk: '',
  deliverablesZhCn: '',
  pricingModel: 'one_off',
  price: '12,000.00',
  deploymentDays: '30',
  featureNameEn0: 'Kiosk',
  featureNameZh0: '自助機',
  featurePrice0: '500',
  featureModel0: 'one_off',
});

const claimFields = (): Fields => ({
  invoiceNumber: 'INV-1',
  invoiceDate: '2026-11-30',
  invoiced: '30,000.00',
  paid: '30,000.00',
  paidOn: '2026-11-30',
  payerName: 'Lucky Noodle House Ltd',
  bankCode: '024',
  branchCode: '123',
  accountNumber: '456789012',
  accountName: 'Lucky Noodle House Ltd',
});

const pdfFile = (name: string): FileField => ({ name, filename: 'quotation.pdf', bytes: pdf().bytes, type: 'application/pdf' });

type FormTarget = { role: Role; path: () => string; routeId: string; base: () => Fields; files?: () => FileField[]; multipart?: boolean };

const forms: Record<string, FormTarget> = {
  'POST /login': {
    role: 'anonymous',
    path: () => '/login',
    routeId: 'routes/login',
    base: () => ({ email: 'nobody@example.com', password: 'not the password', redirectTo: '/solutions' }),
  },
  'POST /register': {
    role: 'anonymous',
    path: () => '/register',
    routeId: 'routes/register',
    base: () => ({
      role: 'applicant',
      displayName: 'Fuzz',
      email: 'fuzz@example.com',
      password: 'harbour lanterns',
      confirmPassword: 'harbour lanterns',
    }),
  },
  'POST /logout': { role: 'anonymous', path: () => '/logout', routeId: 'routes/logout', base: () => ({}) },
  'POST /set-language': {
    role: 'applicant',
    path: () => '/set-language',
    routeId: 'routes/set-language',
    base: () => ({ lng: 'en', redirectTo: '/solutions' }),
  },
  'POST /account': {
    role: 'account',
    path: () => '/account',
    routeId: 'routes/account',
    base: () => ({
      currentPassword: 'not the current one',
      newPassword: 'harbour lanterns at dusk',
      confirmPassword: 'harbour lanterns at dusk',
    }),
  },
  'POST /notifications': { role: 'applicant', path: () => '/notifications', routeId: 'routes/notifications', base: () => ({}) },
  'POST /notifications (open)': {
    role: 'applicant',
    path: () => '/notifications',
    routeId: 'routes/notifications',
    base: () => ({ intent: 'open', id: '1' }),
  },
  'POST /businesses/new': { role: 'applicant', path: () => '/businesses/new', routeId: 'routes/businesses.new', base: enterpriseFields },
  'POST /businesses/:id': {
    role: 'applicant',
    path: () => `/businesses/${ids.enterpriseId}`,
    routeId: 'routes/businesses.$id._index',
    base: enterpriseFields,
  },
  'POST /solutions/:id (enquiry)': {
    role: 'applicant',
    path: () => `/solutions/${ids.solutionId}`,
    routeId: 'routes/solutions.$id',
    base: () => ({ enterpriseId: String(ids.enterpriseId), features: ids.featureIds.map(String), message: 'Please call me.' }),
  },
  'POST /applications/new': {
    role: 'applicant',
    path: () => `/applications/new?quotation=${ids.quotationId}`,
    routeId: 'routes/applications.new',
    base: () => ({ idempotencyKey: crypto.randomUUID(), ...Object.fromEntries(applicantDeclarations.map((d) => [d, 'yes'])) }),
    files: () => [pdfFile('document')],
    multipart: true,
  },
  'POST /applications/:ref/answer': {
    role: 'applicant',
    path: () => `/applications/${ids.submittedRef}/answer`,
    routeId: 'routes/applications.$ref_.answer',
    base: () => ({ note: 'Here is the answer.' }),
    files: () => [pdfFile('document')],
    multipart: true,
  },
  'POST /applications/:ref/claim': {
    role: 'applicant',
    path: () => `/applications/${ids.submittedRef}/claim`,
    routeId: 'routes/applications.$ref_.claim',
    base: claimFields,
    files: () => [pdfFile('invoiceDocument'), pdfFile('paymentDocument')],
    multipart: true,
  },
  'POST /applications/:ref (draft)': {
    role: 'applicant',
    path: () => `/applications/${ids.draftRef}`,
    routeId: 'routes/applications.$ref',
    base: () => ({ intent: 'confirm_deployment' }),
  },
  'POST /vendor/enrolment': {
    role: 'vendor',
    path: () => '/vendor/enrolment',
    routeId: 'routes/vendor.enrolment',
    base: () => ({
      nameEn: 'Fuzz Systems Ltd',
      nameZhHk: '測試系統有限公司',
      nameZhCn: '',
      brNumber: randomBrNumber(),
      contactName: 'Ms Lee',
      contactEmail: 'sales@fuzz.example',
      phone: '2345 6789',
      website: 'https://fuzz.example',
      district: 'kwun_tong',
      trackRecord: 'Ten years.\nMany shops.',
      referenceCustomers: 'Shop A',
      netEquityPositive: 'yes',
    }),
  },
  'POST /vendor/listings/new': {
    role: 'vendor',
    path: () => '/vendor/listings/new',
    routeId: 'routes/vendor.listings.new',
    base: listingFields,
  },
  'POST /vendor/listings/:id': {
    role: 'vendor',
    path: () => `/vendor/listings/${ids.vendorSolutionId}`,
    routeId: 'routes/vendor.listings.$id',
    base: () => ({ ...listingFields(), category: 'e_payment_pos', sector: 'fnb' }),
  },
  'POST /vendor/enquiries': {
    role: 'vendor',
    path: () => '/vendor/enquiries',
    routeId: 'routes/vendor.enquiries',
    base: () => ({ intent: 'decline', enquiryId: String(ids.enquiryId), reason: 'other' }),
  },
  'POST /vendor/applications': {
    role: 'vendor',
    path: () => '/vendor/applications',
    routeId: 'routes/vendor.applications',
    base: () => ({ reference: ids.submittedRef, note: 'Installed.' }),
  },
  'POST /officer (conflict)': {
    role: 'officer',
    path: () => '/officer',
    routeId: 'routes/officer._index',
    base: () => ({ registrationNumber: '12345678' }),
  },
  'POST /officer (retry)': {
    role: 'officer',
    path: () => '/officer',
    routeId: 'routes/officer._index',
    base: () => ({ intent: 'retry', messageId: '1' }),
  },
  'POST /officer/applications (next)': {
    role: 'officer',
    path: () => '/officer/applications',
    routeId: 'routes/officer.applications._index',
    base: () => ({}),
  },
  'POST /officer/applications/:ref': {
    role: 'officer',
    path: () => `/officer/applications/${ids.submittedRef}`,
    routeId: 'routes/officer.applications.$ref',
    base: () => ({ intent: 'request_info', expectedStatus: 'under_review', reasonCode: 'other', note: 'Please send the lease.' }),
  },
  'POST /officer/claims/:ref': {
    role: 'officer',
    path: () => `/officer/claims/${ids.submittedRef}`,
    routeId: 'routes/officer.claims.$ref',
    base: () => ({ intent: 'return', note: 'Wrong invoice.' }),
  },
  'POST /officer/listings/:id': {
    role: 'officer',
    path: () => `/officer/listings/${ids.versionId}`,
    routeId: 'routes/officer.listings.$id',
    base: () => ({ intent: 'approve', requirement: ['accepts_payments', 'records_sales'], note: '' }),
  },
  'POST /officer/vendors': {
    role: 'officer',
    path: () => '/officer/vendors',
    routeId: 'routes/officer.vendors',
    base: () => ({ vendorId: String(ids.vendorId), intent: 'reject', reason: 'Incomplete.' }),
  },
  'POST /admin/officers': {
    role: 'admin',
    path: () => '/admin/officers',
    routeId: 'routes/admin.officers',
    base: () => ({ role: 'officer', displayName: 'Fuzz Officer', email: 'fuzz.officer@example.com', password: 'harbour lanterns at dusk' }),
  },
  'POST /admin/rounds': {
    role: 'admin',
    path: () => '/admin/rounds',
    routeId: 'routes/admin.rounds',
    base: () => ({
      roundCode: 'R1',
      budget: '500,000,000',
      cap: '50,000',
      matchPercent: '50',
      maxOneOff: '100,000',
      maxSubscriptionMonths: '24',
      maxSubscriptionTotal: '100,000',
      deploymentMonths: '6',
      maxEmployees: '50',
      openSectors: ['fnb', 'retail'],
      openCategories: ['e_payment_pos', 'online_promotion', 'customer_management'],
      opensOn: '2026-01-01',
      closesOn: '2027-12-31',
      slaWorkingDays: '10',
    }),
  },
};

type PageTarget = { role: Role; path: () => string; routeId: string | null; base: () => Fields; extraParams?: string[] };

const pages: Record<string, PageTarget> = {
  'GET /': { role: 'anonymous', path: () => '/', routeId: 'routes/_index', base: () => ({}) },
  'GET /solutions': {
    role: 'anonymous',
    path: () => '/solutions',
    routeId: 'routes/solutions._index',
    base: () => ({ category: 'e_payment_pos', sector: 'fnb', q: 'POS', sort: 'price_desc', page: '1' }),
  },
  'GET /solutions/:id': {
    role: 'applicant',
    path: () => `/solutions/${ids.solutionId}`,
    routeId: 'routes/solutions.$id',
    base: () => ({ features: ids.featureIds.map(String), used: '1,000.50' }),
  },
  'GET /compare': { role: 'anonymous', path: () => '/compare', routeId: 'routes/compare', base: () => ({ ids: `${ids.solutionId},1` }) },
  'GET /open-data': { role: 'anonymous', path: () => '/open-data', routeId: 'routes/open-data', base: () => ({}) },
  'GET /open-data.csv': { role: 'anonymous', path: () => '/open-data.csv', routeId: null, base: () => ({}) },
  'GET /login': {
    role: 'anonymous',
    path: () => '/login',
    routeId: 'routes/login',
    base: () => ({ redirectTo: '/account', registered: '1' }),
  },
  'GET /healthz': { role: 'anonymous', path: () => '/healthz', routeId: null, base: () => ({}) },
  'GET /account': { role: 'applicant', path: () => '/account', routeId: 'routes/account', base: () => ({ changed: '1' }) },
  'GET /applications': {
    role: 'applicant',
    path: () => '/applications',
    routeId: 'routes/applications._index',
    base: () => ({ page: '1' }),
  },
  'GET /applications/new': {
    role: 'applicant',
    path: () => '/applications/new',
    routeId: 'routes/applications.new',
    base: () => ({ quotation: String(ids.quotationId) }),
  },
  'GET /applications/:ref': {
    role: 'applicant',
    path: () => `/applications/${ids.submittedRef}`,
    routeId: 'routes/applications.$ref',
    base: () => ({ confirmed: '1', claimed: '1' }),
  },
  'GET /applications/:ref/answer': {
    role: 'applicant',
    path: () => `/applications/${ids.submittedRef}/answer`,
    routeId: 'routes/applications.$ref_.answer',
    base: () => ({}),
  },
  'GET /applications/:ref/claim': {
    role: 'applicant',
    path: () => `/applications/${ids.submittedRef}/claim`,
    routeId: 'routes/applications.$ref_.claim',
    base: () => ({}),
  },
  'GET /officer/applications/:ref/approve': {
    role: 'officer',
    path: () => `/officer/applications/${ids.submittedRef}/approve`,
    routeId: 'routes/officer.applications.$ref_.approve',
    base: () => ({}),
  },
  'GET /officer/claims/:ref/approve': {
    role: 'officer',
    path: () => `/officer/claims/${ids.submittedRef}/approve`,
    routeId: 'routes/officer.claims.$ref_.approve',
    base: () => ({}),
  },
  'GET /officer/claims/:ref/release': {
    role: 'officer',
    path: () => `/officer/claims/${ids.submittedRef}/release`,
    routeId: 'routes/officer.claims.$ref_.release',
    base: () => ({}),
  },
  'GET /vendor/applications/:ref/report': {
    role: 'vendor',
    path: () => `/vendor/applications/${ids.submittedRef}/report`,
    routeId: 'routes/vendor.applications_.$ref.report',
    base: () => ({}),
  },
  'GET /applications/:ref/documents/:id': {
    role: 'applicant',
    path: () => `/applications/${ids.submittedRef}/documents/${ids.documentId}`,
    routeId: null,
    base: () => ({}),
  },
  'GET /enquiries': { role: 'applicant', path: () => '/enquiries', routeId: 'routes/enquiries', base: () => ({ page: '1', sent: '1' }) },
  'GET /notifications': { role: 'applicant', path: () => '/notifications', routeId: 'routes/notifications', base: () => ({ page: '1' }) },
  'GET /businesses': { role: 'applicant', path: () => '/businesses', routeId: 'routes/businesses._index', base: () => ({}) },
  'GET /businesses/:id': {
    role: 'applicant',
    path: () => `/businesses/${ids.enterpriseId}`,
    routeId: 'routes/businesses.$id._index',
    base: () => ({ saved: '1' }),
  },
  'GET /businesses/:id/eligibility': {
    role: 'applicant',
    path: () => `/businesses/${ids.enterpriseId}/eligibility`,
    routeId: 'routes/businesses.$id.eligibility',
    base: () => ({ created: '1' }),
  },
  'GET /vendor': { role: 'vendor', path: () => '/vendor', routeId: 'routes/vendor._index', base: () => ({}) },
  'GET /vendor/enquiries': {
    role: 'vendor',
    path: () => '/vendor/enquiries',
    routeId: 'routes/vendor.enquiries',
    base: () => ({ status: 'sent', page: '1' }),
  },
  'GET /vendor/listings': {
    role: 'vendor',
    path: () => '/vendor/listings',
    routeId: 'routes/vendor.listings._index',
    base: () => ({ done: 'submit', page: '1' }),
  },
  'GET /vendor/listings/:id': {
    role: 'vendor',
    path: () => `/vendor/listings/${ids.vendorSolutionId}`,
    routeId: 'routes/vendor.listings.$id',
    base: () => ({ done: 'draft' }),
  },
  'GET /vendor/applications': {
    role: 'vendor',
    path: () => '/vendor/applications',
    routeId: 'routes/vendor.applications',
    base: () => ({ page: '1', reported: ids.submittedRef }),
  },
  'GET /officer': {
    role: 'officer',
    path: () => '/officer',
    routeId: 'routes/officer._index',
    base: () => ({ declared: '1', retried: '1' }),
  },
  'GET /officer/applications': {
    role: 'officer',
    path: () => '/officer/applications',
    routeId: 'routes/officer.applications._index',
    base: () => ({
      status: 'submitted',
      sector: 'fnb',
      district: 'sham_shui_po',
      category: 'e_payment_pos',
      minDays: '1',
      assigned: 'any',
      after: '2026-01-01T00:00:00.000Z_1',
    }),
  },
  'GET /officer/applications/:ref': {
    role: 'officer',
    path: () => `/officer/applications/${ids.submittedRef}`,
    routeId: 'routes/officer.applications.$ref',
    base: () => ({ done: 'approve' }),
  },
  'GET /officer/applications/:ref/documents/:id': {
    role: 'officer',
    path: () => `/officer/applications/${ids.submittedRef}/documents/${ids.documentId}`,
    routeId: null,
    base: () => ({}),
  },
  'GET /officer/claims': {
    role: 'officer',
    path: () => '/officer/claims',
    routeId: 'routes/officer.claims._index',
    base: () => ({ checkPage: '1', preparePage: '2', releasePage: '1' }),
  },
  'GET /officer/claims/:ref': {
    role: 'officer',
    path: () => `/officer/claims/${ids.submittedRef}`,
    routeId: 'routes/officer.claims.$ref',
    base: () => ({ done: 'approve' }),
  },
  'GET /officer/listings': {
    role: 'officer',
    path: () => '/officer/listings',
    routeId: 'routes/officer.listings._index',
    base: () => ({ done: 'approve', page: '1' }),
  },
  'GET /officer/listings/:id': {
    role: 'officer',
    path: () => `/officer/listings/${ids.versionId}`,
    routeId: 'routes/officer.listings.$id',
    base: () => ({}),
  },
  'GET /officer/vendors': {
    role: 'officer',
    path: () => '/officer/vendors',
    routeId: 'routes/officer.vendors',
    base: () => ({ status: 'pending', done: 'approve', page: '1' }),
  },
  'GET /officer/dashboard': {
    role: 'officer',
    path: () => '/officer/dashboard',
    routeId: 'routes/officer.dashboard',
    base: () => ({ sector: 'fnb', category: 'online_promotion' }),
  },
  'GET /officer/export.csv': {
    role: 'officer',
    path: () => '/officer/export.csv',
    routeId: null,
    base: () => ({
      status: 'submitted',
      sector: 'retail',
      district: 'central_western',
      category: 'customer_management',
      minDays: '3',
      assigned: 'me',
    }),
  },
  'GET /admin': { role: 'admin', path: () => '/admin', routeId: 'routes/admin._index', base: () => ({}) },
  'GET /admin/officers': { role: 'admin', path: () => '/admin/officers', routeId: 'routes/admin.officers', base: () => ({ page: '1' }) },
  'GET /admin/rounds': { role: 'admin', path: () => '/admin/rounds', routeId: 'routes/admin.rounds', base: () => ({ saved: '2' }) },
};

const seedOf = (name: string) => crypto.createHash('sha256').update(name).digest().readUInt32BE(0);

describe('fuzz: form actions', () => {
  it.each(Object.keys(forms).filter((name) => !only || only.test(name)))('%s: no 5xx for any malformed post', async (name) => {
    const target = forms[name]!;
    const variants = bodyVariants(target.base(), {
      count: VARIANTS + 16,
      seed: seedOf(name),
      csrf: CSRF_TOKEN,
      files: target.files?.() ?? [],
      multipartForm: target.multipart,
    });
    expect(variants.length).toBeGreaterThanOrEqual(VARIANTS);
    const jobs = variants.flatMap((variant, i) => {
      const asData = {
        variant: `${variant.label} (data)`,
        request: () => send(target.role, 'POST', server.url + withData(target.path(), target.routeId), variant.body, variant.contentType),
      };
      // A body stream can be sent once: a document request gets its own copy of the same variant.
      const again =
        i < AS_DOCUMENT
          ? bodyVariants(target.base(), {
              count: VARIANTS + 16,
              seed: seedOf(name),
              csrf: CSRF_TOKEN,
              files: target.files?.() ?? [],
              multipartForm: target.multipart,
            })[i]!
          : undefined;
      return again
        ? [
            asData,
            {
              variant: `${variant.label} (document)`,
              request: () => send(target.role, 'POST', server.url + target.path(), again.body, again.contentType),
            },
          ]
        : [asData];
    });
    const failures = await run(name, jobs);
    expect(failures).toEqual([]);
    expect(server.child.exitCode).toBeNull();
  });
});

describe('fuzz: pages and their filters', () => {
  it.each(Object.keys(pages).filter((name) => !only || only.test(name)))('%s: no 5xx for any malformed query', async (name) => {
    const target = pages[name]!;
    const variants = queryVariants(target.base(), { count: VARIANTS, seed: seedOf(name), extraParams: target.extraParams });
    expect(variants.length).toBeGreaterThanOrEqual(VARIANTS);
    const path = target.path();
    const jobs = variants.flatMap((variant, i) => {
      const url = `${path}?${variant.query}`;
      const data = {
        variant: `${variant.label} (data)`,
        request: () => send(target.role, 'GET', server.url + withData(url, target.routeId)),
      };
      return target.routeId && i < AS_DOCUMENT
        ? [data, { variant: `${variant.label} (document)`, request: () => send(target.role, 'GET', server.url + url) }]
        : [data];
    });
    const failures = await run(name, jobs);
    expect(failures).toEqual([]);
    expect(server.child.exitCode).toBeNull();
  });
});

// Over HTTP against the built server, as a browser without JavaScript posts: every form of the app, sent with bad
// input, answers its page again with the GOV.UK error summary above the <h1> and a title starting "Error: ".
import type { AppLoadContext } from '@remix-run/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitApplication } from '../../app/services/applications.server';
import { createSession } from '../../app/services/auth.server';
import { sessionCookieHeader } from '../../app/services/session.server';
import { startBuiltServer, type BuiltServer } from '../support/built-server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';
import { CSRF_TOKEN, csrfCookiePair } from '../support/http';

let t: TestDatabase;
let server: BuiltServer;
const ids = { enterpriseId: 0, solutionId: 0, quotationId: 0, submittedRef: '', versionId: 0, vendorId: 0, vendorSolutionId: 0 };
const sessions = { applicant: '', vendor: '', newVendor: '', officer: '', admin: '' };

async function sessionOf(userId: number): Promise<string> {
  const token = await createSession({ db: t.db, userId });
  return (await sessionCookieHeader({ secureCookies: false } as AppLoadContext, token)).split(';')[0]!;
}

beforeAll(async () => {
  t = await createTestDatabase({ max: 2 });
  const applicant = await makeUser(t.db);
  ids.enterpriseId = await makeEnterprise(t.db, applicant.id);
  const pos = await makeListedSolution(t.db, { priceCents: 20_000_00 });
  const promotion = await makeListedSolution(t.db, { category: 'online_promotion', priceCents: 30_000_00 });
  ids.solutionId = pos.solutionId;
  ids.vendorSolutionId = pos.solutionId;
  ids.versionId = pos.versionId;
  ids.vendorId = pos.vendorId;
  ids.quotationId = await makeQuotation(t.db, {
    userId: applicant.id,
    enterpriseId: ids.enterpriseId,
    solutionId: pos.solutionId,
    vendorUserId: pos.vendorUserId,
  });
  const submitted = await makeQuotation(t.db, {
    userId: applicant.id,
    enterpriseId: ids.enterpriseId,
    solutionId: promotion.solutionId,
    vendorUserId: promotion.vendorUserId,
  });
  ids.submittedRef = await makeDraft(t.db, { userId: applicant.id, quotationId: submitted });
  await submitApplication({ db: t.db, userId: applicant.id, reference: ids.submittedRef });
  sessions.applicant = await sessionOf(applicant.id);
  sessions.vendor = await sessionOf(pos.vendorUserId);
  sessions.newVendor = await sessionOf((await makeUser(t.db, 'vendor')).id);
  sessions.officer = await sessionOf((await makeUser(t.db, 'officer')).id);
  sessions.admin = await sessionOf((await makeUser(t.db, 'admin')).id);
  server = await startBuiltServer({ env: { DATABASE_URL: t.url, OUTBOX_INTERVAL_MS: '600000', LAPSE_INTERVAL_MS: '86400000' } });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await t?.drop();
});

type Role = keyof typeof sessions | 'anonymous';
type Fields = Record<string, string | string[]>;
/** A form with bad input: who posts it, where, and (for an upload form) as multipart. */
type BadForm = { role: Role; path: () => string; fields: () => Fields; multipart?: boolean };

const badForms: Record<string, BadForm> = {
  login: { role: 'anonymous', path: () => '/login', fields: () => ({ email: 'not an address', password: '' }) },
  register: {
    role: 'anonymous',
    path: () => '/register',
    fields: () => ({ role: 'applicant', displayName: '', email: '', password: 'short' }),
  },
  account: {
    role: 'applicant',
    path: () => '/account',
    fields: () => ({ currentPassword: '', newPassword: 'short', confirmPassword: 'other' }),
  },
  'new business': { role: 'applicant', path: () => '/businesses/new', fields: () => ({ legalNameEn: '', sector: 'fnb' }) },
  business: { role: 'applicant', path: () => `/businesses/${ids.enterpriseId}`, fields: () => ({ legalNameEn: '', sector: 'fnb' }) },
  enquiry: {
    role: 'applicant',
    path: () => `/solutions/${ids.solutionId}`,
    fields: () => ({ enterpriseId: '', message: 'x'.repeat(5000) }),
  },
  application: {
    role: 'applicant',
    path: () => `/applications/new?quotation=${ids.quotationId}`,
    fields: () => ({ idempotencyKey: crypto.randomUUID() }),
    multipart: true,
  },
  enrolment: { role: 'newVendor', path: () => '/vendor/enrolment', fields: () => ({ nameEn: '', brNumber: 'x' }) },
  'new package': { role: 'vendor', path: () => '/vendor/listings/new', fields: () => ({ category: '', nameEn: '', price: 'lots' }) },
  package: {
    role: 'vendor',
    path: () => `/vendor/listings/${ids.vendorSolutionId}`,
    fields: () => ({ category: 'e_payment_pos', sector: 'fnb', nameEn: '', price: '1.234' }),
  },
  'officer decision': {
    role: 'officer',
    path: () => `/officer/applications/${ids.submittedRef}`,
    fields: () => ({ intent: 'request_info', expectedStatus: 'submitted', reasonCode: 'other', note: '' }),
  },
  'vendor decision': {
    role: 'officer',
    path: () => '/officer/vendors',
    fields: () => ({ vendorId: String(ids.vendorId), intent: 'reject', reason: '' }),
  },
  vetting: {
    role: 'officer',
    path: () => `/officer/listings/${ids.versionId}`,
    fields: () => ({ intent: 'approve', requirement: ['accepts_payments'], note: 'x'.repeat(5000) }),
  },
  'conflict of interest': { role: 'officer', path: () => '/officer', fields: () => ({ registrationNumber: 'x'.repeat(300) }) },
  'enquiry answer': { role: 'vendor', path: () => '/vendor/enquiries', fields: () => ({ intent: 'decline', enquiryId: '1', reason: '' }) },
  'deployment report': {
    role: 'vendor',
    path: () => '/vendor/applications',
    fields: () => ({ reference: ids.submittedRef, note: 'x'.repeat(5000) }),
  },
  'new officer': {
    role: 'admin',
    path: () => '/admin/officers',
    fields: () => ({ role: 'officer', displayName: '', email: 'x', password: 'short' }),
  },
  'round settings': { role: 'admin', path: () => '/admin/rounds', fields: () => ({ roundCode: '', budget: '-1', openSectors: [] }) },
  holiday: { role: 'admin', path: () => '/admin/holidays', fields: () => ({ intent: 'add', day: '2026-02-31', nameEn: '' }) },
};

async function post(form: BadForm, headers: Record<string, string> = {}): Promise<Response> {
  const cookie = [await csrfCookiePair(), ...(form.role === 'anonymous' ? [] : [sessions[form.role]])].join('; ');
  const fields = { ...form.fields(), _csrf: CSRF_TOKEN };
  let body: URLSearchParams | FormData;
  if (form.multipart) {
    body = new FormData();
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  } else {
    body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  }
  return fetch(server.url + form.path(), { method: 'POST', redirect: 'manual', headers: { Cookie: cookie, ...headers }, body });
}

const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';

describe('a refused submission without JavaScript', () => {
  it.each(Object.keys(badForms))('%s: the page again, the summary above the <h1>, the title starting "Error: "', async (name) => {
    const response = await post(badForms[name]!);
    const html = await response.text();
    expect(response.status, html.slice(0, 300)).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('Content-Type')).toContain('text/html');
    expect(titleOf(html)).toMatch(/^Error: .+ – Matchfund$/);
    const summary = html.indexOf('class="error-summary"');
    expect(summary).toBeGreaterThan(-1);
    expect(summary).toBeLessThan(html.indexOf('<h1'));
  });

  it('in Chinese the title starts 「錯誤：」', async () => {
    const response = await post(badForms.login!, { 'Accept-Language': 'zh-HK' });
    const title = titleOf(await response.text());
    expect(title.startsWith('錯誤：')).toBe(true);
    expect(title.startsWith('錯誤：錯誤：')).toBe(false);
  });

  it('the same page fetched, or answered without errors, has no prefix', async () => {
    const page = await fetch(`${server.url}/login`);
    expect(titleOf(await page.text())).not.toMatch(/^Error: /);
  });
});

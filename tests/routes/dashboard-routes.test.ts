import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as dashboard from '../../app/routes/officer.dashboard';
import * as queue from '../../app/routes/officer.applications._index';
import * as csvExport from '../../app/routes/officer.export[.]csv';
import * as openData from '../../app/routes/open-data';
import * as openDataCsv from '../../app/routes/open-data[.]csv';
import { submitApplication } from '../../app/services/applications.server';
import { setUserLocale } from '../../app/services/auth.server';
import { assignToMe } from '../../app/services/officer.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';
import { routeCalls, sessionFor, sessionForUserId } from '../support/requests';
import type { EnterpriseInput } from '../../app/services/enterprises.server';
import { parseCsv } from '../support/csv-reader';

let t: TestDatabase;
const refs: Record<string, string> = {};

async function submitted(
  name: string,
  enterprise: Partial<EnterpriseInput>,
  category: 'e_payment_pos' | 'online_promotion' = 'e_payment_pos',
) {
  const user = await makeUser(t.db);
  const enterpriseId = await makeEnterprise(t.db, user.id, enterprise);
  const pkg = await makeListedSolution(t.db, { priceCents: 24_000_00, category, sector: enterprise.sector ?? 'fnb' });
  const quotationId = await makeQuotation(t.db, {
    userId: user.id,
    enterpriseId,
    solutionId: pkg.solutionId,
    vendorUserId: pkg.vendorUserId,
  });
  const reference = await makeDraft(t.db, { userId: user.id, quotationId });
  const result = await submitApplication({ db: t.db, userId: user.id, reference });
  if (!result.ok) throw new Error(`setup: ${result.code}`);
  refs[name] = reference;
  return reference;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await submitted('formula', {
    legalNameEn: '=HYPERLINK("http://evil.example","click")',
    legalNameZh: '好運麵家有限公司',
    sector: 'fnb',
    district: 'sham_shui_po',
  });
  await submitted(
    'comma',
    { legalNameEn: 'Wing, Kee\nTrading "Co"', legalNameZh: '永記貿易', sector: 'retail', district: 'kwun_tong' },
    'online_promotion',
  );
  await submitted('plain', { legalNameEn: 'Sunrise Bakery', legalNameZh: '旭日餅店', sector: 'retail', district: 'islands' });
  const officer = await t.db.selectFrom('users').select('id').where('email', '=', 'officer@demo.matchfund.hk').executeTakeFirstOrThrow();
  await assignToMe({ db: t.db, officerId: officer.id, reference: refs.plain! });
});
afterAll(async () => {
  await t.drop();
});

const { callLoader } = routeCalls(() => t.db);
const { EXPORT_PAGE_SIZE, exportColumns } = csvExport;

async function csv(path: string, session: string) {
  const response = await callLoader(csvExport, { as: session, path });
  const bytes = new Uint8Array(await response.arrayBuffer());
  // TextDecoder drops a leading BOM by default; keep it to look at it.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { response, bytes, text };
}

const records = parseCsv;

async function queueReferences(query: string, session: string): Promise<string[]> {
  const response = await callLoader(queue, { as: session, path: `/officer/applications${query}` });
  const body = (await response.json()) as { rows: { reference: string }[] };
  return body.rows.map((r) => r.reference);
}

describe('access', () => {
  it('refuses shop owners and vendors with 403 on the dashboard and the CSV, and sends visitors to log in', async () => {
    for (const email of ['applicant@demo.matchfund.hk', 'vendor@demo.matchfund.hk']) {
      expect((await callLoader(dashboard, { as: email, path: '/officer/dashboard' })).status).toBe(403);
      expect((await callLoader(csvExport, { as: email, path: '/officer/export.csv' })).status).toBe(403);
    }
    const anonymous = await callLoader(csvExport, { path: '/officer/export.csv', search: { sector: 'fnb' } });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('Location')).toBe(`/login?${new URLSearchParams({ redirectTo: '/officer/export.csv?sector=fnb' })}`);
  });

  it('lets officers and admins see the dashboard, with bad filters ignored', async () => {
    for (const email of ['officer@demo.matchfund.hk', 'admin@demo.matchfund.hk']) {
      const response = await callLoader(dashboard, {
        as: email,
        path: '/officer/dashboard',
        search: { sector: 'retail', category: 'bogus' },
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { dashboard: { filters: object; total: number; bySector: { key: string; count: number }[] } };
      expect(body.dashboard.filters).toEqual({ sector: 'retail' });
      expect(body.dashboard.total).toBe(2);
      expect(JSON.stringify(body)).not.toContain('HYPERLINK');
    }
    const admin = await sessionFor(t.db, 'admin@demo.matchfund.hk');
    expect((await csv('/officer/export.csv', admin)).response.status).toBe(200);
  });
});

describe('queue CSV', () => {
  it('is UTF-8 with a BOM, an attachment with a dated name, a stable header and one escaped row per application', async () => {
    const session = await sessionFor(t.db, 'officer@demo.matchfund.hk');
    const { response, bytes, text } = await csv('/officer/export.csv', session);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="matchfund-applications-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('Cache-Control')).toContain('no-store');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(exportColumns.map((column) => `"${column}"`).join(','));

    const rows = records(text.slice(1));
    expect(rows).toHaveLength(1 + 3);
    const byRef = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(exportColumns.map((key, i) => [key, r[i]]))]));
    expect([...byRef.keys()].sort()).toEqual(Object.values(refs).sort());
    const formula = byRef.get(refs.formula!)!;
    // The formula is neutralised with an apostrophe, and its quotes and comma survive the quoting.
    expect(formula.business_name_en).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(formula.business_name_zh).toBe('好運麵家有限公司');
    expect(formula).toMatchObject({
      status: 'submitted',
      status_label: 'Submitted',
      sector: 'fnb',
      district: 'sham_shui_po',
      category: 'e_payment_pos',
      cost_hkd: '24000.00',
      programme_hkd: '12000.00',
      sla_breached: 'false',
      assigned_officer: '',
    });
    expect(formula.submitted_at_hkt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(byRef.get(refs.comma!)!.business_name_en).toBe('Wing, Kee\nTrading "Co"');
    expect(byRef.get(refs.plain!)).toMatchObject({ status: 'under_review', assigned_officer: 'Officer Wong', district_label: 'Islands' });
    for (const row of rows.slice(1)) expect(row.filter((field) => /^[=+\-@]/.test(field))).toEqual([]);
  });

  it('takes the same filters as the queue page and lists exactly what it lists', async () => {
    const session = await sessionFor(t.db, 'officer@demo.matchfund.hk');
    for (const query of [
      '',
      '?sector=retail',
      '?district=islands',
      '?category=online_promotion',
      '?status=under_review',
      '?assigned=me',
      '?assigned=unassigned&sector=fnb',
      '?minDays=30',
      '?status=paid',
      '?sector=bogus',
    ]) {
      const { text } = await csv(`/officer/export.csv${query}`, session);
      const exported = records(text.slice(1))
        .slice(1)
        .map((r) => r[0]);
      expect(exported, query).toEqual(await queueReferences(query, session));
    }
  });

  it('writes labels in the reader’s language and Chinese intact, with the column keys unchanged', async () => {
    const officer = await makeUser(t.db, 'officer');
    await setUserLocale({ db: t.db, userId: officer.id, locale: 'zh-HK' });
    const session = await sessionForUserId(t.db, officer.id);
    const { text } = await csv('/officer/export.csv?sector=fnb', session);
    const rows = records(text.slice(1));
    expect(rows[0]).toEqual([...exportColumns]);
    const row = Object.fromEntries(exportColumns.map((key, i) => [key, rows[1]![i]]));
    expect(row).toMatchObject({
      status: 'submitted',
      status_label: '已提交',
      sector_label: '餐飲',
      district_label: '深水埗',
      business_name_zh: '好運麵家有限公司',
    });
  });

  it(`streams past ${EXPORT_PAGE_SIZE} rows along the keyset cursor without losing or repeating one`, async () => {
    const template = await t.db
      .selectFrom('applications as a')
      .innerJoin('quotations as q', 'q.id', 'a.quotationId')
      .select(['a.id', 'q.id as quotationId', 'q.enquiryId'])
      .where('a.reference', '=', refs.formula!)
      .executeTakeFirstOrThrow();
    const extra = EXPORT_PAGE_SIZE + 234;
    // Many share one submission instant, so the cursor's tie-break on id is what keeps the pages apart.
    await sql`
      with e as (
        insert into enquiries (enterprise_id, solution_id, solution_version_id, status, created_by)
        select en.enterprise_id, en.solution_id, en.solution_version_id, 'confirmed', en.created_by
        from enquiries en, generate_series(1, ${extra}) g where en.id = ${template.enquiryId}
        returning id
      ), q as (
        insert into quotations (enquiry_id, vendor_id, solution_version_id, items, max_subscription_months, eligible_cost_cents, created_by)
        select e.id, tq.vendor_id, tq.solution_version_id, tq.items, tq.max_subscription_months, tq.eligible_cost_cents, tq.created_by
        from e, quotations tq where tq.id = ${template.quotationId}
        returning id
      )
      insert into applications (reference, enterprise_id, quotation_id, vendor_id, category, status, cost_cents, programme_cents, shop_cents, declarations, idempotency_key, created_by, submitted_at)
      select 'DTS-2099-' || lpad(q.id::text, 6, '0'), a.enterprise_id, q.id, a.vendor_id, a.category, 'submitted', a.cost_cents, a.programme_cents, a.shop_cents, a.declarations,
        'bulk-' || q.id, a.created_by, timestamptz '2026-03-02 10:00+08' + make_interval(secs => q.id % 5)
      from q, applications a where a.id = ${template.id}
    `.execute(t.db);
    const session = await sessionFor(t.db, 'officer@demo.matchfund.hk');
    const { text } = await csv('/officer/export.csv?sector=fnb', session);
    const rows = records(text.slice(1)).slice(1);
    const expected = await t.db
      .selectFrom('applications as a')
      .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
      .select('a.reference')
      .where('ent.sector', '=', 'fnb')
      .where('a.status', 'in', ['submitted', 'under_review', 'info_requested'])
      .orderBy('a.submittedAt')
      .orderBy('a.id')
      .execute();
    expect(expected.length).toBe(extra + 1);
    expect(rows.map((r) => r[0])).toEqual(expected.map((r) => r.reference));
  });
});

describe('open data', () => {
  it('works logged out, and publishes aggregates only', async () => {
    const response = await callLoader(openData, { path: '/open-data' });
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text) as {
      openData: { total: { suppressed: boolean; value?: number }; bySector: { key: string; count: { suppressed: boolean } }[] };
    };
    expect(body.openData.total).toEqual({ suppressed: false, value: 1237 });
    // Retail has 2: hidden, and fnb with it, or the total minus fnb would give retail away.
    expect(body.openData.bySector.map((g) => g.count.suppressed)).toEqual([true, true, true, true]);
    expect(text).not.toMatch(/DTS-|HYPERLINK|好運|Sunrise|Wing|reference|legalName|Officer Wong/);
  });

  it('offers the same figures as CSV, with small groups as "<5"', async () => {
    const response = await callLoader(openDataCsv, { path: '/open-data.csv' });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="matchfund-open-data-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe('"measure","group","value"');
    expect(text).toContain('"applications","all",1237\r\n');
    // One under review: hidden, and so is "submitted" (1236), which would give it away by subtraction.
    expect(text).toContain('"applications_by_status","submitted","<5"\r\n');
    expect(text).toContain('"applications_by_status","under_review","<5"\r\n');
    expect(text).toContain('"budget_hkd","all","500000000.00"\r\n');
    expect(text).not.toMatch(/DTS-|HYPERLINK|好運/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as holidays from '../../app/routes/admin.holidays';
import { resources } from '../../app/lib/i18n.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeUser } from '../support/fixtures';
import { routeCalls, sessionForUserId } from '../support/requests';

let t: TestDatabase;
let admin: string;
let adminId: number;
beforeAll(async () => {
  t = await createTestDatabase();
  const user = await makeUser(t.db, 'admin');
  adminId = user.id;
  admin = await sessionForUserId(t.db, user.id);
});
afterAll(async () => {
  await t.drop();
});

const { callAction, callLoader } = routeCalls(() => t.db);
const holidayFields = { intent: 'add', day: '2028-01-01', nameEn: 'The first day of January', nameZhHk: '一月一日', nameZhCn: '一月一日' };

describe('/admin/holidays', () => {
  it('is for administrators only', async () => {
    const officer = 'officer@demo.matchfund.hk';
    expect((await callLoader(holidays, { as: officer, path: '/admin/holidays' })).status).toBe(403);
    expect((await callAction(holidays, { as: officer, path: '/admin/holidays', form: holidayFields })).status).toBe(403);
    expect((await callLoader(holidays, { path: '/admin/holidays' })).status).toBe(302);
  });

  it('lists a year, in order, with the years on record', async () => {
    const response = await callLoader(holidays, { as: admin, path: '/admin/holidays', search: { year: '2027' } });
    const data = await response.json();
    expect(data.year).toBe(2027);
    expect(data.years).toEqual(expect.arrayContaining([2026, 2027]));
    expect(data.rows.map((row: { day: string }) => row.day).slice(0, 4)).toEqual(['2027-01-01', '2027-02-06', '2027-02-08', '2027-02-09']);
    // A year that is not a year falls back to the current one instead of failing.
    expect((await callLoader(holidays, { as: admin, path: '/admin/holidays', search: { year: 'abc' } })).status).toBe(200);
  });

  it('refuses a post without the CSRF token and writes nothing', async () => {
    const response = await callAction(holidays, { as: admin, form: holidayFields, csrf: null });
    expect(response.status).toBe(403);
    expect(await t.db.selectFrom('publicHolidays').select('id').where('day', '=', '2028-01-01').executeTakeFirst()).toBeUndefined();
  });

  it('answers bad input with field errors and keeps what was typed', async () => {
    const response = await callAction(holidays, {
      as: admin,
      form: { intent: 'add', day: '2027-02-30', nameEn: 'x'.repeat(101), nameZhHk: ' ', nameZhCn: '一月一日' },
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fieldErrors).toEqual({ day: ['errors:date_invalid'], nameEn: ['errors:too_long'], nameZhHk: ['errors:required'] });
    expect(body.values.nameZhCn).toBe('一月一日');
  });

  it('adds a holiday with an audit record, refuses the same day twice, and removes it', async () => {
    const added = await callAction(holidays, { as: admin, form: holidayFields });
    expect(added.status).toBe(302);
    expect(added.headers.get('Location')).toBe('/admin/holidays?year=2028&added=2028-01-01');
    const row = await t.db.selectFrom('publicHolidays').selectAll().where('day', '=', '2028-01-01').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ nameEn: 'The first day of January', nameZhHk: '一月一日' });

    const again = await callAction(holidays, { as: admin, form: holidayFields });
    expect(again.status).toBe(400);
    expect((await again.json()).fieldErrors).toEqual({ day: ['officer:holidays.holiday_exists'] });

    const remove = (id: string) => callAction(holidays, { as: admin, form: { intent: 'remove', id } });
    const removed = await remove(String(row.id));
    expect(removed.status).toBe(302);
    expect(removed.headers.get('Location')).toBe('/admin/holidays?year=2028&removed=2028-01-01');
    const gone = await remove(String(row.id));
    expect(gone.status).toBe(404);
    const junk = await remove('1; drop table');
    expect(junk.status).toBe(404);

    const log = await t.db
      .selectFrom('auditLog')
      .select(['action', 'actorUserId', 'actorRole'])
      .where('entityType', '=', 'holiday')
      .orderBy('id')
      .execute();
    expect(log).toEqual([
      { action: 'holiday_added', actorUserId: adminId, actorRole: 'admin' },
      { action: 'holiday_removed', actorUserId: adminId, actorRole: 'admin' },
    ]);
    const page = await (await callLoader(holidays, { as: admin })).json();
    expect(page.changes.map((c: { action: string }) => c.action)).toEqual(['holiday_removed', 'holiday_added']);
  });

  it('has its texts in all three languages', () => {
    const keys = Object.keys(resources.en.officer.holidays);
    for (const locale of ['zh-HK', 'zh-CN'] as const) {
      expect(Object.keys(resources[locale].officer.holidays)).toEqual(keys);
      expect(resources[locale].common.nav.holidays).toBeTruthy();
    }
  });
});

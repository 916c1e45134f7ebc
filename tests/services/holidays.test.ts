import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitApplication } from '../../app/services/applications.server';
import { addHoliday, holidaySet, listHolidays, removeHoliday } from '../../app/services/holidays.server';
import { getReview, listQueue, workload } from '../../app/services/officer.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const hk = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);

describe('the seeded general holidays', () => {
  it('hold the Government lists for 2026 and 2027: 17 days each, none on a Sunday', async () => {
    for (const year of [2026, 2027]) {
      const { rows } = await listHolidays({ db: t.db, year });
      expect(rows).toHaveLength(17);
      expect(rows.every((row) => new Date(`${row.day}T00:00:00Z`).getUTCDay() !== 0)).toBe(true);
    }
    const days = await holidaySet(t.db);
    // Lunar New Year 2027: day 1 is Saturday 6 February; day 2 falls on Sunday, so day 4 (Tuesday 9) replaces it.
    expect(['2027-02-06', '2027-02-08', '2027-02-09'].every((d) => days.has(d))).toBe(true);
    expect(days.has('2027-02-07')).toBe(false);
    // Christmas 2026 (Friday) and the first weekday after it (Saturday); in 2027 Christmas is a Saturday and the
    // first weekday after it is Monday 27 December.
    expect(['2026-12-25', '2026-12-26', '2027-12-25', '2027-12-27'].every((d) => days.has(d))).toBe(true);
    // Ching Ming and Easter Sunday coincide on 5 April 2026: the days following both are holidays.
    expect(['2026-04-03', '2026-04-04', '2026-04-06', '2026-04-07'].every((d) => days.has(d))).toBe(true);
  });
});

describe('adding and removing holidays', () => {
  it('adds a day once, removes it, and records both in the audit log', async () => {
    const admin = await makeUser(t.db, 'admin');
    const input = { day: '2028-01-01', nameEn: 'The first day of January', nameZhHk: '一月一日', nameZhCn: '一月一日' };
    const added = await addHoliday({ db: t.db, adminId: admin.id, input });
    expect(added.ok).toBe(true);
    expect(await addHoliday({ db: t.db, adminId: admin.id, input })).toEqual({ ok: false, code: 'holiday_exists' });
    expect((await holidaySet(t.db)).has('2028-01-01')).toBe(true);
    if (!added.ok) return;
    expect(await removeHoliday({ db: t.db, adminId: admin.id, id: added.id })).toEqual({ ok: true, day: '2028-01-01' });
    expect(await removeHoliday({ db: t.db, adminId: admin.id, id: added.id })).toEqual({ ok: false, code: 'not_found' });
    expect((await holidaySet(t.db)).has('2028-01-01')).toBe(false);
    const log = await t.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityType', '=', 'holiday')
      .where('entityId', '=', added.id)
      .orderBy('id')
      .execute();
    expect(log.map((row) => [row.action, row.actorUserId, row.note])).toEqual([
      ['holiday_added', admin.id, '2028-01-01 The first day of January'],
      ['holiday_removed', admin.id, '2028-01-01 The first day of January'],
    ]);
  });
});

describe('service standards count around the holidays', () => {
  it('the queue, the review page and the officer home skip Lunar New Year 2027', async () => {
    const user = await makeUser(t.db);
    const enterpriseId = await makeEnterprise(t.db, user.id, { district: 'islands' });
    const pkg = await makeListedSolution(t.db, { priceCents: 20_000_00 });
    const quotationId = await makeQuotation(t.db, {
      userId: user.id,
      enterpriseId,
      solutionId: pkg.solutionId,
      vendorUserId: pkg.vendorUserId,
    });
    const reference = await makeDraft(t.db, { userId: user.id, quotationId });
    const result = await submitApplication({ db: t.db, userId: user.id, reference });
    expect(result.ok).toBe(true);
    // Submitted Friday 29 January 2027. By Tuesday 16 February: 12 weekdays, 2 of them holidays (8 and 9 February).
    await t.db
      .updateTable('applications')
      .set({ submittedAt: hk('2027-01-29') })
      .where('reference', '=', reference)
      .execute();
    const officer = await makeUser(t.db, 'officer');
    const now = hk('2027-02-16');

    const queue = await listQueue({ db: t.db, officerId: officer.id, filters: { district: 'islands', assigned: 'any' }, now });
    expect(queue.slaWorkingDays).toBe(10);
    expect(queue.rows.map((r) => [r.reference, r.daysWaiting, r.slaBreached])).toEqual([[reference, 10, false]]);
    const review = await getReview({ db: t.db, officerId: officer.id, reference, now });
    expect(review?.daysWaiting).toBe(10);
    // "Waiting at least 11 working days" leaves it out; at least 10 keeps it.
    expect((await listQueue({ db: t.db, officerId: officer.id, filters: { district: 'islands', minDays: 11 }, now })).rows).toHaveLength(0);
    expect((await listQueue({ db: t.db, officerId: officer.id, filters: { district: 'islands', minDays: 10 }, now })).rows).toHaveLength(1);
    const before = await workload({ db: t.db, officerId: officer.id, now });

    // An administrator removes the fourth day of Lunar New Year: the application is now over the standard.
    const admin = await makeUser(t.db, 'admin');
    const { rows } = await listHolidays({ db: t.db, year: 2027 });
    const fourthDay = rows.find((row) => row.day === '2027-02-09')!;
    expect((await removeHoliday({ db: t.db, adminId: admin.id, id: fourthDay.id })).ok).toBe(true);
    const after = await listQueue({ db: t.db, officerId: officer.id, filters: { district: 'islands' }, now });
    expect(after.rows.map((r) => [r.daysWaiting, r.slaBreached])).toEqual([[11, true]]);
    expect((await workload({ db: t.db, officerId: officer.id, now })).breached).toBe(before.breached + 1);
    await addHoliday({
      db: t.db,
      adminId: admin.id,
      input: { day: fourthDay.day, nameEn: fourthDay.nameEn, nameZhHk: fourthDay.nameZhHk, nameZhCn: fourthDay.nameZhCn },
    });
  });
});

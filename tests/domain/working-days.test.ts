import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breachesSla, workingDaysBetween } from '../../app/domain/working-days';
import { MAX_DELIVERY_ATTEMPTS, notificationsFor, retryDelayMs } from '../../app/domain/notifications';
import { applicationActions } from '../../app/domain/application-lifecycle';

// Hong Kong time is UTC+8: 2026-11-23 is a Monday.
const hk = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);

describe('workingDaysBetween', () => {
  it.each([
    ['2026-11-23', '2026-11-23', 0],
    ['2026-11-23', '2026-11-24', 1],
    ['2026-11-27', '2026-11-30', 1], // Friday → Monday
    ['2026-11-28', '2026-11-29', 0], // Saturday → Sunday
    ['2026-11-23', '2026-12-07', 10],
    ['2026-11-23', '2026-12-08', 11],
    ['2026-11-30', '2026-11-23', 0],
  ])('%s → %s is %i working days', (from, to, expected) => {
    expect(workingDaysBetween(hk(from), hk(to))).toBe(expected);
  });

  it('counts by the Hong Kong calendar day, not UTC', () => {
    // 23:30 on Monday in Hong Kong is still Monday; 00:30 Tuesday is Tuesday, though both are Monday in UTC.
    expect(workingDaysBetween(hk('2026-11-23', '09:00'), hk('2026-11-23', '23:30'))).toBe(0);
    expect(workingDaysBetween(hk('2026-11-23', '09:00'), hk('2026-11-24', '00:30'))).toBe(1);
  });

  it('a week always adds five working days', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }), fc.integer({ min: 0, max: 60 }), (from, days) => {
        const to = new Date(from.getTime() + days * 86_400_000);
        const later = new Date(to.getTime() + 7 * 86_400_000);
        expect(workingDaysBetween(from, later) - workingDaysBetween(from, to)).toBe(5);
      }),
    );
  });

  it('breaches the service standard after more than the set working days', () => {
    expect(breachesSla({ submittedAt: hk('2026-11-23'), now: hk('2026-12-07'), slaWorkingDays: 10 })).toBe(false);
    expect(breachesSla({ submittedAt: hk('2026-11-23'), now: hk('2026-12-08'), slaWorkingDays: 10 })).toBe(true);
  });
});

describe('notification rules and retry delays', () => {
  it('tells the applicant of every decision, and the vendor of approval and lapse', () => {
    expect(notificationsFor('approve').map((n) => n.to)).toEqual(['applicant', 'vendor']);
    expect(notificationsFor('reject')).toEqual([{ to: 'applicant', template: 'application_rejected' }]);
    expect(notificationsFor('request_info')).toEqual([{ to: 'applicant', template: 'info_requested' }]);
    for (const action of applicationActions) expect(notificationsFor(action).length).toBeGreaterThan(0);
  });

  it('backs off exponentially within 20% jitter, capped at 15 minutes', () => {
    expect(retryDelayMs(1, () => 0)).toBe(2000);
    expect(retryDelayMs(3, () => 0)).toBe(8000);
    expect(retryDelayMs(30, () => 0)).toBe(900_000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_DELIVERY_ATTEMPTS }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, r) => {
        const delay = retryDelayMs(attempt, () => r);
        const base = Math.min(2 ** attempt * 1000, 900_000);
        expect(delay).toBeGreaterThanOrEqual(base);
        expect(delay).toBeLessThanOrEqual(base * 1.2 + 1);
      }),
    );
  });
});

describe('slaBreachCutoff', () => {
  it('agrees with breachesSla for any submission time', async () => {
    const { slaBreachCutoff } = await import('../../app/domain/working-days');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 40 * 86_400_000 }),
        fc.integer({ min: 0, max: 20 }),
        (now, ageMs, sla) => {
          const submittedAt = new Date(now.getTime() - ageMs);
          const cutoff = slaBreachCutoff({ now, slaWorkingDays: sla });
          expect(submittedAt < cutoff).toBe(breachesSla({ submittedAt, now, slaWorkingDays: sla }));
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { hongKongDay, hongKongDayEnd, hongKongDayStart, isRealDay } from '../../app/domain/dates';

describe('isRealDay', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-31', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['0000-01-01', false],
    ['', false],
    ['2026-04-10T00:00', false],
  ])('%s → %s', (value, expected) => {
    expect(isRealDay(value)).toBe(expected);
  });
});

describe('Hong Kong days', () => {
  it('a day runs from 00:00 to 23:59:59 in Hong Kong (UTC+8), and each instant of it is that day', () => {
    expect(hongKongDayStart('2026-12-01').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(hongKongDayEnd('2026-12-01').toISOString()).toBe('2026-12-01T15:59:59.000Z');
    expect(hongKongDay(hongKongDayStart('2026-12-01'))).toBe('2026-12-01');
    expect(hongKongDay(hongKongDayEnd('2026-12-01'))).toBe('2026-12-01');
    expect(hongKongDay(new Date(hongKongDayStart('2026-12-01').getTime() - 1))).toBe('2026-11-30');
  });
});

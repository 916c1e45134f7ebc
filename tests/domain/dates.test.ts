import { describe, expect, it } from 'vitest';
import { isRealDay } from '../../app/domain/dates';

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

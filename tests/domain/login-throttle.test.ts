import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_FREE_FAILURES,
  ACCOUNT_MAX_DELAY_MINUTES,
  PAIR_MAX_FAILURES,
  PAIR_WINDOW_MINUTES,
  accountDelaySeconds,
  throttleDecision,
} from '../../app/domain/login-throttle';

const now = new Date('2026-12-01T10:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const calm = { pairFailures: 0, oldestPairFailureAt: null, accountFailures: 0, latestAccountFailureAt: null };

describe('accountDelaySeconds', () => {
  it.each([
    [0, 0],
    [ACCOUNT_FREE_FAILURES - 1, 0],
    [ACCOUNT_FREE_FAILURES, 60],
    [ACCOUNT_FREE_FAILURES + 1, 120],
    [ACCOUNT_FREE_FAILURES + 2, 240],
    [ACCOUNT_FREE_FAILURES + 5, 1920],
    [ACCOUNT_FREE_FAILURES + 6, ACCOUNT_MAX_DELAY_MINUTES * 60],
    [ACCOUNT_FREE_FAILURES + 1000, ACCOUNT_MAX_DELAY_MINUTES * 60],
  ])('%d failures → wait %d s', (failures, seconds) => {
    expect(accountDelaySeconds(failures)).toBe(seconds);
  });

  it('never shrinks as failures grow, and never passes the cap', () => {
    fc.assert(
      fc.property(fc.nat(10_000), (n) => {
        expect(accountDelaySeconds(n + 1)).toBeGreaterThanOrEqual(accountDelaySeconds(n));
        expect(accountDelaySeconds(n)).toBeLessThanOrEqual(ACCOUNT_MAX_DELAY_MINUTES * 60);
      }),
    );
  });
});

describe('throttleDecision', () => {
  it.each([
    ['nothing failed', calm, { ok: true }],
    ['one under the pair limit', { ...calm, pairFailures: PAIR_MAX_FAILURES - 1, oldestPairFailureAt: ago(60) }, { ok: true }],
    ['at the pair limit', { ...calm, pairFailures: PAIR_MAX_FAILURES, oldestPairFailureAt: ago(60) }, { ok: false, retryAfterSeconds: PAIR_WINDOW_MINUTES * 60 - 60 }],
    ['account at the free limit, a minute has passed', { ...calm, accountFailures: ACCOUNT_FREE_FAILURES, latestAccountFailureAt: ago(60) }, { ok: true }],
    ['account at the free limit, 10 s ago', { ...calm, accountFailures: ACCOUNT_FREE_FAILURES, latestAccountFailureAt: ago(10) }, { ok: false, retryAfterSeconds: 50 }],
    [
      'both: the longer wait wins',
      { pairFailures: PAIR_MAX_FAILURES, oldestPairFailureAt: ago(800), accountFailures: ACCOUNT_FREE_FAILURES + 3, latestAccountFailureAt: ago(0) },
      { ok: false, retryAfterSeconds: 480 },
    ],
  ])('%s', (_label, state, expected) => {
    expect(throttleDecision(state, now)).toEqual(expected);
  });
});

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
    [
      'at the pair limit',
      { ...calm, pairFailures: PAIR_MAX_FAILURES, oldestPairFailureAt: ago(60) },
      { ok: false, retryAfterSeconds: PAIR_WINDOW_MINUTES * 60 - 60 },
    ],
    [
      'account at the free limit, a minute has passed',
      { ...calm, accountFailures: ACCOUNT_FREE_FAILURES, latestAccountFailureAt: ago(60) },
      { ok: true },
    ],
    [
      'account at the free limit, 10 s ago',
      { ...calm, accountFailures: ACCOUNT_FREE_FAILURES, latestAccountFailureAt: ago(10) },
      { ok: false, retryAfterSeconds: 50 },
    ],
    [
      'both: the longer wait wins',
      {
        pairFailures: PAIR_MAX_FAILURES,
        oldestPairFailureAt: ago(800),
        accountFailures: ACCOUNT_FREE_FAILURES + 3,
        latestAccountFailureAt: ago(0),
      },
      { ok: false, retryAfterSeconds: 480 },
    ],
  ])('%s', (_label, state, expected) => {
    expect(throttleDecision(state, now)).toEqual(expected);
  });
});

describe('throttleDecision for the owner’s own browser (a trusted device)', () => {
  it('skips the account-wide wait but never the per-address limit', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(3600), fc.nat(30), fc.nat(900), (accountFailures, latestAgo, pairFailures, oldestAgo) => {
        const state = { accountFailures, latestAccountFailureAt: ago(latestAgo), pairFailures, oldestPairFailureAt: ago(oldestAgo) };
        const trusted = throttleDecision(state, now, { trustedDevice: true });
        const pairOnly = throttleDecision({ ...state, accountFailures: 0, latestAccountFailureAt: null }, now);
        expect(trusted).toEqual(pairOnly);
        // Never looser than the pair rule, never stricter than for an unknown browser.
        if (throttleDecision(state, now).ok) expect(trusted.ok).toBe(true);
      }),
    );
  });

  it('an account under attack from everywhere: an unknown browser waits, the owner’s browser does not', () => {
    const attacked = { ...calm, accountFailures: ACCOUNT_FREE_FAILURES + 10, latestAccountFailureAt: ago(5) };
    expect(throttleDecision(attacked, now)).toMatchObject({ ok: false });
    expect(throttleDecision(attacked, now, { trustedDevice: true })).toEqual({ ok: true });
    const fromHere = { ...attacked, pairFailures: PAIR_MAX_FAILURES, oldestPairFailureAt: ago(60) };
    expect(throttleDecision(fromHere, now, { trustedDevice: true })).toEqual({
      ok: false,
      retryAfterSeconds: PAIR_WINDOW_MINUTES * 60 - 60,
    });
  });
});

// When a password may be checked: per account and address, and per account from anywhere with a growing wait.

/** Failures of one account from one address within the window, after which that address must wait the window out. */
export const PAIR_MAX_FAILURES = 10;
export const PAIR_WINDOW_MINUTES = 15;

/**
 * Failures of one account from any address (since its last successful login, within a day) that are free. Each one
 * past them makes the next check wait twice as long after the latest failure: 1, 2, 4 … minutes, at most an hour. An
 * attacker spread over many addresses gets a few guesses an hour; the owner waits at most an hour once it stops.
 */
export const ACCOUNT_FREE_FAILURES = 20;
export const ACCOUNT_WINDOW_HOURS = 24;
export const ACCOUNT_MAX_DELAY_MINUTES = 60;

/** How long after the latest failure the next check of the account may run, given its failures from anywhere. */
export function accountDelaySeconds(accountFailures: number): number {
  if (accountFailures < ACCOUNT_FREE_FAILURES) return 0;
  const doublings = Math.min(accountFailures - ACCOUNT_FREE_FAILURES, 16);
  return Math.min(60 * 2 ** doublings, ACCOUNT_MAX_DELAY_MINUTES * 60);
}

export type ThrottleState = {
  /** Failures (and checks still running) of this account from this address within the pair window. */
  pairFailures: number;
  /** When the oldest of those happened: the address may try again once it leaves the window. */
  oldestPairFailureAt: Date | null;
  /** Failures (and checks still running) of this account from any address since its last success, within a day. */
  accountFailures: number;
  latestAccountFailureAt: Date | null;
};

export type ThrottleDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** How long a browser that signed in stays trusted for that account (each successful login renews it). */
export const TRUSTED_DEVICE_DAYS = 90;

/**
 * `trustedDevice`: the request comes from a browser that signed in to this account before (ADR 020). It skips the
 * account-wide wait — which an attacker spread over many addresses can impose on everyone — but never the
 * per-address limit, so guessing from that browser is still held back.
 */
export function throttleDecision(
  state: ThrottleState,
  now: Date,
  { trustedDevice = false }: { trustedDevice?: boolean } = {},
): ThrottleDecision {
  const waits: number[] = [];
  if (state.pairFailures >= PAIR_MAX_FAILURES) {
    const since = state.oldestPairFailureAt ? (now.getTime() - state.oldestPairFailureAt.getTime()) / 1000 : 0;
    waits.push(PAIR_WINDOW_MINUTES * 60 - since);
  }
  const delay = trustedDevice ? 0 : accountDelaySeconds(state.accountFailures);
  if (delay > 0 && state.latestAccountFailureAt) {
    waits.push(delay - (now.getTime() - state.latestAccountFailureAt.getTime()) / 1000);
  }
  const wait = Math.max(0, ...waits);
  return wait > 0 ? { ok: false, retryAfterSeconds: Math.ceil(wait) } : { ok: true };
}

// Unique values for test data, shared by the database-backed suites and the browser specs: plain Node, no test
// framework imported, so that vitest and Playwright can both load it.
import crypto from 'node:crypto';

let counter = 0;

/** Base-36 time, a counter and 4 random hex digits: short, and unique across the tests of one run. */
export function uniqueStamp(): string {
  return `${Date.now().toString(36)}${(counter++).toString(36)}${crypto.randomBytes(2).toString('hex')}`;
}

/** 8 digits, random enough that businesses (and providers) registered in one run do not collide. */
export function randomBrNumber(): string {
  return String(crypto.randomInt(10_000_000, 100_000_000));
}

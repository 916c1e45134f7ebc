// Password hashing is bounded per process: anonymous logins cannot take every thread (and the event loop's CPU).
import type * as Argon2 from '@node-rs/argon2';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const tracking = vi.hoisted(() => ({ running: 0, most: 0 }));

vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof Argon2>();
  const track =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      tracking.running++;
      tracking.most = Math.max(tracking.most, tracking.running);
      try {
        return await fn(...args);
      } finally {
        tracking.running--;
      }
    };
  return { ...real, hash: track(real.hash), verify: track(real.verify) };
});

const { hashPassword, verifyPassword, PASSWORD_WORK } = await import('../../app/lib/password.server');
const { BusyError } = await import('../../app/lib/limiter');

let stored: string;
beforeAll(async () => {
  stored = await hashPassword('correct horse battery');
});

describe('password work per process', () => {
  const accepted = PASSWORD_WORK.concurrency + PASSWORD_WORK.maxQueue;

  it(`${accepted} logins at once run at most ${PASSWORD_WORK.concurrency} argon2 computations at a time, and all get their answer`, async () => {
    tracking.most = 0;
    const results = await Promise.all(
      Array.from({ length: accepted }, (_, i) =>
        verifyPassword({ hash: stored, password: i === 7 ? 'correct horse battery' : `guess ${i}` }),
      ),
    );
    expect(tracking.most).toBeLessThanOrEqual(PASSWORD_WORK.concurrency);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('beyond the bounded queue a caller is told "busy" at once instead of waiting behind everyone', async () => {
    const total = accepted + 20;
    const results = await Promise.allSettled(Array.from({ length: total }, () => verifyPassword({ hash: stored, password: 'guess' })));
    const busy = results.filter((r) => r.status === 'rejected' && r.reason instanceof BusyError);
    expect(busy.length).toBeGreaterThanOrEqual(20);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(accepted - 2);
    // And afterwards the queue is empty again.
    expect(await verifyPassword({ hash: stored, password: 'correct horse battery' })).toBe(true);
  });
});

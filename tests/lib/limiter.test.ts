import { describe, expect, it } from 'vitest';
import { BusyError, createLimiter } from '../../app/lib/limiter';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createLimiter', () => {
  it('runs at most `concurrency` tasks at once, in arrival order', async () => {
    const limiter = createLimiter({ name: 'test', concurrency: 2, maxQueue: 100, maxWaitMs: 10_000 });
    let running = 0;
    let most = 0;
    const started: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limiter.run(async () => {
          started.push(i);
          running++;
          most = Math.max(most, running);
          await sleep(2);
          running--;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(limiter.stats()).toEqual({ active: 0, queued: 0 });
  });

  it('refuses at once beyond the queue bound, and runs everything it accepted', async () => {
    const limiter = createLimiter({ name: 'hashing', concurrency: 2, maxQueue: 3, maxWaitMs: 10_000 });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => limiter.run(() => sleep(5).then(() => 'done'))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(5);
    expect(refused.every((r) => r.reason instanceof BusyError)).toBe(true);
    expect(limiter.stats()).toEqual({ active: 0, queued: 0 });
  });

  it('gives up on a wait that takes too long, and the slot is not lost', async () => {
    const limiter = createLimiter({ name: 'test', concurrency: 1, maxQueue: 10, maxWaitMs: 20 });
    const slow = limiter.run(() => sleep(100));
    await expect(limiter.run(async () => 'never')).rejects.toBeInstanceOf(BusyError);
    await slow;
    expect(await limiter.run(async () => 'after')).toBe('after');
    expect(limiter.stats()).toEqual({ active: 0, queued: 0 });
  });

  it('a task that throws gives its slot back', async () => {
    const limiter = createLimiter({ name: 'test', concurrency: 1, maxQueue: 10, maxWaitMs: 1000 });
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 42)).toBe(42);
  });
});

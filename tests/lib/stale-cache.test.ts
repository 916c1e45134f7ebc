import { describe, expect, it } from 'vitest';
import { staleCache } from '../../app/lib/stale-cache';

describe('staleCache', () => {
  it('loads once, serves the kept value while fresh, and refreshes in the background once stale', async () => {
    let clock = 0;
    let loads = 0;
    const cached = staleCache<number>({ maxAgeMs: 1000, now: () => clock });
    const owner = {};
    const load = async () => ++loads;
    expect(await cached(owner, 'k', load)).toBe(1);
    clock = 1000;
    expect(await cached(owner, 'k', load)).toBe(1);
    expect(loads).toBe(1);
    clock = 1001;
    // Stale: the old value at once, one refresh started however many ask.
    expect(await Promise.all([cached(owner, 'k', load), cached(owner, 'k', load)])).toEqual([1, 1]);
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toBe(2);
    expect(await cached(owner, 'k', load)).toBe(2);
  });

  it('keeps keys and owners apart, forgets a failed first load, and bounds the keys', async () => {
    const cached = staleCache<string>({ maxAgeMs: 1000, maxKeys: 2, now: () => 0 });
    const a = {};
    const b = {};
    expect(await cached(a, 'x', async () => 'a-x')).toBe('a-x');
    expect(await cached(b, 'x', async () => 'b-x')).toBe('b-x');
    expect(await cached(a, 'y', async () => 'a-y')).toBe('a-y');
    await expect(cached(a, 'z', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cached(a, 'z', async () => 'a-z')).toBe('a-z');
    // Three keys asked of `a` with room for two: the oldest were dropped and load again.
    expect(await cached(a, 'x', async () => 'a-x again')).toBe('a-x again');
  });
});

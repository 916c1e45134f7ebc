import { describe, expect, it } from 'vitest';
import { createVersionedCache } from '../../app/lib/versioned-cache';

describe('data kept per public version', () => {
  it('loads once per key and version; concurrent readers share the load', async () => {
    const cache = createVersionedCache<{ n: number }>({ maxEntries: 10 });
    let loads = 0;
    const load = async () => ({ n: ++loads });
    const [a, b] = await Promise.all([cache.get('7', 'k', load), cache.get('7', 'k', load)]);
    expect(loads).toBe(1);
    expect(a).toBe(b);
    expect(await cache.get('7', 'k', load)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('forgets everything the moment a newer version is seen, and never keeps a load of an older one', async () => {
    const cache = createVersionedCache<string>({ maxEntries: 10 });
    expect(await cache.get('9', 'k', async () => 'v9')).toBe('v9');
    expect(await cache.get('10', 'k', async () => 'v10')).toBe('v10'); // 10 > 9 although "10" < "9" as text
    expect(cache.size).toBe(1);
    // A request that read the version just before the change: answered with its own read, nothing stored.
    expect(await cache.get('9', 'k', async () => 'late v9')).toBe('late v9');
    expect(await cache.get('10', 'k', async () => 'again')).toBe('v10');
    expect(cache.size).toBe(1);
  });

  it('is bounded (least recently used out) and does not keep a failed load', async () => {
    const cache = createVersionedCache<string>({ maxEntries: 2 });
    await cache.get('1', 'a', async () => 'a');
    await cache.get('1', 'b', async () => 'b');
    await cache.get('1', 'a', async () => 'a2'); // a used again: b is now the oldest
    await cache.get('1', 'c', async () => 'c');
    expect(cache.size).toBe(2);
    expect(await cache.get('1', 'a', async () => 'reloaded')).toBe('a');
    expect(await cache.get('1', 'b', async () => 'reloaded')).toBe('reloaded');
    await expect(cache.get('1', 'x', () => Promise.reject(new Error('db away')))).rejects.toThrow('db away');
    expect(await cache.get('1', 'x', async () => 'ok')).toBe('ok');
  });
});

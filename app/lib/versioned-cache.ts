// Data that is the same for every reader, kept per version of what it was read from (the public version, ADR 015):
// a bounded map of loads, emptied the moment a newer version is seen. Concurrent requests for the same key share one
// load. Values are frozen: they are shared between requests, and no request may change another's.
// NEVER for anything that depends on who asks (session, CSRF token, personal data).

export type VersionedCache<V> = {
  /** The value of `key` at `version`: from memory, or `load`ed (and kept when `version` is still the newest seen). */
  get(version: string, key: string, load: () => Promise<V>): Promise<V>;
  readonly size: number;
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value as object)) deepFreeze(inner);
  }
  return value;
}

/** Versions are the decimal text of a counter that only grows. */
function newer(a: string, b: string): boolean {
  return a.length !== b.length ? a.length > b.length : a > b;
}

export function createVersionedCache<V>({ maxEntries }: { maxEntries: number }): VersionedCache<V> {
  let current = '';
  const entries = new Map<string, Promise<V>>();
  return {
    get(version, key, load) {
      if (newer(version, current)) {
        current = version;
        entries.clear();
      }
      // An older version than one already seen (a request that read the version just before a change): read, not kept.
      if (version !== current) return load();
      const found = entries.get(key);
      if (found) {
        // Least recently used goes first: a hit moves the key to the end.
        entries.delete(key);
        entries.set(key, found);
        return found;
      }
      const loading = load().then(deepFreeze);
      entries.set(key, loading);
      // A failed load is not kept (the next request tries again).
      loading.catch(() => {
        if (entries.get(key) === loading) entries.delete(key);
      });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return loading;
    },
    get size() {
      return entries.size;
    },
  };
}

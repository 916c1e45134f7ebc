// Figures that may be a stated time old: the first request for a key waits for its value; later ones get the kept
// value at once, and once it is older than `maxAgeMs` one of them starts a refresh in the background (the others keep
// getting the old value until it lands). Kept per owner (e.g. the database handle), weakly, and at most `maxKeys` keys
// per owner. For aggregates over the whole programme that no request should wait for at a million applications.
type Entry<V> = { at: number; value: Promise<V>; refreshing: boolean };

export function staleCache<V>({ maxAgeMs, maxKeys = 32, now = Date.now }: { maxAgeMs: number; maxKeys?: number; now?: () => number }) {
  const owners = new WeakMap<object, Map<string, Entry<V>>>();
  return function cached(owner: object, key: string, load: () => Promise<V>): Promise<V> {
    let entries = owners.get(owner);
    if (!entries) {
      entries = new Map();
      owners.set(owner, entries);
    }
    const byKey = entries;
    const entry = byKey.get(key);
    const at = now();
    if (!entry) {
      if (byKey.size >= maxKeys) byKey.clear();
      const fresh: Entry<V> = { at, value: load(), refreshing: false };
      fresh.value.catch(() => {
        if (byKey.get(key) === fresh) byKey.delete(key);
      });
      byKey.set(key, fresh);
      return fresh.value;
    }
    if (at - entry.at > maxAgeMs && !entry.refreshing) {
      entry.refreshing = true;
      load()
        .then((value) => byKey.set(key, { at: now(), value: Promise.resolve(value), refreshing: false }))
        .catch(() => {
          entry.refreshing = false;
        });
    }
    return entry.value;
  };
}

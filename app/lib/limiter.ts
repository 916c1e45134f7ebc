// A small counting semaphore with a bounded, time-limited wait queue: at most `concurrency` tasks run at once.

/** The work queue is full (or the wait took too long): the caller should answer "busy, try again shortly". */
export class BusyError extends Error {
  constructor(what: string) {
    super(`${what} is busy`);
    this.name = 'BusyError';
  }
}

type Waiter = { resolve: () => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> };

export type Limiter = {
  run: <T>(task: () => Promise<T>) => Promise<T>;
  stats: () => { active: number; queued: number };
};

export function createLimiter({
  name,
  concurrency,
  maxQueue,
  maxWaitMs,
}: {
  name: string;
  concurrency: number;
  maxQueue: number;
  maxWaitMs: number;
}): Limiter {
  let active = 0;
  const queue: Waiter[] = [];

  const acquire = (): Promise<void> => {
    if (active < concurrency) {
      active++;
      return Promise.resolve();
    }
    if (queue.length >= maxQueue) return Promise.reject(new BusyError(name));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          reject(new BusyError(name));
        }, maxWaitMs),
      };
      queue.push(waiter);
    });
  };

  // The slot goes straight to the next waiter (first come, first served), so `active` never overshoots.
  const release = () => {
    const next = queue.shift();
    if (next) {
      clearTimeout(next.timer);
      next.resolve();
    } else {
      active--;
    }
  };

  return {
    async run(task) {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
    stats: () => ({ active, queued: queue.length }),
  };
}

// Password hashing: argon2id with OWASP's parameters (19 MiB, t=2, p=1), off the event loop and bounded per process.
import os from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { createLimiter } from './limiter';

const options = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Each hash takes ~12 ms of a core and 19 MiB. Unbounded, 16 anonymous logins at once fill libuv's thread pool (which
 * compression and file reads share) and every core, and the whole site slows down. So: a few at a time (half the
 * cores, 1 to 4; one hash at a time still verifies ~80 passwords a second), a short queue behind them, and "busy"
 * (503) beyond it rather than an ever longer wait.
 */
export const PASSWORD_WORK = {
  concurrency: Math.min(4, Math.max(1, Math.floor(os.availableParallelism() / 2))),
  maxQueue: 32,
  maxWaitMs: 5_000,
} as const;

const work = createLimiter({ name: 'password hashing', ...PASSWORD_WORK });

/** Throws BusyError when the queue is full. */
export function hashPassword(password: string): Promise<string> {
  return work.run(() => hash(password, options));
}

/** False for a wrong password or a malformed hash; throws BusyError when the queue is full. */
export function verifyPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  return work.run(async () => {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  });
}

/** A hash of nothing, verified when the account does not exist so that both paths take the same time. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash('no such account', options);
  return dummyHash;
}

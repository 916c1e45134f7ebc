// console.error during a test is a failure unless the test expects it (by spying on console.error itself).
import { afterEach, beforeEach, vi } from 'vitest';

let calls: unknown[][] = [];
const original = console.error;

beforeEach(() => {
  calls = [];
  console.error = (...args: unknown[]) => {
    calls.push(args);
    original(...args);
  };
});

afterEach(() => {
  const wasReplaced = vi.isMockFunction(console.error);
  console.error = original;
  if (!wasReplaced && calls.length > 0) {
    throw new Error(`console.error was called during the test:\n${calls.map((args) => args.map(String).join(' ')).join('\n')}`);
  }
});

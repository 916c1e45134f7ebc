// The seed stores a precomputed hash of the public demo password (ADR 008: db imports nothing from app/lib).
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PASSWORD_HASH } from '../../db/seed';
import { hashPassword, verifyPassword } from '../../app/lib/password.server';

const parameters = (encoded: string) => encoded.split('$').slice(1, 4).join('$');

describe('the demo password hash', () => {
  it('verifies the demo password and nothing else', async () => {
    expect(await verifyPassword({ hash: DEMO_PASSWORD_HASH, password: DEMO_PASSWORD })).toBe(true);
    expect(await verifyPassword({ hash: DEMO_PASSWORD_HASH, password: `${DEMO_PASSWORD}!` })).toBe(false);
  });

  it("carries today's hashing parameters (regenerate it when they change)", async () => {
    expect(parameters(DEMO_PASSWORD_HASH)).toBe(parameters(await hashPassword('any password at all')));
  });
});

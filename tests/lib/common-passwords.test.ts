import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORD_COUNT, isCommonPassword } from '../../app/lib/common-passwords.server';

describe('isCommonPassword', () => {
  it('ships a list of at least 10,000 passwords', () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(10_000);
  });

  it.each([
    '1234567890',
    'qwertyuiop',
    'Password123',
    ' 1q2w3e4r5t ',
    'BASKETBALL',
    'aaaaaaaaaaaa',
    '１２３４５６７８９０',
    'owner.name@EXAMPLE.com',
    'owner.name',
  ])('refuses %j', (password) => {
    expect(isCommonPassword(password, { email: password.includes('owner') ? 'Owner.Name@example.com' : undefined })).toBe(true);
  });

  it.each(['correct horse battery', 'Matchfund-demo-2026', '茶餐廳收銀機2026年', 'a long enough password'])('accepts %j', (password) => {
    expect(isCommonPassword(password, { email: 'owner@example.com' })).toBe(false);
  });
});

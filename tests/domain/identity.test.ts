import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identityChanges, identityEdit, registrationKey, type IdentityFields } from '../../app/domain/identity';

const br = (brNumber: string): IdentityFields => ({ registrationType: 'br', brNumber, hawkerLicenceNo: null });
const hawker = (hawkerLicenceNo: string): IdentityFields => ({ registrationType: 'hawker', brNumber: null, hawkerLicenceNo });

describe('registrationKey', () => {
  it.each([
    [br('12345678'), 'br:12345678'],
    [hawker('fp-0012'), 'hawker:FP-0012'],
    [hawker('FP-0012'), 'hawker:FP-0012'],
    [{ registrationType: 'br', brNumber: '12345678', hawkerLicenceNo: 'FP-1' } as IdentityFields, 'br:12345678'],
  ])('%o → %s', (fields, key) => {
    expect(registrationKey(fields)).toBe(key);
  });
});

describe('identityEdit', () => {
  it.each([
    ['a new BR number before any submission', br('11111111'), br('22222222'), false, { ok: true }],
    ['the same BR number after a submission', br('11111111'), br('11111111'), true, { ok: true }],
    ['a licence in other letter case after a submission', hawker('fp-1'), hawker('FP-1'), true, { ok: true }],
    ['a new BR number after a submission', br('11111111'), br('22222222'), true, { ok: false, code: 'identity_locked', field: 'brNumber' }],
    [
      'a new licence after a submission',
      hawker('FP-1'),
      hawker('FP-2'),
      true,
      { ok: false, code: 'identity_locked', field: 'hawkerLicenceNo' },
    ],
    [
      'BR to hawker after a submission',
      br('11111111'),
      hawker('FP-1'),
      true,
      { ok: false, code: 'identity_locked', field: 'registrationType' },
    ],
  ] as const)('%s', (_name, before, after, submitted, expected) => {
    expect(identityEdit({ before, after, submitted })).toEqual(expected);
  });

  it('after a submission, an edit is allowed exactly when the key stays the same', () => {
    const fields = fc.oneof(fc.stringMatching(/^\d{8}$/).map(br), fc.stringMatching(/^[A-Za-z0-9]{3,6}$/).map(hawker));
    fc.assert(
      fc.property(fields, fields, (before, after) => {
        expect(identityEdit({ before, after, submitted: true }).ok).toBe(registrationKey(before) === registrationKey(after));
      }),
    );
  });
});

describe('identityChanges', () => {
  const profile = { ...br('11111111'), brExpiry: '2030-12-31', legalNameEn: 'A Ltd', legalNameZh: '甲有限公司' };
  it('lists every audited field on creation and only the changed ones after', () => {
    expect(identityChanges(null, profile)).toEqual({
      registrationType: [null, 'br'],
      brNumber: [null, '11111111'],
      brExpiry: [null, '2030-12-31'],
      legalNameEn: [null, 'A Ltd'],
      legalNameZh: [null, '甲有限公司'],
    });
    expect(identityChanges(profile, { ...profile, brNumber: '22222222' })).toEqual({ brNumber: ['11111111', '22222222'] });
    expect(identityChanges(profile, profile)).toEqual({});
  });
});

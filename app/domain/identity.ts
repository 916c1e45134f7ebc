// The business identity the HK$50,000 ceiling follows: the BR number, or the hawker licence number, whichever profile
// carries it. Pure: the key the database computes the same way, and which fields of a profile make up its identity.

export type IdentityFields = {
  registrationType: 'br' | 'hawker';
  brNumber: string | null;
  hawkerLicenceNo: string | null;
};

/**
 * 'br:12345678' or 'hawker:FP-1234' (licences compared without letter case). The database's generated column
 * `enterprises.registration_key` is the same expression (migration 2026-12-01T0100-money-rules).
 */
export function registrationKey(fields: IdentityFields): string {
  return fields.registrationType === 'br' ? `br:${fields.brNumber ?? ''}` : `hawker:${(fields.hawkerLicenceNo ?? '').toUpperCase()}`;
}

/**
 * Fields recorded in the audit log whenever they change: the registration itself and the names and certificate
 * that go with it. Only the first three make the identity the ceiling follows.
 */
export const identityFields = ['registrationType', 'brNumber', 'hawkerLicenceNo', 'brExpiry', 'legalNameEn', 'legalNameZh'] as const;
export type IdentityField = (typeof identityFields)[number];

export type ProfileIdentity = IdentityFields & { brExpiry: string | null; legalNameEn: string; legalNameZh: string };

/** What changed among the audited fields, as { field: [before, after] } (empty when nothing did). */
export function identityChanges(
  before: ProfileIdentity | null,
  after: ProfileIdentity,
): Partial<Record<IdentityField, [string | null, string | null]>> {
  const changes: Partial<Record<IdentityField, [string | null, string | null]>> = {};
  for (const field of identityFields) {
    const from = before ? before[field] : null;
    const to = after[field];
    if (from !== to) changes[field] = [from, to];
  }
  return changes;
}

export type IdentityEdit =
  { ok: true } | { ok: false; code: 'identity_locked'; field: 'registrationType' | 'brNumber' | 'hawkerLicenceNo' };

/**
 * Whether a profile may move to another identity. Once an application was submitted under it, the identity keeps
 * its committed money and may not be changed by an edit (a real change of BR number is a matter for the programme
 * office); the answer names the field the owner changed.
 */
export function identityEdit({
  before,
  after,
  submitted,
}: {
  before: IdentityFields;
  after: IdentityFields;
  submitted: boolean;
}): IdentityEdit {
  if (!submitted || registrationKey(before) === registrationKey(after)) return { ok: true };
  const field =
    before.registrationType !== after.registrationType
      ? 'registrationType'
      : after.registrationType === 'br'
        ? 'brNumber'
        : 'hawkerLicenceNo';
  return { ok: false, code: 'identity_locked', field };
}

import { describe, expect, it } from 'vitest';
import { vendorListingActions } from '../../app/domain/listing-lifecycle';

describe('vendorListingActions', () => {
  it.each([
    // status, open version's status, edit, submit, delist
    ['draft', 'draft', true, true, true],
    ['draft', 'returned', true, true, true],
    ['pending_review', 'pending_review', false, false, true],
    ['listed', null, true, false, true],
    ['listed', 'draft', true, true, true],
    ['listed', 'pending_review', false, false, true],
    ['rejected', null, true, false, true],
    ['delisted', null, false, false, false],
    ['delisted', 'draft', false, false, false],
  ] as const)('a %s package with open version %s: edit %s, submit %s, delist %s', (status, openStatus, edit, submit, delist) => {
    expect(vendorListingActions({ status, openStatus })).toEqual({ edit, submit, delist });
  });
});

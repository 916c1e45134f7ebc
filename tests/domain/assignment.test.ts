import { describe, expect, it } from 'vitest';
import { applicationStatuses } from '../../app/domain/application-lifecycle';
import { hasConflictOfInterest, takeDecision } from '../../app/domain/assignment';

const me = 7;

describe('takeDecision', () => {
  it.each([
    ['submitted', null, false, { ok: true, step: 'start_review' }],
    ['submitted', me, false, { ok: true, step: 'start_review' }],
    ['under_review', null, false, { ok: true, step: 'assign' }],
    ['info_requested', null, false, { ok: true, step: 'assign' }],
    ['under_review', me, false, { ok: true, step: 'already_mine' }],
    ['under_review', 8, false, { ok: false, code: 'assigned_to_other' }],
    ['submitted', 8, false, { ok: false, code: 'assigned_to_other' }],
    ['submitted', null, true, { ok: false, code: 'conflict_of_interest' }],
    ['approved', null, false, { ok: false, code: 'invalid_transition' }],
  ] as const)('%s assigned to %s, conflicted %s', (status, assignedOfficerId, conflicted, expected) => {
    expect(takeDecision({ status, assignedOfficerId, officerId: me, conflicted })).toEqual(expected);
  });

  it('never lets anyone take an application past the decision', () => {
    for (const status of applicationStatuses.filter((s) => !['submitted', 'under_review', 'info_requested'].includes(s))) {
      expect(takeDecision({ status, assignedOfficerId: null, officerId: me, conflicted: false }).ok).toBe(false);
    }
  });
});

describe('hasConflictOfInterest', () => {
  it.each([
    [{ ownerUserId: 9, declaredLink: false }, false],
    [{ ownerUserId: 9, declaredLink: true }, true],
    [{ ownerUserId: me, declaredLink: false }, true],
    [{ ownerUserId: me, declaredLink: true }, true],
  ] as const)('%o → %s', (facts, expected) => {
    expect(hasConflictOfInterest({ officerId: me, ...facts })).toBe(expected);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  applicationActions,
  applicationStatuses,
  committedStatuses,
  finalStatuses,
  isCommitted,
  transition,
  type ActorRole,
  type ApplicationAction,
  type ApplicationStatus,
} from '../../app/domain/application-lifecycle';

const roles = ['applicant', 'vendor', 'officer', 'admin', 'system'] as const satisfies readonly ActorRole[];

// Written out by hand from DESIGN.md, not derived from the module: a change to the table must change this list too.
const expectedTransitions: readonly (readonly [ApplicationStatus, ApplicationAction, ActorRole, ApplicationStatus])[] = [
  ['draft', 'submit', 'applicant', 'submitted'],
  ['draft', 'withdraw', 'applicant', 'withdrawn'],
  ['submitted', 'start_review', 'officer', 'under_review'],
  ['submitted', 'withdraw', 'applicant', 'withdrawn'],
  ['under_review', 'request_info', 'officer', 'info_requested'],
  ['under_review', 'approve', 'officer', 'approved'],
  ['under_review', 'reject', 'officer', 'rejected'],
  ['under_review', 'withdraw', 'applicant', 'withdrawn'],
  ['info_requested', 'resubmit', 'applicant', 'submitted'],
  ['info_requested', 'withdraw', 'applicant', 'withdrawn'],
  ['approved', 'report_deployment', 'vendor', 'deployment_reported'],
  ['approved', 'lapse', 'system', 'lapsed'],
  ['deployment_reported', 'confirm_deployment', 'applicant', 'deployed'],
  ['deployment_reported', 'lapse', 'system', 'lapsed'],
  ['deployed', 'submit_claim', 'applicant', 'claim_submitted'],
  ['claim_submitted', 'approve_claim', 'officer', 'claim_approved'],
  ['claim_submitted', 'return_claim', 'officer', 'deployed'],
  ['claim_approved', 'release_payment', 'officer', 'paid'],
];

const expectedFinal: readonly ApplicationStatus[] = ['rejected', 'withdrawn', 'paid', 'lapsed'];
const expectedCommitted: readonly ApplicationStatus[] = [
  'submitted',
  'under_review',
  'info_requested',
  'approved',
  'deployment_reported',
  'deployed',
  'claim_submitted',
  'claim_approved',
  'paid',
];
const expectedReleased: readonly ApplicationStatus[] = ['rejected', 'withdrawn', 'lapsed'];

const allTriples = applicationStatuses.flatMap((status) =>
  applicationActions.flatMap((action) => roles.map((role) => [status, action, role] as const)),
);

function expectedFor(status: ApplicationStatus, action: ApplicationAction, role: ActorRole) {
  const forAction = expectedTransitions.filter(([from, act]) => from === status && act === action);
  if (forAction.length === 0) return { ok: false, code: 'invalid_transition' } as const;
  const match = forAction.find(([, , r]) => r === role);
  if (!match) return { ok: false, code: 'not_allowed_for_role' } as const;
  return { ok: true, next: match[3] } as const;
}

describe('transition, every (status, action, role)', () => {
  it('covers all 13 × 14 × 5 triples', () => {
    expect(applicationStatuses).toHaveLength(13);
    expect(applicationActions).toHaveLength(14);
    expect(allTriples).toHaveLength(13 * 14 * 5);
  });

  it.each(allTriples)('%s --%s (%s)', (status, action, role) => {
    expect(transition({ status, action, role })).toEqual(expectedFor(status, action, role));
  });

  it('allows exactly the listed transitions and nothing else', () => {
    const allowed = allTriples.filter(([status, action, role]) => transition({ status, action, role }).ok);
    expect(allowed).toHaveLength(expectedTransitions.length);
  });

  it.each(expectedTransitions)('%s --%s by %s leads to %s', (status, action, role, to) => {
    expect(transition({ status, action, role })).toEqual({ ok: true, next: to });
  });

  it.each([
    // An action that exists for the status but belongs to someone else.
    ['under_review', 'approve', 'applicant', 'not_allowed_for_role'],
    ['under_review', 'approve', 'admin', 'not_allowed_for_role'],
    ['approved', 'report_deployment', 'applicant', 'not_allowed_for_role'],
    ['approved', 'lapse', 'officer', 'not_allowed_for_role'],
    ['claim_approved', 'release_payment', 'admin', 'not_allowed_for_role'],
    ['draft', 'withdraw', 'vendor', 'not_allowed_for_role'],
    // An action that does not exist for the status, whoever tries it.
    ['draft', 'approve', 'officer', 'invalid_transition'],
    ['approved', 'withdraw', 'applicant', 'invalid_transition'],
    ['submitted', 'lapse', 'system', 'invalid_transition'],
    ['paid', 'release_payment', 'officer', 'invalid_transition'],
    ['rejected', 'resubmit', 'applicant', 'invalid_transition'],
    ['deployed', 'lapse', 'system', 'invalid_transition'],
  ] as const)('%s --%s by %s is refused with %s', (status, action, role, code) => {
    expect(transition({ status, action, role })).toEqual({ ok: false, code });
  });

  it('gives admin no power of its own', () => {
    for (const [status, action] of allTriples) {
      expect(transition({ status, action, role: 'admin' }).ok).toBe(false);
    }
  });
});

describe('allowedActions', () => {
  const pairs = applicationStatuses.flatMap((status) => roles.map((role) => [status, role] as const));

  it.each(pairs)('%s for %s matches the expected transitions', (status, role) => {
    const expected = expectedTransitions.filter(([from, , r]) => from === status && r === role).map(([, action]) => action);
    expect([...allowedActions({ status, role })].sort()).toEqual([...expected].sort());
  });

  it('agrees with transition for every pair', () => {
    for (const [status, role] of pairs) {
      const viaTransition = applicationActions.filter((action) => transition({ status, action, role }).ok);
      expect(allowedActions({ status, role })).toEqual(viaTransition);
    }
  });
});

describe('final statuses', () => {
  it('are rejected, withdrawn, paid and lapsed', () => {
    expect([...finalStatuses].sort()).toEqual([...expectedFinal].sort());
  });

  it.each(expectedFinal)('%s has no action for any role', (status) => {
    for (const role of roles) expect(allowedActions({ status, role })).toEqual([]);
    for (const action of applicationActions) {
      for (const role of roles) expect(transition({ status, action, role })).toEqual({ ok: false, code: 'invalid_transition' });
    }
  });

  function successors(status: ApplicationStatus): ApplicationStatus[] {
    return allTriples.flatMap(([from, action, role]) => {
      if (from !== status) return [];
      const result = transition({ status: from, action, role });
      return result.ok ? [result.next] : [];
    });
  }

  it.each(applicationStatuses.filter((s) => !expectedFinal.includes(s)))('%s can reach a final status', (start) => {
    const seen = new Set<ApplicationStatus>([start]);
    const queue: ApplicationStatus[] = [start];
    let reachedFinal = false;
    while (queue.length > 0) {
      const status = queue.shift()!;
      if (expectedFinal.includes(status)) {
        reachedFinal = true;
        break;
      }
      for (const next of successors(status)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect(reachedFinal).toBe(true);
  });

  it('every status is reachable from draft', () => {
    const seen = new Set<ApplicationStatus>(['draft']);
    const queue: ApplicationStatus[] = ['draft'];
    while (queue.length > 0) {
      for (const next of successors(queue.shift()!)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...applicationStatuses].sort());
  });
});

describe('committed money', () => {
  it('is counted from submission until payment', () => {
    expect([...committedStatuses].sort()).toEqual([...expectedCommitted].sort());
  });

  it.each(applicationStatuses.map((status) => [status, expectedCommitted.includes(status)] as const))(
    '%s committed: %s',
    (status, committed) => {
      expect(isCommitted(status)).toBe(committed);
    },
  );

  it.each(expectedReleased)('%s releases the money', (status) => {
    expect(isCommitted(status)).toBe(false);
  });

  it('a draft commits nothing yet', () => {
    expect(isCommitted('draft')).toBe(false);
  });
});

describe('lifecycle properties', () => {
  // Any (action, role) pair, weighted towards the pairs the table knows so that walks get past approval, not just
  // into the first refusal or withdrawal.
  const knownPairs = [...new Map(expectedTransitions.map(([, action, role]) => [`${action}:${role}`, [action, role] as const])).values()];
  const step = fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom(...applicationActions), fc.constantFrom(...roles)), weight: 1 },
    { arbitrary: fc.constantFrom(...knownPairs), weight: 3 },
  );

  it('any sequence of actions from draft stays within the known statuses and never leaves a final status', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 200, size: 'max' }), (steps) => {
        let status: ApplicationStatus = 'draft';
        let finalReached: ApplicationStatus | null = null;
        for (const [action, role] of steps) {
          const result = transition({ status, action, role });
          if (result.ok) {
            expect(finalStatuses).not.toContain(status);
            status = result.next;
          }
          expect(applicationStatuses).toContain(status);
          if (finalReached) expect(status).toBe(finalReached);
          else if (finalStatuses.includes(status)) finalReached = status;
        }
      }),
      // Withdrawal is open at every early step, so it takes many walks for some to reach payment.
      { numRuns: 1_000 },
    );
  });

  it('once final, every further step is refused and the status stays put', () => {
    fc.assert(
      fc.property(fc.constantFrom(...expectedFinal), fc.array(step, { maxLength: 30 }), (final, steps) => {
        for (const [action, role] of steps) {
          expect(transition({ status: final, action, role }).ok).toBe(false);
        }
      }),
    );
  });
});

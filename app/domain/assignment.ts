// Who may take an application to work on: the rule behind "Assign to me", shared by the page and the service; and
// the conflict-of-interest rule every officer decision about a business obeys.
import type { ApplicationStatus } from './application-lifecycle';

/**
 * An officer who owns a business, or declared a link to it, takes no decision about it: not on its applications, not
 * on its claims, not on its payments (preparing or releasing).
 */
export function hasConflictOfInterest({
  officerId,
  ownerUserId,
  declaredLink,
}: {
  officerId: number;
  ownerUserId: number;
  declaredLink: boolean;
}): boolean {
  return declaredLink || ownerUserId === officerId;
}

export type TakeDecision =
  | { ok: true; step: 'start_review' | 'assign' | 'already_mine' }
  | { ok: false; code: 'conflict_of_interest' | 'assigned_to_other' | 'invalid_transition' };

export function takeDecision({
  status,
  assignedOfficerId,
  officerId,
  conflicted,
}: {
  status: ApplicationStatus;
  assignedOfficerId: number | null;
  officerId: number;
  conflicted: boolean;
}): TakeDecision {
  if (conflicted) return { ok: false, code: 'conflict_of_interest' };
  if (assignedOfficerId !== null && assignedOfficerId !== officerId) return { ok: false, code: 'assigned_to_other' };
  // A submitted application starts its review when taken, also when it comes back after a request for information.
  if (status === 'submitted') return { ok: true, step: 'start_review' };
  if (status !== 'under_review' && status !== 'info_requested') return { ok: false, code: 'invalid_transition' };
  return assignedOfficerId === officerId ? { ok: true, step: 'already_mine' } : { ok: true, step: 'assign' };
}

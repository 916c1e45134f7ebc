// Who may take an application to work on: the rule behind "Assign to me", shared by the page and the service.
import type { ApplicationStatus } from './application-lifecycle';

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

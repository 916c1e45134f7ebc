// The application lifecycle: which action moves an application from one status to the next, and who may take it.
export const applicationStatuses = [
  'draft',
  'submitted',
  'under_review',
  'info_requested',
  'approved',
  'rejected',
  'withdrawn',
  'deployment_reported',
  'deployed',
  'claim_submitted',
  'claim_approved',
  'paid',
  'lapsed',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const applicationActions = [
  'submit',
  'start_review',
  'request_info',
  'resubmit',
  'approve',
  'reject',
  'withdraw',
  'report_deployment',
  'confirm_deployment',
  'submit_claim',
  'approve_claim',
  'return_claim',
  'release_payment',
  'lapse',
] as const;
export type ApplicationAction = (typeof applicationActions)[number];

export type ActorRole = 'applicant' | 'vendor' | 'officer' | 'admin' | 'system';

export type TransitionResult = { ok: true; next: ApplicationStatus } | { ok: false; code: 'invalid_transition' | 'not_allowed_for_role' };

type Edge = { to: ApplicationStatus; roles: readonly ActorRole[] };

// 'admin' appears nowhere: administrators run the system, they do not decide or move applications.
const lifecycle = {
  draft: {
    submit: { to: 'submitted', roles: ['applicant'] },
    withdraw: { to: 'withdrawn', roles: ['applicant'] },
  },
  submitted: {
    start_review: { to: 'under_review', roles: ['officer'] },
    withdraw: { to: 'withdrawn', roles: ['applicant'] },
  },
  under_review: {
    request_info: { to: 'info_requested', roles: ['officer'] },
    approve: { to: 'approved', roles: ['officer'] },
    reject: { to: 'rejected', roles: ['officer'] },
    withdraw: { to: 'withdrawn', roles: ['applicant'] },
  },
  info_requested: {
    resubmit: { to: 'submitted', roles: ['applicant'] },
    withdraw: { to: 'withdrawn', roles: ['applicant'] },
  },
  // The vendor reports the solution deployed; the applicant confirms it is in use. Not deployed in time → lapse.
  approved: {
    report_deployment: { to: 'deployment_reported', roles: ['vendor'] },
    lapse: { to: 'lapsed', roles: ['system'] },
  },
  deployment_reported: {
    confirm_deployment: { to: 'deployed', roles: ['applicant'] },
    lapse: { to: 'lapsed', roles: ['system'] },
  },
  deployed: {
    submit_claim: { to: 'claim_submitted', roles: ['applicant'] },
  },
  claim_submitted: {
    approve_claim: { to: 'claim_approved', roles: ['officer'] },
    // A claim whose quotation, invoice and payment do not agree goes back to the applicant to claim again.
    return_claim: { to: 'deployed', roles: ['officer'] },
  },
  claim_approved: {
    release_payment: { to: 'paid', roles: ['officer'] },
  },
  rejected: {},
  withdrawn: {},
  paid: {},
  lapsed: {},
} as const satisfies Record<ApplicationStatus, Partial<Record<ApplicationAction, Edge>>>;

function edgeFor(status: ApplicationStatus, action: ApplicationAction): Edge | undefined {
  const edges: Partial<Record<ApplicationAction, Edge>> = lifecycle[status];
  return edges[action];
}

/** The one place that says whether `role` may take `action` on an application in `status`, and where it leads. */
export function transition({
  status,
  action,
  role,
}: {
  status: ApplicationStatus;
  action: ApplicationAction;
  role: ActorRole;
}): TransitionResult {
  const edge = edgeFor(status, action);
  if (!edge) return { ok: false, code: 'invalid_transition' };
  if (!edge.roles.includes(role)) return { ok: false, code: 'not_allowed_for_role' };
  return { ok: true, next: edge.to };
}

/** The actions `role` may take on an application in `status`, in the order of `applicationActions`. */
export function allowedActions({ status, role }: { status: ApplicationStatus; role: ActorRole }): ApplicationAction[] {
  return applicationActions.filter((action) => edgeFor(status, action)?.roles.includes(role) ?? false);
}

/** Statuses whose programme share counts against the enterprise cap and the programme budget. */
/** Statuses whose programme share counts against the programme's budget: approved and everything after it. */
export const budgetStatuses = [
  'approved',
  'deployment_reported',
  'deployed',
  'claim_submitted',
  'claim_approved',
  'paid',
] as const satisfies readonly ApplicationStatus[];
export type BudgetStatus = (typeof budgetStatuses)[number];

export const committedStatuses: readonly ApplicationStatus[] = [
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

export function isCommitted(status: ApplicationStatus): boolean {
  return committedStatuses.includes(status);
}

/** Statuses from which no action leads anywhere. */
export const finalStatuses: readonly ApplicationStatus[] = applicationStatuses.filter(
  (status) => Object.keys(lifecycle[status]).length === 0,
);

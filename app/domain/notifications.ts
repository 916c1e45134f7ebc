// Who is told about which hand-off, what makes one notification unique, where opening it leads, and how long to wait
// before retrying a failed delivery. See docs/decisions/017-notifications-at-hand-offs.md.
import type { ApplicationAction } from './application-lifecycle';

/**
 * Who receives a notification of an application's change. 'assigned_officer' is the officer the case is assigned to
 * (nobody when it is in the unassigned pool: pooled work is shown on the officers' home pages instead).
 */
export type Recipient = 'applicant' | 'vendor' | 'assigned_officer';

export const notificationTemplates = [
  'application_submitted',
  'review_started',
  'info_requested',
  'info_received',
  'reply_received',
  'application_approved',
  'application_rejected',
  'application_withdrawn',
  'vendor_application_approved',
  'deployment_reported',
  'deployment_confirmed',
  'claim_submitted',
  'claim_approved',
  'claim_returned',
  'payment_released',
  'application_lapsed',
  'vendor_application_lapsed',
  // Hand-offs outside an application's lifecycle.
  'quotation_arrived',
  'enquiry_received',
  'listing_approved',
  'listing_returned',
  'listing_rejected',
  'payment_prepared',
  'registration_attempt',
] as const;
export type NotificationTemplate = (typeof notificationTemplates)[number];

export function isNotificationTemplate(value: string): value is NotificationTemplate {
  return (notificationTemplates as readonly string[]).includes(value);
}

type Rule = { to: Recipient; template: NotificationTemplate };

const rules: Partial<Record<ApplicationAction, Rule[]>> = {
  submit: [{ to: 'applicant', template: 'application_submitted' }],
  start_review: [{ to: 'applicant', template: 'review_started' }],
  request_info: [{ to: 'applicant', template: 'info_requested' }],
  // The shop's answer goes back to the officer who asked: that officer is told; the shop gets its receipt.
  resubmit: [
    { to: 'applicant', template: 'info_received' },
    { to: 'assigned_officer', template: 'reply_received' },
  ],
  approve: [
    { to: 'applicant', template: 'application_approved' },
    { to: 'vendor', template: 'vendor_application_approved' },
  ],
  reject: [{ to: 'applicant', template: 'application_rejected' }],
  withdraw: [{ to: 'applicant', template: 'application_withdrawn' }],
  report_deployment: [{ to: 'applicant', template: 'deployment_reported' }],
  confirm_deployment: [{ to: 'vendor', template: 'deployment_confirmed' }],
  submit_claim: [{ to: 'applicant', template: 'claim_submitted' }],
  approve_claim: [{ to: 'applicant', template: 'claim_approved' }],
  return_claim: [{ to: 'applicant', template: 'claim_returned' }],
  release_payment: [{ to: 'applicant', template: 'payment_released' }],
  lapse: [
    { to: 'applicant', template: 'application_lapsed' },
    { to: 'vendor', template: 'vendor_application_lapsed' },
  ],
};

export function notificationsFor(action: ApplicationAction): Rule[] {
  return rules[action] ?? [];
}

/**
 * Templates that say something true once in an application's life. A second "under review" after the shop answered
 * a question (the case goes back to 'submitted' and is taken again) told the shop nothing new: it was the duplicate.
 */
const oncePerApplication: ReadonlySet<NotificationTemplate> = new Set<NotificationTemplate>([
  'application_submitted',
  'review_started',
  'application_approved',
  'application_rejected',
  'application_withdrawn',
  'vendor_application_approved',
  'deployment_reported',
  'deployment_confirmed',
  'claim_approved',
  'payment_released',
  'application_lapsed',
  'vendor_application_lapsed',
]);

export function isOncePerApplication(template: NotificationTemplate): boolean {
  return oncePerApplication.has(template);
}

/**
 * The event a notification of an application's change comes from. Together with the user and the template it is
 * unique in the database (notifications_once_idx), so one event can never notify the same person twice.
 */
export function applicationSourceKey({
  template,
  applicationId,
  eventId,
}: {
  template: NotificationTemplate;
  applicationId: number;
  eventId: number;
}): string {
  return oncePerApplication.has(template) ? `application:${applicationId}` : `event:${eventId}`;
}

/**
 * The officers told that a payment waits for release: every officer except its preparer (maker-checker: the preparer
 * may never release) and anyone linked to the business (who may not release it either). Administrators do not release.
 */
export function paymentReleasers<T extends { id: number; role: string; conflicted: boolean }>({
  candidates,
  preparedBy,
}: {
  candidates: readonly T[];
  preparedBy: number;
}): T[] {
  return candidates.filter((c) => c.role === 'officer' && c.id !== preparedBy && !c.conflicted);
}

export type NotificationRole = 'applicant' | 'vendor' | 'officer' | 'admin';

/** Where opening a notification leads the person who received it (a path on this site, never user input). */
export function notificationTarget({
  template,
  role,
  reference,
  params,
}: {
  template: string;
  role: NotificationRole;
  reference: string | null;
  params: Record<string, string | number>;
}): string {
  const ref = reference ? encodeURIComponent(reference) : null;
  const solutionId = Number(params.solutionId);
  switch (template) {
    case 'quotation_arrived':
      return '/enquiries';
    case 'enquiry_received':
      return '/vendor/enquiries?status=sent';
    case 'listing_approved':
    case 'listing_returned':
    case 'listing_rejected':
      return Number.isSafeInteger(solutionId) && solutionId > 0 ? `/vendor/listings/${solutionId}` : '/vendor/listings';
    case 'payment_prepared':
      return ref ? `/officer/claims/${ref}` : '/officer/claims';
    case 'reply_received':
      return ref ? `/officer/applications/${ref}` : '/officer/applications?assigned=me';
    case 'registration_attempt':
      return '/account';
  }
  if (!ref) return '/notifications';
  if (role === 'applicant') return `/applications/${ref}`;
  if (role === 'vendor') return '/vendor/applications';
  return `/officer/applications/${ref}`;
}

/** Exponential backoff: 2 s, 4 s, 8 s … capped at 15 minutes, with up to 20% jitter from `random` (0..1). */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(2 ** Math.max(1, attempt) * 1000, 15 * 60 * 1000);
  return Math.round(base * (1 + 0.2 * random()));
}

export const MAX_DELIVERY_ATTEMPTS = 10;

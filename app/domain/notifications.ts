// Who is told about which change of an application, and how long to wait before retrying a failed delivery.
import type { ApplicationAction } from './application-lifecycle';

export type Recipient = 'applicant' | 'vendor';
export const notificationTemplates = [
  'application_submitted',
  'review_started',
  'info_requested',
  'info_received',
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
] as const;
export type NotificationTemplate = (typeof notificationTemplates)[number];

const rules: Partial<Record<ApplicationAction, { to: Recipient; template: NotificationTemplate }[]>> = {
  submit: [{ to: 'applicant', template: 'application_submitted' }],
  start_review: [{ to: 'applicant', template: 'review_started' }],
  request_info: [{ to: 'applicant', template: 'info_requested' }],
  resubmit: [{ to: 'applicant', template: 'info_received' }],
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

export function notificationsFor(action: ApplicationAction): { to: Recipient; template: NotificationTemplate }[] {
  return rules[action] ?? [];
}

/** Exponential backoff: 2 s, 4 s, 8 s … capped at 15 minutes, with up to 20% jitter from `random` (0..1). */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(2 ** Math.max(1, attempt) * 1000, 15 * 60 * 1000);
  return Math.round(base * (1 + 0.2 * random()));
}

export const MAX_DELIVERY_ATTEMPTS = 10;

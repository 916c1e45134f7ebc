// What waits for each person on their home page (issue 12 §2): from counts gathered by
// app/services/waiting-work.server.ts, the items to show, each with its count and where to act. Pure.
import type { SitePath } from './paths';
import type { TaskCounts } from './task-list';

export const waitingKinds = [
  'answer_officer',
  'confirm_deployment',
  'claim',
  'enquiries_to_quote',
  'deployments_to_report',
  'claims_to_check',
  'payments_to_release',
  'vendors_to_decide',
  'listings_to_vet',
  'budget_low',
  'holidays_missing',
] as const;
export type WaitingKind = (typeof waitingKinds)[number];

/** `href` null: shown for information, the work is done by others (e.g. officers' vetting, seen by the administrator). */
export type WaitingItem = { kind: WaitingKind; count: number; href: SitePath | null; values?: Record<string, string | number> };

const present = (items: WaitingItem[]) => items.filter((item) => item.count > 0);

/** The shop owner's moves, from the same counts as the task list (so the two never disagree). */
export function shopWaiting(counts: Pick<TaskCounts, 'applications'>): WaitingItem[] {
  const apps = counts.applications;
  return present([
    { kind: 'answer_officer', count: apps.info_requested ?? 0, href: '/applications' },
    { kind: 'confirm_deployment', count: apps.deployment_reported ?? 0, href: '/applications' },
    { kind: 'claim', count: apps.deployed ?? 0, href: '/applications' },
  ]);
}

export function vendorWaiting(counts: { enquiriesToQuote: number; deploymentsToReport: number }): WaitingItem[] {
  return present([
    { kind: 'enquiries_to_quote', count: counts.enquiriesToQuote, href: '/vendor/enquiries?status=sent' },
    { kind: 'deployments_to_report', count: counts.deploymentsToReport, href: '/vendor/applications' },
  ]);
}

/** Claims and payments the officer may act on: none linked to them, and payments that someone else prepared. */
export function officerWaiting(counts: { claimsToCheck: number; paymentsToRelease: number }): WaitingItem[] {
  return present([
    { kind: 'claims_to_check', count: counts.claimsToCheck, href: '/officer/claims' },
    { kind: 'payments_to_release', count: counts.paymentsToRelease, href: '/officer/claims' },
  ]);
}

/** Below this share of the budget left, the administrator is warned (in basis points: 1000 = 10%). */
export const BUDGET_LOW_BASIS_POINTS = 1000;
/** From this month (1–12) on, next year's public holidays should be recorded: the Government gazettes them mid-year. */
export const HOLIDAYS_DUE_MONTH = 7;

export function budgetIsLow({ budgetCents, approvedCents }: { budgetCents: number; approvedCents: number }): boolean {
  if (budgetCents <= 0) return true;
  return (budgetCents - approvedCents) * 10_000 < budgetCents * BUDGET_LOW_BASIS_POINTS;
}

/**
 * The administrator's items: vendor enrolments and listings waiting for officers, the budget nearly spent, and next
 * year's public holidays missing (the service standard's working days would be counted wrongly from 1 January).
 * `today` is the Hong Kong calendar day 'YYYY-MM-DD'.
 */
export function adminWaiting(counts: {
  pendingVendors: number;
  pendingListings: number;
  budgetCents: number;
  approvedCents: number;
  holidaysNextYear: number;
  today: string;
}): WaitingItem[] {
  const year = Number(counts.today.slice(0, 4));
  const month = Number(counts.today.slice(5, 7));
  const remainingCents = Math.max(0, counts.budgetCents - counts.approvedCents);
  return present([
    // The officers decide these (the administrator may not open their pages): a count to watch, not a link.
    { kind: 'vendors_to_decide', count: counts.pendingVendors, href: null },
    { kind: 'listings_to_vet', count: counts.pendingListings, href: null },
    {
      kind: 'budget_low',
      count: budgetIsLow(counts) ? 1 : 0,
      href: '/admin/rounds',
      values: { remainingCents, budgetCents: counts.budgetCents },
    },
    {
      kind: 'holidays_missing',
      count: month >= HOLIDAYS_DUE_MONTH && counts.holidaysNextYear === 0 ? 1 : 0,
      href: `/admin/holidays?year=${year + 1}`,
      values: { year: year + 1 },
    },
  ]);
}

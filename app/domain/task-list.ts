// The shop owner's home as a task list (issue 13 §4): from counts of what they have, each step's status and the link
// to its next action. Pure: the counts are gathered by app/services/task-list.server.ts.
import type { SitePath } from './paths';
import type { ApplicationStatus } from './application-lifecycle';

export const tasks = ['business_profile', 'eligibility', 'choose_packages', 'enquiries', 'applications', 'deployment', 'claims'] as const;
export type Task = (typeof tasks)[number];

/** GOV.UK task list statuses; "waiting" says who the owner is waiting for, "cannot start yet" has no link. */
export const taskStatuses = ['not_started', 'in_progress', 'waiting_vendor', 'waiting_officer', 'done', 'cannot_start_yet'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export type TaskCounts = {
  enterprises: number;
  /** Enterprises that fail none of the eligibility rules checked before a package is chosen. */
  eligibleEnterprises: number;
  enquiries: { sent: number; confirmed: number; declined: number };
  /** Confirmed enquiries whose quotation has not been used for an application yet. */
  unusedQuotations: number;
  applications: Partial<Record<ApplicationStatus, number>>;
};

export type TaskItem = { task: Task; status: TaskStatus; href: SitePath | null };

const sum = (counts: TaskCounts['applications'], statuses: readonly ApplicationStatus[]) =>
  statuses.reduce((total, status) => total + (counts[status] ?? 0), 0);

const afterDeployment: readonly ApplicationStatus[] = ['deployed', 'claim_submitted', 'claim_approved', 'paid'];

/** Each step of the journey with its status and where to go for it, in the journey's order. */
export function taskList(counts: TaskCounts): TaskItem[] {
  const apps = counts.applications;
  const { sent, confirmed, declined } = counts.enquiries;
  const enquiryTotal = sent + confirmed + declined;
  const applicationTotal = sum(apps, Object.keys(apps) as ApplicationStatus[]);

  const business: TaskItem =
    counts.enterprises === 0
      ? { task: 'business_profile', status: 'not_started', href: '/businesses/new' }
      : { task: 'business_profile', status: 'done', href: '/businesses' };

  const eligibility: TaskItem =
    counts.enterprises === 0
      ? { task: 'eligibility', status: 'cannot_start_yet', href: null }
      : { task: 'eligibility', status: counts.eligibleEnterprises > 0 ? 'done' : 'in_progress', href: '/businesses' };

  const choose: TaskItem = {
    task: 'choose_packages',
    status: enquiryTotal + applicationTotal > 0 ? 'done' : 'not_started',
    href: '/match',
  };

  let enquiries: TaskItem;
  if (enquiryTotal === 0) enquiries = { task: 'enquiries', status: 'cannot_start_yet', href: null };
  else if (sent > 0) enquiries = { task: 'enquiries', status: 'waiting_vendor', href: '/enquiries' };
  else if (confirmed > 0) enquiries = { task: 'enquiries', status: 'done', href: '/enquiries' };
  // Every enquiry declined: choose again.
  else enquiries = { task: 'enquiries', status: 'in_progress', href: '/match' };

  let applications: TaskItem;
  const ownMove = sum(apps, ['draft', 'info_requested']);
  if (ownMove > 0) applications = { task: 'applications', status: 'in_progress', href: '/applications' };
  else if (counts.unusedQuotations > 0) {
    applications = { task: 'applications', status: applicationTotal === 0 ? 'not_started' : 'in_progress', href: '/enquiries' };
  } else if (sum(apps, ['submitted', 'under_review']) > 0)
    applications = { task: 'applications', status: 'waiting_officer', href: '/applications' };
  else if (applicationTotal > 0) applications = { task: 'applications', status: 'done', href: '/applications' };
  else applications = { task: 'applications', status: 'cannot_start_yet', href: null };

  let deployment: TaskItem;
  if ((apps.deployment_reported ?? 0) > 0) deployment = { task: 'deployment', status: 'in_progress', href: '/applications' };
  else if ((apps.approved ?? 0) > 0) deployment = { task: 'deployment', status: 'waiting_vendor', href: '/applications' };
  else if (sum(apps, afterDeployment) > 0) deployment = { task: 'deployment', status: 'done', href: '/applications' };
  else deployment = { task: 'deployment', status: 'cannot_start_yet', href: null };

  let claims: TaskItem;
  const claimed = sum(apps, ['claim_submitted', 'claim_approved', 'paid']);
  if ((apps.deployed ?? 0) > 0) claims = { task: 'claims', status: claimed > 0 ? 'in_progress' : 'not_started', href: '/applications' };
  else if (sum(apps, ['claim_submitted', 'claim_approved']) > 0)
    claims = { task: 'claims', status: 'waiting_officer', href: '/applications' };
  else if ((apps.paid ?? 0) > 0) claims = { task: 'claims', status: 'done', href: '/applications' };
  else claims = { task: 'claims', status: 'cannot_start_yet', href: null };

  return [business, eligibility, choose, enquiries, applications, deployment, claims];
}

/** The first step that waits on the owner (not started or in progress), if any: "what to do next". */
export function nextTask(items: readonly TaskItem[]): TaskItem | undefined {
  return items.find((item) => item.href !== null && (item.status === 'not_started' || item.status === 'in_progress'));
}

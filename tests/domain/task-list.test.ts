import { describe, expect, it } from 'vitest';
import { nextTask, taskList, tasks, type TaskCounts, type TaskStatus } from '../../app/domain/task-list';

const none: TaskCounts = {
  enterprises: 0,
  eligibleEnterprises: 0,
  enquiries: { sent: 0, confirmed: 0, declined: 0 },
  unusedQuotations: 0,
  applications: {},
};
const withBusiness: TaskCounts = { ...none, enterprises: 1, eligibleEnterprises: 1 };
const quoted: TaskCounts = { ...withBusiness, enquiries: { sent: 0, confirmed: 1, declined: 0 }, unusedQuotations: 1 };
const applied = (applications: TaskCounts['applications'], extra: Partial<TaskCounts> = {}): TaskCounts => ({
  ...withBusiness,
  enquiries: { sent: 0, confirmed: Object.values(applications).reduce((a, b) => a + (b ?? 0), 0), declined: 0 },
  applications,
  ...extra,
});

type Row = [label: string, counts: TaskCounts, statuses: TaskStatus[]];
// Columns: business profile, eligibility, choose packages, enquiries, applications, deployment, claims.
const rows: Row[] = [
  [
    'a new account',
    none,
    ['not_started', 'cannot_start_yet', 'not_started', 'cannot_start_yet', 'cannot_start_yet', 'cannot_start_yet', 'cannot_start_yet'],
  ],
  [
    'a business that fails a rule',
    { ...none, enterprises: 1 },
    ['done', 'in_progress', 'not_started', 'cannot_start_yet', 'cannot_start_yet', 'cannot_start_yet', 'cannot_start_yet'],
  ],
  [
    'an eligible business',
    withBusiness,
    ['done', 'done', 'not_started', 'cannot_start_yet', 'cannot_start_yet', 'cannot_start_yet', 'cannot_start_yet'],
  ],
  [
    'enquiries waiting',
    { ...withBusiness, enquiries: { sent: 2, confirmed: 0, declined: 0 } },
    ['done', 'done', 'done', 'waiting_vendor', 'cannot_start_yet', 'cannot_start_yet', 'cannot_start_yet'],
  ],
  [
    'one quoted, one waiting',
    { ...withBusiness, enquiries: { sent: 1, confirmed: 1, declined: 0 }, unusedQuotations: 1 },
    ['done', 'done', 'done', 'waiting_vendor', 'not_started', 'cannot_start_yet', 'cannot_start_yet'],
  ],
  [
    'every enquiry declined',
    { ...withBusiness, enquiries: { sent: 0, confirmed: 0, declined: 2 } },
    ['done', 'done', 'done', 'in_progress', 'cannot_start_yet', 'cannot_start_yet', 'cannot_start_yet'],
  ],
  ['a quotation to apply with', quoted, ['done', 'done', 'done', 'done', 'not_started', 'cannot_start_yet', 'cannot_start_yet']],
  ['a draft', applied({ draft: 1 }), ['done', 'done', 'done', 'done', 'in_progress', 'cannot_start_yet', 'cannot_start_yet']],
  ['submitted', applied({ submitted: 1 }), ['done', 'done', 'done', 'done', 'waiting_officer', 'cannot_start_yet', 'cannot_start_yet']],
  [
    'under review',
    applied({ under_review: 1 }),
    ['done', 'done', 'done', 'done', 'waiting_officer', 'cannot_start_yet', 'cannot_start_yet'],
  ],
  [
    'more information asked',
    applied({ info_requested: 1 }),
    ['done', 'done', 'done', 'done', 'in_progress', 'cannot_start_yet', 'cannot_start_yet'],
  ],
  [
    'one submitted, another quotation unused',
    applied({ submitted: 1 }, { unusedQuotations: 1 }),
    ['done', 'done', 'done', 'done', 'in_progress', 'cannot_start_yet', 'cannot_start_yet'],
  ],
  ['approved', applied({ approved: 1 }), ['done', 'done', 'done', 'done', 'done', 'waiting_vendor', 'cannot_start_yet']],
  ['deployment reported', applied({ deployment_reported: 1 }), ['done', 'done', 'done', 'done', 'done', 'in_progress', 'cannot_start_yet']],
  ['deployed', applied({ deployed: 1 }), ['done', 'done', 'done', 'done', 'done', 'done', 'not_started']],
  ['claim submitted', applied({ claim_submitted: 1 }), ['done', 'done', 'done', 'done', 'done', 'done', 'waiting_officer']],
  ['claim approved', applied({ claim_approved: 1 }), ['done', 'done', 'done', 'done', 'done', 'done', 'waiting_officer']],
  ['paid', applied({ paid: 1 }), ['done', 'done', 'done', 'done', 'done', 'done', 'done']],
  [
    'one paid, one to claim (returned claim)',
    applied({ paid: 1, deployed: 1 }),
    ['done', 'done', 'done', 'done', 'done', 'done', 'in_progress'],
  ],
  ['rejected only', applied({ rejected: 1 }), ['done', 'done', 'done', 'done', 'done', 'cannot_start_yet', 'cannot_start_yet']],
  ['lapsed only', applied({ lapsed: 1 }), ['done', 'done', 'done', 'done', 'done', 'cannot_start_yet', 'cannot_start_yet']],
];

describe('taskList', () => {
  it.each(rows)('%s', (_label, counts, statuses) => {
    const items = taskList(counts);
    expect(items.map((i) => i.task)).toEqual([...tasks]);
    expect(items.map((i) => i.status)).toEqual(statuses);
  });

  it.each(rows)('%s: a link exactly when the step can be acted on or followed', (_label, counts) => {
    for (const item of taskList(counts)) {
      if (item.status === 'cannot_start_yet') expect(item.href).toBeNull();
      else expect(item.href).toMatch(/^\/[a-z/]+$/);
    }
  });

  it('points the next action at the first step that waits on the owner', () => {
    expect(nextTask(taskList(none))).toMatchObject({ task: 'business_profile', href: '/businesses/new' });
    expect(nextTask(taskList(withBusiness))).toMatchObject({ task: 'choose_packages', href: '/match' });
    expect(nextTask(taskList(quoted))).toMatchObject({ task: 'applications', href: '/enquiries' });
    expect(nextTask(taskList(applied({ info_requested: 1 })))).toMatchObject({ task: 'applications', href: '/applications' });
    expect(nextTask(taskList(applied({ deployed: 1 })))).toMatchObject({ task: 'claims', href: '/applications' });
    // Only waiting or done: nothing for the owner to do now.
    expect(nextTask(taskList(applied({ submitted: 1 })))).toBeUndefined();
    expect(nextTask(taskList(applied({ paid: 1 })))).toBeUndefined();
  });
});

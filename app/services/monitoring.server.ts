// The programme's state for the metrics endpoint: three aggregate queries (applications by status with their
// programme share, outbox backlog by topic, the current budget), cheap enough to run at every scrape.
import type { DB } from '../../db/client';
import { applicationStatuses, committedStatuses } from '../domain/application-lifecycle';
import type { ProgrammeState } from '../lib/metrics.server';
import { getCurrentSettings } from './settings.server';
import { budgetStatuses } from '../domain/application-lifecycle';

export async function programmeState(db: DB): Promise<ProgrammeState> {
  const [byStatus, outbox, settings] = await Promise.all([
    db
      .selectFrom('applications')
      .select((eb) => ['status', eb.fn.countAll<string>().as('count'), eb.fn.sum<string | null>('programmeCents').as('programmeCents')])
      .where('status', '<>', 'draft')
      .groupBy('status')
      .execute(),
    db
      .selectFrom('outbox')
      .select((eb) => ['topic', 'status', eb.fn.countAll<string>().as('count'), eb.fn.min('createdAt').as('oldest')])
      .where('status', 'in', ['pending', 'failed'])
      .groupBy(['topic', 'status'])
      .execute(),
    getCurrentSettings(db),
  ]);
  let committedCents = 0;
  let approvedCents = 0;
  for (const row of byStatus) {
    const cents = Number(row.programmeCents ?? 0);
    if (committedStatuses.includes(row.status)) committedCents += cents;
    if ((budgetStatuses as readonly string[]).includes(row.status)) approvedCents += cents;
  }
  return {
    // Every status, zeros included: an alert on a series that does not exist yet never fires.
    applicationsByStatus: applicationStatuses
      .filter((status) => status !== 'draft')
      .map((status) => ({ status, count: Number(byStatus.find((row) => row.status === status)?.count ?? 0) })),
    outbox: outbox.map((row) => ({
      topic: row.topic,
      status: row.status as 'pending' | 'failed',
      count: Number(row.count),
      oldest: row.oldest ? new Date(row.oldest) : null,
    })),
    budgetCents: settings.budgetCents,
    approvedCents,
    committedCents,
  };
}

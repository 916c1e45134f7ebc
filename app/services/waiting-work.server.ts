// The counts behind each person's "waiting for you" list on their home page (read only). Which counts become items
// is app/domain/waiting-work.ts.
import type { DB } from '../../db/client';
import { hongKongDay } from '../domain/dates';
import { adminWaiting, officerWaiting, shopWaiting, vendorWaiting, type WaitingItem } from '../domain/waiting-work';
import type { TaskCounts } from '../domain/task-list';
import { budgetPosition } from './officer.server';
import { ownedByVendor } from './ownership.server';

/** The shop owner's items come from the task list's counts, gathered once for both. */
export function shopWaitingWork(counts: TaskCounts): WaitingItem[] {
  return shopWaiting(counts);
}

export async function vendorWaitingWork({ db, userId }: { db: DB; userId: number }): Promise<WaitingItem[]> {
  const row = await db
    .selectFrom('vendors as vd')
    .select((eb) => [
      eb
        .selectFrom('enquiries as e')
        .innerJoin('solutions as s', 's.id', 'e.solutionId')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('s.vendorId', '=', 'vd.id')
        .where('e.status', '=', 'sent')
        .as('enquiriesToQuote'),
      eb
        .selectFrom('applications as a')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('a.vendorId', '=', 'vd.id')
        .where('a.status', '=', 'approved')
        .as('deploymentsToReport'),
    ])
    .where((eb) => ownedByVendor(eb, userId))
    .where('vd.status', '=', 'enrolled')
    .executeTakeFirst();
  if (!row) return [];
  return vendorWaiting({ enquiriesToQuote: Number(row.enquiriesToQuote ?? 0), deploymentsToReport: Number(row.deploymentsToReport ?? 0) });
}

/**
 * Claims to check and payments to release that this officer may act on: not for a business the officer owns or
 * declared a link to, and (for payments) not prepared by the officer.
 */
export async function officerWaitingWork({ db, officerId }: { db: DB; officerId: number }): Promise<WaitingItem[]> {
  const row = await db
    .selectFrom('applications as a')
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .leftJoin('payments as p', 'p.applicationId', 'a.id')
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere('a.status', '=', 'claim_submitted').as('claimsToCheck'),
      eb.fn
        .countAll<string>()
        .filterWhere((w) =>
          w.and([w('a.status', '=', 'claim_approved'), w('p.status', '=', 'prepared'), w('p.preparedBy', '<>', officerId)]),
        )
        .as('paymentsToRelease'),
    ])
    .where('a.status', 'in', ['claim_submitted', 'claim_approved'])
    .where('ent.ownerUserId', '<>', officerId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('officerConflicts as c')
            .select('c.officerId')
            .whereRef('c.enterpriseId', '=', 'a.enterpriseId')
            .where('c.officerId', '=', officerId),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return officerWaiting({ claimsToCheck: Number(row.claimsToCheck), paymentsToRelease: Number(row.paymentsToRelease) });
}

export async function adminWaitingWork({ db, now = new Date() }: { db: DB; now?: Date }): Promise<WaitingItem[]> {
  const today = hongKongDay(now);
  const nextYear = Number(today.slice(0, 4)) + 1;
  const [vendors, listings, budget, holidays] = await Promise.all([
    db
      .selectFrom('vendors')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('solutionVersions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'pending_review')
      .executeTakeFirstOrThrow(),
    budgetPosition(db),
    db
      .selectFrom('publicHolidays')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('day', '>=', `${nextYear}-01-01`)
      .where('day', '<=', `${nextYear}-12-31`)
      .executeTakeFirstOrThrow(),
  ]);
  return adminWaiting({
    pendingVendors: Number(vendors.n),
    pendingListings: Number(listings.n),
    budgetCents: budget.budgetCents,
    approvedCents: budget.approvedCents,
    holidaysNextYear: Number(holidays.n),
    today,
  });
}

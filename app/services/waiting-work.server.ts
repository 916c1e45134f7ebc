// The counts behind each person's "waiting for you" list on their home page (read only). Which counts become items
// is app/domain/waiting-work.ts.
import type { DB } from '../../db/client';
import { hongKongDay } from '../domain/dates';
import { adminWaiting, officerWaiting, shopWaiting, vendorWaiting, type WaitingItem } from '../domain/waiting-work';
import type { TaskCounts } from '../domain/task-list';
import { budgetPosition, countInBudgetStatus } from './officer.server';
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
 * declared a link to, and (for payments) not prepared by the officer. Read so that the cost does not grow with the
 * programme (issue 15 §5): the claims waiting are the kept count (migration 2026-12-03T0400) less those of the
 * officer's own and linked businesses (a handful, by index); the payments are read from the prepared ones only.
 */
export async function officerWaitingWork({ db, officerId }: { db: DB; officerId: number }): Promise<WaitingItem[]> {
  const linkedEnterprises = db
    .selectFrom('enterprises')
    .select('id')
    .where('ownerUserId', '=', officerId)
    .union(db.selectFrom('officerConflicts').select('enterpriseId as id').where('officerId', '=', officerId));
  const [claimsWaiting, linkedClaims, payments] = await Promise.all([
    countInBudgetStatus(db, 'claim_submitted'),
    db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'claim_submitted')
      .where('enterpriseId', 'in', linkedEnterprises)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('payments as p')
      .innerJoin('applications as a', 'a.id', 'p.applicationId')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('p.status', '=', 'prepared')
      .where('p.preparedBy', '<>', officerId)
      .where('a.status', '=', 'claim_approved')
      .where('a.enterpriseId', 'not in', linkedEnterprises)
      .executeTakeFirstOrThrow(),
  ]);
  return officerWaiting({ claimsToCheck: claimsWaiting - Number(linkedClaims.n), paymentsToRelease: Number(payments.n) });
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

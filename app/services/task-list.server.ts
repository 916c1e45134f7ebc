// The counts behind the shop owner's task list (read only): businesses and their eligibility, enquiries, unused
// quotations and applications by status. The statuses themselves are app/domain/task-list.ts.
import type { DB } from '../../db/client';
import { isEligible } from '../domain/eligibility';
import type { TaskCounts } from '../domain/task-list';
import { getCurrentSettings } from './settings.server';
import { eligibilityOf } from './enterprises.server';
import { ownedByShop } from './ownership.server';

/** Businesses whose eligibility is checked for the list; an owner with more is rare, and the rest count as unchecked. */
const MAX_CHECKED = 20;

export async function taskCountsFor({ db, userId, now = new Date() }: { db: DB; userId: number; now?: Date }): Promise<TaskCounts> {
  const [enterprises, enquiries, unused, applications, settings] = await Promise.all([
    db
      .selectFrom('enterprises as ent')
      .selectAll()
      .where((eb) => ownedByShop(eb, userId))
      .orderBy('id')
      .limit(MAX_CHECKED)
      .execute(),
    db
      .selectFrom('enquiries as e')
      .innerJoin('enterprises as ent', 'ent.id', 'e.enterpriseId')
      .select(['e.status', (eb) => eb.fn.countAll<string>().as('count')])
      .where((eb) => ownedByShop(eb, userId))
      .groupBy('e.status')
      .execute(),
    db
      .selectFrom('quotations as q')
      .innerJoin('enquiries as e', 'e.id', 'q.enquiryId')
      .innerJoin('enterprises as ent', 'ent.id', 'e.enterpriseId')
      .leftJoin('applications as a', 'a.quotationId', 'q.id')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where((eb) => ownedByShop(eb, userId))
      .where('a.id', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('applications as a')
      .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
      .select(['a.status', (eb) => eb.fn.countAll<string>().as('count')])
      .where((eb) => ownedByShop(eb, userId))
      .groupBy('a.status')
      .execute(),
    getCurrentSettings(db),
  ]);
  const total = await db
    .selectFrom('enterprises as ent')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where((eb) => ownedByShop(eb, userId))
    .executeTakeFirstOrThrow();
  let eligibleEnterprises = 0;
  for (const enterprise of enterprises) {
    if (isEligible(await eligibilityOf({ db, enterprise, now, settings }))) eligibleEnterprises++;
  }
  const enquiryCount = (status: string) => Number(enquiries.find((r) => r.status === status)?.count ?? 0);
  return {
    enterprises: Number(total.count),
    eligibleEnterprises,
    enquiries: { sent: enquiryCount('sent'), confirmed: enquiryCount('confirmed'), declined: enquiryCount('declined') },
    unusedQuotations: Number(unused.count),
    applications: Object.fromEntries(applications.map((r) => [r.status, Number(r.count)])),
  };
}

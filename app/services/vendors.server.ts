// Reading a vendor's own profile and listings; ownership is in the WHERE clause.
import type { DB } from '../../db/client';

export async function getVendorForUser({ db, userId }: { db: DB; userId: number }) {
  return db
    .selectFrom('vendors')
    .select(['id', 'nameEn', 'nameZhHk', 'nameZhCn', 'brNumber', 'contactEmail', 'phone', 'website', 'status'])
    .where('userId', '=', userId)
    .executeTakeFirst();
}

export async function listVendorSolutions({ db, vendorId }: { db: DB; vendorId: number }) {
  return db
    .selectFrom('solutions as s')
    .leftJoin('solutionVersions as v', 'v.id', 's.listedVersionId')
    .select(['s.id', 's.category', 's.sector', 's.status', 'v.nameEn', 'v.nameZhHk', 'v.nameZhCn', 'v.pricingModel', 'v.priceCents'])
    .where('s.vendorId', '=', vendorId)
    .orderBy('s.category')
    .orderBy('s.sector')
    .execute();
}

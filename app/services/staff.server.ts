// Staff accounts: only an admin creates officers and admins; nobody can register as one.
import type { DB } from '../../db/client';
import type { Locale } from '../../db/schema';
import { registerUser, type RegisterResult } from './auth.server';
import { countRows, paginate } from './pagination.server';

export const STAFF_PAGE_SIZE = 25;

export async function listStaff({ db, page }: { db: DB; page: number }) {
  const base = db.selectFrom('users').where('role', 'in', ['officer', 'admin']);
  return paginate({
    page,
    pageSize: STAFF_PAGE_SIZE,
    count: () => countRows(base),
    fetch: ({ limit, offset }) =>
      base.select(['id', 'email', 'displayName', 'role', 'createdAt']).orderBy('id').limit(limit).offset(offset).execute(),
  });
}

export async function createStaffAccount({
  db,
  adminId,
  input,
}: {
  db: DB;
  adminId: number;
  input: { email: string; displayName: string; password: string; role: 'officer' | 'admin'; locale: Locale };
}): Promise<RegisterResult> {
  return registerUser({ db, input: { ...input, createdBy: adminId } });
}

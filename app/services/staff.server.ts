// Staff accounts: only an admin creates officers and admins; nobody can register as one.
import type { DB } from '../../db/client';
import type { Locale } from '../../db/schema';
import { registerUser, type RegisterResult } from './auth.server';

export const STAFF_PAGE_SIZE = 25;

export async function listStaff({ db, page }: { db: DB; page: number }) {
  const base = db.selectFrom('users').where('role', 'in', ['officer', 'admin']);
  const { total } = await base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const pageCount = Math.max(1, Math.ceil(Number(total) / STAFF_PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const rows = await base
    .select(['id', 'email', 'displayName', 'role', 'createdAt'])
    .orderBy('id')
    .limit(STAFF_PAGE_SIZE)
    .offset((current - 1) * STAFF_PAGE_SIZE)
    .execute();
  return { rows, page: current, pageCount };
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

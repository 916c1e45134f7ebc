// Accounts and sessions: register, log in with throttling, log out, change password, create staff accounts.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { DB } from '../../db/client';
import type { Locale, Role, User } from '../../db/schema';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../lib/password.server';

export const LOGIN_MAX_FAILURES = 10;
export const LOGIN_WINDOW_MINUTES = 15;
export const SESSION_DAYS = 14;

export type SessionUser = Pick<User, 'id' | 'email' | 'role' | 'displayName' | 'locale'>;

const normalise = (email: string) => email.trim().toLowerCase();
const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
const sessionExpiry = () => new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);

export type RegisterResult = { ok: true; user: SessionUser } | { ok: false; code: 'email_taken' };

export async function registerUser({
  db,
  input,
}: {
  db: DB;
  input: { email: string; password: string; displayName: string; role: Role; locale: Locale; createdBy?: number };
}): Promise<RegisterResult> {
  const passwordHash = await hashPassword(input.password);
  const row = await db
    .insertInto('users')
    .values({
      email: normalise(input.email),
      passwordHash,
      role: input.role,
      displayName: input.displayName.trim(),
      locale: input.locale,
      createdBy: input.createdBy ?? null,
    })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returning(['id', 'email', 'role', 'displayName', 'locale'])
    .executeTakeFirst();
  return row ? { ok: true, user: row } : { ok: false, code: 'email_taken' };
}

export type LoginResult =
  | { ok: true; user: SessionUser }
  | { ok: false; code: 'invalid_credentials' | 'too_many_attempts' };

/**
 * Checks a password. After LOGIN_MAX_FAILURES failures for the same account and address within the window, the
 * password is not even checked: the answer is 'too_many_attempts' until the window has passed.
 */
export async function attemptLogin({
  db,
  email,
  password,
  ip,
}: {
  db: DB;
  email: string;
  password: string;
  ip: string;
}): Promise<LoginResult> {
  const key = normalise(email);
  const { failures } = await db
    .selectFrom('loginAttempts')
    .select((eb) => eb.fn.countAll<number>().as('failures'))
    .where('email', '=', key)
    .where('ip', '=', ip)
    .where('succeeded', '=', false)
    .where('createdAt', '>', sql<Date>`now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})`)
    .executeTakeFirstOrThrow();
  if (Number(failures) >= LOGIN_MAX_FAILURES) return { ok: false, code: 'too_many_attempts' };

  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'role', 'displayName', 'locale', 'passwordHash'])
    .where(sql`lower(email)`, '=', key)
    .executeTakeFirst();
  const valid = await verifyPassword({ hash: user?.passwordHash ?? (await dummyPasswordHash()), password });
  const succeeded = Boolean(user) && valid;
  await db.insertInto('loginAttempts').values({ email: key, ip, succeeded }).execute();
  if (!user || !succeeded) return { ok: false, code: 'invalid_credentials' };
  const { passwordHash: _omit, ...sessionUser } = user;
  return { ok: true, user: sessionUser };
}

/** Creates a session and returns the token for the cookie; only its hash is stored. */
export async function createSession({ db, userId }: { db: DB; userId: number }): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id: tokenHash(token),
      userId,
      expiresAt: sessionExpiry(),
    })
    .execute();
  return token;
}

export async function findSessionUser({ db, token }: { db: DB; token: string }): Promise<SessionUser | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(['users.id', 'users.email', 'users.role', 'users.displayName', 'users.locale'])
    .where('sessions.id', '=', tokenHash(token))
    .where('sessions.expiresAt', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

export async function deleteSession({ db, token }: { db: DB; token: string }): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', tokenHash(token)).execute();
}

export type ChangePasswordResult = { ok: true; token: string } | { ok: false; code: 'wrong_current_password' };

/** Changes the password and ends every other session of the user; returns a fresh session token. */
export async function changePassword({
  db,
  userId,
  currentPassword,
  newPassword,
}: {
  db: DB;
  userId: number;
  currentPassword: string;
  newPassword: string;
}): Promise<ChangePasswordResult> {
  const user = await db.selectFrom('users').select('passwordHash').where('id', '=', userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword({ hash: user.passwordHash, password: currentPassword }))) {
    return { ok: false, code: 'wrong_current_password' };
  }
  const passwordHash = await hashPassword(newPassword);
  const token = crypto.randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ passwordHash, passwordChangedAt: new Date() }).where('id', '=', userId).execute();
    await trx.deleteFrom('sessions').where('userId', '=', userId).execute();
    await trx
      .insertInto('sessions')
      .values({
        id: tokenHash(token),
        userId,
        expiresAt: sessionExpiry(),
      })
      .execute();
  });
  return { ok: true, token };
}

export async function setUserLocale({ db, userId, locale }: { db: DB; userId: number; locale: Locale }) {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}

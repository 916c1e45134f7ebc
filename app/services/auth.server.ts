// Accounts and sessions: register, log in with throttling, log out, change password, create staff accounts.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { DB } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import type { Locale, Role, User } from '../../db/schema';
import { ACCOUNT_WINDOW_HOURS, PAIR_WINDOW_MINUTES, TRUSTED_DEVICE_DAYS, throttleDecision } from '../domain/login-throttle';
import { hongKongDay } from '../domain/dates';
import { notify } from './notifications.server';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../lib/password.server';

export { PAIR_MAX_FAILURES as LOGIN_MAX_FAILURES, PAIR_WINDOW_MINUTES as LOGIN_WINDOW_MINUTES } from '../domain/login-throttle';
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

const REGISTRATION_ATTEMPT = 'registration_attempt';

/**
 * Someone tried to register an email that already has an account. The form answers exactly as for a new account (so
 * that it cannot be used to find out who has one); the owner is told instead, in the portal and through the
 * notification outbox, at most once a day.
 */
export async function tellOwnerOfRegistrationAttempt({ db, email }: { db: DB; email: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const owner = await trx
      .selectFrom('users')
      .select(['id', 'email', 'locale'])
      .where(sql`lower(email)`, '=', normalise(email))
      .forUpdate()
      .executeTakeFirst();
    if (!owner) return;
    const recent = await trx
      .selectFrom('notifications')
      .select('id')
      .where('userId', '=', owner.id)
      .where('template', '=', REGISTRATION_ATTEMPT)
      .where('createdAt', '>', sql<Date>`now() - interval '1 day'`)
      .executeTakeFirst();
    if (recent) return;
    // Keyed by the Hong Kong day, so two attempts at the same moment still tell the owner once.
    await notify(trx, {
      userId: owner.id,
      template: REGISTRATION_ATTEMPT,
      params: {},
      sourceKey: `registration-attempt:${hongKongDay(new Date())}`,
      to: { email: owner.email },
      locale: owner.locale,
    });
  });
}

export type LoginResult =
  /**
   * deviceToken: for the browser's device cookie (the one it sent, renewed, or a new one). sessionToken: the new
   * session's token when one was asked for. ownsEnterprise: whether the user owns a business (where a login lands).
   */
  | { ok: true; user: SessionUser; deviceToken: string; sessionToken?: string; ownsEnterprise: boolean }
  | { ok: false; code: 'invalid_credentials' }
  | { ok: false; code: 'too_many_attempts'; retryAfterSeconds: number };

type LoginUser = SessionUser & { passwordHash: string; ownsEnterprise: boolean };

// The login's statements, compiled once and sent as named statements (ADR 027): every sign-in runs them.

/** The per-account lock: parallel guesses at one account queue here one by one. */
const accountLock = preparedQuery(
  'login_lock',
  (_db, v: { key: string }) => sql<{ locked: unknown }>`select pg_advisory_xact_lock(hashtextextended('login:' || ${v.key}, 0)) as locked`,
);

/** The throttle's state, whether this browser is trusted for the account, and the account itself. */
const throttleState = preparedQuery(
  'login_state',
  (_db, v: { key: string; ip: string; device: string | null }) =>
    sql<{
      pairFailures: number;
      oldestPairFailureAt: Date | null;
      accountFailures: number;
      latestAccountFailureAt: Date | null;
      now: Date;
      trustedDevice: boolean;
      user: LoginUser | null;
    }>`
    with last_success as (
      select coalesce(max(created_at), '-infinity') as at from login_attempts where email = ${v.key} and succeeded
    ), pair as (
      select created_at from login_attempts
      where email = ${v.key} and ip = ${v.ip} and succeeded is not true
        and created_at > now() - make_interval(mins => ${PAIR_WINDOW_MINUTES})
    ), account as (
      -- After the last success only failures (and checks still running) remain: the scan reads no successes.
      select created_at from login_attempts
      where email = ${v.key} and succeeded is not true
        and created_at > greatest((select at from last_success), now() - make_interval(hours => ${ACCOUNT_WINDOW_HOURS}))
    )
    select
      (select count(*)::int from pair) as "pairFailures",
      (select min(created_at) from pair) as "oldestPairFailureAt",
      (select count(*)::int from account) as "accountFailures",
      (select max(created_at) from account) as "latestAccountFailureAt",
      now() as "now",
      exists (
        select 1 from login_devices where id = ${v.device} and email = ${v.key} and expires_at > now()
      ) as "trustedDevice",
      (
        select json_build_object(
          'id', u.id, 'email', u.email, 'role', u.role, 'displayName', u.display_name, 'locale', u.locale,
          'passwordHash', u.password_hash,
          'ownsEnterprise', exists (select 1 from enterprises where owner_user_id = u.id)
        )
        from users u where lower(u.email) = ${v.key}
      ) as "user"
  `,
);

/** A slot to check one password: counts as a failure until the check ends. */
const takeSlot = preparedQuery('login_slot', (db, v: { key: string; ip: string }) =>
  db.insertInto('loginAttempts').values({ email: v.key, ip: v.ip, succeeded: null }).returning('id'),
);

const slotFailed = preparedQuery('login_failed', (db, v: { id: number }) =>
  db.updateTable('loginAttempts').set({ succeeded: false }).where('id', '=', v.id),
);

/**
 * A success in one statement: the slot recorded as one, the browser trusted for TRUSTED_DEVICE_DAYS (renewed at each
 * login), and with `session` the new session.
 */
const succeeded = (session: boolean) =>
  preparedQuery(
    session ? 'login_succeeded_session' : 'login_succeeded',
    (db, v: { id: number; deviceId: string; key: string; userId: number; sessionId: string; sessionExpiresAt: Date }) => {
      const expiresAt = sql<Date>`now() + make_interval(days => ${TRUSTED_DEVICE_DAYS})`;
      const query = db
        .with('slot', (qb) => qb.updateTable('loginAttempts').set({ succeeded: true }).where('id', '=', v.id))
        .with('device', (qb) =>
          qb
            .insertInto('loginDevices')
            .values({ id: v.deviceId, email: v.key, expiresAt })
            .onConflict((oc) => oc.columns(['id', 'email']).doUpdateSet({ expiresAt })),
        );
      return session
        ? query
            .with('session', (qb) => qb.insertInto('sessions').values({ id: v.sessionId, userId: v.userId, expiresAt: v.sessionExpiresAt }))
            .selectNoFrom((eb) => eb.lit(1).as('done'))
        : query.selectNoFrom((eb) => eb.lit(1).as('done'));
    },
  );
const loginSucceeded = { withSession: succeeded(true), withoutSession: succeeded(false) };

/**
 * Takes one slot to check a password, or says how long to wait. Under a per-account lock, so that parallel guesses
 * queue here one by one: each sees the slots taken before it (a slot counts as a failure until its check ends).
 * The lock is a statement of its own: the statement after it takes its snapshot once the lock is held, so it sees
 * every slot committed before. That statement reads the throttle's state, whether this browser is trusted for the
 * account, and the account itself (five statements in all with BEGIN and COMMIT, and the slot's insert).
 */
async function reserveCheck({
  db,
  key,
  ip,
  deviceToken,
}: {
  db: DB;
  key: string;
  ip: string;
  deviceToken?: string;
}): Promise<{ ok: true; id: number; trustedDevice: boolean; user: LoginUser | undefined } | { ok: false; retryAfterSeconds: number }> {
  return db.transaction().execute(async (trx) => {
    await accountLock.execute(trx, { key });
    const device = deviceToken && DEVICE_TOKEN.test(deviceToken) ? tokenHash(deviceToken) : null;
    const state = (await throttleState.executeTakeFirst(trx, { key, ip, device }))!;
    const trustedDevice = device !== null && state.trustedDevice;
    const decision = throttleDecision(state, state.now, { trustedDevice });
    if (!decision.ok) return decision;
    const slot = (await takeSlot.executeTakeFirst(trx, { key, ip }))!;
    return { ok: true as const, id: slot.id, trustedDevice, user: state.user ?? undefined };
  });
}

/**
 * Checks a password, throttled per account and address (PAIR_MAX_FAILURES in PAIR_WINDOW_MINUTES) and per account from
 * any address (a growing wait past ACCOUNT_FREE_FAILURES). A refused attempt checks no password and is not recorded.
 * With `startSession`, a successful login also creates the session, in the statement that records the success and
 * trusts the device (one statement after the password check, whatever the outcome).
 */
export async function attemptLogin({
  db,
  email,
  password,
  ip,
  deviceToken,
  startSession = false,
}: {
  db: DB;
  email: string;
  password: string;
  ip: string;
  /** The browser's device cookie, if it has one: exempts it from the account-wide wait if it signed in here before. */
  deviceToken?: string;
  startSession?: boolean;
}): Promise<LoginResult> {
  const key = normalise(email);
  const slot = await reserveCheck({ db, key, ip, deviceToken });
  if (!slot.ok) return { ok: false, code: 'too_many_attempts', retryAfterSeconds: slot.retryAfterSeconds };
  try {
    const { user } = slot;
    const valid = await verifyPassword({ hash: user?.passwordHash ?? (await dummyPasswordHash()), password });
    if (!user || !valid) {
      await slotFailed.execute(db, { id: slot.id });
      return { ok: false, code: 'invalid_credentials' };
    }
    // A token already trusted for this account is kept; any other (none, expired, another account's, or one planted
    // in the browser by someone else) is replaced by a new one, so nobody can arrange to know the token of the
    // owner's browser.
    const newDeviceToken = slot.trustedDevice && deviceToken ? deviceToken : crypto.randomBytes(32).toString('base64url');
    const sessionToken = startSession ? crypto.randomBytes(32).toString('base64url') : undefined;
    await (sessionToken ? loginSucceeded.withSession : loginSucceeded.withoutSession).execute(db, {
      id: slot.id,
      deviceId: tokenHash(newDeviceToken),
      key,
      userId: user.id,
      sessionId: sessionToken ? tokenHash(sessionToken) : '',
      sessionExpiresAt: sessionExpiry(),
    });
    const { passwordHash: _omit, ownsEnterprise, ...sessionUser } = user;
    return { ok: true, user: sessionUser, deviceToken: newDeviceToken, ownsEnterprise, ...(sessionToken ? { sessionToken } : {}) };
  } catch (error) {
    // No password was checked (e.g. the hashing queue was full): give the slot back.
    await db
      .deleteFrom('loginAttempts')
      .where('id', '=', slot.id)
      .where('succeeded', 'is', null)
      .execute()
      .catch(() => {});
    throw error;
  }
}

const DEVICE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

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

/** What every signed-in page needs besides the page's own data: the user, their unread count and the public version. */
export type SessionState = { user: SessionUser; unread: number; publicVersion: string };

// Every signed-in request asks this: prepared once per connection (ADR 027).
const sessionState = preparedQuery(
  'session_state',
  (_db, v: { id: string }) =>
    sql<SessionUser & { unread: number; publicVersion: string | null }>`
    select u.id, u.email, u.role, u.display_name, u.locale,
      (select count(*)::int from notifications n where n.user_id = u.id and n.read_at is null) as unread,
      (select version::text from public_version where id = 1) as public_version
    from sessions s join users u on u.id = s.user_id
    where s.id = ${v.id} and s.expires_at > now()`,
);

/**
 * The session's user with their unread notifications and the public version (catalogue and settings, ADR 015) in ONE
 * round trip: a signed-in page needs all three, and each query is a socket write and read (dear here). Undefined when
 * the session is unknown or expired.
 */
export async function findSessionState({ db, token }: { db: DB; token: string }): Promise<SessionState | undefined> {
  const row = await sessionState.executeTakeFirst(db, { id: tokenHash(token) });
  if (!row) return undefined;
  const { unread, publicVersion, ...user } = row;
  return { user, unread, publicVersion: publicVersion ?? '0' };
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

/** Login attempts are kept this long (for the throttle a day is enough; the rest is for looking into attacks). */
export const LOGIN_ATTEMPTS_KEPT_DAYS = 30;

/** Deletes expired sessions and old login attempts. Safe to run in every process at once (plain deletes). */
export async function purgeExpired({ db }: { db: DB }): Promise<{ sessions: number; loginAttempts: number; loginDevices: number }> {
  const sessions = await db
    .deleteFrom('sessions')
    .where('expiresAt', '<', sql<Date>`now()`)
    .executeTakeFirst();
  const loginDevices = await db
    .deleteFrom('loginDevices')
    .where('expiresAt', '<', sql<Date>`now()`)
    .executeTakeFirst();
  const loginAttempts = await db
    .deleteFrom('loginAttempts')
    .where('createdAt', '<', sql<Date>`now() - make_interval(days => ${LOGIN_ATTEMPTS_KEPT_DAYS})`)
    .executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    loginAttempts: Number(loginAttempts.numDeletedRows),
    loginDevices: Number(loginDevices.numDeletedRows),
  };
}

export async function setUserLocale({ db, userId, locale }: { db: DB; userId: number; locale: Locale }) {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}

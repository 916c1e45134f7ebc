// Who is asking: the session cookie's user, and the guards every non-public loader and action calls first.
import { redirect, type AppLoadContext } from '@remix-run/node';
import type { Role } from '../../db/schema';
import { createSession, deleteSession, findSessionState, SESSION_DAYS, type SessionState, type SessionUser } from './auth.server';
import { TRUSTED_DEVICE_DAYS } from '../domain/login-throttle';
import { ownsAnyEnterprise } from './enterprises.server';
import { deviceCookie, sessionCookie } from '../lib/cookies.server';
import { noteUser } from '../lib/logging.server';

async function sessionToken(request: Request, context: AppLoadContext): Promise<string | undefined> {
  const value: unknown = await sessionCookie(context.secureCookies).parse(request.headers.get('Cookie'));
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

// One lookup per request, however many loaders ask. Keyed on the load context (one per request; Remix gives each
// loader its own Request), then on the cookie header, so a context reused with another cookie never sees this user.
// The lookup brings the unread count and the public version along (findSessionState: one round trip).
const cache = new WeakMap<AppLoadContext, Map<string, Promise<SessionState | undefined>>>();

/** The session's user, unread count and public version, looked up once per request. */
export function getSessionState(request: Request, context: AppLoadContext): Promise<SessionState | undefined> {
  const cookie = request.headers.get('Cookie') ?? '';
  let byCookie = cache.get(context);
  if (!byCookie) {
    byCookie = new Map();
    cache.set(context, byCookie);
  }
  let found = byCookie.get(cookie);
  if (!found) {
    found = sessionToken(request, context)
      .then((token) => (token ? findSessionState({ db: context.db, token }) : undefined))
      .then((state) => {
        noteUser(context, state?.user); // the request's log line names the user
        return state;
      });
    byCookie.set(cookie, found);
  }
  return found;
}

export function getUser(request: Request, context: AppLoadContext): Promise<SessionUser | undefined> {
  return getSessionState(request, context).then((state) => state?.user);
}

/** After a session ends or changes within a request, the next getUser looks it up again. */
export function forgetUser(context: AppLoadContext): void {
  cache.delete(context);
}

const SITE = 'http://site.invalid';

/**
 * A safe place to go back to after logging in: a path on this site only. Browsers drop tabs and newlines from a URL
 * and read a backslash as a slash, so only printable ASCII is taken (anything else could turn `/\t/evil` into `//evil`, or break
 * the Location header), and the path must still be on this site once a URL parser has normalised it.
 */
export function safeRedirect(to: unknown, fallback = '/'): string {
  if (typeof to !== 'string' || to.length > 2000 || !/^\/[\x21-\x7e]*$/.test(to) || to.includes('\\')) return fallback;
  let url: URL;
  let path: string;
  try {
    url = new URL(to, SITE);
    path = decodeURIComponent(url.pathname);
  } catch {
    return fallback;
  }
  if (url.origin !== SITE || path.startsWith('//') || path.startsWith('/\\')) return fallback;
  return url.pathname + url.search + url.hash;
}

export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await getUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
  }
  return user;
}

export async function requireRole(request: Request, context: AppLoadContext, ...allowed: Role[]): Promise<SessionUser> {
  const user = await requireUser(request, context);
  if (!allowed.includes(user.role)) throw new Response('forbidden', { status: 403 });
  return user;
}

/** Each role's home: what waits for them (the shop owner's task list is on /account). */
export function homeFor(role: Role): string {
  return { applicant: '/account', vendor: '/vendor', officer: '/officer', admin: '/admin' }[role];
}

/** Where a new shop owner's journey starts: adding the business, with a word that they are signed in. */
export const FIRST_STEP = '/businesses/new?welcome=1';

/**
 * Where logging in lands (issue 12 §7): the page that asked for the login when it is on this site (e.g. a package's
 * page), otherwise the role's home — except for a shop owner with no business yet, whose next step is to add one.
 */
export async function landingAfterLogin({
  context,
  user,
  redirectTo,
  ownsEnterprise,
}: {
  context: AppLoadContext;
  user: Pick<SessionUser, 'id' | 'role'>;
  redirectTo: unknown;
  /** Whether the user owns a business, when the caller already knows (the login reads it with the account). */
  ownsEnterprise?: boolean;
}): Promise<string> {
  const asked = safeRedirect(redirectTo, '');
  if (asked && asked !== '/') return asked;
  if (user.role === 'applicant' && !(ownsEnterprise ?? (await ownsAnyEnterprise({ db: context.db, userId: user.id })))) return FIRST_STEP;
  return homeFor(user.role);
}

export async function startSession(context: AppLoadContext, userId: number): Promise<string> {
  const token = await createSession({ db: context.db, userId });
  return sessionCookieHeader(context, token);
}

/** The device token the browser sent (mf_device), for attemptLogin. */
export async function deviceToken(request: Request, context: AppLoadContext): Promise<string | undefined> {
  const value: unknown = await deviceCookie(context.secureCookies).parse(request.headers.get('Cookie'));
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

/**
 * After a successful login: the session (the one the login created, or a new one), and the browser's device token
 * (kept, renewed or new) for next time.
 */
export async function signedInHeaders(
  context: AppLoadContext,
  login: { user: { id: number }; deviceToken: string; sessionToken?: string },
): Promise<Headers> {
  const headers = new Headers();
  headers.append(
    'Set-Cookie',
    login.sessionToken ? await sessionCookieHeader(context, login.sessionToken) : await startSession(context, login.user.id),
  );
  headers.append(
    'Set-Cookie',
    await deviceCookie(context.secureCookies).serialize(login.deviceToken, { maxAge: TRUSTED_DEVICE_DAYS * 24 * 60 * 60 }),
  );
  return headers;
}

export function sessionCookieHeader(context: AppLoadContext, token: string): Promise<string> {
  return sessionCookie(context.secureCookies).serialize(token, { maxAge: SESSION_DAYS * 24 * 60 * 60 });
}

export async function endSession(request: Request, context: AppLoadContext): Promise<string> {
  const token = await sessionToken(request, context);
  if (token) await deleteSession({ db: context.db, token });
  forgetUser(context);
  return sessionCookie(context.secureCookies).serialize('', { maxAge: 0 });
}

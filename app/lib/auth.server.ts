// Who is asking: the session cookie's user, and the guards every non-public loader and action calls first.
import { redirect, type AppLoadContext } from '@remix-run/node';
import type { Role } from '../../db/schema';
import { createSession, deleteSession, findSessionUser, SESSION_DAYS, type SessionUser } from '../services/auth.server';
import { sessionCookie } from './cookies.server';
import { noteUser } from './logging.server';

async function sessionToken(request: Request, context: AppLoadContext): Promise<string | undefined> {
  const value: unknown = await sessionCookie(context.secureCookies).parse(request.headers.get('Cookie'));
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

// One lookup per request, however many loaders ask.
const cache = new WeakMap<Request, Promise<SessionUser | undefined>>();

export function getUser(request: Request, context: AppLoadContext): Promise<SessionUser | undefined> {
  let found = cache.get(request);
  if (!found) {
    found = sessionToken(request, context)
      .then((token) => (token ? findSessionUser({ db: context.db, token }) : undefined))
      .then(noteUser); // the request's log line names the user
    cache.set(request, found);
  }
  return found;
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

export async function requireRole(
  request: Request,
  context: AppLoadContext,
  ...allowed: Role[]
): Promise<SessionUser> {
  const user = await requireUser(request, context);
  if (!allowed.includes(user.role)) throw new Response('forbidden', { status: 403 });
  return user;
}

export function homeFor(role: Role): string {
  return { applicant: '/account', vendor: '/vendor', officer: '/officer', admin: '/admin' }[role];
}

export async function startSession(context: AppLoadContext, userId: number): Promise<string> {
  const token = await createSession({ db: context.db, userId });
  return sessionCookieHeader(context, token);
}

export function sessionCookieHeader(context: AppLoadContext, token: string): Promise<string> {
  return sessionCookie(context.secureCookies).serialize(token, { maxAge: SESSION_DAYS * 24 * 60 * 60 });
}

export async function endSession(request: Request, context: AppLoadContext): Promise<string> {
  const token = await sessionToken(request, context);
  if (token) await deleteSession({ db: context.db, token });
  return sessionCookie(context.secureCookies).serialize('', { maxAge: 0 });
}

// Building requests for route tests: forms with a valid CSRF pair, and a logged-in session cookie.
import type { AppLoadContext } from '@remix-run/node';
import type { DB } from '../../db/client';
import { sessionCookieHeader } from '../../app/services/session.server';
import { csrfCookie } from '../../app/lib/cookies.server';
import { attemptLogin, createSession } from '../../app/services/auth.server';
import { DEMO_PASSWORD } from '../../db/seed';

export const CSRF = 'A'.repeat(43);

export function contextFor(db: DB): AppLoadContext {
  return { db, clientIp: '127.0.0.1', secureCookies: false };
}

function cookiePair(setCookie: string): string {
  return setCookie.split(';')[0]!;
}

export async function sessionFor(db: DB, email: string): Promise<string> {
  const login = await attemptLogin({ db, email, password: DEMO_PASSWORD, ip: '127.0.0.1' });
  if (!login.ok) throw new Error(`cannot log in ${email}`);
  const token = await createSession({ db, userId: login.user.id });
  return cookiePair(await sessionCookieHeader(contextFor(db), token));
}

export async function getRequest(path: string, { session }: { session?: string } = {}): Promise<Request> {
  return new Request(`http://localhost${path}`, { headers: session ? { Cookie: session } : {} });
}

export async function postForm(
  path: string,
  fields: Record<string, string | string[]>,
  { session, csrf = CSRF }: { session?: string; csrf?: string | null } = {},
): Promise<Request> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  if (csrf !== null) body.set('_csrf', csrf);
  const cookies = [cookiePair(await csrfCookie(false).serialize(CSRF))];
  if (session) cookies.push(session);
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies.join('; ') },
    body,
  });
}

/** Runs a loader or action and returns the Response, whether it was returned or thrown. */
export async function respond(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result), { status: 200, headers: { 'Content-Type': 'application/json' } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export async function sessionForUserId(db: DB, userId: number): Promise<string> {
  return cookiePair(await sessionCookieHeader(contextFor(db), await createSession({ db, userId })));
}

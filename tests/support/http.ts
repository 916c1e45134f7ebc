// Talking to the built server in tests: a CSRF cookie pair, form posts, and logging in as a demo account.
import { csrfCookie } from '../../app/lib/cookies.server';
import { DEMO_PASSWORD } from '../../db/seed';

export const CSRF_TOKEN = 'A'.repeat(43);
let csrfPair: string | undefined;

/** The `mf_csrf=…` cookie pair that goes with CSRF_TOKEN in a form's `_csrf` field. */
export async function csrfCookiePair(): Promise<string> {
  csrfPair ??= (await csrfCookie(false).serialize(CSRF_TOKEN)).split(';')[0]!;
  return csrfPair;
}

export async function postForm(
  baseUrl: string,
  pathname: string,
  fields: Record<string, string | string[]> | URLSearchParams,
  { session, headers = {} }: { session?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const body = fields instanceof URLSearchParams ? fields : new URLSearchParams();
  if (!(fields instanceof URLSearchParams)) {
    for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    body.set('_csrf', CSRF_TOKEN);
  }
  const cookies = [await csrfCookiePair(), ...(session ? [session] : [])];
  return fetch(baseUrl + pathname, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookies.join('; '), ...headers },
    body,
  });
}

/** Logs in through the real form and returns the `mf_session=…` cookie pair. */
export async function logIn(baseUrl: string, email: string, { ip }: { ip?: string } = {}): Promise<string> {
  const response = await postForm(baseUrl, '/login', { email, password: DEMO_PASSWORD }, { headers: ip ? { 'X-Forwarded-For': ip } : {} });
  const cookie = response.headers.get('Set-Cookie') ?? '';
  const pair = /mf_session=[^;]+/.exec(cookie)?.[0];
  if (response.status !== 302 || !pair) throw new Error(`cannot log in ${email}: ${response.status}`);
  return pair;
}

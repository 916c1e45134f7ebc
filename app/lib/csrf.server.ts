// CSRF protection for every POST: a random token in an HttpOnly cookie that each form repeats in `_csrf`.
import crypto from 'node:crypto';
import type { AppLoadContext } from '@remix-run/node';
import { csrfCookie } from './cookies.server';

export const CSRF_FIELD = '_csrf';
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/** The visitor's token, and the Set-Cookie header to send when it had none. */
export async function getCsrfToken(request: Request, context: AppLoadContext): Promise<{ token: string; setCookie?: string }> {
  const cookie = csrfCookie(context.secureCookies);
  const existing: unknown = await cookie.parse(request.headers.get('Cookie'));
  if (typeof existing === 'string' && tokenPattern.test(existing)) return { token: existing };
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, setCookie: await cookie.serialize(token) };
}

export class CsrfError extends Response {}

/** Throws 403 unless the form repeats the cookie's token. */
export async function assertCsrf(request: Request, context: AppLoadContext, formData: FormData): Promise<void> {
  const expected: unknown = await csrfCookie(context.secureCookies).parse(request.headers.get('Cookie'));
  const given = formData.get(CSRF_FIELD);
  const ok =
    typeof expected === 'string' &&
    typeof given === 'string' &&
    expected.length === given.length &&
    crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(given));
  if (!ok) throw new Response('csrf', { status: 403, statusText: 'Forbidden' });
}

// The portal's cookies: session token, CSRF token, device token and language. All HttpOnly, SameSite=Lax.
import { createCookie } from '@remix-run/node';

const base = { httpOnly: true, sameSite: 'lax', path: '/' } as const;

// Each cookie made once per `secure` setting (a cookie object is its name and options; every request parses with it).
function cookiePair(name: string) {
  const plain = createCookie(name, { ...base, secure: false });
  const secure = createCookie(name, { ...base, secure: true });
  return (isSecure: boolean) => (isSecure ? secure : plain);
}

export const sessionCookie = cookiePair('mf_session');
export const csrfCookie = cookiePair('mf_csrf');
/** The browser's device token: a browser that signed in to an account is exempt from its account-wide wait (ADR 020). */
export const deviceCookie = cookiePair('mf_device');
export const languageCookie = createCookie('mf_lng', { ...base, maxAge: 60 * 60 * 24 * 365 });

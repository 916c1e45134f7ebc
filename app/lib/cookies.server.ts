// The portal's cookies: session token, CSRF token, device token and language. All HttpOnly, SameSite=Lax.
import { createCookie } from '@remix-run/node';

const base = { httpOnly: true, sameSite: 'lax', path: '/' } as const;

export const sessionCookie = (secure: boolean) => createCookie('mf_session', { ...base, secure });
export const csrfCookie = (secure: boolean) => createCookie('mf_csrf', { ...base, secure });
/** The browser's device token: a browser that signed in to an account is exempt from its account-wide wait (ADR 020). */
export const deviceCookie = (secure: boolean) => createCookie('mf_device', { ...base, secure });
export const languageCookie = createCookie('mf_lng', { ...base, maxAge: 60 * 60 * 24 * 365 });

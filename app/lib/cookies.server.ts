// The portal's cookies: session token, CSRF token and language. All HttpOnly, SameSite=Lax.
import { createCookie } from '@remix-run/node';

const base = { httpOnly: true, sameSite: 'lax', path: '/' } as const;

export const sessionCookie = (secure: boolean) => createCookie('mf_session', { ...base, secure });
export const csrfCookie = (secure: boolean) => createCookie('mf_csrf', { ...base, secure });
export const languageCookie = createCookie('mf_lng', { ...base, maxAge: 60 * 60 * 24 * 365 });



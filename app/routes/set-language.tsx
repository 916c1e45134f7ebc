// The language switch: remembered in a cookie, and on the account of a logged-in user.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { getUser, safeRedirect } from '../services/session.server';
import { languageCookie } from '../lib/cookies.server';
import { readSubmission } from '../lib/forms.server';
import { locales } from '../lib/i18n';
import { setUserLocale } from '../services/auth.server';

const schema = z.object({ lng: z.enum(locales), redirectTo: z.string().max(2000).optional() });

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await readSubmission(request, context, schema);
  if (!parsed.ok) return parsed.reply;
  const user = await getUser(request, context);
  if (user) await setUserLocale({ db: context.db, userId: user.id, locale: parsed.data.lng });
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { 'Set-Cookie': await languageCookie.serialize(parsed.data.lng) },
  });
}

// Visitors switch with a GET (the public pages they read are shared and carry no CSRF token): it only sets the
// cookie. A signed-in user's saved choice wins over the cookie, so a GET cannot change what they see.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const parsed = schema.safeParse({ lng: url.searchParams.get('lng'), redirectTo: url.searchParams.get('redirectTo') ?? undefined });
  if (!parsed.success) return redirect('/');
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { 'Set-Cookie': await languageCookie.serialize(parsed.data.lng) },
  });
}

// The language switch: remembered in a cookie, and on the account of a logged-in user.
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { getUser, safeRedirect } from '../lib/auth.server';
import { languageCookie } from '../lib/cookies.server';
import { readForm } from '../lib/forms.server';
import { locales } from '../lib/i18n';
import { setUserLocale } from '../services/auth.server';

const schema = z.object({ lng: z.enum(locales), redirectTo: z.string().max(2000).optional() });

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const parsed = schema.safeParse({ lng: form.get('lng'), redirectTo: form.get('redirectTo') ?? undefined });
  if (!parsed.success) throw new Response('bad language', { status: 400 });
  const user = await getUser(request, context);
  if (user) await setUserLocale({ db: context.db, userId: user.id, locale: parsed.data.lng });
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { 'Set-Cookie': await languageCookie.serialize(parsed.data.lng) },
  });
}

export async function loader() {
  return redirect('/');
}

// Logging out ends the server-side session row, not just the cookie.
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { endSession } from '../services/session.server';
import { readSubmission } from '../lib/forms.server';

export async function action({ request, context }: ActionFunctionArgs) {
  // Nothing to read but the CSRF token.
  await readSubmission(request, context, z.object({}));
  return redirect('/', { headers: { 'Set-Cookie': await endSession(request, context) } });
}

export async function loader() {
  return redirect('/');
}

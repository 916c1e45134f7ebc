// Logging out ends the server-side session row, not just the cookie.
import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { endSession } from '../services/session.server';
import { readForm } from '../lib/forms.server';

export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request, context);
  return redirect('/', { headers: { 'Set-Cookie': await endSession(request, context) } });
}

export async function loader() {
  return redirect('/');
}

// Log in: email and password, throttled per account and address and per account from anywhere.
import { json, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput, FormErrorSummary, TextField } from '../components/forms';
import { deviceToken, getUser, landingAfterLogin, signedInHeaders } from '../services/session.server';
import { languageCookie } from '../lib/cookies.server';
import { BusyError } from '../lib/limiter';
import { readSubmission, reply, replyBody, type Failure, type FormReply } from '../lib/forms.server';
import { isLocale, withGap } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { requiredText } from '../lib/validation';
import { attemptLogin, setUserLocale } from '../services/auth.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth:loginTitle');

const schema = z.object({
  email: requiredText({ max: 254 }),
  password: z.string({ error: 'errors:required' }).min(1, 'errors:required').max(256, 'errors:too_long'),
  redirectTo: z.string().max(2000).optional(),
});

// A page rendered after the action keeps only its cookies unless told otherwise: keep the throttle's Retry-After.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After');
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers();
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  // Already signed in (a second tab, the back button): go on to where the login would have led.
  if (user) return redirect(await landingAfterLogin({ context, user, redirectTo: new URL(request.url).searchParams.get('redirectTo') }));
  return null;
}

const failures = {
  too_busy: { status: 503, message: 'auth:too_busy' },
  too_many_attempts: { status: 429, message: 'auth:too_many_attempts' },
  invalid_credentials: { status: 400, message: 'auth:invalid_credentials' },
} satisfies Record<string, Failure>;

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await readSubmission(request, context, schema);
  if (!submission.ok) return submission.reply;
  const { data: parsed, form } = submission;
  const result = await attemptLogin({
    db: context.db,
    email: parsed.email,
    password: parsed.password,
    ip: context.clientIp,
    deviceToken: await deviceToken(request, context),
    startSession: true,
  }).catch((error: unknown) => {
    if (error instanceof BusyError) return { ok: false as const, code: 'too_busy' as const };
    throw error;
  });
  if (!result.ok && result.code === 'too_busy') return reply(form, failures.too_busy, { 'Retry-After': '5' });
  if (!result.ok && result.code === 'too_many_attempts') {
    return json<FormReply & { retryAfterMinutes: number }>(
      { ...replyBody(form, failures.too_many_attempts), retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60) },
      { status: failures.too_many_attempts.status, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    );
  }
  if (!result.ok) return reply(form, failures[result.code]);
  // A language chosen with the switch before logging in is the latest choice: remember it on the account.
  const chosen: unknown = await languageCookie.parse(request.headers.get('Cookie'));
  if (isLocale(chosen) && chosen !== result.user.locale) await setUserLocale({ db: context.db, userId: result.user.id, locale: chosen });
  // The session was created with the login's record; where to go needs no query that could fail after it.
  const target = await landingAfterLogin({
    context,
    user: result.user,
    redirectTo: parsed.redirectTo,
    ownsEnterprise: result.ownsEnterprise,
  });
  return redirect(target, { headers: await signedInHeaders(context, result) });
}

export default function Login() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  const labels = { email: t('auth:email'), password: t('auth:password') };
  return (
    <div className="narrow">
      <FormErrorSummary errors={actionData?.fieldErrors} formErrors={actionData?.formErrors} />
      <h1>{t('auth:loginTitle')}</h1>
      {params.get('registered') === '1' && !actionData ? (
        <div className="notice notice--success" role="status">
          {t('auth:registered')}
        </div>
      ) : null}
      {actionData && 'retryAfterMinutes' in actionData && typeof actionData.retryAfterMinutes === 'number' ? (
        <p className="notice" role="status">
          {t('auth:retryAfter', { count: actionData.retryAfterMinutes })}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <TextField
          name="email"
          type="email"
          label={labels.email}
          autoComplete="username"
          defaultValue={actionData?.values?.email}
          errors={actionData?.fieldErrors}
        />
        <TextField
          name="password"
          type="password"
          label={labels.password}
          autoComplete="current-password"
          errors={actionData?.fieldErrors}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('auth:loginButton')}
        </button>
      </Form>
      <p>
        {withGap(t('auth:noAccount'))}
        <AppLink
          to={params.get('redirectTo') ? `/register?${new URLSearchParams({ redirectTo: params.get('redirectTo')! })}` : '/register'}
        >
          {t('auth:registerLink')}
        </AppLink>
      </p>
    </div>
  );
}

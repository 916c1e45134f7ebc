// The signed-in user's account: for a shop owner the task list of their journey first, then who they are and
// changing the password.
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput, FormErrorSummary, TextField } from '../components/forms';
import { TaskList } from '../components/task-list';
import { taskList } from '../domain/task-list';
import { requireUser, sessionCookieHeader } from '../services/session.server';
import { readSubmission, reply, type Failure } from '../lib/forms.server';
import { pageTitle } from '../lib/meta';
import { changePassword } from '../services/auth.server';
import { refuseCommonPassword } from '../lib/common-passwords.server';
import { passwordSchema } from '../lib/validation';
import { taskCountsFor } from '../services/task-list.server';
import { shopWaitingWork } from '../services/waiting-work.server';
import { WaitingList } from '../components/waiting-list';
import matchStyles from '../styles/match.css';
import { AppLink } from '../components/app-link';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: matchStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth:accountTitle');

const schema = z
  .object({
    currentPassword: z.string({ error: 'errors:required' }).min(1, 'errors:required').max(256, 'errors:too_long'),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: 'errors:required' }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ['confirmPassword'],
    message: 'errors:passwords_differ',
  })
  // Called only when the action parses (on the server): the password list never reaches the browser bundle.
  .superRefine((value, ctx) => refuseCommonPassword('newPassword')(value, ctx));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const counts = user.role === 'applicant' ? await taskCountsFor({ db: context.db, userId: user.id }) : null;
  const tasks = counts ? taskList(counts) : null;
  const waiting = counts ? shopWaitingWork(counts) : null;
  return json({ user: { email: user.email, displayName: user.displayName, role: user.role }, tasks, waiting });
}

const failures = {
  wrong_current_password: { status: 400, message: 'auth:wrong_current_password', field: 'currentPassword' },
} satisfies Record<string, Failure>;

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const parsed = await readSubmission(request, context, schema);
  if (!parsed.ok) return parsed.reply;
  const result = await changePassword({
    db: context.db,
    userId: user.id,
    currentPassword: parsed.data.currentPassword,
    newPassword: parsed.data.newPassword,
  });
  if (!result.ok) return reply(parsed.form, failures[result.code]);
  // A redirect carries the new session cookie on every path. Answering with the page instead would run its loaders
  // with the old cookie, whose session the change has just ended: without JavaScript the user was logged out.
  return redirect('/account?changed=1', { headers: { 'Set-Cookie': await sessionCookieHeader(context, result.token) } });
}

export default function Account() {
  const { t } = useTranslation();
  const { user, tasks, waiting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const [params] = useSearchParams();
  const changed = params.get('changed') === '1' && !actionData;
  const labels = {
    currentPassword: t('auth:currentPassword'),
    newPassword: t('auth:newPassword'),
    confirmPassword: t('auth:confirmPassword'),
  };
  return (
    <div className="narrow">
      <FormErrorSummary errors={actionData?.fieldErrors} formErrors={actionData?.formErrors} />
      <h1>{t('auth:accountTitle')}</h1>
      {waiting ? <WaitingList items={waiting} /> : null}
      {tasks ? <TaskList items={tasks} /> : null}
      <dl className="summary-list">
        <div>
          <dt>{t('auth:displayName')}</dt>
          <dd>{user.displayName}</dd>
        </div>
        <div>
          <dt>{t('auth:email')}</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>{t('auth:role')}</dt>
          <dd>{t(`common:roles.${user.role}`)}</dd>
        </div>
      </dl>
      {user.role === 'applicant' ? (
        <p>
          <AppLink to="/solutions">{t('auth:browseCatalogue')}</AppLink>
        </p>
      ) : null}
      <h2>{t('auth:changePasswordTitle')}</h2>
      {changed ? (
        <div className="notice notice--success" role="status">
          {t('auth:passwordChanged')}
        </div>
      ) : null}
      <Form method="post" noValidate>
        <CsrfInput />
        <TextField
          name="currentPassword"
          type="password"
          label={labels.currentPassword}
          autoComplete="current-password"
          errors={actionData?.fieldErrors}
        />
        <TextField
          name="newPassword"
          type="password"
          label={labels.newPassword}
          hint={t('auth:passwordHint')}
          autoComplete="new-password"
          errors={actionData?.fieldErrors}
          maxLength={128}
        />
        <TextField
          name="confirmPassword"
          type="password"
          label={labels.confirmPassword}
          autoComplete="new-password"
          errors={actionData?.fieldErrors}
          maxLength={128}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('auth:changePasswordButton')}
        </button>
      </Form>
    </div>
  );
}

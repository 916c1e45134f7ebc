// Register as a shop owner (applicant) or a solution provider (vendor). Staff accounts are made by an admin.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput, ErrorSummary, RadioGroup, TextField } from '../components/forms';
import { selfRegisterRoles } from '../domain/programme';
import { getUser, homeFor, safeRedirect, startSession } from '../lib/auth.server';
import { parseForm, readForm } from '../lib/forms.server';
import { detectLocale } from '../lib/i18n.server';
import { pageTitle } from '../lib/meta';
import { passwordSchema } from '../lib/validation';
import { registerUser } from '../services/auth.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth:registerTitle');

const schema = z
  .object({
    role: z.enum(selfRegisterRoles, { error: 'errors:choose_role' }),
    displayName: z.string({ error: 'errors:required' }).trim().min(1, 'errors:required').max(100, 'errors:too_long'),
    email: z.string({ error: 'errors:required' }).trim().max(254, 'errors:too_long').pipe(z.email('errors:email_invalid')),
    password: passwordSchema,
    confirmPassword: z.string({ error: 'errors:required' }),
    // Where to go once registered (e.g. back to a matcher result): a path on this site only, see safeRedirect.
    redirectTo: z.string().max(2000).optional(),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ['confirmPassword'],
    message: 'errors:passwords_differ',
  });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  if (user) return redirect(homeFor(user.role));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const parsed = parseForm(schema, form);
  if (!parsed.ok) return json({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const result = await registerUser({
    db: context.db,
    input: { ...parsed.data, locale: await detectLocale(request) },
  });
  if (!result.ok) {
    const { password: _p, confirmPassword: _c, redirectTo: _r, ...values } = parsed.data;
    return json({ fieldErrors: { email: ['auth:email_taken'] }, values }, { status: 400 });
  }
  return redirect(safeRedirect(parsed.data.redirectTo, homeFor(result.user.role)), {
    headers: { 'Set-Cookie': await startSession(context, result.user.id) },
  });
}

export default function Register() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const [params] = useSearchParams();
  const redirectTo = params.get('redirectTo') ?? '';
  const errors = actionData?.fieldErrors;
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  const labels = {
    role: t('auth:role'),
    displayName: t('auth:displayName'),
    email: t('auth:email'),
    password: t('auth:password'),
    confirmPassword: t('auth:confirmPassword'),
  };
  return (
    <div className="narrow">
      <h1>{t('auth:registerTitle')}</h1>
      <p className="lead">{t('auth:registerLead')}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <RadioGroup
          name="role"
          legend={labels.role}
          errors={errors}
          defaultValue={values.role ?? 'applicant'}
          options={[
            { value: 'applicant', label: t('auth:roleApplicant'), hint: t('auth:roleApplicantHint') },
            { value: 'vendor', label: t('auth:roleVendor'), hint: t('auth:roleVendorHint') },
          ]}
        />
        <TextField name="displayName" label={labels.displayName} autoComplete="name" defaultValue={values.displayName} errors={errors} />
        <TextField name="email" type="email" label={labels.email} autoComplete="email" defaultValue={values.email} errors={errors} />
        <TextField
          name="password"
          type="password"
          label={labels.password}
          hint={t('auth:passwordHint')}
          autoComplete="new-password"
          errors={errors}
          maxLength={128}
        />
        <TextField
          name="confirmPassword"
          type="password"
          label={labels.confirmPassword}
          autoComplete="new-password"
          errors={errors}
          maxLength={128}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('auth:registerButton')}
        </button>
      </Form>
      <p>
        {t('auth:haveAccount')} <Link to={redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : '/login'}>{t('auth:loginLink')}</Link>
      </p>
    </div>
  );
}

// Register as a shop owner (applicant) or a solution provider (vendor). Staff accounts are made by an admin.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CsrfInput, FormErrorSummary, RadioGroup, TextField } from '../components/forms';
import { selfRegisterRoles } from '../domain/programme';
import { getUser, homeFor, safeRedirect } from '../services/session.server';
import { readSubmission } from '../lib/forms.server';
import { detectLocale } from '../lib/i18n.server';
import { withGap } from '../lib/i18n';
import { pageTitle } from '../lib/meta';
import { refuseCommonPassword } from '../lib/common-passwords.server';
import { emailAddress, passwordSchema, requiredText } from '../lib/validation';
import { registerUser, tellOwnerOfRegistrationAttempt } from '../services/auth.server';
import { AppLink } from '../components/app-link';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth:registerTitle');

const schema = z
  .object({
    role: z.enum(selfRegisterRoles, { error: 'errors:choose_role' }),
    displayName: requiredText({ max: 100 }),
    email: emailAddress,
    password: passwordSchema,
    confirmPassword: z.string({ error: 'errors:required' }),
    // Where to go once registered (e.g. back to a matcher result): a path on this site only, see safeRedirect.
    redirectTo: z.string().max(2000).optional(),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ['confirmPassword'],
    message: 'errors:passwords_differ',
  })
  // Called only when the action parses (on the server): the password list never reaches the browser bundle.
  .superRefine((value, ctx) => refuseCommonPassword('password', 'email')(value, ctx));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getUser(request, context);
  if (user) return redirect(homeFor(user.role));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await readSubmission(request, context, schema);
  if (!parsed.ok) return parsed.reply;
  const result = await registerUser({
    db: context.db,
    input: { ...parsed.data, locale: await detectLocale(request) },
  });
  // A new account and an email that already has one get the same answer, so that this form cannot tell anyone who
  // has an account; the owner of the existing one is told instead. Either way the next step is to log in.
  if (!result.ok) await tellOwnerOfRegistrationAttempt({ db: context.db, email: parsed.data.email });
  // A page that sent the visitor here (a matcher result, a package) is where the login returns them.
  const next = safeRedirect(parsed.data.redirectTo, '');
  return redirect(next ? `/login?registered=1&redirectTo=${encodeURIComponent(next)}` : '/login?registered=1');
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
      <FormErrorSummary errors={errors} formErrors={actionData?.formErrors} />
      <h1>{t('auth:registerTitle')}</h1>
      <p className="lead">{t('auth:registerLead')}</p>
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
        {withGap(t('auth:haveAccount'))}
        <AppLink to={redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : '/login'}>{t('auth:loginLink')}</AppLink>
      </p>
    </div>
  );
}
